/* parser_primary.c - erl_parse's expr_max: the primary expressions
 * (literals, variables, lists, binaries, tuples, records, funs, begin,
 * case, if, receive, try, and list and binary comprehensions), and the
 * clauses, guards and patterns inside them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "parser_int.h"

/* ---- expr_max */

static AstExpr *parse_string(Parser *p)
{
    const Token *first = cur(p);
    size_t len = 0;
    int j = p->i;
    while (p->t[j].kind == TOK_STRING)
        len += p->t[j++].u.str.len;
    AstExpr *e = parse_node_at(p, AST_STRING, first);
    if (j == p->i + 1) {
        e->u.str.chars = first->u.str.chars;
        e->u.str.len = first->u.str.len;
        advance(p);
        return e;
    }
    uint32_t *chars = parse_xalloc(p, (len + 1) * sizeof *chars);
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
        parse_check_int(p, t);
        e = parse_node_at(p, AST_INT, t);
        e->u.int_.value = t->u.i.v;
        e->u.int_.big = t->kind == TOK_INT ? t->u.i.big : NULL;
        e->u.int_.is_char = t->kind == TOK_CHAR;
        break;
    case TOK_FLOAT:
        e = parse_node_at(p, AST_FLOAT, t);
        e->u.float_.value = t->u.f;
        break;
    case TOK_ATOM:
        e = parse_node_at(p, AST_ATOM, t);
        e->u.atom.name = t->u.name.s;
        e->u.atom.len = t->u.name.len;
        break;
    case TOK_STRING: return parse_string(p);
    default: parse_syntax_error(p);
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
        AstQual *q = parse_vec_push(p, &v);
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
        return parse_node_at(p, AST_NIL, lb);
    }
    AstExpr *first = parse_expr(p);
    if (allow_lc && kind(p) == TOK_BARBAR) {
        advance(p);
        AstExpr *e = parse_node_at(p, AST_LC, lb);
        e->u.comp.templ = first;
        parse_quals(p, e);
        parse_expect(p, TOK_RBRACK);
        return e;
    }
    Vec v = {.sz = sizeof(AstExpr *)};
    parse_list_push(p, &v, first);
    AstExpr *e = parse_node_at(p, AST_LIST, lb);
    for (;;) {
        if (accept(p, TOK_COMMA)) {
            parse_list_push(p, &v, parse_expr(p));
        } else if (accept(p, TOK_BAR)) {
            AstExpr *tail = parse_expr(p);
            parse_expect(p, TOK_RBRACK);
            if (tail->kind == AST_LIST) {
                /* [a | [b | T]] is [a, b | T], as erl_parse's conses */
                for (int i = 0; i < tail->u.list.elems.n; i++)
                    parse_list_push(p, &v, tail->u.list.elems.items[i]);
                tail = tail->u.list.tail;
            }
            e->u.list.tail = tail;
            break;
        } else if (kind(p) == TOK_RBRACK) {
            e->u.list.tail = parse_node_at(p, AST_NIL, advance(p));
            break;
        } else {
            parse_syntax_error(p);
        }
    }
    e->u.list.elems = parse_to_list(&v);
    return e;
}

/* One segment Value[:Size][/Type-Type...]; value is the already parsed
 * expr_max (or NULL). */
