/* process.c - process control blocks and their heap blocks: creation,
 * release (including the off-heap binaries the heap refers to), and the
 * heap reservation every allocation goes through (collecting via gc.c). */
#include "process.h"

#include <stdlib.h>
#include <string.h>

#include "binary.h"
#include "gc.h"
#include "pdict.h"

Process *proc_new(size_t heap_words)
{
    /* 0: the default; spawn asks for less (most processes stay small),
     * and the collector grows the heap along its size sequence. */
    if (heap_words == 0)
        heap_words = GC_MIN_HEAP_WORDS;
    if (heap_words < 16)
        heap_words = 16;
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
    p->off_heap.first = NIL;
    p->exc_class = p->exc_reason = p->exc_trace = NIL;
    p->exit_reason = NIL;
    p->reg_name = NIL;
    p->prio = PRIO_NORMAL;
    atomic_init(&p->state, PS_QUEUED);
    atomic_init(&p->tmo, 0);
    mbox_init(&p->mbox);
    return p;
}

/* Drops this process's reference to every off-heap blob its heaps point
 * at, then frees the heaps and the control block. */
void proc_free(Process *p)
{
    if (!p)
        return;
    Term cur = p->off_heap.first;
    while (is_boxed(cur)) {
        Term *node = boxed_ptr(cur);
        cur = node[3];
        blob_decref((BinBlob *)(uintptr_t)node[2]);
    }
    p->off_heap.first = NIL;
    mbox_clear(&p->mbox);
    pdict_free(p->dict);
    free(p->heap);
    free(p->old_heap);
    free(p->arg_reg);
    free(p);
}

/* The fast path is inline-cheap; the collector runs only when the gap is
 * too small, or always in stress mode. */
bool proc_reserve(Process *p, size_t need, unsigned live)
{
    if (!gc_stress && proc_heap_free(p) >= need)
        return true;
    return gc_collect(p, need, live);
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
