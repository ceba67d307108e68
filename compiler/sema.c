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
 * sorted by position, then warnings sorted by position. */
#include "sema.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen.h"
#include "parser.h"

/* ---- messages */

typedef struct {
    int file, line, col;
    bool warn;
    int size;        /* descriptor shape, for erlc's order at equal positions */
    const char *tag;
    char *text;
    int seq;
} Msg;

typedef struct {
    const char *name;
    const AstForm *form;
    AstFieldDecl *fields;
    int nfields;
    bool used;
} Rec;

typedef struct {
    const char *name;
    int arity;
    const AstForm *form;
    bool reached;
    int *calls; /* indices of the local functions it calls */
    int ncalls, capcalls;
} Fn;

typedef struct {
    int line, col;
} Pos;

enum { ST_BOUND, ST_UNSAFE };

typedef struct {
    const char *name;
    uint8_t st;
    bool used;
    bool stacktrace;
    const char *in; /* unsafe in: 'case', 'try'... */
    int in_line, in_col;
    Pos *at;        /* binding positions while unused */
    int nat;
} Var;

typedef struct {
    Var *v;
    int n, cap;
} VT;

typedef struct {
    CompUnit *u;
    Diag *d;
    AstArena *ar; /* scratch */
    Msg *msgs;
    int nmsgs, capmsgs;
    Rec *recs;
    int nrecs, caprecs;
    Fn *fns;
    int nfns, capfns;
    struct {
        const char *name;
        int arity;
    } *no_auto; /* -compile({no_auto_import, [F/A]}) */
    int nno_auto, capno_auto;
    bool no_auto_all, export_all;
    int file;
    int cur_fn;  /* index in fns of the function being checked, -1: none */
    int fresh;   /* counter for variable names made by record expansion */
    int errors;
    bool warnings; /* report warnings */
} S;

static void *salloc(S *s, size_t n)
{
    void *p = ast_alloc(s->ar, n ? n : 1);
    if (!p) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    return p;
}

static void *sgrow(S *s, void *v, int n, int *cap, size_t sz)
{
    if (n < *cap)
        return v;
    int nc = *cap ? *cap * 2 : 8;
    void *nv = salloc(s, (size_t)nc * sz);
    if (n)
        memcpy(nv, v, (size_t)n * sz);
    *cap = nc;
    return nv;
}

