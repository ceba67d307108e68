/* codegen_lower.c - lowering infrastructure: variable name sets, the
 * environment of bound variables, and the constructors of K statements,
 * tests and calls that the lowering files build with. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_lower.h"

/* ---- lowering: the tree to K code */

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of name in ns->tab: where it is, or the empty slot for it. */
static int names_slot(const Names *ns, const char *name)
{
    unsigned mask = (unsigned)ns->tabcap - 1, i = name_hash(name) & mask;
    while (ns->tab[i] && strcmp(ns->v[ns->tab[i] - 1], name) != 0)
        i = (i + 1) & mask;
    return (int)i;
}

static void names_reindex(Cg *c, Names *ns)
{
    ns->tabcap = ns->tabcap ? ns->tabcap * 2 : 64;
    ns->tab = cg_alloc(c, (size_t)ns->tabcap * sizeof *ns->tab);
    for (int i = 0; i < ns->n; i++)
        ns->tab[names_slot(ns, ns->v[i])] = i + 1;
}

bool cg_names_has(const Names *ns, const char *name)
{
    if (ns->tab)
        return ns->tab[names_slot(ns, name)] != 0;
    for (int i = 0; i < ns->n; i++)
        if (strcmp(ns->v[i], name) == 0)
            return true;
    return false;
}

void cg_names_add(Cg *c, Names *ns, const char *name)
{
    if (cg_names_has(ns, name))
        return;
    ns->v = cg_grow(c, ns->v, ns->n, &ns->cap, sizeof *ns->v);
    ns->v[ns->n++] = name;
    if (ns->tab && 2 * ns->n <= ns->tabcap)
        ns->tab[names_slot(ns, name)] = ns->n;
    else if (ns->n >= 16)
        names_reindex(c, ns);
}

static void names_in_list(Cg *c, Names *ns, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        cg_names_in(c, ns, l->items[i]);
}

void cg_names_in_clauses(Cg *c, Names *ns, const AstClause *cs, int n)
{
    for (int i = 0; i < n; i++) {
        names_in_list(c, ns, &cs[i].pats);
        for (int j = 0; j < cs[i].guard.n; j++)
            names_in_list(c, ns, &cs[i].guard.alts[j]);
        names_in_list(c, ns, &cs[i].body);
    }
}

