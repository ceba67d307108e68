/* compare.c - Erlang's term order and equality, and the comparison BIFs.
 *
 * The order between types is
 *   number < atom < reference < fun < port < pid < tuple < map < [] < list
 *   < binary
 * and within a type: numbers by value (integers against floats exactly, with
 * no rounding: 2^53 + 1 > 2^53 as a float), atoms by their text, tuples by
 * size then element by element, lists element by element (tails included),
 * binaries bytewise then by length, pids and references by id, funs by
 * module, index and uniq, then environment (exports after closures, by
 * module, name and arity).
 *
 * Under `exact` (=:=) an integer never equals a float. For order under
 * exact we compare by value first and break an int/float tie by putting the
 * integer first, so the order stays consistent with ==. (OTP's map key
 * order, where every integer precedes every float, is a different order.)
 *
 * The walk uses an explicit stack of pending element pairs instead of C
 * recursion, so neither long lists nor deeply nested terms can exhaust the
 * C stack; the last pair of a frame is popped before it is compared, so a
 * long list (whose tail is always the last pair) keeps the stack flat.
 */
#include "compare.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"
#include "module.h"

/* Type classes in term order. */
enum {
    CLASS_NUMBER,
    CLASS_ATOM,
    CLASS_REF,
    CLASS_FUN,
    CLASS_PORT,
    CLASS_PID,
    CLASS_TUPLE,
    CLASS_MAP,
    CLASS_NIL,
    CLASS_LIST,
    CLASS_BINARY,
    CLASS_OTHER, /* headers, catch markers, THE_NON_VALUE: never in terms */
};

static int term_class(Term t)
{
    switch (term_tag(t)) {
    case TAG_SMALL:
        return CLASS_NUMBER;
    case TAG_ATOM:
        return CLASS_ATOM;
    case TAG_PID:
        return CLASS_PID;
    case TAG_LIST:
        return CLASS_LIST;
    case TAG_SPECIAL:
        return t == NIL ? CLASS_NIL : CLASS_OTHER;
    case TAG_BOXED:
        switch (header_sub(boxed_header(t))) {
        case SUB_TUPLE:
            return CLASS_TUPLE;
        case SUB_POS_BIG:
        case SUB_NEG_BIG:
        case SUB_FLOAT:
            return CLASS_NUMBER;
        case SUB_FUN:
        case SUB_EXPORT:
            return CLASS_FUN;
        case SUB_HEAP_BIN:
        case SUB_REFC_BIN:
        case SUB_SUB_BIN:
            return CLASS_BINARY;
        case SUB_REF:
            return CLASS_REF;
        case SUB_MAP:
            return CLASS_MAP;
        case SUB_EXT_PID:
            return CLASS_PID;
        default:
            return CLASS_OTHER;
        }
    default:
        return CLASS_OTHER;
    }
}

static inline int sign3(int64_t a, int64_t b) { return (a > b) - (a < b); }
static inline int usign3(uint64_t a, uint64_t b) { return (a > b) - (a < b); }

/* A small integer against a double, exactly. Doubles of magnitude 2^62 or
 * more are beyond any small; below that, the double's integer part is an
 * exact int64 and its fraction breaks ties. */
