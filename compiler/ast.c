/* ast.c - the syntax tree's arena, Erlang-style writing of atoms, strings
 * and floats, and a printer that writes a tree back as Erlang-like text
 * (for tests and debugging). */
#include "ast.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- arena */

typedef struct Chunk {
    struct Chunk *next;
    size_t size, used;
    /* data follows, 16-byte aligned */
} Chunk;

struct AstArena {
    Chunk *head;
    size_t total;
};

#define CHUNK_HDR ((sizeof(Chunk) + 15) & ~(size_t)15)
#define CHUNK_MIN ((size_t)64 * 1024)

AstArena *ast_arena_new(void)
{
    return calloc(1, sizeof(AstArena));
}

void ast_arena_free(AstArena *a)
{
    if (!a)
        return;
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *ast_alloc(AstArena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    Chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t want = size > CHUNK_MIN / 4 ? size : CHUNK_MIN;
        Chunk *n = malloc(CHUNK_HDR + want);
        if (!n)
            return NULL;
        n->size = want;
        n->used = 0;
        if (c && want != CHUNK_MIN) {
            /* a big block: keep filling the current chunk afterwards */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    void *p = (char *)c + CHUNK_HDR + c->used;
    c->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *ast_strndup(AstArena *a, const char *s, size_t len)
{
    char *p = ast_alloc(a, len + 1);
    if (p && len)
        memcpy(p, s, len);
    return p;
}

size_t ast_arena_used(const AstArena *a)
{
    return a->total;
}

/* ---- text buffer */

/* Makes room for `more` bytes and a NUL; false when memory runs out (the
 * text is then cut short rather than the program stopped). */
static bool buf_grow(AstBuf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 128;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s)
        return false;
    b->s = s;
    b->cap = cap;
    return true;
}

void ast_buf_put(AstBuf *b, const char *s, size_t n)
{
    if (!buf_grow(b, n))
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void ast_buf_putc(AstBuf *b, char c)
{
    ast_buf_put(b, &c, 1);
}

void ast_buf_puts(AstBuf *b, const char *s)
{
    ast_buf_put(b, s, strlen(s));
}

void ast_buf_vprintf(AstBuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n >= 0 && (size_t)n < sizeof tmp) {
        ast_buf_put(b, tmp, (size_t)n);
    } else if (n >= 0 && buf_grow(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void ast_buf_printf(AstBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ast_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void ast_buf_utf8(AstBuf *b, uint32_t c)
{
    uint8_t t[4];
    ast_buf_put(b, (const char *)t, utf8_encode(c, t));
}

/* ---- Erlang's way of writing atoms, strings, characters, floats */

static const char *const reserved_words[] = {
    "after", "and",  "andalso", "band", "begin",   "bnot", "bor", "bsl", "bsr",
    "bxor",  "case", "catch",   "cond", "div",     "end",  "fun", "if",  "let",
    "not",   "of",   "or",      "orelse", "receive", "rem", "try", "when", "xor",
};

bool ast_is_reserved_word(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof reserved_words / sizeof *reserved_words; i++)
        if (strlen(reserved_words[i]) == len && memcmp(reserved_words[i], name, len) == 0)
            return true;
    return false;
}

static bool is_lower(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

static bool is_name_char(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '@' || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

bool ast_atom_is_plain(const char *name, size_t len)
{
    if (len == 0)
        return false;
    size_t i = 0;
    uint32_t c = utf8_next((const uint8_t *)name, len, &i);
    if (!is_lower(c))
        return false;
    while (i < len) {
        c = utf8_next((const uint8_t *)name, len, &i);
        if (!is_name_char(c))
            return false;
    }
    return !ast_is_reserved_word(name, len);
}

/* One character inside quotes q, escaped as io_lib does. */
static void put_escaped(AstBuf *b, uint32_t c, char q)
{
    switch (c) {
    case '\n': ast_buf_puts(b, "\\n"); return;
    case '\r': ast_buf_puts(b, "\\r"); return;
    case '\t': ast_buf_puts(b, "\\t"); return;
    case '\v': ast_buf_puts(b, "\\v"); return;
    case '\b': ast_buf_puts(b, "\\b"); return;
    case '\f': ast_buf_puts(b, "\\f"); return;
    case 27: ast_buf_puts(b, "\\e"); return;
    case 127: ast_buf_puts(b, "\\d"); return;
    case '\\': ast_buf_puts(b, "\\\\"); return;
    default: break;
    }
    if (c == (uint32_t)q) {
        ast_buf_putc(b, '\\');
        ast_buf_putc(b, q);
    } else if (c < 32 || (c >= 128 && c < 160)) {
        ast_buf_printf(b, "\\%03o", c);
    } else if (c > 255) {
        ast_buf_printf(b, "\\x{%X}", c);
    } else {
        ast_buf_utf8(b, c);
    }
}

void ast_buf_atom(AstBuf *b, const char *name, size_t len)
{
    if (ast_atom_is_plain(name, len)) {
        ast_buf_put(b, name, len);
        return;
    }
    ast_buf_putc(b, '\'');
    size_t i = 0;
    while (i < len)
        put_escaped(b, utf8_next((const uint8_t *)name, len, &i), '\'');
    ast_buf_putc(b, '\'');
}

void ast_buf_quoted(AstBuf *b, const uint32_t *chars, size_t n, char q)
{
    ast_buf_putc(b, q);
    for (size_t i = 0; i < n; i++)
        put_escaped(b, chars[i], q);
    ast_buf_putc(b, q);
}

void ast_buf_string(AstBuf *b, const uint32_t *chars, size_t n)
{
    ast_buf_quoted(b, chars, n, '"');
}

void ast_buf_char(AstBuf *b, uint32_t c)
{
    ast_buf_putc(b, '$');
    if (c == ' ')
        ast_buf_puts(b, "\\s");
    else
        put_escaped(b, c, '"');
}

/* The fewest significant digits (into digits, no dot) that read back as
 * f, and the decimal exponent of the first one; sets *neg. */
static int shortest_digits(double f, char *digits, int *exp10, bool *neg)
{
    char tmp[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, f);
        if (strtod(tmp, NULL) == f)
            break;
    }
    /* tmp: [-]D[.DDD]e[+-]XX */
    int nd = 0;
    const char *p = tmp;
    *neg = *p == '-';
    if (*neg)
        p++;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    *exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    return nd;
}

/* Erlang prints a float with the fewest significant digits that read back
 * as the same double, in plain or scientific notation, whichever is
 * shorter (plain when they tie): 0.1, 100.0, 1234567.0, 1.0e10, 1.0e-5. */
void ast_buf_float(AstBuf *b, double f)
{
    if (isnan(f) || isinf(f)) {
        ast_buf_puts(b, isnan(f) ? "nan" : f > 0 ? "inf" : "-inf");
        return;
    }
    char digits[32], sci[64];
    int exp10;
    bool neg;
    int nd = shortest_digits(f, digits, &exp10, &neg);
    int ns = snprintf(sci, sizeof sci, "%c.%.*se%d", digits[0], nd > 1 ? nd - 1 : 1, nd > 1 ? digits + 1 : "0",
                      exp10);
    /* plain: only when it can be as short, so at most ~25 characters */
    AstBuf plain = {0};
    if (exp10 >= 0 && exp10 < ns) {
        for (int i = 0; i <= exp10; i++)
            ast_buf_putc(&plain, i < nd ? digits[i] : '0');
        ast_buf_putc(&plain, '.');
        if (exp10 + 1 >= nd)
            ast_buf_putc(&plain, '0');
        else
            ast_buf_put(&plain, digits + exp10 + 1, (size_t)(nd - exp10 - 1));
    } else if (exp10 < 0 && -exp10 < ns) {
        ast_buf_puts(&plain, "0.");
        for (int i = 0; i < -exp10 - 1; i++)
            ast_buf_putc(&plain, '0');
        ast_buf_put(&plain, digits, (size_t)nd);
    }
    if (neg)
        ast_buf_putc(b, '-');
    if (plain.s && plain.len <= (size_t)ns)
        ast_buf_put(b, plain.s, plain.len);
    else
        ast_buf_put(b, sci, (size_t)ns);
    free(plain.s);
}

/* ---- names */

static const char *const op_names[AST_OP_COUNT] = {
    [AST_OP_SEND] = "!",       [AST_OP_ORELSE] = "orelse", [AST_OP_ANDALSO] = "andalso",
    [AST_OP_EQ] = "==",        [AST_OP_NE] = "/=",         [AST_OP_LE] = "=<",
    [AST_OP_LT] = "<",         [AST_OP_GE] = ">=",         [AST_OP_GT] = ">",
    [AST_OP_EXACT_EQ] = "=:=", [AST_OP_EXACT_NE] = "=/=",  [AST_OP_APPEND] = "++",
    [AST_OP_SUBTRACT] = "--",  [AST_OP_ADD] = "+",         [AST_OP_SUB] = "-",
    [AST_OP_BOR] = "bor",      [AST_OP_BXOR] = "bxor",     [AST_OP_BSL] = "bsl",
    [AST_OP_BSR] = "bsr",      [AST_OP_OR] = "or",         [AST_OP_XOR] = "xor",
    [AST_OP_MUL] = "*",        [AST_OP_FDIV] = "/",        [AST_OP_DIV] = "div",
    [AST_OP_REM] = "rem",      [AST_OP_BAND] = "band",     [AST_OP_AND] = "and",
    [AST_OP_NEG] = "-",        [AST_OP_PLUS] = "+",        [AST_OP_BNOT] = "bnot",
    [AST_OP_NOT] = "not",
};

const char *ast_op_name(AstOp op)
{
    return (unsigned)op < AST_OP_COUNT ? op_names[op] : "?";
}

static const char *const kind_names[AST_KIND_COUNT] = {
    [AST_INT] = "int",          [AST_FLOAT] = "float",     [AST_ATOM] = "atom",
    [AST_STRING] = "string",    [AST_NIL] = "nil",         [AST_VAR] = "var",
    [AST_TUPLE] = "tuple",      [AST_LIST] = "list",       [AST_BIN] = "bin",
    [AST_MATCH] = "match",      [AST_BINOP] = "binop",     [AST_UNOP] = "unop",
    [AST_CALL] = "call",        [AST_REMOTE] = "remote",   [AST_FUN_REF] = "fun_ref",
    [AST_FUN] = "fun",          [AST_CASE] = "case",       [AST_IF] = "if",
    [AST_RECEIVE] = "receive",  [AST_TRY] = "try",         [AST_CATCH] = "catch",
    [AST_BLOCK] = "block",      [AST_LC] = "lc",           [AST_BC] = "bc",
    [AST_RECORD] = "record",    [AST_RECORD_FIELD] = "record_field",
    [AST_RECORD_INDEX] = "record_index",
};

const char *ast_kind_name(AstKind k)
{
    return (unsigned)k < AST_KIND_COUNT ? kind_names[k] : "?";
}

/* ---- first position */

static void min_pos(int *line, int *col, int l, int c)
{
    if (l < *line || (l == *line && c < *col)) {
        *line = l;
        *col = c;
    }
}

static void first_pos_list(const AstExprList *l, int *line, int *col);

/* Only the node kinds that can appear in terms are descended into (this is
 * used on attribute values); others contribute their own position. */
static void first_pos_rec(const AstExpr *e, int *line, int *col)
{
    min_pos(line, col, e->line, e->col);
    switch (e->kind) {
    case AST_TUPLE: first_pos_list(&e->u.tuple.elems, line, col); break;
    case AST_LIST:
        first_pos_list(&e->u.list.elems, line, col);
        first_pos_rec(e->u.list.tail, line, col);
        break;
    case AST_BINOP:
        first_pos_rec(e->u.binop.lhs, line, col);
        first_pos_rec(e->u.binop.rhs, line, col);
        break;
    case AST_UNOP: first_pos_rec(e->u.unop.arg, line, col); break;
    case AST_MATCH:
        first_pos_rec(e->u.match.pat, line, col);
        first_pos_rec(e->u.match.expr, line, col);
        break;
    case AST_CALL:
        if (e->u.call.mod)
            first_pos_rec(e->u.call.mod, line, col);
        first_pos_rec(e->u.call.fun, line, col);
        break;
    case AST_REMOTE: first_pos_rec(e->u.remote.mod, line, col); break;
    case AST_RECORD:
        if (e->u.record.base)
            first_pos_rec(e->u.record.base, line, col);
        break;
    case AST_RECORD_FIELD: first_pos_rec(e->u.rfield.base, line, col); break;
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++)
            first_pos_rec(e->u.bin.segs[i].value, line, col);
        break;
    default: break;
    }
}

static void first_pos_list(const AstExprList *l, int *line, int *col)
{
    for (int i = 0; i < l->n; i++)
        first_pos_rec(l->items[i], line, col);
}

void ast_first_pos(const AstExpr *e, int *line, int *col)
{
    *line = e->line;
    *col = e->col;
    first_pos_rec(e, line, col);
}

/* ---- printer */

static void print_list(AstBuf *b, const AstExprList *l, const char *sep)
{
    for (int i = 0; i < l->n; i++) {
        if (i)
            ast_buf_puts(b, sep);
        ast_print_expr(b, l->items[i]);
    }
}

static void print_guard(AstBuf *b, const AstGuard *g)
{
    if (g->n == 0)
        return;
    ast_buf_puts(b, " when ");
    for (int i = 0; i < g->n; i++) {
        if (i)
            ast_buf_puts(b, "; ");
        print_list(b, &g->alts[i], ", ");
    }
}

/* A clause: `name(Pats) when G -> Body`; name NULL prints the patterns
 * bare (case clauses), "" prints `(Pats)` (anonymous fun clauses). */
void ast_print_clause(AstBuf *b, const AstClause *c, const char *name)
{
    if (name) {
        ast_buf_puts(b, name);
        ast_buf_putc(b, '(');
        print_list(b, &c->pats, ", ");
        ast_buf_putc(b, ')');
    } else {
        print_list(b, &c->pats, ", ");
    }
    if (c->pats.n == 0 && !name) {
        /* an if clause: the guard is the head */
        for (int i = 0; i < c->guard.n; i++) {
            if (i)
                ast_buf_puts(b, "; ");
            print_list(b, &c->guard.alts[i], ", ");
        }
    } else {
        print_guard(b, &c->guard);
    }
    ast_buf_puts(b, " -> ");
    print_list(b, &c->body, ", ");
}

static void print_clauses(AstBuf *b, const AstClause *cs, int n, const char *name)
{
    for (int i = 0; i < n; i++) {
        if (i)
            ast_buf_puts(b, "; ");
        ast_print_clause(b, &cs[i], name);
    }
}

static void print_catch_clause(AstBuf *b, const AstClause *c)
{
    /* Class:Reason:Stack, shortened as it was probably written */
    const AstExpr *cls = c->pats.items[0], *st = c->pats.items[2];
    bool default_class = cls->kind == AST_ATOM && strcmp(cls->u.atom.name, "throw") == 0;
    bool default_stack = st->kind == AST_VAR && strcmp(st->u.var.name, "_") == 0;
    if (!default_class || !default_stack) {
        ast_print_expr(b, cls);
        ast_buf_putc(b, ':');
    }
    ast_print_expr(b, c->pats.items[1]);
    if (!default_stack) {
        ast_buf_putc(b, ':');
        ast_print_expr(b, st);
    }
    print_guard(b, &c->guard);
    ast_buf_puts(b, " -> ");
    print_list(b, &c->body, ", ");
}

static void print_quals(AstBuf *b, const AstQual *q, int n)
{
    for (int i = 0; i < n; i++) {
        ast_buf_puts(b, i ? ", " : " || ");
        if (q[i].kind == AST_QUAL_FILTER) {
            ast_print_expr(b, q[i].expr);
            continue;
        }
        ast_print_expr(b, q[i].pat);
        ast_buf_puts(b, q[i].kind == AST_QUAL_GEN ? " <- " : " <= ");
        ast_print_expr(b, q[i].expr);
    }
}

static void print_bin(AstBuf *b, const AstExpr *e)
{
    ast_buf_puts(b, "<<");
    for (int i = 0; i < e->u.bin.nsegs; i++) {
        const AstBinSeg *s = &e->u.bin.segs[i];
        if (i)
            ast_buf_puts(b, ", ");
        ast_print_expr(b, s->value);
        if (s->size) {
            ast_buf_putc(b, ':');
            ast_print_expr(b, s->size);
        }
        for (int k = 0; k < s->ntypes; k++) {
            ast_buf_putc(b, k ? '-' : '/');
            ast_buf_puts(b, s->types[k].name);
            if (s->types[k].has_value)
                ast_buf_printf(b, ":%lld", (long long)s->types[k].value);
        }
    }
    ast_buf_puts(b, ">>");
}

static void print_atom_str(AstBuf *b, const char *s)
{
    ast_buf_atom(b, s, strlen(s));
}

static void print_record(AstBuf *b, const AstExpr *e)
{
    if (e->u.record.base)
        ast_print_expr(b, e->u.record.base);
    ast_buf_putc(b, '#');
    print_atom_str(b, e->u.record.name);
    ast_buf_putc(b, '{');
    for (int i = 0; i < e->u.record.nfields; i++) {
        const AstFieldInit *f = &e->u.record.fields[i];
        if (i)
            ast_buf_puts(b, ", ");
        if (f->is_var)
            ast_buf_puts(b, f->name);
        else
            print_atom_str(b, f->name);
        ast_buf_puts(b, " = ");
        ast_print_expr(b, f->value);
    }
    ast_buf_putc(b, '}');
}

/* A fun or call target printed bare when it is simple, else in parens. */
static void print_callee(AstBuf *b, const AstExpr *e)
{
    bool bare = e->kind == AST_ATOM || e->kind == AST_VAR;
    if (!bare)
        ast_buf_putc(b, '(');
    ast_print_expr(b, e);
    if (!bare)
        ast_buf_putc(b, ')');
}

static void print_int(AstBuf *b, const AstExpr *e)
{
    if (e->u.int_.big)
        ast_buf_puts(b, e->u.int_.big);
    else if (e->u.int_.is_char && e->u.int_.value >= 0 && e->u.int_.value <= 0x10FFFF)
        ast_buf_char(b, (uint32_t)e->u.int_.value);
    else
        ast_buf_printf(b, "%lld", (long long)e->u.int_.value);
}

static void print_try(AstBuf *b, const AstExpr *e)
{
    ast_buf_puts(b, "try ");
    print_list(b, &e->u.try_.body, ", ");
    if (e->u.try_.nof) {
        ast_buf_puts(b, " of ");
        print_clauses(b, e->u.try_.of, e->u.try_.nof, NULL);
    }
    if (e->u.try_.ncatches) {
        ast_buf_puts(b, " catch ");
        for (int i = 0; i < e->u.try_.ncatches; i++) {
            if (i)
                ast_buf_puts(b, "; ");
            print_catch_clause(b, &e->u.try_.catches[i]);
        }
    }
    if (e->u.try_.after.n) {
        ast_buf_puts(b, " after ");
        print_list(b, &e->u.try_.after, ", ");
    }
    ast_buf_puts(b, " end");
}

static void print_receive(AstBuf *b, const AstExpr *e)
{
    ast_buf_puts(b, "receive");
    if (e->u.receive.nclauses) {
        ast_buf_putc(b, ' ');
        print_clauses(b, e->u.receive.clauses, e->u.receive.nclauses, NULL);
    }
    if (e->u.receive.after) {
        ast_buf_puts(b, " after ");
        ast_print_expr(b, e->u.receive.after);
        ast_buf_puts(b, " -> ");
        print_list(b, &e->u.receive.after_body, ", ");
    }
    ast_buf_puts(b, " end");
}

static void print_fun(AstBuf *b, const AstExpr *e)
{
    ast_buf_puts(b, "fun ");
    const char *name = e->u.fun.name ? e->u.fun.name : "";
    print_clauses(b, e->u.fun.clauses, e->u.fun.nclauses, name);
    ast_buf_puts(b, " end");
}

static void print_fun_ref(AstBuf *b, const AstExpr *e)
{
    ast_buf_puts(b, "fun ");
    if (e->u.fun_ref.mod) {
        ast_print_expr(b, e->u.fun_ref.mod);
        ast_buf_putc(b, ':');
    }
    ast_print_expr(b, e->u.fun_ref.fun);
    ast_buf_putc(b, '/');
    ast_print_expr(b, e->u.fun_ref.arity);
}

static void print_list_expr(AstBuf *b, const AstExpr *e)
{
    ast_buf_putc(b, '[');
    print_list(b, &e->u.list.elems, ", ");
    if (e->u.list.tail->kind != AST_NIL) {
        ast_buf_puts(b, " | ");
        ast_print_expr(b, e->u.list.tail);
    }
    ast_buf_putc(b, ']');
}

static void print_call(AstBuf *b, const AstExpr *e)
{
    if (e->u.call.mod) {
        print_callee(b, e->u.call.mod);
        ast_buf_putc(b, ':');
    }
    print_callee(b, e->u.call.fun);
    ast_buf_putc(b, '(');
    print_list(b, &e->u.call.args, ", ");
    ast_buf_putc(b, ')');
}

void ast_print_expr(AstBuf *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: print_int(b, e); break;
    case AST_FLOAT: ast_buf_float(b, e->u.float_.value); break;
    case AST_ATOM: ast_buf_atom(b, e->u.atom.name, e->u.atom.len); break;
    case AST_STRING: ast_buf_string(b, e->u.str.chars, e->u.str.len); break;
    case AST_NIL: ast_buf_puts(b, "[]"); break;
    case AST_VAR: ast_buf_puts(b, e->u.var.name); break;
    case AST_TUPLE:
        ast_buf_putc(b, '{');
        print_list(b, &e->u.tuple.elems, ", ");
        ast_buf_putc(b, '}');
        break;
    case AST_LIST: print_list_expr(b, e); break;
    case AST_BIN: print_bin(b, e); break;
    case AST_MATCH:
        ast_buf_putc(b, '(');
        ast_print_expr(b, e->u.match.pat);
        ast_buf_puts(b, " = ");
        ast_print_expr(b, e->u.match.expr);
        ast_buf_putc(b, ')');
        break;
    case AST_BINOP:
        ast_buf_putc(b, '(');
        ast_print_expr(b, e->u.binop.lhs);
        ast_buf_printf(b, " %s ", ast_op_name(e->u.binop.op));
        ast_print_expr(b, e->u.binop.rhs);
        ast_buf_putc(b, ')');
        break;
    case AST_UNOP:
        ast_buf_putc(b, '(');
        ast_buf_puts(b, ast_op_name(e->u.unop.op));
        if (e->u.unop.op == AST_OP_NOT || e->u.unop.op == AST_OP_BNOT)
            ast_buf_putc(b, ' ');
        ast_print_expr(b, e->u.unop.arg);
        ast_buf_putc(b, ')');
        break;
    case AST_CALL: print_call(b, e); break;
    case AST_REMOTE:
        ast_print_expr(b, e->u.remote.mod);
        ast_buf_putc(b, ':');
        ast_print_expr(b, e->u.remote.fun);
        break;
    case AST_FUN_REF: print_fun_ref(b, e); break;
    case AST_FUN: print_fun(b, e); break;
    case AST_CASE:
        ast_buf_puts(b, "case ");
        ast_print_expr(b, e->u.case_.expr);
        ast_buf_puts(b, " of ");
        print_clauses(b, e->u.case_.clauses, e->u.case_.nclauses, NULL);
        ast_buf_puts(b, " end");
        break;
    case AST_IF:
        ast_buf_puts(b, "if ");
        print_clauses(b, e->u.if_.clauses, e->u.if_.nclauses, NULL);
        ast_buf_puts(b, " end");
        break;
    case AST_RECEIVE: print_receive(b, e); break;
    case AST_TRY: print_try(b, e); break;
    case AST_CATCH:
        ast_buf_puts(b, "(catch ");
        ast_print_expr(b, e->u.catch_.expr);
        ast_buf_putc(b, ')');
        break;
    case AST_BLOCK:
        ast_buf_puts(b, "begin ");
        print_list(b, &e->u.block.body, ", ");
        ast_buf_puts(b, " end");
        break;
    case AST_LC:
    case AST_BC:
        ast_buf_puts(b, e->kind == AST_LC ? "[" : "<<");
        ast_print_expr(b, e->u.comp.templ);
        print_quals(b, e->u.comp.quals, e->u.comp.nquals);
        ast_buf_puts(b, e->kind == AST_LC ? "]" : ">>");
        break;
    case AST_RECORD: print_record(b, e); break;
    case AST_RECORD_FIELD:
        ast_print_expr(b, e->u.rfield.base);
        ast_buf_putc(b, '#');
        print_atom_str(b, e->u.rfield.name);
        ast_buf_putc(b, '.');
        print_atom_str(b, e->u.rfield.field);
        break;
    case AST_RECORD_INDEX:
        ast_buf_putc(b, '#');
        print_atom_str(b, e->u.rindex.name);
        ast_buf_putc(b, '.');
        print_atom_str(b, e->u.rindex.field);
        break;
    default: ast_buf_puts(b, "<?>"); break;
    }
}

static void print_fun_names(AstBuf *b, const AstFunName *fs, int n)
{
    ast_buf_putc(b, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            ast_buf_puts(b, ", ");
        print_atom_str(b, fs[i].name);
        ast_buf_printf(b, "/%d", fs[i].arity);
    }
    ast_buf_putc(b, ']');
}

static void print_record_decl(AstBuf *b, const AstForm *f)
{
    ast_buf_puts(b, "-record(");
    print_atom_str(b, f->u.record.name);
    ast_buf_puts(b, ", {");
    for (int i = 0; i < f->u.record.nfields; i++) {
        const AstFieldDecl *d = &f->u.record.fields[i];
        if (i)
            ast_buf_puts(b, ", ");
        print_atom_str(b, d->name);
        if (d->init) {
            ast_buf_puts(b, " = ");
            ast_print_expr(b, d->init);
        }
        if (d->typed)
            ast_buf_puts(b, " :: _");
    }
    ast_buf_puts(b, "}).");
}

void ast_print_form(AstBuf *b, const AstForm *f)
{
    switch (f->kind) {
    case AST_FORM_MODULE:
        ast_buf_puts(b, "-module(");
        print_atom_str(b, f->u.module.name);
        ast_buf_puts(b, ").");
        break;
    case AST_FORM_EXPORT:
        ast_buf_puts(b, "-export(");
        print_fun_names(b, f->u.export_.funs, f->u.export_.n);
        ast_buf_puts(b, ").");
        break;
    case AST_FORM_IMPORT:
        ast_buf_puts(b, "-import(");
        print_atom_str(b, f->u.import.module);
        ast_buf_puts(b, ", ");
        print_fun_names(b, f->u.import.funs, f->u.import.n);
        ast_buf_puts(b, ").");
        break;
    case AST_FORM_RECORD: print_record_decl(b, f); break;
    case AST_FORM_FUNCTION: {
        AstBuf name = {0};
        print_atom_str(&name, f->u.function.name);
        print_clauses(b, f->u.function.clauses, f->u.function.nclauses, name.s);
        free(name.s);
        ast_buf_putc(b, '.');
        break;
    }
    case AST_FORM_ATTRIBUTE:
        ast_buf_putc(b, '-');
        print_atom_str(b, f->u.attribute.name);
        ast_buf_putc(b, '(');
        ast_print_expr(b, f->u.attribute.value);
        ast_buf_puts(b, ").");
        break;
    }
}

char *ast_unit_to_string(const CompUnit *u)
{
    AstBuf b = {0};
    ast_buf_puts(&b, "");
    for (int i = 0; i < u->nforms; i++) {
        ast_print_form(&b, &u->forms[i]);
        ast_buf_putc(&b, '\n');
    }
    return b.s;
}
