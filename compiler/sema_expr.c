/* sema_expr.c - the semantic checks of expressions: variables bound,
 * used, unsafe and shadowed through case, if, receive, try, catch, funs
 * and comprehensions (erl_lint's model, see sema.c), calls of local,
 * imported and auto-imported functions, and records in expressions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sema_int.h"

#include "codegen.h"

/* ---- records in expressions */

/* The fields of #r{...} (creation or update): each named once, defined;
 * values checked by check (expressions or sema_guard expressions). */
static void record_fields(S *s, VT *vt, const AstExpr *e, Rec *r, bool in_guard, bool update)
{
    bool seen_wild = false;
    int base_n = vt->n;
    VT pend = { 0 };
    for (int i = 0; i < e->u.record.nfields; i++) {
        const AstFieldInit *f = &e->u.record.fields[i];
        if (sema_record_field(s, e, i, r, update, &seen_wild) != FIELD_OK)
            continue;
        if (in_guard) {
            sema_gexpr(s, vt, f->value);
        } else {
            sema_expr(s, vt, f->value);
            VT got = sema_vt_take(s, vt, base_n);
            sema_vt_put_new(s, &pend, &got, 0);
        }
    }
    sema_vt_put_new(s, vt, &pend, base_n);
}

void sema_grecord_fields(S *s, VT *vt, const AstExpr *e, Rec *r) { record_fields(s, vt, e, r, true, false); }

/* ---- expressions */

/* Expressions evaluated side by side: each sees the table as it was. */
static void siblings(S *s, VT *vt, AstExpr *const *items, int n)
{
    if (n == 1) {
        sema_expr(s, vt, items[0]);
        return;
    }
    int base_n = vt->n;
    VT pend = { 0 };
    for (int i = 0; i < n; i++) {
        sema_expr(s, vt, items[i]);
        VT r = sema_vt_take(s, vt, base_n);
        sema_vt_put_new(s, &pend, &r, 0);
    }
    sema_vt_put_new(s, vt, &pend, base_n);
}

static void siblings2(S *s, VT *vt, AstExpr *a, AstExpr *b)
{
    AstExpr *items[2] = { a, b };
    siblings(s, vt, items, 2);
}

/* The names the clauses of one construct bound (rs[i]: clause i's),
 * merged as erl_lint's icrt_export and added to vt: a name bound in every
 * clause is bound after the construct, otherwise unsafe in `in` (at
 * line:col); it is unused if some clause left it unused. */
static void merge_new(S *s, VT *vt, VT *rs, int n, const char *in, int line, int col)
{
    int base_n = vt->n;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < rs[i].n; j++) {
            const Var *x = &rs[i].v[j];
            bool seen = false;
            for (int k = base_n; k < vt->n && !seen; k++)
                seen = strcmp(vt->v[k].name, x->name) == 0;
            if (seen)
                continue;
            int count = 0;
            bool used = true, unsafe_seen = false;
            Var acc = *x;
            acc.st = ST_BOUND;
            acc.at = NULL;
            acc.nat = 0;
            for (int k = 0; k < n; k++) {
                const Var *z = sema_vt_find(&rs[k], x->name);
                if (!z)
                    continue;
                count++;
                if (z->st == ST_UNSAFE) {
                    if (unsafe_seen) {
                        acc.in = in;
                        acc.in_line = line;
                        acc.in_col = col;
                    } else {
                        acc.in = z->in;
                        acc.in_line = z->in_line;
                        acc.in_col = z->in_col;
                    }
                    acc.st = ST_UNSAFE;
                    unsafe_seen = true;
                }
                if (!z->used) {
                    used = false;
                    acc.at = sema_pos_merge(s, acc.at, acc.nat, z->at, z->nat, &acc.nat);
                }
            }
            if (count != n) {
                acc.st = ST_UNSAFE;
                acc.in = in;
                acc.in_line = line;
                acc.in_col = col;
            }
            acc.used = used;
            acc.stacktrace = false;
            *sema_vt_add(s, vt, x->name) = acc;
        }
}

/* One clause of case/if/receive/try-of, checked in place: sema_head, sema_guard,
 * body. */
static void icrt_clause(S *s, VT *vt, const AstClause *c)
{
    VT nv = sema_head(s, vt, &c->pats, false);
    sema_vt_add_all(s, vt, &nv);
    sema_guard(s, vt, &c->guard);
    sema_exprs(s, vt, &c->body);
}

