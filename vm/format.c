/* format.c - io_lib:format's control sequences, producing byte for byte the
 * text OTP 25's io_lib:format does.
 *
 * Text is built as UTF-8 in a StrBuf: every character (code point) of
 * OTP's result list becomes its UTF-8 encoding, so io_lib:format's list is
 * the decoded buffer, and io:format's device encoding is applied by the
 * caller (bif_io.c).
 *
 * A control sequence is ~[Width][.Precision[.PadChar]][Modifiers]Control,
 * where Width and Precision may be `*` (taken from the arguments) and
 * PadChar may be `*` too; see parse_spec. The controls follow OTP's
 * io_lib_format module: the "small" ones (~c ~f ~e ~g ~b ~B ~x ~X ~+ ~# ~~
 * ~n ~i) and the "limited" ones (~s ~w ~W ~p ~P); ~w and ~p delegate to
 * print.c. ~p needs the column it starts at, so the formatter keeps the
 * current column as OTP does: reset by newline, tabs to the next multiple of
 * eight, one per character otherwise.
 *
 * Lengths follow io_lib:chars_length: the character count when every
 * character is below 256, else the number of grapheme clusters (Unicode's
 * extended grapheme clusters, approximated below). Truncation (~s with a
 * width or precision) cuts characters in latin1 mode and graphemes under
 * the t modifier, as OTP does.
 *
 * io_lib:format's result is a deep list nested as OTP nests it; the deep
 * form (format_term_deep) writes the same text with markers where nested
 * lists begin and end (see "io_lib:format's nesting" below).
 *
 * Deliberate differences from OTP: characters outside 0..0x10FFFF or in the
 * surrogate range are refused by ~ts and ~tc (io:format refuses them too;
 * io_lib:format would return them); a pad character taken with `.*` must be
 * a character when it is used; widths and precisions beyond FIELD_MAX are
 * refused; a binary nested in a format list comes back from io_lib:format
 * as the list of its characters (OTP returns the binary itself). */
#include "format.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "print.h"
#include "utf8.h"

/* ~p's default line length. */
#define LINE_LENGTH 80
/* Larger widths, precisions and repeat counts are refused (badarg) rather
 * than building gigabytes of padding. */
#define FIELD_MAX (1L << 24)
#define NONE (-1L)

/* ------------------------------------------- code point buffers, graphemes */

typedef struct {
    uint32_t *v;
    size_t n, cap;
    bool wide; /* some character is above 255 */
} CpBuf;

static void cp_push(CpBuf *b, uint32_t c)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        uint32_t *v = realloc(b->v, cap * sizeof *v);
        if (!v)
            abort(); /* as StrBuf does */
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = c;
    if (c > 255)
        b->wide = true;
}

static void cp_free(CpBuf *b)
{
    free(b->v);
    b->v = NULL;
    b->n = b->cap = 0;
}

/* Decodes UTF-8 text we built (always valid) into code points. */
static void cp_from_utf8(CpBuf *b, const char *s, size_t n)
{
    const uint8_t *u = (const uint8_t *)s;
    for (size_t i = 0; i < n;)
        cp_push(b, utf8_next(u, n, &i));
}

typedef struct {
    uint32_t lo, hi;
} Range;

static bool in_ranges(uint32_t c, const Range *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c >= r[i].lo && c <= r[i].hi)
            return true;
    return false;
}

/* Grapheme_Cluster_Break=Extend (combining marks, joiners, variation
 * selectors, emoji modifiers): the common blocks, not the full table. */
