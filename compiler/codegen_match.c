/* codegen_match.c - lowering of pattern matching: patterns to tests,
 * guards to guard expressions, clauses (bindings exported from them), and
 * the constructs made of clauses: case, if, Pattern = Expr, andalso and
 * orelse. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_lower.h"

/* ---- patterns */

/* The elements of a constant proper list (a string, [a, b | "cd"]...);
 * false if e is not one. */
static bool const_elems(L *l, const AstExpr *e, const AstExpr ***out, int *n, int *cap)
{
    for (;;) {
        if (e->kind == AST_NIL)
            return true;
        if (e->kind == AST_STRING) {
            for (size_t i = 0; i < e->u.str.len; i++) {
                *out = cg_grow(l->c, *out, *n, cap, sizeof **out);
                (*out)[(*n)++] = cg_mk_int(l->c, e->u.str.chars[i]);
            }
            return true;
        }
        if (e->kind != AST_LIST)
            return false;
        for (int i = 0; i < e->u.list.elems.n; i++) {
            if (!cg_is_const(e->u.list.elems.items[i]))
                return false;
            *out = cg_grow(l->c, *out, *n, cap, sizeof **out);
            (*out)[(*n)++] = e->u.list.elems.items[i];
        }
        e = e->u.list.tail;
    }
}

/* "abc" ++ Rest as a pattern: the known elements one by one; returns the
 * operand the rest is matched against. */
static bool pattern_prefix(L *l, KClause *kc, const AstExpr *lhs, KOp s, KOp *rest)
{
    const AstExpr **el = NULL;
    int n = 0, cap = 0;
    if (!const_elems(l, lhs, &el, &n, &cap))
        return false;
    KOp cur = s;
    for (int i = 0; i < n; i++) {
        cg_ktest(l, kc, T_TYPE, cur)->name = "is_nonempty_list";
        KTest *t = cg_ktest(l, kc, T_GET_LIST, cur);
        t->d1 = new_var(l);
        t->d2 = new_var(l);
        cg_ktest(l, kc, T_EQ, kvar(t->d1))->b = klit(el[i]);
        cur = kvar(t->d2);
    }
    *rest = cur;
    return true;
}

static void pattern_tuple(L *l, KClause *kc, const AstExpr *p, KOp s, int mark)
{
    int n = p->u.tuple.elems.n;
    AstExpr *const *el = p->u.tuple.elems.items;
    bool tagged = n >= 1 && el[0]->kind == AST_ATOM;
    if (tagged) {
        KTest *t = cg_ktest(l, kc, T_TAGGED, s);
        t->n = n;
        t->tag = el[0]->u.atom.name;
    } else {
        cg_ktest(l, kc, T_TYPE, s)->name = "is_tuple";
        cg_ktest(l, kc, T_ARITY, s)->n = n;
    }
    for (int i = tagged ? 1 : 0; i < n; i++) {
        if (cg_is_wild(el[i]))
            continue;
        KTest *t = cg_ktest(l, kc, T_GET_ELEM, s);
        t->n = i;
        t->d1 = new_var(l);
        cg_lower_pattern(l, kc, el[i], kvar(t->d1), mark);
    }
}

static void pattern_list(L *l, KClause *kc, const AstExpr *p, KOp s, int mark)
{
    KOp cur = s;
    int n = p->u.list.elems.n;
    for (int i = 0; i < n; i++) {
        const AstExpr *e = p->u.list.elems.items[i];
        bool last = i == n - 1;
        cg_ktest(l, kc, T_TYPE, cur)->name = "is_nonempty_list";
        KTest *t = cg_ktest(l, kc, T_GET_LIST, cur);
        if (!cg_is_wild(e))
            t->d1 = new_var(l);
        if (!(last && cg_is_wild(p->u.list.tail)))
            t->d2 = new_var(l);
        if (t->d1 >= 0)
            cg_lower_pattern(l, kc, e, kvar(t->d1), mark);
        if (t->d2 < 0)
            return;
        cur = kvar(t->d2);
    }
    cg_lower_pattern(l, kc, p->u.list.tail, cur, mark);
}

/* Adds to kc the tests that match pattern p against s, binding its new
 * variables in the environment. Variables already bound at index >= mark
 * of the environment are compared instead (mark = 0: every binding). */
