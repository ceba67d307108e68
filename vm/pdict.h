/* pdict.h - the process dictionary's table (put/get/erase in bif_dict.c).
 *
 * A hash table off the heap: a dense array of {key, value} in insertion
 * order (deleted entries are holes until the next compaction) and an
 * open-addressing index of positions in it, hashed by term_hash. Keys and
 * values are terms on the process heap; the collector treats every entry
 * as a root (gc.c). Allocated on the first put, so a process that never
 * uses its dictionary pays one pointer. Only the owning process touches it. */
#ifndef BL_PDICT_H
#define BL_PDICT_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"

typedef struct {
    Term key, val; /* key THE_NON_VALUE: erased */
} PDictEntry;

typedef struct ProcDict {
    uint32_t n;     /* entries used in e[], holes included */
    uint32_t live;  /* entries not erased */
    uint32_t cap;   /* e[] capacity */
    uint32_t mask;  /* index size - 1 (a power of two) */
    PDictEntry *e;
    uint32_t *index; /* 0 empty, UINT32_MAX erased, else position in e[] + 1 */
} ProcDict;

/* The value for key, or THE_NON_VALUE. */
Term pdict_get(const ProcDict *d, Term key);

/* Sets key to val (*dp created if NULL); *old gets the previous value or
 * THE_NON_VALUE. False if out of memory. */
bool pdict_put(ProcDict **dp, Term key, Term val, Term *old);

/* Removes key; returns its value or THE_NON_VALUE. */
Term pdict_erase(ProcDict *d, Term key);

static inline uint32_t pdict_size(const ProcDict *d) { return d ? d->live : 0; }

void pdict_free(ProcDict *d);

#endif
