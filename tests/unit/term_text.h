/* term_text.h - a parser of Erlang term text for the unit tests (shared by
 * test_compare.c, test_math.c and test_print.c; static functions, included
 * once each). */
#include "strbuf.h"
#include "utf8.h"

/* ---- a parser of Erlang term text ---- */

typedef struct {
    const char *s;
    Process *p;
    bool error;
} Parser;

/* Decodes one UTF-8 character at *s (a stray byte: its Latin-1 code). */
static uint32_t next_char(const char **s)
{
    size_t i = 0;
    uint32_t c = utf8_next((const uint8_t *)*s, strnlen(*s, 4), &i);
    *s += i;
    return c;
}

static void skip_ws(Parser *ps)
{
    while (*ps->s == ' ' || *ps->s == '\n' || *ps->s == '\t')
        ps->s++;
}

static bool eat(Parser *ps, const char *tok)
{
    skip_ws(ps);
    size_t n = strlen(tok);
    if (strncmp(ps->s, tok, n) == 0) {
        ps->s += n;
        return true;
    }
    return false;
}

/* One character of a quoted atom or string, escapes decoded. */
static uint32_t quoted_char(Parser *ps)
{
    uint32_t c = next_char(&ps->s);
    if (c != '\\')
        return c;
    c = next_char(&ps->s);
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'v': return '\v';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'e': return 27;
    case 'd': return 127;
    case 's': return ' ';
    case 'x':
        if (*ps->s == '{') {
            ps->s++;
            uint32_t v = (uint32_t)strtoul(ps->s, (char **)&ps->s, 16);
            ps->s++; /* } */
            return v;
        } else {
            char h[3] = {ps->s[0], ps->s[1], 0};
            ps->s += 2;
            return (uint32_t)strtoul(h, NULL, 16);
        }
    default:
        if (c >= '0' && c <= '7') {
            uint32_t v = c - '0';
            for (int i = 0; i < 2 && *ps->s >= '0' && *ps->s <= '7'; i++)
                v = v * 8 + (uint32_t)(*ps->s++ - '0');
            return v;
        }
        return c;
    }
}

/* A bignum (or small) from decimal digits, built by hand on the heap. */
static Term make_integer(Parser *ps, const char *digits, size_t n, bool neg)
{
    uint64_t limbs[64] = {0};
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned __int128 carry = (unsigned)(digits[i] - '0');
        for (size_t k = 0; k < nl; k++) {
            unsigned __int128 v = (unsigned __int128)limbs[k] * 10 + carry;
            limbs[k] = (uint64_t)v;
            carry = v >> 64;
        }
        if (carry)
            limbs[nl++] = (uint64_t)carry;
    }
    while (nl > 1 && limbs[nl - 1] == 0)
        nl--;
    if (nl == 1 && limbs[0] <= (uint64_t)MAX_SMALL + neg)
        return make_small(neg ? -(int64_t)(limbs[0] - 1) - 1 : (int64_t)limbs[0]);
    Term *hp = proc_alloc(ps->p, nl + 1);
    hp[0] = make_header(nl, neg ? SUB_NEG_BIG : SUB_POS_BIG);
    memcpy(hp + 1, limbs, nl * sizeof(uint64_t));
    return make_boxed(hp);
}

static Term parse_number(Parser *ps)
{
    const char *start = ps->s;
    bool neg = *ps->s == '-';
    if (neg)
        ps->s++;
    const char *digits = ps->s;
    while (*ps->s >= '0' && *ps->s <= '9')
        ps->s++;
    size_t nd = (size_t)(ps->s - digits);
    if (*ps->s == '.' && ps->s[1] >= '0' && ps->s[1] <= '9') {
        char *end;
        double d = strtod(start, &end);
        ps->s = end;
        return proc_float(ps->p, d);
    }
    return make_integer(ps, digits, nd, neg);
}

static Term parse(Parser *ps);

/* Builds a list from terms[0..n) and the tail. */
static Term make_list_of(Parser *ps, const Term *terms, size_t n, Term tail)
{
    Term l = tail;
    while (n > 0)
        l = proc_cons(ps->p, terms[--n], l);
    return l;
}

