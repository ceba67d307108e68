/* sema_pattern.c - the semantic checks of patterns (what may appear in
 * one, which variables it binds and which it matches, records in
 * patterns) and of guards (guard expressions only, no unbound variables),
 * with erl_lint's messages. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sema_int.h"

#include "codegen.h"

/* ---- patterns */

static void pat_var(S *s, Pat *p, const AstExpr *e)
{
    const char *name = e->u.var.name;
    Var *v = sema_vt_find(p->nv, name);
    if (v) {
        if (sema_is_underscore_name(name)) {
            const char *text = "variable %s is bound multiple times in this pattern. If you mean to ignore this "
                               "value, use '_' or a different underscore-prefixed name";
            if (!v->used && v->nat)
                sema_report(s, true, v->at[0].line, v->at[0].col, 2, "match_underscore_var_pat", text, sema_quote(s,
                                                                                                                  name));
            sema_report(s, true, e->line, e->col, 2, "match_underscore_var_pat", text, sema_quote(s, name));
        }
        v->used = true;
        return;
    }
    v = p->old ? sema_vt_find(p->old, name) : NULL;
    if (v) {
        if (v->st == ST_UNSAFE) {
            sema_report(s, false, e->line, e->col, 3, "unsafe_var", "variable %s unsafe in %s (line %d, column %d)",
                        sema_quote(s, name), v->in, v->in_line, v->in_col);
            v->st = ST_BOUND;
        } else if (sema_is_underscore_name(name)) {
            sema_report(s, true, e->line, e->col, 2, "match_underscore_var",
                        "variable %s is already bound. If you mean to ignore this value, use '_' or a different "
                   "underscore-prefixed name",
                   sema_quote(s, name));
        }
        v->used = true;
        return;
    }
    sema_bind_new(s, p->nv, name, e->line, e->col);
}

/* Constant arithmetic that a sema_pattern may contain (erl_lint's
 * is_pattern_expr): numbers and atoms under arithmetic operators. */
static bool is_pattern_expr(const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT:
        return true;
    case AST_UNOP:
        return (e->u.unop.op == AST_OP_NEG || e->u.unop.op == AST_OP_PLUS || e->u.unop.op == AST_OP_BNOT) &&
               is_pattern_expr(e->u.unop.arg);
    case AST_BINOP:
        switch (e->u.binop.op) {
        case AST_OP_ADD: case AST_OP_SUB: case AST_OP_MUL: case AST_OP_FDIV: case AST_OP_DIV: case AST_OP_REM:
        case AST_OP_BAND: case AST_OP_BOR: case AST_OP_BXOR: case AST_OP_BSL: case AST_OP_BSR:
            return is_pattern_expr(e->u.binop.lhs) && is_pattern_expr(e->u.binop.rhs);
        default:
            return false;
        }
    default:
        return false;
    }
}

/* The left side of ++ in a sema_pattern: a string or a list of characters. */
static bool is_prefix_pattern(const AstExpr *e)
{
    while (e->kind == AST_LIST) {
        for (int i = 0; i < e->u.list.elems.n; i++)
            if (e->u.list.elems.items[i]->kind != AST_INT)
                return false;
        e = e->u.list.tail;
    }
    return e->kind == AST_NIL || e->kind == AST_STRING;
}

static void pattern_record(S *s, Pat *p, const AstExpr *e)
{
    Rec *r = sema_use_rec(s, e->u.record.name, e->line, e->col);
    bool seen_wild = false;
    int start = p->nv->n; /* a bad field drops what the fields before it bound (as erl_lint) */
    for (int i = 0; i < e->u.record.nfields; i++) {
        FieldCheck c = sema_record_field(s, e, i, r, false, &seen_wild);
        if (c == FIELD_UNDEFINED)
            p->nv->n = start;
        if (c == FIELD_OK && r)
            sema_pattern(s, p, e->u.record.fields[i].value);
    }
}

bool sema_check_rec_field(S *s, const char *rname, const char *field, int line, int col, Rec *r)
{
    if (!r || sema_field_index(r, field))
        return true;
    sema_report(s, false, line, col, 3, "undefined_field", "field %s undefined in record %s", sema_quote(s, field),
                sema_quote(s, rname));
    return false;
}

