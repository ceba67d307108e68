/* sema.c - the semantic pass of the Erlang-subset compiler (see sema.h):
 * erl_lint's checks with its messages and positions, then the expansion
 * of records into tuple code as erl_expand_records does it.
 *
 * Variables follow erl_lint's model. A table maps each name in scope to a
 * state: bound, or unsafe (bound in only some clauses of a case, or inside
 * a catch, a try, the right side of andalso...) with the construct that
 * made it so; whether it has been used; and where it was bound while
 * unused, for the warnings. Sequences update the table in place;
 * subexpressions that are evaluated "side by side" (tuple elements, call
 * arguments, operands) each see the table as it was before them; clauses
 * start from a copy and their tables are merged afterwards (a name bound
 * in every clause is bound after the construct, in some of them unsafe).
 *
 * Messages are collected and reported at the end in erlc's order: errors
 * sorted by position, then warnings sorted by position.
 *
 * Files (sema_int.h holds what they share): sema.c the pass's state,
 * messages, the variable table, the record and function tables, the
 * module-level checks and sema_check; sema_pattern.c patterns and guards;
 * sema_expr.c expressions; sema_records.c the expansion of records. */
#include "sema.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sema_int.h"

#include "codegen.h"
#include "parser.h"

/* ---- messages */

void *sema_alloc(S *s, size_t n)
{
    void *p = ast_alloc(s->ar, n ? n : 1);
    if (!p) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    return p;
}

void *sema_grow(S *s, void *v, int n, int *cap, size_t sz)
{
    if (n < *cap)
        return v;
    int nc = *cap ? *cap * 2 : 8;
    void *nv = sema_alloc(s, (size_t)nc * sz);
    if (n)
        memcpy(nv, v, (size_t)n * sz);
    *cap = nc;
    return nv;
}

void sema_report(S *s, bool warn, int line, int col, int size, const char *tag, const char *fmt, ...)
{
    AstBuf b = { 0 };
    va_list ap;
    va_start(ap, fmt);
    ast_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    s->msgs = sema_grow(s, s->msgs, s->nmsgs, &s->capmsgs, sizeof *s->msgs);
    Msg *m = &s->msgs[s->nmsgs];
    m->file = s->file;
    m->line = line;
    m->col = col;
    m->warn = warn;
    m->size = size;
    m->tag = tag;
    m->text = ast_strndup(s->ar, b.s ? b.s : "out of memory", b.s ? b.len : 13);
    free(b.s);
    m->seq = s->nmsgs++;
    if (!warn)
        s->errors++;
    else if (!s->warnings)
        s->nmsgs--;
}

/* Atoms and variable names as erl_lint's ~w prints them. */
const char *sema_quote(S *s, const char *name)
{
    AstBuf b = { 0 };
    ast_buf_atom(&b, name, strlen(name));
    char *r = ast_strndup(s->ar, b.s, b.len);
    free(b.s);
    return r;
}

static int msg_cmp(const void *a, const void *b)
{
    const Msg *x = a, *y = b;
    if (x->warn != y->warn)
        return x->warn - y->warn;
    if (x->file != y->file)
        return x->file - y->file;
    if (x->line != y->line)
        return x->line - y->line;
    if (x->col != y->col)
        return x->col - y->col;
    if (x->size != y->size)
        return x->size - y->size;
    int c = strcmp(x->tag, y->tag);
    if (c)
        return c;
    c = strcmp(x->text, y->text);
    return c ? c : x->seq - y->seq;
}

static void flush_msgs(S *s)
{
    if (s->nmsgs > 1)
        qsort(s->msgs, (size_t)s->nmsgs, sizeof *s->msgs, msg_cmp);
    for (int i = 0; i < s->nmsgs; i++) {
        Msg *m = &s->msgs[i];
        front_report(s->u, s->d, m->file, m->warn ? "warning" : "error", m->line, m->col, "%s", m->text);
    }
}

bool sema_atom_is(const AstExpr *e, const char *name)
{
    return e && e->kind == AST_ATOM && strcmp(e->u.atom.name, name) == 0;
}

/* ---- the variable table */

Var *sema_vt_find(const VT *vt, const char *name)
{
    for (int i = 0; i < vt->n; i++)
        if (strcmp(vt->v[i].name, name) == 0)
            return &vt->v[i];
    return NULL;
}

