/* lexer.c - the Erlang tokenizer, following OTP 25's erl_scan: the same
 * tokens, the same positions, the same error messages, and the same place
 * to resume scanning after an error. */
#include "lexer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define CP_EOF (-1)
#define CP_BAD (-2)

/* Longest atom or variable name, in characters (erlang:list_to_atom). */
#define MAX_NAME_CHARS 255
/* Digits of a non-decimal integer literal we convert (the conversion is
 * quadratic); longer ones are reported as illegal integers. */
#define MAX_BASED_DIGITS 10000

static const char *const kind_text[TOK_KIND_COUNT] = {
#define LEX_TEXT(name, text) text,
    LEX_TOKENS(LEX_TEXT)
#undef LEX_TEXT
};

const char *lex_kind_text(TokKind k)
{
    return (unsigned)k < TOK_KIND_COUNT ? kind_text[k] : "";
}

bool tokvec_reserve(TokVec *tv, int n)
{
    if (tv->cap >= n)
        return true;
    Token *v = realloc(tv->v, (size_t)n * sizeof *v);
    if (!v)
        return false;
    tv->v = v;
    tv->cap = n;
    return true;
}

bool tokvec_push(TokVec *tv, const Token *t)
{
    if (tv->n == tv->cap) {
        int cap = tv->cap ? tv->cap * 2 : 256;
        Token *v = realloc(tv->v, (size_t)cap * sizeof *v);
        if (!v)
            return false;
        tv->v = v;
        tv->cap = cap;
    }
    tv->v[tv->n++] = *t;
    return true;
}

void tokvec_free(TokVec *tv)
{
    free(tv->v);
    tv->v = NULL;
    tv->n = tv->cap = 0;
}

void lex_init(Lexer *lx, AstArena *arena, const char *src, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->arena = arena;
    lx->src = src;
    lx->len = src ? len : 0;
    lx->line = 1;
    lx->col = 1;
}

void lex_free(Lexer *lx)
{
    free(lx->tmp);
    lx->tmp = NULL;
    lx->tmp_n = lx->tmp_cap = 0;
}

/* ---- characters */

/* The code point at byte pos and its length in bytes; CP_EOF at the end,
 * CP_BAD for bytes that are not well-formed UTF-8. */
static int32_t peek_at(const Lexer *lx, size_t pos, int *nb)
{
    *nb = 0;
    if (pos >= lx->len)
        return CP_EOF;
    uint32_t c;
    size_t n = utf8_decode((const uint8_t *)lx->src + pos, lx->len - pos, &c);
    if (!n)
        return CP_BAD;
    *nb = (int)n;
    return (int32_t)c;
}

static int32_t cur(const Lexer *lx, int *nb)
{
    return peek_at(lx, lx->pos, nb);
}

/* The code point after the current one (CP_EOF/CP_BAD alike as "none"). */
static int32_t next_cp(const Lexer *lx)
{
    int nb, nb2;
    if (cur(lx, &nb) < 0)
        return CP_EOF;
    return peek_at(lx, lx->pos + (size_t)nb, &nb2);
}

static void advance(Lexer *lx, int32_t c, int nb)
{
    lx->pos += (size_t)nb;
    if (c == '\n') {
        lx->line++;
        lx->col = 1;
    } else {
        lx->col++;
    }
}

/* Steps over the current character. */
static void skip1(Lexer *lx)
{
    int nb;
    int32_t c = cur(lx, &nb);
    if (c >= 0)
        advance(lx, c, nb);
}

static bool is_white(int32_t c)
{
    return (c >= 0 && c <= ' ') || (c >= 0x80 && c <= 0xA0);
}

