/* bif_dict.c - the process dictionary: put/2, get/1, get/0, erase/1,
 * erase/0, get_keys/0.
 *
 * The dictionary is p->dict, an ordinary list of {Key, Value} tuples on the
 * process heap (a GC root), keys compared with =:=. Nothing in it is ever
 * changed in place: a write builds new cells and tuples and points p->dict
 * at them. That keeps it safe for the generational collector (an old cell
 * never comes to point at a young term) and lets get/0 and erase/0 hand the
 * list out without copying it.
 *
 * Order: a new key goes in front; put/2 on an existing key and erase/1 copy
 * the cells before it and share the rest, so the other entries keep their
 * places. OTP keeps a hash table and get/0 lists its buckets from the last,
 * so its order differs in general (best effort only): small integer keys
 * put in increasing order come out newest first in both
 * ([{3,c},{2,b},{1,a}]), and an update keeps its place in both; but OTP
 * lists small integers in decreasing order whatever order they were put
 * in, and its order for atoms depends on its own atom table and is not
 * reproduced. */
#include "atom.h"
#include "bif.h"
#include "compare.h"
#include "process.h"
#include "term.h"

/* The {Key, Value} tuple for key in the dictionary, or THE_NON_VALUE;
 * *pos receives its index in the list (the number of cells before it). */
static Term find(Term dict, Term key, size_t *pos)
{
    size_t i = 0;
    for (; is_list(dict); dict = list_tail(dict), i++) {
        Term kv = list_head(dict);
        if (term_eq_exact(tuple_elem(kv, 1), key)) {
            *pos = i;
            return kv;
        }
    }
    return THE_NON_VALUE;
}

/* The dictionary with its cell at index pos replaced by `with` (a list of
 * what follows, the cell's tail or a new cell): copies the pos cells
 * before it, whose 2 * pos words are reserved. */
static Term rebuild(Process *p, size_t pos, Term with)
{
    if (pos == 0)
        return with;
    Term *cells = proc_alloc(p, 2 * pos);
    Term l = p->dict;
    for (size_t i = 0; i < pos; i++, l = list_tail(l)) {
        cells[2 * i] = list_head(l);
        cells[2 * i + 1] = i + 1 < pos ? make_list(&cells[2 * i + 2]) : with;
    }
    return make_list(cells);
}

/* The list cell at index pos of the dictionary. */
static Term nth_cell(Term dict, size_t pos)
{
    while (pos-- > 0)
        dict = list_tail(dict);
    return dict;
}

/* put(Key, Value): returns the old value or undefined. */
Term bif_put_2(Process *p, Term *args, unsigned live)
{
    size_t pos = 0;
    bool found = find(p->dict, args[0], &pos) != THE_NON_VALUE;
    size_t need = 3 + 2 + (found ? 2 * pos : 0);
    if (!proc_reserve(p, need, live))
        return bif_heap_exhausted(p);
    Term elems[2] = { args[0], args[1] };
    Term kv = proc_tuple(p, 2, elems);
    if (!found) {
        p->dict = proc_cons(p, kv, p->dict);
        return ATOM_undefined;
    }
    Term cell = nth_cell(p->dict, pos);
    Term old = tuple_elem(list_head(cell), 2);
    Term repl = proc_cons(p, kv, list_tail(cell));
    p->dict = rebuild(p, pos, repl);
    return old;
}

/* get(Key): the value or undefined. */
Term bif_get_1(Process *p, Term *args, unsigned live)
{
    size_t pos;
    Term kv = find(p->dict, args[0], &pos);
    return kv == THE_NON_VALUE ? ATOM_undefined : tuple_elem(kv, 2);
}

/* get(): the dictionary as a list of {Key, Value}; shared, not copied. */
Term bif_get_0(Process *p, Term *args, unsigned live)
{
    return p->dict;
}

/* erase(Key): removes the key; returns its old value or undefined. */
Term bif_erase_1(Process *p, Term *args, unsigned live)
{
    size_t pos = 0;
    if (find(p->dict, args[0], &pos) == THE_NON_VALUE)
        return ATOM_undefined;
    if (!proc_reserve(p, 2 * pos, live))
        return bif_heap_exhausted(p);
    Term cell = nth_cell(p->dict, pos);
    Term old = tuple_elem(list_head(cell), 2);
    p->dict = rebuild(p, pos, list_tail(cell));
    return old;
}

/* erase(): empties the dictionary and returns what it held. */
Term bif_erase_0(Process *p, Term *args, unsigned live)
{
    Term d = p->dict;
    p->dict = NIL;
    return d;
}

/* get_keys(): the keys, in the order get/0 lists them. */
Term bif_get_keys_0(Process *p, Term *args, unsigned live)
{
    size_t n = 0;
    for (Term l = p->dict; is_list(l); l = list_tail(l))
        n++;
    if (n == 0)
        return NIL;
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    Term *cells = proc_alloc(p, 2 * n);
    Term l = p->dict;
    for (size_t i = 0; i < n; i++, l = list_tail(l)) {
        cells[2 * i] = tuple_elem(list_head(l), 1);
        cells[2 * i + 1] = i + 1 < n ? make_list(&cells[2 * i + 2]) : NIL;
    }
    return make_list(cells);
}
