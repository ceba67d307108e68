/* print.c - printing terms byte for byte as Erlang/OTP 25 prints them.
 *
 * ~w (print_w) is io_lib:write: atoms quoted where needed, floats in
 * shortest round-trip form, strings as lists of integers, binaries as
 * <<1,2,3>>, depth limits as ~W does.
 *
 * ~p (print_p) follows io_lib_pretty's algorithm: first a tree giving the
 * printed length of every subterm (strings and printable binaries
 * detected), then a layout pass that writes a subterm on one line when it
 * fits and otherwise breaks it, with the special indentation of tagged
 * tuples ({tag, ...}) and the choice of tuple indentation that
 * io_lib_pretty makes by trial (-1, then 4, then 1).
 *
 * Text encoding: the StrBuf receives UTF-8, one encoded character for each
 * character of the list io_lib would return (format.c's convention; the
 * device encoding, latin1 bytes and \x{HEX} for erl -noshell's standard
 * output, is applied where text is written out, in bif_io.c). Atom texts
 * are read as UTF-8 (or as latin1 bytes when they are not valid UTF-8).
 *
 * With `unicode` (~tp), atoms and strings are written as io_lib's unicode
 * writers do and binaries holding UTF-8 print as <<"..."/utf8>>; lists still
 * print as strings only when their characters are printable latin1, because
 * that is what erl does under its default printable range (+pc latin1).
 * print_is_printable_list(t, true), a plain predicate, does take the
 * unicode range (io_lib:printable_unicode_list); like io_lib's predicates it
 * is true for [].
 *
 * print_p's `indent` is io_lib_pretty's 1-based column (1 at the start of a
 * line; values below 1 count as 1), as format.c passes it.
 *
 * Long lists are walked with loops, never recursion, so a list of a million
 * elements prints without deepening the C stack; recursion only follows
 * nesting (list heads, tuple elements).
 *
 * Memory: the ~p tree is malloc'd and freed before returning; out of
 * memory aborts, as StrBuf does.
 */
#include "print.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"
#include "module.h"

/* ---- characters ---- */


/* Decodes the next UTF-8 character of s[*i..n); returns -1 (and leaves *i)
 * on a malformed, overlong or surrogate sequence, as Erlang's /utf8 match
 * rejects them. */
static long utf8_next(const uint8_t *s, size_t n, size_t *i)
{
    size_t k = *i;
    if (k >= n)
        return -1;
    uint32_t c = s[k];
    size_t len;
    uint32_t min;
    if (c < 0x80) {
        *i = k + 1;
        return c;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return -1;
    }
    if (n - k < len)
        return -1;
    for (size_t j = 1; j < len; j++) {
        if ((s[k + j] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (s[k + j] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return -1;
    *i = k + len;
    return (long)c;
}

/* Whether all of s[0..n) is valid UTF-8. */
static bool utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n)
        if (utf8_next(s, n, &i) < 0)
            return false;
    return true;
}

/* How io_lib's string writers treat characters above the ASCII range. */
enum {
    ENC_LATIN1,     /* write_latin1_string: only latin1 characters arrive */
    ENC_UNI_AS_UNI, /* write_string: any character >= 160 as itself */
    ENC_UNI_AS_LAT, /* write_string_as_latin1: above 255 as \x{HEX} */
};

/* One character inside a quoted string or atom (quote q), escaped as
 * io_lib does. Returns the number of characters OTP counts for it. */
static size_t string_char(StrBuf *sb, uint32_t c, uint32_t q, int enc)
{
    if (c == q || c == '\\') {
        sb_addc(sb, '\\');
        sb_addc(sb, (char)c);
        return 2;
    }
    if (c >= 32 && c <= 126) {
        sb_addc(sb, (char)c);
        return 1;
    }
    if (c >= 160 && (c <= 255 || enc == ENC_UNI_AS_UNI)) {
        sb_add_utf8(sb, c);
        return 1;
    }
    if (c > 255) {
        size_t before = sb->len;
        sb_printf(sb, "\\x{%X}", (unsigned)c);
        return sb->len - before;
    }
    const char *esc = NULL;
    switch (c) {
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\t': esc = "\\t"; break;
    case '\v': esc = "\\v"; break;
    case '\b': esc = "\\b"; break;
    case '\f': esc = "\\f"; break;
    case 27: esc = "\\e"; break;
    case 127: esc = "\\d"; break;
    default: break;
    }
    if (esc) {
        sb_adds(sb, esc);
        return 2;
    }
    sb_printf(sb, "\\%c%c%c", '0' + (int)(c >> 6), '0' + (int)((c >> 3) & 7), '0' + (int)(c & 7));
    return 4;
}

/* Printable as io_lib:printable_latin1_list counts it. */
static bool printable_latin1(int64_t c)
{
    return (c >= 32 && c <= 126) || (c >= 160 && c <= 255) || (c >= 8 && c <= 13) || c == 27;
}

/* Printable as io_lib:printable_unicode_list counts it. */
static bool printable_unicode(int64_t c)
{
    return (c >= 32 && c <= 126) || (c >= 160 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE) ||
           (c > 0xFFFF && c <= 0x10FFFF) || (c >= 8 && c <= 13) || c == 27;
}

bool print_is_printable_list(Term t, bool unicode)
{
    for (; is_list(t); t = list_tail(t)) {
        Term h = list_head(t);
        if (!is_small(h))
            return false;
        if (!(unicode ? printable_unicode(small_val(h)) : printable_latin1(small_val(h))))
            return false;
    }
    return is_nil(t);
}

/* ---- atoms ---- */

/* Erlang's reserved words: atoms spelled like these need quotes. */
static bool is_reserved_word(const char *s, size_t n)
{
    static const char *const words[] = {
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor",
        "case", "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or",
        "orelse", "receive", "rem", "try", "when", "xor",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
            return true;
    return false;
}

/* The characters of an atom: its text as UTF-8, or bytes if not UTF-8. */
typedef struct {
    const uint8_t *s;
    size_t n, i;
    bool utf8;
} AtomChars;

static void atom_chars_init(AtomChars *ac, Term atom)
{
    size_t n;
    ac->s = (const uint8_t *)atom_text(atom, &n);
    ac->n = n;
    ac->i = 0;
    ac->utf8 = utf8_valid(ac->s, n);
}

static long atom_chars_next(AtomChars *ac)
{
    if (ac->i >= ac->n)
        return -1;
    if (ac->utf8)
        return utf8_next(ac->s, ac->n, &ac->i);
    return ac->s[ac->i++];
}

static bool lower_start(long c) { return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247); }

static bool name_char(long c)
{
    return lower_start(c) || (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215) ||
           (c >= '0' && c <= '9') || c == '_' || c == '@';
}

static bool atom_needs_quotes(Term atom)
{
    size_t n;
    const char *text = atom_text(atom, &n);
    if (is_reserved_word(text, n))
        return true;
    AtomChars ac;
    atom_chars_init(&ac, atom);
    long c = atom_chars_next(&ac);
    if (!lower_start(c))
        return true;
    while ((c = atom_chars_next(&ac)) >= 0)
        if (!name_char(c))
            return true;
    return false;
}

/* An atom, quoted if need be; returns its length in characters as OTP
 * counts them. unicode: io_lib:write_atom, else write_atom_as_latin1. */
static size_t write_atom(StrBuf *sb, Term atom, bool unicode)
{
    AtomChars ac;
    atom_chars_init(&ac, atom);
    long c;
    size_t chars = 0;
    if (!atom_needs_quotes(atom)) {
        while ((c = atom_chars_next(&ac)) >= 0) {
            sb_add_utf8(sb, (uint32_t)c);
            chars++;
        }
        return chars;
    }
    int enc = unicode ? ENC_UNI_AS_UNI : ENC_UNI_AS_LAT;
    sb_addc(sb, '\'');
    chars = 2;
    while ((c = atom_chars_next(&ac)) >= 0)
        chars += string_char(sb, (uint32_t)c, '\'', enc);
    sb_addc(sb, '\'');
    return chars;
}

void print_atom(StrBuf *sb, Term atom)
{
    write_atom(sb, atom, false);
}

/* ---- floats ---- */

/* Reads the digits and exponent of "%.*e" output ("d.ddde+XX") into
 * digits (NUL-terminated, no point) and *exp. */
static void parse_e(const char *buf, char *digits, int *exp)
{
    size_t k = 0;
    const char *q = buf;
    for (; *q && *q != 'e'; q++)
        if (*q >= '0' && *q <= '9')
            digits[k++] = *q;
    digits[k] = 0;
    *exp = *q == 'e' ? atoi(q + 1) : 0;
}

/* The value of digits d0.d1d2... x 10^exp, as strtod reads it. */
static double digits_value(const char *digits, int exp)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits[1] ? digits + 1 : "0", exp);
    return strtod(buf, NULL);
}

