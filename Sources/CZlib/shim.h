// zlib, for loading gzip-compressed CSV files (inflate) and for the fuzzer's gzip copies of its inputs (deflate).
#include <zlib.h>
