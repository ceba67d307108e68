/* codegen_lc.c - lowering of list comprehensions: each generator becomes
 * a recursive helper function, named and shaped as erlc's lc$^N helpers,
 * that captures only what the rest of the comprehension uses. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_lower.h"

/* ---- list comprehensions
 *
 * [T || Q1, Q2, ...] as erlc compiles it: each generator P <- L becomes a
 * helper function H(List, Free...) with the clauses
 *     H([P | Tail]) -> <the rest of the qualifiers>, ending in [T | H(Tail)]
 *     H([_ | Tail]) -> H(Tail)                  (only if P can fail)
 *     H([]) -> <the tail of the enclosing generator, or []>
 *     H(cg_xreg) -> error({bad_generator, cg_xreg})
 * so that nested generators need no append. Filters that are guard
 * expressions are guards (an exception means false); other filters must
 * give true or false ({bad_filter, V} otherwise). The template is
 * evaluated before the rest of the list, so side effects run in order. */

typedef struct LcTail {
    KFun *helper;      /* NULL: the tail is [] */
    const char *tname; /* the variable holding the helper's list tail */
    const struct LcTail *up;
} LcTail;

static bool is_guard_expr(Cg *c, const AstExpr *e);

static bool guard_list_ok(Cg *c, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (!is_guard_expr(c, l->items[i]))
            return false;
    return true;
}

/* Is e a valid guard expression (erl_lint:is_guard_test/1)? */
static bool is_guard_expr(Cg *c, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL: case AST_VAR:
        return true;
    case AST_BIN:
        return cg_is_const(e);
    case AST_TUPLE:
        return guard_list_ok(c, &e->u.tuple.elems);
    case AST_LIST:
        return guard_list_ok(c, &e->u.list.elems) && is_guard_expr(c, e->u.list.tail);
    case AST_BINOP:
        return e->u.binop.op != AST_OP_SEND && e->u.binop.op != AST_OP_APPEND &&
               e->u.binop.op != AST_OP_SUBTRACT && is_guard_expr(c, e->u.binop.lhs) &&
               is_guard_expr(c, e->u.binop.rhs);
    case AST_UNOP:
        return is_guard_expr(c, e->u.unop.arg);
    case AST_CALL: {
        const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
        if (f->kind != AST_ATOM || (m && !cg_is_atom_named(m, "erlang")))
            return false;
        if (!m && (cg_find_local(c, f->u.atom.name, e->u.call.args.n) || cg_import_of(c, f->u.atom.name,
                                                                                      e->u.call.args.n)))
            return false;
        return cg_is_guard_bif(f->u.atom.name, e->u.call.args.n) && guard_list_ok(c, &e->u.call.args);
    }
    default:
        return false;
    }
}

static KOp lc_rest(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, bool tail);

/* The tail of the list being built: [] or a call of the enclosing helper. */
static KOp lc_tail(L *l, KBody *b, const LcTail *t, bool tail, int line)
{
    if (!t->helper)
        return cg_done(l, b, klit(cg_mk_node(l->c, AST_NIL, line)), tail, line);
    KFun *h = t->helper;
    KOp *args = cg_kops(l, 1 + h->nfree);
    args[0] = cg_lookup_var(l, b, t->tname, line, 0);
    for (int i = 0; i < h->nfree; i++)
        args[1 + i] = cg_lookup_var(l, b, h->fnames[i], line, 0);
    return cg_emit_call(l, b, CT_LOCAL, NULL, h->name, h, args, 1 + h->nfree, tail, line);
}

/* Ends a clause body of a value-mode construct with its break. */
static void value_break(L *l, KBody *b, ClauseRes *rs, KOp v, int line)
{
    rs->val = v;
    rs->brk = cg_kst(l, b, K_BREAK, line);
}