void cg_lower_pattern(L *l, KClause *kc, const AstExpr *p, KOp s, int mark)
{
    switch (p->kind) {
    case AST_VAR: {
        if (cg_is_wild(p))
            return;
        const EnvEnt *en = cg_env_find(l, p->u.var.name, mark);
        if (en && !en->self) {
            cg_ktest(l, kc, T_EQ, s)->b = en->op;
            return;
        }
        cg_env_push(l, p->u.var.name, s, NULL);
        return;
    }
    case AST_MATCH:
        cg_lower_pattern(l, kc, p->u.match.pat, s, mark);
        cg_lower_pattern(l, kc, p->u.match.expr, s, mark);
        return;
    case AST_NIL:
        cg_ktest(l, kc, T_TYPE, s)->name = "is_nil";
        return;
    case AST_STRING:
        if (p->u.str.len == 0) {
            cg_ktest(l, kc, T_TYPE, s)->name = "is_nil";
            return;
        }
        break;
    case AST_TUPLE:
        if (!cg_is_const(p)) {
            pattern_tuple(l, kc, p, s, mark);
            return;
        }
        break;
    case AST_LIST:
        if (!cg_is_const(p)) {
            pattern_list(l, kc, p, s, mark);
            return;
        }
        break;
    case AST_BINOP:
        if (p->u.binop.op == AST_OP_APPEND) {
            KOp rest;
            if (pattern_prefix(l, kc, p->u.binop.lhs, s, &rest)) {
                cg_lower_pattern(l, kc, p->u.binop.rhs, rest, mark);
                return;
            }
        }
        /* fall through */
    case AST_UNOP: {
        int64_t v;
        if (cg_fold_int(p, &v)) {
            cg_ktest(l, kc, T_EQ, s)->b = klit(cg_mk_int(l->c, v));
            return;
        }
        const AstExpr *lit = cg_fold_number(l->c, p);
        if (lit) {
            cg_ktest(l, kc, T_EQ, s)->b = klit(lit);
            return;
        }
        cg_error(l->c, p->line, p->col, "illegal pattern");
        return;
    }
    default:
        break;
    }
    if (!cg_is_const(p)) {
        cg_error(l->c, p->line, p->col,
                 p->kind == AST_BIN ? "binary patterns that are not constants are not supported" : "illegal pattern");
        /* the module fails; its variables are bound to something all the
         * same, so that their uses report nothing more */
        Names vars = { 0 };
        cg_names_in(l->c, &vars, p);
        for (int i = 0; i < vars.n; i++)
            if (!cg_env_find(l, vars.v[i], 0))
                cg_env_push(l, vars.v[i], klit(cg_mk_atom(l->c, "undefined")), NULL);
        return;
    }
    cg_ktest(l, kc, T_EQ, s)->b = klit(p);
}

/* ---- guards */

static GExpr *gnode(L *l, GKind k, int nargs)
{
    GExpr *g = cg_alloc(l->c, sizeof *g);
    g->kind = (uint8_t)k;
    g->nargs = nargs;
    g->args = cg_alloc(l->c, (size_t)(nargs ? nargs : 1) * sizeof *g->args);
    return g;
}

static GExpr *gop(L *l, KOp op)
{
    GExpr *g = gnode(l, G_OP, 0);
    g->op = op;
    return g;
}

static GExpr *gbif(L *l, const char *name, const AstExprList *args)
{
    GExpr *g = gnode(l, G_BIF, args->n);
    g->name = name;
    for (int i = 0; i < args->n; i++)
        g->args[i] = cg_lower_gexpr(l, args->items[i]);
    return g;
}

static GExpr *glist(L *l, AstExpr *const *el, int n, const AstExpr *tail)
{
    if (n == 0)
        return cg_lower_gexpr(l, tail);
    GExpr *g = gnode(l, G_CONS, 2);
    g->args[0] = cg_lower_gexpr(l, el[0]);
    g->args[1] = glist(l, el + 1, n - 1, tail);
    return g;
}

