/* term_parse.c - lexer and recursive-descent reader for Erlang terms. */
#include "term_parse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- small growable arrays (freed by the caller) */

typedef struct {
    uint32_t *v;
    size_t n, cap;
} CpVec;

typedef struct {
    ATerm **v;
    size_t n, cap;
} TVec;

static void cp_push(CpVec *b, uint32_t c)
{
    b->v = at_grow(b->v, &b->cap, b->n + 1, sizeof *b->v);
    b->v[b->n++] = c;
}

static void tv_push(TVec *b, ATerm *t)
{
    b->v = at_grow(b->v, &b->cap, b->n + 1, sizeof *b->v);
    b->v[b->n++] = t;
}

/* ---- character level */

static int peekc(const TermParser *p, size_t ahead)
{
    return p->pos + ahead < p->len ? (unsigned char)p->src[p->pos + ahead] : -1;
}

static void advance(TermParser *p)
{
    unsigned char c = (unsigned char)p->src[p->pos++];
    if (c == '\n') {
        p->line++;
        p->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        p->col++;
    }
}

/* The character at pos as a code point (a stray non-UTF-8 byte counts as
 * its latin-1 code); returns its length in bytes. */
static size_t cur_char(const TermParser *p, uint32_t *c)
{
    size_t i = p->pos;
    *c = utf8_next((const uint8_t *)p->src, p->len, &i);
    return i - p->pos;
}

