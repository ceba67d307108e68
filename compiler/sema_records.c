/* sema_records.c - the expansion of records into tuple code, as OTP's
 * erl_expand_records does it, once the checks have passed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sema_int.h"

#include "codegen.h"

/* ---- record expansion (erl_expand_records)
 *
 *   #r{f = V}              {r, ..., V, ...}: omitted fields get `_ = E`'s
 *                          value, their default or 'undefined'
 *   #r{f = P} (sema_pattern)    {r, ..., P, ...} with _ for omitted fields
 *   #r.f                   the field's index in the tuple
 *   E#r.f                  case E of {r, _, X, _} -> X;
 *                                    Y -> erlang:error({badrecord, Y}) end
 *                          in a sema_guard: element(I, E), with the test
 *                          is_record(E, r, Size) added before the sema_guard test
 *   E#r{f = V}             the new values first, then
 *                          case E of {r, A, _, C} -> {r, A, V', C}; ... end
 *   is_record(E, r)        is_record(E, r, Size)
 *   record_info(fields|size, r)   constants
 * Nodes are rewritten in place; new ones live in the unit's arena. */

typedef enum { M_EXPR, M_GUARD, M_PAT } Mode;

/* Guard tests to add before the current one (is_record for E#r.f). */
typedef struct {
    AstExpr **v;
    int n, cap;
} Extra;

static AstExpr *nnode(S *s, AstKind k, int line, int col)
{
    AstExpr *e = ast_alloc(s->u->arena, sizeof *e);
    if (!e) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    e->kind = k;
    e->line = line;
    e->col = col;
    return e;
}

static AstExpr *natom(S *s, const char *name, int line, int col)
{
    AstExpr *e = nnode(s, AST_ATOM, line, col);
    e->u.atom.name = name;
    e->u.atom.len = strlen(name);
    return e;
}

static AstExpr *nint(S *s, int64_t v, int line, int col)
{
    AstExpr *e = nnode(s, AST_INT, line, col);
    e->u.int_.value = v;
    return e;
}

static AstExpr *nvar(S *s, const char *name, int line, int col)
{
    AstExpr *e = nnode(s, AST_VAR, line, col);
    e->u.var.name = name;
    return e;
}

static const char *fresh_name(S *s)
{
    char buf[32];
    snprintf(buf, sizeof buf, "rec$%d", s->fresh++);
    return ast_strndup(s->u->arena, buf, strlen(buf));
}

static AstExpr **nitems(S *s, int n)
{
    AstExpr **v = ast_alloc(s->u->arena, (size_t)(n ? n : 1) * sizeof *v);
    if (!v) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    return v;
}

static AstExpr *ntuple(S *s, AstExpr **items, int n, int line, int col)
{
    AstExpr *e = nnode(s, AST_TUPLE, line, col);
    e->u.tuple.elems.items = items;
    e->u.tuple.elems.n = n;
    return e;
}

static AstExpr *ncall(S *s, const char *mod, const char *fun, AstExpr **args, int n, int line, int col)
{
    AstExpr *e = nnode(s, AST_CALL, line, col);
    e->u.call.mod = mod ? natom(s, mod, line, col) : NULL;
    e->u.call.fun = natom(s, fun, line, col);
    e->u.call.args.items = args;
    e->u.call.args.n = n;
    return e;
}

/* A clause `Pat -> Body` of one expression. */
static void nclause(S *s, AstClause *c, AstExpr *pat, AstExpr *body)
{
    memset(c, 0, sizeof *c);
    c->line = pat->line;
    c->col = pat->col;
    c->pats.items = nitems(s, 1);
    c->pats.items[0] = pat;
    c->pats.n = 1;
    c->body.items = nitems(s, 1);
    c->body.items[0] = body;
    c->body.n = 1;
}