static bool is_extend(uint32_t c)
{
    static const Range r[] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
        {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
        {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
        {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902}, {0x093C, 0x093C},
        {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
        {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200C, 0x200D},
        {0x20D0, 0x20FF}, {0x302A, 0x302F}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
        {0xFE20, 0xFE2F}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
    };
    return c >= 0x300 && in_ranges(c, r, sizeof r / sizeof r[0]);
}

static bool is_pictographic(uint32_t c)
{
    static const Range r[] = {
        {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049},
        {0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x21AA}, {0x2300, 0x23FF},
        {0x25AA, 0x25FE}, {0x2600, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B55},
        {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
        {0x1F000, 0x1FAFF},
    };
    return c >= 0xA9 && in_ranges(c, r, sizeof r / sizeof r[0]);
}

static bool is_regional(uint32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

/* Hangul syllable kinds for the jamo rules: L, V, T, LV, LVT, or none. */
enum { HG_NONE, HG_L, HG_V, HG_T, HG_LV, HG_LVT };
static int hangul(uint32_t c)
{
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
        return HG_L;
    if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
        return HG_V;
    if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
        return HG_T;
    if (c >= 0xAC00 && c <= 0xD7A3)
        return (c - 0xAC00) % 28 == 0 ? HG_LV : HG_LVT;
    return HG_NONE;
}

static bool is_control(uint32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

/* Whether a grapheme boundary falls between v[i-1] and v[i]: CR LF stays
 * together, controls stand alone, marks join what they follow, Hangul
 * jamo join into syllables, regional indicators pair up, and an emoji
 * joined by ZWJ stays with its sequence. */
static bool gc_break(const uint32_t *v, size_t i)
{
    uint32_t a = v[i - 1], b = v[i];
    if (a == '\r' && b == '\n')
        return false;
    if (is_control(a) || is_control(b))
        return true;
    int ha = hangul(a), hb = hangul(b);
    if (ha == HG_L && hb != HG_NONE && hb != HG_T)
        return false;
    if ((ha == HG_LV || ha == HG_V) && (hb == HG_V || hb == HG_T))
        return false;
    if ((ha == HG_LVT || ha == HG_T) && hb == HG_T)
        return false;
    if (is_extend(b))
        return false;
    if (a == 0x200D && is_pictographic(b)) {
        size_t j = i - 1;
        while (j > 0 && is_extend(v[j - 1]))
            j--;
        if (j > 0 && is_pictographic(v[j - 1]))
            return false;
    }
    if (is_regional(a) && is_regional(b)) {
        size_t run = 0; /* regional indicators before b */
        for (size_t j = i; j > 0 && is_regional(v[j - 1]); j--)
            run++;
        return run % 2 == 0;
    }
    return true;
}

/* Number of code points making up the first k graphemes of v[0..n). */
static size_t grapheme_prefix(const uint32_t *v, size_t n, size_t k)
{
    if (n == 0 || k == 0)
        return 0;
    size_t count = 1, i;
    for (i = 1; i < n; i++) {
        if (gc_break(v, i)) {
            if (count == k)
                return i;
            count++;
        }
    }
    return n;
}

static size_t grapheme_count(const uint32_t *v, size_t n)
{
    if (n == 0)
        return 0;
    size_t count = 1;
    for (size_t i = 1; i < n; i++)
        count += gc_break(v, i);
    return count;
}

/* io_lib:chars_length: characters if all are latin1, else graphemes. */
static size_t chars_length(const CpBuf *b)
{
    return b->wide ? grapheme_count(b->v, b->n) : b->n;
}

/* ------------------------------------------------------- chardata walking */

/* What a character list may hold:
 *   CD_LATIN1    ~s: characters 0..255, binaries byte by byte;
 *   CD_UNICODE   ~ts: any character, binaries as UTF-8 if they are valid
 *                UTF-8, else byte by byte (as OTP's cdata_to_chars);
 *   CD_CHARDATA  io:put_chars: any character, binaries must be UTF-8;
 *   CD_DEEPCHARS ~x's prefix (io_lib:deep_char_list): characters and
 *                nested lists, no binaries. */
enum { CD_LATIN1, CD_UNICODE, CD_CHARDATA, CD_DEEPCHARS };

/* Where the characters go: collected as code points, written as UTF-8,
 * or both; with marks, each nested list or binary is also bracketed in sb
 * by PRINT_OPEN and PRINT_CLOSE (OTP's iolist_to_chars keeps the nesting). */
typedef struct {
    CpBuf *cps;
    StrBuf *sb;
    bool marks;
} Sink;

static void sink_put(Sink *k, uint32_t c)
{
    if (k->cps)
        cp_push(k->cps, c);
    if (k->sb)
        sb_add_utf8(k->sb, c);
}

static void sink_mark(Sink *k, char m)
{
    if (k->marks)
        sb_addc(k->sb, m);
}

static bool char_allowed(Term h, int mode)
{
    if (!is_small(h))
        return false;
    int64_t v = small_val(h);
    return mode == CD_LATIN1 ? (v >= 0 && v <= 255) : utf8_is_scalar(v);
}

static bool walk_binary(Sink *k, Term bin, int mode)
{
    const uint8_t *s = bin_bytes(bin);
    size_t n = bin_size(bin);
    bool utf8 = mode != CD_LATIN1 && utf8_valid(s, n);
    if (mode == CD_CHARDATA && !utf8)
        return false;
    if (utf8 && k->sb && !k->cps) {
        sb_add(k->sb, (const char *)s, n);
        return true;
    }
    for (size_t i = 0; i < n;) {
        uint32_t c = s[i];
        size_t len = utf8 ? utf8_decode(s + i, n - i, &c) : 1;
        sink_put(k, c);
        i += len;
    }
    return true;
}

/* Walks a deep character list (or binary) without recursion: the tails of
 * the lists entered are kept on an explicit stack, so neither long nor
 * deeply nested lists use the C stack. */
static bool walk_chars(Sink *k, Term t, int mode)
{
    Term *stack = NULL;
    size_t depth = 0, cap = 0;
    bool ok = true;
    for (;;) {
        if (is_list(t)) {
            Term h = list_head(t);
            t = list_tail(t);
            if (is_small(h)) {
                if (!char_allowed(h, mode)) {
                    ok = false;
                    break;
                }
                sink_put(k, (uint32_t)small_val(h));
                continue;
            }
            if (!(is_list(h) || is_nil(h) || (is_binary(h) && mode != CD_DEEPCHARS))) {
                ok = false;
                break;
            }
            if (depth == cap) {
                cap = cap ? cap * 2 : 16;
                Term *s = realloc(stack, cap * sizeof *s);
                if (!s)
                    abort();
                stack = s;
            }
            stack[depth++] = t;
            t = h;
            sink_mark(k, PRINT_OPEN);
            continue;
        }
        if (is_binary(t) && mode != CD_DEEPCHARS) {
            if (!walk_binary(k, t, mode)) {
                ok = false;
                break;
            }
        } else if (!is_nil(t)) {
            ok = false;
            break;
        }
        if (depth == 0)
            break;
        t = stack[--depth];
        sink_mark(k, PRINT_CLOSE);
    }
    free(stack);
    return ok;
}

/* The characters of an atom's name (stored as UTF-8; a byte that is not
 * part of valid UTF-8 counts as a latin1 character). */
static void atom_chars(CpBuf *b, Term atom)
{
    size_t len;
    const char *s = atom_text(atom, &len);
    cp_from_utf8(b, s, len);
}

bool format_chardata(StrBuf *sb, Term data)
{
    size_t start = sb->len;
    Sink k = {NULL, sb, false};
    if (walk_chars(&k, data, CD_CHARDATA))
        return true;
    sb_truncate(sb, start);
    return false;
}

/* ------------------------------------------------------- the format string */

/* The format being read: a list of characters (whose elements may also be
 * nested lists or binaries, copied through literally as OTP does), or
 * bytes: a binary (each byte a latin1 character), an atom's name or a C
 * string (UTF-8). */
typedef struct {
    Term list;
    const uint8_t *s;
    size_t pos, len;
    bool is_bytes, utf8;
} FmtIn;

enum { IN_END = -1, IN_BAD = -2, IN_CHUNK = -3 };

/* The next element without taking it: a character, IN_END, IN_CHUNK (a
 * nested list or binary, in list formats) or IN_BAD. */
static int64_t in_peek(const FmtIn *in)
{
    if (in->is_bytes) {
        if (in->pos >= in->len)
            return IN_END;
        uint32_t c;
        if (in->utf8 && utf8_decode(in->s + in->pos, in->len - in->pos, &c))
            return c;
        return in->s[in->pos];
    }
    if (is_nil(in->list))
        return IN_END;
    if (!is_list(in->list))
        return IN_BAD;
    Term h = list_head(in->list);
    if (is_small(h))
        return utf8_is_scalar(small_val(h)) ? small_val(h) : IN_BAD;
    if (is_list(h) || is_nil(h) || is_binary(h))
        return IN_CHUNK;
    return IN_BAD;
}

static void in_take(FmtIn *in)
{
    if (in->is_bytes) {
        uint32_t c;
        size_t k = in->utf8 ? utf8_decode(in->s + in->pos, in->len - in->pos, &c) : 0;
        in->pos += k ? k : 1;
    } else {
        in->list = list_tail(in->list);
    }
}

/* ------------------------------------------------------------- arguments */

static bool next_arg(Term *args, Term *out)
{
    if (!is_list(*args))
        return false;
    *out = list_head(*args);
    *args = list_tail(*args);
    return true;
}

/* ------------------------------------------------------ control sequences */

typedef struct {
    long width, prec; /* NONE if not given */
    bool left;        /* `-` or a negative `*` width */
    Term pad;         /* a character as a small, or whatever `.*` took */
    bool unicode;     /* t modifier */
    bool strings;     /* false with the l modifier */
    uint32_t cc;      /* the control character */
} Spec;

/* A width or precision: `*` with an integer argument, or digits. *given is
 * false if neither is there. False if the value is out of range. */
static bool field_value(FmtIn *in, Term *args, bool *given, long *out)
{
    int64_t c = in_peek(in);
    *given = false;
    *out = 0;
    if (c == '*') {
        if (!is_list(*args) || !is_integer(list_head(*args)))
            return true; /* OTP leaves the `*`, which then is no control */
        Term a;
        next_arg(args, &a);
        if (!is_small(a) || small_val(a) > FIELD_MAX || small_val(a) < -FIELD_MAX)
            return false;
        in_take(in);
        *given = true;
        *out = (long)small_val(a);
        return true;
    }
    if (c < '0' || c > '9')
        return true;
    long v = 0;
    while ((c = in_peek(in)) >= '0' && c <= '9') {
        v = v * 10 + (long)(c - '0');
        if (v > FIELD_MAX)
            return false;
        in_take(in);
    }
    *given = true;
    *out = v;
    return true;
}

/* Parses what follows a `~` up to and including the control character:
 * [-]Width, .Precision, .PadChar, the t and l modifiers, in OTP's order
 * and with its quirks (a `.*` pad with no argument left is a `*`). */
static bool parse_spec(FmtIn *in, Term *args, Spec *sp)
{
    bool neg = false, given;
    long v;
    if (in_peek(in) == '-') {
        in_take(in);
        neg = true;
    }
    if (!field_value(in, args, &given, &v))
        return false;
    if (neg && !given)
        return false; /* OTP: -none */
    if (neg)
        v = -v;
    sp->left = v < 0;
    sp->width = given ? labs(v) : NONE;
    sp->prec = NONE;
    if (in_peek(in) == '.') {
        in_take(in);
        if (!field_value(in, args, &given, &v) || v < 0)
            return false;
        if (given)
            sp->prec = v;
    }
    sp->pad = make_small(' ');
    if (in_peek(in) == '.') {
        in_take(in);
        int64_t c = in_peek(in);
        if (c == '*' && is_list(*args)) {
            next_arg(args, &sp->pad);
        } else if (c >= 0) {
            sp->pad = make_small(c);
        } else {
            return false;
        }
        in_take(in);
    }
    sp->unicode = false;
    sp->strings = true;
    for (;;) {
        int64_t c = in_peek(in);
        if (c == 't')
            sp->unicode = true;
        else if (c == 'l')
            sp->strings = false;
        else
            break;
        in_take(in);
    }
    int64_t c = in_peek(in);
    if (c < 0)
        return false;
    in_take(in);
    sp->cc = (uint32_t)c;
    return true;
}

/* n copies of the pad character; fails if it is not a character. */
static bool put_pad(StrBuf *sb, Term pad, long n)
{
    if (n <= 0)
        return true;
    if (!is_small(pad) || !utf8_is_scalar(small_val(pad)))
        return false;
    uint32_t c = (uint32_t)small_val(pad);
    for (long i = 0; i < n; i++) {
        if (c < 0x80)
            sb_addc(sb, (char)c);
        else
            sb_add_utf8(sb, c);
    }
    return true;
}

static void put_cps(StrBuf *sb, const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_add_utf8(sb, v[i]);
}

/* OTP's adjust/3 for code points: data then padding, or padding first. */
static bool adjust_cps(StrBuf *sb, const uint32_t *v, size_t n, Term pad, long npad, bool left)
{
    if (!left && !put_pad(sb, pad, npad))
        return false;
    put_cps(sb, v, n);
    return !left || put_pad(sb, pad, npad);
}

/* OTP's term/5: the text `t` (UTF-8) in a field of width f, at most p0
 * characters of it (NONE: f); text that does not fit becomes a row of
 * asterisks. */
static bool fit_text(StrBuf *sb, const char *t, size_t tlen, long f, long p0, bool left, Term pad)
{
    if (f == NONE && p0 == NONE) {
        sb_add(sb, t, tlen);
        return true;
    }
    if (f == NONE)
        f = p0;
    CpBuf cps = {0};
    cp_from_utf8(&cps, t, tlen);
    long l = (long)chars_length(&cps);
    long lim = p0 == NONE || p0 > f ? f : p0;
    long p = l < lim ? l : lim;
    bool ok;
    if (l > p) {
        ok = (left || put_pad(sb, pad, f - p)) && put_pad(sb, make_small('*'), p) &&
             (!left || put_pad(sb, pad, f - p));
    } else {
        ok = adjust_cps(sb, cps.v, cps.n, pad, f - l, left);
    }
    cp_free(&cps);
    return ok;
}

/* ~c and ~~: the character repeated (width or precision times), padded to
 * the width when both are given. The character is checked only when it is
 * written (a count of 0 writes nothing, as in OTP). */
static bool fmt_char(StrBuf *sb, Term ct, const Spec *sp)
{
    long f = sp->width, p = sp->prec;
    if (f == NONE && p == NONE)
        return put_pad(sb, ct, 1);
    if (p == NONE)
        return put_pad(sb, ct, f);
    if (f == NONE)
        return put_pad(sb, ct, p);
    if (f < p)
        return false;
    if (!sp->left && !put_pad(sb, sp->pad, f - p))
        return false;
    if (!put_pad(sb, ct, p))
        return false;
    return !sp->left || put_pad(sb, sp->pad, f - p);
}

/* ~c: the character, or under latin1 its low eight bits (OTP: band 255). */
static bool fmt_c(StrBuf *sb, Term a, const Spec *sp)
{
    if (!is_integer(a))
        return false;
    if (sp->unicode)
        return fmt_char(sb, a, sp);
    uint64_t low = is_small(a) ? (uint64_t)small_val(a) : big_limbs(a)[0];
    if (is_big(a) && big_is_neg(a))
        low = 0 - low;
    return fmt_char(sb, make_small((int64_t)(low & 255)), sp);
}

static bool fmt_newline(StrBuf *sb, const Spec *sp)
{
    if (sp->width == NONE) {
        sb_addc(sb, '\n');
        return true;
    }
    if (sp->left)
        return false;
    return put_pad(sb, make_small('\n'), sp->width);
}

/* How many characters of s its first k make up: characters in latin1
 * mode, grapheme clusters with the t modifier (OTP's flat_trunc). */
static size_t trunc_len(const CpBuf *s, long k, bool unicode)
{
    if (!unicode)
        return (size_t)k < s->n ? (size_t)k : s->n;
    return grapheme_prefix(s->v, s->n, (size_t)k);
}

static bool string_field(StrBuf *sb, const CpBuf *s, long f, bool left, long n, const Spec *sp)
{
    if (n > f) {
        put_cps(sb, s->v, trunc_len(s, f, sp->unicode));
        return true;
    }
    return adjust_cps(sb, s->v, s->n, sp->pad, f - n, left);
}

/* OTP's string/6 on the flat characters of a ~s argument: the width pads
 * or truncates, the precision alone pads on the right or truncates, both
 * together truncate or pad to the precision and then pad to the width. */
static bool put_string(StrBuf *sb, const CpBuf *s, const Spec *sp)
{
    long f = sp->width, p = sp->prec;
    if (f == NONE && p == NONE) {
        put_cps(sb, s->v, s->n);
        return true;
    }
    long n = (long)chars_length(s);
    if (p == NONE)
        return string_field(sb, s, f, sp->left, n, sp);
    if (f == NONE)
        return string_field(sb, s, p, true, n, sp);
    if (f < p)
        return false;
    if (f == p)
        return string_field(sb, s, f, sp->left, n, sp);
    if (!sp->left && !put_pad(sb, sp->pad, f - p))
        return false;
    if (n > p) {
        put_cps(sb, s->v, trunc_len(s, p, sp->unicode));
    } else {
        put_cps(sb, s->v, s->n);
        if (!put_pad(sb, sp->pad, p - n))
            return false;
    }
    return !sp->left || put_pad(sb, sp->pad, f - p);
}

static bool deep_string(StrBuf *sb, const StrBuf *l, const CpBuf *s, const Spec *sp);

/* ~s: a character list (deep, with binaries), a binary or an atom. In the
 * deep form a list or binary keeps its nesting and the result is one
 * element; an atom's characters are flat (OTP formats atoms among the
 * "small" controls, whose output it flattens). */
static bool fmt_s(StrBuf *sb, Term a, const Spec *sp, bool deep)
{
    CpBuf s = {0};
    StrBuf l = {0};
    bool ok;
    deep = deep && !is_atom(a);
    if (is_atom(a)) {
        atom_chars(&s, a);
        ok = sp->unicode || !s.wide;
    } else {
        Sink k = {&s, deep ? &l : NULL, deep};
        ok = walk_chars(&k, a, sp->unicode ? CD_UNICODE : CD_LATIN1);
    }
    if (ok && deep) {
        sb_addc(sb, PRINT_OPEN);
        ok = deep_string(sb, &l, &s, sp);
        sb_addc(sb, PRINT_CLOSE);
    } else if (ok) {
        ok = put_string(sb, &s, sp);
    }
    cp_free(&s);
    sb_free(&l);
    return ok;
}

/* ---------------------------------------------------------------- integers */

/* The digits of |a| in base 2..36, upper case, into sb. */
static void put_magnitude(StrBuf *sb, Term a, unsigned base)
{
    if (is_small(a)) {
        int64_t v = small_val(a);
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        char buf[72];
        size_t i = sizeof buf;
        do {
            unsigned d = (unsigned)(m % base);
            buf[--i] = (char)(d < 10 ? '0' + d : 'A' + d - 10);
            m /= base;
        } while (m);
        sb_add(sb, buf + i, sizeof buf - i);
        return;
    }
    size_t len;
    char *s = big_to_string(a, base, &len);
    if (!s)
        abort();
    size_t skip = s[0] == '-';
    sb_add(sb, s + skip, len - skip);
    free(s);
}

static bool is_negative(Term a) { return is_small(a) ? small_val(a) < 0 : big_is_neg(a); }

/* ~b ~B ~x ~X ~+ ~#: optional sign, prefix, digits in the base given as
 * precision (default 10); lower case for b, x and +. */
static bool fmt_integer(StrBuf *sb, Term a, Term *args, const Spec *sp)
{
    if (!is_integer(a))
        return false;
    long base = sp->prec == NONE ? 10 : sp->prec;
    if (base < 2 || base > 36)
        return false;
    StrBuf t = {0};
    bool ok = true;
    if (is_negative(a))
        sb_addc(&t, '-');
    if (sp->cc == 'x' || sp->cc == 'X') {
        Term prefix;
        if (!next_arg(args, &prefix)) {
            ok = false;
        } else if (is_atom(prefix)) {
            size_t len;
            const char *s = atom_text(prefix, &len);
            sb_add(&t, s, len);
        } else {
            Sink k = {NULL, &t, false};
            ok = walk_chars(&k, prefix, CD_DEEPCHARS);
        }
    } else if (sp->cc == '+' || sp->cc == '#') {
        sb_printf(&t, "%ld#", base);
    }
    if (ok) {
        size_t digits = t.len;
        put_magnitude(&t, a, (unsigned)base);
        if (sp->cc == 'b' || sp->cc == 'x' || sp->cc == '+')
            for (size_t i = digits; i < t.len; i++)
                if (t.data[i] >= 'A' && t.data[i] <= 'Z')
                    t.data[i] = (char)(t.data[i] - 'A' + 'a');
        ok = fit_text(sb, t.data, t.len, sp->width, NONE, sp->left, sp->pad);
    }
    sb_free(&t);
    return ok;
}

/* ------------------------------------------------------------------ floats */

/* OTP takes a float's digits from float_to_list/1, that is "%.20e": 21
 * significant digits, and rounds those again (half up) to the precision
 * asked for; this double rounding is reproduced exactly. ds gets the 21
 * digits of |d|, *e the decimal exponent plus one (0.5 -> "5000...", 0). */
static void float_digits(double d, char ds[22], int *e)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.20e", fabs(d));
    ds[0] = buf[0];
    memcpy(ds + 1, buf + 2, 20);
    ds[21] = 0;
    *e = atoi(buf + 23) + 1;
}

/* OTP's float_man: from digits ds[0..n) (zeros beyond), `ic` digits before
 * the point and `dc` after, rounded half up on the next digit. Writes them
 * with the point to t; returns the carry out of the first digit. */
static bool float_man(StrBuf *t, const char *ds, size_t n, long ic, long dc)
{
    size_t total = (size_t)(ic + dc), start = t->len;
    for (size_t i = 0; i < total; i++)
        sb_addc(t, i < n ? ds[i] : '0');
    bool carry = total < n && ds[total] >= '5';
    for (size_t i = total; carry && i > 0; i--) {
        char *c = &t->data[start + i - 1];
        if (*c == '9') {
            *c = '0';
        } else {
            (*c)++;
            carry = false;
        }
    }
    /* insert the point after the integer digits */
    sb_addc(t, '.');
    memmove(t->data + start + ic + 1, t->data + start + ic, (size_t)dc);
    t->data[start + ic] = '.';
    return carry;
}

/* ~f's text: [-]ddd.ddd with p decimals. */
static void float_f(StrBuf *t, double d, long p)
{
    char ds[22];
    int e;
    float_digits(d, ds, &e);
    if (signbit(d))
        sb_addc(t, '-');
    StrBuf digits = {0};
    if (e <= 0) {
        for (int i = 0; i < -e + 1; i++)
            sb_addc(&digits, '0');
        e = 1;
    }
    sb_add(&digits, ds, 21);
    size_t at = t->len;
    if (float_man(t, digits.data, digits.len, e, p)) {
        sb_addc(t, '1');
        memmove(t->data + at + 1, t->data + at, t->len - at - 1);
        t->data[at] = '1';
    }
    sb_free(&digits);
}

/* ~e's text: [-]d.ddde+X with p significant digits. */
static void float_e(StrBuf *t, double d, long p)
{
    char ds[22];
    int e;
    float_digits(d, ds, &e);
    if (signbit(d))
        sb_addc(t, '-');
    size_t at = t->len;
    if (float_man(t, ds, 21, 1, p - 1)) {
        t->data[at] = '1'; /* all nines rounded up: 9.99 -> 1.00e+1 */
    } else {
        e--;
    }
    sb_printf(t, e >= 0 ? "e+%d" : "e%d", e);
}

/* ~g's text: ~f with p significant digits for 0.1 <= |d| < 10000 (and
 * one digit from 0.1 up to 1.0), else ~e with p (at least 2). */
static void float_g(StrBuf *t, double d, long p)
{
    double a = fabs(d);
    int e = a < 0.1 ? -2 : a < 1.0 ? -1 : a < 10.0 ? 0 : a < 100.0 ? 1 : a < 1000.0 ? 2 : 3;
    bool big = a >= 10000.0;
    if (!big && ((p <= 1 && e == -1) || (p - 1 > e && e >= -1)))
        float_f(t, d, p - 1 - e);
    else
        float_e(t, d, p <= 1 ? 2 : p);
}

static bool fmt_float(StrBuf *sb, Term a, const Spec *sp)
{
    if (!is_float(a))
        return false;
    double d = float_val(a);
    long p = sp->prec == NONE ? 6 : sp->prec;
    StrBuf t = {0};
    switch (sp->cc) {
    case 'f':
        if (p < 1)
            return false;
        float_f(&t, d, p);
        break;
    case 'e':
        if (p < 2)
            return false;
        float_e(&t, d, p);
        break;
    default:
        if (p < 1)
            return false;
        float_g(&t, d, p);
        break;
    }
    bool ok = fit_text(sb, t.data, t.len, sp->width, sp->width, sp->left, sp->pad);
    sb_free(&t);
    return ok;
}

/* ------------------------------------------------------------ ~w ~W ~p ~P */

/* The column after text s[0..n) starting at column col, as OTP counts it. */
static long advance_col(long col, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)PRINT_OPEN || c == (unsigned char)PRINT_CLOSE)
            continue;
        if (c == '\n')
            col = 0;
        else if (c == '\t')
            col = (col + 8) / 8 * 8;
        else if ((c & 0xC0) != 0x80)
            col++;
    }
    return col;
}


static bool depth_arg(Term *args, long *depth)
{
    Term d;
    if (!next_arg(args, &d) || !is_integer(d))
        return false;
    *depth = is_small(d) ? (long)small_val(d) : -1;
    return true;
}

static bool deep_term(StrBuf *sb, const StrBuf *t, long f, long p0, bool left, Term pad);

static bool fmt_w(StrBuf *sb, Term a, long depth, const Spec *sp, bool deep)
{
    StrBuf t = {0};
    bool ok;
    /* A printer fails only when out of memory: so does the format. */
    if (deep) {
        ok = print_w_deep(&t, a, depth);
        sb_addc(sb, PRINT_OPEN);
        ok = ok && deep_term(sb, &t, sp->width, sp->prec, sp->left, sp->pad);
        sb_addc(sb, PRINT_CLOSE);
    } else {
        ok = print_w(&t, a, depth) &&
             fit_text(sb, t.data ? t.data : "", t.len, sp->width, sp->prec, sp->left, sp->pad);
    }
    sb_free(&t);
    return ok;
}

/* ~p: the width is the line length, the precision the column it starts at
 * (io_lib_pretty's 1-based column: by default one past the characters
 * already on this line); no padding, and no left adjustment (badarg, as
 * OTP). The l modifier turns off string detection. */
static bool fmt_p(StrBuf *sb, Term a, long depth, const Spec *sp, long col, bool deep)
{
    if (sp->left)
        return false;
    long width = sp->width == NONE ? LINE_LENGTH : sp->width;
    long column = sp->prec == NONE ? col + 1 : sp->prec;
    unsigned flags = (sp->unicode ? PRINT_UNICODE : 0) | (sp->strings ? 0 : PRINT_NOSTRINGS) |
                     (deep ? PRINT_DEEP : 0);
    if (deep)
        sb_addc(sb, PRINT_OPEN);
    bool ok = print_p2(sb, a, (int)column, (int)width, depth, flags);
    if (deep)
        sb_addc(sb, PRINT_CLOSE);
    return ok;
}

/* ------------------------------------------------ io_lib:format's nesting
 *
 * io_lib_format builds its result as a deep list, and programs can see the
 * nesting (length/1 of the result, ~w of it). The deep form reproduces it:
 * text with PRINT_OPEN/PRINT_CLOSE around each nested list (print.h).
 * What OTP does: the "small" controls (~c ~e ~f ~g ~b ~B ~x ~X ~+ ~# ~~ ~n
 * ~i, and ~s of an atom) are flattened into the result; ~s, ~w, ~W, ~p and
 * ~P each give one element, nested as io_lib_format's string/6 and term/5
 * nest (padding from chars/2, which halves: [S | S], [C, S | S]) around
 * io_lib:write's or io_lib_pretty's own nesting; a nested list in the
 * format itself is kept as an element. */

static void add_buf(StrBuf *sb, const StrBuf *t)
{
    if (t->len)
        sb_add(sb, t->data, t->len);
}

/* The characters of text with markers, the markers skipped. */
static void cp_from_marked(CpBuf *b, const char *s, size_t n)
{
    const uint8_t *u = (const uint8_t *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] == (uint8_t)PRINT_OPEN || u[i] == (uint8_t)PRINT_CLOSE) {
            i++;
            continue;
        }
        cp_push(b, utf8_next(u, n, &i));
    }
}