static const char *construct(AstKind k)
{
    switch (k) {
    case AST_CASE: return "'case'";
    case AST_IF: return "'if'";
    case AST_RECEIVE: return "'receive'";
    case AST_TRY: return "'try'";
    case AST_CATCH: return "'catch'";
    default: return "'begin'";
    }
}

static void icrt(S *s, VT *vt, const AstClause *cs, int n, const AstExpr *e)
{
    int base_n = vt->n;
    VT *rs = sema_alloc(s, (size_t)(n ? n : 1) * sizeof *rs);
    for (int i = 0; i < n; i++) {
        icrt_clause(s, vt, &cs[i]);
        rs[i] = sema_vt_take(s, vt, base_n);
    }
    merge_new(s, vt, rs, n, construct(e->kind), e->line, e->col);
}

static void receive(S *s, VT *vt, const AstExpr *e)
{
    int n = e->u.receive.nclauses, base_n = vt->n;
    VT *rs = sema_alloc(s, (size_t)(n + 1) * sizeof *rs);
    VT tvt = { 0 };
    if (e->u.receive.after) {
        sema_expr(s, vt, e->u.receive.after);
        tvt = sema_vt_take(s, vt, base_n);
    }
    for (int i = 0; i < n; i++) {
        icrt_clause(s, vt, &e->u.receive.clauses[i]);
        rs[i] = sema_vt_take(s, vt, base_n);
    }
    if (e->u.receive.after) {
        sema_exprs(s, vt, &e->u.receive.after_body);
        rs[n++] = sema_vt_take(s, vt, base_n);
    }
    merge_new(s, vt, rs, n, "'receive'", e->line, e->col);
    sema_vt_put_new(s, vt, &tvt, base_n);
}

static void catch_clause(S *s, VT *vt, const AstClause *c)
{
    VT nv = sema_head(s, vt, &c->pats, false);
    const char *stname = NULL;
    if (c->pats.n > 2 && c->pats.items[2]->kind == AST_VAR && strcmp(c->pats.items[2]->u.var.name, "_") != 0) {
        Var *st = sema_vt_find(&nv, c->pats.items[2]->u.var.name);
        if (st) {
            st->stacktrace = true;
            stname = st->name;
        }
    }
    sema_vt_add_all(s, vt, &nv);
    sema_guard(s, vt, &c->guard);
    if (stname)
        sema_vt_find(vt, stname)->stacktrace = false;
    sema_exprs(s, vt, &c->body);
}

/* try: what the body binds is seen by the of clauses and is unsafe in
 * the catch clauses; everything bound in a try is unsafe after it. */
static void try_expr(S *s, VT *vt, const AstExpr *e)
{
    int line = e->line, col = e->col, base_n = vt->n;
    sema_exprs(s, vt, &e->u.try_.body);
    int nb = vt->n;
    int nof = e->u.try_.nof, nc = e->u.try_.ncatches;
    VT *rs = sema_alloc(s, (size_t)(nof + nc + 1) * sizeof *rs);
    for (int i = 0; i < nof; i++) {
        icrt_clause(s, vt, &e->u.try_.of[i]);
        rs[i] = sema_vt_take(s, vt, nb);
    }
    sema_mark_unsafe_from(vt, base_n, "'try'", line, col);
    for (int i = 0; i < nc; i++) {
        catch_clause(s, vt, &e->u.try_.catches[i]);
        rs[nof + i] = sema_vt_take(s, vt, nb);
    }
    if (nof + nc)
        merge_new(s, vt, rs, nof + nc, "'try'", line, col);
    sema_mark_unsafe_from(vt, base_n, "'try'", line, col);
    if (e->u.try_.after.n) {
        sema_exprs(s, vt, &e->u.try_.after);
        sema_mark_unsafe_from(vt, base_n, "'try'", line, col);
    }
}

typedef struct {
    Var *v;
    int n, cap;
} Saved;

static void save_var(S *s, Saved *sv, const Var *v)
{
    for (int i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i].name, v->name) == 0)
            return;
    sv->v = sema_grow(s, sv->v, sv->n, &sv->cap, sizeof *sv->v);
    sv->v[sv->n++] = *v;
}

/* A fun's clauses: heads shadow, bodies see the enclosing variables, and
 * nothing is exported. A named fun's name is bound inside it. Checked in
 * place: shadowed entries are saved and put back after each clause. */
