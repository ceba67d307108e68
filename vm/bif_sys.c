/* bif_sys.c - erlang BIFs about the node, time and number/text
 * conversions that the other groups lack: node/0,1, is_alive/0,
 * nodes/0,1, garbage_collect/0, bump_reductions/1, unique_integer/0,1,
 * os:getenv/1,2, os:type/0,
 * floor/1, ceil/1,
 * monotonic_time/0,1, system_time/0,1, timestamp/0, convert_time_unit/3,
 * atom_to_binary/1, binary_to_atom/1, float_to_list/2, float_to_binary/1,2,
 * integer_to_binary/1,2 and binary_to_integer/1,2, with Erlang/OTP 25's
 * results and errors.
 *
 * Time is read from the C library's clocks: native time (and
 * perf_counter) is the nanosecond, as on OTP for Linux. The one state
 * shared by all schedulers is unique_integer's atomic counter. */
#include <gmp.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arith.h"
#include "atom.h"
#include "bif.h"
#include "bignum.h"
#include "gc.h"
#include "binary.h"
#include "print.h"
#include "process.h"
#include "strbuf.h"
#include "term.h"

/* OTP's smalls have 60 bits, ours 61: an option OTP would see as a bignum
 * is refused as it refuses it. */
#define OTP_MAX_SMALL ((INT64_C(1) << 59) - 1)
#define OTP_MIN_SMALL (-(INT64_C(1) << 59))
/* OTP formats floats into a buffer of this size; longer results are badarg. */
#define FLOAT_BUF 256
#define NS_PER_SEC INT64_C(1000000000)

static bool atom_is(Term t, const char *name)
{
    return is_atom(t) && strcmp(atom_cstr(t), name) == 0;
}

/* ---- the node ----------------------------------------------------------- */

/* Without distribution every node is the same one. */
Term bif_node_0(Process *p, Term *args, unsigned live)
{
    return ATOM_nonode_nohost;
}

/* node(Pid | Ref): the node it was made on (ports do not exist here). */
Term bif_node_1(Process *p, Term *args, unsigned live)
{
    if (!is_pid(args[0]) && !is_ref(args[0]))
        return bif_badarg(p);
    return ATOM_nonode_nohost;
}

/* Without distribution this node is not alive and sees no others. */
Term bif_is_alive_0(Process *p, Term *args, unsigned live) { return ATOM_false; }
Term bif_nodes_0(Process *p, Term *args, unsigned live) { return NIL; }

/* What nodes/1 is asked for: 1 for the kinds that include this node,
 * 0 for the others, -1 for no kind. */
static int node_kind(Term k)
{
    static const char *const others[] = { "visible", "hidden", "connected" };
    for (size_t i = 0; i < 3; i++)
        if (atom_is(k, others[i]))
            return 0;
    return atom_is(k, "this") || atom_is(k, "known") ? 1 : -1;
}

/* nodes(Kind | [Kind]): this node when `this` or `known` is asked for. */
Term bif_nodes_1(Process *p, Term *args, unsigned live)
{
    int self = 0;
    if (is_atom(args[0])) {
        self = node_kind(args[0]);
    } else {
        Term l = args[0];
        for (; is_list(l) && self >= 0; l = list_tail(l)) {
            int k = node_kind(list_head(l));
            self = k < 0 ? -1 : self | k;
        }
        if (!is_nil(l) && self >= 0)
            self = -1;
    }
    if (self < 0)
        return bif_badarg(p);
    if (!self)
        return NIL;
    if (!proc_reserve(p, 2, live))
        return bif_heap_exhausted(p);
    return proc_cons(p, ATOM_nonode_nohost, NIL);
}

/* ---- the environment ------------------------------------------------------ */

/* A variable name: a flat list of characters, written as UTF-8 into buf
 * (NUL-terminated); false if it is none, holds NUL or '=', or is too long. */
static bool env_name(Term l, StrBuf *buf)
{
    for (; is_list(l); l = list_tail(l)) {
        Term c = list_head(l);
        if (!is_small(c) || small_val(c) <= 0 || small_val(c) > 0x10FFFF || small_val(c) == '=' || buf->len > 4096)
            return false;
        sb_add_utf8(buf, (uint32_t)small_val(c));
    }
    return is_nil(l) && buf->len > 0;
}