/* Adds delta (+1 or -1) to the last digit of a digit string, carrying;
 * keeps the digit count, adjusting *exp when the leading digit moves. */
static bool bump_digits(char *digits, int *exp, int delta)
{
    size_t n = strlen(digits);
    size_t i = n;
    while (i > 0) {
        i--;
        int d = digits[i] - '0' + delta;
        if (d >= 0 && d <= 9) {
            digits[i] = (char)('0' + d);
            break;
        }
        digits[i] = delta > 0 ? '0' : '9';
        if (i == 0) {
            if (delta < 0)
                return false;
            memmove(digits + 1, digits, n); /* 99 -> 100: one more digit, drop the last */
            digits[0] = '1';
            digits[n] = 0;
            (*exp)++;
            return true;
        }
    }
    if (digits[0] == '0') { /* 10 -> 09: shift left, keep the count */
        if (n == 1)
            return false;
        memmove(digits, digits + 1, n - 1);
        digits[n - 1] = '9';
        (*exp)--;
    }
    return true;
}

/* Whether some p-digit decimal reads back as d; if so its digits and
 * exponent (the closest such) go to digits and *exp. */
static bool try_digits(double d, int p, char *digits, int *exp)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", p - 1, d);
    parse_e(buf, digits, exp);
    if (digits_value(digits, *exp) == d)
        return true;
    /* The closest p-digit decimal can miss where d's rounding interval is
     * lopsided (powers of two); a neighbour may still read back. */
    for (int delta = -1; delta <= 1; delta += 2) {
        char alt[24];
        int e2 = *exp;
        memcpy(alt, digits, strlen(digits) + 1);
        if (bump_digits(alt, &e2, delta) && digits_value(alt, e2) == d) {
            memcpy(digits, alt, strlen(alt) + 1);
            *exp = e2;
            return true;
        }
    }
    return false;
}

/* The shortest digit string (no trailing zeros) that reads back as the
 * positive finite d, the closest to d among the shortest (as OTP's Ryu
 * based float_to_list(F, [short]) gives), and its exponent:
 * d ~ digits[0].digits[1..] x 10^exp. If a p-digit decimal reads back, so
 * does a (p+1)-digit one, so a binary search over 1..17 finds it. */
static void shortest_digits(double d, char *digits, int *exp)
{
    int lo = 1, hi = 17;
    char best[24];
    int best_exp = 0;
    if (!try_digits(d, 17, best, &best_exp)) /* cannot happen: 17 always do */
        snprintf(best, sizeof best, "0");
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        char cand[24];
        int e;
        if (try_digits(d, mid, cand, &e)) {
            hi = mid;
            memcpy(best, cand, strlen(cand) + 1);
            best_exp = e;
        } else {
            lo = mid + 1;
        }
    }
    memcpy(digits, best, strlen(best) + 1);
    *exp = best_exp;
    size_t n = strlen(digits);
    while (n > 1 && digits[n - 1] == '0')
        digits[--n] = 0;
}

void print_float(StrBuf *sb, double d)
{
    if (signbit(d)) {
        sb_addc(sb, '-');
        d = -d;
    }
    if (d == 0) {
        sb_adds(sb, "0.0");
        return;
    }
    if (!isfinite(d)) { /* never an Erlang float; print something sane */
        sb_adds(sb, isnan(d) ? "nan" : "inf");
        return;
    }
    char digits[24];
    int e;
    shortest_digits(d, digits, &e);
    int n = (int)strlen(digits);
    char ebuf[16];
    int elen = snprintf(ebuf, sizeof ebuf, "%d", e);
    int sci_len = n + (n == 1) + 2 + elen;
    int fixed_len = e >= 0 ? (n <= e + 1 ? e + 3 : n + 1) : n + 1 - e;
    /* OTP writes the plain form when it is no longer than the scientific
     * one, and only below 2^53 (where every integer is exact). */
    if (fixed_len <= sci_len && d < 0x1p53) {
        if (e >= 0) {
            if (n <= e + 1) {
                sb_add(sb, digits, (size_t)n);
                for (int i = n; i <= e; i++)
                    sb_addc(sb, '0');
                sb_adds(sb, ".0");
            } else {
                sb_add(sb, digits, (size_t)e + 1);
                sb_addc(sb, '.');
                sb_adds(sb, digits + e + 1);
            }
        } else {
            sb_adds(sb, "0.");
            for (int i = 0; i < -e - 1; i++)
                sb_addc(sb, '0');
            sb_adds(sb, digits);
        }
        return;
    }
    sb_addc(sb, digits[0]);
    sb_addc(sb, '.');
    sb_adds(sb, n > 1 ? digits + 1 : "0");
    sb_addc(sb, 'e');
    sb_adds(sb, ebuf);
}

