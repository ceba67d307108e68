/* bif_term.c - BIFs on tuples, lists, atoms and binaries, and the type
 * tests: element/2, setelement/3, length/1, ++/2, --/2, list_to_atom/1,
 * iolist_to_binary/1 and their kin, with Erlang/OTP 25's results and errors.
 *
 * Every BIF that builds a term works the same way: walk the input to learn
 * the size of the result (and validate it), reserve those words once with
 * proc_reserve (which may collect and move every term), re-read the
 * arguments from args[], then build without allocating again. Lists are
 * walked iteratively, never by recursion along the tail, so a list of ten
 * million elements is fine; nested iolists use an explicit stack. */
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "compare.h"
#include "export.h"
#include "module.h"
#include "process.h"
#include "term.h"
#include "utf8.h"

/* OTP's largest tuple (MAX_ARITY): bigger ones are badarg there. */
#define TUPLE_MAX_ARITY 0xFFFFFFu
/* Longest atom, in characters, and in bytes once encoded as UTF-8. */
#define ATOM_MAX_CHARS 255
#define ATOM_MAX_UTF8 (ATOM_MAX_CHARS * 4)

/* ---- helpers ---------------------------------------------------------- */

/* Counts the elements of a proper list into *n; false if t is not one. */
static bool proper_length(Term t, size_t *n)
{
    size_t k = 0;
    while (is_list(t)) {
        k++;
        t = list_tail(t);
    }
    *n = k;
    return is_nil(t);
}

/* The list l without its first n cells (it has at least n). */
static Term nth_tail(Term l, size_t n)
{
    while (n-- > 0)
        l = list_tail(l);
    return l;
}

/* Builds a list of n cells in one block (cell i's tail is cell i+1, the
 * last tail is `tail`) and returns its first cell, heads left for the
 * caller to fill: heads at cells[2 * i]. The 2n words must be reserved. */
static Term *alloc_cells(Process *p, size_t n, Term tail)
{
    Term *cells = proc_alloc(p, 2 * n);
    for (size_t i = 0; i + 1 < n; i++)
        cells[2 * i + 1] = make_list(&cells[2 * i + 2]);
    cells[2 * n - 1] = tail;
    return cells;
}

/* Counts the characters of an atom's UTF-8 text. Atom text is valid UTF-8
 * by construction; a stray invalid byte counts as one character. */
static size_t atom_chars(const uint8_t *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; k++)
        utf8_next(s, n, &i);
    return k;
}

/* ---- tuples ----------------------------------------------------------- */

Term bif_element_2(Process *p, Term *args, unsigned live)
{
    Term i = args[0], t = args[1];
    if (!is_small(i) || !is_tuple(t))
        return bif_badarg(p);
    int64_t k = small_val(i);
    if (k < 1 || (uint64_t)k > tuple_arity(t))
        return bif_badarg(p);
    return tuple_elem(t, (uint64_t)k);
}

/* A copy of the tuple with element Index replaced. */
Term bif_setelement_3(Process *p, Term *args, unsigned live)
{
    if (!is_small(args[0]) || !is_tuple(args[1]))
        return bif_badarg(p);
    int64_t k = small_val(args[0]);
    uint64_t n = tuple_arity(args[1]);
    if (k < 1 || (uint64_t)k > n)
        return bif_badarg(p);
    if (!proc_reserve(p, n + 1, live))
        return bif_heap_exhausted(p);
    Term *hp = proc_alloc(p, n + 1);
    memcpy(hp, boxed_ptr(args[1]), (n + 1) * sizeof(Term));
    hp[k] = args[2];
    return make_boxed(hp);
}

Term bif_tuple_size_1(Process *p, Term *args, unsigned live)
{
    if (!is_tuple(args[0]))
        return bif_badarg(p);
    return make_small((int64_t)tuple_arity(args[0]));
}

/* size/1: a tuple's arity or a binary's byte size. */
Term bif_size_1(Process *p, Term *args, unsigned live)
{
    Term t = args[0];
    if (is_tuple(t))
        return make_small((int64_t)tuple_arity(t));
    if (is_binary(t))
        return make_small((int64_t)bin_size(t));
    return bif_badarg(p);
}

