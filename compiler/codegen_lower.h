/* codegen_lower.h - shared by the lowering files (codegen_lower.c,
 * _expr, _match, _try, _lc): the environment of bound variables, name
 * sets, clause results, and the lowering functions they call in each
 * other. */
#ifndef BL_CODEGEN_LOWER_H
#define BL_CODEGEN_LOWER_H

#include "codegen_int.h"

typedef struct {
    const char *name;
    unsigned hash; /* name_hash(name): most comparisons stop there */
    KOp op;
    KFun *self; /* a named fun's own name, inside it */
} EnvEnt;

typedef struct L {
    Cg *c;
    KFun *kf;
    EnvEnt *env;
    int nenv, cap;
    const char *top; /* the source function, for naming lifted ones */
    int top_arity;
    int *nlifted; /* funs and comprehensions so far: erlc's N in fun-N, lc$^N */
    int *nlc;     /* comprehensions so far: the last number of lc$^N/1-M- */
} L;

/* A set of variable names in the order first added. Past a few names
 * a hash index (tab, tabcap slots holding index + 1, 0 empty) keeps
 * lookups constant time: comprehensions with many generators build sets
 * of hundreds of names, many times. */
typedef struct {
    const char **v;
    int n, cap;
    int *tab;
    int tabcap;
} Names;

static inline int new_var(L *l) { return l->kf->nvars++; }

/* What lowering one clause leaves for its construct: the new bindings and,
 * in value mode, the break that passes the clause's value on. */
typedef struct {
    const char **names;
    KOp *ops;
    int n;
    KStmt *brk;
    KOp val;
} ClauseRes;

/* ---- codegen_lower.c */

bool cg_names_has(const Names *ns, const char *name);
void cg_names_add(Cg *c, Names *ns, const char *name);
void cg_names_in_clauses(Cg *c, Names *ns, const AstClause *cs, int n);
/* Every variable name occurring in e (nested funs included). */
void cg_names_in(Cg *c, Names *ns, const AstExpr *e);
void cg_env_push(L *l, const char *name, KOp op, KFun *self);
const EnvEnt *cg_env_find(const L *l, const char *name, int from);
KStmt *cg_kst(L *l, KBody *b, KKind k, int line);
KOp *cg_kops(L *l, int n);
KTest *cg_ktest(L *l, KClause *kc, KTestKind k, KOp a);
/* The value of a variable: its operand, or for a named fun's own name
 * inside it, a new closure. */
KOp cg_lookup_var(L *l, KBody *b, const char *name, int line, int col);
/* A variable holding op (constants are moved into one). */
int cg_as_var(L *l, KBody *b, KOp op, int line);
KOp cg_emit_dst(L *l, KBody *b, KKind k, int line, const KOp *args, int n);
KOp cg_emit_tuple2(L *l, KBody *b, const char *tag, KOp v, int line);
void cg_emit_error(L *l, KBody *b, ErrKind k, int line, KOp a, KOp a2);
void cg_emit_return(L *l, KBody *b, KOp v, int line);
/* A call; tail: as the body's terminator (then returns nothing useful). */
KOp cg_emit_call(L *l, KBody *b, CallKind ck, const char *mod, const char *name, KFun *fun, const KOp *args,
                 int n, bool tail, int line);
KOp cg_emit_bif(L *l, KBody *b, const char *name, const KOp *args, int n, bool gc, int line);
/* Finishes a value: as a return in tail position. */
KOp cg_done(L *l, KBody *b, KOp v, bool tail, int line);

/* ---- codegen_match.c */

/* Adds to kc the tests that match pattern p against s, binding its new
 * variables in the environment. Variables already bound at index >= mark
 * of the environment are compared instead (mark = 0: every binding). */
void cg_lower_pattern(L *l, KClause *kc, const AstExpr *p, KOp s, int mark);
/* A guard expression, with its variables resolved. */
GExpr *cg_lower_gexpr(L *l, const AstExpr *e);
/* Lowers one clause: its patterns against subj (fresh: variables already
 * bound outside the patterns are shadowed, as in fun heads), its guard and
 * its body, in tail or value mode. stvar/trace: a catch clause's stack
 * trace variable, bound to the built trace where the body starts. */
void cg_lower_clause(L *l, KClause *kc, const AstClause *ac, const KOp *subj, int nsubj, bool fresh, bool tail,
                     const AstExpr *stvar, KOp trace, ClauseRes *res);
/* Value mode: the construct passes its value (if has_value) and the
 * variables every clause binds (safe to use after it, as erl_lint says)
 * to its continuation. Fills in each clause's break and binds the
 * exported names to the construct's results. */
void cg_finish_exports(L *l, KStmt *K, ClauseRes *rs, int n, bool has_value);
KClause *cg_kclauses(L *l, int n);
KOp cg_lower_case(L *l, KBody *b, const AstExpr *e, bool tail);
KOp cg_lower_if(L *l, KBody *b, const AstExpr *e, bool tail);
/* In value mode, a try passes only its value on: what it binds is unsafe
 * after it (erl_lint). */
void cg_finish_value(L *l, KStmt *K, ClauseRes *rs, int n);
/* P = E */
KOp cg_lower_match(L *l, KBody *b, const AstExpr *e);
/* A andalso B, A orelse B: B only when A does not decide; A must be a
 * boolean ({badarg, A} otherwise). */
KOp cg_lower_andalso(L *l, KBody *b, const AstExpr *e, bool tail);

/* ---- codegen_try.c */

/* receive ... after: its clauses match the message; the after body is the
 * alternative taken at the timeout. */
KOp cg_lower_receive(L *l, KBody *b, const AstExpr *e, bool tail);
/* try ... of ... catch ... after ... end (the after body runs on every
 * way out). */
KOp cg_lower_try(L *l, KBody *b, const AstExpr *e, bool tail);
/* catch Expr */
KOp cg_lower_catch(L *l, KBody *b, const AstExpr *e);

/* ---- codegen_expr.c */

const char *cg_import_of(Cg *c, const char *name, int arity);
/* A closure of kf over its free variables, as they are bound here. */
KOp cg_lower_fun_value(L *l, KBody *b, KFun *kf, int line);
/* The names bound in l's environment (innermost binding once) that appear
 * in `used`: the free variables of a fun or comprehension helper. */
void cg_free_names(L *l, const Names *used, const char *except, Names *out);
L cg_child_of(L *l, KFun *kf);
/* The value of e, computed into b. */
KOp cg_lower_expr(L *l, KBody *b, const AstExpr *e);
/* e in tail position: b ends with a return or a tail call. */
void cg_lower_tail(L *l, KBody *b, const AstExpr *e);
KOp cg_lower_seq(L *l, KBody *b, const AstExprList *body);
void cg_lower_seq_tail(L *l, KBody *b, const AstExprList *body);

/* ---- codegen_lc.c */

/* A list comprehension (binary ones are reported as unsupported). */
KOp cg_lower_lc(L *l, KBody *b, const AstExpr *e, bool tail);

#endif
