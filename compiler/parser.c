/* parser.c - a recursive-descent parser for OTP 25's erl_parse grammar,
 * building the tree of ast.h, and front_parse(), which drives the
 * preprocessor and the parser over a whole module.
 *
 * The grammar is erl_parse's, with its operator precedences: catch (0) <
 * = ! (100, right) < orelse (150, right) < andalso (160, right) <
 * comparisons (200, non-associative) < ++ -- (300, right) < + - bor bxor
 * bsl bsr or xor (400, left) < * / div rem band and (500, left) < unary
 * + - bnot not (600) < # (record) < : (remote). Function heads, try-catch
 * patterns and their parenthesised parts use the pattern sub-grammar
 * (pat_expr); case, receive and comprehension patterns are full
 * expressions, as in erl_parse, and are checked by a later pass.
 *
 * A syntax error is reported at the first token that cannot continue the
 * form, which is where yecc's LALR parser stops too, so the messages match
 * erlc's. The error unwinds to the form's start with longjmp (all memory
 * is in the arena), and parsing resumes with the next form. */
#include "parser.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    AstArena *a;
    Diag *d;
    const Token *t; /* the form's tokens; the last is a DOT or an END */
    int n, i;
    int depth;
    jmp_buf fail;
} Parser;

/* ---- errors and tokens */

static _Noreturn void fail_at(Parser *p, int line, int col, const char *msg)
{
    diag_error(p->d, line, col, "%s", msg);
    longjmp(p->fail, 1);
}

static const Token *cur(const Parser *p)
{
    return &p->t[p->i];
}

static TokKind kind(const Parser *p)
{
    return (TokKind)p->t[p->i].kind;
}

static TokKind kind_at(const Parser *p, int ahead)
{
    int j = p->i + ahead;
    return (TokKind)p->t[j < p->n ? j : p->n - 1].kind;
}

/* "syntax error before: X" at the current token. */
static _Noreturn void syntax_error(Parser *p)
{
    AstBuf b = {0};
    ast_buf_puts(&b, "syntax error before: ");
    lex_token_text(&b, cur(p));
    const Token *t = cur(p);
    diag_error(p->d, t->line, t->col, "%s", b.s ? b.s : "syntax error");
    free(b.s);
    longjmp(p->fail, 1);
}

static const Token *advance(Parser *p)
{
    const Token *t = &p->t[p->i];
    if (p->i < p->n - 1)
        p->i++;
    return t;
}

static const Token *expect(Parser *p, TokKind k)
{
    if (kind(p) != k)
        syntax_error(p);
    return advance(p);
}

static bool accept(Parser *p, TokKind k)
{
    if (kind(p) != k)
        return false;
    advance(p);
    return true;
}

static void enter(Parser *p)
{
    if (++p->depth > FRONT_MAX_DEPTH) {
        const Token *t = cur(p);
        diag_error(p->d, t->line, t->col, "nesting too deep (more than %d levels)", FRONT_MAX_DEPTH);
        longjmp(p->fail, 1);
    }
}

static void leave(Parser *p)
{
    p->depth--;
}

/* ---- allocation */

static void *xalloc(Parser *p, size_t size)
{
    void *m = ast_alloc(p->a, size);
    if (!m) {
        const Token *t = cur(p);
        fail_at(p, t->line, t->col, "out of memory");
    }
    return m;
}

/* A growable array in the arena (outgrown blocks are left behind: at most
 * as much again as the final size). */
typedef struct {
    void *v;
    int n, cap;
    size_t sz;
} Vec;

static void *vec_push(Parser *p, Vec *vec)
{
    if (vec->n == vec->cap) {
        int cap = vec->cap ? vec->cap * 2 : 4;
        void *v = xalloc(p, (size_t)cap * vec->sz);
        if (vec->n)
            memcpy(v, vec->v, (size_t)vec->n * vec->sz);
        vec->v = v;
        vec->cap = cap;
    }
    return (char *)vec->v + (size_t)vec->n++ * vec->sz;
}

static void list_push(Parser *p, Vec *vec, AstExpr *e)
{
    *(AstExpr **)vec_push(p, vec) = e;
}

static AstExprList to_list(const Vec *vec)
{
    return (AstExprList){(AstExpr **)vec->v, vec->n};
}

static AstExpr *node(Parser *p, AstKind k, int line, int col)
{
    AstExpr *e = xalloc(p, sizeof *e);
    e->kind = k;
    e->line = line;
    e->col = col;
    return e;
}

static AstExpr *node_at(Parser *p, AstKind k, const Token *t)
{
    return node(p, k, t->line, t->col);
}

/* ---- operators */

typedef struct {
    TokKind tok;
    AstOp op;
    int prec;
    char assoc; /* 'l', 'r', 'n' */
    bool in_pat;
} BinOp;

/* AST_OP_COUNT stands for the match operator '='. */
static const BinOp binops[] = {
    {TOK_EQ, AST_OP_COUNT, 100, 'r', true},       {TOK_BANG, AST_OP_SEND, 100, 'r', false},
    {TOK_ORELSE, AST_OP_ORELSE, 150, 'r', false}, {TOK_ANDALSO, AST_OP_ANDALSO, 160, 'r', false},
    {TOK_EQEQ, AST_OP_EQ, 200, 'n', true},        {TOK_NE, AST_OP_NE, 200, 'n', true},
    {TOK_LE, AST_OP_LE, 200, 'n', true},          {TOK_LT, AST_OP_LT, 200, 'n', true},
    {TOK_GE, AST_OP_GE, 200, 'n', true},          {TOK_GT, AST_OP_GT, 200, 'n', true},
    {TOK_EXEQ, AST_OP_EXACT_EQ, 200, 'n', true},  {TOK_EXNE, AST_OP_EXACT_NE, 200, 'n', true},
    {TOK_PLUSPLUS, AST_OP_APPEND, 300, 'r', true}, {TOK_MINUSMINUS, AST_OP_SUBTRACT, 300, 'r', true},
    {TOK_PLUS, AST_OP_ADD, 400, 'l', true},       {TOK_MINUS, AST_OP_SUB, 400, 'l', true},
    {TOK_BOR, AST_OP_BOR, 400, 'l', true},        {TOK_BXOR, AST_OP_BXOR, 400, 'l', true},
    {TOK_BSL, AST_OP_BSL, 400, 'l', true},        {TOK_BSR, AST_OP_BSR, 400, 'l', true},
    {TOK_OR, AST_OP_OR, 400, 'l', true},          {TOK_XOR, AST_OP_XOR, 400, 'l', true},
    {TOK_STAR, AST_OP_MUL, 500, 'l', true},       {TOK_SLASH, AST_OP_FDIV, 500, 'l', true},
    {TOK_DIV, AST_OP_DIV, 500, 'l', true},        {TOK_REM, AST_OP_REM, 500, 'l', true},
    {TOK_BAND, AST_OP_BAND, 500, 'l', true},      {TOK_AND, AST_OP_AND, 500, 'l', true},
};

static const BinOp *binop_of(const Parser *p, bool pat)
{
    TokKind k = kind(p);
    for (size_t i = 0; i < sizeof binops / sizeof *binops; i++)
        if (binops[i].tok == k)
            return (pat && !binops[i].in_pat) ? NULL : &binops[i];
    return NULL;
}

static bool is_prefix_op(TokKind k)
{
    return k == TOK_PLUS || k == TOK_MINUS || k == TOK_BNOT || k == TOK_NOT;
}

static AstOp prefix_op(TokKind k)
{
    switch (k) {
    case TOK_PLUS: return AST_OP_PLUS;
    case TOK_MINUS: return AST_OP_NEG;
    case TOK_BNOT: return AST_OP_BNOT;
    default: return AST_OP_NOT;
    }
}