/* The value of a variable as a list of characters (UTF-8 decoded; a
 * byte that is not UTF-8 stands for itself), or `dflt` if it is unset.
 * getenv is safe here: the VM never changes its environment. */
static Term getenv_list(Process *p, Term *args, unsigned live, Term dflt)
{
    StrBuf name = { 0 };
    bool ok = env_name(args[0], &name);
    const char *v = ok ? getenv(name.data) : NULL;
    sb_free(&name);
    if (!ok)
        return bif_badarg(p);
    if (!v)
        return dflt == THE_NON_VALUE ? ATOM_false : args[1];
    size_t n = strlen(v);
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    uint32_t *cs = malloc((n ? n : 1) * sizeof *cs);
    if (!cs)
        return bif_heap_exhausted(p);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)v[i];
        size_t more = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : 0;
        uint32_t cp = more ? c & (0x3F >> more) : c;
        size_t j = 1;
        for (; j <= more && i + j < n && ((unsigned char)v[i + j] & 0xC0) == 0x80; j++)
            cp = cp << 6 | ((unsigned char)v[i + j] & 0x3F);
        if (c >= 0x80 && (!more || j <= more))
            cp = c, j = 1; /* not UTF-8: the byte itself */
        cs[k++] = cp;
        i += j;
    }
    Term r = NIL;
    while (k > 0)
        r = proc_cons(p, make_small(cs[--k]), r);
    free(cs);
    return r;
}

/* os:getenv(Name): the value, or false. */
Term bif_os_getenv_1(Process *p, Term *args, unsigned live) { return getenv_list(p, args, live, THE_NON_VALUE); }

/* os:getenv(Name, Default) */
Term bif_os_getenv_2(Process *p, Term *args, unsigned live) { return getenv_list(p, args, live, args[1]); }

/* os:type(): {unix, linux} on the systems beamlet is built for. */
Term bif_os_type_0(Process *p, Term *args, unsigned live)
{
    if (!proc_reserve(p, 3, live))
        return bif_heap_exhausted(p);
    Term t[2] = { atom_intern("unix", 4), atom_intern("linux", 5) };
    return proc_tuple(p, 2, t);
}

/* ---- the calling process's housekeeping ------------------------------- */

/* garbage_collect(): a full collection of the caller's heap, now. */
Term bif_garbage_collect_0(Process *p, Term *args, unsigned live)
{
    if (!gc_collect_full(p, 0, live))
        return bif_heap_exhausted(p);
    return ATOM_true;
}

/* bump_reductions(N): charges N reductions (N >= 0). */
Term bif_bump_reductions_1(Process *p, Term *args, unsigned live)
{
    if (!is_integer(args[0]) || (is_small(args[0]) ? small_val(args[0]) < 0 : big_is_neg(args[0])))
        return bif_badarg(p);
    int64_t n = is_small(args[0]) ? small_val(args[0]) : INT64_MAX;
    bif_charge(p, n > (INT64_C(1) << 30) ? (size_t)1 << 34 : (size_t)n << 4);
    return ATOM_true;
}

/* ---- unique integers ------------------------------------------------------ */

static _Atomic int64_t unique_next = 1;

/* unique_integer(): one counter for the whole VM, so every value is
 * unique, positive and strictly increasing: what any mix of OTP's
 * options (positive, monotonic) asks for. */
Term bif_unique_integer_0(Process *p, Term *args, unsigned live)
{
    return make_small(atomic_fetch_add(&unique_next, 1));
}

/* unique_integer(Options): Options a proper list of positive and
 * monotonic. */
Term bif_unique_integer_1(Process *p, Term *args, unsigned live)
{
    Term l = args[0];
    for (; is_list(l); l = list_tail(l))
        if (!atom_is(list_head(l), "positive") && !atom_is(list_head(l), "monotonic"))
            return bif_badarg(p);
    if (!is_nil(l))
        return bif_badarg(p);
    return bif_unique_integer_0(p, args, live);
}

