/* aterm.c - the assembler's term tree: arena, constructors, bignum digits,
 * UTF-8, and the printer that writes terms back in Erlang syntax. */
#include "aterm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- arena */

struct AtChunk {
    AtChunk *next;
    size_t used, cap;
    max_align_t data[];
};

void at_arena_init(AtArena *a) { a->head = NULL; }

void at_arena_free(AtArena *a)
{
    AtChunk *c = a->head;
    while (c) {
        AtChunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

void *at_alloc(AtArena *a, size_t size)
{
    size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    AtChunk *c = a->head;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > 65536 ? size : 65536;
        c = malloc(sizeof *c + cap);
        if (!c)
            abort();
        c->used = 0;
        c->cap = cap;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void *at_grow(void *v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return v;
    size_t cap2 = *cap ? *cap * 2 : 16;
    while (cap2 < need)
        cap2 *= 2;
    void *nv = realloc(v, cap2 * elem);
    if (!nv)
        abort();
    *cap = cap2;
    return nv;
}

/* ---- constructors */

ATerm *at_new(AtArena *a, ATermKind kind, int line, int col)
{
    ATerm *t = at_alloc(a, sizeof *t);
    t->kind = kind;
    t->line = line;
    t->col = col;
    return t;
}

ATerm *at_atom(AtArena *a, const char *text, size_t len)
{
    ATerm *t = at_new(a, AT_ATOM, 0, 0);
    t->atom.text = at_alloc(a, len + 1);
    if (len)
        memcpy(t->atom.text, text, len);
    t->atom.len = len;
    return t;
}

ATerm *at_int(AtArena *a, int64_t v)
{
    ATerm *t = at_new(a, AT_INT, 0, 0);
    t->i = v;
    return t;
}

ATerm *at_integer(AtArena *a, bool neg, const uint8_t *mag, size_t n)
{
    while (n > 0 && mag[n - 1] == 0)
        n--;
    if (n <= 8) {
        uint64_t u = 0;
        for (size_t i = n; i-- > 0;)
            u = u << 8 | mag[i];
        if (!neg && u <= (uint64_t)INT64_MAX)
            return at_int(a, (int64_t)u);
        if (neg && u <= (uint64_t)INT64_MAX + 1)
            return at_int(a, u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u);
    }
    ATerm *t = at_new(a, AT_BIG, 0, 0);
    t->big.neg = neg;
    t->big.n = n;
    t->big.mag = at_alloc(a, n);
    memcpy(t->big.mag, mag, n);
    return t;
}

/* Turns t into the integer (neg, mag), keeping its position. */
static void set_integer(AtArena *a, ATerm *t, bool neg, const uint8_t *mag, size_t n)
{
    ATerm *v = at_integer(a, neg, mag, n);
    int line = t->line, col = t->col;
    *t = *v;
    t->line = line;
    t->col = col;
}

void at_negate(AtArena *a, ATerm *t)
{
    if (t->kind == AT_FLOAT) {
        t->f = -t->f;
    } else if (t->kind == AT_INT) {
        if (t->i == INT64_MIN) {
            uint8_t mag[8] = { 0, 0, 0, 0, 0, 0, 0, 0x80 };
            set_integer(a, t, false, mag, 8);
        } else {
            t->i = -t->i;
        }
    } else if (t->kind == AT_BIG) {
        set_integer(a, t, !t->big.neg, t->big.mag, t->big.n);
    }
}

bool at_get_u64(const ATerm *t, uint64_t *v)
{
    if (t->kind == AT_INT && t->i >= 0) {
        *v = (uint64_t)t->i;
        return true;
    }
    if (t->kind == AT_BIG && !t->big.neg && t->big.n <= 8) {
        uint64_t u = 0;
        for (size_t i = t->big.n; i-- > 0;)
            u = u << 8 | t->big.mag[i];
        *v = u;
        return true;
    }
    return false;
}

bool at_is_atom(const ATerm *t, const char *text)
{
    return t && t->kind == AT_ATOM && t->atom.len == strlen(text) && memcmp(t->atom.text, text, t->atom.len) == 0;
}

bool at_mag_mul_add(uint8_t *mag, size_t *n, size_t cap, unsigned base, unsigned digit)
{
    unsigned carry = digit;
    for (size_t i = 0; i < *n; i++) {
        unsigned v = mag[i] * base + carry;
        mag[i] = (uint8_t)v;
        carry = v >> 8;
    }
    while (carry) {
        if (*n >= cap)
            return false;
        mag[(*n)++] = (uint8_t)carry;
        carry >>= 8;
    }
    return true;
}

/* ---- UTF-8 */

void at_put_utf8(BcBuf *b, uint32_t c)
{
    uint8_t s[4];
    bc_put_bytes(b, s, utf8_encode(c, s));
}

/* ---- printing */

static void puts_buf(BcBuf *out, const char *s) { bc_put_bytes(out, s, strlen(s)); }

void at_print_int64(BcBuf *out, int64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    puts_buf(out, buf);
}

/* Decimal digits of a bignum: divides 32-bit limbs by 10^9 repeatedly. */
static void print_big(BcBuf *out, const ATerm *t)
{
    size_t nl = (t->big.n + 3) / 4;
    uint32_t *limb = calloc(nl ? nl : 1, sizeof *limb);
    uint32_t *chunk = calloc(nl * 2 + 2, sizeof *chunk);
    if (!limb || !chunk)
        abort();
    for (size_t i = 0; i < t->big.n; i++)
        limb[i / 4] |= (uint32_t)t->big.mag[i] << (8 * (i % 4));
    size_t nc = 0;
    while (nl > 0) {
        uint64_t rem = 0;
        for (size_t i = nl; i-- > 0;) {
            uint64_t cur = rem << 32 | limb[i];
            limb[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        chunk[nc++] = (uint32_t)rem;
        while (nl > 0 && limb[nl - 1] == 0)
            nl--;
    }
    char buf[16];
    if (t->big.neg)
        bc_put_byte(out, '-');
    snprintf(buf, sizeof buf, "%u", nc ? chunk[nc - 1] : 0u);
    puts_buf(out, buf);
    for (size_t i = nc - 1; i-- > 0;) {
        snprintf(buf, sizeof buf, "%09u", chunk[i]);
        puts_buf(out, buf);
    }
    free(limb);
    free(chunk);
}

void at_print_float(BcBuf *out, double d)
{
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    /* buf is [-]D[.DDD]e[+-]XX: take the digits and the exponent apart */
    const char *p = buf;
    bool neg = *p == '-';
    if (neg)
        p++;
    char digits[32];
    size_t nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp = *p == 'e' ? atoi(p + 1) : 0;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = 0;
    char sci[64], fix[400];
    snprintf(sci, sizeof sci, "%c.%se%d", digits[0], nd > 1 ? digits + 1 : "0", exp);
    size_t f = 0;
    if (exp >= 0 && exp < 300) {
        for (int i = 0; i <= exp; i++)
            fix[f++] = (size_t)i < nd ? digits[i] : '0';
        fix[f++] = '.';
        if ((size_t)exp + 1 < nd)
            for (size_t i = (size_t)exp + 1; i < nd; i++)
                fix[f++] = digits[i];
        else
            fix[f++] = '0';
    } else if (exp < 0 && exp > -300) {
        fix[f++] = '0';
        fix[f++] = '.';
        for (int i = 0; i < -exp - 1; i++)
            fix[f++] = '0';
        for (size_t i = 0; i < nd; i++)
            fix[f++] = digits[i];
    }
    fix[f] = 0;
    if (neg)
        bc_put_byte(out, '-');
    /* Erlang's choice: the shorter form, the fixed one on a tie, and the
     * exponent form once the digits reach past a double's precision. */
    bool use_fix = f > 0 && f <= strlen(sci) && exp < 16;
    puts_buf(out, use_fix ? fix : sci);
}

/* Characters that the printer writes inside quotes rather than as codes. */
static bool printable(uint32_t c)
{
    if (c >= 32 && c <= 126)
        return true;
    if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\b' || c == '\f' || c == 27)
        return true;
    return c >= 160 && utf8_is_scalar(c);
}

/* One character inside a quoted atom or string, with Erlang's escapes. */
static void put_quoted_char(BcBuf *out, uint32_t c, char quote)
{
    const char *esc = NULL;
    switch (c) {
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\t': esc = "\\t"; break;
    case '\v': esc = "\\v"; break;
    case '\b': esc = "\\b"; break;
    case '\f': esc = "\\f"; break;
    case 27: esc = "\\e"; break;
    case '\\': esc = "\\\\"; break;
    default: break;
    }
    if (esc) {
        puts_buf(out, esc);
    } else if (c == (uint32_t)quote) {
        bc_put_byte(out, '\\');
        bc_put_byte(out, (uint8_t)c);
    } else if (c >= 32 && c <= 126) {
        bc_put_byte(out, (uint8_t)c);
    } else if (printable(c)) {
        at_put_utf8(out, c);
    } else {
        char buf[24];
        snprintf(buf, sizeof buf, "\\x{%X}", c);
        puts_buf(out, buf);
    }
}

static bool reserved_word(const char *s, size_t n)
{
    static const char *const words[] = { "after", "and", "andalso", "band", "begin", "bnot", "bor",
                                         "bsl", "bsr", "bxor", "case", "catch", "cond", "div", "else",
                                         "end", "fun", "if", "let", "maybe", "not", "of", "or",
                                         "orelse", "receive", "rem", "try", "when", "xor" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
            return true;
    return false;
}

void at_print_atom(BcBuf *out, const char *text, size_t len)
{
    bool bare = len > 0 && text[0] >= 'a' && text[0] <= 'z' && !reserved_word(text, len);
    for (size_t i = 0; bare && i < len; i++) {
        char c = text[i];
        bare = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@';
    }
    if (bare) {
        bc_put_bytes(out, text, len);
        return;
    }
    bc_put_byte(out, '\'');
    const uint8_t *s = (const uint8_t *)text;
    for (size_t i = 0; i < len;)
        put_quoted_char(out, utf8_next(s, len, &i), '\'');
    bc_put_byte(out, '\'');
}

void at_print_utf8_string(BcBuf *out, const uint8_t *s, size_t n)
{
    bc_put_byte(out, '"');
    for (size_t i = 0; i < n;)
        put_quoted_char(out, utf8_next(s, n, &i), '"');
    bc_put_byte(out, '"');
}

static void print_chars(BcBuf *out, const uint32_t *cs, size_t n)
{
    bool str = n > 0;
    for (size_t i = 0; i < n && str; i++)
        str = printable(cs[i]);
    if (n == 0) {
        puts_buf(out, "[]");
    } else if (str) {
        bc_put_byte(out, '"');
        for (size_t i = 0; i < n; i++)
            put_quoted_char(out, cs[i], '"');
        bc_put_byte(out, '"');
    } else {
        bc_put_byte(out, '[');
        for (size_t i = 0; i < n; i++) {
            if (i)
                bc_put_byte(out, ',');
            at_print_int64(out, cs[i]);
        }
        bc_put_byte(out, ']');
    }
}

/* A proper list of character codes prints as a string, as erl does. */
static bool list_is_string(const ATerm *t)
{
    if (t->list.tail)
        return false;
    for (size_t i = 0; i < t->list.n; i++) {
        const ATerm *e = t->list.items[i];
        if (e->kind != AT_INT || e->i < 0 || e->i > 0x10FFFF || !printable((uint32_t)e->i))
            return false;
    }
    return true;
}

static void print_items(BcBuf *out, ATerm *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            bc_put_byte(out, ',');
        at_print(out, items[i]);
    }
}

static void print_binary(BcBuf *out, const ATerm *t)
{
    bool str = t->bin.n > 0;
    for (size_t i = 0; i < t->bin.n && str; i++)
        str = printable(t->bin.bytes[i]);
    puts_buf(out, "<<");
    if (str) {
        bc_put_byte(out, '"');
        for (size_t i = 0; i < t->bin.n; i++)
            put_quoted_char(out, t->bin.bytes[i], '"');
        bc_put_byte(out, '"');
    } else {
        for (size_t i = 0; i < t->bin.n; i++) {
            if (i)
                bc_put_byte(out, ',');
            at_print_int64(out, t->bin.bytes[i]);
        }
    }
    puts_buf(out, ">>");
}

void at_print(BcBuf *out, const ATerm *t)
{
    switch (t->kind) {
    case AT_INT: at_print_int64(out, t->i); break;
    case AT_BIG: print_big(out, t); break;
    case AT_FLOAT: at_print_float(out, t->f); break;
    case AT_ATOM: at_print_atom(out, t->atom.text, t->atom.len); break;
    case AT_NIL: puts_buf(out, "[]"); break;
    case AT_STRING: print_chars(out, t->str.chars, t->str.n); break;
    case AT_LIST:
        if (list_is_string(t)) {
            uint32_t *cs = malloc(t->list.n * sizeof *cs);
            if (!cs)
                abort();
            for (size_t i = 0; i < t->list.n; i++)
                cs[i] = (uint32_t)t->list.items[i]->i;
            print_chars(out, cs, t->list.n);
            free(cs);
            break;
        }
        bc_put_byte(out, '[');
        print_items(out, t->list.items, t->list.n);
        if (t->list.tail) {
            bc_put_byte(out, '|');
            at_print(out, t->list.tail);
        }
        bc_put_byte(out, ']');
        break;
    case AT_TUPLE:
        bc_put_byte(out, '{');
        print_items(out, t->tuple.items, t->tuple.n);
        bc_put_byte(out, '}');
        break;
    case AT_BINARY: print_binary(out, t); break;
    case AT_MAP:
        puts_buf(out, "#{");
        for (size_t i = 0; i < t->tuple.n; i++) {
            if (i)
                bc_put_byte(out, ',');
            at_print(out, t->tuple.items[2 * i]);
            puts_buf(out, " => ");
            at_print(out, t->tuple.items[2 * i + 1]);
        }
        bc_put_byte(out, '}');
        break;
    case AT_FUN:
        puts_buf(out, "fun ");
        at_print(out, t->fun.mod);
        bc_put_byte(out, ':');
        at_print(out, t->fun.fun);
        bc_put_byte(out, '/');
        at_print_int64(out, t->fun.arity);
        break;
    }
}

void at_describe(const ATerm *t, char *buf, size_t max)
{
    BcBuf b = { 0 };
    at_print(&b, t);
    if (max == 0) {
        bc_buf_free(&b);
        return;
    }
    size_t n = b.len;
    if (n >= max) {
        n = max >= 4 ? max - 4 : 0;
        while (n > 0 && (b.data[n] & 0xC0) == 0x80)
            n--; /* do not cut a UTF-8 character */
        memcpy(buf, b.data, n);
        memcpy(buf + n, "...", max >= 4 ? 3 : 0);
        n += max >= 4 ? 3 : 0;
    } else if (n) {
        memcpy(buf, b.data, n);
    }
    buf[n] = 0;
    bc_buf_free(&b);
}