/* -N and +N on a number literal become the literal. */
static AstExpr *make_unop(Parser *p, const Token *optok, AstExpr *arg)
{
    AstOp op = prefix_op((TokKind)optok->kind);
    if ((op == AST_OP_NEG || op == AST_OP_PLUS) && (arg->kind == AST_INT || arg->kind == AST_FLOAT)) {
        arg->line = optok->line;
        arg->col = optok->col;
        if (arg->kind == AST_INT)
            arg->u.int_.is_char = false;
        if (op == AST_OP_PLUS)
            return arg;
        if (arg->kind == AST_FLOAT) {
            arg->u.float_.value = -arg->u.float_.value;
        } else if (arg->u.int_.big) {
            const char *s = arg->u.int_.big;
            if (s[0] == '-') {
                arg->u.int_.big = s + 1;
            } else if (strcmp(s, "9223372036854775808") == 0) {
                arg->u.int_.big = NULL;
                arg->u.int_.value = INT64_MIN;
            } else {
                size_t n = strlen(s);
                char *m = xalloc(p, n + 2);
                m[0] = '-';
                memcpy(m + 1, s, n + 1);
                arg->u.int_.big = m;
            }
        } else if (arg->u.int_.value == INT64_MIN) {
            arg->u.int_.big = "9223372036854775808";
        } else {
            arg->u.int_.value = -arg->u.int_.value;
        }
        return arg;
    }
    AstExpr *e = node_at(p, AST_UNOP, optok);
    e->u.unop.op = op;
    e->u.unop.arg = arg;
    return e;
}

/* ---- expressions */

static AstExpr *parse_expr(Parser *p);
static AstExpr *parse_pat(Parser *p);
static AstExpr *parse_max(Parser *p);
static AstExpr *parse_unary(Parser *p, bool pat);
static AstExpr *parse_pat_max(Parser *p);
static AstExprList parse_exprs(Parser *p);
static void parse_clause_tail(Parser *p, AstClause *c);

/* Can the token follow an expression somewhere in the grammar (erl_parse's
 * FOLLOW(expr), operators aside)? */
static bool follows_expr(TokKind k)
{
    switch (k) {
    case TOK_COMMA:
    case TOK_SEMI:
    case TOK_RPAREN:
    case TOK_RBRACK:
    case TOK_RBRACE:
    case TOK_GTGT:
    case TOK_ARROW:
    case TOK_WHEN:
    case TOK_OF:
    case TOK_KEND:
    case TOK_AFTER:
    case TOK_CATCH:
    case TOK_BARBAR:
    case TOK_BAR:
    case TOK_COLONCOLON:
    case TOK_DOT:
    case TOK_DARROW:
    case TOK_COLONEQ:
    case TOK_QMARKEQ:
    case TOK_LARROW: return true;
    default: return false;
    }
}

/* The operator loop of precedence climbing, from a parsed left operand.
 * Each operator of a chain counts one level of nesting. */
static AstExpr *binary_from(Parser *p, AstExpr *lhs, int minprec, bool pat)
{
    int extra = 0;
    const BinOp *op;
    while ((op = binop_of(p, pat)) != NULL && op->prec >= minprec) {
        const Token *optok = advance(p);
        enter(p);
        extra++;
        AstExpr *rhs = parse_unary(p, pat);
        rhs = binary_from(p, rhs, op->assoc == 'l' || op->assoc == 'n' ? op->prec + 1 : op->prec, pat);
        AstExpr *e;
        if (op->op == AST_OP_COUNT) {
            int l, c;
            ast_first_pos(lhs, &l, &c);
            e = node(p, AST_MATCH, l, c);
            e->u.match.pat = lhs;
            e->u.match.expr = rhs;
        } else {
            e = node_at(p, AST_BINOP, optok);
            e->u.binop.op = op->op;
            e->u.binop.lhs = lhs;
            e->u.binop.rhs = rhs;
        }
        lhs = e;
        if (op->assoc == 'n') {
            const BinOp *next = binop_of(p, pat);
            if (next && next->prec == op->prec)
                syntax_error(p);
            /* yecc's state after a comparison has no default reduction:
             * a token that can follow no expression is an error at once,
             * before the checks of an enclosing attribute or function */
            if (!next && !pat && !follows_expr(kind(p)))
                syntax_error(p);
        }
    }
    p->depth -= extra;
    return lhs;
}

static AstExpr *parse_binary(Parser *p, int minprec, bool pat)
{
    enter(p);
    AstExpr *e = binary_from(p, parse_unary(p, pat), minprec, pat);
    leave(p);
    return e;
}

static AstExpr *parse_expr(Parser *p)
{
    return parse_binary(p, 0, false);
}

static AstExpr *parse_pat(Parser *p)
{
    return parse_binary(p, 0, true);
}

static AstExprList parse_exprs(Parser *p)
{
    Vec v = {.sz = sizeof(AstExpr *)};
    list_push(p, &v, parse_expr(p));
    while (accept(p, TOK_COMMA))
        list_push(p, &v, parse_expr(p));
    return to_list(&v);
}

static AstExprList parse_pats(Parser *p)
{
    Vec v = {.sz = sizeof(AstExpr *)};
    list_push(p, &v, parse_pat(p));
    while (accept(p, TOK_COMMA))
        list_push(p, &v, parse_pat(p));
    return to_list(&v);
}

/* '(' [exprs] ')' */
static AstExprList parse_args(Parser *p, bool pat)
{
    expect(p, TOK_LPAREN);
    if (accept(p, TOK_RPAREN))
        return (AstExprList){NULL, 0};
    AstExprList l = pat ? parse_pats(p) : parse_exprs(p);
    expect(p, TOK_RPAREN);
    return l;
}

/* ---- records */

static const char *atom_name(Parser *p)
{
    if (kind(p) != TOK_ATOM)
        syntax_error(p);
    return advance(p)->u.name.s;
}

/* '{' [f = E, ...] '}' after #name */
static void parse_record_fields(Parser *p, AstExpr *e)
{
    expect(p, TOK_LBRACE);
    Vec v = {.sz = sizeof(AstFieldInit)};
    if (!accept(p, TOK_RBRACE)) {
        do {
            TokKind k = kind(p);
            if (k != TOK_ATOM && k != TOK_VAR)
                syntax_error(p);
            const Token *ft = advance(p);
            expect(p, TOK_EQ);
            AstFieldInit *f = vec_push(p, &v);
            f->name = ft->u.name.s;
            f->line = ft->line;
            f->col = ft->col;
            f->is_var = k == TOK_VAR;
            f->value = parse_expr(p);
        } while (accept(p, TOK_COMMA));
        expect(p, TOK_RBRACE);
    }
    e->u.record.fields = v.v;
    e->u.record.nfields = v.n;
}

/* '#' Name '.' Field | '#' Name '{' ... '}', with an optional base
 * (Base#...); '#{' is a map, which the subset does not have. */
static AstExpr *parse_record(Parser *p, AstExpr *base)
{
    const Token *hash = advance(p);
    if (kind(p) == TOK_LBRACE)
        fail_at(p, hash->line, hash->col, "maps are not supported");
    const char *name = atom_name(p);
    if (accept(p, TOK_PERIOD)) {
        if (kind(p) != TOK_ATOM)
            syntax_error(p);
        const Token *ft = advance(p);
        AstExpr *e;
        if (base) {
            e = node_at(p, AST_RECORD_FIELD, hash);
            e->u.rfield.base = base;
            e->u.rfield.name = name;
            e->u.rfield.field = ft->u.name.s;
            e->u.rfield.field_line = ft->line;
            e->u.rfield.field_col = ft->col;
        } else {
            e = node_at(p, AST_RECORD_INDEX, hash);
            e->u.rindex.name = name;
            e->u.rindex.field = ft->u.name.s;
            e->u.rindex.field_line = ft->line;
            e->u.rindex.field_col = ft->col;
        }
        return e;
    }
    if (kind(p) != TOK_LBRACE)
        syntax_error(p);
    AstExpr *e = node_at(p, AST_RECORD, hash);
    e->u.record.base = base;
    e->u.record.name = name;
    parse_record_fields(p, e);
    return e;
}