/* ---- erlang:floor/1 and ceil/1 ------------------------------------------ */

/* Integers are returned as they are; a float is rounded by f to an integer
 * of any size. */
static Term round_to_int(Process *p, Term *args, unsigned live, double (*f)(double))
{
    if (is_integer(args[0]))
        return args[0];
    if (!is_float(args[0]))
        return bif_badarg(p);
    Term r = big_from_double(p, f(float_val(args[0])), live);
    return is_value(r) ? r : bif_heap_exhausted(p);
}

Term bif_floor_1(Process *p, Term *args, unsigned live) { return round_to_int(p, args, live, floor); }
Term bif_ceil_1(Process *p, Term *args, unsigned live) { return round_to_int(p, args, live, ceil); }

/* ---- integers of any size as GMP values ------------------------------- */

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "64-bit GMP limbs");

/* z = the integer term t (z initialised by the caller). */
static void int_to_mpz(mpz_t z, Term t)
{
    if (is_small(t)) {
        mpz_set_si(z, (long)small_val(t));
        return;
    }
    mpz_import(z, big_size(t), -1, sizeof(uint64_t), 0, 0, big_limbs(t));
    if (big_is_neg(t))
        mpz_neg(z, z);
}

/* The value of z as a term on p's heap (reserving with `live` roots). */
static Term mpz_to_int(Process *p, const mpz_t z, unsigned live)
{
    size_t n = mpz_size(z);
    if (n > ARITH_MAX_BIG_LIMBS)
        return bif_error(p, ATOM_system_limit);
    if (!proc_reserve(p, big_words(n), live))
        return bif_heap_exhausted(p);
    size_t used;
    Term r = big_make(p->htop, (const uint64_t *)mpz_limbs_read(z), n, mpz_sgn(z) < 0, &used);
    proc_alloc(p, used);
    return r;
}

/* An __int128 as a term (at most two limbs). */
static Term i128_to_int(Process *p, __int128 v, unsigned live)
{
    unsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    uint64_t limbs[2] = { (uint64_t)m, (uint64_t)(m >> 64) };
    if (!proc_reserve(p, big_words(2), live))
        return bif_heap_exhausted(p);
    size_t used;
    Term r = big_make(p->htop, limbs, 2, v < 0, &used);
    proc_alloc(p, used);
    return r;
}

/* ---- time ----------------------------------------------------------------- */

/* A time unit as its parts per second, an integer term: a positive integer,
 * or one of the atoms OTP accepts (the plural ones are its deprecated
 * spellings). THE_NON_VALUE if t is none. */
static Term time_unit(Term t)
{
    static const struct {
        const char *name;
        int64_t pps;
    } units[] = {
        { "second", 1 },          { "millisecond", 1000 },       { "microsecond", 1000000 },
        { "nanosecond", NS_PER_SEC }, { "native", NS_PER_SEC },   { "perf_counter", NS_PER_SEC },
        { "seconds", 1 },         { "milli_seconds", 1000 },     { "micro_seconds", 1000000 },
        { "nano_seconds", NS_PER_SEC },
    };
    if (is_small(t))
        return small_val(t) > 0 ? t : THE_NON_VALUE;
    if (is_big(t))
        return big_is_neg(t) ? THE_NON_VALUE : t;
    if (!is_atom(t))
        return THE_NON_VALUE;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (atom_is(t, units[i].name))
            return make_small(units[i].pps);
    return THE_NON_VALUE;
}