static int cmp_small_float(int64_t i, double d)
{
    if (d >= 0x1p62)
        return -1;
    if (d <= -0x1p62)
        return 1;
    int64_t t = (int64_t)d; /* truncates toward zero, exactly */
    if (i != t)
        return i < t ? -1 : 1;
    double frac = d - (double)t; /* exact */
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

/* A bignum against a double, exactly, through GMP's exact mpz_cmp_d on a
 * read-only view of the limbs (no allocation). */
static int cmp_big_float(Term big, double d)
{
    mpz_t z;
    mp_size_t n = (mp_size_t)big_size(big);
    mpz_roinit_n(z, (const mp_limb_t *)big_limbs(big), big_is_neg(big) ? -n : n);
    int r = mpz_cmp_d(z, d);
    return (r > 0) - (r < 0);
}

/* Integer (small or big) against double. */
static int cmp_int_float(Term i, double d)
{
    return is_small(i) ? cmp_small_float(small_val(i), d) : cmp_big_float(i, d);
}

/* Two numbers. Under exact, equal values of different kinds (1 and 1.0)
 * still differ: the integer comes first. */
static int cmp_numbers(Term a, Term b, bool exact)
{
    if (is_small(a) && is_small(b))
        return sign3(small_val(a), small_val(b));
    bool fa = is_float(a), fb = is_float(b);
    if (fa && fb) {
        double x = float_val(a), y = float_val(b);
        return (x > y) - (x < y); /* 0.0 == -0.0, as in OTP 25 */
    }
    if (!fa && !fb)
        return big_compare(a, b);
    int r = fa ? -cmp_int_float(b, float_val(a)) : cmp_int_float(a, float_val(b));
    if (r == 0 && exact)
        r = fa ? 1 : -1;
    return r;
}

/* Atoms by their text, bytewise (UTF-8 text orders as its code points). */
static int cmp_atoms(Term a, Term b)
{
    size_t la, lb;
    const char *ta = atom_text(a, &la), *tb = atom_text(b, &lb);
    int r = memcmp(ta, tb, la < lb ? la : lb);
    if (r)
        return r < 0 ? -1 : 1;
    return usign3(la, lb);
}

static int cmp_binaries(Term a, Term b)
{
    size_t la = bin_size(a), lb = bin_size(b);
    size_t n = la < lb ? la : lb;
    int r = n ? memcmp(bin_bytes(a), bin_bytes(b), n) : 0;
    if (r)
        return r < 0 ? -1 : 1;
    return usign3(la, lb);
}

/* Pending pairs of terms still to compare: n pairs at pa[0..n), pb[0..n). */
typedef struct {
    const Term *pa, *pb;
    size_t n;
} Frame;

typedef struct {
    Frame *f;
    size_t len, cap;
    Frame inline_frames[32];
    bool failed; /* out of memory growing the stack */
} WorkStack;

static void ws_push(WorkStack *ws, const Term *pa, const Term *pb, size_t n)
{
    if (n == 0)
        return;
    if (ws->len == ws->cap) {
        size_t cap = ws->cap * 2;
        Frame *nf = ws->f == ws->inline_frames ? malloc(cap * sizeof *nf)
                                               : realloc(ws->f, cap * sizeof *nf);
        if (!nf) {
            ws->failed = true;
            return;
        }
        if (ws->f == ws->inline_frames)
            memcpy(nf, ws->inline_frames, sizeof ws->inline_frames);
        ws->f = nf;
        ws->cap = cap;
    }
    ws->f[ws->len++] = (Frame){pa, pb, n};
}

/* Takes the next pending pair; false when none is left. */
static bool ws_next(WorkStack *ws, Term *a, Term *b)
{
    if (ws->len == 0)
        return false;
    Frame *top = &ws->f[ws->len - 1];
    *a = *top->pa++;
    *b = *top->pb++;
    if (--top->n == 0)
        ws->len--;
    return true;
}

/* Funs: closures before exports; closures by module, index, uniq, number of
 * free variables, then (through the work stack) the environment; exports
 * by module, name, arity. */
static int cmp_funs(Term a, Term b, WorkStack *ws)
{
    bool ea = header_sub(boxed_header(a)) == SUB_EXPORT;
    bool eb = header_sub(boxed_header(b)) == SUB_EXPORT;
    if (ea != eb)
        return ea ? 1 : -1;
    if (ea) {
        const Export *xa = (const Export *)(uintptr_t)boxed_ptr(a)[1];
        const Export *xb = (const Export *)(uintptr_t)boxed_ptr(b)[1];
        if (xa == xb)
            return 0;
        int r = xa->module == xb->module ? 0 : cmp_atoms(xa->module, xb->module);
        if (!r)
            r = xa->name == xb->name ? 0 : cmp_atoms(xa->name, xb->name);
        return r ? r : usign3(xa->arity, xb->arity);
    }
    const FunEntry *fa = (const FunEntry *)(uintptr_t)boxed_ptr(a)[1];
    const FunEntry *fb = (const FunEntry *)(uintptr_t)boxed_ptr(b)[1];
    if (fa != fb) {
        Term ma = fa->module ? fa->module->name : NIL;
        Term mb = fb->module ? fb->module->name : NIL;
        int r = ma == mb ? 0 : (is_atom(ma) && is_atom(mb)) ? cmp_atoms(ma, mb) : usign3(ma, mb);
        if (!r)
            r = usign3(fa->index, fb->index);
        if (!r)
            r = usign3(fa->uniq, fb->uniq);
        if (!r)
            r = usign3(fa->nfree, fb->nfree);
        if (r)
            return r;
    }
    /* The environment is the last nfree words of the object. */
    uint64_t na = header_arity(boxed_header(a)), nb = header_arity(boxed_header(b));
    if (na != nb)
        return usign3(na, nb);
    size_t nfree = fa->nfree <= na ? fa->nfree : 0;
    ws_push(ws, boxed_ptr(a) + 1 + na - nfree, boxed_ptr(b) + 1 + nb - nfree, nfree);
    return 0;
}

/* Compares a and b at the top level. Returns the order, or 0 after pushing
 * the pairs that remain to decide it (elements, tails, environments). */
static int cmp_shallow(Term a, Term b, bool exact, WorkStack *ws)
{
    if (a == b)
        return 0;
    int ca = term_class(a), cb = term_class(b);
    if (ca != cb)
        return ca < cb ? -1 : 1;
    switch (ca) {
    case CLASS_NUMBER:
        return cmp_numbers(a, b, exact);
    case CLASS_ATOM:
        return cmp_atoms(a, b);
    case CLASS_PID:
        return usign3(pid_id(a), pid_id(b));
    case CLASS_REF: {
        const Term *ra = boxed_ptr(a), *rb = boxed_ptr(b);
        int r = usign3(ra[1], rb[1]);
        return r ? r : usign3(ra[2], rb[2]);
    }
    case CLASS_TUPLE: {
        uint64_t na = tuple_arity(a), nb = tuple_arity(b);
        if (na != nb)
            return usign3(na, nb);
        ws_push(ws, boxed_ptr(a) + 1, boxed_ptr(b) + 1, na);
        return 0;
    }
    case CLASS_LIST:
        ws_push(ws, list_ptr(a), list_ptr(b), 2); /* head, then tail */
        return 0;
    case CLASS_BINARY:
        return cmp_binaries(a, b);
    case CLASS_FUN:
        return cmp_funs(a, b, ws);
    default: /* maps, ports, reserved: by raw word, consistently */
        return usign3(a, b);
    }
}

int term_compare(Term a, Term b, bool exact)
{
    WorkStack ws;
    ws.f = ws.inline_frames;
    ws.len = 0;
    ws.cap = sizeof ws.inline_frames / sizeof ws.inline_frames[0];
    ws.failed = false;
    int r = 0;
    for (;;) {
        r = cmp_shallow(a, b, exact, &ws);
        if (r != 0 || ws.failed || !ws_next(&ws, &a, &b))
            break;
    }
    if (ws.f != ws.inline_frames)
        free(ws.f);
    /* Out of memory deep inside a term: fall back to an arbitrary but
     * deterministic answer rather than crash. */
    if (ws.failed && r == 0)
        r = usign3(a, b);
    return r;
}

/* ---- BIFs ---- */

Term bif_eq_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(term_eq(args[0], args[1]));
}