static void report(S *s, bool warn, int line, int col, int size, const char *tag, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
static void report(S *s, bool warn, int line, int col, int size, const char *tag, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    s->msgs = sgrow(s, s->msgs, s->nmsgs, &s->capmsgs, sizeof *s->msgs);
    Msg *m = &s->msgs[s->nmsgs];
    m->file = s->file;
    m->line = line;
    m->col = col;
    m->warn = warn;
    m->size = size;
    m->tag = tag;
    m->text = ast_strndup(s->ar, buf, strlen(buf));
    m->seq = s->nmsgs++;
    if (!warn)
        s->errors++;
    else if (!s->warnings)
        s->nmsgs--;
}

/* Atoms and variable names as erl_lint's ~w prints them. */
static const char *q(S *s, const char *name)
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

static bool atom_is(const AstExpr *e, const char *name)
{
    return e && e->kind == AST_ATOM && strcmp(e->u.atom.name, name) == 0;
}

/* ---- the variable table */

static Var *vt_find(const VT *vt, const char *name)
{
    for (int i = 0; i < vt->n; i++)
        if (strcmp(vt->v[i].name, name) == 0)
            return &vt->v[i];
    return NULL;
}

static Var *vt_add(S *s, VT *vt, const char *name)
{
    vt->v = sgrow(s, vt->v, vt->n, &vt->cap, sizeof *vt->v);
    Var *v = &vt->v[vt->n++];
    memset(v, 0, sizeof *v);
    v->name = name;
    return v;
}

static Pos *pos_merge(S *s, const Pos *a, int na, const Pos *b, int nb, int *n)
{
    Pos *r = salloc(s, (size_t)(na + nb + 1) * sizeof *r);
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

static void bind_new(S *s, VT *vt, const char *name, int line, int col)
{
    Var *v = vt_add(s, vt, name);
    v->st = ST_BOUND;
    v->at = salloc(s, sizeof *v->at);
    v->at[0] = (Pos){ line, col };
    v->nat = 1;
}

static void use_var(S *s, VT *vt, const char *name, int line, int col)
{
    Var *v = vt_find(vt, name);
    if (!v) {
        report(s, false, line, col, 2, "unbound_var", "variable %s is unbound", q(s, name));
        v = vt_add(s, vt, name);
        v->st = ST_BOUND;
        v->used = true;
        return;
    }
    if (v->st == ST_UNSAFE) {
        report(s, false, line, col, 3, "unsafe_var", "variable %s unsafe in %s (line %d, column %d)", q(s, name),
               v->in, v->in_line, v->in_col);
        v->st = ST_BOUND;
    }
    v->used = true;
}

/* Takes out of vt the names bound since it had base_n of them. */
static VT vt_take(S *s, VT *vt, int base_n)
{
    VT r = { 0 };
    r.n = r.cap = vt->n - base_n;
    if (r.n) {
        r.v = salloc(s, (size_t)r.n * sizeof *r.v);
        memcpy(r.v, vt->v + base_n, (size_t)r.n * sizeof *r.v);
    }
    vt->n = base_n;
    return r;
}

/* Adds the new names of r to vt, whose own new names start at base_n: a
 * name that two side-by-side expressions bind counts as used, as with
 * erl_lint's vtmerge_pat. */
static void vt_put_new(S *s, VT *vt, const VT *r, int base_n)
{
    for (int i = 0; i < r->n; i++) {
        Var *y = NULL;
        for (int j = base_n; j < vt->n && !y; j++)
            if (strcmp(vt->v[j].name, r->v[i].name) == 0)
                y = &vt->v[j];
        if (y)
            y->used = true;
        else
            *vt_add(s, vt, r->v[i].name) = r->v[i];
    }
}

/* Marks the names bound since base_n unsafe in `in`, at line:col. */
static void mark_unsafe_from(VT *vt, int base_n, const char *in, int line, int col)
{
    for (int i = base_n; i < vt->n; i++) {
        Var *v = &vt->v[i];
        v->st = ST_UNSAFE;
        v->in = in;
        v->in_line = line;
        v->in_col = col;
    }
}

static bool is_underscore_name(const char *name) { return name[0] == '_'; }

static void warn_var(S *s, const Var *v)
{
    if (v->used || is_underscore_name(v->name))
        return;
    for (int j = 0; j < v->nat; j++)
        report(s, true, v->at[j].line, v->at[j].col, 2, "unused_var", "variable %s is unused", q(s, v->name));
}

/* Warns about the unused variables of vt from index `from` on (the ones
 * local to a clause, a fun, a comprehension). */
static void warn_unused_from(S *s, const VT *vt, int from)
{
    for (int i = from; i < vt->n; i++)
        warn_var(s, &vt->v[i]);
}

/* ---- records, functions */

static Rec *find_rec(S *s, const char *name)
{
    for (int i = 0; i < s->nrecs; i++)
        if (strcmp(s->recs[i].name, name) == 0)
            return &s->recs[i];
    return NULL;
}

/* The 1-based position of field f in r's tuple (the tag is 1), or 0. */
static int field_index(const Rec *r, const char *f)
{
    for (int i = 0; i < r->nfields; i++)
        if (strcmp(r->fields[i].name, f) == 0)
            return i + 2;
    return 0;
}

static Rec *use_rec(S *s, const char *name, int line, int col)
{
    Rec *r = find_rec(s, name);
    if (!r) {
        report(s, false, line, col, 2, "undefined_record", "record %s undefined", q(s, name));
        return NULL;
    }
    r->used = true;
    return r;
}

static int find_fn(S *s, const char *name, int arity)
{
    for (int i = 0; i < s->nfns; i++)
        if (s->fns[i].arity == arity && strcmp(s->fns[i].name, name) == 0)
            return i;
    return -1;
}

static const char *imported_from(S *s, const char *name, int arity)
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
    f->calls = sgrow(s, f->calls, f->ncalls, &f->capcalls, sizeof *f->calls);
    f->calls[f->ncalls++] = callee;
}

/* A call f(...) (or fun f/A): local, imported, a BIF, or undefined. */
static void check_call(S *s, const char *name, int arity, int line, int col, bool is_fun_ref)
{
    if (imported_from(s, name, arity))
        return;
    int fi = find_fn(s, name, arity);
    bool bif = cg_is_auto_imported(name, arity) && !auto_suppressed(s, name, arity);
    if (fi >= 0) {
        if (bif && !is_fun_ref) {
            if (old_bif(name, arity)) {
                report(s, false, line, col, 2, "call_to_redefined_old_bif",
                       "ambiguous call of overridden pre R14 auto-imported BIF %s/%d\n"
                       " - use erlang:%s/%d or \"-compile({no_auto_import,[%s/%d]}).\" to resolve name clash",
                       q(s, name), arity, q(s, name), arity, q(s, name), arity);
            } else {
                report(s, true, line, col, 2, "call_to_redefined_bif",
                       "ambiguous call of overridden auto-imported BIF %s/%d\n"
                       " - use erlang:%s/%d or \"-compile({no_auto_import,[%s/%d]}).\" to resolve name clash",
                       q(s, name), arity, q(s, name), arity, q(s, name), arity);
            }
        }
        call_edge(s, fi);
        return;
    }
    if (bif)
        return;
    report(s, false, line, col, 2, "undefined_function", "function %s/%d undefined", q(s, name), arity);
}

/* ---- patterns */

static void expr(S *s, VT *vt, const AstExpr *e);
static void exprs(S *s, VT *vt, const AstExprList *l);
static void gexpr(S *s, VT *vt, const AstExpr *e);

/* A pattern binds into nv (the names new in this pattern or head); names
 * of old (NULL: none, as in fun heads) are matched, not bound. */
typedef struct {
    VT *old;
    VT *nv;
    VT *vt; /* for uses inside patterns: binary sizes */
} Pat;

static void pat_var(S *s, Pat *p, const AstExpr *e)
{
    const char *name = e->u.var.name;
    Var *v = vt_find(p->nv, name);
    if (v) {
        if (is_underscore_name(name)) {
            const char *text = "variable %s is bound multiple times in this pattern. If you mean to ignore this "
                               "value, use '_' or a different underscore-prefixed name";
            if (!v->used && v->nat)
                report(s, true, v->at[0].line, v->at[0].col, 2, "match_underscore_var_pat", text, q(s, name));
            report(s, true, e->line, e->col, 2, "match_underscore_var_pat", text, q(s, name));
        }
        v->used = true;
        return;
    }
    v = p->old ? vt_find(p->old, name) : NULL;
    if (v) {
        if (v->st == ST_UNSAFE) {
            report(s, false, e->line, e->col, 3, "unsafe_var", "variable %s unsafe in %s (line %d, column %d)",
                   q(s, name), v->in, v->in_line, v->in_col);
            v->st = ST_BOUND;
        } else if (is_underscore_name(name)) {
            report(s, true, e->line, e->col, 2, "match_underscore_var",
                   "variable %s is already bound. If you mean to ignore this value, use '_' or a different "
                   "underscore-prefixed name",
                   q(s, name));
        }
        v->used = true;
        return;
    }
    bind_new(s, p->nv, name, e->line, e->col);
}

/* Constant arithmetic that a pattern may contain (erl_lint's
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

/* The left side of ++ in a pattern: a string or a list of characters. */
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

static void pattern(S *s, Pat *p, const AstExpr *e);

static void pattern_record(S *s, Pat *p, const AstExpr *e)
{
    Rec *r = use_rec(s, e->u.record.name, e->line, e->col);
    bool seen_wild = false;
    int start = p->nv->n; /* a bad field drops what the fields before it bound (as erl_lint) */
    for (int i = 0; i < e->u.record.nfields; i++) {
        const AstFieldInit *f = &e->u.record.fields[i];
        bool dup = false;
        for (int j = 0; j < i && !dup; j++)
            dup = strcmp(e->u.record.fields[j].name, f->name) == 0;
        if (f->is_var) {
            if (strcmp(f->name, "_") != 0) {
                report(s, false, f->line, f->col, 3, "field_name_is_variable", "field %s is not an atom or _ in record %s",
                       f->name, q(s, e->u.record.name));
                continue;
            }
            if (seen_wild) {
                report(s, false, f->line, f->col, 0, "bad_multi_field_init", "'_' initializes no omitted fields");
                continue;
            }
            seen_wild = true;
        } else if (dup) {
            report(s, false, f->line, f->col, 3, "redefine_field", "field %s already defined in record %s",
                   q(s, f->name), q(s, e->u.record.name));
            continue;
        } else if (r && !field_index(r, f->name)) {
            report(s, false, f->line, f->col, 3, "undefined_field", "field %s undefined in record %s", q(s, f->name),
                   q(s, e->u.record.name));
            p->nv->n = start;
            continue;
        }
        if (r)
            pattern(s, p, f->value);
    }
}

static void check_rec_field(S *s, const char *rname, const char *field, int line, int col, Rec *r)
{
    if (r && !field_index(r, field))
        report(s, false, line, col, 3, "undefined_field", "field %s undefined in record %s", q(s, field), q(s, rname));
}

static void pattern(S *s, Pat *p, const AstExpr *e)
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
            pattern(s, p, e->u.tuple.elems.items[i]);
        return;
    case AST_LIST:
        for (int i = 0; i < e->u.list.elems.n; i++)
            pattern(s, p, e->u.list.elems.items[i]);
        pattern(s, p, e->u.list.tail);
        return;
    case AST_MATCH:
        pattern(s, p, e->u.match.pat);
        pattern(s, p, e->u.match.expr);
        return;
    case AST_RECORD:
        if (!e->u.record.base) {
            pattern_record(s, p, e);
            return;
        }
        break;
    case AST_RECORD_INDEX: {
        Rec *r = use_rec(s, e->u.rindex.name, e->line, e->col);
        check_rec_field(s, e->u.rindex.name, e->u.rindex.field, e->u.rindex.field_line, e->u.rindex.field_col, r);
        return;
    }
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            const AstBinSeg *sg = &e->u.bin.segs[i];
            const AstExpr *v = sg->value;
            if (v->kind == AST_VAR)
                pattern(s, p, v);
            else if (v->kind != AST_STRING && !is_pattern_expr(v) && v->kind != AST_ATOM)
                report(s, false, v->line, v->col, 0, "illegal_pattern", "illegal pattern");
            if (sg->size && sg->size->kind == AST_VAR) {
                Var *nv = vt_find(p->nv, sg->size->u.var.name);
                if (nv)
                    nv->used = true;
                else
                    use_var(s, p->vt, sg->size->u.var.name, sg->size->line, sg->size->col);
            }
        }
        return;
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_APPEND && is_prefix_pattern(e->u.binop.lhs)) {
            pattern(s, p, e->u.binop.rhs);
            return;
        }
        break;
    default:
        break;
    }
    if (!is_pattern_expr(e))
        report(s, false, e->line, e->col, 0, "illegal_pattern", "illegal pattern");
}