/* floor(a / b) for b > 0. */
static __int128 floor_div(__int128 a, __int128 b)
{
    __int128 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* floor(v * to / from), as convert_time_unit/3 rounds (toward minus
 * infinity); from and to are positive integer terms. */
static Term scale(Process *p, Term v, Term to, Term from, unsigned live)
{
    if (is_small(v) && is_small(to) && is_small(from)) {
        /* |v|, to < 2^60: the product fits in 120 bits. */
        __int128 r = floor_div((__int128)small_val(v) * small_val(to), small_val(from));
        if (r >= MIN_SMALL && r <= MAX_SMALL)
            return make_small((int64_t)r);
        return i128_to_int(p, r, live);
    }
    mpz_t z, t;
    mpz_init(z);
    mpz_init(t);
    int_to_mpz(z, v);
    int_to_mpz(t, to);
    mpz_mul(z, z, t);
    int_to_mpz(t, from);
    mpz_fdiv_q(z, z, t);
    Term r = mpz_to_int(p, z, live);
    mpz_clear(z);
    mpz_clear(t);
    return r;
}

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* The clock's reading in nanoseconds converted to the unit args[0]. */
static Term time_in(Process *p, Term *args, unsigned live, clockid_t id)
{
    Term unit = time_unit(args[0]);
    if (unit == THE_NON_VALUE)
        return bif_badarg(p);
    int64_t ns = clock_ns(id);
    if (small_fits(ns))
        return scale(p, make_small(ns), unit, make_small(NS_PER_SEC), live);
    /* Past 2^60 ns (system time since 2006): no small to scale from. */
    if (is_small(unit)) {
        __int128 r = floor_div((__int128)ns * small_val(unit), NS_PER_SEC);
        if (r >= MIN_SMALL && r <= MAX_SMALL)
            return make_small((int64_t)r);
        return i128_to_int(p, r, live);
    }
    mpz_t z, t;
    mpz_init_set_si(z, (long)ns);
    mpz_init(t);
    int_to_mpz(t, unit);
    mpz_mul(z, z, t);
    mpz_fdiv_q_ui(z, z, (unsigned long)NS_PER_SEC);
    Term r = mpz_to_int(p, z, live);
    mpz_clear(z);
    mpz_clear(t);
    return r;
}

/* The native unit is the nanosecond: the reading as it is. */
static Term time_native(Process *p, unsigned live, clockid_t id)
{
    Term r = big_from_int64(p, clock_ns(id), live);
    return is_value(r) ? r : bif_heap_exhausted(p);
}

Term bif_monotonic_time_0(Process *p, Term *args, unsigned live)
{
    return time_native(p, live, CLOCK_MONOTONIC);
}

Term bif_monotonic_time_1(Process *p, Term *args, unsigned live)
{
    return time_in(p, args, live, CLOCK_MONOTONIC);
}

Term bif_system_time_0(Process *p, Term *args, unsigned live)
{
    return time_native(p, live, CLOCK_REALTIME);
}

Term bif_system_time_1(Process *p, Term *args, unsigned live)
{
    return time_in(p, args, live, CLOCK_REALTIME);
}

/* {MegaSecs, Secs, MicroSecs} of the system time. */
Term bif_timestamp_0(Process *p, Term *args, unsigned live)
{
    int64_t us = clock_ns(CLOCK_REALTIME) / 1000;
    Term t[3] = { make_small(us / 1000000000000), make_small(us / 1000000 % 1000000),
                  make_small(us % 1000000) };
    if (!proc_reserve(p, 4, live))
        return bif_heap_exhausted(p);
    return proc_tuple(p, 3, t);
}

Term bif_convert_time_unit_3(Process *p, Term *args, unsigned live)
{
    Term from = time_unit(args[1]), to = time_unit(args[2]);
    if (!is_integer(args[0]) || from == THE_NON_VALUE || to == THE_NON_VALUE)
        return bif_badarg(p);
    return scale(p, args[0], to, from, live);
}

/* ---- atoms and binaries ---------------------------------------------------- */

/* atom_to_binary(A): the atom's text, which is stored as UTF-8. */
Term bif_atom_to_binary_1(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]))
        return bif_badarg(p);
    size_t len;
    const char *s = atom_text(args[0], &len); /* atom texts never move */
    if (!proc_reserve(p, bin_words(len), live))
        return bif_heap_exhausted(p);
    Term b = bin_new(p, (const uint8_t *)s, len);
    return is_value(b) ? b : bif_heap_exhausted(p);
}

/* binary_to_atom(B) is binary_to_atom(B, utf8). That BIF only reads the
 * binary and interns the atom, never touching the heap, so a local array
 * may stand for its arguments. */
