/* process.c - process control blocks and their heap blocks.
 * (Placeholder: no collection yet; the GC engineer replaces proc_reserve's
 * body with a call into gc.c.) */
#include "process.h"

#include <stdlib.h>
#include <string.h>

#include "gc.h"

bool gc_stress;

Process *proc_new(size_t heap_words)
{
    if (heap_words < GC_MIN_HEAP_WORDS)
        heap_words = GC_MIN_HEAP_WORDS;
    Process *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->heap = calloc(heap_words, sizeof(Term));
    if (!p->heap) {
        free(p);
        return NULL;
    }
    p->htop = p->heap;
    p->high_water = p->heap;
    p->hend = p->heap + heap_words;
    p->stop = p->hend;
    p->min_heap_size = heap_words;
    p->dict = NIL;
    p->off_heap.first = NIL;
    p->exc_class = p->exc_reason = p->exc_trace = NIL;
    return p;
}

void proc_free(Process *p)
{
    if (!p)
        return;
    free(p->heap);
    free(p->old_heap);
    free(p);
}

bool proc_reserve(Process *p, size_t need, unsigned live)
{
    (void)live;
    return proc_heap_free(p) >= need;
}

Term proc_float(Process *p, double d)
{
    Term *hp = proc_alloc(p, FLOAT_WORDS);
    hp[0] = make_header(1, SUB_FLOAT);
    memcpy(&hp[1], &d, sizeof d);
    return make_boxed(hp);
}

Term proc_tuple(Process *p, unsigned n, const Term *elems)
{
    Term *hp = proc_alloc(p, n + 1);
    hp[0] = make_header(n, SUB_TUPLE);
    if (elems)
        memcpy(hp + 1, elems, n * sizeof(Term));
    return make_boxed(hp);
}