/* Patterns of a head or a match; returns the names they bind. */
static VT head(S *s, VT *vt, const AstExprList *pats, bool fresh)
{
    VT nv = { 0 };
    Pat p = { fresh ? NULL : vt, &nv, vt };
    for (int i = 0; i < pats->n; i++)
        pattern(s, &p, pats->items[i]);
    return nv;
}

static void vt_add_all(S *s, VT *vt, const VT *nv)
{
    for (int i = 0; i < nv->n; i++) {
        Var *old = vt_find(vt, nv->v[i].name);
        if (old)
            *old = nv->v[i];
        else
            *vt_add(s, vt, nv->v[i].name) = nv->v[i];
    }
}

/* ---- guards */

static bool local_or_imported(S *s, const char *name, int arity)
{
    return find_fn(s, name, arity) >= 0 || imported_from(s, name, arity);
}

static void gexpr_list(S *s, VT *vt, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        gexpr(s, vt, l->items[i]);
}

static void gcall(S *s, VT *vt, const AstExpr *e)
{
    const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
    const AstExprList *a = &e->u.call.args;
    int n = a->n;
    if (f->kind == AST_ATOM && strcmp(f->u.atom.name, "is_record") == 0 && (!m || atom_is(m, "erlang"))) {
        if (n == 2 && a->items[1]->kind == AST_ATOM) {
            gexpr(s, vt, a->items[0]);
            use_rec(s, a->items[1]->u.atom.name, a->items[1]->line, a->items[1]->col);
            return;
        }
        if (n == 3 && a->items[1]->kind == AST_ATOM && a->items[2]->kind == AST_INT) {
            gexpr(s, vt, a->items[0]);
            return;
        }
    }
    if (f->kind == AST_ATOM && (!m || atom_is(m, "erlang")))
        gexpr_list(s, vt, a);
    if (!m && f->kind == AST_ATOM) {
        const char *name = f->u.atom.name;
        if (cg_is_guard_bif(name, n) && cg_is_auto_imported(name, n) && !local_or_imported(s, name, n))
            return;
        if (local_or_imported(s, name, n))
            report(s, false, e->line, e->col, 2, "illegal_guard_local_call",
                   "call to local/imported function %s/%d is illegal in guard", q(s, name), n);
        else
            report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
        return;
    }
    if (m && atom_is(m, "erlang") && f->kind == AST_ATOM && cg_is_guard_bif(f->u.atom.name, n))
        return;
    report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
}

