/* codegen_try.c - lowering of the constructs that leave the normal flow:
 * try ... of ... catch ... after, catch Expr, and receive ... after. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_lower.h"

/* receive: each clause matches the message; the after body (with its
 * timeout, evaluated first) is the statement's alternative. */
KOp cg_lower_receive(L *l, KBody *b, const AstExpr *e, bool tail)
{
    KOp to = klit(NULL);
    if (e->u.receive.after)
        to = cg_lower_expr(l, b, e->u.receive.after);
    int n = e->u.receive.nclauses;
    KStmt *K = cg_kst(l, b, K_RECV, e->line);
    K->terminal = tail;
    K->has_timeout = e->u.receive.after != NULL;
    K->timeout = to;
    K->msg = new_var(l);
    K->nclauses = n;
    K->clauses = cg_kclauses(l, n);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(n + 1) * sizeof *rs);
    KOp msg = kvar(K->msg);
    for (int i = 0; i < n; i++)
        cg_lower_clause(l, &K->clauses[i], &e->u.receive.clauses[i], &msg, 1, false, tail, NULL, klit(NULL), &rs[i]);
    int nr = n;
    if (K->has_timeout) {
        AstClause ac = { 0 };
        ac.line = e->u.receive.after->line;
        ac.body = e->u.receive.after_body;
        KClause tmp = { 0 };
        cg_lower_clause(l, &tmp, &ac, NULL, 0, false, tail, NULL, klit(NULL), &rs[nr++]);
        K->alt = tmp.body;
    }
    if (tail)
        return klit(NULL);
    cg_finish_exports(l, K, rs, nr, true);
    return kvar(K->rets[0]);
}
static void try_handler_vars(L *l, KStmt *K)
{
    K->cls = new_var(l);
    K->reason = new_var(l);
    K->trace = new_var(l);
}
/* try Body of Clauses catch Clauses end (no after). */
static KOp lower_try_core(L *l, KBody *b, const AstExpr *e, bool tail)
{
    int m = l->nenv, line = e->line;
    KStmt *K = cg_kst(l, b, K_TRY, line);
    K->terminal = tail;
    KOp v = cg_lower_seq(l, &K->body, &e->u.try_.body);
    int nb = l->nenv - m;
    KStmt *brk = cg_kst(l, &K->body, K_BREAK, line);
    brk->nargs = K->nbody_rets = 1 + nb;
    brk->args = cg_kops(l, 1 + nb);
    brk->args[0] = v;
    K->body_rets = cg_alloc(l->c, (size_t)(1 + nb) * sizeof(int));
    K->body_rets[0] = new_var(l);
    const char **bn = cg_alloc(l->c, (size_t)(nb ? nb : 1) * sizeof *bn);
    for (int i = 0; i < nb; i++) {
        bn[i] = l->env[m + i].name;
        brk->args[1 + i] = l->env[m + i].op;
        K->body_rets[1 + i] = new_var(l);
    }
    l->nenv = m;
    for (int i = 0; i < nb; i++)
        cg_env_push(l, bn[i], kvar(K->body_rets[1 + i]), NULL);
    int nof = e->u.try_.nof, nc = e->u.try_.ncatches;
    KOp bv = kvar(K->body_rets[0]);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(nof + nc + 1) * sizeof *rs);
    int nr = 0;
    if (nof == 0) {
        K->nclauses = 1;
        K->clauses = cg_kclauses(l, 1);
        memset(&rs[nr], 0, sizeof rs[nr]);
        rs[nr].val = bv;
        if (tail)
            cg_emit_return(l, &K->clauses[0].body, bv, line);
        else
            rs[nr].brk = cg_kst(l, &K->clauses[0].body, K_BREAK, line);
        nr++;
    } else {
        K->nclauses = nof;
        K->clauses = cg_kclauses(l, nof);
        for (int i = 0; i < nof; i++)
            cg_lower_clause(l, &K->clauses[i], &e->u.try_.of[i], &bv, 1, false, tail, NULL, klit(NULL), &rs[nr++]);
    }
    cg_emit_error(l, &K->alt, E_TRY_CLAUSE, line, bv, bv);
    l->nenv = m;
    try_handler_vars(l, K);
    K->ncatches = nc;
    K->catches = cg_kclauses(l, nc);
    KOp hs[2] = { kvar(K->cls), kvar(K->reason) };
    for (int i = 0; i < nc; i++) {
        const AstClause *ac = &e->u.try_.catches[i];
        cg_lower_clause(l, &K->catches[i], ac, hs, 2, false, tail, ac->pats.n > 2 ? ac->pats.items[2] : NULL,
                        kvar(K->trace), &rs[nr++]);
    }
    cg_emit_error(l, &K->alt2, E_RAISE, line, kvar(K->trace), kvar(K->reason));
    l->nenv = m;
    if (tail)
        return klit(NULL);
    cg_finish_value(l, K, rs, nr);
    return kvar(K->rets[0]);
}
/* try ... after After end: the rest of the try in a protected body; After
 * runs on the way out either way, and the exception is raised again. */
