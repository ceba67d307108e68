/* sema_int.h - what the semantic pass's files share (sema.c, sema_pattern.c,
 * sema_expr.c, sema_records.c): the pass's state, the variable table, the
 * record and function tables, and the functions they call in each other.
 * Internal to compiler/sema*.c. */
#ifndef BL_SEMA_INT_H
#define BL_SEMA_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"

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
    bool warnings; /* sema_report warnings */
} S;

/* A sema_pattern binds into nv (the names new in this sema_pattern or sema_head); names
 * of old (NULL: none, as in fun heads) are matched, not bound. */
typedef struct {
    VT *old;
    VT *nv;
    VT *vt; /* for uses inside patterns: binary sizes */
} Pat;

/* ---- sema.c */

void *sema_alloc(S *s, size_t n);
void *sema_grow(S *s, void *v, int n, int *cap, size_t sz);
void sema_report(S *s, bool warn, int line, int col, int size, const char *tag, const char *fmt,
                 ...) __attribute__((format(printf, 7, 8)));
/* Atoms and variable names as erl_lint's ~w prints them. */
const char *sema_quote(S *s, const char *name);
bool sema_atom_is(const AstExpr *e, const char *name);
Var *sema_vt_find(const VT *vt, const char *name);
Var *sema_vt_add(S *s, VT *vt, const char *name);
Pos *sema_pos_merge(S *s, const Pos *a, int na, const Pos *b, int nb, int *n);
void sema_bind_new(S *s, VT *vt, const char *name, int line, int col);
void sema_use_var(S *s, VT *vt, const char *name, int line, int col);
/* Takes out of vt the names bound since it had base_n of them. */
VT sema_vt_take(S *s, VT *vt, int base_n);
/* Adds the new names of r to vt, whose own new names start at base_n: a
 * name that two side-by-side expressions bind counts as used, as with
 * erl_lint's vtmerge_pat. */
void sema_vt_put_new(S *s, VT *vt, const VT *r, int base_n);
/* Marks the names bound since base_n unsafe in `in`, at line:col. */
void sema_mark_unsafe_from(VT *vt, int base_n, const char *in, int line, int col);
bool sema_is_underscore_name(const char *name);
void sema_warn_var(S *s, const Var *v);
/* Warns about the unused variables of vt from index `from` on (the ones
 * local to a clause, a fun, a comprehension). */
void sema_warn_unused_from(S *s, const VT *vt, int from);
Rec *sema_find_rec(S *s, const char *name);
/* The 1-based position of field f in r's tuple (the tag is 1), or 0. */
int sema_field_index(const Rec *r, const char *f);
Rec *sema_use_rec(S *s, const char *name, int line, int col);
int sema_find_fn(S *s, const char *name, int arity);
const char *sema_imported_from(S *s, const char *name, int arity);
/* A call f(...) (or fun f/A): local, imported, a BIF, or undefined. */
void sema_check_call(S *s, const char *name, int arity, int line, int col, bool is_fun_ref);

/* ---- sema_pattern.c */

/* Reports field of record rname undefined unless r (when known) has it;
 * returns whether it has. */
bool sema_check_rec_field(S *s, const char *rname, const char *field, int line, int col, Rec *r);
/* Base#r.f or #r.f (its base aside): record r used, field f checked. */
void sema_record_access(S *s, const AstExpr *e);
typedef enum { FIELD_OK, FIELD_BAD, FIELD_UNDEFINED } FieldCheck;
/* The checks of field i of #name{...} that patterns and expressions share:
 * an atom or a single `_` (none in an update), named once, defined in r
 * (when known). FIELD_OK, or what is wrong with it, reported. */
FieldCheck sema_record_field(S *s, const AstExpr *e, int i, Rec *r, bool update, bool *seen_wild);
void sema_pattern(S *s, Pat *p, const AstExpr *e);
/* Patterns of a head or a match; returns the names they bind. */
VT sema_head(S *s, VT *vt, const AstExprList *pats, bool fresh);
void sema_vt_add_all(S *s, VT *vt, const VT *nv);
bool sema_local_or_imported(S *s, const char *name, int arity);
void sema_gexpr(S *s, VT *vt, const AstExpr *e);
void sema_guard(S *s, VT *vt, const AstGuard *g);

/* ---- sema_expr.c */

void sema_grecord_fields(S *s, VT *vt, const AstExpr *e, Rec *r);
void sema_expr(S *s, VT *vt, const AstExpr *e);
void sema_exprs(S *s, VT *vt, const AstExprList *l);

/* ---- sema_records.c */

void sema_expand_module(S *s);

#endif