/* ---- simple terms (io_lib:write of non-containers) ---- */

static void write_integer(StrBuf *sb, Term t)
{
    if (is_small(t)) {
        sb_printf(sb, "%lld", (long long)small_val(t));
        return;
    }
    size_t len;
    char *s = big_to_string(t, 10, &len);
    if (s) {
        sb_add(sb, s, len);
        free(s);
    }
}

static void write_fun(StrBuf *sb, Term t)
{
    const Term *bp = boxed_ptr(t);
    if (header_sub(bp[0]) == SUB_EXPORT) {
        const Export *e = (const Export *)(uintptr_t)bp[1];
        sb_adds(sb, "fun ");
        write_atom(sb, e->module, false);
        sb_addc(sb, ':');
        write_atom(sb, e->name, false);
        sb_printf(sb, "/%u", e->arity);
        return;
    }
    const FunEntry *fe = (const FunEntry *)(uintptr_t)bp[1];
    sb_adds(sb, "#Fun<");
    if (fe->module && is_atom(fe->module->name))
        write_atom(sb, fe->module->name, false);
    sb_printf(sb, ".%u.%u>", (unsigned)fe->index, (unsigned)fe->uniq);
}

/* Terms that are neither lists, tuples nor binaries; returns false if t is
 * one of those. */
static bool write_simple(StrBuf *sb, Term t)
{
    if (is_integer(t)) {
        write_integer(sb, t);
    } else if (is_atom(t)) {
        write_atom(sb, t, false);
    } else if (is_float(t)) {
        print_float(sb, float_val(t));
    } else if (is_pid(t)) {
        sb_printf(sb, "<0.%llu.0>", (unsigned long long)pid_id(t));
    } else if (is_ref(t)) {
        sb_printf(sb, "#Ref<0.0.0.%llu>", (unsigned long long)boxed_ptr(t)[1]);
    } else if (is_fun(t)) {
        write_fun(sb, t);
    } else if (is_nil(t)) {
        sb_adds(sb, "[]");
    } else if (is_list(t) || is_tuple(t) || is_binary(t)) {
        return false;
    } else if (is_boxed_sub(t, SUB_MAP)) {
        sb_adds(sb, "#{}"); /* maps are not implemented yet */
    } else {
        sb_printf(sb, "#Term<%llx>", (unsigned long long)t);
    }
    return true;
}

static inline long dec_depth(long d) { return d < 0 ? d : d - 1; }

/* ---- ~w ---- */

/* io_lib:write_binary: bytes as integers, "..." where the depth runs out. */
static void write_binary_w(StrBuf *sb, Term b, long d)
{
    size_t n = bin_size(b);
    const uint8_t *s = bin_bytes(b);
    sb_adds(sb, "<<");
    for (size_t i = 0; i < n; i++) {
        if (d == 1) {
            sb_adds(sb, "...");
            break;
        }
        sb_printf(sb, "%u", s[i]);
        if (i + 1 < n)
            sb_addc(sb, ',');
        d = dec_depth(d);
    }
    sb_adds(sb, ">>");
}

static void write_w(StrBuf *sb, Term t, long d);

static void write_tuple_w(StrBuf *sb, Term t, long d)
{
    uint64_t n = tuple_arity(t);
    if (n == 0) {
        sb_adds(sb, "{}");
        return;
    }
    if (d == 1) {
        sb_adds(sb, "{...}");
        return;
    }
    d = dec_depth(d);
    sb_addc(sb, '{');
    write_w(sb, tuple_elem(t, 1), d);
    for (uint64_t i = 2; i <= n; i++) {
        if (d == 1) {
            sb_adds(sb, ",...");
            break;
        }
        sb_addc(sb, ',');
        write_w(sb, tuple_elem(t, i), dec_depth(d));
        d = dec_depth(d);
    }
    sb_addc(sb, '}');
}

/* A list, walking the tail in a loop. */
static void write_list_w(StrBuf *sb, Term t, long d)
{
    if (d == 1) {
        sb_adds(sb, "[...]");
        return;
    }
    d = dec_depth(d);
    sb_addc(sb, '[');
    write_w(sb, list_head(t), d);
    for (t = list_tail(t); !is_nil(t); t = list_tail(t)) {
        if (d == 1) {
            sb_adds(sb, "|...");
            break;
        }
        if (!is_list(t)) {
            sb_addc(sb, '|');
            write_w(sb, t, dec_depth(d));
            break;
        }
        sb_addc(sb, ',');
        write_w(sb, list_head(t), dec_depth(d));
        d = dec_depth(d);
    }
    sb_addc(sb, ']');
}

static void write_w(StrBuf *sb, Term t, long d)
{
    if (d == 0) {
        sb_adds(sb, "...");
    } else if (is_list(t)) {
        write_list_w(sb, t, d);
    } else if (is_tuple(t)) {
        write_tuple_w(sb, t, d);
    } else if (is_binary(t)) {
        write_binary_w(sb, t, d);
    } else {
        write_simple(sb, t);
    }
}

void print_w(StrBuf *sb, Term t, long depth)
{
    write_w(sb, t, depth);
}

/* ---- the deep form of ~w: io_lib:write's nesting ---- */

static void write_wd(StrBuf *sb, Term t, long d);

/* write1(T, D) as one element of the enclosing list. */
static void write_wd_elem(StrBuf *sb, Term t, long d)
{
    sb_addc(sb, PRINT_OPEN);
    write_wd(sb, t, d);
    sb_addc(sb, PRINT_CLOSE);
}

/* [$<,$<, Body, $>,$>]: Body's elements are each byte's digits (a list),
 * commas between, and "..." (a list) where the depth runs out. */
static void write_binary_wd(StrBuf *sb, Term b, long d)
{
    size_t n = bin_size(b);
    const uint8_t *s = bin_bytes(b);
    sb_adds(sb, "<<");
    sb_addc(sb, PRINT_OPEN);
    for (size_t i = 0; i < n; i++) {
        sb_addc(sb, PRINT_OPEN);
        if (d == 1) {
            sb_adds(sb, "...");
            sb_addc(sb, PRINT_CLOSE);
            break;
        }
        sb_printf(sb, "%u", s[i]);
        sb_addc(sb, PRINT_CLOSE);
        if (i + 1 < n)
            sb_addc(sb, ',');
        d = dec_depth(d);
    }
    sb_addc(sb, PRINT_CLOSE);
    sb_adds(sb, ">>");
}