Var *sema_vt_add(S *s, VT *vt, const char *name)
{
    vt->v = sema_grow(s, vt->v, vt->n, &vt->cap, sizeof *vt->v);
    Var *v = &vt->v[vt->n++];
    memset(v, 0, sizeof *v);
    v->name = name;
    return v;
}

Pos *sema_pos_merge(S *s, const Pos *a, int na, const Pos *b, int nb, int *n)
{
    Pos *r = sema_alloc(s, (size_t)(na + nb + 1) * sizeof *r);
    int k = 0;
    for (int i = 0; i < na; i++)
        r[k++] = a[i];
    for (int i = 0; i < nb; i++) {
        bool dup = false;
        for (int j = 0; j < k && !dup; j++)
            dup = r[j].line == b[i].line && r[j].col == b[i].col;
        if (!dup)
            r[k++] = b[i];
    }
    *n = k;
    return r;
}

void sema_bind_new(S *s, VT *vt, const char *name, int line, int col)
{
    Var *v = sema_vt_add(s, vt, name);
    v->st = ST_BOUND;
    v->at = sema_alloc(s, sizeof *v->at);
    v->at[0] = (Pos){ line, col };
    v->nat = 1;
}

void sema_use_var(S *s, VT *vt, const char *name, int line, int col)
{
    Var *v = sema_vt_find(vt, name);
    if (!v) {
        sema_report(s, false, line, col, 2, "unbound_var", "variable %s is unbound", sema_quote(s, name));
        v = sema_vt_add(s, vt, name);
        v->st = ST_BOUND;
        v->used = true;
        return;
    }
    if (v->st == ST_UNSAFE) {
        sema_report(s, false, line, col, 3, "unsafe_var", "variable %s unsafe in %s (line %d, column %d)",
                    sema_quote(s, name),
                    v->in, v->in_line, v->in_col);
        v->st = ST_BOUND;
    }
    v->used = true;
}

/* Takes out of vt the names bound since it had base_n of them. */
VT sema_vt_take(S *s, VT *vt, int base_n)
{
    VT r = { 0 };
    r.n = r.cap = vt->n - base_n;
    if (r.n) {
        r.v = sema_alloc(s, (size_t)r.n * sizeof *r.v);
        memcpy(r.v, vt->v + base_n, (size_t)r.n * sizeof *r.v);
    }
    vt->n = base_n;
    return r;
}

/* Adds the new names of r to vt, whose own new names start at base_n: a
 * name that two side-by-side expressions bind counts as used, as with
 * erl_lint's vtmerge_pat. */
void sema_vt_put_new(S *s, VT *vt, const VT *r, int base_n)
{
    for (int i = 0; i < r->n; i++) {
        Var *y = NULL;
        for (int j = base_n; j < vt->n && !y; j++)
            if (strcmp(vt->v[j].name, r->v[i].name) == 0)
                y = &vt->v[j];
        if (y)
            y->used = true;
        else
            *sema_vt_add(s, vt, r->v[i].name) = r->v[i];
    }
}

/* Marks the names bound since base_n unsafe in `in`, at line:col. */
void sema_mark_unsafe_from(VT *vt, int base_n, const char *in, int line, int col)
{
    for (int i = base_n; i < vt->n; i++) {
        Var *v = &vt->v[i];
        v->st = ST_UNSAFE;
        v->in = in;
        v->in_line = line;
        v->in_col = col;
    }
}

bool sema_is_underscore_name(const char *name) { return name[0] == '_'; }

void sema_warn_var(S *s, const Var *v)
{
    if (v->used || sema_is_underscore_name(v->name))
        return;
    for (int j = 0; j < v->nat; j++)
        sema_report(s, true, v->at[j].line, v->at[j].col, 2, "unused_var", "variable %s is unused", sema_quote(s,
                                                                                                               v->name));
}

/* Warns about the unused variables of vt from index `from` on (the ones
 * local to a clause, a fun, a comprehension). */
void sema_warn_unused_from(S *s, const VT *vt, int from)
{
    for (int i = from; i < vt->n; i++)
        sema_warn_var(s, &vt->v[i]);
}

/* ---- records, functions */