Term bif_make_tuple_2(Process *p, Term *args, unsigned live)
{
    if (!is_small(args[0]))
        return bif_badarg(p);
    int64_t n = small_val(args[0]);
    if (n < 0 || n > (int64_t)TUPLE_MAX_ARITY)
        return bif_badarg(p);
    if (!proc_reserve(p, (size_t)n + 1, live))
        return bif_heap_exhausted(p);
    Term v = args[1];
    Term *hp = proc_alloc(p, (size_t)n + 1);
    hp[0] = make_header((uint64_t)n, SUB_TUPLE);
    for (int64_t i = 1; i <= n; i++)
        hp[i] = v;
    return make_boxed(hp);
}

Term bif_tuple_to_list_1(Process *p, Term *args, unsigned live)
{
    if (!is_tuple(args[0]))
        return bif_badarg(p);
    size_t n = tuple_arity(args[0]);
    if (n == 0)
        return NIL;
    bif_charge(p, n);
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    Term t = args[0];
    Term *cells = alloc_cells(p, n, NIL);
    for (size_t i = 0; i < n; i++)
        cells[2 * i] = tuple_elem(t, i + 1);
    return make_list(cells);
}

Term bif_list_to_tuple_1(Process *p, Term *args, unsigned live)
{
    size_t n;
    if (!proper_length(args[0], &n) || n > TUPLE_MAX_ARITY)
        return bif_badarg(p);
    bif_charge(p, n);
    if (!proc_reserve(p, n + 1, live))
        return bif_heap_exhausted(p);
    Term *hp = proc_alloc(p, n + 1);
    hp[0] = make_header(n, SUB_TUPLE);
    Term l = args[0];
    for (size_t i = 1; i <= n; i++, l = list_tail(l))
        hp[i] = list_head(l);
    return make_boxed(hp);
}

/* ---- lists ------------------------------------------------------------ */

Term bif_length_1(Process *p, Term *args, unsigned live)
{
    size_t n;
    if (!proper_length(args[0], &n))
        return bif_badarg(p);
    bif_charge(p, n);
    return make_small((int64_t)n);
}

Term bif_hd_1(Process *p, Term *args, unsigned live)
{
    if (!is_list(args[0]))
        return bif_badarg(p);
    return list_head(args[0]);
}

Term bif_tl_1(Process *p, Term *args, unsigned live)
{
    if (!is_list(args[0]))
        return bif_badarg(p);
    return list_tail(args[0]);
}

/* Left ++ Right: a copy of Left whose last tail is Right (Right itself is
 * neither copied nor checked, so [1] ++ 2 is [1|2]). */
Term bif_append_2(Process *p, Term *args, unsigned live)
{
    size_t n;
    if (!proper_length(args[0], &n))
        return bif_badarg(p);
    bif_charge(p, n);
    if (n == 0)
        return args[1];
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    Term *cells = alloc_cells(p, n, args[1]);
    Term l = args[0];
    for (size_t i = 0; i < n; i++, l = list_tail(l))
        cells[2 * i] = list_head(l);
    return make_list(cells);
}

/* The multiset of the right operand of --: each distinct term (under =:=)
 * once, with how many times it occurs and how many of those are still to
 * be removed. `pos` is the index in the right list of the occurrence the
 * entry holds, so the entries can be pointed at the moved terms after a
 * collection without sorting again (the order depends only on values). */
typedef struct {
    Term t;
    size_t pos, count, left;
} SubEntry;

typedef struct {
    SubEntry *e;
    size_t n;
} SubSet;

static int sub_cmp(const void *a, const void *b)
{
    const SubEntry *x = a, *y = b;
    return term_compare(x->t, y->t, true);
}

/* Sorts the m terms of the list `right` into set->e (room for m entries)
 * and merges equal ones. */
static void subset_build(SubSet *set, Term right, size_t m)
{
    for (size_t i = 0; i < m; i++, right = list_tail(right))
        set->e[i] = (SubEntry){ list_head(right), i, 1, 1 };
    qsort(set->e, m, sizeof *set->e, sub_cmp);
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        if (k > 0 && term_compare(set->e[k - 1].t, set->e[i].t, true) == 0) {
            set->e[k - 1].count++;
            set->e[k - 1].left++;
        } else {
            set->e[k++] = set->e[i];
        }
    }
    set->n = k;
}

