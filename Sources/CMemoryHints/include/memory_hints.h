#ifndef SIKLUS_MEMORY_HINTS_H
#define SIKLUS_MEMORY_HINTS_H

#if defined(__linux__)
#include <malloc.h>
#endif

/// Asks the processor to start loading the cache line at `address` for reading, without waiting for it
/// (a hint: never faults, whatever the address). Swift has no prefetch of its own; the loader issues one
/// per customer id several rows before it probes the id dictionary, so the probe finds the line in cache.
static inline void siklus_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Hands the free pages inside glibc's heaps back to the kernel (`malloc_trim`): blocks under glibc's mmap
/// threshold (which rises to the size of every freed mapping, up to 32 MiB) are freed into the heaps, and
/// stay resident until trimmed. A no-op elsewhere.
static inline void siklus_release_free_heap(void) {
#if defined(__linux__)
    malloc_trim(0);
#endif
}

#endif
