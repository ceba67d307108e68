/* bif_harness.h - what the BIF unit tests share (test_bif_term.c,
 * test_bif_dict.c; static functions, included once each): a process p
 * with 1100 x registers as the fixture (setup, or setup_stress for a
 * collection at every proc_reserve), put_x to parse Erlang term text onto
 * its heap into an x register, and show to print a term as ~w does. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "binary.h"
#include "gc.h"
#include "process.h"
#include "strbuf.h"
#include "term.h"

static Process *p;
static StrBuf out;

static void setup(void)
{
    atom_init();
    p = proc_new(1 << 20);
    ck_assert_ptr_nonnull(p);
    p->x = calloc(1100, sizeof(Term));
    gc_stress = false;
}

static void teardown(void)
{
    free(p->x);
    p->x = NULL;
    proc_free(p);
    sb_free(&out);
}

static void setup_stress(void)
{
    setup();
    gc_stress = true;
}

/* ---- a small parser of Erlang terms onto the heap ---------------------- */

/* Parses twice: once counting the words needed, once (after one reserve)
 * building. Integers (small), floats, atoms (bare or quoted), strings,
 * lists with | tails, tuples and binaries <<1,2,"ab">>. */
typedef struct {
    const char *s;
    bool build;
    size_t words;
} Parser;

static Term parse(Parser *ps);

static void skip_ws(Parser *ps)
{
    while (*ps->s == ' ')
        ps->s++;
}

static bool eat(Parser *ps, const char *tok)
{
    skip_ws(ps);
    size_t n = strlen(tok);
    if (strncmp(ps->s, tok, n) != 0)
        return false;
    ps->s += n;
    return true;
}

static Term parse_number(Parser *ps)
{
    char *end;
    long long v = strtoll(ps->s, &end, 10);
    if (*end == '.') {
        double d = strtod(ps->s, &end);
        ps->s = end;
        ps->words += FLOAT_WORDS;
        return ps->build ? proc_float(p, d) : NIL;
    }
    ps->s = end;
    return make_small(v);
}

static Term parse_atom(Parser *ps)
{
    const char *start = ps->s;
    if (*ps->s == '\'') {
        start = ++ps->s;
        while (*ps->s != '\'')
            ps->s++;
        Term a = atom_intern(start, (size_t)(ps->s - start));
        ps->s++;
        return a;
    }
    while ((*ps->s >= 'a' && *ps->s <= 'z') || (*ps->s >= 'A' && *ps->s <= 'Z') ||
           (*ps->s >= '0' && *ps->s <= '9') || *ps->s == '_')
        ps->s++;
    return atom_intern(start, (size_t)(ps->s - start));
}

/* A list whose elements are given; tail last. */
static Term make_list_of(Parser *ps, const Term *elems, size_t n, Term tail)
{
    ps->words += 2 * n;
    if (!ps->build)
        return NIL;
    Term l = tail;
    for (size_t i = n; i-- > 0;)
        l = proc_cons(p, elems[i], l);
    return l;
}

static Term parse_string(Parser *ps)
{
    Term elems[256];
    size_t n = 0;
    ps->s++;
    while (*ps->s != '"')
        elems[n++] = make_small((unsigned char)*ps->s++);
    ps->s++;
    return make_list_of(ps, elems, n, NIL);
}

static Term parse_binary(Parser *ps)
{
    uint8_t bytes[4096];
    size_t n = 0;
    while (!eat(ps, ">>")) {
        skip_ws(ps);
        if (*ps->s == '"') {
            ps->s++;
            while (*ps->s != '"')
                bytes[n++] = (uint8_t)*ps->s++;
            ps->s++;
        } else {
            bytes[n++] = (uint8_t)small_val(parse_number(ps));
        }
        eat(ps, ",");
    }
    ps->words += bin_words(n);
    return ps->build ? bin_new(p, bytes, n) : NIL;
}

static Term parse_seq(Parser *ps, const char *close, Term *elems, size_t *n, Term *tail)
{
    *n = 0;
    *tail = NIL;
    while (!eat(ps, close)) {
        elems[(*n)++] = parse(ps);
        eat(ps, ",");
        if (eat(ps, "|")) {
            *tail = parse(ps);
            ck_assert(eat(ps, close));
            break;
        }
    }
    return NIL;
}

static Term parse(Parser *ps)
{
    Term elems[256], tail;
    size_t n;
    skip_ws(ps);
    char c = *ps->s;
    if (eat(ps, "<<"))
        return parse_binary(ps);
    if (eat(ps, "[")) {
        parse_seq(ps, "]", elems, &n, &tail);
        return make_list_of(ps, elems, n, tail);
    }
    if (eat(ps, "{")) {
        parse_seq(ps, "}", elems, &n, &tail);
        ps->words += n + 1;
        return ps->build ? proc_tuple(p, (unsigned)n, elems) : NIL;
    }
    if (c == '"')
        return parse_string(ps);
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number(ps);
    return parse_atom(ps);
}

/* Parses text into x register `reg`, registers below it being live. */
static void put_x(unsigned reg, const char *text)
{
    Parser ps = { text, false, 0 };
    parse(&ps);
    ck_assert(proc_reserve(p, ps.words, reg));
    ps = (Parser){ text, true, 0 };
    p->x[reg] = parse(&ps);
}

/* ---- printing as ~w does ---------------------------------------------- */

static void show_term(Term t);

static void show_atom(Term a)
{
    size_t len;
    const char *s = atom_text(a, &len);
    bool plain = len > 0 && s[0] >= 'a' && s[0] <= 'z';
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '@'))
            plain = false;
    }
    if (!plain)
        sb_addc(&out, '\'');
    sb_add(&out, s, len);
    if (!plain)
        sb_addc(&out, '\'');
}

static void show_list(Term t)
{
    sb_addc(&out, '[');
    for (;;) {
        show_term(list_head(t));
        t = list_tail(t);
        if (is_nil(t))
            break;
        if (!is_list(t)) {
            sb_addc(&out, '|');
            show_term(t);
            break;
        }
        sb_addc(&out, ',');
    }
    sb_addc(&out, ']');
}

static void show_term(Term t)
{
    if (is_small(t)) {
        sb_printf(&out, "%lld", (long long)small_val(t));
    } else if (is_atom(t)) {
        show_atom(t);
    } else if (is_nil(t)) {
        sb_adds(&out, "[]");
    } else if (is_list(t)) {
        show_list(t);
    } else if (is_tuple(t)) {
        sb_addc(&out, '{');
        for (uint64_t i = 1; i <= tuple_arity(t); i++) {
            if (i > 1)
                sb_addc(&out, ',');
            show_term(tuple_elem(t, i));
        }
        sb_addc(&out, '}');
    } else if (is_float(t)) {
        sb_printf(&out, "%.1f", float_val(t));
    } else if (is_binary(t)) {
        sb_adds(&out, "<<");
        for (size_t i = 0; i < bin_size(t); i++)
            sb_printf(&out, i ? ",%u" : "%u", bin_bytes(t)[i]);
        sb_adds(&out, ">>");
    } else if (t == THE_NON_VALUE) {
        sb_adds(&out, "THE_NON_VALUE");
    } else {
        sb_adds(&out, "?");
    }
}

static const char *show(Term t)
{
    sb_truncate(&out, 0);
    sb_adds(&out, "");
    show_term(t);
    return out.data;
}