static void chars_rec(StrBuf *sb, uint32_t c, long n)
{
    if (n <= 3) {
        for (long i = 0; i < n; i++)
            sb_add_utf8(sb, c);
        return;
    }
    if (n & 1)
        sb_add_utf8(sb, c);
    sb_addc(sb, PRINT_OPEN);
    chars_rec(sb, c, n >> 1);
    sb_addc(sb, PRINT_CLOSE);
    chars_rec(sb, c, n >> 1);
}

/* The elements of io_lib_format's chars(Pad, N); false if the pad is not a
 * character (and N > 0). */
static bool deep_chars(StrBuf *sb, Term pad, long n)
{
    if (n <= 0)
        return true;
    if (!is_small(pad) || !utf8_is_scalar(small_val(pad)))
        return false;
    chars_rec(sb, (uint32_t)small_val(pad), n);
    return true;
}

/* adjust(Data, chars(Pad, N), Adj): Data as is without padding, else
 * [Data | Pad] (left) or [Pad | Data] (right). */
static bool deep_adjust(StrBuf *sb, const StrBuf *data, Term pad, long n, bool left)
{
    if (n <= 0) {
        add_buf(sb, data);
        return true;
    }
    sb_addc(sb, PRINT_OPEN);
    if (left) {
        add_buf(sb, data);
        sb_addc(sb, PRINT_CLOSE);
        return deep_chars(sb, pad, n);
    }
    bool ok = deep_chars(sb, pad, n);
    sb_addc(sb, PRINT_CLOSE);
    add_buf(sb, data);
    return ok;
}