static void lex_error(TermParser *p, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void lex_error(TermParser *p, int line, int col, const char *fmt, ...)
{
    if (p->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(p->diag, "error", line, col, fmt, ap);
    va_end(ap);
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static bool is_name_char(int c) { return is_lower(c) || is_upper(c) || is_digit(c) || c == '_' || c == '@'; }
static bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int digit_value(int c)
{
    if (is_digit(c))
        return c - '0';
    if (is_lower(c))
        return c - 'a' + 10;
    if (is_upper(c))
        return c - 'A' + 10;
    return 99;
}

/* ---- escapes, strings, quoted atoms */

/* Reads the escape after a backslash (already consumed) at (line, col).
 * Reports malformed ones and returns false. */
static bool read_escape(TermParser *p, uint32_t *out, int line, int col)
{
    int c = peekc(p, 0);
    if (c >= '0' && c <= '7') {
        uint32_t v = 0;
        for (int k = 0; k < 3 && peekc(p, 0) >= '0' && peekc(p, 0) <= '7'; k++) {
            v = v * 8 + (uint32_t)(peekc(p, 0) - '0');
            advance(p);
        }
        *out = v;
        return true;
    }
    if (c == 'x') {
        advance(p);
        if (peekc(p, 0) == '{') {
            advance(p);
            uint32_t v = 0;
            int nd = 0;
            bool big = false;
            while (digit_value(peekc(p, 0)) < 16) {
                v = v * 16 + (uint32_t)digit_value(peekc(p, 0));
                if (v > 0x10FFFF)
                    big = true, v = 0x110000;
                nd++;
                advance(p);
            }
            if (nd == 0 || peekc(p, 0) != '}') {
                lex_error(p, line, col, "malformed escape: expected \\x{HEX}");
                return false;
            }
            advance(p);
            if (big) {
                lex_error(p, line, col, "character code in escape is beyond 16#10FFFF");
                return false;
            }
            *out = v;
            return true;
        }
        if (digit_value(peekc(p, 0)) < 16 && digit_value(peekc(p, 1)) < 16) {
            *out = (uint32_t)(digit_value(peekc(p, 0)) * 16 + digit_value(peekc(p, 1)));
            advance(p);
            advance(p);
            return true;
        }
        lex_error(p, line, col, "malformed escape: expected \\xHH or \\x{HEX}");
        return false;
    }
    if (c == '^') {
        advance(p);
        int d = peekc(p, 0);
        if (d < 0)
            return false;
        *out = (uint32_t)d & 31;
        advance(p);
        return true;
    }
    static const char from[] = "bdefnrstv";
    static const uint32_t to[] = { 8, 127, 27, 12, 10, 13, 32, 9, 11 };
    const char *hit = c > 0 ? strchr(from, c) : NULL;
    if (hit) {
        *out = to[hit - from];
        advance(p);
        return true;
    }
    /* any other character stands for itself: \' \" \\ ... */
    size_t k = cur_char(p, out);
    while (k--)
        advance(p);
    return true;
}

/* Moves to the end of the line where (pos, line, col) was, after an
 * unterminated quote: the best guess at where the broken form ends. */
static void resume_after_line(TermParser *p, size_t pos, int line, int col)
{
    p->pos = pos;
    p->line = line;
    p->col = col;
    while (p->pos < p->len && p->src[p->pos] != '\n')
        advance(p);
}

/* Reads a quoted string or atom (quote is '"' or '\'') into chars.
 * Returns false after reporting an error; sets *resync when the quote was
 * never closed and the reader moved to the end of its line. */
static bool read_quoted(TermParser *p, char quote, CpVec *chars, bool *resync)
{
    int line = p->line, col = p->col;
    size_t start = p->pos;
    bool ok = true;
    advance(p);
    for (;;) {
        int c = peekc(p, 0);
        if (c < 0) {
            lex_error(p, line, col, quote == '"' ? "unterminated string" : "unterminated quoted atom");
            resume_after_line(p, start, line, col);
            *resync = true;
            return false;
        }
        if (c == quote) {
            advance(p);
            return ok;
        }
        uint32_t v;
        if (c == '\\') {
            int el = p->line, ec = p->col;
            advance(p);
            if (peekc(p, 0) < 0)
                continue;
            if (read_escape(p, &v, el, ec))
                cp_push(chars, v);
            else
                ok = false;
            continue;
        }
        size_t k = cur_char(p, &v);
        while (k--)
            advance(p);
        cp_push(chars, v);
    }
}

static void lex_string(TermParser *p, Token *t)
{
    CpVec chars = { 0 };
    if (!read_quoted(p, '"', &chars, &t->resync)) {
        t->kind = TK_ERROR;
    } else {
        t->kind = TK_STRING;
        t->term = at_new(p->arena, AT_STRING, t->line, t->col);
        t->term->str.n = chars.n;
        t->term->str.chars = at_alloc(p->arena, chars.n * sizeof(uint32_t));
        if (chars.n)
            memcpy(t->term->str.chars, chars.v, chars.n * sizeof(uint32_t));
    }
    free(chars.v);
}

/* Makes an atom token from code points, checking that they make valid
 * UTF-8 of at most 255 bytes (the VM's limit). */
static void make_atom(TermParser *p, Token *t, const uint32_t *cs, size_t n)
{
    BcBuf b = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (cs[i] > 0x10FFFF || (cs[i] >= 0xD800 && cs[i] <= 0xDFFF)) {
            lex_error(p, t->line, t->col, "invalid character code %u in atom", (unsigned)cs[i]);
            t->kind = TK_ERROR;
            bc_buf_free(&b);
            return;
        }
        at_put_utf8(&b, cs[i]);
    }
    if (b.len > 255) {
        lex_error(p, t->line, t->col, "atom too long (%zu bytes; at most 255)", b.len);
        t->kind = TK_ERROR;
    } else {
        t->kind = TK_ATOM;
        t->term = at_atom(p->arena, (const char *)b.data, b.len);
        t->term->line = t->line;
        t->term->col = t->col;
    }
    bc_buf_free(&b);
}

static void lex_quoted_atom(TermParser *p, Token *t)
{
    CpVec chars = { 0 };
    if (read_quoted(p, '\'', &chars, &t->resync)) {
        t->quoted = true;
        make_atom(p, t, chars.v, chars.n);
    } else {
        t->kind = TK_ERROR;
    }
    free(chars.v);
}

/* A bare atom or a variable: [a-z][A-Za-z0-9_@]* or [A-Z_][...]*. */
static void lex_name(TermParser *p, Token *t)
{
    size_t start = p->pos;
    while (p->pos < p->len && is_name_char(peekc(p, 0)))
        advance(p);
    size_t n = p->pos - start;
    if (n > 255) {
        lex_error(p, t->line, t->col, "atom too long (%zu bytes; at most 255)", n);
        t->kind = TK_ERROR;
        return;
    }
    t->kind = is_lower((unsigned char)p->src[start]) ? TK_ATOM : TK_VAR;
    t->term = at_atom(p->arena, p->src + start, n);
    t->term->line = t->line;
    t->term->col = t->col;
}

/* ---- numbers */

/* Appends digits valid in base (and '_' separators between them) to b;
 * returns how many digits were read. A digit of a higher base (like 8 in
 * base 2) is read too and reported. */
static size_t read_digits(TermParser *p, BcBuf *b, int base, bool *bad)
{
    size_t nd = 0;
    for (;;) {
        int c = peekc(p, 0);
        int maxd = base > 10 ? 36 : 10;
        if (c == '_' && nd > 0 && digit_value(peekc(p, 1)) < maxd) {
            advance(p);
            continue;
        }
        int v = digit_value(c);
        if (v >= maxd || (base <= 10 && !is_digit(c)))
            return nd;
        if (v >= base) {
            if (!*bad)
                lex_error(p, p->line, p->col, "digit '%c' is not valid in base %d", c, base);
            *bad = true;
        }
        bc_put_byte(b, (uint8_t)c);
        nd++;
        advance(p);
    }
}

/* Digits (as characters) to an integer term; false if it is too large. */
static ATerm *digits_to_int(TermParser *p, const uint8_t *d, size_t n, int base)
{
    uint8_t *mag = malloc(AT_MAX_BIG_BYTES);
    if (!mag)
        abort();
    size_t len = 0;
    ATerm *t = NULL;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++)
        ok = at_mag_mul_add(mag, &len, AT_MAX_BIG_BYTES, (unsigned)base, (unsigned)digit_value(d[i]));
    if (ok)
        t = at_integer(p->arena, false, mag, len);
    free(mag);
    return t;
}

static void lex_float(TermParser *p, Token *t, BcBuf *b)
{
    bool bad = false;
    bc_put_byte(b, '.');
    advance(p);
    read_digits(p, b, 10, &bad);
    int c = peekc(p, 0);
    if ((c == 'e' || c == 'E') &&
        (is_digit(peekc(p, 1)) || ((peekc(p, 1) == '-' || peekc(p, 1) == '+') && is_digit(peekc(p, 2))))) {
        bc_put_byte(b, 'e');
        advance(p);
        if (peekc(p, 0) == '-' || peekc(p, 0) == '+') {
            bc_put_byte(b, (uint8_t)peekc(p, 0));
            advance(p);
        }
        read_digits(p, b, 10, &bad);
    }
    bc_put_byte(b, 0);
    double d = strtod((const char *)b->data, NULL);
    if (isinf(d)) {
        lex_error(p, t->line, t->col, "float out of range");
        t->kind = TK_ERROR;
        return;
    }
    t->kind = TK_FLOAT;
    t->term = at_new(p->arena, AT_FLOAT, t->line, t->col);
    t->term->f = d;
}

static void lex_number(TermParser *p, Token *t)
{
    BcBuf b = { 0 };
    bool bad = false;
    int base = 10;
    read_digits(p, &b, 10, &bad);
    if (peekc(p, 0) == '#' && digit_value(peekc(p, 1)) < 36) {
        base = 0;
        for (size_t i = 0; i < b.len && base <= 36; i++)
            base = base * 10 + b.data[i] - '0';
        if (base < 2 || base > 36) {
            lex_error(p, t->line, t->col, "invalid base in integer (from 2 to 36)");
            bad = true;
            base = 36;
        }
        advance(p);
        b.len = 0;
        read_digits(p, &b, base, &bad);
    } else if (peekc(p, 0) == '.' && is_digit(peekc(p, 1))) {
        lex_float(p, t, &b);
        bc_buf_free(&b);
        return;
    }
    t->kind = TK_ERROR;
    if (!bad) {
        t->term = digits_to_int(p, b.data, b.len, base);
        if (t->term) {
            t->kind = TK_INT;
            t->term->line = t->line;
            t->term->col = t->col;
        } else {
            lex_error(p, t->line, t->col, "integer too large (more than %d bits)", AT_MAX_BIG_BYTES * 8);
        }
    }
    bc_buf_free(&b);
}

/* $c: the code of one character, possibly escaped. */
static void lex_char(TermParser *p, Token *t)
{
    advance(p);
    uint32_t v;
    int c = peekc(p, 0);
    t->kind = TK_ERROR;
    if (c < 0) {
        lex_error(p, t->line, t->col, "unterminated character literal");
        return;
    }
    if (c == '\\') {
        advance(p);
        if (peekc(p, 0) < 0) {
            lex_error(p, t->line, t->col, "unterminated character literal");
            return;
        }
        if (!read_escape(p, &v, t->line, t->col))
            return;
    } else {
        size_t k = cur_char(p, &v);
        while (k--)
            advance(p);
    }
    t->kind = TK_INT;
    t->term = at_int(p->arena, v);
    t->term->line = t->line;
    t->term->col = t->col;
}

/* ---- tokens */

static void skip_blanks(TermParser *p)
{
    for (;;) {
        int c = peekc(p, 0);
        if (is_space(c)) {
            advance(p);
        } else if (c == '%') {
            while (p->pos < p->len && p->src[p->pos] != '\n')
                advance(p);
        } else {
            return;
        }
    }
}

static bool lex_punct(TermParser *p, Token *t)
{
    static const char *const two[] = { "<<", ">>", "#{", "=>" };
    for (size_t i = 0; i < 4; i++) {
        if (peekc(p, 0) == two[i][0] && peekc(p, 1) == two[i][1]) {
            memcpy(t->punct, two[i], 3);
            advance(p);
            advance(p);
            t->kind = TK_PUNCT;
            return true;
        }
    }
    int c = peekc(p, 0);
    if (c > 0 && strchr("{}[](),|:/-+", c)) {
        t->punct[0] = (char)c;
        t->punct[1] = 0;
        advance(p);
        t->kind = TK_PUNCT;
        return true;
    }
    return false;
}

static void lex(TermParser *p, Token *t)
{
    skip_blanks(p);
    memset(t, 0, sizeof *t);
    t->line = p->line;
    t->col = p->col;
    int c = peekc(p, 0);
    if (c < 0) {
        t->kind = TK_EOF;
    } else if (is_lower(c)) {
        lex_name(p, t);
    } else if (is_upper(c) || c == '_') {
        lex_name(p, t);
    } else if (is_digit(c)) {
        lex_number(p, t);
    } else if (c == '"') {
        lex_string(p, t);
    } else if (c == '\'') {
        lex_quoted_atom(p, t);
    } else if (c == '$') {
        lex_char(p, t);
    } else if (c == '.') {
        advance(p);
        int d = peekc(p, 0);
        if (d < 0 || is_space(d) || d == '%') {
            t->kind = TK_DOT;
        } else {
            lex_error(p, t->line, t->col, "unexpected '.' (a form ends with '.' and white space)");
            t->kind = TK_ERROR;
        }
    } else if (!lex_punct(p, t)) {
        uint32_t v;
        size_t k = cur_char(p, &v);
        if (v > 32 && v < 127)
            lex_error(p, t->line, t->col, "unexpected character '%c'", (char)v);
        else
            lex_error(p, t->line, t->col, "unexpected character \\x{%X}", (unsigned)v);
        while (k--)
            advance(p);
        t->kind = TK_ERROR;
    }
}

static void next(TermParser *p) { lex(p, &p->tok); }

/* ---- parser */

static bool is_punct(const TermParser *p, const char *s)
{
    return p->tok.kind == TK_PUNCT && strcmp(p->tok.punct, s) == 0;
}

/* "expected X, got Y" at the current token (silent after a lexical error,
 * which has been reported already). */
static void syntax_error(TermParser *p, const char *expected)
{
    const Token *t = &p->tok;
    char what[80];
    switch (t->kind) {
    case TK_ERROR: return;
    case TK_EOF: snprintf(what, sizeof what, "end of file"); break;
    case TK_DOT: snprintf(what, sizeof what, "'.'"); break;
    case TK_PUNCT: snprintf(what, sizeof what, "'%s'", t->punct); break;
    case TK_VAR: snprintf(what, sizeof what, "variable %s", t->term->atom.text); break;
    default: at_describe(t->term, what, sizeof what); break;
    }
    diag_error(p->diag, t->line, t->col, "expected %s, got %s", expected, what);
}

static ATerm *parse_term(TermParser *p, int depth);

/* Builds a list node from items and a tail, merging a tail that is itself
 * a list or a string, so that [1|[2]] and [1,2] are the same tree. */
static ATerm *make_list(TermParser *p, int line, int col, TVec *items, ATerm *tail)
{
    if (tail && tail->kind == AT_NIL) {
        tail = NULL;
    } else if (tail && tail->kind == AT_LIST) {
        for (size_t i = 0; i < tail->list.n; i++)
            tv_push(items, tail->list.items[i]);
        tail = tail->list.tail;
    } else if (tail && tail->kind == AT_STRING) {
        for (size_t i = 0; i < tail->str.n; i++) {
            ATerm *c = at_int(p->arena, tail->str.chars[i]);
            c->line = tail->line;
            c->col = tail->col;
            tv_push(items, c);
        }
        tail = NULL;
    }
    ATerm *t = at_new(p->arena, AT_LIST, line, col);
    t->list.n = items->n;
    t->list.items = at_alloc(p->arena, items->n * sizeof(ATerm *));
    memcpy(t->list.items, items->v, items->n * sizeof(ATerm *));
    t->list.tail = tail;
    return t;
}

static ATerm *parse_list(TermParser *p, int depth)
{
    int line = p->tok.line, col = p->tok.col;
    next(p);
    if (is_punct(p, "]")) {
        next(p);
        return at_new(p->arena, AT_NIL, line, col);
    }
    TVec items = { 0 };
    ATerm *tail = NULL, *res = NULL;
    for (;;) {
        ATerm *e = parse_term(p, depth + 1);
        if (!e)
            goto done;
        tv_push(&items, e);
        if (is_punct(p, ",")) {
            next(p);
            continue;
        }
        if (is_punct(p, "|")) {
            next(p);
            if (!(tail = parse_term(p, depth + 1)))
                goto done;
        }
        if (!is_punct(p, "]")) {
            syntax_error(p, tail ? "']'" : "',', '|' or ']'");
            goto done;
        }
        next(p);
        break;
    }
    res = make_list(p, line, col, &items, tail);
done:
    free(items.v);
    return res;
}

/* Terms separated by ',' up to the closing punctuation `close`, for tuples
 * and maps (map pairs come as key, value). */
static ATerm *parse_seq(TermParser *p, int depth, ATermKind kind, const char *close)
{
    int line = p->tok.line, col = p->tok.col;
    next(p);
    TVec items = { 0 };
    ATerm *res = NULL;
    if (!is_punct(p, close)) {
        for (;;) {
            ATerm *e = parse_term(p, depth + 1);
            if (!e)
                goto done;
            tv_push(&items, e);
            if (kind == AT_MAP) {
                if (!is_punct(p, "=>")) {
                    syntax_error(p, "'=>'");
                    goto done;
                }
                next(p);
                if (!(e = parse_term(p, depth + 1)))
                    goto done;
                tv_push(&items, e);
            }
            if (is_punct(p, ",")) {
                next(p);
                continue;
            }
            if (!is_punct(p, close)) {
                syntax_error(p, kind == AT_MAP ? "',' or '}'" : "',' or '}'");
                goto done;
            }
            break;
        }
    }
    next(p);
    res = at_new(p->arena, kind, line, col);
    res->tuple.n = kind == AT_MAP ? items.n / 2 : items.n;
    res->tuple.items = at_alloc(p->arena, items.n * sizeof(ATerm *));
    if (items.n)
        memcpy(res->tuple.items, items.v, items.n * sizeof(ATerm *));
done:
    free(items.v);
    return res;
}

/* <<"text", 1, 2, $c>>: bytes only (no sizes or types). */
static ATerm *parse_binary(TermParser *p)
{
    int line = p->tok.line, col = p->tok.col;
    next(p);
    BcBuf b = { 0 };
    ATerm *res = NULL;
    if (!is_punct(p, ">>")) {
        for (;;) {
            const Token *t = &p->tok;
            if (t->kind == TK_STRING) {
                for (size_t i = 0; i < t->term->str.n; i++) {
                    if (t->term->str.chars[i] > 255) {
                        diag_error(p->diag, t->line, t->col, "character code %u in a binary is beyond 255",
                                   (unsigned)t->term->str.chars[i]);
                        goto done;
                    }
                    bc_put_byte(&b, (uint8_t)t->term->str.chars[i]);
                }
            } else if (t->kind == TK_INT) {
                if (t->term->kind != AT_INT || t->term->i < 0 || t->term->i > 255) {
                    diag_error(p->diag, t->line, t->col, "binary segment value out of range (0 to 255)");
                    goto done;
                }
                bc_put_byte(&b, (uint8_t)t->term->i);
            } else {
                syntax_error(p, "a byte or a string in the binary");
                goto done;
            }
            next(p);
            if (is_punct(p, ":") || is_punct(p, "/")) {
                diag_error(p->diag, p->tok.line, p->tok.col, "binary segment sizes and types are not supported");
                goto done;
            }
            if (is_punct(p, ",")) {
                next(p);
                continue;
            }
            if (!is_punct(p, ">>")) {
                syntax_error(p, "',' or '>>'");
                goto done;
            }
            break;
        }
    }
    next(p);
    res = at_new(p->arena, AT_BINARY, line, col);
    res->bin.n = b.len;
    res->bin.bytes = at_alloc(p->arena, b.len);
    if (b.len)
        memcpy(res->bin.bytes, b.data, b.len);
done:
    bc_buf_free(&b);
    return res;
}

/* fun Module:Function/Arity */
static ATerm *parse_fun(TermParser *p)
{
    int line = p->tok.line, col = p->tok.col;
    next(p);
    ATerm *m, *f;
    if (p->tok.kind != TK_ATOM) {
        syntax_error(p, "a module name after 'fun'");
        return NULL;
    }
    m = p->tok.term;
    next(p);
    if (!is_punct(p, ":")) {
        syntax_error(p, "':' (only fun M:F/A is supported)");
        return NULL;
    }
    next(p);
    if (p->tok.kind != TK_ATOM) {
        syntax_error(p, "a function name");
        return NULL;
    }
    f = p->tok.term;
    next(p);
    if (!is_punct(p, "/")) {
        syntax_error(p, "'/'");
        return NULL;
    }
    next(p);
    if (p->tok.kind != TK_INT || p->tok.term->kind != AT_INT || p->tok.term->i > 255) {
        syntax_error(p, "an arity from 0 to 255");
        return NULL;
    }
    ATerm *t = at_new(p->arena, AT_FUN, line, col);
    t->fun.mod = m;
    t->fun.fun = f;
    t->fun.arity = (unsigned)p->tok.term->i;
    next(p);
    return t;
}

/* "abc" "def" reads as one string. */
static ATerm *parse_strings(TermParser *p)
{
    ATerm *t = p->tok.term;
    next(p);
    if (p->tok.kind != TK_STRING)
        return t;
    CpVec all = { 0 };
    for (size_t i = 0; i < t->str.n; i++)
        cp_push(&all, t->str.chars[i]);
    while (p->tok.kind == TK_STRING) {
        for (size_t i = 0; i < p->tok.term->str.n; i++)
            cp_push(&all, p->tok.term->str.chars[i]);
        next(p);
    }
    ATerm *r = at_new(p->arena, AT_STRING, t->line, t->col);
    r->str.n = all.n;
    r->str.chars = at_alloc(p->arena, all.n * sizeof(uint32_t));
    if (all.n)
        memcpy(r->str.chars, all.v, all.n * sizeof(uint32_t));
    free(all.v);
    return r;
}

static ATerm *parse_term(TermParser *p, int depth)
{
    Token *t = &p->tok;
    if (depth > AT_MAX_DEPTH) {
        diag_error(p->diag, t->line, t->col, "term nested too deeply (more than %d levels)", AT_MAX_DEPTH);
        return NULL;
    }
    ATerm *r;
    switch (t->kind) {
    case TK_INT:
    case TK_FLOAT:
        r = t->term;
        next(p);
        return r;
    case TK_ATOM:
        if (!t->quoted && at_is_atom(t->term, "fun"))
            return parse_fun(p);
        r = t->term;
        next(p);
        return r;
    case TK_STRING:
        return parse_strings(p);
    case TK_VAR:
        diag_error(p->diag, t->line, t->col, "variable '%s' is not allowed here (assembly terms are constants)",
                   t->term->atom.text);
        return NULL;
    case TK_PUNCT:
        if (is_punct(p, "-") || is_punct(p, "+")) {
            bool neg = is_punct(p, "-");
            int line = t->line, col = t->col;
            next(p);
            if (t->kind != TK_INT && t->kind != TK_FLOAT) {
                syntax_error(p, neg ? "a number after '-'" : "a number after '+'");
                return NULL;
            }
            r = t->term;
            if (neg)
                at_negate(p->arena, r);
            r->line = line;
            r->col = col;
            next(p);
            return r;
        }
        if (is_punct(p, "["))
            return parse_list(p, depth);
        if (is_punct(p, "{"))
            return parse_seq(p, depth, AT_TUPLE, "}");
        if (is_punct(p, "#{"))
            return parse_seq(p, depth, AT_MAP, "}");
        if (is_punct(p, "<<"))
            return parse_binary(p);
        syntax_error(p, "a term");
        return NULL;
    default:
        syntax_error(p, "a term");
        return NULL;
    }
}

void tp_init(TermParser *p, const char *src, size_t len, AtArena *arena, Diag *diag)
{
    memset(p, 0, sizeof *p);
    p->src = src;
    p->len = len;
    p->line = 1;
    p->col = 1;
    p->arena = arena;
    p->diag = diag;
    next(p);
}

/* After an error: drop tokens, quietly, up to and including the next '.'
 * (or only the broken token, after an unclosed quote: the reader has
 * already moved to the end of that line, and the next line most likely
 * starts a new form). */
static void skip_to_dot(TermParser *p)
{
    if (p->tok.kind == TK_ERROR && p->tok.resync) {
        next(p);
        return;
    }
    p->quiet = true;
    while (p->tok.kind != TK_DOT && p->tok.kind != TK_EOF)
        next(p);
    p->quiet = false;
    if (p->tok.kind == TK_DOT)
        next(p);
}

int tp_next_form(TermParser *p, ATerm **out)
{
    *out = NULL;
    if (p->tok.kind == TK_EOF)
        return 0;
    ATerm *t = parse_term(p, 0);
    if (t && p->tok.kind == TK_DOT) {
        next(p);
        *out = t;
        return 1;
    }
    if (t)
        syntax_error(p, "'.' after the term");
    skip_to_dot(p);
    return -1;
}
