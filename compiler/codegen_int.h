/* codegen_int.h - what the code generator's files share (see codegen.c):
 * the K intermediate form, the module context (Cg), bit sets, and the
 * entry points of each pass. Internal to compiler/codegen*.c. */
#ifndef BL_CODEGEN_INT_H
#define BL_CODEGEN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "bcfile.h"
#include "codegen.h"

/* Catch markers live in y0..y63 (the verifier's limit): try and catch
 * nest at most this deep in one function. */
#define CG_MAX_CATCH_DEPTH 64

typedef uint64_t *Bits;

typedef struct KFun KFun;

typedef struct KStmt KStmt;

typedef struct GExpr GExpr;

/* An operand: a variable (var >= 0) or a constant tree (var < 0). */
typedef struct {
    int var;
    const AstExpr *lit;
} KOp;

typedef struct {
    KStmt **v;
    int n, cap;
} KBody;

typedef enum { T_TYPE, T_ARITY, T_TAGGED, T_EQ, T_GET_LIST, T_GET_ELEM } KTestKind;

/* One step of matching a clause's patterns; failing ones jump to the
 * next clause. */
typedef struct {
    uint8_t kind;
    const char *name;   /* T_TYPE: the test instruction (is_tuple...) */
    KOp a, b;           /* the subject; T_EQ: a =:= b */
    int n;              /* T_ARITY, T_TAGGED: arity; T_GET_ELEM: index */
    const char *tag;    /* T_TAGGED: the atom */
    int d1, d2;         /* T_GET_LIST: head, tail (-1: unused); T_GET_ELEM: d1 */
} KTest;

typedef enum { G_OP, G_BIF, G_AND, G_OR, G_TUPLE, G_CONS, G_TAGGED } GKind;

/* A guard expression: no calls but BIFs, no bindings. */
struct GExpr {
    uint8_t kind;
    KOp op;              /* G_OP */
    const char *name;    /* G_BIF: erlang:name/nargs; G_TAGGED: record name */
    GExpr **args;
    int nargs;
    int n;               /* G_TAGGED: size */
};

typedef struct {
    GExpr **tests;
    int n;
} KConj;

typedef struct {
    KConj *alts;
    int n;
} KGuard;

typedef struct {
    KTest *tests;
    int ntests, cap;
    KGuard guard;
    KBody body;
    int line;
    Bits live_body; /* live where the body starts */
} KClause;

typedef enum {
    K_MOVE, K_TUPLE, K_CONS, K_FUN, K_BIF, K_CALL, K_SEND, /* dst := ... */
    K_MATCH, K_TRY, K_CATCH, K_RECV,                       /* structured */
    K_RETURN, K_ENTER, K_BREAK, K_ERROR,                   /* terminators */
} KKind;

typedef enum { CT_LOCAL, CT_EXT, CT_FUN, CT_APPLY, CT_BUILD_ST } CallKind;

typedef enum { E_BADMATCH, E_CASE, E_IF, E_TRY_CLAUSE, E_FUNCTION_CLAUSE, E_RAISE, E_ERROR_CALL } ErrKind;

struct KStmt {
    uint8_t kind;
    uint8_t ckind;       /* K_CALL, K_ENTER: CallKind */
    uint8_t err;         /* K_ERROR: ErrKind */
    bool gc;             /* K_BIF: gc_bif */
    bool terminal;       /* K_MATCH, K_TRY, K_RECV: no continuation */
    bool clob;           /* something inside clobbers x registers */
    int line;
    int dst;             /* -1: none */
    KOp *args;           /* operands (calls: arguments, then fun / module, function) */
    int nargs;
    const char *mod, *name; /* K_BIF, K_CALL CT_EXT: erlang:name; CT_LOCAL: callee */
    int arity;
    KFun *fun;           /* K_FUN, K_CALL CT_LOCAL */
    int *rets;           /* K_MATCH, K_TRY, K_RECV: values passed to the continuation */
    int nrets;
    KClause *clauses;    /* K_MATCH, K_RECV; K_TRY: the of clauses */
    int nclauses;
    KBody alt;           /* K_MATCH: no clause matched; K_RECV: after; K_TRY: no of clause */
    KBody body;          /* K_TRY, K_CATCH: the protected body */
    int *body_rets;      /* K_TRY: the body's values, for the of clauses */
    int nbody_rets;
    KClause *catches;    /* K_TRY */
    int ncatches;
    KBody alt2;          /* K_TRY: no catch clause matched */
    int cls, reason, trace; /* K_TRY: handler variables */
    KOp timeout;         /* K_RECV */
    bool has_timeout;
    int msg;             /* K_RECV: the message variable */
    Bits live_after, live_before;
    Bits live_of, live_catch; /* K_TRY: live where the of clauses / the handler start */
};

struct KFun {
    const char *name;
    int arity;           /* all parameters, free variables included */
    int nfree;           /* trailing parameters that are free variables */
    const char **fnames; /* their names in the enclosing function */
    int line;
    int file;
    KBody body;
    int nvars;
    int info_label, entry_label;
    int lambda;          /* index in the fun table; -1: none */
    int catch_depth;     /* deepest nesting of try/catch */
    bool lowered;
    const AstForm *form; /* source function (NULL for lifted ones) */
    KFun *next;
};