/* ---- calls and postfix forms */

/* What may follow an expr_max: ':' (remote), an argument list, or a chain
 * of record operations. */
static AstExpr *postfix_from(Parser *p, AstExpr *e)
{
    if (kind(p) == TOK_COLON) {
        const Token *colon = advance(p);
        AstExpr *f = parse_max(p);
        if (kind(p) == TOK_LPAREN) {
            AstExpr *c = node(p, AST_CALL, e->line, e->col);
            c->u.call.mod = e;
            c->u.call.fun = f;
            c->u.call.args = parse_args(p, false);
            ast_first_pos(e, &c->line, &c->col);
            return c;
        }
        AstExpr *r = node_at(p, AST_REMOTE, colon);
        r->u.remote.mod = e;
        r->u.remote.fun = f;
        return r;
    }
    if (kind(p) == TOK_LPAREN) {
        AstExpr *c = node(p, AST_CALL, e->line, e->col);
        c->u.call.fun = e;
        c->u.call.args = parse_args(p, false);
        ast_first_pos(e, &c->line, &c->col);
        return c;
    }
    int extra = 0;
    while (kind(p) == TOK_HASH) {
        enter(p);
        extra++;
        e = parse_record(p, e);
    }
    p->depth -= extra;
    return e;
}

static AstExpr *parse_postfix(Parser *p)
{
    if (kind(p) == TOK_HASH) {
        AstExpr *e = parse_record(p, NULL);
        int extra = 0;
        while (kind(p) == TOK_HASH) {
            enter(p);
            extra++;
            e = parse_record(p, e);
        }
        p->depth -= extra;
        return e;
    }
    return postfix_from(p, parse_max(p));
}

static AstExpr *parse_unary(Parser *p, bool pat)
{
    TokKind k = kind(p);
    if (k == TOK_CATCH && !pat) {
        const Token *t = advance(p);
        AstExpr *e = node_at(p, AST_CATCH, t);
        e->u.catch_.expr = parse_expr(p);
        return e;
    }
    if (is_prefix_op(k)) {
        const Token *t = advance(p);
        enter(p);
        AstExpr *arg = parse_unary(p, pat);
        leave(p);
        return make_unop(p, t, arg);
    }
    if (pat) {
        if (k == TOK_HASH)
            return parse_record(p, NULL);
        switch (k) {
        case TOK_VAR:
        case TOK_CHAR:
        case TOK_INT:
        case TOK_FLOAT:
        case TOK_ATOM:
        case TOK_STRING:
        case TOK_LBRACK:
        case TOK_LTLT:
        case TOK_LBRACE:
        case TOK_LPAREN: break;
        default: syntax_error(p);
        }
        return parse_pat_max(p);
    }
    return parse_postfix(p);
}

/* ---- expr_max */

static AstExpr *parse_string(Parser *p)
{
    const Token *first = cur(p);
    size_t len = 0;
    int j = p->i;
    while (p->t[j].kind == TOK_STRING)
        len += p->t[j++].u.str.len;
    AstExpr *e = node_at(p, AST_STRING, first);
    if (j == p->i + 1) {
        e->u.str.chars = first->u.str.chars;
        e->u.str.len = first->u.str.len;
        advance(p);
        return e;
    }
    uint32_t *chars = xalloc(p, (len + 1) * sizeof *chars);
    size_t k = 0;
    while (kind(p) == TOK_STRING) {
        const Token *t = advance(p);
        if (t->u.str.len)
            memcpy(chars + k, t->u.str.chars, t->u.str.len * sizeof *chars);
        k += t->u.str.len;
    }
    e->u.str.chars = chars;
    e->u.str.len = len;
    return e;
}

static AstExpr *parse_atomic(Parser *p)
{
    const Token *t = cur(p);
    AstExpr *e;
    switch (kind(p)) {
    case TOK_INT:
    case TOK_CHAR:
        e = node_at(p, AST_INT, t);
        e->u.int_.value = t->u.i.v;
        e->u.int_.big = t->kind == TOK_INT ? t->u.i.big : NULL;
        e->u.int_.is_char = t->kind == TOK_CHAR;
        break;
    case TOK_FLOAT:
        e = node_at(p, AST_FLOAT, t);
        e->u.float_.value = t->u.f;
        break;
    case TOK_ATOM:
        e = node_at(p, AST_ATOM, t);
        e->u.atom.name = t->u.name.s;
        e->u.atom.len = t->u.name.len;
        break;
    case TOK_STRING: return parse_string(p);
    default: syntax_error(p);
    }
    advance(p);
    return e;
}

/* Qualifiers of a comprehension, up to (not including) the closer. */
static void parse_quals(Parser *p, AstExpr *e)
{
    Vec v = {.sz = sizeof(AstQual)};
    do {
        AstExpr *x = parse_expr(p);
        AstQual *q = vec_push(p, &v);
        const Token *prev = &p->t[p->i > 0 ? p->i - 1 : 0];
        if (kind(p) == TOK_LARROW) {
            const Token *op = advance(p);
            q->kind = AST_QUAL_GEN;
            q->line = op->line;
            q->col = op->col;
            q->pat = x;
            q->expr = parse_expr(p);
        } else if (kind(p) == TOK_LDARROW && x->kind == AST_BIN && prev->kind == TOK_GTGT) {
            const Token *op = advance(p);
            q->kind = AST_QUAL_BINGEN;
            q->line = op->line;
            q->col = op->col;
            q->pat = x;
            q->expr = parse_expr(p);
        } else {
            q->kind = AST_QUAL_FILTER;
            ast_first_pos(x, &q->line, &q->col);
            q->expr = x;
        }
    } while (accept(p, TOK_COMMA));
    e->u.comp.quals = v.v;
    e->u.comp.nquals = v.n;
}

/* '[' ... ']': [], a list, or (when allowed) a list comprehension. */
static AstExpr *parse_list(Parser *p, bool allow_lc)
{
    const Token *lb = advance(p);
    if (kind(p) == TOK_RBRACK) {
        advance(p);
        return node_at(p, AST_NIL, lb);
    }
    AstExpr *first = parse_expr(p);
    if (allow_lc && kind(p) == TOK_BARBAR) {
        advance(p);
        AstExpr *e = node_at(p, AST_LC, lb);
        e->u.comp.templ = first;
        parse_quals(p, e);
        expect(p, TOK_RBRACK);
        return e;
    }
    Vec v = {.sz = sizeof(AstExpr *)};
    list_push(p, &v, first);
    AstExpr *e = node_at(p, AST_LIST, lb);
    for (;;) {
        if (accept(p, TOK_COMMA)) {
            list_push(p, &v, parse_expr(p));
        } else if (accept(p, TOK_BAR)) {
            AstExpr *tail = parse_expr(p);
            expect(p, TOK_RBRACK);
            if (tail->kind == AST_LIST) {
                /* [a | [b | T]] is [a, b | T], as erl_parse's conses */
                for (int i = 0; i < tail->u.list.elems.n; i++)
                    list_push(p, &v, tail->u.list.elems.items[i]);
                tail = tail->u.list.tail;
            }
            e->u.list.tail = tail;
            break;
        } else if (kind(p) == TOK_RBRACK) {
            e->u.list.tail = node_at(p, AST_NIL, advance(p));
            break;
        } else {
            syntax_error(p);
        }
    }
    e->u.list.elems = to_list(&v);
    return e;
}

/* One segment Value[:Size][/Type-Type...]; value is the already parsed
 * expr_max (or NULL). */