void sema_record_access(S *s, const AstExpr *e)
{
    if (e->kind == AST_RECORD_INDEX) {
        Rec *r = sema_use_rec(s, e->u.rindex.name, e->line, e->col);
        sema_check_rec_field(s, e->u.rindex.name, e->u.rindex.field, e->u.rindex.field_line, e->u.rindex.field_col, r);
    } else {
        Rec *r = sema_use_rec(s, e->u.rfield.name, e->line, e->col);
        sema_check_rec_field(s, e->u.rfield.name, e->u.rfield.field, e->u.rfield.field_line, e->u.rfield.field_col, r);
    }
}

FieldCheck sema_record_field(S *s, const AstExpr *e, int i, Rec *r, bool update, bool *seen_wild)
{
    const AstFieldInit *f = &e->u.record.fields[i];
    const char *rname = e->u.record.name;
    if (f->is_var) {
        if (strcmp(f->name, "_") != 0) {
            sema_report(s, false, f->line, f->col, 3, "field_name_is_variable",
                        "field %s is not an atom or _ in record %s", f->name, sema_quote(s, rname));
            return FIELD_BAD;
        }
        if (update) {
            sema_report(s, false, f->line, f->col, 2, "wildcard_in_update",
                        "meaningless use of _ in update of record %s", sema_quote(s, rname));
            return FIELD_BAD;
        }
        if (*seen_wild) {
            sema_report(s, false, f->line, f->col, 0, "bad_multi_field_init", "'_' initializes no omitted fields");
            return FIELD_BAD;
        }
        *seen_wild = true;
        return FIELD_OK;
    }
    for (int j = 0; j < i; j++)
        if (strcmp(e->u.record.fields[j].name, f->name) == 0) {
            sema_report(s, false, f->line, f->col, 3, "redefine_field", "field %s already defined in record %s",
                        sema_quote(s, f->name), sema_quote(s, rname));
            return FIELD_BAD;
        }
    return sema_check_rec_field(s, rname, f->name, f->line, f->col, r) ? FIELD_OK : FIELD_UNDEFINED;
}

void sema_pattern(S *s, Pat *p, const AstExpr *e)
{
    switch (e->kind) {
    case AST_VAR:
        if (strcmp(e->u.var.name, "_") != 0)
            pat_var(s, p, e);
        return;
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return;
    case AST_TUPLE:
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            sema_pattern(s, p, e->u.tuple.elems.items[i]);
        return;
    case AST_LIST:
        for (int i = 0; i < e->u.list.elems.n; i++)
            sema_pattern(s, p, e->u.list.elems.items[i]);
        sema_pattern(s, p, e->u.list.tail);
        return;
    case AST_MATCH:
        sema_pattern(s, p, e->u.match.pat);
        sema_pattern(s, p, e->u.match.expr);
        return;
    case AST_RECORD:
        if (!e->u.record.base) {
            pattern_record(s, p, e);
            return;
        }
        break;
    case AST_RECORD_INDEX:
        sema_record_access(s, e);
        return;
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            const AstBinSeg *sg = &e->u.bin.segs[i];
            const AstExpr *v = sg->value;
            if (v->kind == AST_VAR)
                sema_pattern(s, p, v);
            else if (v->kind != AST_STRING && !is_pattern_expr(v) && v->kind != AST_ATOM)
                sema_report(s, false, v->line, v->col, 0, "illegal_pattern", "illegal pattern");
            if (sg->size && sg->size->kind == AST_VAR) {
                Var *nv = sema_vt_find(p->nv, sg->size->u.var.name);
                if (nv)
                    nv->used = true;
                else
                    sema_use_var(s, p->vt, sg->size->u.var.name, sg->size->line, sg->size->col);
            }
        }
        return;
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_APPEND && is_prefix_pattern(e->u.binop.lhs)) {
            sema_pattern(s, p, e->u.binop.rhs);
            return;
        }
        break;
    default:
        break;
    }
    if (!is_pattern_expr(e))
        sema_report(s, false, e->line, e->col, 0, "illegal_pattern", "illegal pattern");
}

/* Patterns of a sema_head or a match; returns the names they bind. */
VT sema_head(S *s, VT *vt, const AstExprList *pats, bool fresh)
{
    VT nv = { 0 };
    Pat p = { fresh ? NULL : vt, &nv, vt };
    for (int i = 0; i < pats->n; i++)
        sema_pattern(s, &p, pats->items[i]);
    return nv;
}