/* The entry equal to t, or NULL (binary search). */
static SubEntry *subset_find(const SubSet *set, Term t)
{
    size_t lo = 0, hi = set->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = term_compare(t, set->e[mid].t, true);
        if (c == 0)
            return &set->e[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* After a collection: points the entries at the (moved) terms of the same
 * right list and restores every entry's count of terms to remove. */
static bool subset_refresh(SubSet *set, Term right, size_t m)
{
    Term *fresh = malloc(m * sizeof *fresh);
    if (!fresh)
        return false;
    for (size_t i = 0; i < m; i++, right = list_tail(right))
        fresh[i] = list_head(right);
    for (size_t i = 0; i < set->n; i++) {
        set->e[i].t = fresh[set->e[i].pos];
        set->e[i].left = set->e[i].count;
    }
    free(fresh);
    return true;
}

/* Whether the next left element is one to drop: it is while its entry
 * still has occurrences to remove. */
static bool subset_take(SubSet *set, Term t)
{
    SubEntry *e = subset_find(set, t);
    if (!e || e->left == 0)
        return false;
    e->left--;
    return true;
}

/* Pass 1 of --: walks Left taking elements out of the multiset and returns
 * the length of the prefix of Left that changes (up to and including the
 * last element removed); *removed receives how many of it go. */
static size_t subtract_scan(SubSet *set, Term l, size_t m, size_t *removed)
{
    size_t prefix = 0, gone = 0;
    for (size_t i = 0; is_list(l) && gone < m; i++, l = list_tail(l)) {
        if (subset_take(set, list_head(l))) {
            prefix = i + 1;
            gone++;
        }
    }
    *removed = gone;
    return prefix;
}

/* Pass 2 of --: copies the kept elements of Left's first `prefix` cells
 * (2 * kept words are reserved) ahead of the rest of Left, shared. */
static Term subtract_copy(Process *p, SubSet *set, Term l, size_t prefix, size_t kept)
{
    if (kept == 0)
        return nth_tail(l, prefix);
    Term *cells = alloc_cells(p, kept, NIL);
    size_t j = 0;
    for (size_t i = 0; i < prefix; i++, l = list_tail(l)) {
        Term h = list_head(l);
        if (!subset_take(set, h))
            cells[2 * j++] = h;
    }
    cells[2 * kept - 1] = l;
    return make_list(cells);
}

/* Left -- Right: Left without the first occurrence (under =:=) of each
 * element of Right, order kept, as OTP. Instead of OTP's element-by-element
 * scan (quadratic), Right becomes a sorted multiset, so the cost is
 * O((n + m) log m). Only the prefix of Left up to its last removed element
 * is copied; the rest of Left is shared. */
Term bif_subtract_2(Process *p, Term *args, unsigned live)
{
    size_t n, m;
    if (!proper_length(args[0], &n) || !proper_length(args[1], &m))
        return bif_badarg(p);
    bif_charge(p, n + m);
    if (n == 0 || m == 0)
        return args[0];

    SubEntry small[16];
    SubSet set = { m <= 16 ? small : malloc(m * sizeof(SubEntry)), 0 };
    if (!set.e)
        return bif_heap_exhausted(p);
    subset_build(&set, args[1], m);

    size_t removed;
    size_t prefix = subtract_scan(&set, args[0], m, &removed);
    size_t kept = prefix - removed;
    Term result = args[0];
    if (removed > 0) {
        if (!proc_reserve(p, 2 * kept, live) || !subset_refresh(&set, args[1], m))
            result = bif_heap_exhausted(p);
        else
            result = subtract_copy(p, &set, args[0], prefix, kept);
    }
    if (set.e != small)
        free(set.e);
    return result;
}

/* ---- atoms ------------------------------------------------------------ */

/* atom_to_list/1: the atom's UTF-8 text decoded into code points. */
Term bif_atom_to_list_1(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]))
        return bif_badarg(p);
    size_t len = 0;
    const uint8_t *s = (const uint8_t *)atom_text(args[0], &len);
    size_t n = atom_chars(s, len);
    if (n == 0)
        return NIL;
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    /* The atom table never moves, so s is still good. */
    Term *cells = alloc_cells(p, n, NIL);
    size_t i = 0;
    for (size_t k = 0; k < n; k++)
        cells[2 * k] = make_small(utf8_next(s, len, &i));
    return make_list(cells);
}

