// zlib's inflate API, for loading gzip-compressed CSV files.
#include <zlib.h>