/* [${, [write1(E1) | write_tuple(...)], $}] */
static void write_tuple_wd(StrBuf *sb, Term t, long d)
{
    uint64_t n = tuple_arity(t);
    if (n == 0) {
        sb_adds(sb, "{}");
        return;
    }
    if (d == 1) {
        sb_adds(sb, "{...}");
        return;
    }
    d = dec_depth(d);
    sb_addc(sb, '{');
    sb_addc(sb, PRINT_OPEN);
    write_wd_elem(sb, tuple_elem(t, 1), d);
    for (uint64_t i = 2; i <= n; i++) {
        if (d == 1) {
            sb_adds(sb, ",...");
            break;
        }
        sb_addc(sb, ',');
        write_wd_elem(sb, tuple_elem(t, i), dec_depth(d));
        d = dec_depth(d);
    }
    sb_addc(sb, PRINT_CLOSE);
    sb_addc(sb, '}');
}

/* [$[, [write1(H) | write_tail(T)], $]], the tail walked in a loop. */
static void write_list_wd(StrBuf *sb, Term t, long d)
{
    if (d == 1) {
        sb_adds(sb, "[...]");
        return;
    }
    d = dec_depth(d);
    sb_addc(sb, '[');
    sb_addc(sb, PRINT_OPEN);
    write_wd_elem(sb, list_head(t), d);
    for (t = list_tail(t); !is_nil(t); t = list_tail(t)) {
        if (d == 1) {
            sb_adds(sb, "|...");
            break;
        }
        if (!is_list(t)) {
            sb_addc(sb, '|');
            write_wd_elem(sb, t, dec_depth(d));
            break;
        }
        sb_addc(sb, ',');
        write_wd_elem(sb, list_head(t), dec_depth(d));
        d = dec_depth(d);
    }
    sb_addc(sb, PRINT_CLOSE);
    sb_addc(sb, ']');
}

static void write_wd(StrBuf *sb, Term t, long d)
{
    if (d == 0) {
        sb_adds(sb, "...");
    } else if (is_list(t)) {
        write_list_wd(sb, t, d);
    } else if (is_tuple(t)) {
        write_tuple_wd(sb, t, d);
    } else if (is_binary(t)) {
        write_binary_wd(sb, t, d);
    } else {
        write_simple(sb, t);
    }
}

void print_w_deep(StrBuf *sb, Term t, long depth)
{
    write_wd(sb, t, depth);
}

/* ---- ~p: the length tree (io_lib_pretty's print_length) ---- */

enum {
    K_TEXT,     /* a leaf: its text is final */
    K_BIN,      /* <<1,2,3>>: a leaf that may be broken between bytes */
    K_LIST,     /* [...] */
    K_TUPLE,    /* {...} */
    K_TAGTUPLE, /* {atom, ...}: laid out with the tag first */
};

enum {
    TAIL_NIL,      /* proper end */
    TAIL_DOTS,     /* "..." (depth limit) after the kids */
    TAIL_IMPROPER, /* the last kid is an improper tail */
};

/* Text leaves whose OTP form is nested: printable binaries. */
enum {
    SUB_PLAIN,       /* flat text */
    SUB_BIN_STR,     /* [$<,$<,S,$>,$>] */
    SUB_BIN_UTF8,    /* [$<,$<,S,"/utf8>>"] */
    SUB_BIN_PREFIX,  /* [$<,$<,S | "...>>"] */
    SUB_BIN_UPREFIX, /* [$<,$<,S | "/utf8...>>"] */
};

typedef struct {
    unsigned char kind, tail, sub;
    long len;   /* printed length in characters */
    size_t off; /* K_TEXT/K_BIN: text offset; containers: first kid index */
    size_t n;   /* K_TEXT/K_BIN: text bytes; containers: number of kids */
} PNode;

typedef struct {
    size_t *v;
    size_t len, cap;
} IdxVec;

typedef struct {
    PNode *nodes;
    size_t nnodes, capnodes;
    IdxVec kids;    /* children of containers, contiguous per node */
    IdxVec scratch; /* children being collected */
    StrBuf text;    /* the text of every leaf */
    bool unicode;
    bool strings; /* detect strings and printable binaries (not ~lp) */
} PTree;

static void *xrealloc(void *p, size_t n)
{
    void *r = realloc(p, n);
    if (!r && n)
        abort();
    return r;
}

static void idx_push(IdxVec *v, size_t x)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->v = xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->len++] = x;
}

static size_t new_node(PTree *pt, int kind)
{
    if (pt->nnodes == pt->capnodes) {
        pt->capnodes = pt->capnodes ? pt->capnodes * 2 : 64;
        pt->nodes = xrealloc(pt->nodes, pt->capnodes * sizeof *pt->nodes);
    }
    PNode *nd = &pt->nodes[pt->nnodes];
    memset(nd, 0, sizeof *nd);
    nd->kind = (unsigned char)kind;
    return pt->nnodes++;
}

/* A leaf whose text was appended to pt->text from offset off. */
static size_t leaf_node(PTree *pt, int kind, size_t off, long chars)
{
    size_t i = new_node(pt, kind);
    pt->nodes[i].off = off;
    pt->nodes[i].n = pt->text.len - off;
    pt->nodes[i].len = chars;
    return i;
}

static size_t text_leaf(PTree *pt, const char *s)
{
    size_t off = pt->text.len;
    sb_adds(&pt->text, s);
    return leaf_node(pt, K_TEXT, off, (long)strlen(s));
}

/* Moves the kids collected since scratch mark `mark` into node i and sets
 * its length: the brackets, the kids and one separator between each two
 * (a trailing "..." counts as a kid of length 3). */
static void close_container(PTree *pt, size_t i, size_t mark, int tail)
{
    PNode *nd = &pt->nodes[i];
    nd->off = pt->kids.len;
    nd->n = pt->scratch.len - mark;
    nd->tail = (unsigned char)tail;
    long len = 2, items = 0;
    for (size_t k = mark; k < pt->scratch.len; k++) {
        idx_push(&pt->kids, pt->scratch.v[k]);
        len += pt->nodes[pt->scratch.v[k]].len;
        items++;
    }
    if (tail == TAIL_DOTS) {
        len += 3;
        items++;
    }
    if (items > 1)
        len += items - 1;
    pt->nodes[i].len = len;
    pt->scratch.len = mark;
}

static size_t build(PTree *pt, Term t, long d);

