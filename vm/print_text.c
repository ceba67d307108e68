/* print_text.c - the leaves of printed terms, as io_lib writes them:
 * characters inside quotes (escapes, latin1 or unicode), atoms (quoted
 * where needed), integers, pids, references, funs, binaries under ~w; and
 * the growable stack every walk of the printer uses.
 *
 * Text encoding: the StrBuf receives UTF-8, one encoded character for each
 * character of the list io_lib would return (format.c's convention; the
 * device encoding is applied where text is written out, in bif_io.c). Atom
 * texts are read as UTF-8 (or as latin1 bytes when they are not valid
 * UTF-8). */
#include "print_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"
#include "module.h"
#include "print.h"

/* ---- characters ---- */

/* Decodes the next UTF-8 character of s[*i..n); returns -1 (and leaves *i)
 * on a malformed, overlong or surrogate sequence, as Erlang's /utf8 match
 * rejects them. */
long print_utf8_next(const uint8_t *s, size_t n, size_t *i)
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
        if (print_utf8_next(s, n, &i) < 0)
            return false;
    return true;
}

/* One character inside a quoted string or atom (quote q), escaped as
 * io_lib does. Returns the number of characters OTP counts for it. */
size_t print_string_char(StrBuf *sb, uint32_t c, uint32_t q, int enc)
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
bool print_printable_latin1(int64_t c)
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
        if (!(unicode ? printable_unicode(small_val(h)) : print_printable_latin1(small_val(h))))
            return false;
    }
    return is_nil(t);
}

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
        return print_utf8_next(ac->s, ac->n, &ac->i);
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
size_t print_write_atom(StrBuf *sb, Term atom, bool unicode)
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
        chars += print_string_char(sb, (uint32_t)c, '\'', enc);
    sb_addc(sb, '\'');
    return chars;
}

void print_atom(StrBuf *sb, Term atom)
{
    print_write_atom(sb, atom, false);
}

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
        print_write_atom(sb, e->module, false);
        sb_addc(sb, ':');
        print_write_atom(sb, e->name, false);
        sb_printf(sb, "/%u", e->arity);
        return;
    }
    const FunEntry *fe = (const FunEntry *)(uintptr_t)bp[1];
    sb_adds(sb, "#Fun<");
    if (fe->module && is_atom(fe->module->name))
        print_write_atom(sb, fe->module->name, false);
    sb_printf(sb, ".%u.%u>", (unsigned)fe->index, (unsigned)fe->uniq);
}

/* Terms that are neither lists, tuples nor binaries; returns false if t is
 * one of those. */
bool print_write_simple(StrBuf *sb, Term t)
{
    if (is_integer(t)) {
        write_integer(sb, t);
    } else if (is_atom(t)) {
        print_write_atom(sb, t, false);
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


/* ---- binaries (~w) ---- */

/* Deep form: [$<,$<, Body, $>,$>], Body's elements being each byte's
 * digits (a list), the commas between, and "..." (a list) where the depth
 * runs out. */
void print_write_binary(StrBuf *sb, Term b, long d, bool deep)
{
    size_t n = bin_size(b);
    const uint8_t *s = bin_bytes(b);
    sb_adds(sb, "<<");
    if (deep)
        sb_addc(sb, PRINT_OPEN);
    for (size_t i = 0; i < n; i++) {
        if (deep)
            sb_addc(sb, PRINT_OPEN);
        if (d == 1) {
            sb_adds(sb, "...");
            if (deep)
                sb_addc(sb, PRINT_CLOSE);
            break;
        }
        sb_printf(sb, "%u", s[i]);
        if (deep)
            sb_addc(sb, PRINT_CLOSE);
        if (i + 1 < n)
            sb_addc(sb, ',');
        d = print_dec_depth(d);
    }
    if (deep)
        sb_addc(sb, PRINT_CLOSE);
    sb_adds(sb, ">>");
}

/* ---- stacks ---- */

bool print_stack_grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap : 64;
    while (c < need) {
        if (c > SIZE_MAX / 2 / size)
            return false;
        c *= 2;
    }
    void *r = realloc(*v, c * size);
    if (!r)
        return false;
    *v = r;
    *cap = c;
    return true;
}