static void parse_segment(Parser *p, AstBinSeg *s, AstExpr *value)
{
    if (!value) {
        if (is_prefix_op(kind(p))) {
            const Token *t = advance(p);
            value = make_unop(p, t, parse_max(p));
        } else {
            value = parse_max(p);
        }
    }
    s->value = value;
    ast_first_pos(value, &s->line, &s->col);
    if (accept(p, TOK_COLON))
        s->size = parse_max(p);
    if (accept(p, TOK_SLASH)) {
        Vec v = {.sz = sizeof(AstBinType)};
        do {
            if (kind(p) != TOK_ATOM)
                syntax_error(p);
            const Token *t = advance(p);
            AstBinType *bt = vec_push(p, &v);
            bt->name = t->u.name.s;
            bt->line = t->line;
            bt->col = t->col;
            if (accept(p, TOK_COLON)) {
                if (kind(p) != TOK_INT)
                    syntax_error(p);
                const Token *it = advance(p);
                bt->has_value = true;
                bt->value = it->u.i.big ? INT64_MAX : it->u.i.v;
            }
        } while (accept(p, TOK_MINUS));
        s->types = v.v;
        s->ntypes = v.n;
    }
}

/* '<<' ... '>>': a binary or (when allowed) a binary comprehension. */
static AstExpr *parse_bin(Parser *p, bool allow_bc)
{
    const Token *lt = advance(p);
    AstExpr *e = node_at(p, AST_BIN, lt);
    if (accept(p, TOK_GTGT))
        return e;
    AstExpr *first = NULL;
    if (!is_prefix_op(kind(p))) {
        first = parse_max(p);
        if (allow_bc && kind(p) == TOK_BARBAR) {
            advance(p);
            e->kind = AST_BC;
            e->u.comp.templ = first;
            parse_quals(p, e);
            expect(p, TOK_GTGT);
            return e;
        }
    }
    Vec v = {.sz = sizeof(AstBinSeg)};
    parse_segment(p, vec_push(p, &v), first);
    while (accept(p, TOK_COMMA))
        parse_segment(p, vec_push(p, &v), NULL);
    expect(p, TOK_GTGT);
    e->u.bin.segs = v.v;
    e->u.bin.nsegs = v.n;
    return e;
}

static AstExpr *parse_tuple(Parser *p)
{
    const Token *lb = advance(p);
    AstExpr *e = node_at(p, AST_TUPLE, lb);
    if (!accept(p, TOK_RBRACE)) {
        e->u.tuple.elems = parse_exprs(p);
        expect(p, TOK_RBRACE);
    }
    return e;
}

/* 'when' Guard: alternatives separated by ';', tests by ','. */
static AstGuard parse_guard(Parser *p)
{
    Vec v = {.sz = sizeof(AstExprList)};
    do {
        *(AstExprList *)vec_push(p, &v) = parse_exprs(p);
    } while (accept(p, TOK_SEMI));
    return (AstGuard){v.v, v.n};
}

/* [when Guard] -> Body */
static void parse_clause_tail(Parser *p, AstClause *c)
{
    if (accept(p, TOK_WHEN))
        c->guard = parse_guard(p);
    expect(p, TOK_ARROW);
    c->body = parse_exprs(p);
}

/* cr_clauses: Pattern [when Guard] -> Body; ... (patterns are exprs) */
static void parse_cr_clauses(Parser *p, AstClause **out, int *n)
{
    Vec v = {.sz = sizeof(AstClause)};
    do {
        AstClause *c = vec_push(p, &v);
        AstExpr *pat = parse_expr(p);
        ast_first_pos(pat, &c->line, &c->col);
        AstExpr **pats = xalloc(p, sizeof *pats);
        pats[0] = pat;
        c->pats = (AstExprList){pats, 1};
        parse_clause_tail(p, c);
    } while (accept(p, TOK_SEMI));
    *out = v.v;
    *n = v.n;
}

static AstExpr *parse_if(Parser *p)
{
    AstExpr *e = node_at(p, AST_IF, advance(p));
    Vec v = {.sz = sizeof(AstClause)};
    do {
        AstClause *c = vec_push(p, &v);
        c->line = cur(p)->line;
        c->col = cur(p)->col;
        c->guard = parse_guard(p);
        ast_first_pos(c->guard.alts[0].items[0], &c->line, &c->col);
        expect(p, TOK_ARROW);
        c->body = parse_exprs(p);
    } while (accept(p, TOK_SEMI));
    expect(p, TOK_KEND);
    e->u.if_.clauses = v.v;
    e->u.if_.nclauses = v.n;
    return e;
}

static AstExpr *parse_case(Parser *p)
{
    AstExpr *e = node_at(p, AST_CASE, advance(p));
    e->u.case_.expr = parse_expr(p);
    expect(p, TOK_OF);
    parse_cr_clauses(p, &e->u.case_.clauses, &e->u.case_.nclauses);
    expect(p, TOK_KEND);
    return e;
}

static AstExpr *parse_receive(Parser *p)
{
    AstExpr *e = node_at(p, AST_RECEIVE, advance(p));
    if (kind(p) != TOK_AFTER)
        parse_cr_clauses(p, &e->u.receive.clauses, &e->u.receive.nclauses);
    if (accept(p, TOK_AFTER)) {
        e->u.receive.after = parse_expr(p);
        expect(p, TOK_ARROW);
        e->u.receive.after_body = parse_exprs(p);
    }
    expect(p, TOK_KEND);
    return e;
}

/* Class:Reason[:Stack] [when G] -> Body, or Reason [when G] -> Body. */
static void parse_catch_clause(Parser *p, AstClause *c)
{
    AstExpr *cls = NULL, *reason, *stack = NULL;
    TokKind k = kind(p);
    if ((k == TOK_ATOM || k == TOK_VAR) && kind_at(p, 1) == TOK_COLON) {
        const Token *ct = advance(p);
        cls = node_at(p, k == TOK_ATOM ? AST_ATOM : AST_VAR, ct);
        if (k == TOK_ATOM) {
            cls->u.atom.name = ct->u.name.s;
            cls->u.atom.len = ct->u.name.len;
        } else {
            cls->u.var.name = ct->u.name.s;
        }
        advance(p);
        c->line = ct->line;
        c->col = ct->col;
        reason = parse_pat(p);
        if (accept(p, TOK_COLON)) {
            if (kind(p) != TOK_VAR)
                syntax_error(p);
            const Token *st = advance(p);
            stack = node_at(p, AST_VAR, st);
            stack->u.var.name = st->u.name.s;
        }
    } else {
        reason = parse_pat(p);
        ast_first_pos(reason, &c->line, &c->col);
        cls = node(p, AST_ATOM, c->line, c->col);
        cls->u.atom.name = "throw";
        cls->u.atom.len = 5;
    }
    if (!stack) {
        stack = node(p, AST_VAR, c->line, c->col);
        stack->u.var.name = "_";
    }
    AstExpr **pats = xalloc(p, 3 * sizeof *pats);
    pats[0] = cls;
    pats[1] = reason;
    pats[2] = stack;
    c->pats = (AstExprList){pats, 3};
    parse_clause_tail(p, c);
}

static AstExpr *parse_try(Parser *p)
{
    AstExpr *e = node_at(p, AST_TRY, advance(p));
    e->u.try_.body = parse_exprs(p);
    if (accept(p, TOK_OF))
        parse_cr_clauses(p, &e->u.try_.of, &e->u.try_.nof);
    if (accept(p, TOK_CATCH)) {
        Vec v = {.sz = sizeof(AstClause)};
        do {
            parse_catch_clause(p, vec_push(p, &v));
        } while (accept(p, TOK_SEMI));
        e->u.try_.catches = v.v;
        e->u.try_.ncatches = v.n;
        if (accept(p, TOK_AFTER))
            e->u.try_.after = parse_exprs(p);
    } else if (accept(p, TOK_AFTER)) {
        e->u.try_.after = parse_exprs(p);
    } else {
        syntax_error(p);
    }
    expect(p, TOK_KEND);
    return e;
}

