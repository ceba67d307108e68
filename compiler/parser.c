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
 * is in the arena), and parsing resumes with the next form.
 *
 * Files (parser_int.h holds what they share): parser.c token access,
 * errors, operators and precedence climbing, calls and record postfixes,
 * and the front end (front_parse); parser_primary.c the primary
 * expressions; parser_types.c the type language; parser_forms.c the
 * forms. */
#include "parser.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "parser_int.h"

/* ---- errors and tokens */

_Noreturn void parse_fail_at(Parser *p, int line, int col, const char *msg)
{
    diag_error(p->d, line, col, "%s", msg);
    longjmp(p->fail, 1);
}

/* "syntax error before: X" at the current token. */
_Noreturn void parse_syntax_error(Parser *p)
{
    AstBuf b = {0};
    ast_buf_puts(&b, "syntax error before: ");
    lex_token_text(&b, cur(p));
    const Token *t = cur(p);
    diag_error(p->d, t->line, t->col, "%s", b.s ? b.s : "syntax error");
    free(b.s);
    longjmp(p->fail, 1);
}

/* An integer literal beamlet cannot hold (lexer.h: too_big). */
void parse_check_int(Parser *p, const Token *t)
{
    if (t->kind == TOK_INT && t->u.i.too_big) {
        diag_error(p->d, t->line, t->col, "integer too large (more than %d bits)", LEX_MAX_INT_BITS);
        longjmp(p->fail, 1);
    }
}

const Token *parse_expect(Parser *p, TokKind k)
{
    if (kind(p) != k)
        parse_syntax_error(p);
    return advance(p);
}

void parse_enter(Parser *p)
{
    if (++p->depth > FRONT_MAX_DEPTH) {
        const Token *t = cur(p);
        diag_error(p->d, t->line, t->col, "nesting too deep (more than %d levels)", FRONT_MAX_DEPTH);
        longjmp(p->fail, 1);
    }
}

void parse_leave(Parser *p)
{
    p->depth--;
}

/* ---- allocation */

void *parse_xalloc(Parser *p, size_t size)
{
    void *m = ast_alloc(p->a, size);
    if (!m) {
        const Token *t = cur(p);
        parse_fail_at(p, t->line, t->col, "out of memory");
    }
    return m;
}

void *parse_vec_push(Parser *p, Vec *vec)
{
    if (vec->n == vec->cap) {
        int cap = vec->cap ? vec->cap * 2 : 4;
        void *v = parse_xalloc(p, (size_t)cap * vec->sz);
        if (vec->n)
            memcpy(v, vec->v, (size_t)vec->n * vec->sz);
        vec->v = v;
        vec->cap = cap;
    }
    return (char *)vec->v + (size_t)vec->n++ * vec->sz;
}

void parse_list_push(Parser *p, Vec *vec, AstExpr *e)
{
    *(AstExpr **)parse_vec_push(p, vec) = e;
}

AstExprList parse_to_list(const Vec *vec)
{
    return (AstExprList){(AstExpr **)vec->v, vec->n};
}

AstExpr *parse_node(Parser *p, AstKind k, int line, int col)
{
    AstExpr *e = parse_xalloc(p, sizeof *e);
    e->kind = k;
    e->line = line;
    e->col = col;
    return e;
}

AstExpr *parse_node_at(Parser *p, AstKind k, const Token *t)
{
    return parse_node(p, k, t->line, t->col);
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

bool parse_is_prefix_op(TokKind k)
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
AstExpr *parse_make_unop(Parser *p, const Token *optok, AstExpr *arg)
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
                char *m = parse_xalloc(p, n + 2);
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
    AstExpr *e = parse_node_at(p, AST_UNOP, optok);
    e->u.unop.op = op;
    e->u.unop.arg = arg;
    return e;
}

/* ---- expressions */

static AstExpr *parse_unary(Parser *p, bool pat);

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
AstExpr *parse_binary_from(Parser *p, AstExpr *lhs, int minprec, bool pat)
{
    int extra = 0;
    const BinOp *op;
    while ((op = binop_of(p, pat)) != NULL && op->prec >= minprec) {
        const Token *optok = advance(p);
        parse_enter(p);
        extra++;
        AstExpr *rhs = parse_unary(p, pat);
        rhs = parse_binary_from(p, rhs, op->assoc == 'l' || op->assoc == 'n' ? op->prec + 1 : op->prec, pat);
        AstExpr *e;
        if (op->op == AST_OP_COUNT) {
            int l, c;
            ast_first_pos(lhs, &l, &c);
            e = parse_node(p, AST_MATCH, l, c);
            e->u.match.pat = lhs;
            e->u.match.expr = rhs;
        } else {
            e = parse_node_at(p, AST_BINOP, optok);
            e->u.binop.op = op->op;
            e->u.binop.lhs = lhs;
            e->u.binop.rhs = rhs;
        }
        lhs = e;
        if (op->assoc == 'n') {
            const BinOp *next = binop_of(p, pat);
            if (next && next->prec == op->prec)
                parse_syntax_error(p);
            /* yecc's state after a comparison has no default reduction:
             * a token that can follow no expression is an error at once,
             * before the checks of an enclosing attribute or function */
            if (!next && !pat && !follows_expr(kind(p)))
                parse_syntax_error(p);
        }
    }
    p->depth -= extra;
    return lhs;
}

static AstExpr *parse_binary(Parser *p, int minprec, bool pat)
{
    parse_enter(p);
    AstExpr *e = parse_binary_from(p, parse_unary(p, pat), minprec, pat);
    parse_leave(p);
    return e;
}