void sema_vt_add_all(S *s, VT *vt, const VT *nv)
{
    for (int i = 0; i < nv->n; i++) {
        Var *old = sema_vt_find(vt, nv->v[i].name);
        if (old)
            *old = nv->v[i];
        else
            *sema_vt_add(s, vt, nv->v[i].name) = nv->v[i];
    }
}

/* ---- guards */

bool sema_local_or_imported(S *s, const char *name, int arity)
{
    return sema_find_fn(s, name, arity) >= 0 || sema_imported_from(s, name, arity);
}

static void gexpr_list(S *s, VT *vt, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        sema_gexpr(s, vt, l->items[i]);
}

static void gcall(S *s, VT *vt, const AstExpr *e)
{
    const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
    const AstExprList *a = &e->u.call.args;
    int n = a->n;
    if (f->kind == AST_ATOM && strcmp(f->u.atom.name, "is_record") == 0 && (!m || sema_atom_is(m, "erlang"))) {
        if (n == 2 && a->items[1]->kind == AST_ATOM) {
            sema_gexpr(s, vt, a->items[0]);
            sema_use_rec(s, a->items[1]->u.atom.name, a->items[1]->line, a->items[1]->col);
            return;
        }
        if (n == 3 && a->items[1]->kind == AST_ATOM && a->items[2]->kind == AST_INT) {
            sema_gexpr(s, vt, a->items[0]);
            return;
        }
    }
    if (f->kind == AST_ATOM && (!m || sema_atom_is(m, "erlang")))
        gexpr_list(s, vt, a);
    if (!m && f->kind == AST_ATOM) {
        const char *name = f->u.atom.name;
        if (cg_is_guard_bif(name, n) && cg_is_auto_imported(name, n) && !sema_local_or_imported(s, name, n))
            return;
        if (sema_local_or_imported(s, name, n))
            sema_report(s, false, e->line, e->col, 2, "illegal_guard_local_call",
                        "call to local/imported function %s/%d is illegal in guard", sema_quote(s, name), n);
        else
            sema_report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
        return;
    }
    if (m && sema_atom_is(m, "erlang") && f->kind == AST_ATOM && cg_is_guard_bif(f->u.atom.name, n))
        return;
    sema_report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
}

void sema_gexpr(S *s, VT *vt, const AstExpr *e)
{
    switch (e->kind) {
    case AST_VAR: {
        Var *v = sema_vt_find(vt, e->u.var.name);
        if (v && v->stacktrace) {
            sema_report(s, false, e->line, e->col, 2, "stacktrace_guard",
                        "stacktrace variable %s must not be used in a guard",
                        sema_quote(s, e->u.var.name));
            v->used = true;
            return;
        }
        sema_use_var(s, vt, e->u.var.name, e->line, e->col);
        return;
    }
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return;
    case AST_TUPLE:
        gexpr_list(s, vt, &e->u.tuple.elems);
        return;
    case AST_LIST:
        gexpr_list(s, vt, &e->u.list.elems);
        sema_gexpr(s, vt, e->u.list.tail);
        return;
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            sema_gexpr(s, vt, e->u.bin.segs[i].value);
            if (e->u.bin.segs[i].size)
                sema_gexpr(s, vt, e->u.bin.segs[i].size);
        }
        return;
    case AST_BINOP:
        sema_gexpr(s, vt, e->u.binop.lhs);
        sema_gexpr(s, vt, e->u.binop.rhs);
        if (e->u.binop.op == AST_OP_SEND || e->u.binop.op == AST_OP_APPEND || e->u.binop.op == AST_OP_SUBTRACT)
            sema_report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
        return;
    case AST_UNOP:
        sema_gexpr(s, vt, e->u.unop.arg);
        return;
    case AST_CALL:
        gcall(s, vt, e);
        return;
    case AST_RECORD:
        if (!e->u.record.base) {
            Rec *r = sema_use_rec(s, e->u.record.name, e->line, e->col);
            sema_grecord_fields(s, vt, e, r);
            return;
        }
        break;
    case AST_RECORD_FIELD:
        sema_gexpr(s, vt, e->u.rfield.base);
        sema_record_access(s, e);
        return;
    case AST_RECORD_INDEX:
        sema_record_access(s, e);
        return;
    default:
        break;
    }
    sema_report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
}

void sema_guard(S *s, VT *vt, const AstGuard *g)
{
    for (int i = 0; i < g->n; i++)
        gexpr_list(s, vt, &g->alts[i]);
}