Term bif_binary_to_atom_1(Process *p, Term *args, unsigned live)
{
    Term a[2] = { args[0], ATOM_utf8 };
    return bif_binary_to_atom_2(p, a, live);
}

/* The text s[0..n) as a binary. */
static Term text_binary(Process *p, const char *s, size_t n, unsigned live)
{
    if (!proc_reserve(p, bin_words(n), live))
        return bif_heap_exhausted(p);
    Term b = bin_new(p, (const uint8_t *)s, n);
    return is_value(b) ? b : bif_heap_exhausted(p);
}

/* ---- integers as binaries ------------------------------------------------- */

Term bif_integer_to_binary_1(Process *p, Term *args, unsigned live)
{
    return arith_integer_text(p, args, live, make_small(10), text_binary);
}

Term bif_integer_to_binary_2(Process *p, Term *args, unsigned live)
{
    return arith_integer_text(p, args, live, args[1], text_binary);
}

/* An optional sign and digits of the base, nothing else (no spaces). The
 * bytes are copied first: big_parse reserves heap, which may move a heap
 * binary. */
static Term binary_to_integer(Process *p, Term *args, unsigned live, unsigned base)
{
    if (!is_binary(args[0]))
        return bif_badarg(p);
    size_t n = bin_size(args[0]);
    char *s = malloc(n ? n : 1);
    if (!s)
        return bif_heap_exhausted(p);
    memcpy(s, bin_bytes(args[0]), n);
    Term r;
    bool ok = big_parse(p, s, n, base, live, &r);
    free(s);
    if (!ok)
        return bif_badarg(p);
    return is_value(r) ? r : bif_heap_exhausted(p);
}

Term bif_binary_to_integer_1(Process *p, Term *args, unsigned live)
{
    return binary_to_integer(p, args, live, 10);
}

Term bif_binary_to_integer_2(Process *p, Term *args, unsigned live)
{
    unsigned base;
    if (!arith_base_arg(args[1], &base))
        return bif_badarg(p);
    return binary_to_integer(p, args, live, base);
}

/* ---- floats as text ------------------------------------------------------- */

typedef enum { FMT_LEGACY, FMT_SHORT, FMT_FIXED, FMT_SCIENTIFIC } FloatFmt;

/* Reads float_to_list/2's option list: the last of short, {decimals, D} and
 * {scientific, D} wins, compact may come anywhere. D is taken as OTP takes
 * it, as a C int (an integer beyond 32 bits keeps its low 32). The range
 * of D is checked by the caller, once the format is known. */
static bool float_options(Term opts, FloatFmt *fmt, int *decimals, bool *compact)
{
    *fmt = FMT_LEGACY;
    *compact = false;
    for (; is_list(opts); opts = list_tail(opts)) {
        Term o = list_head(opts);
        if (atom_is(o, "compact")) {
            *compact = true;
            continue;
        }
        if (atom_is(o, "short")) {
            *fmt = FMT_SHORT;
            continue;
        }
        if (!is_tuple(o) || tuple_arity(o) != 2 || !is_small(tuple_elem(o, 2)))
            return false;
        int64_t d = small_val(tuple_elem(o, 2));
        if (d < OTP_MIN_SMALL || d > OTP_MAX_SMALL)
            return false;
        if (atom_is(tuple_elem(o, 1), "decimals"))
            *fmt = FMT_FIXED;
        else if (atom_is(tuple_elem(o, 1), "scientific"))
            *fmt = FMT_SCIENTIFIC;
        else
            return false;
        *decimals = (int)(int32_t)(uint32_t)(uint64_t)d;
    }
    return is_nil(opts);
}

/* compact: drops the trailing zeros of buf[0..end), but keeps one right
 * after the point. Without a point (only "%.0f" of a number of 2^53 or
 * more), OTP drops the zeros of the integer, and so do we: 1.0e20 with
 * [{decimals,0},compact] is "1" there. */
static char *drop_trailing_zeros(char *buf, char *end)
{
    while (end > buf + 1 && end[-1] == '0')
        end--;
    if (end[-1] == '.')
        end++;
    return end;
}