static KOp lc_filter(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, bool tail)
{
    const AstQual *q = &lc->u.comp.quals[i];
    int line = q->line;
    KStmt *K;
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    if (is_guard_expr(l->c, q->expr)) {
        K = cg_kst(l, b, K_MATCH, line);
        K->nclauses = 2;
        K->clauses = cg_kclauses(l, 2);
        KGuard *g = &K->clauses[0].guard;
        g->n = 1;
        g->alts = cg_alloc(l->c, sizeof *g->alts);
        g->alts[0].n = 1;
        g->alts[0].tests = cg_alloc(l->c, sizeof(GExpr *));
        g->alts[0].tests[0] = cg_lower_gexpr(l, q->expr);
    } else {
        KOp v = kvar(cg_as_var(l, b, cg_lower_expr(l, b, q->expr), line));
        K = cg_kst(l, b, K_MATCH, line);
        K->nclauses = 2;
        K->clauses = cg_kclauses(l, 2);
        cg_ktest(l, &K->clauses[0], T_EQ, v)->b = klit(cg_mk_atom(l->c, "true"));
        cg_ktest(l, &K->clauses[1], T_EQ, v)->b = klit(cg_mk_atom(l->c, "false"));
        KOp err = cg_emit_tuple2(l, &K->alt, "bad_filter", v, line);
        cg_emit_error(l, &K->alt, E_ERROR_CALL, line, err, err);
    }
    K->terminal = tail;
    int m = l->nenv;
    KOp v0 = lc_rest(l, &K->clauses[0].body, lc, i + 1, t, tail);
    l->nenv = m;
    KOp v1 = lc_tail(l, &K->clauses[1].body, t, tail, line);
    if (tail)
        return klit(NULL);
    value_break(l, &K->clauses[0].body, &rs[0], v0, line);
    value_break(l, &K->clauses[1].body, &rs[1], v1, line);
    cg_finish_value(l, K, rs, 2);
    return kvar(K->rets[0]);
}

/* The names the helper of generator i may need from outside: those the
 * later qualifiers' expressions and the template use before a generator
 * pattern from i on binds them again (patterns always bind afresh), and
 * what the tail call to the enclosing helper passes. Like erlc, the
 * helper captures no other variable. */
static void lc_needs(Cg *c, const AstExpr *lc, int i, const LcTail *t, Names *need)
{
    Names bound = { 0 }, used = { 0 };
    cg_names_in(c, &bound, lc->u.comp.quals[i].pat);
    for (int j = i + 1; j <= lc->u.comp.nquals; j++) {
        const AstQual *q = j < lc->u.comp.nquals ? &lc->u.comp.quals[j] : NULL;
        used.n = 0;
        used.tab = NULL;
        used.tabcap = 0;
        cg_names_in(c, &used, q ? q->expr : lc->u.comp.templ);
        for (int k = 0; k < used.n; k++)
            if (!cg_names_has(&bound, used.v[k]))
                cg_names_add(c, need, used.v[k]);
        if (q && q->kind != AST_QUAL_FILTER)
            cg_names_in(c, &bound, q->pat);
    }
    if (t->helper) {
        for (int k = 0; k < t->helper->nfree; k++)
            cg_names_add(c, need, t->helper->fnames[k]);
        cg_names_add(c, need, t->tname);
    }
}