/* An atom or variable operand of fun M:F/A. */
static AstExpr *atom_or_var(Parser *p, bool allow_int)
{
    const Token *t = cur(p);
    AstExpr *e;
    if (t->kind == TOK_ATOM && !allow_int) {
        e = node_at(p, AST_ATOM, t);
        e->u.atom.name = t->u.name.s;
        e->u.atom.len = t->u.name.len;
    } else if (t->kind == TOK_INT && allow_int) {
        e = node_at(p, AST_INT, t);
        e->u.int_.value = t->u.i.v;
        e->u.int_.big = t->u.i.big;
    } else if (t->kind == TOK_VAR) {
        e = node_at(p, AST_VAR, t);
        e->u.var.name = t->u.name.s;
    } else {
        syntax_error(p);
    }
    advance(p);
    return e;
}

/* fun clauses up to 'end'; all must have the first one's name and arity
 * (erl_parse's build_fun: "head mismatch"). */
static void parse_fun_clauses(Parser *p, AstExpr *e)
{
    Vec v = {.sz = sizeof(AstClause)};
    Vec names = {.sz = sizeof(const char *)};
    do {
        AstClause *c = vec_push(p, &v);
        const char **name = vec_push(p, &names);
        const Token *t = cur(p);
        c->line = t->line;
        c->col = t->col;
        if (kind(p) == TOK_VAR) {
            *name = t->u.name.s;
            advance(p);
        } else if (kind(p) != TOK_LPAREN) {
            syntax_error(p);
        }
        c->pats = parse_args(p, true);
        parse_clause_tail(p, c);
    } while (accept(p, TOK_SEMI));
    expect(p, TOK_KEND);
    AstClause *cs = v.v;
    const char **ns = names.v;
    for (int i = 1; i < v.n; i++) {
        bool same_name = (!ns[0] && !ns[i]) || (ns[0] && ns[i] && strcmp(ns[0], ns[i]) == 0);
        if (!same_name || cs[i].pats.n != cs[0].pats.n)
            fail_at(p, cs[i].line, cs[i].col, "head mismatch");
    }
    e->u.fun.name = ns[0];
    e->u.fun.clauses = cs;
    e->u.fun.nclauses = v.n;
}

static AstExpr *parse_fun(Parser *p)
{
    const Token *ft = advance(p);
    TokKind k = kind(p), k1 = kind_at(p, 1);
    if (k == TOK_ATOM && k1 == TOK_SLASH) {
        AstExpr *e = node_at(p, AST_FUN_REF, ft);
        e->u.fun_ref.fun = atom_or_var(p, false);
        advance(p);
        if (kind(p) != TOK_INT)
            syntax_error(p);
        e->u.fun_ref.arity = atom_or_var(p, true);
        return e;
    }
    if ((k == TOK_ATOM || k == TOK_VAR) && k1 == TOK_COLON) {
        AstExpr *e = node_at(p, AST_FUN_REF, ft);
        e->u.fun_ref.mod = atom_or_var(p, false);
        advance(p);
        e->u.fun_ref.fun = atom_or_var(p, false);
        expect(p, TOK_SLASH);
        e->u.fun_ref.arity = atom_or_var(p, true);
        return e;
    }
    if (k == TOK_ATOM) {
        advance(p);
        syntax_error(p);
    }
    if (k == TOK_VAR && k1 != TOK_LPAREN) {
        advance(p);
        syntax_error(p);
    }
    if (k != TOK_VAR && k != TOK_LPAREN)
        syntax_error(p);
    AstExpr *e = node_at(p, AST_FUN, ft);
    parse_fun_clauses(p, e);
    return e;
}

static AstExpr *parse_max(Parser *p)
{
    const Token *t = cur(p);
    AstExpr *e;
    switch (kind(p)) {
    case TOK_VAR:
        e = node_at(p, AST_VAR, t);
        e->u.var.name = t->u.name.s;
        advance(p);
        break;
    case TOK_CHAR:
    case TOK_INT:
    case TOK_FLOAT:
    case TOK_ATOM:
    case TOK_STRING: e = parse_atomic(p); break;
    case TOK_LBRACK: e = parse_list(p, true); break;
    case TOK_LTLT: e = parse_bin(p, true); break;
    case TOK_LBRACE: e = parse_tuple(p); break;
    case TOK_LPAREN:
        advance(p);
        e = parse_expr(p);
        expect(p, TOK_RPAREN);
        break;
    case TOK_BEGIN:
        advance(p);
        e = node_at(p, AST_BLOCK, t);
        e->u.block.body = parse_exprs(p);
        expect(p, TOK_KEND);
        break;
    case TOK_IF: e = parse_if(p); break;
    case TOK_CASE: e = parse_case(p); break;
    case TOK_RECEIVE: e = parse_receive(p); break;
    case TOK_FUN: e = parse_fun(p); break;
    case TOK_TRY: e = parse_try(p); break;
    default: syntax_error(p);
    }
    return e;
}

/* pat_expr_max in patterns: lists, binaries and tuples hold full
 * expressions (as in erl_parse), but no comprehensions. */
static AstExpr *parse_pat_max(Parser *p)
{
    AstExpr *e;
    switch (kind(p)) {
    case TOK_LBRACK: e = parse_list(p, false); break;
    case TOK_LTLT: e = parse_bin(p, false); break;
    case TOK_LPAREN:
        advance(p);
        e = parse_pat(p);
        expect(p, TOK_RPAREN);
        break;
    default: e = parse_max(p); break;
    }
    return e;
}

static _Noreturn void fail_first(Parser *p, AstExpr *e, const char *msg)
{
    int l, c;
    ast_first_pos(e, &l, &c);
    fail_at(p, l, c, msg);
}

/* ---- types (checked, not kept)
 *
 * The type language of -spec, -callback, -type, -opaque and typed record
 * fields, as erl_parse has it: top_type is `Var :: top_type`,
 * `type | top_type` or `type`; type operators are '..' (200,
 * non-associative), the additive (400) and multiplicative (500) operators
 * and the prefix ones (600). Its own few checks ("bad type variable",
 * "unsupported constraint", "Bad binary type") are made too. */

static void parse_top_type(Parser *p);

static void parse_top_types(Parser *p)
{
    parse_top_type(p);
    while (accept(p, TOK_COMMA))
        parse_top_type(p);
}

static int type_binop_prec(TokKind k)
{
    switch (k) {
    case TOK_DOTDOT: return 200;
    case TOK_PLUS:
    case TOK_MINUS:
    case TOK_BOR:
    case TOK_BXOR:
    case TOK_BSL:
    case TOK_BSR:
    case TOK_OR:
    case TOK_XOR: return 400;
    case TOK_STAR:
    case TOK_SLASH:
    case TOK_DIV:
    case TOK_REM:
    case TOK_BAND:
    case TOK_AND: return 500;
    default: return 0;
    }
}

/* Can the token follow a type (FOLLOW(type), operators aside)? */
static bool follows_type(TokKind k)
{
    switch (k) {
    case TOK_BAR:
    case TOK_COMMA:
    case TOK_RPAREN:
    case TOK_RBRACK:
    case TOK_RBRACE:
    case TOK_GTGT:
    case TOK_DOT:
    case TOK_SEMI:
    case TOK_WHEN:
    case TOK_DARROW:
    case TOK_COLONEQ: return true;
    default: return false;
    }
}

/* '(' ['...' | top_types] ')' '->' top_type; the '(' is current. */
static void parse_fun_type(Parser *p)
{
    expect(p, TOK_LPAREN);
    if (accept(p, TOK_DOTDOTDOT)) {
        expect(p, TOK_RPAREN);
    } else if (!accept(p, TOK_RPAREN)) {
        parse_top_types(p);
        expect(p, TOK_RPAREN);
    }
    expect(p, TOK_ARROW);
    parse_top_type(p);
}

/* A binary type's variables must be `_` (checked, as erl_parse does,
 * once the type after them is parsed). */
static void check_binary_type_var(Parser *p, const Token *v)
{
    if (strcmp(v->u.name.s, "_") != 0)
        fail_at(p, v->line, v->col, "Bad binary type");
}

static void parse_type(Parser *p, int minprec);