/* Below this many decimals and 2^53, OTP formats {decimals, D} itself. */
#define FAST_DECIMALS 19

/* {decimals, D} into buf (FLOAT_BUF bytes); the length, or -1 if the text
 * does not fit. For |f| < 2^53 and D < 19, OTP prints the integer part, then
 * the fraction times 10^D computed as a double and rounded half away from
 * zero: so 0.125 gives "0.13" (not C's "0.12"), and digits beyond a double's
 * precision are those of the product, e.g. 0.30000000000000004 with 18
 * decimals is "0.300000000000000064". Other numbers are C's "%.*f". */
static int format_fixed(char *buf, double f, int d, bool compact)
{
    double a = fabs(f);
    int len;
    if (a >= 9007199254740992.0 || d >= FAST_DECIMALS) {
        len = snprintf(buf, FLOAT_BUF, "%.*f", d, f);
        if (len < 0 || len >= FLOAT_BUF)
            return -1;
        if (compact)
            len = (int)(drop_trailing_zeros(buf, buf + len) - buf);
        buf[len] = '\0';
        return len;
    }
    uint64_t scale10 = 1;
    for (int i = 0; i < d; i++)
        scale10 *= 10;
    uint64_t ip = (uint64_t)a;
    uint64_t fp = (uint64_t)round((a - (double)ip) * (double)scale10);
    if (fp >= scale10) { /* the fraction rounded up to a whole one */
        ip++;
        fp -= scale10;
    }
    const char *sign = signbit(f) ? "-" : "";
    if (d == 0)
        return snprintf(buf, FLOAT_BUF, "%s%llu", sign, (unsigned long long)ip);
    len = snprintf(buf, FLOAT_BUF, "%s%llu.%0*llu", sign, (unsigned long long)ip, d, (unsigned long long)fp);
    if (compact)
        len = (int)(drop_trailing_zeros(buf, buf + len) - buf);
    buf[len] = '\0';
    return len;
}

/* Formats the float f as float_to_list/2 does with the options opts into
 * buf (FLOAT_BUF bytes, or sb for [short]); the length, or -1 for badarg. */
static int format_float(char *buf, StrBuf *sb, double f, Term opts)
{
    FloatFmt fmt;
    int d = 0;
    bool compact;
    if (!float_options(opts, &fmt, &d, &compact))
        return -1;
    int len;
    switch (fmt) {
    case FMT_SHORT:
        print_float(sb, f);
        return (int)sb->len;
    case FMT_FIXED:
        return d < 0 || d > 253 ? -1 : format_fixed(buf, f, d, compact);
    case FMT_SCIENTIFIC:
        /* A negative D is C's default precision, 6, as in OTP. */
        if (d > 249)
            return -1;
        len = snprintf(buf, FLOAT_BUF, "%.*e", d, f);
        break;
    default:
        len = snprintf(buf, FLOAT_BUF, "%.20e", f);
        break;
    }
    return len < 0 || len >= FLOAT_BUF ? -1 : len;
}

/* float_to_list/2 and float_to_binary/1,2: the text as a list or a binary. */
static Term float_text(Process *p, Term *args, unsigned live, Term opts, bool binary)
{
    if (!is_float(args[0]))
        return bif_badarg(p);
    char buf[FLOAT_BUF];
    StrBuf sb = { 0 };
    int len = format_float(buf, &sb, float_val(args[0]), opts);
    const char *s = sb.data ? sb.data : buf;
    Term r;
    if (len < 0)
        r = bif_badarg(p);
    else if (binary)
        r = text_binary(p, s, (size_t)len, live);
    else
        r = arith_chars_to_list(p, s, (size_t)len, live);
    sb_free(&sb);
    return r;
}

Term bif_float_to_list_2(Process *p, Term *args, unsigned live)
{
    return float_text(p, args, live, args[1], false);
}

Term bif_float_to_binary_1(Process *p, Term *args, unsigned live)
{
    return float_text(p, args, live, NIL, true);
}

Term bif_float_to_binary_2(Process *p, Term *args, unsigned live)
{
    return float_text(p, args, live, args[1], true);
}