static void fun_expr(S *s, VT *vt, const AstExpr *e)
{
    const char *fname = e->u.fun.name;
    if (fname && sema_vt_find(vt, fname))
        sema_report(s, true, e->line, e->col, 3, "shadowed_var", "variable %s shadowed in 'named fun'", sema_quote(s,
                                                                                                                   fname));
    bool self_used = false;
    for (int i = 0; i < e->u.fun.nclauses; i++) {
        const AstClause *c = &e->u.fun.clauses[i];
        int base_n = vt->n;
        Saved sv = { 0 };
        if (fname) {
            Var *v = sema_vt_find(vt, fname);
            if (v)
                save_var(s, &sv, v);
            else
                v = sema_vt_add(s, vt, fname);
            memset(v, 0, sizeof *v);
            v->name = fname;
            v->st = ST_BOUND;
        }
        VT nv = sema_head(s, vt, &c->pats, true);
        for (int j = 0; j < nv.n; j++) {
            Var *o = sema_vt_find(vt, nv.v[j].name);
            if (o) {
                sema_report(s, true, nv.v[j].at[0].line, nv.v[j].at[0].col, 3, "shadowed_var",
                            "variable %s shadowed in 'fun'", sema_quote(s, nv.v[j].name));
                if (o - vt->v < base_n)
                    save_var(s, &sv, o);
                *o = nv.v[j];
            } else {
                *sema_vt_add(s, vt, nv.v[j].name) = nv.v[j];
            }
        }
        sema_guard(s, vt, &c->guard);
        sema_exprs(s, vt, &c->body);
        for (int j = 0; j < vt->n; j++) {
            Var *v = &vt->v[j];
            bool saved = false;
            for (int k = 0; k < sv.n && !saved; k++)
                saved = strcmp(sv.v[k].name, v->name) == 0;
            if (j < base_n && !saved)
                continue;
            if (fname && strcmp(v->name, fname) == 0)
                self_used |= v->used;
            else
                sema_warn_var(s, v);
        }
        vt->n = base_n;
        for (int k = 0; k < sv.n; k++)
            *sema_vt_find(vt, sv.v[k].name) = sv.v[k];
    }
    if (fname && !self_used && !sema_is_underscore_name(fname))
        sema_report(s, true, e->line, e->col, 2, "unused_var", "variable %s is unused", sema_quote(s, fname));
}

/* Is e a sema_guard test, so that a comprehension filter is a sema_guard? */
static bool is_guard_test(S *s, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL: case AST_VAR:
    case AST_RECORD_INDEX:
        return true;
    case AST_TUPLE:
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            if (!is_guard_test(s, e->u.tuple.elems.items[i]))
                return false;
        return true;
    case AST_LIST:
        for (int i = 0; i < e->u.list.elems.n; i++)
            if (!is_guard_test(s, e->u.list.elems.items[i]))
                return false;
        return is_guard_test(s, e->u.list.tail);
    case AST_BINOP:
        return e->u.binop.op != AST_OP_SEND && e->u.binop.op != AST_OP_APPEND && e->u.binop.op != AST_OP_SUBTRACT &&
               is_guard_test(s, e->u.binop.lhs) && is_guard_test(s, e->u.binop.rhs);
    case AST_UNOP:
        return is_guard_test(s, e->u.unop.arg);
    case AST_RECORD_FIELD:
        return is_guard_test(s, e->u.rfield.base);
    case AST_RECORD:
        if (e->u.record.base)
            return false;
        for (int i = 0; i < e->u.record.nfields; i++)
            if (!is_guard_test(s, e->u.record.fields[i].value))
                return false;
        return true;
    case AST_CALL: {
        const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
        int n = e->u.call.args.n;
        if (f->kind != AST_ATOM || (m && !(m->kind == AST_ATOM && strcmp(m->u.atom.name, "erlang") == 0)))
            return false;
        if (!m && sema_local_or_imported(s, f->u.atom.name, n))
            return false;
        if (!cg_is_guard_bif(f->u.atom.name, n))
            return false;
        for (int i = 0; i < n; i++)
            if (!is_guard_test(s, e->u.call.args.items[i]))
                return false;
        return true;
    }
    default:
        return false;
    }
}

/* [T || Qualifiers]: generator patterns shadow, everything bound inside
 * stays inside. Checked in place like a fun. */