enum { TEXT_OK = 0, TEXT_BADARG = -1, TEXT_TOO_LONG = -2 };

/* Encodes a list of code points as UTF-8 into buf (ATOM_MAX_UTF8 bytes).
 * As OTP: a 256th element makes it too long whatever it is; before that an
 * element that is not a character, or an improper tail, is badarg. */
static int chars_to_utf8(Term l, uint8_t *buf, size_t *len)
{
    size_t n = 0, chars = 0;
    for (; is_list(l); l = list_tail(l)) {
        if (chars == ATOM_MAX_CHARS)
            return TEXT_TOO_LONG;
        Term h = list_head(l);
        if (!is_small(h) || !utf8_is_scalar(small_val(h)))
            return TEXT_BADARG;
        n += utf8_encode((uint32_t)small_val(h), buf + n);
        chars++;
    }
    if (!is_nil(l))
        return TEXT_BADARG;
    *len = n;
    return TEXT_OK;
}

Term bif_list_to_atom_1(Process *p, Term *args, unsigned live)
{
    uint8_t buf[ATOM_MAX_UTF8];
    size_t len = 0;
    int r = chars_to_utf8(args[0], buf, &len);
    if (r == TEXT_BADARG)
        return bif_badarg(p);
    if (r == TEXT_TOO_LONG)
        return bif_error(p, ATOM_system_limit);
    Term a = atom_intern((const char *)buf, len);
    /* Too many atoms, or (atom.c counts bytes) too long once encoded. */
    if (a == THE_NON_VALUE)
        return bif_error(p, ATOM_system_limit);
    return a;
}

Term bif_list_to_existing_atom_1(Process *p, Term *args, unsigned live)
{
    uint8_t buf[ATOM_MAX_UTF8];
    size_t len = 0;
    if (chars_to_utf8(args[0], buf, &len) != TEXT_OK)
        return bif_badarg(p);
    Term a = atom_lookup((const char *)buf, len);
    if (a == THE_NON_VALUE)
        return bif_badarg(p);
    return a;
}

/* ---- type tests ------------------------------------------------------- */

Term bif_is_atom_1(Process *p, Term *args, unsigned live) { return atom_bool(is_atom(args[0])); }
Term bif_is_integer_1(Process *p, Term *args, unsigned live) { return atom_bool(is_integer(args[0])); }
Term bif_is_float_1(Process *p, Term *args, unsigned live) { return atom_bool(is_float(args[0])); }
Term bif_is_number_1(Process *p, Term *args, unsigned live) { return atom_bool(is_number(args[0])); }
Term bif_is_tuple_1(Process *p, Term *args, unsigned live) { return atom_bool(is_tuple(args[0])); }
Term bif_is_binary_1(Process *p, Term *args, unsigned live) { return atom_bool(is_binary(args[0])); }
Term bif_is_function_1(Process *p, Term *args, unsigned live) { return atom_bool(is_fun(args[0])); }
Term bif_is_reference_1(Process *p, Term *args, unsigned live) { return atom_bool(is_ref(args[0])); }

Term bif_is_list_1(Process *p, Term *args, unsigned live)
{
    return atom_bool(is_list(args[0]) || is_nil(args[0]));
}

Term bif_is_boolean_1(Process *p, Term *args, unsigned live)
{
    return atom_bool(args[0] == ATOM_true || args[0] == ATOM_false);
}

Term bif_is_pid_1(Process *p, Term *args, unsigned live)
{
    return atom_bool(is_pid(args[0]) || is_boxed_sub(args[0], SUB_EXT_PID));
}

/* The arity a fun is called with. A closure's first word after the header
 * is its FunEntry (module.h); an export fun's is its Export. */
static uint64_t fun_arity(Term f)
{
    const Term *b = boxed_ptr(f);
    if (header_sub(b[0]) == SUB_EXPORT)
        return ((const Export *)(uintptr_t)b[1])->arity;
    return ((const FunEntry *)(uintptr_t)b[1])->arity;
}