Rec *sema_find_rec(S *s, const char *name)
{
    for (int i = 0; i < s->nrecs; i++)
        if (strcmp(s->recs[i].name, name) == 0)
            return &s->recs[i];
    return NULL;
}

/* The 1-based position of field f in r's tuple (the tag is 1), or 0. */
int sema_field_index(const Rec *r, const char *f)
{
    for (int i = 0; i < r->nfields; i++)
        if (strcmp(r->fields[i].name, f) == 0)
            return i + 2;
    return 0;
}

Rec *sema_use_rec(S *s, const char *name, int line, int col)
{
    Rec *r = sema_find_rec(s, name);
    if (!r) {
        sema_report(s, false, line, col, 2, "undefined_record", "record %s undefined", sema_quote(s, name));
        return NULL;
    }
    r->used = true;
    return r;
}

int sema_find_fn(S *s, const char *name, int arity)
{
    for (int i = 0; i < s->nfns; i++)
        if (s->fns[i].arity == arity && strcmp(s->fns[i].name, name) == 0)
            return i;
    return -1;
}

const char *sema_imported_from(S *s, const char *name, int arity)
{
    for (int i = 0; i < s->u->nforms; i++) {
        const AstForm *f = &s->u->forms[i];
        if (f->kind != AST_FORM_IMPORT)
            continue;
        for (int j = 0; j < f->u.import.n; j++)
            if (f->u.import.funs[j].arity == arity && strcmp(f->u.import.funs[j].name, name) == 0)
                return f->u.import.module;
    }
    return NULL;
}

static bool auto_suppressed(S *s, const char *name, int arity)
{
    if (s->no_auto_all)
        return true;
    for (int i = 0; i < s->nno_auto; i++)
        if (s->no_auto[i].arity == arity && strcmp(s->no_auto[i].name, name) == 0)
            return true;
    return false;
}

/* BIFs that were auto-imported before R14: overriding one with a local
 * function makes unqualified calls ambiguous (an error). */
static bool old_bif(const char *name, int arity)
{
    static const struct {
        const char *n;
        int a;
    } t[] = {
        {"abs",1},{"apply",2},{"apply",3},{"atom_to_binary",2},{"atom_to_list",1},{"binary_to_atom",2},
        {"binary_to_existing_atom",2},{"binary_to_list",1},{"binary_to_list",3},{"binary_to_term",1},
        {"bit_size",1},{"bitstring_to_list",1},{"byte_size",1},{"check_process_code",2},{"date",0},
        {"delete_module",1},{"disconnect_node",1},{"element",2},{"erase",0},{"erase",1},{"exit",1},{"exit",2},
        {"float",1},{"float_to_list",1},{"garbage_collect",0},{"garbage_collect",1},{"get",0},{"get",1},
        {"get_keys",1},{"group_leader",0},{"group_leader",2},{"halt",0},{"halt",1},{"hd",1},
        {"integer_to_list",1},{"iolist_size",1},{"iolist_to_binary",1},{"is_alive",0},{"is_atom",1},
        {"is_binary",1},{"is_bitstring",1},{"is_boolean",1},{"is_float",1},{"is_function",1},
        {"is_function",2},{"is_integer",1},{"is_list",1},{"is_number",1},{"is_pid",1},{"is_port",1},
        {"is_process_alive",1},{"is_record",2},{"is_record",3},{"is_reference",1},{"is_tuple",1},
        {"length",1},{"link",1},{"list_to_atom",1},{"list_to_binary",1},{"list_to_bitstring",1},
        {"list_to_existing_atom",1},{"list_to_float",1},{"list_to_integer",1},{"list_to_pid",1},
        {"list_to_tuple",1},{"load_module",2},{"make_ref",0},{"module_loaded",1},{"monitor_node",2},
        {"node",0},{"node",1},{"nodes",0},{"nodes",1},{"now",0},{"open_port",2},{"pid_to_list",1},
        {"port_close",1},{"port_command",2},{"port_connect",2},{"port_control",3},{"pre_loaded",0},
        {"process_flag",2},{"process_flag",3},{"process_info",1},{"process_info",2},{"processes",0},
        {"purge_module",1},{"put",2},{"register",2},{"registered",0},{"round",1},{"self",0},
        {"setelement",3},{"size",1},{"spawn",1},{"spawn",2},{"spawn",3},{"spawn",4},{"spawn_link",1},
        {"spawn_link",2},{"spawn_link",3},{"spawn_link",4},{"spawn_monitor",1},{"spawn_monitor",3},
        {"spawn_opt",2},{"spawn_opt",3},{"spawn_opt",4},{"spawn_opt",5},{"split_binary",2},{"statistics",1},
        {"term_to_binary",1},{"term_to_binary",2},{"throw",1},{"time",0},{"tl",1},{"trunc",1},
        {"tuple_size",1},{"tuple_to_list",1},{"unlink",1},{"unregister",1},{"whereis",1},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].a == arity && strcmp(t[i].n, name) == 0)
            return true;
    return false;
}

