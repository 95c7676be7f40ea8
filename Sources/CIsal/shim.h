// Intel ISA-L's streaming inflate (igzip), for loading gzip-compressed CSV files.
#include <isa-l/igzip_lib.h>