static void grecord_fields(S *s, VT *vt, const AstExpr *e, Rec *r);

static void gexpr(S *s, VT *vt, const AstExpr *e)
{
    switch (e->kind) {
    case AST_VAR: {
        Var *v = vt_find(vt, e->u.var.name);
        if (v && v->stacktrace) {
            report(s, false, e->line, e->col, 2, "stacktrace_guard", "stacktrace variable %s must not be used in a guard",
                   q(s, e->u.var.name));
            v->used = true;
            return;
        }
        use_var(s, vt, e->u.var.name, e->line, e->col);
        return;
    }
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return;
    case AST_TUPLE:
        gexpr_list(s, vt, &e->u.tuple.elems);
        return;
    case AST_LIST:
        gexpr_list(s, vt, &e->u.list.elems);
        gexpr(s, vt, e->u.list.tail);
        return;
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            gexpr(s, vt, e->u.bin.segs[i].value);
            if (e->u.bin.segs[i].size)
                gexpr(s, vt, e->u.bin.segs[i].size);
        }
        return;
    case AST_BINOP:
        gexpr(s, vt, e->u.binop.lhs);
        gexpr(s, vt, e->u.binop.rhs);
        if (e->u.binop.op == AST_OP_SEND || e->u.binop.op == AST_OP_APPEND || e->u.binop.op == AST_OP_SUBTRACT)
            report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
        return;
    case AST_UNOP:
        gexpr(s, vt, e->u.unop.arg);
        return;
    case AST_CALL:
        gcall(s, vt, e);
        return;
    case AST_RECORD:
        if (!e->u.record.base) {
            Rec *r = use_rec(s, e->u.record.name, e->line, e->col);
            grecord_fields(s, vt, e, r);
            return;
        }
        break;
    case AST_RECORD_FIELD: {
        gexpr(s, vt, e->u.rfield.base);
        Rec *r = use_rec(s, e->u.rfield.name, e->line, e->col);
        check_rec_field(s, e->u.rfield.name, e->u.rfield.field, e->u.rfield.field_line, e->u.rfield.field_col, r);
        return;
    }
    case AST_RECORD_INDEX: {
        Rec *r = use_rec(s, e->u.rindex.name, e->line, e->col);
        check_rec_field(s, e->u.rindex.name, e->u.rindex.field, e->u.rindex.field_line, e->u.rindex.field_col, r);
        return;
    }
    default:
        break;
    }
    report(s, false, e->line, e->col, 0, "illegal_guard_expr", "illegal guard expression");
}

static void guard(S *s, VT *vt, const AstGuard *g)
{
    for (int i = 0; i < g->n; i++)
        gexpr_list(s, vt, &g->alts[i]);
}

/* ---- records in expressions */

/* The fields of #r{...} (creation or update): each named once, defined;
 * values checked by check (expressions or guard expressions). */
static void record_fields(S *s, VT *vt, const AstExpr *e, Rec *r, bool in_guard, bool update)
{
    bool seen_wild = false;
    int base_n = vt->n;
    VT pend = { 0 };
    for (int i = 0; i < e->u.record.nfields; i++) {
        const AstFieldInit *f = &e->u.record.fields[i];
        bool dup = false;
        for (int j = 0; j < i && !dup; j++)
            dup = strcmp(e->u.record.fields[j].name, f->name) == 0;
        if (f->is_var) {
            if (strcmp(f->name, "_") != 0) {
                report(s, false, f->line, f->col, 3, "field_name_is_variable",
                       "field %s is not an atom or _ in record %s", f->name, q(s, e->u.record.name));
                continue;
            }
            if (update) {
                report(s, false, f->line, f->col, 2, "wildcard_in_update", "meaningless use of _ in update of record %s",
                       q(s, e->u.record.name));
                continue;
            }
            if (seen_wild) {
                report(s, false, f->line, f->col, 0, "bad_multi_field_init", "'_' initializes no omitted fields");
                continue;
            }
            seen_wild = true;
        } else if (dup) {
            report(s, false, f->line, f->col, 3, "redefine_field", "field %s already defined in record %s",
                   q(s, f->name), q(s, e->u.record.name));
            continue;
        } else if (r && !field_index(r, f->name)) {
            report(s, false, f->line, f->col, 3, "undefined_field", "field %s undefined in record %s", q(s, f->name),
                   q(s, e->u.record.name));
            continue;
        }
        if (in_guard) {
            gexpr(s, vt, f->value);
        } else {
            expr(s, vt, f->value);
            VT got = vt_take(s, vt, base_n);
            vt_put_new(s, &pend, &got, 0);
        }
    }
    vt_put_new(s, vt, &pend, base_n);
}

static void grecord_fields(S *s, VT *vt, const AstExpr *e, Rec *r) { record_fields(s, vt, e, r, true, false); }

