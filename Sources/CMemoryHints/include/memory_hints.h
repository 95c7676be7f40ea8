#ifndef SIKLUS_MEMORY_HINTS_H
#define SIKLUS_MEMORY_HINTS_H

/// Asks the processor to start loading the cache line at `address` for reading, without waiting for it
/// (a hint: never faults, whatever the address). Swift has no prefetch of its own; the loader issues one
/// per customer id several rows before it probes the id dictionary, so the probe finds the line in cache.
static inline void siklus_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