typedef struct {
    const char *name;
    int arity;
    const char *mod;
} Import;

typedef struct Cg {
    const CompUnit *u;
    Diag *d;
    const char *filename;
    AstArena *ar;
    const char *module;
    KFun *funs, **funs_tail; /* every function, source order then lifted */
    KFun **locals;           /* the source functions, for lookup */
    int nlocals;
    Import *imports;
    int nimports;
    const char **no_auto;    /* -compile({no_auto_import, [F/A]}) */
    int *no_auto_arity;
    int nno_auto;
    int nlambdas;
    int next_label;
    int file;                /* file of the form being compiled */
    bool failed;
    bool capture_reported;   /* a fun of the current function captures too much */
} Cg;

static inline int bits_words(int nvars) { return (nvars + 63) / 64 + 1; }

static inline bool bits_has(const Bits b, int v) { return v >= 0 && (b[v >> 6] >> (v & 63) & 1); }

static inline void bits_add(Bits b, int v)
{
    if (v >= 0)
        b[v >> 6] |= UINT64_C(1) << (v & 63);
}

static inline void bits_del(Bits b, int v)
{
    if (v >= 0)
        b[v >> 6] &= ~(UINT64_C(1) << (v & 63));
}

static inline void bits_or(Bits a, const Bits b, int nw)
{
    if (b)
        for (int i = 0; i < nw; i++)
            a[i] |= b[i];
}

static inline KOp kvar(int v) { return (KOp){ v, NULL }; }

static inline KOp klit(const AstExpr *e) { return (KOp){ -1, e }; }

/* ---- codegen.c */

/* Zeroed memory in the module's arena (out of memory aborts). */
void *cg_alloc(Cg *c, size_t n);
char *cg_strdup(Cg *c, const char *s);
char *cg_printf(Cg *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Grows an arena array of elements of size sz to hold n + 1 of them. */
void *cg_grow(Cg *c, void *v, int n, int *cap, size_t sz);
void cg_error(Cg *c, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- codegen_bif.c */

/* Does erlang:name/arity run as a bif/gc_bif instruction rather than a
 * call? Guard BIFs and operators do; gc tells which instruction. BIFs the
 * VM lacks are still emitted as erlc would: the loader then says so. */
bool cg_bif_is_gc(const char *name, int arity);
/* In a body, does erlang:name/arity run as a bif/gc_bif instruction
 * rather than a call? Guard BIFs and operators do, as with erlc, when the
 * VM has them; others are called (a missing one raises undef only when
 * the call runs, instead of failing the whole module at load). */
bool cg_body_bif(const char *name, int arity, bool *gc);

/* ---- codegen_const.c */

AstExpr *cg_mk_node(Cg *c, AstKind k, int line);
const AstExpr *cg_mk_atom(Cg *c, const char *name);
const AstExpr *cg_mk_int(Cg *c, int64_t v);
bool cg_is_wild(const AstExpr *e);
bool cg_is_atom_named(const AstExpr *e, const char *name);
/* Is e a constant term (a literal the assembler can hold)? */
bool cg_is_const(const AstExpr *e);
/* Folds integer arithmetic on constants (patterns such as 1 + 2 or
 * -(3)); false when e is not such an expression. */
bool cg_fold_int(const AstExpr *e, int64_t *out);
/* The literal a constant arithmetic pattern stands for (any size of
 * integer, or a float); NULL when it is not one. */
const AstExpr *cg_fold_number(Cg *c, const AstExpr *e);
/* An atom as the assembler reads it: bare when Erlang allows, quoted
 * otherwise, and always quoted when it has bytes beyond ASCII (the
 * assembler reads UTF-8 only between quotes). */
void cg_put_atom(AstBuf *b, const char *name, size_t len);
/* A constant as an operand: {integer,N}, {atom,A}, nil or {literal,T}. */
void cg_put_lit(AstBuf *b, const AstExpr *e);

/* ---- codegen_lower.c */

/* A new function of the module (source or lifted), appended to c->funs;
 * an arity above 255 is reported (captured variables count). */
KFun *cg_new_kfun(Cg *c, const char *name, int arity, int line);

/* ---- codegen_match.c */

/* The module's function name/arity (source or module_info), or NULL. */
KFun *cg_find_local(Cg *c, const char *name, int arity);

/* ---- codegen_expr.c */

/* A source function: one match over its parameters. */
void cg_lower_function(Cg *c, KFun *kf, const AstForm *f);

/* ---- codegen_live.c */

/* Liveness, x register clobbering and catch depth of a lowered function
 * (a depth above CG_MAX_CATCH_DEPTH is reported). */
void cg_analyse(Cg *c, KFun *kf);

/* ---- codegen_emit.c */

/* Writes the assembly of an analysed function to out. */
void cg_gen_function(Cg *c, KFun *kf, AstBuf *out);

#endif