static void comprehension(S *s, VT *vt, const AstExpr *e)
{
    int base_n = vt->n;
    Saved sh = { 0 }; /* outer variables as they were when first shadowed */
    for (int i = 0; i < e->u.comp.nquals; i++) {
        const AstQual *qu = &e->u.comp.quals[i];
        if (qu->kind == AST_QUAL_FILTER) {
            if (is_guard_test(s, qu->expr))
                sema_gexpr(s, vt, qu->expr);
            else
                sema_expr(s, vt, qu->expr);
            continue;
        }
        int en = vt->n;
        sema_expr(s, vt, qu->expr);
        sema_warn_unused_from(s, vt, en);
        vt->n = en;
        VT nv = { 0 };
        Pat p = { NULL, &nv, vt };
        sema_pattern(s, &p, qu->pat);
        for (int j = 0; j < nv.n; j++) {
            Var *o = sema_vt_find(vt, nv.v[j].name);
            if (!o) {
                *sema_vt_add(s, vt, nv.v[j].name) = nv.v[j];
                continue;
            }
            sema_report(s, true, nv.v[j].at[0].line, nv.v[j].at[0].col, 3, "shadowed_var",
                        "variable %s shadowed in generate",
                        sema_quote(s, nv.v[j].name));
            bool outer = o - vt->v < base_n;
            bool first = true;
            for (int k = 0; k < sh.n && first; k++)
                first = strcmp(sh.v[k].name, o->name) != 0;
            if (outer && first)
                save_var(s, &sh, o);
            else
                sema_warn_var(s, o);
            *o = nv.v[j];
        }
    }
    sema_expr(s, vt, e->u.comp.templ);
    for (int j = 0; j < vt->n; j++) {
        Var *v = &vt->v[j];
        bool saved = false;
        for (int k = 0; k < sh.n && !saved; k++)
            saved = strcmp(sh.v[k].name, v->name) == 0;
        if (j >= base_n || saved)
            sema_warn_var(s, v);
    }
    vt->n = base_n;
    for (int k = 0; k < sh.n; k++)
        *sema_vt_find(vt, sh.v[k].name) = sh.v[k];
}

static void call_expr(S *s, VT *vt, const AstExpr *e)
{
    const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
    const AstExprList *a = &e->u.call.args;
    int n = a->n;
    if (f->kind == AST_ATOM && (!m || sema_atom_is(m, "erlang")) && strcmp(f->u.atom.name,
                                                                           "is_record") == 0 && n == 2 &&
        a->items[1]->kind == AST_ATOM) {
        sema_expr(s, vt, a->items[0]);
        sema_use_rec(s, a->items[1]->u.atom.name, a->items[1]->line, a->items[1]->col);
        return;
    }
    if (!m && f->kind == AST_ATOM && strcmp(f->u.atom.name, "record_info") == 0 && n == 2) {
        if ((sema_atom_is(a->items[0], "fields") || sema_atom_is(a->items[0], "size")) && a->items[1]->kind == AST_ATOM)
            sema_use_rec(s, a->items[1]->u.atom.name, a->items[1]->line, a->items[1]->col);
        else
            sema_report(s, false, e->line, e->col, 0, "illegal_record_info", "illegal record info");
        return;
    }
    if (f->kind == AST_ATOM && (!m || m->kind == AST_ATOM)) {
        siblings(s, vt, a->items, n);
        if (!m)
            sema_check_call(s, f->u.atom.name, n, e->line, e->col, false);
        return;
    }
    AstExpr **items = sema_alloc(s, (size_t)(n + 2) * sizeof *items);
    int k = 0;
    if (m)
        items[k++] = (AstExpr *)m;
    items[k++] = (AstExpr *)f;
    for (int i = 0; i < n; i++)
        items[k++] = a->items[i];
    siblings(s, vt, items, k);
}

static void record_expr(S *s, VT *vt, const AstExpr *e)
{
    if (e->u.record.base) {
        int base_n = vt->n;
        bool wild = false;
        for (int i = 0; i < e->u.record.nfields; i++)
            wild |= e->u.record.fields[i].is_var;
        if (wild) {
            /* erl_lint drops what the base uses in that case */
            Var *copy = sema_alloc(s, (size_t)(vt->n ? vt->n : 1) * sizeof *copy);
            if (vt->n)
                memcpy(copy, vt->v, (size_t)vt->n * sizeof *copy);
            sema_expr(s, vt, e->u.record.base);
            vt->n = base_n;
            if (base_n)
                memcpy(vt->v, copy, (size_t)base_n * sizeof *copy);
        } else {
            sema_expr(s, vt, e->u.record.base);
        }
        VT t = sema_vt_take(s, vt, base_n);
        Rec *r = sema_use_rec(s, e->u.record.name, e->line, e->col);
        record_fields(s, vt, e, r, false, true);
        sema_vt_put_new(s, vt, &t, base_n);
        return;
    }
    Rec *r = sema_use_rec(s, e->u.record.name, e->line, e->col);
    record_fields(s, vt, e, r, false, false);
}