Term bif_ne_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(!term_eq(args[0], args[1]));
}

Term bif_eqx_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(term_eq_exact(args[0], args[1]));
}

Term bif_nex_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(!term_eq_exact(args[0], args[1]));
}

Term bif_lt_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(term_compare(args[0], args[1], false) < 0);
}

Term bif_gt_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(term_compare(args[0], args[1], false) > 0);
}

Term bif_le_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(term_compare(args[0], args[1], false) <= 0);
}

Term bif_ge_2(Process *p, Term *args, unsigned live)
{
    return atom_bool(term_compare(args[0], args[1], false) >= 0);
}

/* min/max return the first argument when the two compare equal
 * (min(1, 1.0) is 1, min(1.0, 1) is 1.0), as OTP does. */
Term bif_min_2(Process *p, Term *args, unsigned live)
{
    return term_compare(args[0], args[1], false) <= 0 ? args[0] : args[1];
}

Term bif_max_2(Process *p, Term *args, unsigned live)
{
    return term_compare(args[0], args[1], false) >= 0 ? args[0] : args[1];
}

static inline bool is_bool(Term t) { return t == ATOM_true || t == ATOM_false; }

Term bif_and_2(Process *p, Term *args, unsigned live)
{
    if (!is_bool(args[0]) || !is_bool(args[1]))
        return bif_badarg(p);
    return atom_bool(args[0] == ATOM_true && args[1] == ATOM_true);
}

Term bif_or_2(Process *p, Term *args, unsigned live)
{
    if (!is_bool(args[0]) || !is_bool(args[1]))
        return bif_badarg(p);
    return atom_bool(args[0] == ATOM_true || args[1] == ATOM_true);
}

Term bif_xor_2(Process *p, Term *args, unsigned live)
{
    if (!is_bool(args[0]) || !is_bool(args[1]))
        return bif_badarg(p);
    return atom_bool((args[0] == ATOM_true) != (args[1] == ATOM_true));
}

Term bif_not_1(Process *p, Term *args, unsigned live)
{
    if (!is_bool(args[0]))
        return bif_badarg(p);
    return atom_bool(args[0] != ATOM_true);
}