/* <<>>, <<_:B>>, <<_:_*U>>, <<_:B, _:_*U>>; the '<<' is current. */
static void parse_binary_type(Parser *p)
{
    advance(p);
    if (accept(p, TOK_GTGT))
        return;
    const Token *v1 = expect(p, TOK_VAR);
    expect(p, TOK_COLON);
    if (kind(p) == TOK_VAR && kind_at(p, 1) == TOK_STAR) {
        /* bin_unit_type */
        const Token *v2 = advance(p);
        advance(p);
        parse_type(p, 0);
        check_binary_type_var(p, v1);
        check_binary_type_var(p, v2);
        expect(p, TOK_GTGT);
        return;
    }
    parse_type(p, 0);
    check_binary_type_var(p, v1);
    if (accept(p, TOK_COMMA)) {
        const Token *v3 = expect(p, TOK_VAR);
        expect(p, TOK_COLON);
        const Token *v4 = expect(p, TOK_VAR);
        expect(p, TOK_STAR);
        parse_type(p, 0);
        check_binary_type_var(p, v3);
        check_binary_type_var(p, v4);
    }
    expect(p, TOK_GTGT);
}

/* '#' '{' [T => T | T := T, ...] '}' or '#' Name '{' [F :: T, ...] '}' */
static void parse_hash_type(Parser *p)
{
    advance(p);
    if (accept(p, TOK_LBRACE)) {
        if (accept(p, TOK_RBRACE))
            return;
        do {
            parse_top_type(p);
            if (!accept(p, TOK_DARROW) && !accept(p, TOK_COLONEQ))
                syntax_error(p);
            parse_top_type(p);
        } while (accept(p, TOK_COMMA));
        expect(p, TOK_RBRACE);
        return;
    }
    expect(p, TOK_ATOM);
    expect(p, TOK_LBRACE);
    if (accept(p, TOK_RBRACE))
        return;
    do {
        expect(p, TOK_ATOM);
        expect(p, TOK_COLONCOLON);
        parse_top_type(p);
    } while (accept(p, TOK_COMMA));
    expect(p, TOK_RBRACE);
}

static void parse_type_primary(Parser *p)
{
    switch (kind(p)) {
    case TOK_LPAREN:
        advance(p);
        parse_top_type(p);
        expect(p, TOK_RPAREN);
        break;
    case TOK_VAR:
    case TOK_INT:
    case TOK_CHAR: advance(p); break;
    case TOK_ATOM:
        advance(p);
        if (accept(p, TOK_COLON)) {
            expect(p, TOK_ATOM);
            if (kind(p) != TOK_LPAREN)
                syntax_error(p);
        }
        if (accept(p, TOK_LPAREN) && !accept(p, TOK_RPAREN)) {
            parse_top_types(p);
            expect(p, TOK_RPAREN);
        }
        break;
    case TOK_LBRACK:
        advance(p);
        if (accept(p, TOK_RBRACK))
            break;
        parse_top_type(p);
        if (accept(p, TOK_COMMA))
            expect(p, TOK_DOTDOTDOT);
        expect(p, TOK_RBRACK);
        break;
    case TOK_LBRACE:
        advance(p);
        if (!accept(p, TOK_RBRACE)) {
            parse_top_types(p);
            expect(p, TOK_RBRACE);
        }
        break;
    case TOK_HASH: parse_hash_type(p); break;
    case TOK_LTLT: parse_binary_type(p); break;
    case TOK_FUN:
        advance(p);
        expect(p, TOK_LPAREN);
        if (!accept(p, TOK_RPAREN)) {
            parse_fun_type(p);
            expect(p, TOK_RPAREN);
        }
        break;
    default: syntax_error(p);
    }
}

static void parse_type(Parser *p, int minprec)
{
    enter(p);
    if (is_prefix_op(kind(p))) {
        advance(p);
        parse_type(p, 600);
    } else {
        parse_type_primary(p);
    }
    int prec, extra = 0;
    while ((prec = type_binop_prec(kind(p))) != 0 && prec >= minprec) {
        advance(p);
        enter(p);
        extra++;
        parse_type(p, prec + 1);
        if (prec == 200 && (kind(p) == TOK_DOTDOT || (!type_binop_prec(kind(p)) && !follows_type(kind(p)))))
            syntax_error(p); /* non-associative, without default reduction */
    }
    p->depth -= extra;
    leave(p);
}

/* top_type: [Var ::] type [| top_type]; the annotations and unions
 * chain to the right, which a loop does without recursion. */
static void parse_top_type(Parser *p)
{
    for (;;) {
        if (kind(p) == TOK_VAR && kind_at(p, 1) == TOK_COLONCOLON) {
            advance(p);
            advance(p);
            continue;
        }
        parse_type(p, 0);
        if (!accept(p, TOK_BAR))
            return;
    }
}

/* A constraint of a spec's `when`: Var :: Type, or the old
 * is_subtype(Var, Type). */
static void parse_type_guard(Parser *p)
{
    const Token *t = cur(p);
    if (t->kind == TOK_VAR) {
        advance(p);
        expect(p, TOK_COLONCOLON);
        parse_top_type(p);
        if (strcmp(t->u.name.s, "_") == 0)
            fail_at(p, t->line, t->col, "bad type variable");
        return;
    }
    expect(p, TOK_ATOM);
    expect(p, TOK_LPAREN);
    const Token *first = cur(p);
    int n = 1;
    parse_top_type(p);
    while (accept(p, TOK_COMMA)) {
        parse_top_type(p);
        n++;
    }
    expect(p, TOK_RPAREN);
    if (strcmp(t->u.name.s, "is_subtype") != 0 || n != 2) {
        AstBuf b = {0};
        ast_buf_puts(&b, "unsupported constraint ");
        ast_buf_atom(&b, t->u.name.s, t->u.name.len);
        diag_error(p->d, t->line, t->col, "%s", b.s ? b.s : "unsupported constraint");
        free(b.s);
        longjmp(p->fail, 1);
    }
    if (first->kind != TOK_VAR || kind_at(p, 0) == TOK_END)
        fail_at(p, first->line, first->col, "bad type variable");
}

/* -spec / -callback: [ '(' ] Name [':' Name] Sigs [ ')' ] */
static void parse_type_spec(Parser *p)
{
    bool paren = accept(p, TOK_LPAREN);
    expect(p, TOK_ATOM);
    if (accept(p, TOK_COLON))
        expect(p, TOK_ATOM);
    do {
        parse_fun_type(p);
        if (accept(p, TOK_WHEN)) {
            parse_type_guard(p);
            while (accept(p, TOK_COMMA))
                parse_type_guard(p);
        }
    } while (accept(p, TOK_SEMI));
    if (paren)
        expect(p, TOK_RPAREN);
}

/* The checks of -type / -opaque Name(Vars) :: Type (erl_parse's
 * build_typed_attribute): the head must be a name applied to distinct
 * type variables. */
static void check_type_def(Parser *p, const Token *attr, AstExpr *head)
{
    if (head->kind != AST_CALL || head->u.call.mod || head->u.call.fun->kind != AST_ATOM) {
        AstBuf b = {0};
        ast_buf_puts(&b, "bad ");
        ast_buf_atom(&b, attr->u.name.s, attr->u.name.len);
        ast_buf_puts(&b, " declaration");
        diag_error(p->d, attr->line, attr->col, "%s", b.s ? b.s : "bad type declaration");
        free(b.s);
        longjmp(p->fail, 1);
    }
    for (int i = 0; i < head->u.call.args.n; i++) {
        AstExpr *a = head->u.call.args.items[i];
        if (a->kind != AST_VAR || strcmp(a->u.var.name, "_") == 0)
            fail_first(p, a, "bad type variable");
    }
}

/* ---- forms */