static Term parse_seq(Parser *ps, const char *close, bool list)
{
    size_t cap = 16, n = 0;
    Term *v = malloc(cap * sizeof *v);
    Term tail = NIL;
    if (!eat(ps, close)) {
        for (;;) {
            if (n == cap)
                v = realloc(v, (cap *= 2) * sizeof *v);
            v[n++] = parse(ps);
            if (eat(ps, ","))
                continue;
            if (list && eat(ps, "|"))
                tail = parse(ps);
            if (!eat(ps, close))
                ps->error = true;
            break;
        }
    }
    Term r;
    if (list) {
        r = make_list_of(ps, v, n, tail);
    } else if (n == 2 && v[0] == atom_intern("$pid", 4) && is_small(v[1])) {
        r = make_pid((uint64_t)small_val(v[1]));
    } else if (n == 2 && v[0] == atom_intern("$ref", 4) && is_small(v[1])) {
        Term *hp = proc_alloc(ps->p, 3);
        hp[0] = make_header(2, SUB_REF);
        hp[1] = (Term)small_val(v[1]);
        hp[2] = 0;
        r = make_boxed(hp);
    } else {
        r = proc_tuple(ps->p, (unsigned)n, v);
    }
    free(v);
    return r;
}

/* <<...>>: integers and strings ("..." or "..."/utf8). */
static Term parse_binary(Parser *ps)
{
    StrBuf bytes = {0};
    if (!eat(ps, ">>")) {
        for (;;) {
            skip_ws(ps);
            if (*ps->s == '"') {
                ps->s++;
                StrBuf chars = {0};
                uint32_t cs[4096];
                size_t n = 0;
                while (*ps->s != '"')
                    cs[n++] = quoted_char(ps);
                ps->s++;
                bool utf8 = eat(ps, "/utf8");
                for (size_t i = 0; i < n; i++) {
                    if (utf8)
                        sb_add_utf8(&chars, cs[i]);
                    else
                        sb_addc(&chars, (char)cs[i]);
                }
                sb_add(&bytes, chars.data ? chars.data : "", chars.len);
                sb_free(&chars);
            } else {
                sb_addc(&bytes, (char)strtol(ps->s, (char **)&ps->s, 10));
            }
            if (eat(ps, ","))
                continue;
            if (!eat(ps, ">>"))
                ps->error = true;
            break;
        }
    }
    Term b = bin_new(ps->p, (const uint8_t *)bytes.data, bytes.len);
    sb_free(&bytes);
    return b;
}

static bool atom_start(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247); }
static bool atom_cont(uint32_t c)
{
    return atom_start(c) || (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215) ||
           (c >= '0' && c <= '9') || c == '_' || c == '@';
}

static Term parse(Parser *ps)
{
    skip_ws(ps);
    if (eat(ps, "["))
        return parse_seq(ps, "]", true);
    if (eat(ps, "{"))
        return parse_seq(ps, "}", false);
    if (eat(ps, "<<"))
        return parse_binary(ps);
    char c = *ps->s;
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number(ps);
    if (c == '"') {
        ps->s++;
        size_t cap = 64, n = 0;
        Term *v = malloc(cap * sizeof *v);
        while (*ps->s != '"') {
            if (n == cap)
                v = realloc(v, (cap *= 2) * sizeof *v);
            v[n++] = make_small(quoted_char(ps));
        }
        ps->s++;
        Term r = make_list_of(ps, v, n, NIL);
        free(v);
        return r;
    }
    StrBuf name = {0};
    if (c == '\'') {
        ps->s++;
        while (*ps->s != '\'')
            sb_add_utf8(&name, quoted_char(ps));
        ps->s++;
    } else {
        const char *q = ps->s;
        uint32_t ch = next_char(&q);
        if (!atom_start(ch)) {
            ps->error = true;
            return NIL;
        }
        for (;;) {
            sb_add_utf8(&name, ch);
            ps->s = q;
            if (!*q)
                break;
            ch = next_char(&q);
            if (!atom_cont(ch))
                break;
        }
    }
    Term a = atom_intern(name.data ? name.data : "", name.len);
    sb_free(&name);
    return a;
}

static Process *test_proc;

/* Drops the references the heap's refc binaries hold (before the heap is
 * reused). */
static void release_off_heap(Process *p)
{
    Term b = p->off_heap.first;
    while (is_boxed(b)) {
        Term *hp = boxed_ptr(b);
        blob_decref((BinBlob *)(uintptr_t)hp[2]);
        b = hp[3];
    }
    p->off_heap.first = NIL;
}

/* Builds a term from text on a fresh heap. */
static Term term_of(const char *text)
{
    if (!test_proc) {
        atom_init();
        test_proc = proc_new(1 << 22);
    }
    release_off_heap(test_proc);
    test_proc->htop = test_proc->heap;
    Parser ps = {text, test_proc, false};
    Term t = parse(&ps);
    skip_ws(&ps);
    if (ps.error || *ps.s)
        fprintf(stderr, "test_print: cannot parse %s\n", text);
    ck_assert(!ps.error && !*ps.s);
    return t;