/* is_function(F, Arity): Arity must be a non-negative integer (a huge one
 * is simply never a fun's arity). */
Term bif_is_function_2(Process *p, Term *args, unsigned live)
{
    Term f = args[0], a = args[1];
    if (is_small(a)) {
        if (small_val(a) < 0)
            return bif_badarg(p);
    } else if (is_boxed_sub(a, SUB_POS_BIG)) {
        return ATOM_false;
    } else {
        return bif_badarg(p);
    }
    if (!is_fun(f))
        return ATOM_false;
    return atom_bool(fun_arity(f) == (uint64_t)small_val(a));
}

/* beamlet has no maps, so no value is one: the map BIFs exist so that
 * programs written for maps load, take their non-map paths, and fail as
 * OTP fails on a non-map ({badmap, Term}). */
Term bif_is_map_1(Process *p, Term *args, unsigned live) { return ATOM_false; }

/* Raises {badmap, args[i]}. */
static Term badmap(Process *p, Term *args, unsigned live, unsigned i)
{
    if (!proc_reserve(p, 3, live))
        return bif_heap_exhausted(p);
    Term e[2] = { atom_intern("badmap", 6), args[i] };
    return bif_error(p, proc_tuple(p, 2, e));
}

Term bif_map_size_1(Process *p, Term *args, unsigned live) { return badmap(p, args, live, 0); }
Term bif_is_map_key_2(Process *p, Term *args, unsigned live) { return badmap(p, args, live, 1); }
Term bif_map_get_2(Process *p, Term *args, unsigned live) { return badmap(p, args, live, 1); }

/* ---- binaries --------------------------------------------------------- */

Term bif_byte_size_1(Process *p, Term *args, unsigned live)
{
    if (!is_binary(args[0]))
        return bif_badarg(p);
    return make_small((int64_t)bin_size(args[0]));
}

Term bif_binary_to_list_1(Process *p, Term *args, unsigned live)
{
    if (!is_binary(args[0]))
        return bif_badarg(p);
    size_t n = bin_size(args[0]);
    if (n == 0)
        return NIL;
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    const uint8_t *s = bin_bytes(args[0]);
    Term *cells = alloc_cells(p, n, NIL);
    for (size_t i = 0; i < n; i++)
        cells[2 * i] = make_small(s[i]);
    return make_list(cells);
}

/* Walking an iolist: a stack of the list tails still to visit. It starts
 * in a small array and moves to malloc'd memory when nesting is deep. */
typedef struct {
    Term *items;
    size_t n, cap;
    Term local[32];
} TailStack;

