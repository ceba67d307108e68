/* preproc_eval.c - the conditions of -if and -elif, evaluated as epp
 * evaluates them (erl_eval on the parsed expression): literals,
 * arithmetic, comparisons in Erlang's term order, boolean operators,
 * defined(M) and the type tests; any other call makes the condition
 * false. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "preproc_int.h"

#include "parser.h"

/* ---- -if / -elif conditions */

typedef enum { V_FAIL, V_BAD, V_INT, V_FLOAT, V_ATOM, V_LIST, V_TUPLE, V_BIN, V_OTHER } VKind;

typedef struct {
    VKind k;
    int64_t i;
    double f;
    const char *a;
} Val;

static Val vfail(void)
{
    return (Val){V_FAIL, 0, 0, NULL};
}

static Val vatom(const char *a)
{
    return (Val){V_ATOM, 0, 0, a};
}

static Val vbool(bool b)
{
    return vatom(b ? "true" : "false");
}

static int is_bool(Val v)
{
    if (v.k != V_ATOM)
        return -1;
    if (strcmp(v.a, "true") == 0)
        return 1;
    if (strcmp(v.a, "false") == 0)
        return 0;
    return -1;
}

static bool is_num(Val v)
{
    return v.k == V_INT || v.k == V_FLOAT;
}

static double num(Val v)
{
    return v.k == V_INT ? (double)v.i : v.f;
}

/* Term order on what we can compare: numbers < atoms; -2 when unknown. */
static int compare(Val x, Val y, bool exact)
{
    if (is_num(x) && is_num(y)) {
        if (exact && x.k != y.k)
            return x.k == V_INT ? -1 : 1; /* only for =:= / =/= */
        if (x.k == V_INT && y.k == V_INT)
            return (x.i > y.i) - (x.i < y.i);
        double a = num(x), b = num(y);
        return (a > b) - (a < b);
    }
    if (x.k == V_ATOM && y.k == V_ATOM) {
        int c = strcmp(x.a, y.a);
        return (c > 0) - (c < 0);
    }
    if (is_num(x) && y.k == V_ATOM)
        return -1;
    if (x.k == V_ATOM && is_num(y))
        return 1;
    return -2;
}

static Val eval(Preproc *pp, const AstExpr *e, int depth);

/* Auto-imported functions that are not allowed in guards: epp rejects
 * them in -if conditions ("badly formed 'if'"). A sample of the common
 * ones; other unknown calls only make the condition false. */
static bool is_non_guard_bif(const char *f)
{
    static const char *const names[] = {
        "apply", "atom_to_binary", "atom_to_list", "binary_to_atom", "binary_to_list", "binary_to_term",
        "erase", "error", "exit", "get", "group_leader", "halt", "integer_to_binary", "integer_to_list",
        "link", "list_to_atom", "list_to_binary", "list_to_integer", "list_to_tuple", "make_ref", "monitor",
        "process_flag", "put", "register", "send", "spawn", "spawn_link", "term_to_binary", "throw",
        "tuple_to_list", "unlink", "unregister", "whereis",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], f) == 0)
            return true;
    return false;
}

