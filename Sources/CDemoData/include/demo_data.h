#ifndef SIKLUS_DEMO_DATA_H
#define SIKLUS_DEMO_DATA_H

#include <stddef.h>

/// How many files of the demo dataset are embedded in the binary (0 when the compiler lacks `#embed`).
size_t siklus_demo_file_count(void);

/// The name of embedded file `index` (`customers.csv`, …, `tour.sik`).
const char *siklus_demo_file_name(size_t index);

/// The bytes of embedded file `index`; `*size` receives their count.
const unsigned char *siklus_demo_file_bytes(size_t index, size_t *size);

#endif