static void call_edge(S *s, int callee)
{
    if (s->cur_fn < 0 || callee < 0)
        return;
    Fn *f = &s->fns[s->cur_fn];
    f->calls = sema_grow(s, f->calls, f->ncalls, &f->capcalls, sizeof *f->calls);
    f->calls[f->ncalls++] = callee;
}

/* A call f(...) (or fun f/A): local, imported, a BIF, or undefined. */
void sema_check_call(S *s, const char *name, int arity, int line, int col, bool is_fun_ref)
{
    if (sema_imported_from(s, name, arity))
        return;
    int fi = sema_find_fn(s, name, arity);
    bool bif = cg_is_auto_imported(name, arity) && !auto_suppressed(s, name, arity);
    if (fi >= 0) {
        if (bif && !is_fun_ref) {
            if (old_bif(name, arity)) {
                sema_report(s, false, line, col, 2, "call_to_redefined_old_bif",
                            "ambiguous call of overridden pre R14 auto-imported BIF %s/%d\n"
                       " - use erlang:%s/%d or \"-compile({no_auto_import,[%s/%d]}).\" to resolve name clash",
                       sema_quote(s, name), arity, sema_quote(s, name), arity, sema_quote(s, name), arity);
            } else {
                sema_report(s, true, line, col, 2, "call_to_redefined_bif",
                            "ambiguous call of overridden auto-imported BIF %s/%d\n"
                       " - use erlang:%s/%d or \"-compile({no_auto_import,[%s/%d]}).\" to resolve name clash",
                       sema_quote(s, name), arity, sema_quote(s, name), arity, sema_quote(s, name), arity);
            }
        }
        call_edge(s, fi);
        return;
    }
    if (bif)
        return;
    sema_report(s, false, line, col, 2, "undefined_function", "function %s/%d undefined", sema_quote(s, name), arity);
}

/* ---- functions and the module */

static void check_function(S *s, const AstForm *f)
{
    for (int i = 0; i < f->u.function.nclauses; i++) {
        const AstClause *c = &f->u.function.clauses[i];
        VT vt = { 0 };
        VT nv = sema_head(s, &vt, &c->pats, true);
        sema_vt_add_all(s, &vt, &nv);
        sema_guard(s, &vt, &c->guard);
        sema_exprs(s, &vt, &c->body);
        sema_warn_unused_from(s, &vt, 0);
    }
}

static void define_record(S *s, const AstForm *f)
{
    const char *name = f->u.record.name;
    if (sema_find_rec(s, name)) {
        sema_report(s, false, f->line, f->col + 1, 2, "redefine_record", "record %s already defined", sema_quote(s,
                                                                                                                 name));
        return;
    }
    int n = f->u.record.nfields;
    AstFieldDecl *fields = sema_alloc(s, (size_t)(n ? n : 1) * sizeof *fields);
    int k = 0;
    for (int i = 0; i < n; i++) {
        const AstFieldDecl *fd = &f->u.record.fields[i];
        bool dup = false;
        for (int j = 0; j < k && !dup; j++)
            dup = strcmp(fields[j].name, fd->name) == 0;
        if (dup) {
            sema_report(s, false, fd->line, fd->col, 3, "redefine_field", "field %s already defined in record %s",
                        sema_quote(s, fd->name), sema_quote(s, name));
            continue;
        }
        fields[k] = *fd;
        if (fd->init) {
            VT vt = { 0 };
            int before = s->errors;
            sema_expr(s, &vt, fd->init);
            if (s->errors != before)
                fields[k].init = NULL;
        }
        k++;
    }
    s->recs = sema_grow(s, s->recs, s->nrecs, &s->caprecs, sizeof *s->recs);
    s->recs[s->nrecs++] = (Rec){ name, f, fields, k, false };
}