/* A guard expression, with its variables resolved. */
GExpr *cg_lower_gexpr(L *l, const AstExpr *e)
{
    if (cg_is_const(e))
        return gop(l, klit(e));
    switch (e->kind) {
    case AST_VAR: {
        const EnvEnt *en = cg_env_find(l, e->u.var.name, 0);
        if (!en || en->self) {
            cg_error(l->c, e->line, e->col, "variable '%s' is unbound", e->u.var.name);
            return gop(l, klit(cg_mk_atom(l->c, "false")));
        }
        return gop(l, en->op);
    }
    case AST_TUPLE: {
        GExpr *g = gnode(l, G_TUPLE, e->u.tuple.elems.n);
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            g->args[i] = cg_lower_gexpr(l, e->u.tuple.elems.items[i]);
        return g;
    }
    case AST_LIST:
        return glist(l, e->u.list.elems.items, e->u.list.elems.n, e->u.list.tail);
    case AST_BINOP: {
        AstOp op = e->u.binop.op;
        if (op == AST_OP_ANDALSO || op == AST_OP_ORELSE) {
            GExpr *g = gnode(l, op == AST_OP_ANDALSO ? G_AND : G_OR, 2);
            g->args[0] = cg_lower_gexpr(l, e->u.binop.lhs);
            g->args[1] = cg_lower_gexpr(l, e->u.binop.rhs);
            return g;
        }
        if (op == AST_OP_SEND)
            break;
        AstExpr *items[2] = { e->u.binop.lhs, e->u.binop.rhs };
        AstExprList args = { items, 2 };
        return gbif(l, ast_op_name(op), &args);
    }
    case AST_UNOP: {
        AstExpr *items[1] = { e->u.unop.arg };
        AstExprList args = { items, 1 };
        return gbif(l, ast_op_name(e->u.unop.op), &args);
    }
    case AST_CALL: {
        const AstExpr *f = e->u.call.fun;
        if (f->kind != AST_ATOM || (e->u.call.mod && !cg_is_atom_named(e->u.call.mod, "erlang")))
            break;
        const AstExprList *a = &e->u.call.args;
        if (strcmp(f->u.atom.name, "is_record") == 0 && a->n == 3 && a->items[1]->kind == AST_ATOM &&
            a->items[2]->kind == AST_INT) {
            GExpr *g = gnode(l, G_TAGGED, 1);
            g->args[0] = cg_lower_gexpr(l, a->items[0]);
            g->name = a->items[1]->u.atom.name;
            g->n = (int)a->items[2]->u.int_.value;
            return g;
        }
        return gbif(l, f->u.atom.name, a);
    }
    default:
        break;
    }
    cg_error(l->c, e->line, e->col, "illegal guard expression");
    return gop(l, klit(cg_mk_atom(l->c, "false")));
}

static KGuard lower_guard(L *l, const AstGuard *g)
{
    KGuard kg = { 0 };
    kg.n = g->n;
    kg.alts = cg_alloc(l->c, (size_t)(g->n ? g->n : 1) * sizeof *kg.alts);
    for (int i = 0; i < g->n; i++) {
        kg.alts[i].n = g->alts[i].n;
        kg.alts[i].tests = cg_alloc(l->c, (size_t)(g->alts[i].n ? g->alts[i].n : 1) * sizeof(GExpr *));
        for (int j = 0; j < g->alts[i].n; j++)
            kg.alts[i].tests[j] = cg_lower_gexpr(l, g->alts[i].items[j]);
    }
    return kg;
}

/* ---- clauses */

KFun *cg_find_local(Cg *c, const char *name, int arity)
{
    for (int i = 0; i < c->nlocals; i++)
        if (c->locals[i]->arity == arity && strcmp(c->locals[i]->name, name) == 0)
            return c->locals[i];
    return NULL;
}

/* Lowers one clause: its patterns against subj (fresh: variables already
 * bound outside the patterns are shadowed, as in fun heads), its guard and
 * its body, in tail or value mode. stvar/trace: a catch clause's stack
 * trace variable, bound to the built trace where the body starts. */