/* term/5 (fit_text) on the deep text t. */
static bool deep_term(StrBuf *sb, const StrBuf *t, long f, long p0, bool left, Term pad)
{
    if (f == NONE && p0 == NONE) {
        add_buf(sb, t);
        return true;
    }
    if (f == NONE)
        f = p0;
    CpBuf cps = {0};
    cp_from_marked(&cps, t->data, t->len);
    long l = (long)chars_length(&cps);
    cp_free(&cps);
    long lim = p0 == NONE || p0 > f ? f : p0;
    long p = l < lim ? l : lim;
    if (l <= p)
        return deep_adjust(sb, t, pad, f - l, left);
    StrBuf stars = {0};
    chars_rec(&stars, '*', p);
    bool ok = deep_adjust(sb, &stars, pad, f - p, left);
    sb_free(&stars);
    return ok;
}

/* string_field/6: truncated (flat), padded, or as is. */
static bool deep_string_field(StrBuf *sb, const StrBuf *l, const CpBuf *s, long f, bool left,
                              long n, const Spec *sp)
{
    if (n > f) {
        put_cps(sb, s->v, trunc_len(s, f, sp->unicode));
        return true;
    }
    return deep_adjust(sb, l, sp->pad, f - n, left);
}

/* string/6 (put_string) on L = l (nested text) with characters s. */
static bool deep_string(StrBuf *sb, const StrBuf *l, const CpBuf *s, const Spec *sp)
{
    long f = sp->width, p = sp->prec;
    if (f == NONE && p == NONE) {
        add_buf(sb, l);
        return true;
    }
    long n = (long)chars_length(s);
    if (p == NONE)
        return deep_string_field(sb, l, s, f, sp->left, n, sp);
    if (f == NONE)
        return deep_string_field(sb, l, s, p, true, n, sp);
    if (f < p)
        return false;
    if (f == p)
        return deep_string_field(sb, l, s, f, sp->left, n, sp);
    StrBuf d = {0};
    bool ok = true;
    if (n > p) {
        put_cps(&d, s->v, trunc_len(s, p, sp->unicode));
    } else if (n < p) { /* [S | chars(Pad, P - N)] */
        sb_addc(&d, PRINT_OPEN);
        add_buf(&d, l);
        sb_addc(&d, PRINT_CLOSE);
        ok = deep_chars(&d, sp->pad, p - n);
    } else {
        add_buf(&d, l);
    }
    ok = ok && deep_adjust(sb, &d, sp->pad, f - p, sp->left);
    sb_free(&d);
    return ok;
}

