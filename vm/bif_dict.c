/* bif_dict.c - the process dictionary: put/2, get/1, get/0, erase/1,
 * erase/0, get_keys/0, over the hash table of pdict.c (p->dict).
 *
 * Order of get/0 and get_keys/0: newest key first; put/2 on an existing key
 * keeps its place. OTP lists its hash buckets from the last, so its order
 * differs in general (best effort only): small integer keys put in
 * increasing order come out newest first in both ([{3,c},{2,b},{1,a}]), and
 * an update keeps its place in both; but OTP lists small integers in
 * decreasing order whatever order they were put in, and its order for atoms
 * depends on its own atom table and is not reproduced. */
#include "atom.h"
#include "bif.h"
#include "compare.h"
#include "pdict.h"
#include "process.h"
#include "term.h"

/* put(Key, Value): returns the old value or undefined. */
Term bif_put_2(Process *p, Term *args, unsigned live)
{
    Term old;
    if (!pdict_put(&p->dict, args[0], args[1], &old))
        return bif_heap_exhausted(p);
    return old == THE_NON_VALUE ? ATOM_undefined : old;
}

/* get(Key): the value or undefined. */
Term bif_get_1(Process *p, Term *args, unsigned live)
{
    Term v = pdict_get(p->dict, args[0]);
    return v == THE_NON_VALUE ? ATOM_undefined : v;
}

/* The entries newest first, as {Key, Value} tuples or (keys_only) keys. */
static Term listing(Process *p, unsigned live, bool keys_only)
{
    uint32_t n = pdict_size(p->dict);
    if (n == 0)
        return NIL;
    bif_charge(p, n);
    if (!proc_reserve(p, (size_t)n * (keys_only ? 2 : 5), live))
        return bif_heap_exhausted(p);
    const ProcDict *d = p->dict;
    Term list = NIL;
    for (uint32_t i = 0; i < d->n; i++) {
        const PDictEntry *e = &d->e[i];
        if (e->key == THE_NON_VALUE)
            continue;
        Term item = e->key;
        if (!keys_only) {
            Term kv[2] = { e->key, e->val };
            item = proc_tuple(p, 2, kv);
        }
        list = proc_cons(p, item, list);
    }
    return list;
}

/* get(): the dictionary as a list of {Key, Value}. */
Term bif_get_0(Process *p, Term *args, unsigned live) { return listing(p, live, false); }

/* erase(Key): removes the key; returns its old value or undefined. */
Term bif_erase_1(Process *p, Term *args, unsigned live)
{
    Term old = pdict_erase(p->dict, args[0]);
    return old == THE_NON_VALUE ? ATOM_undefined : old;
}

/* erase(): empties the dictionary and returns what it held. */
Term bif_erase_0(Process *p, Term *args, unsigned live)
{
    Term all = listing(p, live, false);
    if (all == THE_NON_VALUE)
        return all;
    pdict_free(p->dict);
    p->dict = NULL;
    return all;
}

/* get_keys(): the keys, in the order get/0 lists them. */
Term bif_get_keys_0(Process *p, Term *args, unsigned live) { return listing(p, live, true); }