/* ---- expressions */

/* Expressions evaluated side by side: each sees the table as it was. */
static void siblings(S *s, VT *vt, AstExpr *const *items, int n)
{
    if (n == 1) {
        expr(s, vt, items[0]);
        return;
    }
    int base_n = vt->n;
    VT pend = { 0 };
    for (int i = 0; i < n; i++) {
        expr(s, vt, items[i]);
        VT r = vt_take(s, vt, base_n);
        vt_put_new(s, &pend, &r, 0);
    }
    vt_put_new(s, vt, &pend, base_n);
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
                const Var *z = vt_find(&rs[k], x->name);
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
                    acc.at = pos_merge(s, acc.at, acc.nat, z->at, z->nat, &acc.nat);
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
            *vt_add(s, vt, x->name) = acc;
        }
}

/* One clause of case/if/receive/try-of, checked in place: head, guard,
 * body. */
static void icrt_clause(S *s, VT *vt, const AstClause *c)
{
    VT nv = head(s, vt, &c->pats, false);
    vt_add_all(s, vt, &nv);
    guard(s, vt, &c->guard);
    exprs(s, vt, &c->body);
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
    VT *rs = salloc(s, (size_t)(n ? n : 1) * sizeof *rs);
    for (int i = 0; i < n; i++) {
        icrt_clause(s, vt, &cs[i]);
        rs[i] = vt_take(s, vt, base_n);
    }
    merge_new(s, vt, rs, n, construct(e->kind), e->line, e->col);
}

static void receive(S *s, VT *vt, const AstExpr *e)
{
    int n = e->u.receive.nclauses, base_n = vt->n;
    VT *rs = salloc(s, (size_t)(n + 1) * sizeof *rs);
    VT tvt = { 0 };
    if (e->u.receive.after) {
        expr(s, vt, e->u.receive.after);
        tvt = vt_take(s, vt, base_n);
    }
    for (int i = 0; i < n; i++) {
        icrt_clause(s, vt, &e->u.receive.clauses[i]);
        rs[i] = vt_take(s, vt, base_n);
    }
    if (e->u.receive.after) {
        exprs(s, vt, &e->u.receive.after_body);
        rs[n++] = vt_take(s, vt, base_n);
    }
    merge_new(s, vt, rs, n, "'receive'", e->line, e->col);
    vt_put_new(s, vt, &tvt, base_n);
}

static void catch_clause(S *s, VT *vt, const AstClause *c)
{
    VT nv = head(s, vt, &c->pats, false);
    const char *stname = NULL;
    if (c->pats.n > 2 && c->pats.items[2]->kind == AST_VAR && strcmp(c->pats.items[2]->u.var.name, "_") != 0) {
        Var *st = vt_find(&nv, c->pats.items[2]->u.var.name);
        if (st) {
            st->stacktrace = true;
            stname = st->name;
        }
    }
    vt_add_all(s, vt, &nv);
    guard(s, vt, &c->guard);
    if (stname)
        vt_find(vt, stname)->stacktrace = false;
    exprs(s, vt, &c->body);
}

/* try: what the body binds is seen by the of clauses and is unsafe in
 * the catch clauses; everything bound in a try is unsafe after it. */
static void try_expr(S *s, VT *vt, const AstExpr *e)
{
    int line = e->line, col = e->col, base_n = vt->n;
    exprs(s, vt, &e->u.try_.body);
    int nb = vt->n;
    int nof = e->u.try_.nof, nc = e->u.try_.ncatches;
    VT *rs = salloc(s, (size_t)(nof + nc + 1) * sizeof *rs);
    for (int i = 0; i < nof; i++) {
        icrt_clause(s, vt, &e->u.try_.of[i]);
        rs[i] = vt_take(s, vt, nb);
    }
    mark_unsafe_from(vt, base_n, "'try'", line, col);
    for (int i = 0; i < nc; i++) {
        catch_clause(s, vt, &e->u.try_.catches[i]);
        rs[nof + i] = vt_take(s, vt, nb);
    }
    if (nof + nc)
        merge_new(s, vt, rs, nof + nc, "'try'", line, col);
    mark_unsafe_from(vt, base_n, "'try'", line, col);
    if (e->u.try_.after.n) {
        exprs(s, vt, &e->u.try_.after);
        mark_unsafe_from(vt, base_n, "'try'", line, col);
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
    sv->v = sgrow(s, sv->v, sv->n, &sv->cap, sizeof *sv->v);
    sv->v[sv->n++] = *v;
}

/* A fun's clauses: heads shadow, bodies see the enclosing variables, and
 * nothing is exported. A named fun's name is bound inside it. Checked in
 * place: shadowed entries are saved and put back after each clause. */
static void fun_expr(S *s, VT *vt, const AstExpr *e)
{
    const char *fname = e->u.fun.name;
    if (fname && vt_find(vt, fname))
        report(s, true, e->line, e->col, 3, "shadowed_var", "variable %s shadowed in 'named fun'", q(s, fname));
    bool self_used = false;
    for (int i = 0; i < e->u.fun.nclauses; i++) {
        const AstClause *c = &e->u.fun.clauses[i];
        int base_n = vt->n;
        Saved sv = { 0 };
        if (fname) {
            Var *v = vt_find(vt, fname);
            if (v)
                save_var(s, &sv, v);
            else
                v = vt_add(s, vt, fname);
            memset(v, 0, sizeof *v);
            v->name = fname;
            v->st = ST_BOUND;
        }
        VT nv = head(s, vt, &c->pats, true);
        for (int j = 0; j < nv.n; j++) {
            Var *o = vt_find(vt, nv.v[j].name);
            if (o) {
                report(s, true, nv.v[j].at[0].line, nv.v[j].at[0].col, 3, "shadowed_var",
                       "variable %s shadowed in 'fun'", q(s, nv.v[j].name));
                if (o - vt->v < base_n)
                    save_var(s, &sv, o);
                *o = nv.v[j];
            } else {
                *vt_add(s, vt, nv.v[j].name) = nv.v[j];
            }
        }
        guard(s, vt, &c->guard);
        exprs(s, vt, &c->body);
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
                warn_var(s, v);
        }
        vt->n = base_n;
        for (int k = 0; k < sv.n; k++)
            *vt_find(vt, sv.v[k].name) = sv.v[k];
    }
    if (fname && !self_used && !is_underscore_name(fname))
        report(s, true, e->line, e->col, 2, "unused_var", "variable %s is unused", q(s, fname));
}