static size_t build_tuple(PTree *pt, Term t, long d)
{
    uint64_t n = tuple_arity(t);
    if (n == 0)
        return text_leaf(pt, "{}");
    if (d == 1)
        return text_leaf(pt, "{...}");
    size_t i = new_node(pt, is_atom(tuple_elem(t, 1)) && n > 1 ? K_TAGTUPLE : K_TUPLE);
    size_t mark = pt->scratch.len;
    int tail = TAIL_NIL;
    for (uint64_t k = 1; k <= n; k++) {
        if (d == 1) {
            tail = TAIL_DOTS;
            break;
        }
        size_t kid = build(pt, tuple_elem(t, k), dec_depth(d));
        idx_push(&pt->scratch, kid);
        d = dec_depth(d);
    }
    close_container(pt, i, mark, tail);
    return i;
}

/* A string leaf from a list of printable characters. */
static size_t string_leaf(PTree *pt, Term t)
{
    size_t off = pt->text.len;
    int enc = pt->unicode ? ENC_UNI_AS_UNI : ENC_LATIN1;
    long chars = 2;
    sb_addc(&pt->text, '"');
    for (; is_list(t); t = list_tail(t))
        chars += (long)string_char(&pt->text, (uint32_t)small_val(list_head(t)), '"', enc);
    sb_addc(&pt->text, '"');
    return leaf_node(pt, K_TEXT, off, chars);
}

static size_t build_list(PTree *pt, Term t, long d)
{
    /* io_lib_pretty's printable_list: never at depth 1; under the default
     * printable range even ~tp only takes latin1 strings. */
    if (pt->strings && d != 1 && print_is_printable_list(t, false))
        return string_leaf(pt, t);
    size_t i = new_node(pt, K_LIST);
    size_t mark = pt->scratch.len;
    int tail = TAIL_NIL;
    for (;;) {
        if (is_nil(t))
            break;
        if (d == 1) {
            tail = TAIL_DOTS;
            break;
        }
        if (!is_list(t)) {
            idx_push(&pt->scratch, build(pt, t, dec_depth(d)));
            tail = TAIL_IMPROPER;
            break;
        }
        idx_push(&pt->scratch, build(pt, list_head(t), dec_depth(d)));
        t = list_tail(t);
        d = dec_depth(d);
    }
    close_container(pt, i, mark, tail);
    return i;
}

/* <<1,2,3>> (io_lib:write_binary) as a breakable leaf. */
static size_t bin_leaf(PTree *pt, Term b, long d)
{
    size_t off = pt->text.len;
    write_binary_w(&pt->text, b, d);
    return leaf_node(pt, K_BIN, off, (long)(pt->text.len - off));
}

/* <<"...">> from chars (bytes, or decoded UTF-8 when utf8), with "..."
 * before ">>" if prefix, and "/utf8" if tagged. */
static size_t bin_string_leaf(PTree *pt, const uint8_t *s, size_t nbytes, bool utf8, bool prefix,
                              bool tag_utf8)
{
    size_t off = pt->text.len;
    long chars = 0;
    sb_adds(&pt->text, "<<\"");
    size_t i = 0;
    while (i < nbytes) {
        long c = utf8 ? utf8_next(s, nbytes, &i) : s[i++];
        chars += (long)string_char(&pt->text, (uint32_t)c, '"', ENC_UNI_AS_UNI);
    }
    sb_addc(&pt->text, '"');
    if (tag_utf8)
        sb_adds(&pt->text, "/utf8");
    if (prefix)
        sb_adds(&pt->text, "...");
    sb_adds(&pt->text, ">>");
    long extra = 4 + 2 + (tag_utf8 ? 5 : 0) + (prefix ? 3 : 0);
    size_t leaf = leaf_node(pt, K_TEXT, off, chars + extra);
    pt->nodes[leaf].sub = prefix ? (tag_utf8 ? SUB_BIN_UPREFIX : SUB_BIN_PREFIX)
                                 : (tag_utf8 ? SUB_BIN_UTF8 : SUB_BIN_STR);
    return leaf;
}

/* Counts the leading printable latin1 bytes of s[0..n). */
static size_t printable_prefix(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n && printable_latin1(s[i]))
        i++;
    return i;
}

/* io_lib_pretty's printable_bin for ~p: returns true and a leaf when the
 * binary prints as a string (whole, or a prefix then "..." under a depth
 * limit). d1 is the depth less one; win the number of characters looked at. */
static bool try_latin1_bin(PTree *pt, const uint8_t *s, size_t size, size_t win, long d1,
                           size_t *out)
{
    size_t p = printable_prefix(s, win);
    if (p == win) {
        *out = bin_string_leaf(pt, s, win, false, win != size, false);
        return true;
    }
    if (d1 > 0 && (long)p >= d1) {
        *out = bin_string_leaf(pt, s, p, false, true, false);
        return true;
    }
    return false;
}

/* The ~tp variant: UTF-8 binaries whose characters are printable (in the
 * default latin1 range) print as <<"..."/utf8>> (or plain when all ASCII). */
static bool try_unicode_bin(PTree *pt, const uint8_t *s, size_t size, size_t win, long d1,
                            size_t *out)
{
    /* valid_utf8: the first `win` characters (or all) must decode. */
    size_t i = 0, k = 0;
    while (i < size && k < win) {
        if (utf8_next(s, size, &i) < 0)
            return try_latin1_bin(pt, s, size, win, d1, out);
        k++;
    }
    /* printable_unicode: take up to win printable characters. */
    size_t chars = 0;
    i = 0;
    while (i < size && chars < win) {
        size_t j = i;
        long c = utf8_next(s, size, &j);
        if (!printable_latin1(c))
            break;
        i = j;
        chars++;
    }
    bool ascii_only = chars == i; /* every character one byte */
    if (i == size) {
        *out = bin_string_leaf(pt, s, i, true, false, !ascii_only);
        return true;
    }
    if (d1 > 0 && (long)chars >= d1) {
        *out = bin_string_leaf(pt, s, i, true, true, !ascii_only);
        return true;
    }
    return false;
}

static size_t build_binary(PTree *pt, Term b, long d)
{
    size_t size = bin_size(b);
    if (size == 0)
        return text_leaf(pt, "<<>>");
    if (d == 1)
        return text_leaf(pt, "<<...>>");
    if (!pt->strings)
        return bin_leaf(pt, b, d);
    long d1 = dec_depth(d);
    size_t win = size;
    if (d1 >= 0 && (size_t)(4 * d1) < size)
        win = (size_t)(4 * d1);
    const uint8_t *s = bin_bytes(b);
    size_t out;
    bool ok = pt->unicode ? try_unicode_bin(pt, s, size, win, d1, &out)
                          : try_latin1_bin(pt, s, size, win, d1, &out);
    return ok ? out : bin_leaf(pt, b, d);
}

