/* gc.h - per-process generational copying garbage collection.
 *
 * The collector is Cheney's: live objects are copied to a fresh block and
 * scanned breadth-first. Young objects that already survived one collection
 * (those below high_water) are promoted to the old heap; when the old heap
 * fills, a full collection copies both generations. Roots are x registers
 * 0..live-1, every word of the stack (return addresses and catch markers are
 * skipped by their tags), the process dictionary and the exception fields.
 * Terms outside this process's heaps (literals of loaded modules) are left
 * where they are. */
#ifndef BL_GC_H
#define BL_GC_H

#include "process.h"

/* Collects so that at least `need` words are free afterwards, growing the
 * heap if needed. Returns false when that would pass max_heap_size or memory
 * is exhausted. */
bool gc_collect(Process *p, size_t need, unsigned live);

/* A full collection (both generations), as erlang:garbage_collect/0. */
bool gc_collect_full(Process *p, size_t need, unsigned live);

/* When set (BEAMLET_GC_STRESS=1 in the environment, or the -gcstress flag),
 * every proc_reserve collects, even when the space is there. */
extern bool gc_stress;

/* Initial young heap size, words. */
#define GC_MIN_HEAP_WORDS 233

#endif