void sema_expr(S *s, VT *vt, const AstExpr *e)
{
    switch (e->kind) {
    case AST_VAR:
        sema_use_var(s, vt, e->u.var.name, e->line, e->col);
        return;
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return;
    case AST_TUPLE:
        siblings(s, vt, e->u.tuple.elems.items, e->u.tuple.elems.n);
        return;
    case AST_LIST: {
        int n = e->u.list.elems.n;
        AstExpr **items = sema_alloc(s, (size_t)(n + 1) * sizeof *items);
        for (int i = 0; i < n; i++)
            items[i] = e->u.list.elems.items[i];
        items[n] = e->u.list.tail;
        siblings(s, vt, items, n + 1);
        return;
    }
    case AST_BIN: {
        AstExpr **items = sema_alloc(s, (size_t)(2 * e->u.bin.nsegs + 1) * sizeof *items);
        int k = 0;
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            items[k++] = e->u.bin.segs[i].value;
            if (e->u.bin.segs[i].size)
                items[k++] = e->u.bin.segs[i].size;
        }
        if (k)
            siblings(s, vt, items, k);
        return;
    }
    case AST_MATCH: {
        sema_expr(s, vt, e->u.match.expr);
        VT nv = { 0 };
        Pat p = { vt, &nv, vt };
        sema_pattern(s, &p, e->u.match.pat);
        sema_vt_add_all(s, vt, &nv);
        return;
    }
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_ANDALSO || e->u.binop.op == AST_OP_ORELSE) {
            sema_expr(s, vt, e->u.binop.lhs);
            int base_n = vt->n;
            sema_expr(s, vt, e->u.binop.rhs);
            sema_mark_unsafe_from(vt, base_n, e->u.binop.op == AST_OP_ANDALSO ? "'andalso'" : "'orelse'", e->line,
                                  e->col);
            return;
        }
        siblings2(s, vt, e->u.binop.lhs, e->u.binop.rhs);
        return;
    case AST_UNOP:
        sema_expr(s, vt, e->u.unop.arg);
        return;
    case AST_CALL:
        call_expr(s, vt, e);
        return;
    case AST_REMOTE: {
        int line, col;
        ast_first_pos(e->u.remote.mod, &line, &col);
        sema_report(s, false, line, col, 0, "illegal_expr", "illegal expression");
        return;
    }
    case AST_FUN_REF: {
        const AstExpr *m = e->u.fun_ref.mod, *f = e->u.fun_ref.fun, *a = e->u.fun_ref.arity;
        if (!m) {
            if (f->kind == AST_ATOM && a->kind == AST_INT)
                sema_check_call(s, f->u.atom.name, (int)a->u.int_.value, e->line, e->col, true);
            return;
        }
        AstExpr *items[3] = { (AstExpr *)m, (AstExpr *)f, (AstExpr *)a };
        siblings(s, vt, items, 3);
        return;
    }
    case AST_FUN:
        fun_expr(s, vt, e);
        return;
    case AST_CASE:
        sema_expr(s, vt, e->u.case_.expr);
        icrt(s, vt, e->u.case_.clauses, e->u.case_.nclauses, e);
        return;
    case AST_IF:
        icrt(s, vt, e->u.if_.clauses, e->u.if_.nclauses, e);
        return;
    case AST_RECEIVE:
        receive(s, vt, e);
        return;
    case AST_TRY:
        try_expr(s, vt, e);
        return;
    case AST_CATCH: {
        int base_n = vt->n;
        sema_expr(s, vt, e->u.catch_.expr);
        sema_mark_unsafe_from(vt, base_n, "'catch'", e->line, e->col);
        return;
    }
    case AST_BLOCK:
        sema_exprs(s, vt, &e->u.block.body);
        return;
    case AST_LC: case AST_BC:
        comprehension(s, vt, e);
        return;
    case AST_RECORD:
        record_expr(s, vt, e);
        return;
    case AST_RECORD_FIELD:
        sema_expr(s, vt, e->u.rfield.base);
        sema_record_access(s, e);
        return;
    case AST_RECORD_INDEX:
        sema_record_access(s, e);
        return;
    default:
        return;
    }
}

void sema_exprs(S *s, VT *vt, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        sema_expr(s, vt, l->items[i]);
}