/* -compile(...) options this pass understands: export_all and
 * {no_auto_import, [F/A]} (also in a list). */
static void compile_option(S *s, const AstForm *f, const AstExpr *o)
{
    if (sema_atom_is(o, "export_all")) {
        s->export_all = true;
        sema_report(s, true, f->line, f->col + 1, 0, "export_all",
                    "export_all flag enabled - all functions will be exported");
    } else if (sema_atom_is(o, "no_auto_import")) {
        s->no_auto_all = true;
    } else if (o->kind == AST_TUPLE && o->u.tuple.elems.n == 2 && sema_atom_is(o->u.tuple.elems.items[0],
                                                                               "no_auto_import")) {
        const AstExpr *l = o->u.tuple.elems.items[1];
        for (; l->kind == AST_LIST; l = l->u.list.tail)
            for (int i = 0; i < l->u.list.elems.n; i++) {
                const AstExpr *fa = l->u.list.elems.items[i];
                if (fa->kind != AST_TUPLE || fa->u.tuple.elems.n != 2 || fa->u.tuple.elems.items[0]->kind != AST_ATOM ||
                    fa->u.tuple.elems.items[1]->kind != AST_INT)
                    continue;
                s->no_auto = sema_grow(s, s->no_auto, s->nno_auto, &s->capno_auto, sizeof *s->no_auto);
                s->no_auto[s->nno_auto].name = fa->u.tuple.elems.items[0]->u.atom.name;
                s->no_auto[s->nno_auto++].arity = (int)fa->u.tuple.elems.items[1]->u.int_.value;
            }
    } else if (o->kind == AST_LIST) {
        for (; o->kind == AST_LIST; o = o->u.list.tail)
            for (int i = 0; i < o->u.list.elems.n; i++)
                compile_option(s, f, o->u.list.elems.items[i]);
    }
}

/* Functions reachable from the exports (and -on_load) are used. */
static void reach(S *s, int i)
{
    if (i < 0 || s->fns[i].reached)
        return;
    s->fns[i].reached = true;
    for (int j = 0; j < s->fns[i].ncalls; j++)
        reach(s, s->fns[i].calls[j]);
}

/* Was the j-th function of the export attribute forms[i] exported by an
 * earlier entry (of it or of an earlier -export)? */
static bool exported_before(S *s, int i, int j)
{
    const AstFunName *fn = &s->u->forms[i].u.export_.funs[j];
    for (int a = 0; a <= i; a++) {
        const AstForm *f = &s->u->forms[a];
        if (f->kind != AST_FORM_EXPORT)
            continue;
        for (int b = 0; b < (a == i ? j : f->u.export_.n); b++)
            if (f->u.export_.funs[b].arity == fn->arity && strcmp(f->u.export_.funs[b].name, fn->name) == 0)
                return true;
    }
    return false;
}

static void check_exports(S *s)
{
    for (int i = 0; i < s->u->nforms; i++) {
        const AstForm *f = &s->u->forms[i];
        s->file = f->file;
        if (f->kind == AST_FORM_EXPORT) {
            for (int j = 0; j < f->u.export_.n; j++) {
                const AstFunName *fn = &f->u.export_.funs[j];
                int k = sema_find_fn(s, fn->name, fn->arity);
                if (k < 0)
                    sema_report(s, false, f->line, f->col + 1, 2, "undefined_function", "function %s/%d undefined",
                                sema_quote(s, fn->name), fn->arity);
                else
                    reach(s, k);
                if (exported_before(s, i, j) || (strcmp(fn->name, "module_info") == 0 && fn->arity <= 1))
                    sema_report(s, true, f->line, f->col + 1, 2, "duplicated_export", "function %s/%d already exported",
                                sema_quote(s, fn->name), fn->arity);
            }
        } else if (f->kind == AST_FORM_ATTRIBUTE && strcmp(f->u.attribute.name, "on_load") == 0) {
            const AstExpr *v = f->u.attribute.value;
            if (v->kind == AST_TUPLE && v->u.tuple.elems.n == 2 && v->u.tuple.elems.items[0]->kind == AST_ATOM &&
                v->u.tuple.elems.items[1]->kind == AST_INT)
                reach(s, sema_find_fn(s, v->u.tuple.elems.items[0]->u.atom.name,
                                      (int)v->u.tuple.elems.items[1]->u.int_.value));
        }
    }
    for (int i = 0; i < s->nfns; i++) {
        if (s->export_all)
            reach(s, i);
    }
    for (int i = 0; i < s->nfns; i++) {
        const Fn *fn = &s->fns[i];
        if (fn->reached)
            continue;
        s->file = fn->form->file;
        sema_report(s, true, fn->form->line, fn->form->col, 2, "unused_function", "function %s/%d is unused",
                    sema_quote(s, fn->name),
                    fn->arity);
    }
    for (int i = 0; i < s->nrecs; i++) {
        const Rec *r = &s->recs[i];
        if (r->used)
            continue;
        s->file = r->form->file;
        sema_report(s, true, r->form->line, r->form->col + 1, 2, "unused_record", "record %s is unused", sema_quote(s,
                                                                                                                    r->name));
    }
}

