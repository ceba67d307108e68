/* bif_io.c - the io and io_lib BIFs: io:format/1,2,3 (and io:fwrite, the
 * same functions), io:put_chars/1,2, io:nl/0,1, io:write/1,2,
 * io_lib:format/2 (and fwrite), io_lib:write/1,2, io_lib:print/1,4, and the
 * one place where program output reaches standard output (bif_write_out).
 * The devices are standard_io and user (standard output) and
 * standard_error; there are no io server processes, so any other device is
 * badarg.
 *
 * Text is formatted as UTF-8 (format.c), then written the way erl -noshell
 * (OTP 25) writes to its standard output, whose io encoding is latin1 even
 * under a UTF-8 locale: characters up to 255 as one byte each, larger ones
 * as the escape \x{HEX}. So io:format("~ts", [[228, 8364]]) writes the
 * bytes E4 '\' 'x' '{' '2' '0' 'A' 'C' '}', exactly as erl does (checked
 * by experiment, on a pipe and on a terminal). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "bif.h"
#include "format.h"
#include "print.h"
#include "strbuf.h"

/* The lock that keeps the output of one call in one piece when several
 * schedulers print at once. */
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

static void write_to(FILE *f, const char *s, size_t n)
{
    pthread_mutex_lock(&out_lock);
    if (n)
        fwrite(s, 1, n, f);
    fflush(f);
    pthread_mutex_unlock(&out_lock);
}

void bif_write_out(const char *s, size_t n) { write_to(stdout, s, n); }

/* The stream of an io device, NULL if it is not one. */
static FILE *device(Term dev)
{
    if (dev == ATOM_standard_io || dev == ATOM_user)
        return stdout;
    if (dev == ATOM_standard_error)
        return stderr;
    return NULL;
}

/* Decodes one character of UTF-8 that format.c built (so well formed);
 * returns its length. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *c)
{
    unsigned char b = s[0];
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (len > n)
        len = n;
    uint32_t v = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (size_t i = 1; i < len; i++)
        v = (v << 6) | (s[i] & 0x3Fu);
    *c = v;
    return len;
}

/* Converts UTF-8 text to the bytes erl's latin1 standard output gets. */
static void to_device(StrBuf *out, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            size_t j = i;
            while (j < n && s[j] < 0x80)
                j++;
            sb_add(out, text + i, j - i);
            i = j;
            continue;
        }
        uint32_t c;
        i += utf8_next(s + i, n - i, &c);
        if (c <= 255)
            sb_addc(out, (char)c);
        else
            sb_printf(out, "\\x{%X}", (unsigned)c);
    }
}

/* Writes formatted text as one piece. */
static void write_text(FILE *f, const StrBuf *text)
{
    StrBuf out = {0};
    to_device(&out, text->data, text->len);
    write_to(f, out.data, out.len);
    sb_free(&out);
}

static Term format_out(Process *p, FILE *f, Term fmt, Term args)
{
    StrBuf sb = {0};
    if (!f || !format_term(&sb, fmt, args)) {
        sb_free(&sb);
        return bif_badarg(p);
    }
    write_text(f, &sb);
    sb_free(&sb);
    return ATOM_ok;
}

/* io:format(Format) is io:format(Format, []). */
Term bif_io_format_1(Process *p, Term *args, unsigned live)
{
    return format_out(p, stdout, args[0], NIL);
}

Term bif_io_format_2(Process *p, Term *args, unsigned live)
{
    return format_out(p, stdout, args[0], args[1]);
}

Term bif_io_format_3(Process *p, Term *args, unsigned live)
{
    return format_out(p, device(args[0]), args[1], args[2]);
}

static Term put_chars(Process *p, FILE *f, Term chars)
{
    StrBuf sb = {0};
    if (!f || !format_chardata(&sb, chars)) {
        sb_free(&sb);
        return bif_badarg(p);
    }
    write_text(f, &sb);
    sb_free(&sb);
    return ATOM_ok;
}

Term bif_io_put_chars_1(Process *p, Term *args, unsigned live)
{
    return put_chars(p, stdout, args[0]);
}

Term bif_io_put_chars_2(Process *p, Term *args, unsigned live)
{
    return put_chars(p, device(args[0]), args[1]);
}

Term bif_io_nl_0(Process *p, Term *args, unsigned live)
{
    bif_write_out("\n", 1);
    return ATOM_ok;
}

Term bif_io_nl_1(Process *p, Term *args, unsigned live)
{
    FILE *f = device(args[0]);
    if (!f)
        return bif_badarg(p);
    write_to(f, "\n", 1);
    return ATOM_ok;
}

static Term deep_list(Process *p, StrBuf *sb, unsigned live);

/* io_lib:format/2: the deep character list OTP returns, nested the same
 * way (format.c's deep form: text with PRINT_OPEN/PRINT_CLOSE around each
 * nested list). */