/* Is e a guard test, so that a comprehension filter is a guard? */
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
        if (!m && local_or_imported(s, f->u.atom.name, n))
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
                gexpr(s, vt, qu->expr);
            else
                expr(s, vt, qu->expr);
            continue;
        }
        int en = vt->n;
        expr(s, vt, qu->expr);
        warn_unused_from(s, vt, en);
        vt->n = en;
        VT nv = { 0 };
        Pat p = { NULL, &nv, vt };
        pattern(s, &p, qu->pat);
        for (int j = 0; j < nv.n; j++) {
            Var *o = vt_find(vt, nv.v[j].name);
            if (!o) {
                *vt_add(s, vt, nv.v[j].name) = nv.v[j];
                continue;
            }
            report(s, true, nv.v[j].at[0].line, nv.v[j].at[0].col, 3, "shadowed_var", "variable %s shadowed in generate",
                   q(s, nv.v[j].name));
            bool outer = o - vt->v < base_n;
            bool first = true;
            for (int k = 0; k < sh.n && first; k++)
                first = strcmp(sh.v[k].name, o->name) != 0;
            if (outer && first)
                save_var(s, &sh, o);
            else
                warn_var(s, o);
            *o = nv.v[j];
        }
    }
    expr(s, vt, e->u.comp.templ);
    for (int j = 0; j < vt->n; j++) {
        Var *v = &vt->v[j];
        bool saved = false;
        for (int k = 0; k < sh.n && !saved; k++)
            saved = strcmp(sh.v[k].name, v->name) == 0;
        if (j >= base_n || saved)
            warn_var(s, v);
    }
    vt->n = base_n;
    for (int k = 0; k < sh.n; k++)
        *vt_find(vt, sh.v[k].name) = sh.v[k];
}

static void call_expr(S *s, VT *vt, const AstExpr *e)
{
    const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
    const AstExprList *a = &e->u.call.args;
    int n = a->n;
    if (f->kind == AST_ATOM && (!m || atom_is(m, "erlang")) && strcmp(f->u.atom.name, "is_record") == 0 && n == 2 &&
        a->items[1]->kind == AST_ATOM) {
        expr(s, vt, a->items[0]);
        use_rec(s, a->items[1]->u.atom.name, a->items[1]->line, a->items[1]->col);
        return;
    }
    if (!m && f->kind == AST_ATOM && strcmp(f->u.atom.name, "record_info") == 0 && n == 2) {
        if ((atom_is(a->items[0], "fields") || atom_is(a->items[0], "size")) && a->items[1]->kind == AST_ATOM)
            use_rec(s, a->items[1]->u.atom.name, a->items[1]->line, a->items[1]->col);
        else
            report(s, false, e->line, e->col, 0, "illegal_record_info", "illegal record info");
        return;
    }
    if (f->kind == AST_ATOM && (!m || m->kind == AST_ATOM)) {
        siblings(s, vt, a->items, n);
        if (!m)
            check_call(s, f->u.atom.name, n, e->line, e->col, false);
        return;
    }
    AstExpr **items = salloc(s, (size_t)(n + 2) * sizeof *items);
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
            Var *copy = salloc(s, (size_t)(vt->n ? vt->n : 1) * sizeof *copy);
            if (vt->n)
                memcpy(copy, vt->v, (size_t)vt->n * sizeof *copy);
            expr(s, vt, e->u.record.base);
            vt->n = base_n;
            if (base_n)
                memcpy(vt->v, copy, (size_t)base_n * sizeof *copy);
        } else {
            expr(s, vt, e->u.record.base);
        }
        VT t = vt_take(s, vt, base_n);
        Rec *r = use_rec(s, e->u.record.name, e->line, e->col);
        record_fields(s, vt, e, r, false, true);
        vt_put_new(s, vt, &t, base_n);
        return;
    }
    Rec *r = use_rec(s, e->u.record.name, e->line, e->col);
    record_fields(s, vt, e, r, false, false);
}