AstExpr *parse_expr(Parser *p)
{
    return parse_binary(p, 0, false);
}

AstExpr *parse_pat(Parser *p)
{
    return parse_binary(p, 0, true);
}

AstExprList parse_exprs(Parser *p)
{
    Vec v = {.sz = sizeof(AstExpr *)};
    parse_list_push(p, &v, parse_expr(p));
    while (accept(p, TOK_COMMA))
        parse_list_push(p, &v, parse_expr(p));
    return parse_to_list(&v);
}

static AstExprList parse_pats(Parser *p)
{
    Vec v = {.sz = sizeof(AstExpr *)};
    parse_list_push(p, &v, parse_pat(p));
    while (accept(p, TOK_COMMA))
        parse_list_push(p, &v, parse_pat(p));
    return parse_to_list(&v);
}

/* '(' [exprs] ')' */
AstExprList parse_args(Parser *p, bool pat)
{
    parse_expect(p, TOK_LPAREN);
    if (accept(p, TOK_RPAREN))
        return (AstExprList){NULL, 0};
    AstExprList l = pat ? parse_pats(p) : parse_exprs(p);
    parse_expect(p, TOK_RPAREN);
    return l;
}

/* ---- records */

static const char *atom_name(Parser *p)
{
    if (kind(p) != TOK_ATOM)
        parse_syntax_error(p);
    return advance(p)->u.name.s;
}

/* '{' [f = E, ...] '}' after #name */
static void parse_record_fields(Parser *p, AstExpr *e)
{
    parse_expect(p, TOK_LBRACE);
    Vec v = {.sz = sizeof(AstFieldInit)};
    if (!accept(p, TOK_RBRACE)) {
        do {
            TokKind k = kind(p);
            if (k != TOK_ATOM && k != TOK_VAR)
                parse_syntax_error(p);
            const Token *ft = advance(p);
            parse_expect(p, TOK_EQ);
            AstFieldInit *f = parse_vec_push(p, &v);
            f->name = ft->u.name.s;
            f->line = ft->line;
            f->col = ft->col;
            f->is_var = k == TOK_VAR;
            f->value = parse_expr(p);
        } while (accept(p, TOK_COMMA));
        parse_expect(p, TOK_RBRACE);
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
        parse_fail_at(p, hash->line, hash->col, "maps are not supported");
    const char *name = atom_name(p);
    if (accept(p, TOK_PERIOD)) {
        if (kind(p) != TOK_ATOM)
            parse_syntax_error(p);
        const Token *ft = advance(p);
        AstExpr *e;
        if (base) {
            e = parse_node_at(p, AST_RECORD_FIELD, hash);
            e->u.rfield.base = base;
            e->u.rfield.name = name;
            e->u.rfield.field = ft->u.name.s;
            e->u.rfield.field_line = ft->line;
            e->u.rfield.field_col = ft->col;
        } else {
            e = parse_node_at(p, AST_RECORD_INDEX, hash);
            e->u.rindex.name = name;
            e->u.rindex.field = ft->u.name.s;
            e->u.rindex.field_line = ft->line;
            e->u.rindex.field_col = ft->col;
        }
        return e;
    }
    if (kind(p) != TOK_LBRACE)
        parse_syntax_error(p);
    AstExpr *e = parse_node_at(p, AST_RECORD, hash);
    e->u.record.base = base;
    e->u.record.name = name;
    parse_record_fields(p, e);
    return e;
}

/* ---- calls and postfix forms */

/* What may follow an expr_max: ':' (remote), an argument list, or a chain
 * of record operations. */
AstExpr *parse_postfix_from(Parser *p, AstExpr *e)
{
    if (kind(p) == TOK_COLON) {
        const Token *colon = advance(p);
        AstExpr *f = parse_max(p);
        if (kind(p) == TOK_LPAREN) {
            AstExpr *c = parse_node(p, AST_CALL, e->line, e->col);
            c->u.call.mod = e;
            c->u.call.fun = f;
            c->u.call.args = parse_args(p, false);
            ast_first_pos(e, &c->line, &c->col);
            return c;
        }
        AstExpr *r = parse_node_at(p, AST_REMOTE, colon);
        r->u.remote.mod = e;
        r->u.remote.fun = f;
        return r;
    }
    if (kind(p) == TOK_LPAREN) {
        AstExpr *c = parse_node(p, AST_CALL, e->line, e->col);
        c->u.call.fun = e;
        c->u.call.args = parse_args(p, false);
        ast_first_pos(e, &c->line, &c->col);
        return c;
    }
    int extra = 0;
    while (kind(p) == TOK_HASH) {
        parse_enter(p);
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
            parse_enter(p);
            extra++;
            e = parse_record(p, e);
        }
        p->depth -= extra;
        return e;
    }
    return parse_postfix_from(p, parse_max(p));
}

static AstExpr *parse_unary(Parser *p, bool pat)
{
    TokKind k = kind(p);
    if (k == TOK_CATCH && !pat) {
        const Token *t = advance(p);
        AstExpr *e = parse_node_at(p, AST_CATCH, t);
        e->u.catch_.expr = parse_expr(p);
        return e;
    }
    if (parse_is_prefix_op(k)) {
        const Token *t = advance(p);
        parse_enter(p);
        AstExpr *arg = parse_unary(p, pat);
        parse_leave(p);
        return parse_make_unop(p, t, arg);
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
        default: parse_syntax_error(p);
        }
        return parse_pat_max(p);
    }
    return parse_postfix(p);
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
        parse_syntax_error(&p);
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
        *(AstForm *)parse_vec_push(&p, &forms) = f;
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