static KOp lower_try_after(L *l, KBody *b, const AstExpr *e, bool tail)
{
    int m = l->nenv, line = e->line;
    KStmt *K = cg_kst(l, b, K_TRY, line);
    K->terminal = tail;
    KOp v;
    if (e->u.try_.nof || e->u.try_.ncatches)
        v = lower_try_core(l, &K->body, e, false);
    else
        v = cg_lower_seq(l, &K->body, &e->u.try_.body);
    l->nenv = m;
    KStmt *brk = cg_kst(l, &K->body, K_BREAK, line);
    brk->nargs = K->nbody_rets = 1;
    brk->args = cg_kops(l, 1);
    brk->args[0] = v;
    K->body_rets = cg_alloc(l->c, sizeof(int));
    K->body_rets[0] = new_var(l);
    KOp bv = kvar(K->body_rets[0]);
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    K->nclauses = 1;
    K->clauses = cg_kclauses(l, 1);
    cg_lower_seq(l, &K->clauses[0].body, &e->u.try_.after);
    l->nenv = m;
    rs[0].val = bv;
    if (tail)
        cg_emit_return(l, &K->clauses[0].body, bv, line);
    else
        rs[0].brk = cg_kst(l, &K->clauses[0].body, K_BREAK, line);
    cg_emit_error(l, &K->alt, E_TRY_CLAUSE, line, bv, bv);
    try_handler_vars(l, K);
    K->ncatches = 1;
    K->catches = cg_kclauses(l, 1);
    cg_lower_seq(l, &K->catches[0].body, &e->u.try_.after);
    l->nenv = m;
    cg_emit_error(l, &K->catches[0].body, E_RAISE, line, kvar(K->trace), kvar(K->reason));
    cg_emit_error(l, &K->alt2, E_RAISE, line, kvar(K->trace), kvar(K->reason));
    if (tail)
        return klit(NULL);
    cg_finish_value(l, K, rs, 1);
    return kvar(K->rets[0]);
}
KOp cg_lower_try(L *l, KBody *b, const AstExpr *e, bool tail)
{
    if (e->u.try_.after.n)
        return lower_try_after(l, b, e, tail);
    return lower_try_core(l, b, e, tail);
}
KOp cg_lower_catch(L *l, KBody *b, const AstExpr *e)
{
    int m = l->nenv;
    KStmt *K = cg_kst(l, b, K_CATCH, e->line);
    KOp v = cg_lower_expr(l, &K->body, e->u.catch_.expr);
    l->nenv = m;
    KStmt *brk = cg_kst(l, &K->body, K_BREAK, e->line);
    brk->nargs = 1;
    brk->args = cg_kops(l, 1);
    brk->args[0] = v;
    K->dst = new_var(l);
    return kvar(K->dst);
}