static void expr(S *s, VT *vt, const AstExpr *e)
{
    switch (e->kind) {
    case AST_VAR:
        use_var(s, vt, e->u.var.name, e->line, e->col);
        return;
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return;
    case AST_TUPLE:
        siblings(s, vt, e->u.tuple.elems.items, e->u.tuple.elems.n);
        return;
    case AST_LIST: {
        int n = e->u.list.elems.n;
        AstExpr **items = salloc(s, (size_t)(n + 1) * sizeof *items);
        for (int i = 0; i < n; i++)
            items[i] = e->u.list.elems.items[i];
        items[n] = e->u.list.tail;
        siblings(s, vt, items, n + 1);
        return;
    }
    case AST_BIN: {
        AstExpr **items = salloc(s, (size_t)(2 * e->u.bin.nsegs + 1) * sizeof *items);
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
        expr(s, vt, e->u.match.expr);
        VT nv = { 0 };
        Pat p = { vt, &nv, vt };
        pattern(s, &p, e->u.match.pat);
        vt_add_all(s, vt, &nv);
        return;
    }
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_ANDALSO || e->u.binop.op == AST_OP_ORELSE) {
            expr(s, vt, e->u.binop.lhs);
            int base_n = vt->n;
            expr(s, vt, e->u.binop.rhs);
            mark_unsafe_from(vt, base_n, e->u.binop.op == AST_OP_ANDALSO ? "'andalso'" : "'orelse'", e->line,
                             e->col);
            return;
        }
        siblings2(s, vt, e->u.binop.lhs, e->u.binop.rhs);
        return;
    case AST_UNOP:
        expr(s, vt, e->u.unop.arg);
        return;
    case AST_CALL:
        call_expr(s, vt, e);
        return;
    case AST_REMOTE: {
        int line, col;
        ast_first_pos(e->u.remote.mod, &line, &col);
        report(s, false, line, col, 0, "illegal_expr", "illegal expression");
        return;
    }
    case AST_FUN_REF: {
        const AstExpr *m = e->u.fun_ref.mod, *f = e->u.fun_ref.fun, *a = e->u.fun_ref.arity;
        if (!m) {
            if (f->kind == AST_ATOM && a->kind == AST_INT)
                check_call(s, f->u.atom.name, (int)a->u.int_.value, e->line, e->col, true);
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
        expr(s, vt, e->u.case_.expr);
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
        expr(s, vt, e->u.catch_.expr);
        mark_unsafe_from(vt, base_n, "'catch'", e->line, e->col);
        return;
    }
    case AST_BLOCK:
        exprs(s, vt, &e->u.block.body);
        return;
    case AST_LC: case AST_BC:
        comprehension(s, vt, e);
        return;
    case AST_RECORD:
        record_expr(s, vt, e);
        return;
    case AST_RECORD_FIELD: {
        expr(s, vt, e->u.rfield.base);
        Rec *r = use_rec(s, e->u.rfield.name, e->line, e->col);
        check_rec_field(s, e->u.rfield.name, e->u.rfield.field, e->u.rfield.field_line, e->u.rfield.field_col, r);
        return;
    }
    case AST_RECORD_INDEX: {
        Rec *r = use_rec(s, e->u.rindex.name, e->line, e->col);
        check_rec_field(s, e->u.rindex.name, e->u.rindex.field, e->u.rindex.field_line, e->u.rindex.field_col, r);
        return;
    }
    default:
        return;
    }
}

static void exprs(S *s, VT *vt, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        expr(s, vt, l->items[i]);
}

/* ---- functions and the module */

static void check_function(S *s, const AstForm *f)
{
    for (int i = 0; i < f->u.function.nclauses; i++) {
        const AstClause *c = &f->u.function.clauses[i];
        VT vt = { 0 };
        VT nv = head(s, &vt, &c->pats, true);
        vt_add_all(s, &vt, &nv);
        guard(s, &vt, &c->guard);
        exprs(s, &vt, &c->body);
        warn_unused_from(s, &vt, 0);
    }
}

static void define_record(S *s, const AstForm *f)
{
    const char *name = f->u.record.name;
    if (find_rec(s, name)) {
        report(s, false, f->line, f->col + 1, 2, "redefine_record", "record %s already defined", q(s, name));
        return;
    }
    int n = f->u.record.nfields;
    AstFieldDecl *fields = salloc(s, (size_t)(n ? n : 1) * sizeof *fields);
    int k = 0;
    for (int i = 0; i < n; i++) {
        const AstFieldDecl *fd = &f->u.record.fields[i];
        bool dup = false;
        for (int j = 0; j < k && !dup; j++)
            dup = strcmp(fields[j].name, fd->name) == 0;
        if (dup) {
            report(s, false, fd->line, fd->col, 3, "redefine_field", "field %s already defined in record %s",
                   q(s, fd->name), q(s, name));
            continue;
        }
        fields[k] = *fd;
        if (fd->init) {
            VT vt = { 0 };
            int before = s->errors;
            expr(s, &vt, fd->init);
            if (s->errors != before)
                fields[k].init = NULL;
        }
        k++;
    }
    s->recs = sgrow(s, s->recs, s->nrecs, &s->caprecs, sizeof *s->recs);
    s->recs[s->nrecs++] = (Rec){ name, f, fields, k, false };
}

/* -compile(...) options this pass understands: export_all and
 * {no_auto_import, [F/A]} (also in a list). */