/* case E of Pat -> Ok; Y -> erlang:error({badrecord, Y}) end */
static AstExpr *ncase_badrecord(S *s, AstExpr *subject, AstExpr *pat, AstExpr *ok, int line, int col)
{
    AstExpr *e = nnode(s, AST_CASE, line, col);
    e->u.case_.expr = subject;
    e->u.case_.nclauses = 2;
    e->u.case_.clauses = ast_alloc(s->u->arena, 2 * sizeof(AstClause));
    nclause(s, &e->u.case_.clauses[0], pat, ok);
    const char *y = fresh_name(s);
    AstExpr **t = nitems(s, 2);
    t[0] = natom(s, "badrecord", line, col);
    t[1] = nvar(s, y, line, col);
    AstExpr **args = nitems(s, 1);
    args[0] = ntuple(s, t, 2, line, col);
    nclause(s, &e->u.case_.clauses[1], nvar(s, y, line, col), ncall(s, "erlang", "error", args, 1, line, col));
    return e;
}

static const AstFieldInit *given(const AstExpr *e, const char *field)
{
    for (int i = 0; i < e->u.record.nfields; i++)
        if (!e->u.record.fields[i].is_var && strcmp(e->u.record.fields[i].name, field) == 0)
            return &e->u.record.fields[i];
    return NULL;
}

static const AstFieldInit *wildcard(const AstExpr *e)
{
    for (int i = 0; i < e->u.record.nfields; i++)
        if (e->u.record.fields[i].is_var)
            return &e->u.record.fields[i];
    return NULL;
}

static void expand(S *s, AstExpr *e, Mode m, Extra *x);

static void expand_list(S *s, const AstExprList *l, Mode m, Extra *x)
{
    for (int i = 0; i < l->n; i++)
        expand(s, l->items[i], m, x);
}

static void expand_guard(S *s, AstGuard *g)
{
    for (int i = 0; i < g->n; i++) {
        AstExprList *alt = &g->alts[i];
        Extra x = { 0 };
        AstExpr **items = NULL;
        int n = 0, cap = 0;
        for (int j = 0; j < alt->n; j++) {
            x.n = 0;
            expand(s, alt->items[j], M_GUARD, &x);
            for (int k = 0; k <= x.n; k++) {
                items = sema_grow(s, items, n, &cap, sizeof *items);
                items[n++] = k < x.n ? x.v[k] : alt->items[j];
            }
        }
        AstExpr **v = nitems(s, n);
        if (n)
            memcpy(v, items, (size_t)n * sizeof *v);
        alt->items = v;
        alt->n = n;
    }
}

static void expand_clauses(S *s, AstClause *cs, int n)
{
    for (int i = 0; i < n; i++) {
        expand_list(s, &cs[i].pats, M_PAT, NULL);
        expand_guard(s, &cs[i].guard);
        expand_list(s, &cs[i].body, M_EXPR, NULL);
    }
}

/* #r{...}: creation, or a sema_pattern. */
static void expand_create(S *s, AstExpr *e, const Rec *r, Mode m)
{
    int line = e->line, col = e->col;
    AstExpr **items = nitems(s, r->nfields + 1);
    items[0] = natom(s, r->name, line, col);
    const AstFieldInit *wild = wildcard(e);
    for (int i = 0; i < r->nfields; i++) {
        const AstFieldInit *g = given(e, r->fields[i].name);
        if (g)
            items[i + 1] = g->value;
        else if (wild)
            items[i + 1] = wild->value;
        else if (m == M_PAT)
            items[i + 1] = nvar(s, "_", line, col);
        else if (r->fields[i].init)
            items[i + 1] = r->fields[i].init;
        else
            items[i + 1] = natom(s, "undefined", line, col);
    }
    *e = *ntuple(s, items, r->nfields + 1, line, col);
}