/* ------------------------------------------------------------ the driver */

/* One control sequence with its arguments. */
static bool control(StrBuf *sb, const Spec *sp, Term *args, long col, bool deep)
{
    Term a = NIL;
    long depth = -1;
    switch (sp->cc) {
    case '~':
        return fmt_char(sb, make_small('~'), sp);
    case 'n':
        return fmt_newline(sb, sp);
    case 'c':
        return next_arg(args, &a) && fmt_c(sb, a, sp);
    case 'i':
        return next_arg(args, &a);
    case 's':
        return next_arg(args, &a) && fmt_s(sb, a, sp, deep);
    case 'f':
    case 'e':
    case 'g':
        return next_arg(args, &a) && fmt_float(sb, a, sp);
    case 'b':
    case 'B':
    case 'x':
    case 'X':
    case '+':
    case '#':
        return next_arg(args, &a) && fmt_integer(sb, a, args, sp);
    case 'w':
        return next_arg(args, &a) && fmt_w(sb, a, -1, sp, deep);
    case 'W':
        return next_arg(args, &a) && depth_arg(args, &depth) && fmt_w(sb, a, depth, sp, deep);
    case 'p':
        return next_arg(args, &a) && fmt_p(sb, a, -1, sp, col, deep);
    case 'P':
        return next_arg(args, &a) && depth_arg(args, &depth) && fmt_p(sb, a, depth, sp, col, deep);
    default:
        return false;
    }
}

