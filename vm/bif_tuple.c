/* bif_tuple.c - the tuple BIFs that build a tuple from another one:
 * append_element/2, delete_element/2, insert_element/3 and make_tuple/3,
 * with Erlang/OTP 25's results and errors (badarg for a bad index, a
 * non-tuple, or a result past the largest arity). */
#include <string.h>

#include "bif.h"
#include "process.h"
#include "term.h"

/* OTP's largest tuple (MAX_ARITY), as bif_term.c. */
#define TUPLE_MAX_ARITY 0xFFFFFFu

/* A 1-based position in a tuple of arity n (or n + 1 where `past_end`
 * allows the slot after the last); 0 if t is not one. */
static uint64_t position(Term t, uint64_t n, bool past_end)
{
    if (!is_small(t) || small_val(t) < 1)
        return 0;
    uint64_t k = (uint64_t)small_val(t);
    return k <= n + (past_end ? 1 : 0) ? k : 0;
}

/* A new tuple of arity n whose elements are filled by the caller. */
static Term *new_tuple(Process *p, uint64_t n)
{
    Term *hp = proc_alloc(p, n + 1);
    hp[0] = make_header(n, SUB_TUPLE);
    return hp;
}

/* append_element(Tuple, Term): Tuple with Term added at the end. */
Term bif_append_element_2(Process *p, Term *args, unsigned live)
{
    if (!is_tuple(args[0]) || tuple_arity(args[0]) >= TUPLE_MAX_ARITY)
        return bif_badarg(p);
    uint64_t n = tuple_arity(args[0]);
    if (!proc_reserve(p, n + 2, live))
        return bif_heap_exhausted(p);
    Term *hp = new_tuple(p, n + 1);
    memcpy(hp + 1, boxed_ptr(args[0]) + 1, n * sizeof(Term));
    hp[n + 1] = args[1];
    return make_boxed(hp);
}

/* delete_element(Index, Tuple): Tuple without its Index'th element. */
Term bif_delete_element_2(Process *p, Term *args, unsigned live)
{
    if (!is_tuple(args[1]))
        return bif_badarg(p);
    uint64_t n = tuple_arity(args[1]), k = position(args[0], n, false);
    if (!k)
        return bif_badarg(p);
    if (!proc_reserve(p, n, live))
        return bif_heap_exhausted(p);
    Term *hp = new_tuple(p, n - 1);
    const Term *src = boxed_ptr(args[1]);
    memcpy(hp + 1, src + 1, (k - 1) * sizeof(Term));
    memcpy(hp + k, src + k + 1, (n - k) * sizeof(Term));
    return make_boxed(hp);
}

/* insert_element(Index, Tuple, Term): Term becomes element Index, from 1
 * to the arity + 1; the elements from there move one place right. */
Term bif_insert_element_3(Process *p, Term *args, unsigned live)
{
    if (!is_tuple(args[1]) || tuple_arity(args[1]) >= TUPLE_MAX_ARITY)
        return bif_badarg(p);
    uint64_t n = tuple_arity(args[1]), k = position(args[0], n, true);
    if (!k)
        return bif_badarg(p);
    if (!proc_reserve(p, n + 2, live))
        return bif_heap_exhausted(p);
    Term *hp = new_tuple(p, n + 1);
    const Term *src = boxed_ptr(args[1]);
    memcpy(hp + 1, src + 1, (k - 1) * sizeof(Term));
    hp[k] = args[2];
    memcpy(hp + k + 1, src + k, (n - k + 1) * sizeof(Term));
    return make_boxed(hp);
}

/* make_tuple(Arity, Default, [{Position, Term}]): a tuple of Default with
 * the listed positions set, later entries winning. The list is checked
 * before anything is built. */
Term bif_make_tuple_3(Process *p, Term *args, unsigned live)
{
    if (!is_small(args[0]) || small_val(args[0]) < 0 || small_val(args[0]) > (int64_t)TUPLE_MAX_ARITY)
        return bif_badarg(p);
    uint64_t n = (uint64_t)small_val(args[0]);
    size_t entries = 0;
    Term l = args[2];
    for (; is_list(l); l = list_tail(l), entries++) {
        Term e = list_head(l);
        if (!is_tuple(e) || tuple_arity(e) != 2 || !position(tuple_elem(e, 1), n, false))
            return bif_badarg(p);
    }
    if (!is_nil(l))
        return bif_badarg(p);
    bif_charge(p, n + entries);
    if (!proc_reserve(p, n + 1, live))
        return bif_heap_exhausted(p);
    Term *hp = new_tuple(p, n);
    for (uint64_t i = 1; i <= n; i++)
        hp[i] = args[1];
    for (l = args[2]; is_list(l); l = list_tail(l)) {
        Term e = list_head(l);
        hp[small_val(tuple_elem(e, 1))] = tuple_elem(e, 2);
    }
    return make_boxed(hp);
}