/* Base#r{f = V, ...} in a body. */
static void expand_update(S *s, AstExpr *e, const Rec *r)
{
    int line = e->line, col = e->col;
    int nf = e->u.record.nfields;
    AstExpr **block = nitems(s, nf + 1);
    AstExpr **pat = nitems(s, r->nfields + 1), **out = nitems(s, r->nfields + 1);
    pat[0] = natom(s, r->name, line, col);
    out[0] = natom(s, r->name, line, col);
    /* the new values first, in the order written (as erlc), then the
     * record */
    const char **newv = sema_alloc(s, (size_t)(r->nfields + 1) * sizeof *newv);
    int k = 0;
    for (int j = 0; j < nf; j++) {
        const AstFieldInit *g = &e->u.record.fields[j];
        int i = g->is_var ? -1 : sema_field_index(r, g->name) - 2; /* tuple index to field */
        if (i < 0 || newv[i])
            continue;
        newv[i] = fresh_name(s);
        AstExpr *mt = nnode(s, AST_MATCH, g->value->line, g->value->col);
        mt->u.match.pat = nvar(s, newv[i], line, col);
        mt->u.match.expr = g->value;
        block[k++] = mt;
    }
    for (int i = 0; i < r->nfields; i++) {
        if (newv[i]) {
            pat[i + 1] = nvar(s, "_", line, col);
            out[i + 1] = nvar(s, newv[i], line, col);
        } else {
            const char *v = fresh_name(s);
            pat[i + 1] = nvar(s, v, line, col);
            out[i + 1] = nvar(s, v, line, col);
        }
    }
    block[k++] = ncase_badrecord(s, e->u.record.base, ntuple(s, pat, r->nfields + 1, line, col),
                                 ntuple(s, out, r->nfields + 1, line, col), line, col);
    AstExpr *b = nnode(s, AST_BLOCK, line, col);
    b->u.block.body.items = block;
    b->u.block.body.n = k;
    *e = *b;
}

static void expand_field(S *s, AstExpr *e, const Rec *r, Mode m, Extra *x)
{
    int line = e->line, col = e->col;
    int idx = sema_field_index(r, e->u.rfield.field);
    AstExpr *base = e->u.rfield.base;
    if (m == M_GUARD && x) {
        AstExpr **a = nitems(s, 3);
        a[0] = base;
        a[1] = natom(s, r->name, line, col);
        a[2] = nint(s, r->nfields + 1, line, col);
        x->v = sema_grow(s, x->v, x->n, &x->cap, sizeof *x->v);
        x->v[x->n++] = ncall(s, NULL, "is_record", a, 3, line, col);
        AstExpr **ea = nitems(s, 2);
        ea[0] = nint(s, idx, line, col);
        ea[1] = base;
        *e = *ncall(s, "erlang", "element", ea, 2, line, col);
        return;
    }
    AstExpr **pat = nitems(s, r->nfields + 1);
    pat[0] = natom(s, r->name, line, col);
    const char *v = fresh_name(s);
    for (int i = 0; i < r->nfields; i++)
        pat[i + 1] = i + 2 == idx ? nvar(s, v, line, col) : nvar(s, "_", line, col);
    *e = *ncase_badrecord(s, base, ntuple(s, pat, r->nfields + 1, line, col), nvar(s, v, line, col), line, col);
}

static void expand_call(S *s, AstExpr *e)
{
    const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
    AstExprList *a = &e->u.call.args;
    if (f->kind != AST_ATOM)
        return;
    const char *name = f->u.atom.name;
    if ((!m || sema_atom_is(m, "erlang")) && strcmp(name,
                                                    "is_record") == 0 && a->n == 2 && a->items[1]->kind == AST_ATOM) {
        const Rec *r = sema_find_rec(s, a->items[1]->u.atom.name);
        if (!r)
            return;
        AstExpr **v = nitems(s, 3);
        v[0] = a->items[0];
        v[1] = a->items[1];
        v[2] = nint(s, r->nfields + 1, e->line, e->col);
        a->items = v;
        a->n = 3;
        return;
    }
    if (!m && strcmp(name, "record_info") == 0 && a->n == 2 && a->items[1]->kind == AST_ATOM) {
        const Rec *r = sema_find_rec(s, a->items[1]->u.atom.name);
        if (!r)
            return;
        if (sema_atom_is(a->items[0], "size")) {
            *e = *nint(s, r->nfields + 1, e->line, e->col);
            return;
        }
        if (r->nfields == 0) {
            *e = *nnode(s, AST_NIL, e->line, e->col);
            return;
        }
        AstExpr **items = nitems(s, r->nfields);
        for (int i = 0; i < r->nfields; i++)
            items[i] = natom(s, r->fields[i].name, e->line, e->col);
        AstExpr *l = nnode(s, AST_LIST, e->line, e->col);
        l->u.list.elems.items = items;
        l->u.list.elems.n = r->nfields;
        l->u.list.tail = nnode(s, AST_NIL, e->line, e->col);
        *e = *l;
    }
}