/* A Name/Arity list of -export and -import (erl_parse's farity_list). */
static void farity_list(Parser *p, AstExpr *e, AstFunName **out, int *n)
{
    Vec v = {.sz = sizeof(AstFunName)};
    int l, c;
    while (e->kind == AST_LIST) {
        for (int i = 0; i < e->u.list.elems.n; i++) {
            AstExpr *x = e->u.list.elems.items[i];
            if (x->kind != AST_BINOP || x->u.binop.op != AST_OP_FDIV) {
                if (i == 0)
                    ast_first_pos(e, &l, &c);
                else
                    ast_first_pos(x, &l, &c);
                fail_at(p, l, c, "bad Name/Arity");
            }
            AstExpr *name = x->u.binop.lhs, *ar = x->u.binop.rhs;
            if (name->kind != AST_ATOM) {
                ast_first_pos(name, &l, &c);
                fail_at(p, l, c, "bad function name");
            }
            if (ar->kind != AST_INT || ar->u.int_.is_char || ar->u.int_.big || ar->u.int_.value < 0 ||
                ar->u.int_.value > 255) {
                ast_first_pos(ar, &l, &c);
                fail_at(p, l, c, "bad function arity");
            }
            AstFunName *f = vec_push(p, &v);
            f->name = name->u.atom.name;
            f->arity = (int)ar->u.int_.value;
            f->line = name->line;
            f->col = name->col;
        }
        e = e->u.list.tail;
    }
    if (e->kind != AST_NIL) {
        ast_first_pos(e, &l, &c);
        fail_at(p, l, c, "bad Name/Arity");
    }
    *out = v.v;
    *n = v.n;
}

/* Is e a literal term (erl_parse's normalise)? Name/Arity pairs become
 * tuples on the way (attribute_farity). */
static bool literal_term(Parser *p, AstExpr *e)
{
    switch (e->kind) {
    case AST_INT:
    case AST_FLOAT:
    case AST_ATOM:
    case AST_STRING:
    case AST_NIL: return true;
    case AST_TUPLE:
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            if (!literal_term(p, e->u.tuple.elems.items[i]))
                return false;
        return true;
    case AST_LIST:
        for (int i = 0; i < e->u.list.elems.n; i++)
            if (!literal_term(p, e->u.list.elems.items[i]))
                return false;
        return literal_term(p, e->u.list.tail);
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            const AstBinSeg *s = &e->u.bin.segs[i];
            AstKind k = s->value->kind;
            if (k != AST_INT && k != AST_FLOAT && k != AST_STRING)
                return false;
            if (s->size && s->size->kind != AST_INT)
                return false;
        }
        return true;
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_FDIV && e->u.binop.lhs->kind == AST_ATOM &&
            e->u.binop.rhs->kind == AST_INT && !e->u.binop.rhs->u.int_.is_char) {
            AstExpr **items = xalloc(p, 2 * sizeof *items);
            items[0] = e->u.binop.lhs;
            items[1] = e->u.binop.rhs;
            e->kind = AST_TUPLE;
            e->u.tuple.elems = (AstExprList){items, 2};
            return true;
        }
        return false;
    default: return false;
    }
}


/* '{' typed_exprs '}' of a record declaration: a tuple whose elements may
 * carry `:: Type`. typed[i] says which did; *any when one did. */
static AstExpr *parse_typed_tuple(Parser *p, Vec *typed, bool *any)
{
    const Token *lb = advance(p);
    AstExpr *e = node_at(p, AST_TUPLE, lb);
    Vec v = {.sz = sizeof(AstExpr *)};
    *any = false;
    if (!accept(p, TOK_RBRACE)) {
        do {
            list_push(p, &v, parse_expr(p));
            bool *t = vec_push(p, typed);
            if (accept(p, TOK_COLONCOLON)) {
                parse_top_type(p);
                *t = true;
                *any = true;
            }
        } while (accept(p, TOK_COMMA));
        expect(p, TOK_RBRACE);
    }
    e->u.tuple.elems = to_list(&v);
    return e;
}

static void build_record(Parser *p, AstForm *f, const Token *attr, AstExprList vals, const bool *typed,
                         bool is_typed)
{
    if (vals.n != 2 || vals.items[0]->kind != AST_ATOM) {
        if (is_typed)
            fail_at(p, attr->line, attr->col, "bad record declaration");
        fail_first(p, vals.items[0], "bad record declaration");
    }
    AstExpr *tup = vals.items[1];
    if (tup->kind != AST_TUPLE)
        fail_first(p, tup, "bad record declaration");
    f->kind = AST_FORM_RECORD;
    f->u.record.name = vals.items[0]->u.atom.name;
    int n = tup->u.tuple.elems.n;
    AstFieldDecl *fs = n ? xalloc(p, (size_t)n * sizeof *fs) : NULL;
    for (int i = 0; i < n; i++) {
        AstExpr *x = tup->u.tuple.elems.items[i];
        AstExpr *name = x;
        if (x->kind == AST_MATCH) {
            name = x->u.match.pat;
            fs[i].init = x->u.match.expr;
        }
        if (name->kind != AST_ATOM)
            fail_first(p, x, "bad record field");
        fs[i].name = name->u.atom.name;
        fs[i].line = name->line;
        fs[i].col = name->col;
        fs[i].typed = typed && typed[i];
    }
    f->u.record.fields = fs;
    f->u.record.nfields = n;
}

typedef enum {
    AV_PLAIN,        /* attr_val: E | E, E... | (E, E...) */
    AV_TYPED_RECORD, /* E, {F :: T, ...} (typed_attr_val) */
    AV_TYPE_DEF,     /* E :: Type (typed_attr_val) */
} AttrShape;

/* The attribute's values, erl_parse's attr_val and typed_attr_val, with
 * or without parentheses around them. For a typed record, typed[i] says
 * which fields had a type. */
static AttrShape parse_attr_vals(Parser *p, AstExprList *out, Vec *typed)
{
    Vec v = {.sz = sizeof(AstExpr *)};
    bool paren = false;
    AttrShape shape = AV_PLAIN;
    AstExpr *e1;
    if (kind(p) == TOK_LPAREN) {
        advance(p);
        e1 = parse_expr(p);
        if (accept(p, TOK_RPAREN))
            e1 = binary_from(p, postfix_from(p, e1), 0, false); /* (E) + 1 */
        else
            paren = true;
    } else {
        e1 = parse_expr(p);
    }
    list_push(p, &v, e1);
    if (accept(p, TOK_COLONCOLON)) {
        parse_top_type(p);
        shape = AV_TYPE_DEF;
    } else if (paren || kind(p) == TOK_COMMA) {
        expect(p, TOK_COMMA);
        AstExpr *e2;
        bool any = false;
        if (kind(p) == TOK_LBRACE) {
            e2 = parse_typed_tuple(p, typed, &any);
            if (!any)
                e2 = binary_from(p, postfix_from(p, e2), 0, false);
        } else {
            e2 = parse_expr(p);
        }
        list_push(p, &v, e2);
        if (any)
            shape = AV_TYPED_RECORD;
        else
            while (accept(p, TOK_COMMA))
                list_push(p, &v, parse_expr(p));
    }
    if (paren)
        expect(p, TOK_RPAREN);
    *out = to_list(&v);
    return shape;
}

static void build_attribute(Parser *p, AstForm *f, const Token *attr, AstExprList vals, const bool *typed,
                            bool is_typed);

static bool is_type_attr(const char *name)
{
    return strcmp(name, "type") == 0 || strcmp(name, "opaque") == 0;
}

/* -Name(...). Returns false when the attribute is dropped (types). The
 * attribute's checks come before the check of the dot: yecc reduces the
 * attribute, running them, before it looks at the token after it. */