static Val eval_call(Preproc *pp, const AstExpr *e, int depth)
{
    const AstExpr *fe = e->u.call.fun, *me = e->u.call.mod;
    if (fe->kind != AST_ATOM || (me && (me->kind != AST_ATOM || strcmp(me->u.atom.name, "erlang") != 0)))
        return (Val){V_BAD, 0, 0, NULL};
    const char *f = fe->u.atom.name;
    const AstExprList *as = &e->u.call.args;
    if (is_non_guard_bif(f))
        return (Val){V_BAD, 0, 0, NULL};
    if (strcmp(f, "defined") == 0 && as->n == 1) {
        const AstExpr *a = as->items[0];
        if (a->kind == AST_VAR)
            return vbool(pp_is_defined(pp, a->u.var.name));
        if (a->kind == AST_ATOM)
            return vbool(pp_is_defined(pp, a->u.atom.name));
        return (Val){V_BAD, 0, 0, NULL};
    }
    static const struct {
        const char *name;
        VKind k;
    } tests[] = {{"is_atom", V_ATOM},   {"is_integer", V_INT}, {"is_float", V_FLOAT},
                 {"is_list", V_LIST},   {"is_tuple", V_TUPLE}, {"is_binary", V_BIN},
                 {"is_number", V_OTHER}, {"is_boolean", V_OTHER}};
    if (as->n == 1) {
        for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
            if (strcmp(f, tests[i].name) != 0)
                continue;
            Val v = eval(pp, as->items[0], depth + 1);
            if (v.k == V_FAIL || v.k == V_BAD)
                return v;
            if (strcmp(f, "is_number") == 0)
                return vbool(is_num(v));
            if (strcmp(f, "is_boolean") == 0)
                return vbool(is_bool(v) >= 0);
            return vbool(v.k == tests[i].k);
        }
        if (strcmp(f, "abs") == 0) {
            Val v = eval(pp, as->items[0], depth + 1);
            if (v.k == V_INT && v.i != INT64_MIN)
                v.i = v.i < 0 ? -v.i : v.i;
            else if (v.k == V_FLOAT)
                v.f = v.f < 0 ? -v.f : v.f;
            else if (v.k != V_BAD)
                v = vfail();
            return v;
        }
    }
    /* any other call: its arguments must be guard expressions; calling it
     * fails, which makes the condition false */
    for (int i = 0; i < as->n; i++)
        if (eval(pp, as->items[i], depth + 1).k == V_BAD)
            return (Val){V_BAD, 0, 0, NULL};
    return vfail();
}

static Val eval_arith(AstOp op, Val x, Val y)
{
    if (x.k == V_INT && y.k == V_INT) {
        int64_t r;
        switch (op) {
        case AST_OP_ADD: return __builtin_add_overflow(x.i, y.i, &r) ? vfail() : (Val){V_INT, r, 0, NULL};
        case AST_OP_SUB: return __builtin_sub_overflow(x.i, y.i, &r) ? vfail() : (Val){V_INT, r, 0, NULL};
        case AST_OP_MUL: return __builtin_mul_overflow(x.i, y.i, &r) ? vfail() : (Val){V_INT, r, 0, NULL};
        case AST_OP_DIV:
        case AST_OP_REM:
            if (y.i == 0 || (x.i == INT64_MIN && y.i == -1))
                return vfail();
            return (Val){V_INT, op == AST_OP_DIV ? x.i / y.i : x.i % y.i, 0, NULL};
        case AST_OP_BAND: return (Val){V_INT, x.i & y.i, 0, NULL};
        case AST_OP_BOR: return (Val){V_INT, x.i | y.i, 0, NULL};
        case AST_OP_BXOR: return (Val){V_INT, x.i ^ y.i, 0, NULL};
        default: break;
        }
    }
    if (is_num(x) && is_num(y)) {
        double a = num(x), b = num(y);
        switch (op) {
        case AST_OP_ADD: return (Val){V_FLOAT, 0, a + b, NULL};
        case AST_OP_SUB: return (Val){V_FLOAT, 0, a - b, NULL};
        case AST_OP_MUL: return (Val){V_FLOAT, 0, a * b, NULL};
        case AST_OP_FDIV: return b == 0 ? vfail() : (Val){V_FLOAT, 0, a / b, NULL};
        default: break;
        }
    }
    return vfail();
}

static Val eval_binop(Preproc *pp, const AstExpr *e, int depth)
{
    AstOp op = e->u.binop.op;
    Val x = eval(pp, e->u.binop.lhs, depth + 1);
    if (x.k == V_BAD)
        return x;
    if (op == AST_OP_SEND)
        return (Val){V_BAD, 0, 0, NULL};
    if (op == AST_OP_ANDALSO || op == AST_OP_ORELSE) {
        int b = is_bool(x);
        if (b < 0)
            return x.k == V_FAIL ? x : vfail();
        if ((op == AST_OP_ANDALSO && !b) || (op == AST_OP_ORELSE && b))
            return x;
        return eval(pp, e->u.binop.rhs, depth + 1);
    }
    Val y = eval(pp, e->u.binop.rhs, depth + 1);
    if (y.k == V_BAD)
        return y;
    if (x.k == V_FAIL || y.k == V_FAIL)
        return vfail();
    switch (op) {
    case AST_OP_AND:
    case AST_OP_OR:
    case AST_OP_XOR: {
        int a = is_bool(x), b = is_bool(y);
        if (a < 0 || b < 0)
            return vfail();
        return vbool(op == AST_OP_AND ? (a && b) : op == AST_OP_OR ? (a || b) : (a != b));
    }
    case AST_OP_EQ:
    case AST_OP_NE:
    case AST_OP_LT:
    case AST_OP_LE:
    case AST_OP_GT:
    case AST_OP_GE:
    case AST_OP_EXACT_EQ:
    case AST_OP_EXACT_NE: {
        bool exact = op == AST_OP_EXACT_EQ || op == AST_OP_EXACT_NE;
        int c = compare(x, y, exact);
        if (c == -2)
            return vfail();
        switch (op) {
        case AST_OP_EQ:
        case AST_OP_EXACT_EQ: return vbool(c == 0);
        case AST_OP_NE:
        case AST_OP_EXACT_NE: return vbool(c != 0);
        case AST_OP_LT: return vbool(c < 0);
        case AST_OP_LE: return vbool(c <= 0);
        case AST_OP_GT: return vbool(c > 0);
        default: return vbool(c >= 0);
        }
    }
    default: return eval_arith(op, x, y);
    }
}