/* print_length: the node for t at depth d (negative: unlimited). */
static size_t build(PTree *pt, Term t, long d)
{
    if (is_list(t))
        return build_list(pt, t, d);
    if (is_tuple(t))
        return build_tuple(pt, t, d);
    if (is_binary(t))
        return build_binary(pt, t, d);
    size_t off = pt->text.len;
    if (is_atom(t)) {
        long chars = (long)write_atom(&pt->text, t, pt->unicode);
        return leaf_node(pt, K_TEXT, off, chars);
    }
    write_simple(&pt->text, t);
    return leaf_node(pt, K_TEXT, off, (long)(pt->text.len - off));
}

/* ---- ~p: writing and laying out the tree ---- */

/* io_lib_pretty's indentation string Ind, which the deep form reproduces
 * exactly: the first line's indent(Col) (chars($\s, Col - 1)), then one
 * step per indent(N, Ind) ([$\s | Ind] for 1, [S2, S2 | Ind] for 4, else
 * [chars($\s, N) | Ind]). n is its total width. */
typedef struct Ind {
    long n, step; /* step 0: the first line's indentation */
    const struct Ind *next;
} Ind;

typedef struct {
    PTree *pt;
    StrBuf *sb;
    long ll;   /* line length */
    long m;    /* io_lib_pretty's M: the whole term's length */
    bool deep; /* write the nesting markers */
} Layout;

static inline PNode *node(const Layout *L, size_t i) { return &L->pt->nodes[i]; }
static inline size_t kid(const Layout *L, const PNode *nd, size_t k) { return L->pt->kids.v[nd->off + k]; }
/* Kids that are elements (not an improper tail). */
static inline size_t nelems(const PNode *nd) { return nd->n - (nd->tail == TAIL_IMPROPER); }
static inline bool is_text(const PNode *nd) { return nd->kind == K_TEXT; }

static inline void open_mark(const Layout *L)
{
    if (L->deep)
        sb_addc(L->sb, PRINT_OPEN);
}

static inline void close_mark(const Layout *L)
{
    if (L->deep)
        sb_addc(L->sb, PRINT_CLOSE);
}

/* The elements of io_lib_pretty's chars(C, N): [] for 0, [C, []] for 1
 * (it has no clause for 1), halves shared as [S | S] and [C, S | S]. */
static void pretty_chars(StrBuf *sb, char c, long n)
{
    if (n == 0)
        return;
    if (n == 2 || n == 3) {
        for (long i = 0; i < n; i++)
            sb_addc(sb, c);
        return;
    }
    if (n & 1)
        sb_addc(sb, c);
    sb_addc(sb, PRINT_OPEN);
    pretty_chars(sb, c, n >> 1);
    sb_addc(sb, PRINT_CLOSE);
    pretty_chars(sb, c, n >> 1);
}

/* Ind as one element: its pieces in order. */
static void write_ind(const Layout *L, const Ind *ind)
{
    sb_addc(L->sb, PRINT_OPEN);
    for (; ind; ind = ind->next) {
        if (ind->step == 0) {
            pretty_chars(L->sb, ' ', ind->n);
        } else if (ind->step == 1) {
            sb_addc(L->sb, ' ');
        } else if (ind->step == 4) {
            sb_addc(L->sb, PRINT_OPEN);
            sb_adds(L->sb, "  ");
            sb_addc(L->sb, PRINT_CLOSE);
            sb_addc(L->sb, PRINT_OPEN);
            sb_adds(L->sb, "  ");
            sb_addc(L->sb, PRINT_CLOSE);
        } else {
            sb_addc(L->sb, PRINT_OPEN);
            pretty_chars(L->sb, ' ', ind->step);
            sb_addc(L->sb, PRINT_CLOSE);
        }
    }
    sb_addc(L->sb, PRINT_CLOSE);
}

/* indent(N, Ind). */
static inline Ind indent_by(const Ind *ind, long n) { return (Ind){ind->n + n, n, ind}; }

static void newline_indent(const Layout *L, const Ind *ind)
{
    sb_addc(L->sb, '\n');
    if (L->deep) {
        write_ind(L, ind);
        return;
    }
    for (long n = ind->n; n > 0; n--)
        sb_addc(L->sb, ' ');
}

/* A K_BIN leaf's text "<<1,2,...>>" in the deep form: [$<,$<,Body,$>,$>],
 * each byte's digits (or the "...") a list, commas between. */
static void write_bin_deep(const Layout *L, const PNode *nd)
{
    const char *s = L->pt->text.data + nd->off + 2;
    const char *end = L->pt->text.data + nd->off + nd->n - 2;
    sb_adds(L->sb, "<<");
    sb_addc(L->sb, PRINT_OPEN);
    while (s < end) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        const char *stop = comma ? comma : end;
        sb_addc(L->sb, PRINT_OPEN);
        sb_add(L->sb, s, (size_t)(stop - s));
        sb_addc(L->sb, PRINT_CLOSE);
        if (!comma)
            break;
        sb_addc(L->sb, ',');
        s = comma + 1;
    }
    sb_addc(L->sb, PRINT_CLOSE);
    sb_adds(L->sb, ">>");
}

/* A printable binary leaf in the deep form: <<, the quoted string as a
 * list, then the rest as OTP nests it (see the SUB_ kinds). */
static void write_bin_str_deep(const Layout *L, const PNode *nd)
{
    static const char *const suffix[] = {"", ">>", "/utf8>>", "...>>", "/utf8...>>"};
    const char *text = L->pt->text.data + nd->off;
    size_t slen = strlen(suffix[nd->sub]);
    sb_adds(L->sb, "<<");
    sb_addc(L->sb, PRINT_OPEN);
    sb_add(L->sb, text + 2, nd->n - 2 - slen);
    sb_addc(L->sb, PRINT_CLOSE);
    if (nd->sub == SUB_BIN_UTF8) {
        sb_addc(L->sb, PRINT_OPEN);
        sb_adds(L->sb, suffix[nd->sub]);
        sb_addc(L->sb, PRINT_CLOSE);
    } else {
        sb_adds(L->sb, suffix[nd->sub]);
    }
}

static void write_node(const Layout *L, size_t i);

static void write_node_elem(const Layout *L, size_t i)
{
    open_mark(L);
    write_node(L, i);
    close_mark(L);
}

/* write/1: the node on one line (in the deep form, the elements of the
 * list io_lib_pretty's write returns). */