/* Every variable name occurring in e (nested funs included). */
void cg_names_in(Cg *c, Names *ns, const AstExpr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case AST_VAR: cg_names_add(c, ns, e->u.var.name); break;
    case AST_TUPLE: names_in_list(c, ns, &e->u.tuple.elems); break;
    case AST_LIST: names_in_list(c, ns, &e->u.list.elems); cg_names_in(c, ns, e->u.list.tail); break;
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            cg_names_in(c, ns, e->u.bin.segs[i].value);
            cg_names_in(c, ns, e->u.bin.segs[i].size);
        }
        break;
    case AST_MATCH: cg_names_in(c, ns, e->u.match.pat); cg_names_in(c, ns, e->u.match.expr); break;
    case AST_BINOP: cg_names_in(c, ns, e->u.binop.lhs); cg_names_in(c, ns, e->u.binop.rhs); break;
    case AST_UNOP: cg_names_in(c, ns, e->u.unop.arg); break;
    case AST_CALL:
        cg_names_in(c, ns, e->u.call.mod);
        cg_names_in(c, ns, e->u.call.fun);
        names_in_list(c, ns, &e->u.call.args);
        break;
    case AST_REMOTE: cg_names_in(c, ns, e->u.remote.mod); cg_names_in(c, ns, e->u.remote.fun); break;
    case AST_FUN_REF:
        cg_names_in(c, ns, e->u.fun_ref.mod);
        cg_names_in(c, ns, e->u.fun_ref.fun);
        cg_names_in(c, ns, e->u.fun_ref.arity);
        break;
    case AST_FUN: cg_names_in_clauses(c, ns, e->u.fun.clauses, e->u.fun.nclauses); break;
    case AST_CASE: cg_names_in(c, ns, e->u.case_.expr); cg_names_in_clauses(c, ns, e->u.case_.clauses,
                                                                            e->u.case_.nclauses); break;
    case AST_IF: cg_names_in_clauses(c, ns, e->u.if_.clauses, e->u.if_.nclauses); break;
    case AST_RECEIVE:
        cg_names_in_clauses(c, ns, e->u.receive.clauses, e->u.receive.nclauses);
        cg_names_in(c, ns, e->u.receive.after);
        names_in_list(c, ns, &e->u.receive.after_body);
        break;
    case AST_TRY:
        names_in_list(c, ns, &e->u.try_.body);
        cg_names_in_clauses(c, ns, e->u.try_.of, e->u.try_.nof);
        cg_names_in_clauses(c, ns, e->u.try_.catches, e->u.try_.ncatches);
        names_in_list(c, ns, &e->u.try_.after);
        break;
    case AST_CATCH: cg_names_in(c, ns, e->u.catch_.expr); break;
    case AST_BLOCK: names_in_list(c, ns, &e->u.block.body); break;
    case AST_LC: case AST_BC:
        cg_names_in(c, ns, e->u.comp.templ);
        for (int i = 0; i < e->u.comp.nquals; i++) {
            cg_names_in(c, ns, e->u.comp.quals[i].pat);
            cg_names_in(c, ns, e->u.comp.quals[i].expr);
        }
        break;
    case AST_RECORD:
        cg_names_in(c, ns, e->u.record.base);
        for (int i = 0; i < e->u.record.nfields; i++)
            cg_names_in(c, ns, e->u.record.fields[i].value);
        break;
    case AST_RECORD_FIELD: cg_names_in(c, ns, e->u.rfield.base); break;
    default: break;
    }
}

void cg_env_push(L *l, const char *name, KOp op, KFun *self)
{
    l->env = cg_grow(l->c, l->env, l->nenv, &l->cap, sizeof *l->env);
    l->env[l->nenv++] = (EnvEnt){ name, name_hash(name), op, self };
}

const EnvEnt *cg_env_find(const L *l, const char *name, int from)
{
    unsigned h = name_hash(name);
    for (int i = l->nenv; i-- > from;)
        if (l->env[i].hash == h && strcmp(l->env[i].name, name) == 0)
            return &l->env[i];
    return NULL;
}

KStmt *cg_kst(L *l, KBody *b, KKind k, int line)
{
    KStmt *s = cg_alloc(l->c, sizeof *s);
    s->kind = (uint8_t)k;
    s->line = line;
    s->dst = -1;
    s->msg = s->cls = s->reason = s->trace = -1;
    b->v = cg_grow(l->c, b->v, b->n, &b->cap, sizeof *b->v);
    b->v[b->n++] = s;
    return s;
}

KOp *cg_kops(L *l, int n) { return cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof(KOp)); }

KTest *cg_ktest(L *l, KClause *kc, KTestKind k, KOp a)
{
    kc->tests = cg_grow(l->c, kc->tests, kc->ntests, &kc->cap, sizeof *kc->tests);
    KTest *t = &kc->tests[kc->ntests++];
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)k;
    t->a = a;
    t->d1 = t->d2 = -1;
    return t;
}

KFun *cg_new_kfun(Cg *c, const char *name, int arity, int line)
{
    /* a fun's or comprehension helper's arguments include the variables
     * it captures: erlc allows more, beamlet's bytecode does not */
    if (arity > BC_MAX_ARITY && !c->capture_reported) {
        cg_error(c, line, 0,
                 "too many variables captured by a fun or comprehension (%d with its arguments, at most %d)",
                 arity, BC_MAX_ARITY);
        c->capture_reported = true; /* once per function */
    }
    KFun *f = cg_alloc(c, sizeof *f);
    f->name = name;
    f->arity = arity;
    f->line = line;
    f->file = c->file;
    f->nvars = arity;
    f->lambda = -1;
    *c->funs_tail = f;
    c->funs_tail = &f->next;
    return f;
}