Term bif_io_lib_format_2(Process *p, Term *args, unsigned live)
{
    StrBuf sb = {0};
    if (!format_term_deep(&sb, args[0], args[1])) {
        sb_free(&sb);
        return bif_badarg(p);
    }
    return deep_list(p, &sb, live);
}

/* The deep list of marked text sb (freed here). Every character and every
 * nested list is one cons cell of its parent, so the whole result is
 * reserved at once after the text is built (no heap use before that, so
 * nothing is held across the collection proc_reserve may run), then built
 * front to back with a stack of the slots where each open list continues. */
static Term deep_list(Process *p, StrBuf *sbp, unsigned live)
{
    StrBuf sb = *sbp;
    const unsigned char *s = (const unsigned char *)sb.data;
    size_t cells = 0, depth = 0, maxdepth = 0;
    for (size_t i = 0; i < sb.len; i++) {
        if (s[i] == (unsigned char)PRINT_CLOSE) {
            depth--;
            continue;
        }
        if (s[i] == (unsigned char)PRINT_OPEN && ++depth > maxdepth)
            maxdepth = depth;
        cells += (s[i] & 0xC0) != 0x80;
    }
    if (cells == 0) {
        sb_free(&sb);
        return NIL;
    }
    if (!proc_reserve(p, 2 * cells, live)) {
        sb_free(&sb);
        return bif_heap_exhausted(p);
    }
    Term **stack = malloc((maxdepth + 1) * sizeof *stack);
    if (!stack) {
        sb_free(&sb);
        return bif_error(p, ATOM_system_limit);
    }
    Term *hp = proc_alloc(p, 2 * cells);
    Term result = NIL, *slot = &result;
    size_t sp = 0;
    for (size_t i = 0; i < sb.len;) {
        if (s[i] == (unsigned char)PRINT_CLOSE) {
            *slot = NIL;
            slot = stack[--sp];
            i++;
            continue;
        }
        *slot = make_list(hp);
        if (s[i] == (unsigned char)PRINT_OPEN) {
            stack[sp++] = &hp[1];
            slot = &hp[0];
            i++;
        } else {
            uint32_t c;
            i += utf8_next(s + i, sb.len - i, &c);
            hp[0] = make_small(c);
            slot = &hp[1];
        }
        hp += 2;
    }
    *slot = NIL;
    free(stack);
    sb_free(&sb);
    return result;
}

/* io_lib:write(Term[, Depth]): what ~w (~W) writes, as the deep list OTP
 * builds. */
static Term lib_write(Process *p, Term t, Term depth, unsigned live)
{
    if (!is_small(depth))
        return bif_badarg(p);
    StrBuf sb = {0};
    if (!print_w_deep(&sb, t, small_val(depth) <= 0 ? -1 : small_val(depth))) {
        sb_free(&sb);
        return bif_error(p, ATOM_system_limit);
    }
    return deep_list(p, &sb, live);
}

Term bif_io_lib_write_1(Process *p, Term *args, unsigned live)
{
    return lib_write(p, args[0], make_small(-1), live);
}

Term bif_io_lib_write_2(Process *p, Term *args, unsigned live)
{
    return lib_write(p, args[0], args[1], live);
}

/* io_lib:print(Term[, Column, LineLength, Depth]): ~p's layout, deep. */
static Term lib_print(Process *p, Term t, Term col, Term len, Term depth, unsigned live)
{
    if (!is_small(col) || !is_small(len) || !is_small(depth) || small_val(col) < 1 ||
        small_val(col) > 100000 || small_val(len) < 1 || small_val(len) > 100000)
        return bif_badarg(p);
    StrBuf sb = {0};
    long d = small_val(depth) <= 0 ? -1 : small_val(depth);
    if (!print_p2(&sb, t, (int)small_val(col), (int)small_val(len), d, PRINT_DEEP)) {
        sb_free(&sb);
        return bif_error(p, ATOM_system_limit);
    }
    return deep_list(p, &sb, live);
}

Term bif_io_lib_print_1(Process *p, Term *args, unsigned live)
{
    return lib_print(p, args[0], make_small(1), make_small(80), make_small(-1), live);
}

Term bif_io_lib_print_4(Process *p, Term *args, unsigned live)
{
    return lib_print(p, args[0], args[1], args[2], args[3], live);
}

/* io:write([Device,] Term): Term as ~w writes it. */
static Term io_write(Process *p, FILE *f, Term t)
{
    StrBuf sb = {0};
    if (!f || !print_w(&sb, t, -1)) {
        sb_free(&sb);
        return f ? bif_error(p, ATOM_system_limit) : bif_badarg(p);
    }
    write_text(f, &sb);
    sb_free(&sb);
    return ATOM_ok;
}

Term bif_io_write_1(Process *p, Term *args, unsigned live)
{
    return io_write(p, stdout, args[0]);
}

Term bif_io_write_2(Process *p, Term *args, unsigned live)
{
    return io_write(p, device(args[0]), args[1]);
}