static void write_node(const Layout *L, size_t i)
{
    const PNode *nd = node(L, i);
    if (nd->kind == K_TEXT || nd->kind == K_BIN) {
        if (L->deep && nd->kind == K_BIN)
            write_bin_deep(L, nd);
        else if (L->deep && nd->sub != SUB_PLAIN)
            write_bin_str_deep(L, nd);
        else
            sb_add(L->sb, L->pt->text.data + nd->off, nd->n);
        return;
    }
    char sep = nd->kind == K_LIST ? '|' : ',';
    sb_addc(L->sb, nd->kind == K_LIST ? '[' : '{');
    open_mark(L);
    size_t ne = nelems(nd);
    for (size_t k = 0; k < ne; k++) {
        if (k)
            sb_addc(L->sb, ',');
        write_node_elem(L, kid(L, nd, k));
    }
    if (nd->tail == TAIL_DOTS) {
        if (ne)
            sb_addc(L->sb, sep);
        sb_adds(L->sb, "...");
    } else if (nd->tail == TAIL_IMPROPER) {
        sb_addc(L->sb, sep);
        write_node(L, kid(L, nd, ne));
    }
    close_mark(L);
    sb_addc(L->sb, nd->kind == K_LIST ? ']' : '}');
}

/* last_depth: 0 if element k is followed by another element, else ld + 1. */
static inline long last_depth(const PNode *nd, size_t k, long ld)
{
    return k + 1 < nelems(nd) ? 0 : ld + 1;
}

/* Whether an element of length len fits on the current line after a
 * separator (pp_tail's test). */
static bool tail_fits(const Layout *L, const PNode *e, long col, long w, long ld1)
{
    long elen = 1 + e->len;
    if (!is_text(e))
        return false;
    if (ld1 == 0)
        return elen + 1 < L->ll - col && w + elen + 1 <= L->m;
    return elen < L->ll - col - ld1 && w + elen + ld1 <= L->m;
}

/* Whether an improper tail fits after its separator. */
static bool improper_fits(const Layout *L, const PNode *e, long col, long w, long ld)
{
    return is_text(e) && e->len + 1 < L->ll - col - (ld + 1) && e->len + 1 + w + (ld + 1) <= L->m;
}

static void pp(const Layout *L, size_t i, long col, long tind, const Ind *ind, long ld, long w);

/* pp_element: writes element e (one element in the deep form), returning
 * the width it used (ll if it was broken over lines). */
static long pp_element(const Layout *L, size_t e, long col, long tind, const Ind *ind, long ld,
                       long w)
{
    const PNode *nd = node(L, e);
    if (nd->len < L->ll - col - ld && nd->len + w + ld <= L->m && is_text(nd)) {
        write_node_elem(L, e);
        return nd->len;
    }
    open_mark(L);
    pp(L, e, col, tind, ind, ld, w);
    close_mark(L);
    return L->ll;
}

/* pp_tail: the elements of nd from kid k on, each after a separator, on
 * the current line while they fit, else on a new line at ind. */
static void pp_tail(const Layout *L, const PNode *nd, size_t k, long col0, long col, long tind,
                    const Ind *ind, long ld, char sep, long w)
{
    size_t ne = nelems(nd);
    for (; k < ne; k++) {
        size_t e = kid(L, nd, k);
        long ld1 = last_depth(nd, k, ld);
        if (tail_fits(L, node(L, e), col, w, ld1)) {
            sb_addc(L->sb, ',');
            write_node_elem(L, e);
            col += 1 + node(L, e)->len;
            w += 1 + node(L, e)->len;
        } else {
            sb_addc(L->sb, ',');
            newline_indent(L, ind);
            long we = pp_element(L, e, col0, tind, ind, ld1, 0);
            col = col0 + we;
            w = we;
        }
    }
    if (nd->tail == TAIL_DOTS) {
        sb_addc(L->sb, sep);
        sb_adds(L->sb, "...");
    } else if (nd->tail == TAIL_IMPROPER) {
        size_t e = kid(L, nd, ne);
        sb_addc(L->sb, sep);
        if (improper_fits(L, node(L, e), col, w, ld)) {
            write_node(L, e);
        } else {
            newline_indent(L, ind);
            pp(L, e, col0, tind, ind, ld + 1, 0);
        }
    }
}

/* pp_list: the elements of nd from kid k on, the first one at col0. */
static void pp_list(const Layout *L, const PNode *nd, size_t k, long col0, long tind, const Ind *ind,
                    long ld, char sep, long w)
{
    if (k >= nelems(nd)) { /* only the depth dots are left */
        sb_adds(L->sb, "...");
        return;
    }
    long we = pp_element(L, kid(L, nd, k), col0, tind, ind, last_depth(nd, k, ld), w);
    pp_tail(L, nd, k + 1, col0, col0 + we, tind, ind, ld, sep, w + we);
}

/* pp_tag_tuple: {tag, ...} with the elements after the tag, indented past
 * the tag, or by tind on the next lines when the tag is long. */
static void pp_tag_tuple(const Layout *L, const PNode *nd, long col, long tind, const Ind *ind,
                         long ld, long w)
{
    const PNode *tag = node(L, kid(L, nd, 0));
    long tagind = tag->len + 2;
    long tcol = col + tagind;
    write_node_elem(L, kid(L, nd, 0));
    if (tind > 0 && tagind > tind) {
        Ind in = indent_by(ind, tind);
        pp_tail(L, nd, 1, col + tind, tcol, tind, &in, ld, ',', w + tag->len);
    } else {
        Ind in = indent_by(ind, tagind);
        sb_addc(L->sb, ',');
        pp_list(L, nd, 1, tcol, tind, &in, ld, ',', w + tag->len + 1);
    }
}

/* pp_binary: <<1,2,...>> broken between bytes to fit. */
static void pp_binary(const Layout *L, const PNode *nd, long col, const Ind *ind, long ld, long w)
{
    long lim = L->ll - col < L->m - 4 - w ? L->ll - col : L->m - 4 - w;
    long n0 = lim - ld > 8 ? lim - ld : 8;
    long n = n0;
    const char *s = L->pt->text.data + nd->off + 2; /* past "<<" */
    const char *end = L->pt->text.data + nd->off + nd->n - 2;
    sb_adds(L->sb, "<<");
    open_mark(L);
    while (s < end) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        if (!comma) { /* the last token: [BS], or [$\n, Ind, [BS]] */
            bool nl = end - s > n;
            if (nl)
                newline_indent(L, ind);
            if (nl)
                open_mark(L);
            open_mark(L);
            sb_add(L->sb, s, (size_t)(end - s));
            close_mark(L);
            if (nl)
                close_mark(L);
            break;
        }
        long len = (long)(comma - s) + 1;
        if (n - len < 0) {
            newline_indent(L, ind);
            n = n0 - len;
        } else {
            n -= len;
        }
        open_mark(L);
        sb_add(L->sb, s, (size_t)len - 1);
        close_mark(L);
        sb_addc(L->sb, ',');
        s = comma + 1;
    }
    close_mark(L);
    sb_adds(L->sb, ">>");
}