static void compile_option(S *s, const AstForm *f, const AstExpr *o)
{
    if (atom_is(o, "export_all")) {
        s->export_all = true;
        report(s, true, f->line, f->col + 1, 0, "export_all", "export_all flag enabled - all functions will be exported");
    } else if (atom_is(o, "no_auto_import")) {
        s->no_auto_all = true;
    } else if (o->kind == AST_TUPLE && o->u.tuple.elems.n == 2 && atom_is(o->u.tuple.elems.items[0], "no_auto_import")) {
        const AstExpr *l = o->u.tuple.elems.items[1];
        for (; l->kind == AST_LIST; l = l->u.list.tail)
            for (int i = 0; i < l->u.list.elems.n; i++) {
                const AstExpr *fa = l->u.list.elems.items[i];
                if (fa->kind != AST_TUPLE || fa->u.tuple.elems.n != 2 || fa->u.tuple.elems.items[0]->kind != AST_ATOM ||
                    fa->u.tuple.elems.items[1]->kind != AST_INT)
                    continue;
                s->no_auto = sgrow(s, s->no_auto, s->nno_auto, &s->capno_auto, sizeof *s->no_auto);
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

static void check_exports(S *s)
{
    for (int i = 0; i < s->u->nforms; i++) {
        const AstForm *f = &s->u->forms[i];
        s->file = f->file;
        if (f->kind == AST_FORM_EXPORT) {
            for (int j = 0; j < f->u.export_.n; j++) {
                const AstFunName *fn = &f->u.export_.funs[j];
                int k = find_fn(s, fn->name, fn->arity);
                if (k < 0)
                    report(s, false, f->line, f->col + 1, 2, "undefined_function", "function %s/%d undefined",
                           q(s, fn->name), fn->arity);
                else
                    reach(s, k);
            }
        } else if (f->kind == AST_FORM_ATTRIBUTE && strcmp(f->u.attribute.name, "on_load") == 0) {
            const AstExpr *v = f->u.attribute.value;
            if (v->kind == AST_TUPLE && v->u.tuple.elems.n == 2 && v->u.tuple.elems.items[0]->kind == AST_ATOM &&
                v->u.tuple.elems.items[1]->kind == AST_INT)
                reach(s, find_fn(s, v->u.tuple.elems.items[0]->u.atom.name,
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
        report(s, true, fn->form->line, fn->form->col, 2, "unused_function", "function %s/%d is unused", q(s, fn->name),
               fn->arity);
    }
    for (int i = 0; i < s->nrecs; i++) {
        const Rec *r = &s->recs[i];
        if (r->used)
            continue;
        s->file = r->form->file;
        report(s, true, r->form->line, r->form->col + 1, 2, "unused_record", "record %s is unused", q(s, r->name));
    }
}

static void check_module(S *s)
{
    CompUnit *u = s->u;
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        s->file = f->file;
        if (f->kind != AST_FORM_FUNCTION)
            continue;
        if (find_fn(s, f->u.function.name, f->u.function.arity) >= 0) {
            report(s, false, f->line, f->col, 2, "redefine_function", "function %s/%d already defined",
                   q(s, f->u.function.name), f->u.function.arity);
            continue;
        }
        s->fns = sgrow(s, s->fns, s->nfns, &s->capfns, sizeof *s->fns);
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
        report(s, false, line, col, 0, "undefined_module", "no module definition");
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
            s->cur_fn = find_fn(s, f->u.function.name, f->u.function.arity);
            if (s->cur_fn >= 0 && s->fns[s->cur_fn].form != f)
                s->cur_fn = -1;
            check_function(s, f);
            s->cur_fn = -1;
            break;
        case AST_FORM_EXPORT: case AST_FORM_IMPORT: case AST_FORM_MODULE:
            if (seen_function)
                report(s, false, f->line, f->col + 1, 2, "attribute", "attribute %s after function definitions",
                       f->kind == AST_FORM_EXPORT ? "export" : f->kind == AST_FORM_IMPORT ? "import" : "module");
            break;
        default:
            break;
        }
    }
    check_exports(s);
}

/* ---- record expansion (erl_expand_records)
 *
 *   #r{f = V}              {r, ..., V, ...}: omitted fields get `_ = E`'s
 *                          value, their default or 'undefined'
 *   #r{f = P} (pattern)    {r, ..., P, ...} with _ for omitted fields
 *   #r.f                   the field's index in the tuple
 *   E#r.f                  case E of {r, _, X, _} -> X;
 *                                    Y -> erlang:error({badrecord, Y}) end
 *                          in a guard: element(I, E), with the test
 *                          is_record(E, r, Size) added before the guard test
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
                items = sgrow(s, items, n, &cap, sizeof *items);
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

/* #r{...}: creation, or a pattern. */
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
    int k = 0;
    for (int i = 0; i < r->nfields; i++) {
        const AstFieldInit *g = given(e, r->fields[i].name);
        if (g) {
            const char *v = fresh_name(s);
            AstExpr *mt = nnode(s, AST_MATCH, g->value->line, g->value->col);
            mt->u.match.pat = nvar(s, v, line, col);
            mt->u.match.expr = g->value;
            block[k++] = mt;
            pat[i + 1] = nvar(s, "_", line, col);
            out[i + 1] = nvar(s, v, line, col);
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
    int idx = field_index(r, e->u.rfield.field);
    AstExpr *base = e->u.rfield.base;
    if (m == M_GUARD && x) {
        AstExpr **a = nitems(s, 3);
        a[0] = base;
        a[1] = natom(s, r->name, line, col);
        a[2] = nint(s, r->nfields + 1, line, col);
        x->v = sgrow(s, x->v, x->n, &x->cap, sizeof *x->v);
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
    if ((!m || atom_is(m, "erlang")) && strcmp(name, "is_record") == 0 && a->n == 2 && a->items[1]->kind == AST_ATOM) {
        const Rec *r = find_rec(s, a->items[1]->u.atom.name);
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
        const Rec *r = find_rec(s, a->items[1]->u.atom.name);
        if (!r)
            return;
        if (atom_is(a->items[0], "size")) {
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
        const Rec *r = find_rec(s, e->u.record.name);
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
        const Rec *r = find_rec(s, e->u.rfield.name);
        if (r)
            expand_field(s, e, r, m, x);
        return;
    }
    case AST_RECORD_INDEX: {
        const Rec *r = find_rec(s, e->u.rindex.name);
        if (r)
            *e = *nint(s, field_index(r, e->u.rindex.field), e->line, e->col);
        return;
    }
    default:
        return;
    }
}

static void expand_module(S *s)
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
        expand_module(&s);
    ast_arena_free(s.ar);
    return errors;
}