void cg_lower_clause(L *l, KClause *kc, const AstClause *ac, const KOp *subj, int nsubj, bool fresh, bool tail,
                     const AstExpr *stvar, KOp trace, ClauseRes *res)
{
    int m = l->nenv;
    kc->line = ac->line;
    for (int i = 0; i < nsubj; i++)
        cg_lower_pattern(l, kc, ac->pats.items[i], subj[i], fresh ? m : 0);
    kc->guard = lower_guard(l, &ac->guard);
    if (stvar && !cg_is_wild(stvar)) {
        KOp st = cg_emit_call(l, &kc->body, CT_BUILD_ST, NULL, NULL, NULL, &trace, 1, false, ac->line);
        cg_env_push(l, stvar->u.var.name, st, NULL);
    }
    memset(res, 0, sizeof *res);
    if (tail) {
        cg_lower_seq_tail(l, &kc->body, &ac->body);
    } else {
        res->val = cg_lower_seq(l, &kc->body, &ac->body);
        int last = ac->body.n ? ac->body.items[ac->body.n - 1]->line : ac->line;
        res->brk = cg_kst(l, &kc->body, K_BREAK, last);
    }
    res->n = l->nenv - m;
    res->names = cg_alloc(l->c, (size_t)(res->n ? res->n : 1) * sizeof *res->names);
    res->ops = cg_kops(l, res->n);
    for (int i = 0; i < res->n; i++) {
        res->names[i] = l->env[m + i].name;
        res->ops[i] = l->env[m + i].op;
    }
    l->nenv = m;
}

static bool res_has(const ClauseRes *r, const char *name, KOp *op)
{
    for (int i = r->n; i-- > 0;)
        if (strcmp(r->names[i], name) == 0) {
            if (op)
                *op = r->ops[i];
            return true;
        }
    return false;
}

/* Value mode: the construct passes its value (if has_value) and the
 * variables every clause binds (safe to use after it, as erl_lint says)
 * to its continuation. Fills in each clause's break and binds the
 * exported names to the construct's results. */
void cg_finish_exports(L *l, KStmt *K, ClauseRes *rs, int n, bool has_value)
{
    const char **ex = cg_alloc(l->c, (size_t)(n && rs[0].n ? rs[0].n : 1) * sizeof *ex);
    int nex = 0;
    for (int j = 0; n > 0 && j < rs[0].n; j++) {
        const char *name = rs[0].names[j];
        bool all = true;
        for (int i = 1; i < n && all; i++)
            all = res_has(&rs[i], name, NULL);
        for (int k = 0; k < nex && all; k++)
            all = strcmp(ex[k], name) != 0;
        if (all)
            ex[nex++] = name;
    }
    int off = has_value ? 1 : 0;
    K->nrets = off + nex;
    K->rets = cg_alloc(l->c, (size_t)(K->nrets ? K->nrets : 1) * sizeof(int));
    for (int i = 0; i < K->nrets; i++)
        K->rets[i] = new_var(l);
    for (int i = 0; i < n; i++) {
        KStmt *brk = rs[i].brk;
        if (!brk)
            continue;
        brk->nargs = K->nrets;
        brk->args = cg_kops(l, K->nrets);
        if (has_value)
            brk->args[0] = rs[i].val;
        for (int k = 0; k < nex; k++)
            res_has(&rs[i], ex[k], &brk->args[off + k]);
    }
    for (int k = 0; k < nex; k++)
        cg_env_push(l, ex[k], kvar(K->rets[off + k]), NULL);
}

KClause *cg_kclauses(L *l, int n) { return cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof(KClause)); }

/* ---- control constructs */

KOp cg_lower_case(L *l, KBody *b, const AstExpr *e, bool tail)
{
    KOp s = cg_lower_expr(l, b, e->u.case_.expr);
    KOp sv = kvar(cg_as_var(l, b, s, e->line));
    int n = e->u.case_.nclauses;
    KStmt *K = cg_kst(l, b, K_MATCH, e->line);
    K->terminal = tail;
    K->nclauses = n;
    K->clauses = cg_kclauses(l, n);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof *rs);
    for (int i = 0; i < n; i++)
        cg_lower_clause(l, &K->clauses[i], &e->u.case_.clauses[i], &sv, 1, false, tail, NULL, klit(NULL), &rs[i]);
    cg_emit_error(l, &K->alt, E_CASE, e->line, sv, sv);
    if (tail)
        return sv;
    cg_finish_exports(l, K, rs, n, true);
    return kvar(K->rets[0]);
}

KOp cg_lower_if(L *l, KBody *b, const AstExpr *e, bool tail)
{
    int n = e->u.if_.nclauses;
    KStmt *K = cg_kst(l, b, K_MATCH, e->line);
    K->terminal = tail;
    K->nclauses = n;
    K->clauses = cg_kclauses(l, n);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof *rs);
    for (int i = 0; i < n; i++)
        cg_lower_clause(l, &K->clauses[i], &e->u.if_.clauses[i], NULL, 0, false, tail, NULL, klit(NULL), &rs[i]);
    cg_emit_error(l, &K->alt, E_IF, e->line, klit(NULL), klit(NULL));
    if (tail)
        return klit(NULL);
    cg_finish_exports(l, K, rs, n, true);
    return kvar(K->rets[0]);
}