static bool parse_attribute(Parser *p, AstForm *f)
{
    const Token *minus = advance(p);
    f->line = minus->line;
    f->col = minus->col;
    if (kind(p) != TOK_ATOM)
        syntax_error(p);
    const Token *attr = advance(p);
    const char *name = attr->u.name.s;
    if (strcmp(name, "spec") == 0 || strcmp(name, "callback") == 0) {
        parse_type_spec(p);
        expect(p, TOK_DOT);
        return false;
    }
    Vec typed = {.sz = sizeof(bool)};
    AstExprList vals;
    AttrShape shape = parse_attr_vals(p, &vals, &typed);
    bool keep = true;
    if (shape == AV_TYPE_DEF) {
        if (is_type_attr(name))
            check_type_def(p, attr, vals.items[0]);
        else if (strcmp(name, "record") == 0)
            fail_at(p, attr->line, attr->col, "bad record declaration");
        else
            fail_at(p, attr->line, attr->col, "bad attribute");
        keep = false;
    } else if (shape == AV_TYPED_RECORD && strcmp(name, "record") != 0) {
        if (is_type_attr(name))
            fail_at(p, attr->line, attr->col, name[0] == 'o' ? "bad opaque declaration" : "bad type declaration");
        fail_at(p, attr->line, attr->col, "bad attribute");
    } else {
        build_attribute(p, f, attr, vals, typed.v, shape == AV_TYPED_RECORD);
        keep = !is_type_attr(name);
    }
    if (kind(p) != TOK_DOT)
        syntax_error(p);
    return keep;
}

static void build_attribute(Parser *p, AstForm *f, const Token *attr, AstExprList vals, const bool *typed,
                            bool is_typed)
{
    const char *name = attr->u.name.s;
    if (strcmp(name, "record") == 0) {
        build_record(p, f, attr, vals, typed, is_typed);
        return;
    }
    if (is_typed)
        fail_at(p, attr->line, attr->col, "bad attribute");
    if (strcmp(name, "module") == 0) {
        if (vals.items[0]->kind != AST_ATOM || vals.n > 2)
            fail_first(p, vals.items[0], "bad module declaration");
        if (vals.n == 2) {
            /* -module(M, [Var, ...]) of old parameterised modules */
            AstExpr *l = vals.items[1];
            while (l->kind == AST_LIST) {
                for (int i = 0; i < l->u.list.elems.n; i++)
                    if (l->u.list.elems.items[i]->kind != AST_VAR)
                        fail_first(p, i == 0 ? l : l->u.list.elems.items[i], "bad variable list");
                l = l->u.list.tail;
            }
            if (l->kind != AST_NIL)
                fail_first(p, l, "bad variable list");
        }
        f->kind = AST_FORM_MODULE;
        f->u.module.name = vals.items[0]->u.atom.name;
        return;
    }
    if (strcmp(name, "export") == 0) {
        if (vals.n != 1)
            fail_first(p, vals.items[1], "bad export declaration");
        f->kind = AST_FORM_EXPORT;
        farity_list(p, vals.items[0], &f->u.export_.funs, &f->u.export_.n);
        return;
    }
    if (strcmp(name, "import") == 0) {
        if (vals.n != 2 || vals.items[0]->kind != AST_ATOM)
            fail_first(p, vals.items[vals.n > 1 ? 1 : 0], "bad import declaration");
        f->kind = AST_FORM_IMPORT;
        f->u.import.module = vals.items[0]->u.atom.name;
        farity_list(p, vals.items[1], &f->u.import.funs, &f->u.import.n);
        return;
    }
    if (vals.n != 1)
        fail_first(p, vals.items[1], "bad attribute");
    if (!literal_term(p, vals.items[0]))
        fail_first(p, vals.items[0], "bad attribute");
    f->kind = AST_FORM_ATTRIBUTE;
    f->u.attribute.name = name;
    f->u.attribute.value = vals.items[0];
}

/* Name(Args) [when G] -> Body; ... . All clauses must share the first
 * one's name and arity (erl_parse's build_function: "head mismatch"). */
static bool parse_function(Parser *p, AstForm *f)
{
    Vec v = {.sz = sizeof(AstClause)};
    Vec names = {.sz = sizeof(const char *)};
    do {
        if (kind(p) != TOK_ATOM)
            syntax_error(p);
        const Token *nt = advance(p);
        AstClause *c = vec_push(p, &v);
        *(const char **)vec_push(p, &names) = nt->u.name.s;
        c->line = nt->line;
        c->col = nt->col;
        c->pats = parse_args(p, true);
        parse_clause_tail(p, c);
    } while (accept(p, TOK_SEMI));
    /* the function is reduced, and its heads checked, before the token
     * after the last body is looked at */
    AstClause *cs = v.v;
    const char **ns = names.v;
    for (int i = 1; i < v.n; i++)
        if (strcmp(ns[i], ns[0]) != 0 || cs[i].pats.n != cs[0].pats.n)
            fail_at(p, cs[i].line, cs[i].col, "head mismatch");
    if (kind(p) != TOK_DOT)
        syntax_error(p);
    f->kind = AST_FORM_FUNCTION;
    f->line = cs[0].line;
    f->col = cs[0].col;
    f->u.function.name = ns[0];
    f->u.function.arity = cs[0].pats.n;
    f->u.function.clauses = cs;
    f->u.function.nclauses = v.n;
    return true;
}

/* One form; false when it had an error (reported) or is dropped. */
static bool parse_form(Parser *p, AstForm *f)
{
    if (setjmp(p->fail))
        return false;
    if (kind(p) == TOK_MINUS)
        return parse_attribute(p, f);
    if (kind(p) == TOK_ATOM)
        return parse_function(p, f);
    syntax_error(p);
}

static void init_parser(Parser *p, AstArena *a, Diag *d, const Token *toks, int n)
{
    memset(p, 0, sizeof *p);
    p->a = a;
    p->d = d;
    p->t = toks;
    p->n = n;
}

bool parse_exprs_from_tokens(AstArena *a, Diag *d, const Token *toks, int n, AstExprList *out)
{
    Parser p;
    if (n == 0)
        return false;
    init_parser(&p, a, d, toks, n);
    if (setjmp(p.fail))
        return false;
    *out = parse_exprs(&p);
    if (kind(&p) != TOK_DOT)
        syntax_error(&p);
    return true;
}

/* ---- the front end */

CompUnit *front_parse(const char *src, size_t len, const char *filename, Diag *diag, const FrontOptions *opts)
{
    Diag quiet;
    if (!diag) {
        diag_init(&quiet, filename, src, len, NULL);
        diag = &quiet;
    }
    if (!src)
        len = 0;
    AstArena *a = ast_arena_new();
    if (!a)
        return NULL;
    CompUnit *u = ast_alloc(a, sizeof *u);
    char *copy = ast_alloc(a, len + 1);
    if (!u || !copy) {
        ast_arena_free(a);
        return NULL;
    }
    if (len)
        memcpy(copy, src, len);
    u->arena = a;
    Preproc *pp = pp_new(a, diag, filename, copy, len, opts);
    if (!pp) {
        ast_arena_free(a);
        return NULL;
    }
    Vec forms = {.sz = sizeof(AstForm)};
    PpForm pf;
    Parser p;
    while (pp_next(pp, &pf)) {
        init_parser(&p, a, pf.diag, pf.toks, pf.n);
        AstForm f;
        memset(&f, 0, sizeof f);
        if (!parse_form(&p, &f))
            continue;
        f.file = pf.file;
        init_parser(&p, a, pf.diag, pf.toks, pf.n);
        if (setjmp(p.fail))
            break; /* out of memory */
        *(AstForm *)vec_push(&p, &forms) = f;
        if (f.kind == AST_FORM_MODULE && !u->module)
            u->module = f.u.module.name;
    }
    u->forms = forms.v;
    u->nforms = forms.n;
    u->files = pp_files(pp, &u->nfiles);
    pp_free(pp);
    return u;
}

void front_free(CompUnit *u)
{
    if (u)
        ast_arena_free(u->arena);
}

void front_report(const CompUnit *u, Diag *d, int file, const char *kind, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!u || file <= 0 || file >= u->nfiles) {
        diag_vreport(d, kind, line, col, fmt, ap);
    } else {
        Diag sub;
        diag_init(&sub, u->files[file].name, u->files[file].src, u->files[file].len, d->out);
        diag_vreport(&sub, kind, line, col, fmt, ap);
        d->errors += sub.errors;
        d->warnings += sub.warnings;
    }
    va_end(ap);
}