/* pp: node i starting at column col (1-based), continuation lines indented
 * by ind; ld counts the closing brackets that must follow on the same
 * line, w the width used so far on it. */
static void pp(const Layout *L, size_t i, long col, long tind, const Ind *ind, long ld, long w)
{
    const PNode *nd = node(L, i);
    if (nd->len < L->ll - col - ld && nd->len + w + ld <= L->m) {
        write_node(L, i);
        return;
    }
    Ind in1 = indent_by(ind, 1);
    switch (nd->kind) {
    case K_LIST:
        sb_addc(L->sb, '[');
        open_mark(L);
        pp_list(L, nd, 0, col + 1, tind, &in1, ld, '|', w + 1);
        close_mark(L);
        sb_addc(L->sb, ']');
        break;
    case K_TAGTUPLE:
        sb_addc(L->sb, '{');
        open_mark(L);
        pp_tag_tuple(L, nd, col, tind, ind, ld, w + 1);
        close_mark(L);
        sb_addc(L->sb, '}');
        break;
    case K_TUPLE:
        sb_addc(L->sb, '{');
        open_mark(L);
        pp_list(L, nd, 0, col + 1, tind, &in1, ld, ',', w + 1);
        close_mark(L);
        sb_addc(L->sb, '}');
        break;
    case K_BIN: {
        Ind in2 = indent_by(ind, 2);
        pp_binary(L, nd, col + 2, &in2, ld, w);
        break;
    }
    default:
        write_node(L, i);
        break;
    }
}

/* ---- ~p: choosing the tuple indentation (io_lib_pretty's cind) ----
 * The same walk as pp without output; false where io_lib_pretty throws
 * no_good (a tagged tuple's elements would start too far right). */

static bool cind(const Layout *L, size_t i, long col, long tind, long ld, long w);

static bool cind_element(const Layout *L, size_t e, long col, long tind, long ld, long w, long *we)
{
    const PNode *nd = node(L, e);
    if (nd->len < L->ll - col - ld && nd->len + w + ld <= L->m && is_text(nd)) {
        *we = nd->len;
        return true;
    }
    *we = L->ll;
    return cind(L, e, col, tind, ld, w);
}

static bool cind_tail(const Layout *L, const PNode *nd, size_t k, long col0, long col, long tind,
                      long ld, long w)
{
    size_t ne = nelems(nd);
    for (; k < ne; k++) {
        size_t e = kid(L, nd, k);
        long ld1 = last_depth(nd, k, ld);
        if (tail_fits(L, node(L, e), col, w, ld1)) {
            col += 1 + node(L, e)->len;
            w += 1 + node(L, e)->len;
        } else {
            long we;
            if (!cind_element(L, e, col0, tind, ld1, 0, &we))
                return false;
            col = col0 + we;
            w = we;
        }
    }
    if (nd->tail == TAIL_IMPROPER) {
        size_t e = kid(L, nd, ne);
        if (!improper_fits(L, node(L, e), col, w, ld))
            return cind(L, e, col, tind, ld + 1, 0); /* sic: col, not col0 */
    }
    return true;
}

static bool cind_list(const Layout *L, const PNode *nd, size_t k, long col0, long tind, long ld,
                      long w)
{
    if (k >= nelems(nd))
        return true;
    long we;
    if (!cind_element(L, kid(L, nd, k), col0, tind, last_depth(nd, k, ld), w, &we))
        return false;
    return cind_tail(L, nd, k + 1, col0, col0 + we, tind, ld, w + we);
}

static bool cind_tag_tuple(const Layout *L, const PNode *nd, long col, long tind, long ld, long w)
{
    const PNode *tag = node(L, kid(L, nd, 0));
    long tagind = tag->len + 2;
    long tcol = col + tagind;
    if (tind > 0 && tagind > tind) {
        long col1 = col + tind;
        if (L->m + col1 <= L->ll || col1 <= L->ll / 2)
            return cind_tail(L, nd, 1, col1, tcol, tind, ld, w + tag->len);
        return false;
    }
    if (L->m + tcol < L->ll || tcol < L->ll / 2)
        return cind_list(L, nd, 1, tcol, tind, ld, w + tag->len + 1);
    return false;
}

static bool cind(const Layout *L, size_t i, long col, long tind, long ld, long w)
{
    const PNode *nd = node(L, i);
    if (nd->len < L->ll - col - ld && nd->len + w + ld <= L->m)
        return true;
    switch (nd->kind) {
    case K_LIST:
    case K_TUPLE:
        return cind_list(L, nd, 0, col + 1, tind, ld, w + 1);
    case K_TAGTUPLE:
        return cind_tag_tuple(L, nd, col, tind, ld, w + 1);
    default:
        return true;
    }
}

/* ---- ~p: entry point ---- */

static void ptree_free(PTree *pt)
{
    free(pt->nodes);
    free(pt->kids.v);
    free(pt->scratch.v);
    sb_free(&pt->text);
}

void print_p2(StrBuf *sb, Term t, int indent, int line_length, long depth, unsigned flags)
{
    bool unicode = flags & PRINT_UNICODE;
    if (depth == 0) {
        sb_adds(sb, "...");
        return;
    }
    long col = indent <= 0 ? 1 : indent;
    if (is_atom(t)) {
        write_atom(sb, t, unicode);
        return;
    }
    if (!is_list(t) && !is_nil(t) && !is_tuple(t) && !is_binary(t)) {
        write_simple(sb, t);
        return;
    }
    PTree pt;
    memset(&pt, 0, sizeof pt);
    pt.unicode = unicode;
    pt.strings = !(flags & PRINT_NOSTRINGS);
    size_t root = build(&pt, t, depth);
    Layout L = {&pt, sb, line_length, pt.nodes[root].len, (flags & PRINT_DEEP) != 0};
    if (line_length == 0 || L.m < L.ll - col) {
        write_node(&L, root);
    } else {
        long tind = 1;
        if (cind(&L, root, col, -1, 0, 0))
            tind = -1;
        else if (cind(&L, root, col, 4, 0, 0))
            tind = 4;
        Ind base = {col - 1, 0, NULL};
        pp(&L, root, col, tind, &base, 0, 0);
    }
    ptree_free(&pt);
}

void print_p(StrBuf *sb, Term t, int indent, int line_length, long depth, bool unicode)
{
    print_p2(sb, t, indent, line_length, depth, unicode ? PRINT_UNICODE : 0);
}