/* In value mode, a try passes only its value on: what it binds is unsafe
 * after it (erl_lint). */
void cg_finish_value(L *l, KStmt *K, ClauseRes *rs, int n)
{
    K->nrets = 1;
    K->rets = cg_alloc(l->c, sizeof(int));
    K->rets[0] = new_var(l);
    for (int i = 0; i < n; i++)
        if (rs[i].brk) {
            rs[i].brk->nargs = 1;
            rs[i].brk->args = cg_kops(l, 1);
            rs[i].brk->args[0] = rs[i].val;
        }
}

/* P = E */
KOp cg_lower_match(L *l, KBody *b, const AstExpr *e)
{
    KOp v = cg_lower_expr(l, b, e->u.match.expr);
    const AstExpr *p = e->u.match.pat;
    if (p->kind == AST_VAR) {
        if (cg_is_wild(p))
            return v;
        if (!cg_env_find(l, p->u.var.name, 0)) {
            cg_env_push(l, p->u.var.name, v, NULL);
            return v;
        }
    }
    KOp sv = kvar(cg_as_var(l, b, v, e->line));
    KStmt *K = cg_kst(l, b, K_MATCH, e->line);
    K->nclauses = 1;
    K->clauses = cg_kclauses(l, 1);
    int m = l->nenv;
    cg_lower_pattern(l, &K->clauses[0], p, sv, 0);
    ClauseRes rs = { 0 };
    rs.n = l->nenv - m;
    rs.names = cg_alloc(l->c, (size_t)(rs.n ? rs.n : 1) * sizeof *rs.names);
    rs.ops = cg_kops(l, rs.n);
    for (int i = 0; i < rs.n; i++) {
        rs.names[i] = l->env[m + i].name;
        rs.ops[i] = l->env[m + i].op;
    }
    l->nenv = m;
    rs.brk = cg_kst(l, &K->clauses[0].body, K_BREAK, e->line);
    cg_emit_error(l, &K->alt, E_BADMATCH, e->line, sv, sv);
    cg_finish_exports(l, K, &rs, 1, false);
    return v;
}

/* A andalso B, A orelse B: B only when A does not decide; A must be a
 * boolean ({badarg, A} otherwise). */
KOp cg_lower_andalso(L *l, KBody *b, const AstExpr *e, bool tail)
{
    bool is_and = e->u.binop.op == AST_OP_ANDALSO;
    int line = e->line;
    KOp a = cg_lower_expr(l, b, e->u.binop.lhs);
    KOp av = kvar(cg_as_var(l, b, a, line));
    KStmt *K = cg_kst(l, b, K_MATCH, line);
    K->terminal = tail;
    K->nclauses = 2;
    K->clauses = cg_kclauses(l, 2);
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    int m = l->nenv;
    cg_ktest(l, &K->clauses[0], T_EQ, av)->b = klit(cg_mk_atom(l->c, is_and ? "true" : "false"));
    if (tail) {
        cg_lower_tail(l, &K->clauses[0].body, e->u.binop.rhs);
    } else {
        rs[0].val = cg_lower_expr(l, &K->clauses[0].body, e->u.binop.rhs);
        rs[0].brk = cg_kst(l, &K->clauses[0].body, K_BREAK, line);
    }
    l->nenv = m;
    KOp other = klit(cg_mk_atom(l->c, is_and ? "false" : "true"));
    cg_ktest(l, &K->clauses[1], T_EQ, av)->b = other;
    rs[1].val = cg_done(l, &K->clauses[1].body, other, tail, line);
    if (!tail)
        rs[1].brk = cg_kst(l, &K->clauses[1].body, K_BREAK, line);
    KOp t = cg_emit_tuple2(l, &K->alt, "badarg", av, line);
    cg_emit_error(l, &K->alt, E_ERROR_CALL, line, t, t);
    if (tail)
        return klit(NULL);
    cg_finish_value(l, K, rs, 2);
    return kvar(K->rets[0]);
}
