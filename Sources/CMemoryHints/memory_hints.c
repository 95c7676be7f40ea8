// The module is header-only (static inline functions, inlined into Swift callers); SwiftPM needs a source file.
#include "memory_hints.h"