/* The value of a variable: its operand, or for a named fun's own name
 * inside it, a new closure. */
KOp cg_lookup_var(L *l, KBody *b, const char *name, int line, int col)
{
    const EnvEnt *en = cg_env_find(l, name, 0);
    if (!en) {
        cg_error(l->c, line, col, "variable '%s' is unbound", name);
        return klit(cg_mk_atom(l->c, "undefined"));
    }
    if (en->self) {
        return cg_lower_fun_value(l, b, en->self, line);
    }
    return en->op;
}

/* A variable holding op (constants are moved into one). */
int cg_as_var(L *l, KBody *b, KOp op, int line)
{
    if (op.var >= 0)
        return op.var;
    KStmt *s = cg_kst(l, b, K_MOVE, line);
    s->dst = new_var(l);
    s->args = cg_kops(l, 1);
    s->args[0] = op;
    s->nargs = 1;
    return s->dst;
}

KOp cg_emit_dst(L *l, KBody *b, KKind k, int line, const KOp *args, int n)
{
    KStmt *s = cg_kst(l, b, k, line);
    s->dst = new_var(l);
    s->args = cg_kops(l, n);
    memcpy(s->args, args, (size_t)n * sizeof *args);
    s->nargs = n;
    return kvar(s->dst);
}

KOp cg_emit_tuple2(L *l, KBody *b, const char *tag, KOp v, int line)
{
    KOp a[2] = { klit(cg_mk_atom(l->c, tag)), v };
    return cg_emit_dst(l, b, K_TUPLE, line, a, 2);
}

void cg_emit_error(L *l, KBody *b, ErrKind k, int line, KOp a, KOp a2)
{
    KStmt *s = cg_kst(l, b, K_ERROR, line);
    s->err = (uint8_t)k;
    s->args = cg_kops(l, 2);
    s->args[0] = a;
    s->args[1] = a2;
    s->nargs = k == E_RAISE ? 2 : k == E_IF || k == E_FUNCTION_CLAUSE ? 0 : 1;
}

void cg_emit_return(L *l, KBody *b, KOp v, int line)
{
    KStmt *s = cg_kst(l, b, K_RETURN, line);
    s->args = cg_kops(l, 1);
    s->args[0] = v;
    s->nargs = 1;
}

/* A call; tail: as the body's terminator (then returns nothing useful). */
KOp cg_emit_call(L *l, KBody *b, CallKind ck, const char *mod, const char *name, KFun *fun, const KOp *args,
                 int n, bool tail, int line)
{
    KStmt *s = cg_kst(l, b, tail ? K_ENTER : K_CALL, line);
    s->ckind = (uint8_t)ck;
    s->mod = mod;
    s->name = name;
    s->fun = fun;
    s->arity = ck == CT_FUN ? n - 1 : ck == CT_APPLY ? n - 2 : n;
    s->args = cg_kops(l, n);
    memcpy(s->args, args, (size_t)n * sizeof *args);
    s->nargs = n;
    if (!tail)
        s->dst = new_var(l);
    return kvar(s->dst);
}

KOp cg_emit_bif(L *l, KBody *b, const char *name, const KOp *args, int n, bool gc, int line)
{
    KStmt *s = cg_kst(l, b, K_BIF, line);
    s->name = name;
    s->arity = n;
    s->gc = gc;
    s->args = cg_kops(l, n);
    memcpy(s->args, args, (size_t)n * sizeof *args);
    s->nargs = n;
    s->dst = new_var(l);
    return kvar(s->dst);
}

/* Finishes a value: as a return in tail position. */
KOp cg_done(L *l, KBody *b, KOp v, bool tail, int line)
{
    if (tail)
        cg_emit_return(l, b, v, line);
    return v;
}