static void check_module(S *s)
{
    CompUnit *u = s->u;
    /* module_info/0,1 are defined in every module (the code generator
     * writes them), exported and so never unused */
    for (int arity = 0; arity <= 1; arity++) {
        s->fns = sema_grow(s, s->fns, s->nfns, &s->capfns, sizeof *s->fns);
        memset(&s->fns[s->nfns], 0, sizeof *s->fns);
        s->fns[s->nfns].name = "module_info";
        s->fns[s->nfns].arity = arity;
        s->fns[s->nfns].reached = true;
        s->nfns++;
    }
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        s->file = f->file;
        if (f->kind != AST_FORM_FUNCTION)
            continue;
        if (sema_find_fn(s, f->u.function.name, f->u.function.arity) >= 0) {
            sema_report(s, false, f->line, f->col, 2, "redefine_function", "function %s/%d already defined",
                        sema_quote(s, f->u.function.name), f->u.function.arity);
            continue;
        }
        s->fns = sema_grow(s, s->fns, s->nfns, &s->capfns, sizeof *s->fns);
        memset(&s->fns[s->nfns], 0, sizeof *s->fns);
        s->fns[s->nfns].name = f->u.function.name;
        s->fns[s->nfns].arity = f->u.function.arity;
        s->fns[s->nfns].form = f;
        s->nfns++;
    }
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        if (f->kind == AST_FORM_ATTRIBUTE && strcmp(f->u.attribute.name, "compile") == 0) {
            s->file = f->file;
            compile_option(s, f, f->u.attribute.value);
        }
    }
    if (!u->module) {
        int line = u->nforms ? u->forms[0].line : 1, col = u->nforms ? u->forms[0].col : 1;
        s->file = 0;
        sema_report(s, false, line, col, 0, "undefined_module", "no module definition");
    }
    bool seen_function = false;
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        s->file = f->file;
        switch (f->kind) {
        case AST_FORM_RECORD:
            define_record(s, f);
            break;
        case AST_FORM_FUNCTION:
            seen_function = true;
            s->cur_fn = sema_find_fn(s, f->u.function.name, f->u.function.arity);
            if (s->cur_fn >= 0 && s->fns[s->cur_fn].form != f)
                s->cur_fn = -1;
            check_function(s, f);
            s->cur_fn = -1;
            break;
        case AST_FORM_EXPORT: case AST_FORM_IMPORT: case AST_FORM_MODULE:
            if (seen_function)
                sema_report(s, false, f->line, f->col + 1, 2, "attribute", "attribute %s after function definitions",
                            f->kind == AST_FORM_EXPORT ? "export" : f->kind == AST_FORM_IMPORT ? "import" : "module");
            break;
        default:
            break;
        }
    }
    check_exports(s);
}

int sema_check(CompUnit *u, Diag *d, bool warnings)
{
    S s = { 0 };
    s.u = u;
    s.d = d;
    s.warnings = warnings;
    s.cur_fn = -1;
    s.ar = ast_arena_new();
    if (!s.ar) {
        diag_error(d, 0, 0, "out of memory");
        return 1;
    }
    check_module(&s);
    flush_msgs(&s);
    int errors = s.errors;
    if (!errors)
        sema_expand_module(&s);
    ast_arena_free(s.ar);
    return errors;
}
