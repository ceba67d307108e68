/* links.c - links and monitors of a process (see links.h).
 *
 * The index is open addressing with linear probing over a power-of-two
 * table at most half full; a slot holds an entry's position + 1 (0: empty).
 * Removing shifts the following cluster back instead of leaving tombstones,
 * so a set that churns (monitor, demonitor, ...) never degrades. Sets of
 * up to SMALL entries have no index: scanning them is as fast. */
#include "links.h"

#include <stdlib.h>

#define SMALL 8

struct ProcLinks {
    uint32_t n, cap;
    uint32_t *index; /* NULL while cap <= SMALL */
    uint32_t mask;   /* index size - 1 */
    LinkEntry e[];
};

static uint64_t key_of(uint32_t type, Term pid, uint64_t ref)
{
    return type == LK_LINK ? (uint64_t)pid : ref;
}

static uint32_t slot_of(const ProcLinks *l, uint32_t type, uint64_t key)
{
    uint64_t h = (key ^ ((uint64_t)type << 61)) * 0x9E3779B97F4A7C15u;
    return (uint32_t)(h >> 32) & l->mask;
}

static bool matches(const LinkEntry *e, uint32_t type, uint64_t key)
{
    return e->type == type && key_of(type, e->pid, e->ref) == key;
}

/* The index slot that holds entry i. */
static uint32_t slot_holding(const ProcLinks *l, uint32_t i)
{
    const LinkEntry *e = &l->e[i];
    uint32_t s = slot_of(l, e->type, key_of(e->type, e->pid, e->ref));
    while (l->index[s] != i + 1)
        s = (s + 1) & l->mask;
    return s;
}

static void index_put(ProcLinks *l, uint32_t i)
{
    const LinkEntry *e = &l->e[i];
    uint32_t s = slot_of(l, e->type, key_of(e->type, e->pid, e->ref));
    while (l->index[s])
        s = (s + 1) & l->mask;
    l->index[s] = i + 1;
}

/* Empties slot s, moving later entries of its cluster back so every entry
 * stays reachable from its home slot. */
static void index_delete(ProcLinks *l, uint32_t s)
{
    uint32_t hole = s;
    for (uint32_t j = (s + 1) & l->mask; l->index[j]; j = (j + 1) & l->mask) {
        const LinkEntry *e = &l->e[l->index[j] - 1];
        uint32_t home = slot_of(l, e->type, key_of(e->type, e->pid, e->ref));
        /* Movable into the hole if its home is not in (hole, j]. */
        if (((j - home) & l->mask) >= ((j - hole) & l->mask)) {
            l->index[hole] = l->index[j];
            hole = j;
        }
    }
    l->index[hole] = 0;
}

LinkEntry *lk_find(ProcLinks *l, uint32_t type, Term pid, uint64_t ref)
{
    if (!l)
        return NULL;
    uint64_t key = key_of(type, pid, ref);
    if (!l->index) {
        for (uint32_t i = 0; i < l->n; i++)
            if (matches(&l->e[i], type, key))
                return &l->e[i];
        return NULL;
    }
    for (uint32_t s = slot_of(l, type, key); l->index[s]; s = (s + 1) & l->mask) {
        LinkEntry *e = &l->e[l->index[s] - 1];
        if (matches(e, type, key))
            return e;
    }
    return NULL;
}

/* Grows the set to cap entries, with an index of 2 * cap slots once past
 * SMALL. */
static bool grow(ProcLinks **lp, uint32_t cap)
{
    ProcLinks *l = *lp;
    uint32_t *index = NULL;
    if (cap > SMALL) {
        index = calloc((size_t)cap * 2, sizeof *index);
        if (!index)
            return false;
    }
    ProcLinks *n = realloc(l, sizeof *n + (size_t)cap * sizeof(LinkEntry));
    if (!n) {
        free(index);
        return false;
    }
    if (!l) {
        n->n = 0;
        n->index = NULL;
    }
    n->cap = cap;
    free(n->index);
    n->index = index;
    n->mask = cap * 2 - 1;
    for (uint32_t i = 0; index && i < n->n; i++)
        index_put(n, i);
    *lp = n;
    return true;
}

bool lk_add(ProcLinks **lp, uint32_t type, Term pid, uint64_t ref, Term name)
{
    ProcLinks *l = *lp;
    if (!l || l->n == l->cap) {
        if (l && l->cap > UINT32_MAX / 4)
            return false;
        if (!grow(lp, l ? l->cap * 2 : 2))
            return false;
        l = *lp;
    }
    uint32_t i = l->n++;
    l->e[i] = (LinkEntry){ type, pid, ref, name };
    if (l->index)
        index_put(l, i);
    return true;
}

void lk_remove(ProcLinks **lp, LinkEntry *e)
{
    ProcLinks *l = *lp;
    uint32_t i = (uint32_t)(e - l->e), last = l->n - 1;
    if (l->index) {
        index_delete(l, slot_holding(l, i));
        if (i != last)
            l->index[slot_holding(l, last)] = i + 1;
    }
    l->e[i] = l->e[last];
    l->n = last;
    if (l->n == 0) {
        lk_free(l);
        *lp = NULL;
    }
}

uint32_t lk_count(const ProcLinks *l) { return l ? l->n : 0; }

LinkEntry *lk_entry(ProcLinks *l, uint32_t i) { return &l->e[i]; }

void lk_free(ProcLinks *l)
{
    if (l)
        free(l->index);
    free(l);
}