/* Formats, in the deep form if deep. */
static bool run_format(StrBuf *sb, FmtIn *in, Term args, bool deep)
{
    long col = 0;
    for (;;) {
        int64_t c = in_peek(in);
        if (c == IN_END)
            break;
        if (c == IN_BAD)
            return false;
        if (c == IN_CHUNK) {
            /* a nested list or binary in the format: copied as chardata
             * (in the deep form as one element, a binary as a list of
             * its characters), counted as one column as OTP does */
            if (deep) {
                Sink k = {NULL, sb, true};
                sb_addc(sb, PRINT_OPEN);
                if (!walk_chars(&k, list_head(in->list), CD_CHARDATA))
                    return false;
                sb_addc(sb, PRINT_CLOSE);
            } else if (!format_chardata(sb, list_head(in->list))) {
                return false;
            }
            in_take(in);
            col++;
            continue;
        }
        in_take(in);
        if (c != '~') {
            sb_add_utf8(sb, (uint32_t)c);
            col = c == '\n' ? 0 : c == '\t' ? (col + 8) / 8 * 8 : col + 1;
            continue;
        }
        Spec sp;
        size_t before = sb->len;
        if (!parse_spec(in, &args, &sp) || !control(sb, &sp, &args, col, deep))
            return false;
        if (sb->len > before)
            col = advance_col(col, sb->data + before, sb->len - before);
    }
    return is_nil(args);
}

static bool format_any(StrBuf *sb, Term fmt, Term args, bool deep)
{
    FmtIn in = {0};
    in.list = NIL;
    if (is_list(fmt) || is_nil(fmt)) {
        in.list = fmt;
    } else if (is_binary(fmt)) {
        in.is_bytes = true;
        in.s = bin_bytes(fmt);
        in.len = bin_size(fmt);
    } else if (is_atom(fmt)) {
        size_t len;
        in.is_bytes = in.utf8 = true;
        in.s = (const uint8_t *)atom_text(fmt, &len);
        in.len = len;
    } else {
        return false;
    }
    return run_format(sb, &in, args, deep);
}

bool format_term(StrBuf *sb, Term fmt, Term args)
{
    return format_any(sb, fmt, args, false);
}

bool format_term_deep(StrBuf *sb, Term fmt, Term args)
{
    return format_any(sb, fmt, args, true);
}

bool format_cstr(StrBuf *sb, const char *fmt, Term args)
{
    FmtIn in = {0};
    in.list = NIL;
    in.is_bytes = in.utf8 = true;
    in.s = (const uint8_t *)fmt;
    in.len = strlen(fmt);
    return run_format(sb, &in, args, false);
}