static void expand(S *s, AstExpr *e, Mode m, Extra *x)
{
    if (!e)
        return;
    switch (e->kind) {
    case AST_TUPLE: expand_list(s, &e->u.tuple.elems, m, x); return;
    case AST_LIST: expand_list(s, &e->u.list.elems, m, x); expand(s, e->u.list.tail, m, x); return;
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            expand(s, e->u.bin.segs[i].value, m, x);
            expand(s, e->u.bin.segs[i].size, m == M_PAT ? M_EXPR : m, x);
        }
        return;
    case AST_MATCH:
        expand(s, e->u.match.pat, M_PAT, x);
        expand(s, e->u.match.expr, m == M_PAT ? M_PAT : M_EXPR, x);
        return;
    case AST_BINOP: expand(s, e->u.binop.lhs, m, x); expand(s, e->u.binop.rhs, m, x); return;
    case AST_UNOP: expand(s, e->u.unop.arg, m, x); return;
    case AST_CALL:
        expand(s, e->u.call.mod, m, x);
        expand(s, e->u.call.fun, m, x);
        expand_list(s, &e->u.call.args, m, x);
        expand_call(s, e);
        return;
    case AST_FUN: expand_clauses(s, e->u.fun.clauses, e->u.fun.nclauses); return;
    case AST_CASE:
        expand(s, e->u.case_.expr, M_EXPR, NULL);
        expand_clauses(s, e->u.case_.clauses, e->u.case_.nclauses);
        return;
    case AST_IF: expand_clauses(s, e->u.if_.clauses, e->u.if_.nclauses); return;
    case AST_RECEIVE:
        expand_clauses(s, e->u.receive.clauses, e->u.receive.nclauses);
        expand(s, e->u.receive.after, M_EXPR, NULL);
        expand_list(s, &e->u.receive.after_body, M_EXPR, NULL);
        return;
    case AST_TRY:
        expand_list(s, &e->u.try_.body, M_EXPR, NULL);
        expand_clauses(s, e->u.try_.of, e->u.try_.nof);
        expand_clauses(s, e->u.try_.catches, e->u.try_.ncatches);
        expand_list(s, &e->u.try_.after, M_EXPR, NULL);
        return;
    case AST_CATCH: expand(s, e->u.catch_.expr, M_EXPR, NULL); return;
    case AST_BLOCK: expand_list(s, &e->u.block.body, M_EXPR, NULL); return;
    case AST_LC: case AST_BC:
        expand(s, e->u.comp.templ, M_EXPR, NULL);
        for (int i = 0; i < e->u.comp.nquals; i++) {
            expand(s, e->u.comp.quals[i].pat, M_PAT, NULL);
            expand(s, e->u.comp.quals[i].expr, M_EXPR, NULL);
        }
        return;
    case AST_RECORD: {
        expand(s, e->u.record.base, m, x);
        for (int i = 0; i < e->u.record.nfields; i++)
            expand(s, e->u.record.fields[i].value, m, x);
        const Rec *r = sema_find_rec(s, e->u.record.name);
        if (!r)
            return;
        if (e->u.record.base)
            expand_update(s, e, r);
        else
            expand_create(s, e, r, m);
        return;
    }
    case AST_RECORD_FIELD: {
        expand(s, e->u.rfield.base, m, x);
        const Rec *r = sema_find_rec(s, e->u.rfield.name);
        if (r)
            expand_field(s, e, r, m, x);
        return;
    }
    case AST_RECORD_INDEX: {
        const Rec *r = sema_find_rec(s, e->u.rindex.name);
        if (r)
            *e = *nint(s, sema_field_index(r, e->u.rindex.field), e->line, e->col);
        return;
    }
    default:
        return;
    }
}

void sema_expand_module(S *s)
{
    for (int i = 0; i < s->nrecs; i++)
        for (int j = 0; j < s->recs[i].nfields; j++)
            expand(s, s->recs[i].fields[j].init, M_EXPR, NULL);
    for (int i = 0; i < s->u->nforms; i++) {
        AstForm *f = &s->u->forms[i];
        if (f->kind == AST_FORM_FUNCTION)
            expand_clauses(s, f->u.function.clauses, f->u.function.nclauses);
    }
}