static bool tails_push(TailStack *s, Term t)
{
    if (s->n == s->cap) {
        size_t cap = s->cap * 2;
        Term *items = s->items == s->local ? malloc(cap * sizeof *items)
                                           : realloc(s->items, cap * sizeof *items);
        if (!items)
            return false;
        if (s->items == s->local)
            memcpy(items, s->local, s->n * sizeof *items);
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = t;
    return true;
}

enum { IO_OK = 0, IO_BADARG = -1, IO_NOMEM = -2 };

/* Appends n bytes at out + *size (when out is not NULL) and counts them. */
static void emit(uint8_t *out, size_t *size, const uint8_t *s, size_t n)
{
    if (out && n)
        memcpy(out + *size, s, n);
    *size += n;
}

/* Walks the iolist t (a list, [] or a binary) depth first: bytes 0..255,
 * binaries, nested iolists, and binaries as tails. Counts the bytes into
 * *size, and copies them to out unless out is NULL. */
static int iolist_walk(Term t, uint8_t *out, size_t *size)
{
    TailStack st = { NULL, 0, 32, { 0 } };
    st.items = st.local;
    int r = IO_OK;
    *size = 0;
    for (;;) {
        if (is_list(t)) {
            Term h = list_head(t);
            t = list_tail(t);
            if (is_small(h) && (uint64_t)small_val(h) <= 255) {
                uint8_t b = (uint8_t)small_val(h);
                emit(out, size, &b, 1);
            } else if (is_binary(h)) {
                emit(out, size, bin_bytes(h), bin_size(h));
            } else if (is_list(h)) {
                if (!tails_push(&st, t)) {
                    r = IO_NOMEM;
                    break;
                }
                t = h;
            } else if (!is_nil(h)) {
                r = IO_BADARG;
                break;
            }
            continue;
        }
        if (is_binary(t))
            emit(out, size, bin_bytes(t), bin_size(t));
        else if (!is_nil(t)) {
            r = IO_BADARG;
            break;
        }
        if (st.n == 0)
            break;
        t = st.items[--st.n];
    }
    if (st.items != st.local)
        free(st.items);
    return r;
}

/* list_to_binary/1 and iolist_to_binary/1: they differ only in whether a
 * binary is accepted as the whole argument (it is then returned as is). */
static Term iolist_to_bin(Process *p, Term *args, unsigned live, bool whole_bin_ok)
{
    Term t = args[0];
    if (is_binary(t))
        return whole_bin_ok ? t : bif_badarg(p);
    if (!is_list(t) && !is_nil(t))
        return bif_badarg(p);
    size_t size;
    int r = iolist_walk(t, NULL, &size);
    if (r == IO_BADARG)
        return bif_badarg(p);
    if (r == IO_NOMEM || !proc_reserve(p, bin_words(size), live))
        return bif_heap_exhausted(p);
    Term b = bin_new(p, NULL, size);
    if (b == THE_NON_VALUE)
        return bif_heap_exhausted(p);
    if (iolist_walk(args[0], (uint8_t *)bin_bytes(b), &size) != IO_OK)
        return bif_heap_exhausted(p); /* out of memory the second time */
    return b;
}

Term bif_list_to_binary_1(Process *p, Term *args, unsigned live)
{
    return iolist_to_bin(p, args, live, false);
}

Term bif_iolist_to_binary_1(Process *p, Term *args, unsigned live)
{
    return iolist_to_bin(p, args, live, true);
}

/* iolist_size(IoData): the bytes iolist_to_binary would hold. */
Term bif_iolist_size_1(Process *p, Term *args, unsigned live)
{
    Term t = args[0];
    if (is_binary(t))
        return make_small(bin_size(t));
    if (!is_list(t) && !is_nil(t))
        return bif_badarg(p);
    size_t size;
    int r = iolist_walk(t, NULL, &size);
    if (r == IO_BADARG)
        return bif_badarg(p);
    if (r == IO_NOMEM)
        return bif_heap_exhausted(p);
    bif_charge(p, size);
    return make_small(size);
}

/* The bytes of iodata t in a malloc'd buffer (a binary's bytes are copied
 * too); NULL with *badarg set if t is not iodata, or clear if out of
 * memory. */
uint8_t *bif_iodata_bytes(Term t, size_t *size, bool *badarg)
{
    *badarg = false;
    if (is_binary(t)) {
        *size = bin_size(t);
        uint8_t *b = malloc(*size ? *size : 1);
        if (b)
            memcpy(b, bin_bytes(t), *size);
        return b;
    }
    if (!is_list(t) && !is_nil(t)) {
        *badarg = true;
        return NULL;
    }
    int r = iolist_walk(t, NULL, size);
    if (r != IO_OK) {
        *badarg = r == IO_BADARG;
        return NULL;
    }
    uint8_t *b = malloc(*size ? *size : 1);
    if (b && iolist_walk(t, b, size) != IO_OK) {
        free(b);
        b = NULL;
    }
    return b;
}

/* True for the encodings atom_to_binary/2 and binary_to_atom/2 accept;
 * *latin1 tells which kind. */
static bool encoding(Term e, bool *latin1)
{
    *latin1 = e == ATOM_latin1;
    return e == ATOM_latin1 || e == ATOM_utf8 || e == ATOM_unicode;
}

/* atom_to_binary(Atom, Encoding): the UTF-8 text as is, or in latin1 one
 * byte per character (badarg if a character is above 255). */
Term bif_atom_to_binary_2(Process *p, Term *args, unsigned live)
{
    bool latin1;
    if (!is_atom(args[0]) || !encoding(args[1], &latin1))
        return bif_badarg(p);
    size_t len = 0;
    const uint8_t *s = (const uint8_t *)atom_text(args[0], &len);
    uint8_t buf[ATOM_MAX_UTF8];
    if (latin1) {
        size_t n = 0;
        for (size_t i = 0; i < len && n < sizeof buf;) {
            uint32_t c = utf8_next(s, len, &i);
            if (c > 255)
                return bif_badarg(p);
            buf[n++] = (uint8_t)c;
        }
        s = buf;
        len = n;
    }
    if (!proc_reserve(p, bin_words(len), live))
        return bif_heap_exhausted(p);
    Term b = bin_new(p, s, len);
    return b == THE_NON_VALUE ? bif_heap_exhausted(p) : b;
}

/* The bytes of a binary as atom text in UTF-8 into buf (ATOM_MAX_UTF8
 * bytes), from latin1 or checked UTF-8. As OTP: more than 255 characters
 * is system_limit even if the rest is not valid UTF-8. */
static int bin_to_atom_text(const uint8_t *s, size_t n, bool latin1, uint8_t *buf, size_t *len)
{
    size_t out = 0, chars = 0;
    for (size_t i = 0; i < n; chars++) {
        if (chars == ATOM_MAX_CHARS)
            return TEXT_TOO_LONG;
        uint32_t c = s[i];
        size_t used = latin1 ? 1 : utf8_decode(s + i, n - i, &c);
        if (!used)
            return TEXT_BADARG;
        i += used;
        out += utf8_encode(c, buf + out);
    }
    *len = out;
    return TEXT_OK;
}

/* The atom text of binary_to_atom(Binary, Encoding) and
 * binary_to_existing_atom/2 in buf: TEXT_OK, TEXT_TOO_LONG or TEXT_BADARG
 * (also for arguments of the wrong type). */
static int atom_text_args(const Term *args, uint8_t *buf, size_t *len)
{
    bool latin1;
    if (!is_binary(args[0]) || !encoding(args[1], &latin1))
        return TEXT_BADARG;
    *len = 0;
    return bin_to_atom_text(bin_bytes(args[0]), bin_size(args[0]), latin1, buf, len);
}

Term bif_binary_to_atom_2(Process *p, Term *args, unsigned live)
{
    uint8_t buf[ATOM_MAX_UTF8];
    size_t len;
    int r = atom_text_args(args, buf, &len);
    if (r == TEXT_BADARG)
        return bif_badarg(p);
    if (r == TEXT_TOO_LONG)
        return bif_error(p, ATOM_system_limit);
    Term a = atom_intern((const char *)buf, len);
    if (a == THE_NON_VALUE)
        return bif_error(p, ATOM_system_limit);
    return a;
}

/* binary_to_existing_atom(Binary, Encoding): as binary_to_atom/2, but
 * badarg unless the atom exists. */
Term bif_binary_to_existing_atom_2(Process *p, Term *args, unsigned live)
{
    uint8_t buf[ATOM_MAX_UTF8];
    size_t len;
    int r = atom_text_args(args, buf, &len);
    Term a = r == TEXT_OK ? atom_lookup((const char *)buf, len) : THE_NON_VALUE;
    return a == THE_NON_VALUE ? bif_badarg(p) : a;
}

Term bif_binary_to_existing_atom_1(Process *p, Term *args, unsigned live)
{
    Term a[2] = { args[0], ATOM_utf8 };
    return bif_binary_to_existing_atom_2(p, a, live);
}

/* make_fun(M, F, A): the fun M:F/A (what `fun M:F/A` with variables
 * compiles to). The export entry is made if missing: the module may be
 * loaded later, as with a call. */
Term bif_make_fun_3(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]) || !is_atom(args[1]) || !is_small(args[2]) || small_val(args[2]) < 0 ||
        small_val(args[2]) > 255)
        return bif_badarg(p);
    Export *e = export_get(args[0], args[1], (unsigned)small_val(args[2]));
    if (!e)
        return bif_error(p, ATOM_system_limit);
    if (!proc_reserve(p, 2, live))
        return bif_heap_exhausted(p);
    Term *hp = proc_alloc(p, 2);
    hp[0] = make_header(1, SUB_EXPORT);
    hp[1] = (Term)(uintptr_t)e;
    return make_boxed(hp);
}
