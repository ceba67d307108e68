/* term_stack.h - a growable stack of terms in malloc'd memory, for walks
 * over terms that must not recurse in C (a term may nest millions deep). */
#ifndef BL_TERM_STACK_H
#define BL_TERM_STACK_H

#include <stdbool.h>
#include <stdlib.h>

#include "term.h"

typedef struct {
    Term *v;
    size_t n, cap;
} TermStack;

/* False if out of memory (the stack is unchanged). */
static inline bool tstack_push(TermStack *s, Term t)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        Term *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return false;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = t;
    return true;
}

static inline void tstack_free(TermStack *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

#endif
