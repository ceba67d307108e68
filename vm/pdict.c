/* pdict.c - the process dictionary's table (see pdict.h). */
#include "pdict.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "term_hash.h"

#define ERASED UINT32_MAX

/* The index slot holding key, or the first free one on its probe path. */
static uint32_t *slot_for(const ProcDict *d, Term key, uint64_t h)
{
    uint32_t *tomb = NULL;
    for (uint32_t i = (uint32_t)h & d->mask;; i = (i + 1) & d->mask) {
        uint32_t v = d->index[i];
        if (v == 0)
            return tomb ? tomb : &d->index[i];
        if (v == ERASED) {
            if (!tomb)
                tomb = &d->index[i];
        } else if (term_eq_exact(d->e[v - 1].key, key)) {
            return &d->index[i];
        }
    }
}

/* Rebuilds e[] without holes and the index at a size fit for `want`
 * entries. */
static bool rebuild(ProcDict *d, uint32_t want)
{
    uint32_t cap = 8;
    while (cap < want * 2)
        cap *= 2;
    uint32_t isize = cap * 2;
    PDictEntry *e = malloc(cap * sizeof *e);
    uint32_t *index = calloc(isize, sizeof *index);
    if (!e || !index) {
        free(e);
        free(index);
        return false;
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->n; i++)
        if (d->e[i].key != THE_NON_VALUE)
            e[n++] = d->e[i];
    free(d->e);
    free(d->index);
    d->e = e;
    d->index = index;
    d->cap = cap;
    d->mask = isize - 1;
    d->n = d->live = n;
    for (uint32_t i = 0; i < n; i++)
        *slot_for(d, e[i].key, term_hash(e[i].key)) = i + 1;
    return true;
}

Term pdict_get(const ProcDict *d, Term key)
{
    if (!d || d->live == 0)
        return THE_NON_VALUE;
    uint32_t v = *slot_for(d, key, term_hash(key));
    return v && v != ERASED ? d->e[v - 1].val : THE_NON_VALUE;
}

bool pdict_put(ProcDict **dp, Term key, Term val, Term *old)
{
    ProcDict *d = *dp;
    if (!d) {
        d = calloc(1, sizeof *d);
        if (!d || !rebuild(d, 4)) {
            free(d);
            return false;
        }
        *dp = d;
    }
    uint64_t h = term_hash(key);
    uint32_t *s = slot_for(d, key, h);
    if (*s && *s != ERASED) {
        *old = d->e[*s - 1].val;
        d->e[*s - 1].val = val;
        return true;
    }
    *old = THE_NON_VALUE;
    if (d->n == d->cap) {
        /* Full: compact (many erased) or grow, then find the slot again. */
        if (!rebuild(d, d->live + 1 > d->n / 2 ? d->live * 2 + 2 : d->live + 1))
            return false;
        s = slot_for(d, key, h);
    }
    d->e[d->n] = (PDictEntry){ key, val };
    *s = ++d->n;
    d->live++;
    return true;
}

Term pdict_erase(ProcDict *d, Term key)
{
    if (!d || d->live == 0)
        return THE_NON_VALUE;
    uint32_t *s = slot_for(d, key, term_hash(key));
    if (!*s || *s == ERASED)
        return THE_NON_VALUE;
    PDictEntry *e = &d->e[*s - 1];
    Term old = e->val;
    e->key = e->val = THE_NON_VALUE;
    *s = ERASED;
    d->live--;
    if (d->live == 0) {
        /* Empty: start over, so the holes and erased slots go. */
        memset(d->index, 0, (d->mask + 1) * sizeof *d->index);
        d->n = 0;
    }
    return old;
}

void pdict_free(ProcDict *d)
{
    if (!d)
        return;
    free(d->e);
    free(d->index);
    free(d);
}