static bool is_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_upper_start(int32_t c)
{
    return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

static bool is_lower_start(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

static bool is_name_char(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '@' ||
           (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

/* Erlang's ?CHAR test for characters inside strings and escapes. */
static bool is_valid_char(int32_t c)
{
    return c != 0xFFFE && c != 0xFFFF && utf8_is_scalar(c);
}

static int digit_value(int32_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* ---- errors */

static LexStatus error_at(Lexer *lx, int line, int col, const char *msg)
{
    lx->err_msg = msg;
    lx->err_line = line;
    lx->err_col = col;
    return LEX_ERROR;
}

static LexStatus fatal_here(Lexer *lx)
{
    lx->err_msg = "cannot parse file, giving up";
    lx->err_line = lx->line;
    lx->err_col = lx->col;
    lx->pos = lx->len;
    return LEX_FATAL;
}

static LexStatus oom(Lexer *lx)
{
    lx->oom = true;
    lx->err_msg = "out of memory";
    lx->err_line = lx->line;
    lx->err_col = lx->col;
    lx->pos = lx->len;
    return LEX_FATAL;
}

static bool tmp_push(Lexer *lx, uint32_t c)
{
    if (lx->tmp_n == lx->tmp_cap) {
        size_t cap = lx->tmp_cap ? lx->tmp_cap * 2 : 256;
        uint32_t *t = realloc(lx->tmp, cap * sizeof *t);
        if (!t)
            return false;
        lx->tmp = t;
        lx->tmp_cap = cap;
    }
    lx->tmp[lx->tmp_n++] = c;
    return true;
}

/* ---- names */

/* A fixed spelling and its token: the keywords and the punctuation. */
typedef struct {
    const char *text;
    TokKind kind;
} Spelling;

static const Spelling keywords[] = {
    {"after", TOK_AFTER}, {"and", TOK_AND},     {"andalso", TOK_ANDALSO}, {"band", TOK_BAND},
    {"begin", TOK_BEGIN}, {"bnot", TOK_BNOT},   {"bor", TOK_BOR},         {"bsl", TOK_BSL},
    {"bsr", TOK_BSR},     {"bxor", TOK_BXOR},   {"case", TOK_CASE},       {"catch", TOK_CATCH},
    {"cond", TOK_COND},   {"div", TOK_DIV},     {"end", TOK_KEND},        {"fun", TOK_FUN},
    {"if", TOK_IF},       {"let", TOK_LET},     {"not", TOK_NOT},         {"of", TOK_OF},
    {"or", TOK_OR},       {"orelse", TOK_ORELSE}, {"receive", TOK_RECEIVE}, {"rem", TOK_REM},
    {"try", TOK_TRY},     {"when", TOK_WHEN},   {"xor", TOK_XOR},
};

static TokKind keyword_kind(const char *s, size_t n)
{
    if (n < 2 || n > 7)
        return TOK_ATOM;
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
        if (strlen(keywords[i].text) == n && memcmp(keywords[i].text, s, n) == 0)
            return keywords[i].kind;
    return TOK_ATOM;
}

/* An atom, keyword or variable name. */
static LexStatus scan_name(Lexer *lx, Token *t, bool var)
{
    size_t start = lx->pos;
    int chars = 0, nb;
    int32_t c;
    while ((c = cur(lx, &nb)) >= 0 && is_name_char(c)) {
        advance(lx, c, nb);
        chars++;
    }
    if (c == CP_BAD)
        return fatal_here(lx);
    if (chars > MAX_NAME_CHARS)
        return error_at(lx, t->line, t->col, var ? "illegal var" : "illegal atom");
    size_t n = lx->pos - start;
    t->kind = var ? TOK_VAR : keyword_kind(lx->src + start, n);
    if (t->kind == TOK_VAR || t->kind == TOK_ATOM) {
        t->u.name.s = ast_strndup(lx->arena, lx->src + start, n);
        t->u.name.len = (uint32_t)n;
        if (!t->u.name.s)
            return oom(lx);
    }
    return LEX_FORM;
}

/* ---- escapes, strings, quoted atoms, characters */

typedef enum { ESC_OK, ESC_ERR, ESC_EOF, ESC_FATAL } EscStatus;

static int32_t escape_char(int32_t c)
{
    switch (c) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'e': return 27;
    case 's': return ' ';
    case 'd': return 127;
    default: return c;
    }
}

static bool is_hex(int32_t c)
{
    return digit_value(c) < 16;
}

/* \x{H...}: the position is just after the '{'. */
static EscStatus scan_hex_brace(Lexer *lx, int32_t *val)
{
    int nb;
    int32_t c;
    uint32_t v = 0;
    int digits = 0;
    while ((c = cur(lx, &nb)) >= 0 && is_hex(c)) {
        if (v <= 0x10FFFF)
            v = v * 16 + (uint32_t)digit_value(c);
        digits++;
        advance(lx, c, nb);
    }
    if (c == CP_BAD)
        return ESC_FATAL;
    if (c == CP_EOF)
        return ESC_EOF;
    if (c != '}')
        return ESC_ERR; /* resume at c itself */
    advance(lx, c, nb);
    if (digits == 0 || v > 0x10FFFF || !is_valid_char((int32_t)v))
        return ESC_ERR;
    *val = (int32_t)v;
    return ESC_OK;
}

/* After a backslash: the escaped character's value. On ESC_ERR the
 * position is where erl_scan resumes. */
static EscStatus scan_escape(Lexer *lx, int32_t *val)
{
    int nb;
    int32_t c = cur(lx, &nb);
    if (c == CP_EOF)
        return ESC_EOF;
    if (c == CP_BAD)
        return ESC_FATAL;
    if (c >= '0' && c <= '7') {
        int v = 0;
        for (int k = 0; k < 3 && (c = cur(lx, &nb)) >= '0' && c <= '7'; k++) {
            v = v * 8 + (c - '0');
            advance(lx, c, nb);
        }
        *val = v;
        return ESC_OK;
    }
    if (c == 'x') {
        advance(lx, c, nb);
        int32_t c2 = cur(lx, &nb);
        if (c2 == '{') {
            advance(lx, c2, nb);
            return scan_hex_brace(lx, val);
        }
        if (c2 == CP_EOF)
            return ESC_EOF;
        if (c2 == CP_BAD)
            return ESC_FATAL;
        int32_t c3 = next_cp(lx);
        if (is_hex(c2) && is_hex(c3)) {
            *val = digit_value(c2) * 16 + digit_value(c3);
            skip1(lx);
            skip1(lx);
            return ESC_OK;
        }
        return ESC_ERR;
    }
    if (c == '^') {
        advance(lx, c, nb);
        int32_t c2 = cur(lx, &nb);
        if (c2 == CP_EOF)
            return ESC_EOF;
        if (c2 == CP_BAD)
            return ESC_FATAL;
        advance(lx, c2, nb);
        *val = c2 == '\n' ? '\n' : (c2 & 31);
        return ESC_OK;
    }
    advance(lx, c, nb);
    if (!is_valid_char(c))
        return ESC_ERR;
    *val = escape_char(c);
    return ESC_OK;
}

/* "unterminated string starting with \"...\"": the first 16 characters
 * read, as io_lib:write_string writes them. */
static LexStatus unterminated(Lexer *lx, int line, int col, char q)
{
    AstBuf b = {0};
    ast_buf_printf(&b, "unterminated %s starting with ", q == '"' ? "string" : "atom");
    ast_buf_quoted(&b, lx->tmp, lx->tmp_n < 16 ? lx->tmp_n : 16, q);
    const char *msg = b.s ? ast_strndup(lx->arena, b.s, b.len) : NULL;
    free(b.s);
    lx->pos = lx->len; /* erl_scan resumes at the end of the text */
    return error_at(lx, line, col, msg ? msg : "unterminated string");
}

/* The characters between quotes q into lx->tmp; the position is after the
 * opening quote, which is at line:col. */
static LexStatus scan_quoted(Lexer *lx, char q, int line, int col)
{
    lx->tmp_n = 0;
    for (;;) {
        int nb;
        int32_t c = cur(lx, &nb);
        if (c == CP_EOF)
            return unterminated(lx, line, col, q);
        if (c == CP_BAD)
            return fatal_here(lx);
        if (c == q) {
            advance(lx, c, nb);
            return LEX_FORM;
        }
        int el = lx->line, ec = lx->col;
        int32_t v = c;
        if (c == '\\') {
            advance(lx, c, nb);
            EscStatus r = scan_escape(lx, &v);
            if (r == ESC_FATAL)
                return fatal_here(lx);
            if (r == ESC_EOF)
                return unterminated(lx, line, col, q);
            if (r == ESC_ERR)
                return error_at(lx, el, ec, "illegal character");
        } else {
            advance(lx, c, nb);
            if (!is_valid_char(c))
                return error_at(lx, el, ec, "illegal character");
        }
        if (!tmp_push(lx, (uint32_t)v))
            return oom(lx);
    }
}

static LexStatus scan_string(Lexer *lx, Token *t)
{
    skip1(lx);
    LexStatus r = scan_quoted(lx, '"', t->line, t->col);
    if (r != LEX_FORM)
        return r;
    uint32_t *chars = NULL;
    if (lx->tmp_n) {
        chars = ast_alloc(lx->arena, lx->tmp_n * sizeof *chars);
        if (!chars)
            return oom(lx);
        memcpy(chars, lx->tmp, lx->tmp_n * sizeof *chars);
    }
    t->kind = TOK_STRING;
    t->u.str.chars = chars;
    t->u.str.len = (uint32_t)lx->tmp_n;
    return LEX_FORM;
}

static LexStatus scan_qatom(Lexer *lx, Token *t)
{
    skip1(lx);
    LexStatus r = scan_quoted(lx, '\'', t->line, t->col);
    if (r != LEX_FORM)
        return r;
    if (lx->tmp_n > MAX_NAME_CHARS)
        return error_at(lx, t->line, t->col, "illegal atom");
    AstBuf b = {0};
    ast_buf_puts(&b, "");
    for (size_t i = 0; i < lx->tmp_n; i++)
        ast_buf_utf8(&b, lx->tmp[i]);
    t->kind = TOK_ATOM;
    t->u.name.s = b.s ? ast_strndup(lx->arena, b.s, b.len) : NULL;
    t->u.name.len = (uint32_t)b.len;
    free(b.s);
    return t->u.name.s ? LEX_FORM : oom(lx);
}

static LexStatus scan_char(Lexer *lx, Token *t)
{
    skip1(lx); /* $ */
    int nb;
    int32_t c = cur(lx, &nb);
    if (c == CP_BAD)
        return fatal_here(lx);
    if (c == CP_EOF)
        return error_at(lx, t->line, t->col, "unterminated character");
    int32_t v = c;
    if (c == '\\') {
        advance(lx, c, nb);
        EscStatus r = scan_escape(lx, &v);
        if (r == ESC_FATAL)
            return fatal_here(lx);
        if (r == ESC_EOF) {
            lx->pos = lx->len;
            return error_at(lx, t->line, t->col, "unterminated character");
        }
        if (r == ESC_ERR)
            return error_at(lx, t->line, t->col, "illegal character");
    } else {
        advance(lx, c, nb);
        if (!is_valid_char(c)) {
            lx->pos = lx->len; /* erl_scan gives up on the rest here */
            return error_at(lx, t->line, t->col, "illegal character");
        }
    }
    t->kind = TOK_CHAR;
    t->u.i.v = v;
    t->u.i.big = NULL;
    t->u.i.too_big = false;
    return LEX_FORM;
}

/* ---- numbers */

typedef struct {
    char *s;
    size_t n, cap;
} Digits;

static bool digits_push(Digits *d, char c)
{
    if (d->n + 1 >= d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 64;
        char *s = realloc(d->s, cap);
        if (!s)
            return false;
        d->s = s;
        d->cap = cap;
    }
    d->s[d->n++] = c;
    d->s[d->n] = 0;
    return true;
}

/* Digits valid in base, with single '_' between two of them. */
static bool read_digits(Lexer *lx, Digits *d, int base)
{
    for (;;) {
        int nb;
        int32_t c = cur(lx, &nb);
        if (c >= 0 && digit_value(c) < base) {
            if (!digits_push(d, (char)c))
                return false;
            advance(lx, c, nb);
            continue;
        }
        if (c == '_' && d->n > 0) {
            int32_t c2 = next_cp(lx);
            if (c2 >= 0 && digit_value(c2) < base) {
                advance(lx, c, nb);
                continue;
            }
        }
        return true;
    }
}

/* Does the decimal number s[0..n) (no leading zeros) need more than
 * LEX_MAX_INT_BITS bits? 2^32768 has 9865 digits: only numbers of about
 * that length need the exact test, a multiply-add into a bounded
 * magnitude. */
static bool decimal_too_big(const char *s, size_t n)
{
    const size_t max_bytes = LEX_MAX_INT_BITS / 8;
    size_t digits_lo = (size_t)(LEX_MAX_INT_BITS * 0.30102999566) - 1;
    if (n < digits_lo)
        return false;
    if (n > digits_lo + 3)
        return true;
    uint8_t *mag = calloc(max_bytes, 1);
    if (!mag)
        return true;
    size_t len = 0;
    bool over = false;
    for (size_t i = 0; i < n && !over; i++) {
        unsigned carry = (unsigned)(s[i] - '0');
        for (size_t k = 0; k < len; k++) {
            unsigned x = mag[k] * 10u + carry;
            mag[k] = (uint8_t)x;
            carry = x >> 8;
        }
        if (carry) {
            if (len == max_bytes)
                over = true;
            else
                mag[len++] = (uint8_t)carry;
        }
    }
    free(mag);
    return over;
}

/* Decimal digits (no sign, maybe leading zeros) into the token: int64 when
 * it fits, else the decimal text. */
static bool set_decimal(Lexer *lx, Token *t, const char *s, size_t n)
{
    while (n > 1 && *s == '0')
        s++, n--;
    t->kind = TOK_INT;
    t->u.i.big = NULL;
    t->u.i.too_big = false;
    if (n < 19 || (n == 19 && strncmp(s, "9223372036854775807", 19) <= 0)) {
        int64_t v = 0;
        for (size_t i = 0; i < n; i++)
            v = v * 10 + (s[i] - '0');
        t->u.i.v = v;
        return true;
    }
    t->u.i.big = ast_strndup(lx->arena, s, n);
    t->u.i.too_big = decimal_too_big(s, n);
    return t->u.i.big != NULL;
}

/* Digits in base into decimal text, through limbs of 10^9. */
static bool set_based(Lexer *lx, Token *t, const char *s, size_t n, int base)
{
    size_t cap = n / 2 + 2, nl = 1;
    uint32_t *limb = calloc(cap, sizeof *limb);
    if (!limb)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = (uint64_t)digit_value(s[i]);
        for (size_t k = 0; k < nl; k++) {
            uint64_t x = (uint64_t)limb[k] * (uint64_t)base + carry;
            limb[k] = (uint32_t)(x % 1000000000u);
            carry = x / 1000000000u;
        }
        while (carry) {
            limb[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    AstBuf b = {0};
    ast_buf_printf(&b, "%u", limb[nl - 1]);
    for (size_t k = nl - 1; k-- > 0;)
        ast_buf_printf(&b, "%09u", limb[k]);
    free(limb);
    bool ok = b.s && set_decimal(lx, t, b.s, b.len);
    free(b.s);
    return ok;
}

/* The rest of a float after the integer digits in d: '.' digits
 * [e [+-] digits]. */
static LexStatus scan_fraction(Lexer *lx, Token *t, Digits *d)
{
    skip1(lx); /* . */
    if (!digits_push(d, '.') || !read_digits(lx, d, 10))
        return oom(lx);
    int nb;
    int32_t c = cur(lx, &nb);
    bool bad = false;
    if (c == 'e' || c == 'E') {
        advance(lx, c, nb);
        if (!digits_push(d, 'e'))
            return oom(lx);
        c = cur(lx, &nb);
        if (c == '+' || c == '-') {
            advance(lx, c, nb);
            if (!digits_push(d, (char)c))
                return oom(lx);
        }
        size_t before = d->n;
        if (!read_digits(lx, d, 10))
            return oom(lx);
        bad = d->n == before;
    }
    double f = bad ? 0 : strtod(d->s, NULL);
    t->kind = TOK_FLOAT;
    t->u.f = f;
    if (bad || isinf(f))
        return error_at(lx, t->line, t->col, "illegal float");
    return LEX_FORM;
}

/* Base#Digits after the base's digits in d; the '#' is current. */
static LexStatus scan_based(Lexer *lx, Token *t, Digits *d)
{
    const char *s = d->s;
    while (s[0] == '0' && s[1])
        s++;
    long base = strlen(s) <= 3 ? strtol(s, NULL, 10) : 1000;
    if (base < 2 || base > 36) {
        AstBuf b = {0};
        ast_buf_printf(&b, "illegal base '%s'", s);
        const char *msg = b.s ? ast_strndup(lx->arena, b.s, b.len) : NULL;
        free(b.s);
        return error_at(lx, t->line, t->col, msg ? msg : "illegal base"); /* resume at the '#' */
    }
    skip1(lx);
    d->n = 0;
    if (!read_digits(lx, d, (int)base))
        return oom(lx);
    if (d->n == 0 || d->n > MAX_BASED_DIGITS)
        return error_at(lx, t->line, t->col, "illegal integer");
    bool ok = base == 10 ? set_decimal(lx, t, d->s, d->n) : set_based(lx, t, d->s, d->n, (int)base);
    return ok ? LEX_FORM : oom(lx);
}

static LexStatus scan_number(Lexer *lx, Token *t)
{
    Digits d = {0};
    LexStatus r;
    int nb;
    if (!read_digits(lx, &d, 10))
        r = oom(lx);
    else if (cur(lx, &nb) == '.' && is_digit(next_cp(lx)))
        r = scan_fraction(lx, t, &d);
    else if (cur(lx, &nb) == '#')
        r = scan_based(lx, t, &d);
    else
        r = set_decimal(lx, t, d.s, d.n) ? LEX_FORM : oom(lx);
    free(d.s);
    return r;
}

/* ---- punctuation */

/* Tries the spelling s at the current position. */
static bool looking_at(const Lexer *lx, const char *s)
{
    size_t n = strlen(s);
    return lx->len - lx->pos >= n && memcmp(lx->src + lx->pos, s, n) == 0;
}

static const Spelling symbols[] = {
    /* longest first where one spelling begins another */
    {"=:=", TOK_EXEQ},  {"=/=", TOK_EXNE}, {"...", TOK_DOTDOTDOT}, {"..", TOK_DOTDOT},
    {"?=", TOK_QMARKEQ}, {"<<", TOK_LTLT},  {"<-", TOK_LARROW},     {"<=", TOK_LDARROW},
    {">>", TOK_GTGT},   {">=", TOK_GE},    {"->", TOK_ARROW},       {"--", TOK_MINUSMINUS},
    {"++", TOK_PLUSPLUS}, {"=<", TOK_LE},  {"=>", TOK_DARROW},      {"==", TOK_EQEQ},
    {"/=", TOK_NE},     {"||", TOK_BARBAR}, {":=", TOK_COLONEQ},    {"::", TOK_COLONCOLON},
    {"(", TOK_LPAREN},  {")", TOK_RPAREN}, {"{", TOK_LBRACE},       {"}", TOK_RBRACE},
    {"[", TOK_LBRACK},  {"]", TOK_RBRACK}, {",", TOK_COMMA},        {";", TOK_SEMI},
    {":", TOK_COLON},   {"|", TOK_BAR},    {"-", TOK_MINUS},        {"+", TOK_PLUS},
    {"*", TOK_STAR},    {"/", TOK_SLASH},  {"=", TOK_EQ},           {"<", TOK_LT},
    {">", TOK_GT},      {"!", TOK_BANG},   {"?", TOK_QMARK},        {"#", TOK_HASH},
};

/* '.', '..', '...' or the form-ending dot. */
static void scan_dot(Lexer *lx, Token *t)
{
    if (looking_at(lx, "...")) {
        lx->pos += 3, lx->col += 3;
        t->kind = TOK_DOTDOTDOT;
        return;
    }
    if (looking_at(lx, "..")) {
        lx->pos += 2, lx->col += 2;
        t->kind = TOK_DOTDOT;
        return;
    }
    skip1(lx);
    int nb;
    int32_t c = cur(lx, &nb);
    if (c == CP_EOF || c == '%' || is_white(c)) {
        t->kind = TOK_DOT;
        if (c >= 0 && c != '%')
            advance(lx, c, nb);
    } else {
        t->kind = TOK_PERIOD;
    }
}

static bool scan_symbol(Lexer *lx, Token *t)
{
    for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++) {
        if (looking_at(lx, symbols[i].text)) {
            size_t n = strlen(symbols[i].text);
            lx->pos += n;
            lx->col += (int)n;
            t->kind = symbols[i].kind;
            return true;
        }
    }
    return false;
}

/* ---- the scanner */

/* Skips a % comment; the position is on the '%'. */
static LexStatus skip_comment(Lexer *lx)
{
    int line = lx->line, col = lx->col;
    for (;;) {
        int nb;
        int32_t c = cur(lx, &nb);
        if (c == CP_EOF || c == '\n')
            return LEX_FORM;
        if (c == CP_BAD)
            return fatal_here(lx);
        advance(lx, c, nb);
        if (!is_valid_char(c))
            return error_at(lx, line, col, "illegal character");
    }
}

/* One token at the current (non-blank) position. */
static LexStatus scan_token(Lexer *lx, Token *t, int32_t c, int nb)
{
    if (is_upper_start(c))
        return scan_name(lx, t, true);
    if (is_lower_start(c))
        return scan_name(lx, t, false);
    if (is_digit(c))
        return scan_number(lx, t);
    switch (c) {
    case '"': return scan_string(lx, t);
    case '\'': return scan_qatom(lx, t);
    case '$': return scan_char(lx, t);
    case '.': scan_dot(lx, t); return LEX_FORM;
    default: break;
    }
    if (scan_symbol(lx, t))
        return LEX_FORM;
    advance(lx, c, nb);
    if (c <= 0xFF) {
        t->kind = TOK_OTHER;
        t->u.ch = (uint32_t)c;
        return LEX_FORM;
    }
    return error_at(lx, t->line, t->col, "illegal character");
}

LexStatus lex_form(Lexer *lx, TokVec *out)
{
    out->n = 0;
    if (lx->oom)
        return LEX_EOF;
    for (;;) {
        int nb;
        int32_t c = cur(lx, &nb);
        if (c == CP_EOF)
            return out->n ? LEX_PARTIAL : LEX_EOF;
        if (c == CP_BAD) {
            out->n = 0;
            return fatal_here(lx);
        }
        if (is_white(c)) {
            advance(lx, c, nb);
            continue;
        }
        LexStatus r;
        if (c == '%') {
            r = skip_comment(lx);
        } else {
            Token t;
            memset(&t, 0, sizeof t);
            t.line = lx->line;
            t.col = lx->col;
            r = scan_token(lx, &t, c, nb);
            if (r == LEX_FORM && !tokvec_push(out, &t))
                r = oom(lx);
            if (r == LEX_FORM && t.kind == TOK_DOT)
                return LEX_FORM;
        }
        if (r != LEX_FORM) {
            out->n = 0;
            return r;
        }
    }
}

/* ---- writing tokens */

void lex_token_text(AstBuf *b, const Token *t)
{
    switch (t->kind) {
    case TOK_END: break;
    case TOK_DOT: ast_buf_puts(b, "'.'"); break;
    case TOK_ATOM: ast_buf_atom(b, t->u.name.s, t->u.name.len); break;
    case TOK_VAR: ast_buf_puts(b, t->u.name.s); break;
    case TOK_INT:
        if (t->u.i.big)
            ast_buf_puts(b, t->u.i.big);
        else
            ast_buf_printf(b, "%lld", (long long)t->u.i.v);
        break;
    case TOK_CHAR: ast_buf_char(b, (uint32_t)t->u.i.v); break;
    case TOK_FLOAT: ast_buf_float(b, t->u.f); break;
    case TOK_STRING: ast_buf_string(b, t->u.str.chars, t->u.str.len); break;
    case TOK_OTHER: {
        AstBuf c = {0};
        ast_buf_utf8(&c, t->u.ch);
        ast_buf_atom(b, c.s, c.len);
        free(c.s);
        break;
    }
    default: {
        const char *s = lex_kind_text((TokKind)t->kind);
        ast_buf_atom(b, s, strlen(s));
        break;
    }
    }
}

void lex_token_src(AstBuf *b, const Token *t)
{
    switch (t->kind) {
    case TOK_DOT: ast_buf_putc(b, '.'); break;
    case TOK_VAR: ast_buf_puts(b, t->u.name.s); break;
    case TOK_OTHER: ast_buf_utf8(b, t->u.ch); break;
    case TOK_ATOM:
    case TOK_INT:
    case TOK_CHAR:
    case TOK_FLOAT:
    case TOK_STRING:
    case TOK_END: lex_token_text(b, t); break;
    default: ast_buf_puts(b, lex_kind_text((TokKind)t->kind)); break;
    }
}

void lex_token_symbol(AstBuf *b, const Token *t)
{
    switch (t->kind) {
    case TOK_DOT: ast_buf_puts(b, "dot"); break;
    case TOK_CHAR: ast_buf_printf(b, "%lld", (long long)t->u.i.v); break;
    default: lex_token_text(b, t); break;
    }
}