/* Evaluates a -if condition: V_BAD when it is not a guard expression
 * (badly formed 'if'), V_FAIL when evaluating it raises (false). */
static Val eval(Preproc *pp, const AstExpr *e, int depth)
{
    if (depth > 200)
        return vfail();
    switch (e->kind) {
    case AST_INT: return e->u.int_.big ? (Val){V_OTHER, 0, 0, NULL} : (Val){V_INT, e->u.int_.value, 0, NULL};
    case AST_FLOAT: return (Val){V_FLOAT, 0, e->u.float_.value, NULL};
    case AST_ATOM: return vatom(e->u.atom.name);
    case AST_STRING:
    case AST_NIL:
    case AST_LIST: return (Val){V_LIST, 0, 0, NULL};
    case AST_TUPLE: return (Val){V_TUPLE, 0, 0, NULL};
    case AST_BIN: return (Val){V_BIN, 0, 0, NULL};
    case AST_VAR: return vfail();
    case AST_CALL: return eval_call(pp, e, depth);
    case AST_BINOP: return eval_binop(pp, e, depth);
    case AST_UNOP: {
        Val v = eval(pp, e->u.unop.arg, depth + 1);
        if (v.k == V_BAD || v.k == V_FAIL)
            return v;
        switch (e->u.unop.op) {
        case AST_OP_NOT: return is_bool(v) < 0 ? vfail() : vbool(!is_bool(v));
        case AST_OP_NEG:
            if (v.k == V_INT && v.i != INT64_MIN)
                return (Val){V_INT, -v.i, 0, NULL};
            return v.k == V_FLOAT ? (Val){V_FLOAT, 0, -v.f, NULL} : vfail();
        case AST_OP_PLUS: return is_num(v) ? v : vfail();
        case AST_OP_BNOT: return v.k == V_INT ? (Val){V_INT, ~v.i, 0, NULL} : vfail();
        default: return vfail();
        }
    }
    case AST_RECORD_INDEX:
    case AST_RECORD_FIELD:
    case AST_RECORD: return vfail();
    default: return (Val){V_BAD, 0, 0, NULL};
    }
}

/* -if(Cond). / -elif(Cond).: 1 true, 0 false, -1 error (reported). */
int pp_eval_condition(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (n == 0 || toks[0].kind != TOK_LPAREN) {
        const Token *b = pp_first_or(toks, n, word);
        pp_perr(pp, f, b->line, b->col, "badly formed 'if'");
        return -1;
    }
    TokVec ex = {0};
    if (!pp_expand(pp, f, toks, n, &ex, NULL)) {
        tokvec_free(&ex);
        return -1;
    }
    AstExprList es;
    bool ok = parse_exprs_from_tokens(pp->a, pp_file_diag(pp, f->file), ex.v, ex.n, &es);
    tokvec_free(&ex);
    if (!ok)
        return -1;
    Val v = es.n == 1 ? eval(pp, es.items[0], 0) : (Val){V_BAD, 0, 0, NULL};
    if (v.k == V_BAD) {
        pp_perr(pp, f, word->line, word->col, "badly formed 'if'");
        return -1;
    }
    return is_bool(v) == 1;
}
