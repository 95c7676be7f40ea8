#ifndef SIKLUS_MEMORY_HINTS_H
#define SIKLUS_MEMORY_HINTS_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#if defined(__linux__)
#include <malloc.h>
// `mremap` is a GNU extension: its flags and declaration may be hidden when this header is built as a module.
#ifndef MREMAP_MAYMOVE
#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED 2
extern void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...);
#endif
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
/// Bit i set when byte i of the 16 at `p` (unaligned, all readable) is `a` or `b`: the parser's search for a
/// field's end, 16 bytes per step (SSE2, in every x86-64 processor; elsewhere a plain loop the compiler may
/// vectorize). Swift has no portable byte-mask instruction of its own.
static inline unsigned siklus_match16(const void *p, unsigned char a, unsigned char b) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)a)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b)));
    return (unsigned)_mm_movemask_epi8(hits);
}
#else
static inline unsigned siklus_match16(const void *p, unsigned char a, unsigned char b) {
    const unsigned char *s = (const unsigned char *)p;
    unsigned bits = 0;
    for (int i = 0; i < 16; i++) bits |= (unsigned)(s[i] == a || s[i] == b) << i;
    return bits;
}
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

/// Faults in writable, in one call, the whole pages of `bytes` at `p` (part of a `siklus_map_zeroed`
/// mapping): a table's first access is a probe, a read, which maps the shared zero page, and the insert after
/// it then faulted again to replace it (Linux 5.14+; older kernels refuse the advice and fault on first use).
static inline void siklus_populate(void *p, size_t bytes) {
#if defined(__linux__)
    (void)madvise(p, bytes, 23 /* MADV_POPULATE_WRITE */);
#endif
}

/// `bytes` of zeroed memory in a mapping of its own (anonymous, private), on Linux asked to be backed by
/// 2 MiB pages where the kernel can (`MADV_HUGEPAGE`): a table probed at random then takes a TLB entry and a
/// page fault per 2 MiB instead of per 4 KiB. A mapping of its own, so `siklus_unmap_zeroed` hands it back
/// whole (blocks from malloc's heaps can stay resident after they are freed). With `populate`, faulted in
/// writable now, in one call (`siklus_populate`); without, the caller populates it, perhaps in parts on
/// several cores. NULL when out of memory.
static inline void *siklus_map_zeroed(size_t bytes, int populate) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    (void)madvise(p, bytes, MADV_HUGEPAGE);
#endif
    if (populate) siklus_populate(p, bytes);
    return p;
}

/// Asks that the 2 MiB-aligned part of `bytes` at `p` (untouched memory: a fresh mapping from malloc) be
/// backed by 2 MiB pages when first written (`MADV_HUGEPAGE`): one page fault per 2 MiB instead of 512.
static inline void siklus_advise_huge_pages(void *p, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const size_t huge = (size_t)2 << 20;
    size_t start = ((size_t)p + huge - 1) & ~(huge - 1);
    size_t end = ((size_t)p + bytes) & ~(huge - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#endif
}

/// Hands back to the kernel the whole pages inside `bytes` at `p` (`MADV_DONTNEED`), a block whose contents
/// are no longer needed but which is freed only later (a column buffer already copied out): its memory stops
/// counting at once. The partial pages at both ends are kept, so malloc's own words beside the block are
/// never touched; the block reads as zeros afterwards and may still be written and freed as usual.
static inline void siklus_release_pages(void *p, size_t bytes) {
#if defined(__linux__)
    const size_t page = 4096;
    size_t start = ((size_t)p + page - 1) & ~(page - 1);
    size_t end = ((size_t)p + bytes) & ~(page - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_DONTNEED);
#endif
}

/// Unmaps memory from `siklus_map_zeroed`.
static inline void siklus_unmap_zeroed(void *p, size_t bytes) {
    (void)munmap(p, bytes);
}

/// `bytes` (a multiple of the page size) of zeroed memory in a plain mapping of its own (anonymous,
/// private, 4 KiB pages): a load's large column buffers, whose pages `siklus_move_pages` can later move
/// into another array, and whose size `siklus_resize_map` can change without copying. NULL when out of memory.
static inline void *siklus_map(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/// A mapping from `siklus_map` resized to `new_bytes` (moved if it must be; its pages move with it, not
/// copied). NULL, with the mapping unchanged, when that fails or the system has no `mremap`.
static inline void *siklus_resize_map(void *p, size_t old_bytes, size_t new_bytes) {
#if defined(__linux__) && defined(MREMAP_MAYMOVE)
    void *q = mremap(p, old_bytes, new_bytes, MREMAP_MAYMOVE);
    return q == MAP_FAILED ? NULL : q;
#else
    (void)p; (void)old_bytes; (void)new_bytes;
    return NULL;
#endif
}

/// Moves the pages of `bytes` at `from` (inside a `siklus_map` mapping whose contents are no longer needed)
/// to `to`, over whatever `to` held: the page table entries move, no byte is copied or zeroed, and
/// `from..<from + bytes` is unmapped. Both addresses and `bytes` are page-aligned, and `to` is writable
/// anonymous private memory of the caller's. Returns 0 on success. On failure `to..<to + bytes` is mapped
/// afresh (zeroed), as Linux may have unmapped it already: -1 then, or -2 if even that failed.
static inline int siklus_move_pages(void *from, size_t bytes, void *to) {
#if defined(__linux__) && defined(MREMAP_FIXED)
    if (mremap(from, bytes, bytes, MREMAP_MAYMOVE | MREMAP_FIXED, to) != MAP_FAILED) return 0;
    void *p = mmap(to, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    return p == MAP_FAILED ? -2 : -1;
#else
    (void)from; (void)bytes; (void)to;
    return -1;
#endif
}

#endif