static void parse_segment(Parser *p, AstBinSeg *s, AstExpr *value)
{
    if (!value) {
        if (parse_is_prefix_op(kind(p))) {
            const Token *t = advance(p);
            value = parse_make_unop(p, t, parse_max(p));
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
                parse_syntax_error(p);
            const Token *t = advance(p);
            AstBinType *bt = parse_vec_push(p, &v);
            bt->name = t->u.name.s;
            bt->line = t->line;
            bt->col = t->col;
            if (accept(p, TOK_COLON)) {
                if (kind(p) != TOK_INT)
                    parse_syntax_error(p);
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
    AstExpr *e = parse_node_at(p, AST_BIN, lt);
    if (accept(p, TOK_GTGT))
        return e;
    AstExpr *first = NULL;
    if (!parse_is_prefix_op(kind(p))) {
        first = parse_max(p);
        if (allow_bc && kind(p) == TOK_BARBAR) {
            advance(p);
            e->kind = AST_BC;
            e->u.comp.templ = first;
            parse_quals(p, e);
            parse_expect(p, TOK_GTGT);
            return e;
        }
    }
    Vec v = {.sz = sizeof(AstBinSeg)};
    parse_segment(p, parse_vec_push(p, &v), first);
    while (accept(p, TOK_COMMA))
        parse_segment(p, parse_vec_push(p, &v), NULL);
    parse_expect(p, TOK_GTGT);
    e->u.bin.segs = v.v;
    e->u.bin.nsegs = v.n;
    return e;
}

static AstExpr *parse_tuple(Parser *p)
{
    const Token *lb = advance(p);
    AstExpr *e = parse_node_at(p, AST_TUPLE, lb);
    if (!accept(p, TOK_RBRACE)) {
        e->u.tuple.elems = parse_exprs(p);
        parse_expect(p, TOK_RBRACE);
    }
    return e;
}

/* 'when' Guard: alternatives separated by ';', tests by ','. */
static AstGuard parse_guard(Parser *p)
{
    Vec v = {.sz = sizeof(AstExprList)};
    do {
        *(AstExprList *)parse_vec_push(p, &v) = parse_exprs(p);
    } while (accept(p, TOK_SEMI));
    return (AstGuard){v.v, v.n};
}

/* [when Guard] -> Body */
void parse_clause_tail(Parser *p, AstClause *c)
{
    if (accept(p, TOK_WHEN))
        c->guard = parse_guard(p);
    parse_expect(p, TOK_ARROW);
    c->body = parse_exprs(p);
}

/* cr_clauses: Pattern [when Guard] -> Body; ... (patterns are exprs) */
static void parse_cr_clauses(Parser *p, AstClause **out, int *n)
{
    Vec v = {.sz = sizeof(AstClause)};
    do {
        AstClause *c = parse_vec_push(p, &v);
        AstExpr *pat = parse_expr(p);
        ast_first_pos(pat, &c->line, &c->col);
        AstExpr **pats = parse_xalloc(p, sizeof *pats);
        pats[0] = pat;
        c->pats = (AstExprList){pats, 1};
        parse_clause_tail(p, c);
    } while (accept(p, TOK_SEMI));
    *out = v.v;
    *n = v.n;
}

static AstExpr *parse_if(Parser *p)
{
    AstExpr *e = parse_node_at(p, AST_IF, advance(p));
    Vec v = {.sz = sizeof(AstClause)};
    do {
        AstClause *c = parse_vec_push(p, &v);
        c->line = cur(p)->line;
        c->col = cur(p)->col;
        c->guard = parse_guard(p);
        ast_first_pos(c->guard.alts[0].items[0], &c->line, &c->col);
        parse_expect(p, TOK_ARROW);
        c->body = parse_exprs(p);
    } while (accept(p, TOK_SEMI));
    parse_expect(p, TOK_KEND);
    e->u.if_.clauses = v.v;
    e->u.if_.nclauses = v.n;
    return e;
}

static AstExpr *parse_case(Parser *p)
{
    AstExpr *e = parse_node_at(p, AST_CASE, advance(p));
    e->u.case_.expr = parse_expr(p);
    parse_expect(p, TOK_OF);
    parse_cr_clauses(p, &e->u.case_.clauses, &e->u.case_.nclauses);
    parse_expect(p, TOK_KEND);
    return e;
}

static AstExpr *parse_receive(Parser *p)
{
    AstExpr *e = parse_node_at(p, AST_RECEIVE, advance(p));
    if (kind(p) != TOK_AFTER)
        parse_cr_clauses(p, &e->u.receive.clauses, &e->u.receive.nclauses);
    if (accept(p, TOK_AFTER)) {
        e->u.receive.after = parse_expr(p);
        parse_expect(p, TOK_ARROW);
        e->u.receive.after_body = parse_exprs(p);
    }
    parse_expect(p, TOK_KEND);
    return e;
}

/* Class:Reason[:Stack] [when G] -> Body, or Reason [when G] -> Body. */
static void parse_catch_clause(Parser *p, AstClause *c)
{
    AstExpr *cls = NULL, *reason, *stack = NULL;
    TokKind k = kind(p);
    if ((k == TOK_ATOM || k == TOK_VAR) && kind_at(p, 1) == TOK_COLON) {
        const Token *ct = advance(p);
        cls = parse_node_at(p, k == TOK_ATOM ? AST_ATOM : AST_VAR, ct);
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
                parse_syntax_error(p);
            const Token *st = advance(p);
            stack = parse_node_at(p, AST_VAR, st);
            stack->u.var.name = st->u.name.s;
        }
    } else {
        reason = parse_pat(p);
        ast_first_pos(reason, &c->line, &c->col);
        cls = parse_node(p, AST_ATOM, c->line, c->col);
        cls->u.atom.name = "throw";
        cls->u.atom.len = 5;
    }
    if (!stack) {
        stack = parse_node(p, AST_VAR, c->line, c->col);
        stack->u.var.name = "_";
    }
    AstExpr **pats = parse_xalloc(p, 3 * sizeof *pats);
    pats[0] = cls;
    pats[1] = reason;
    pats[2] = stack;
    c->pats = (AstExprList){pats, 3};
    parse_clause_tail(p, c);
}

static AstExpr *parse_try(Parser *p)
{
    AstExpr *e = parse_node_at(p, AST_TRY, advance(p));
    e->u.try_.body = parse_exprs(p);
    if (accept(p, TOK_OF))
        parse_cr_clauses(p, &e->u.try_.of, &e->u.try_.nof);
    if (accept(p, TOK_CATCH)) {
        Vec v = {.sz = sizeof(AstClause)};
        do {
            parse_catch_clause(p, parse_vec_push(p, &v));
        } while (accept(p, TOK_SEMI));
        e->u.try_.catches = v.v;
        e->u.try_.ncatches = v.n;
        if (accept(p, TOK_AFTER))
            e->u.try_.after = parse_exprs(p);
    } else if (accept(p, TOK_AFTER)) {
        e->u.try_.after = parse_exprs(p);
    } else {
        parse_syntax_error(p);
    }
    parse_expect(p, TOK_KEND);
    return e;
}

/* An atom or variable operand of fun M:F/A. */
static AstExpr *atom_or_var(Parser *p, bool allow_int)
{
    const Token *t = cur(p);
    AstExpr *e;
    if (t->kind == TOK_ATOM && !allow_int) {
        e = parse_node_at(p, AST_ATOM, t);
        e->u.atom.name = t->u.name.s;
        e->u.atom.len = t->u.name.len;
    } else if (t->kind == TOK_INT && allow_int) {
        parse_check_int(p, t);
        e = parse_node_at(p, AST_INT, t);
        e->u.int_.value = t->u.i.v;
        e->u.int_.big = t->u.i.big;
    } else if (t->kind == TOK_VAR) {
        e = parse_node_at(p, AST_VAR, t);
        e->u.var.name = t->u.name.s;
    } else {
        parse_syntax_error(p);
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
        AstClause *c = parse_vec_push(p, &v);
        const char **name = parse_vec_push(p, &names);
        const Token *t = cur(p);
        c->line = t->line;
        c->col = t->col;
        if (kind(p) == TOK_VAR) {
            *name = t->u.name.s;
            advance(p);
        } else if (kind(p) != TOK_LPAREN) {
            parse_syntax_error(p);
        }
        c->pats = parse_args(p, true);
        parse_clause_tail(p, c);
    } while (accept(p, TOK_SEMI));
    parse_expect(p, TOK_KEND);
    AstClause *cs = v.v;
    const char **ns = names.v;
    for (int i = 1; i < v.n; i++) {
        bool same_name = (!ns[0] && !ns[i]) || (ns[0] && ns[i] && strcmp(ns[0], ns[i]) == 0);
        if (!same_name || cs[i].pats.n != cs[0].pats.n)
            parse_fail_at(p, cs[i].line, cs[i].col, "head mismatch");
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
        AstExpr *e = parse_node_at(p, AST_FUN_REF, ft);
        e->u.fun_ref.fun = atom_or_var(p, false);
        advance(p);
        if (kind(p) != TOK_INT)
            parse_syntax_error(p);
        e->u.fun_ref.arity = atom_or_var(p, true);
        return e;
    }
    if ((k == TOK_ATOM || k == TOK_VAR) && k1 == TOK_COLON) {
        AstExpr *e = parse_node_at(p, AST_FUN_REF, ft);
        e->u.fun_ref.mod = atom_or_var(p, false);
        advance(p);
        e->u.fun_ref.fun = atom_or_var(p, false);
        parse_expect(p, TOK_SLASH);
        e->u.fun_ref.arity = atom_or_var(p, true);
        return e;
    }
    if (k == TOK_ATOM) {
        advance(p);
        parse_syntax_error(p);
    }
    if (k == TOK_VAR && k1 != TOK_LPAREN) {
        advance(p);
        parse_syntax_error(p);
    }
    if (k != TOK_VAR && k != TOK_LPAREN)
        parse_syntax_error(p);
    AstExpr *e = parse_node_at(p, AST_FUN, ft);
    parse_fun_clauses(p, e);
    return e;
}

AstExpr *parse_max(Parser *p)
{
    const Token *t = cur(p);
    AstExpr *e;
    switch (kind(p)) {
    case TOK_VAR:
        e = parse_node_at(p, AST_VAR, t);
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
        parse_expect(p, TOK_RPAREN);
        break;
    case TOK_BEGIN:
        advance(p);
        e = parse_node_at(p, AST_BLOCK, t);
        e->u.block.body = parse_exprs(p);
        parse_expect(p, TOK_KEND);
        break;
    case TOK_IF: e = parse_if(p); break;
    case TOK_CASE: e = parse_case(p); break;
    case TOK_RECEIVE: e = parse_receive(p); break;
    case TOK_FUN: e = parse_fun(p); break;
    case TOK_TRY: e = parse_try(p); break;
    default: parse_syntax_error(p);
    }
    return e;
}

/* pat_expr_max in patterns: lists, binaries and tuples hold full
 * expressions (as in erl_parse), but no comprehensions. */
AstExpr *parse_pat_max(Parser *p)
{
    AstExpr *e;
    switch (kind(p)) {
    case TOK_LBRACK: e = parse_list(p, false); break;
    case TOK_LTLT: e = parse_bin(p, false); break;
    case TOK_LPAREN:
        advance(p);
        e = parse_pat(p);
        parse_expect(p, TOK_RPAREN);
        break;
    default: e = parse_max(p); break;
    }
    return e;
}

_Noreturn void parse_fail_first(Parser *p, AstExpr *e, const char *msg)
{
    int l, c;
    ast_first_pos(e, &l, &c);
    parse_fail_at(p, l, c, msg);
}