static KOp lc_generator(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, bool tail)
{
    Cg *c = l->c;
    const AstQual *q = &lc->u.comp.quals[i];
    int line = q->line;
    KOp lv = cg_lower_expr(l, b, q->expr);
    Names need = { 0 }, fr = { 0 };
    lc_needs(c, lc, i, t, &need);
    cg_free_names(l, &need, NULL, &fr);
    int k = (*l->nlifted)++, kn = (*l->nlc)++;
    KFun *h = cg_new_kfun(c, cg_printf(c, "-%s/%d-lc$^%d/1-%d-", l->top, l->top_arity, k, kn), 1 + fr.n, line);
    h->nfree = fr.n;
    h->fnames = fr.v;
    const char *tname = cg_printf(c, "lc$T%d", k);
    L ch = cg_child_of(l, h);
    for (int j = 0; j < fr.n; j++)
        cg_env_push(&ch, fr.v[j], kvar(1 + j), NULL);
    KStmt *K = cg_kst(&ch, &h->body, K_MATCH, line);
    K->terminal = true;
    bool refutable = q->pat->kind != AST_VAR;
    K->nclauses = refutable ? 3 : 2;
    K->clauses = cg_kclauses(&ch, K->nclauses);
    KOp v0 = kvar(0);
    /* [P | Tail] */
    KClause *c0 = &K->clauses[0];
    cg_ktest(&ch, c0, T_TYPE, v0)->name = "is_nonempty_list";
    KTest *g = cg_ktest(&ch, c0, T_GET_LIST, v0);
    if (!cg_is_wild(q->pat))
        g->d1 = new_var(&ch);
    g->d2 = new_var(&ch);
    int m = ch.nenv;
    if (g->d1 >= 0)
        cg_lower_pattern(&ch, c0, q->pat, kvar(g->d1), m);
    cg_env_push(&ch, tname, kvar(g->d2), NULL);
    LcTail nt = { h, tname, t };
    lc_rest(&ch, &c0->body, lc, i + 1, &nt, true);
    ch.nenv = m;
    int ci = 1;
    if (refutable) {
        /* [_ | Tail] */
        KClause *c1 = &K->clauses[ci++];
        cg_ktest(&ch, c1, T_TYPE, v0)->name = "is_nonempty_list";
        KTest *g1 = cg_ktest(&ch, c1, T_GET_LIST, v0);
        g1->d2 = new_var(&ch);
        KOp *args = cg_kops(&ch, 1 + fr.n);
        args[0] = kvar(g1->d2);
        for (int j = 0; j < fr.n; j++)
            args[1 + j] = kvar(1 + j);
        cg_emit_call(&ch, &c1->body, CT_LOCAL, NULL, h->name, h, args, 1 + fr.n, true, line);
    }
    /* [] */
    KClause *c2 = &K->clauses[ci];
    cg_ktest(&ch, c2, T_TYPE, v0)->name = "is_nil";
    lc_tail(&ch, &c2->body, t, true, line);
    KOp err = cg_emit_tuple2(&ch, &K->alt, "bad_generator", v0, line);
    cg_emit_error(&ch, &K->alt, E_ERROR_CALL, line, err, err);
    h->lowered = true;
    KOp *args = cg_kops(l, 1 + fr.n);
    args[0] = lv;
    for (int j = 0; j < fr.n; j++)
        args[1 + j] = cg_lookup_var(l, b, fr.v[j], line, 0);
    return cg_emit_call(l, b, CT_LOCAL, NULL, h->name, h, args, 1 + fr.n, tail, line);
}

/* The qualifiers from i on, then the template. */
static KOp lc_rest(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, bool tail)
{
    int line = lc->line;
    if (i == lc->u.comp.nquals) {
        KOp pair[2];
        pair[0] = cg_lower_expr(l, b, lc->u.comp.templ);
        pair[1] = lc_tail(l, b, t, false, line);
        return cg_done(l, b, cg_emit_dst(l, b, K_CONS, line, pair, 2), tail, line);
    }
    const AstQual *q = &lc->u.comp.quals[i];
    if (q->kind == AST_QUAL_FILTER)
        return lc_filter(l, b, lc, i, t, tail);
    if (q->kind == AST_QUAL_BINGEN) {
        cg_error(l->c, q->line, q->col, "binary generators are not supported");
        return cg_done(l, b, klit(cg_mk_node(l->c, AST_NIL, line)), tail, line);
    }
    return lc_generator(l, b, lc, i, t, tail);
}

KOp cg_lower_lc(L *l, KBody *b, const AstExpr *e, bool tail)
{
    if (e->kind == AST_BC) {
        cg_error(l->c, e->line, e->col, "binary comprehensions are not supported");
        return cg_done(l, b, klit(cg_mk_node(l->c, AST_NIL, e->line)), tail, e->line);
    }
    int m = l->nenv;
    LcTail t0 = { NULL, NULL, NULL };
    KOp r = lc_rest(l, b, e, 0, &t0, tail);
    l->nenv = m;
    return r;
}
