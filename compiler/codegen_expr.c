/* codegen_expr.c - lowering of expressions: calls (local, remote,
 * imported, BIFs, funs), terms (tuples, lists, binaries), funs (lifted to
 * functions of their own), and whole functions. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_lower.h"

/* ---- calls */

const char *cg_import_of(Cg *c, const char *name, int arity)
{
    for (int i = 0; i < c->nimports; i++)
        if (c->imports[i].arity == arity && strcmp(c->imports[i].name, name) == 0)
            return c->imports[i].mod;
    return NULL;
}

/* is_record(cg_xreg, Name, Size) with constant Name and Size, in a body. */
static KOp lower_is_record(L *l, KBody *b, KOp x, const char *name, int size, bool tail, int line)
{
    KOp xv = kvar(cg_as_var(l, b, x, line));
    KStmt *K = cg_kst(l, b, K_MATCH, line);
    K->terminal = tail;
    K->nclauses = 1;
    K->clauses = cg_kclauses(l, 1);
    KTest *t = cg_ktest(l, &K->clauses[0], T_TAGGED, xv);
    t->n = size;
    t->tag = name;
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    rs[0].val = cg_done(l, &K->clauses[0].body, klit(cg_mk_atom(l->c, "true")), tail, line);
    rs[1].val = cg_done(l, &K->alt, klit(cg_mk_atom(l->c, "false")), tail, line);
    if (tail)
        return klit(NULL);
    rs[0].brk = cg_kst(l, &K->clauses[0].body, K_BREAK, line);
    rs[1].brk = cg_kst(l, &K->alt, K_BREAK, line);
    cg_finish_value(l, K, rs, 2);
    return kvar(K->rets[0]);
}

/* erlang:name(args): an instruction for guard BIFs, else a call. */
static KOp erlang_call(L *l, KBody *b, const char *name, KOp *args, int n, bool tail, int line)
{
    bool gc;
    if (strcmp(name, "is_record") == 0 && n == 3 && args[1].var < 0 && args[1].lit->kind == AST_ATOM &&
        args[2].var < 0 && args[2].lit->kind == AST_INT && !args[2].lit->u.int_.big)
        return lower_is_record(l, b, args[0], args[1].lit->u.atom.name, (int)args[2].lit->u.int_.value, tail, line);
    if (cg_body_bif(name, n, &gc))
        return cg_done(l, b, cg_emit_bif(l, b, name, args, n, gc, line), tail, line);
    return cg_emit_call(l, b, CT_EXT, "erlang", name, NULL, args, n, tail, line);
}

/* Calls a named fun from inside itself: directly, passing its free
 * variables along. */
static KOp self_call(L *l, KBody *b, KFun *self, const AstExprList *al, bool tail, int line)
{
    int n = al->n;
    KOp *args = cg_kops(l, n + self->nfree);
    for (int i = 0; i < n; i++)
        args[i] = cg_lower_expr(l, b, al->items[i]);
    for (int i = 0; i < self->nfree; i++)
        args[n + i] = cg_lookup_var(l, b, self->fnames[i], line, 0);
    return cg_emit_call(l, b, CT_LOCAL, NULL, self->name, self, args, n + self->nfree, tail, line);
}

static KOp lower_call(L *l, KBody *b, const AstExpr *e, bool tail)
{
    const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
    int n = e->u.call.args.n, line = e->line;
    if (!m && f->kind == AST_VAR) {
        const EnvEnt *en = cg_env_find(l, f->u.var.name, 0);
        if (en && en->self)
            return self_call(l, b, en->self, &e->u.call.args, tail, line);
    }
    KOp *args = cg_kops(l, n + 2);
    /* as erlc: the fun, or the module and the function, are evaluated
     * before the arguments */
    bool dynamic = m ? m->kind != AST_ATOM || f->kind != AST_ATOM : f->kind != AST_ATOM;
    if (dynamic && !m) {
        args[n] = cg_lower_expr(l, b, f);
    } else if (dynamic) {
        args[n] = cg_lower_expr(l, b, m);
        args[n + 1] = cg_lower_expr(l, b, f);
    }
    for (int i = 0; i < n; i++)
        args[i] = cg_lower_expr(l, b, e->u.call.args.items[i]);
    if (!m && f->kind == AST_ATOM) {
        const char *name = f->u.atom.name;
        KFun *lf = cg_find_local(l->c, name, n);
        if (lf)
            return cg_emit_call(l, b, CT_LOCAL, NULL, name, lf, args, n, tail, line);
        const char *im = cg_import_of(l->c, name, n);
        if (im)
            return strcmp(im, "erlang") == 0 ? erlang_call(l, b, name, args, n, tail, line)
                                             : cg_emit_call(l, b, CT_EXT, im, name, NULL, args, n, tail, line);
        return erlang_call(l, b, name, args, n, tail, line);
    }
    if (m && m->kind == AST_ATOM && f->kind == AST_ATOM) {
        if (strcmp(m->u.atom.name, "erlang") == 0)
            return erlang_call(l, b, f->u.atom.name, args, n, tail, line);
        return cg_emit_call(l, b, CT_EXT, m->u.atom.name, f->u.atom.name, NULL, args, n, tail, line);
    }
    if (!m)
        return cg_emit_call(l, b, CT_FUN, NULL, NULL, NULL, args, n + 1, tail, line);
    return cg_emit_call(l, b, CT_APPLY, NULL, NULL, NULL, args, n + 2, tail, line);
}

/* The operators erlc writes with a constant operand second. */
static bool commutes(AstOp op)
{
    return op == AST_OP_ADD || op == AST_OP_MUL || op == AST_OP_BAND || op == AST_OP_BOR || op == AST_OP_BXOR ||
           op == AST_OP_AND || op == AST_OP_OR || op == AST_OP_XOR;
}

static KOp lower_binop(L *l, KBody *b, const AstExpr *e, bool tail)
{
    AstOp op = e->u.binop.op;
    int line = e->line;
    if (op == AST_OP_ANDALSO || op == AST_OP_ORELSE)
        return cg_lower_andalso(l, b, e, tail);
    int64_t folded;
    if (cg_fold_int(e, &folded))
        return cg_done(l, b, klit(cg_mk_int(l->c, folded)), tail, line);
    KOp a[2];
    a[0] = cg_lower_expr(l, b, e->u.binop.lhs);
    a[1] = cg_lower_expr(l, b, e->u.binop.rhs);
    if (op == AST_OP_SEND)
        return cg_done(l, b, cg_emit_dst(l, b, K_SEND, line, a, 2), tail, line);
    if (op == AST_OP_APPEND || op == AST_OP_SUBTRACT)
        return cg_emit_call(l, b, CT_EXT, "erlang", ast_op_name(op), NULL, a, 2, tail, line);
    const char *name = ast_op_name(op);
    if (a[0].var < 0 && a[1].var >= 0 && commutes(op)) {
        /* As erlc: the constant goes second (both are values already, so
         * nothing observable but a failure's stack trace changes). */
        KOp t = a[0];
        a[0] = a[1];
        a[1] = t;
    }
    return cg_done(l, b, cg_emit_bif(l, b, name, a, 2, cg_bif_is_gc(name, 2), line), tail, line);
}

static KOp lower_unop(L *l, KBody *b, const AstExpr *e)
{
    int64_t folded;
    if (cg_fold_int(e, &folded))
        return klit(cg_mk_int(l->c, folded));
    KOp a = cg_lower_expr(l, b, e->u.unop.arg);
    const char *name = ast_op_name(e->u.unop.op);
    return cg_emit_bif(l, b, name, &a, 1, cg_bif_is_gc(name, 1), e->line);
}

/* ---- terms */

static KOp lower_tuple(L *l, KBody *b, const AstExpr *e)
{
    if (cg_is_const(e))
        return klit(e);
    int n = e->u.tuple.elems.n;
    KOp *a = cg_kops(l, n);
    for (int i = 0; i < n; i++)
        a[i] = cg_lower_expr(l, b, e->u.tuple.elems.items[i]);
    return cg_emit_dst(l, b, K_TUPLE, e->line, a, n);
}

static KOp lower_list(L *l, KBody *b, const AstExpr *e)
{
    if (cg_is_const(e))
        return klit(e);
    int n = e->u.list.elems.n;
    AstExpr *const *el = e->u.list.elems.items;
    /* the longest constant suffix stays a literal */
    int k = n;
    if (cg_is_const(e->u.list.tail))
        while (k > 0 && cg_is_const(el[k - 1]))
            k--;
    KOp *a = cg_kops(l, n);
    for (int i = 0; i < k; i++)
        a[i] = cg_lower_expr(l, b, el[i]);
    KOp tail;
    if (k == n) {
        tail = cg_lower_expr(l, b, e->u.list.tail);
    } else {
        AstExpr *suf = cg_mk_node(l->c, AST_LIST, e->line);
        suf->u.list.elems.items = (AstExpr **)el + k;
        suf->u.list.elems.n = n - k;
        suf->u.list.tail = e->u.list.tail;
        tail = klit(suf);
    }
    for (int i = k; i-- > 0;) {
        KOp pair[2] = { a[i], tail };
        tail = cg_emit_dst(l, b, K_CONS, e->line, pair, 2);
    }
    return tail;
}

/* A binary with segments that are not all constants, for want of the
 * bs_* instructions: the bytes of each segment in a list, then
 * list_to_binary/1. Segments must be byte-aligned: constants, cg_xreg/binary,
 * and integers of a constant size that is a multiple of 8. */
static KOp lower_bin(L *l, KBody *b, const AstExpr *e)
{
    Cg *c = l->c;
    KOp *parts = cg_kops(l, 0);
    int n = 0, cap = 0;
    for (int i = 0; i < e->u.bin.nsegs; i++) {
        const AstBinSeg *sg = &e->u.bin.segs[i];
        AstExpr *one = cg_mk_node(c, AST_BIN, e->line);
        *one = *e;
        one->u.bin.segs = (AstBinSeg *)sg;
        one->u.bin.nsegs = 1;
        if (cg_is_const(one)) {
            parts = cg_grow(c, parts, n, &cap, sizeof *parts);
            parts[n++] = klit(one);
            continue;
        }
        const char *type = "integer";
        bool little = false;
        int64_t unit = 1;
        for (int k = 0; k < sg->ntypes; k++) {
            const char *t = sg->types[k].name;
            if (!strcmp(t, "little") || !strcmp(t, "native"))
                little = true;
            else if (!strcmp(t, "unit") && sg->types[k].has_value)
                unit = sg->types[k].value;
            else if (strcmp(t, "big") && strcmp(t, "signed") && strcmp(t, "unsigned"))
                type = t;
        }
        bool is_bin = !strcmp(type, "binary") || !strcmp(type, "bytes");
        int64_t bits = !sg->size ? (is_bin ? -1 : 8) : sg->size->kind == AST_INT ? sg->size->u.int_.value * unit : -2;
        if (is_bin && bits == -1) {
            parts = cg_grow(c, parts, n, &cap, sizeof *parts);
            parts[n++] = cg_lower_expr(l, b, sg->value);
            continue;
        }
        if (strcmp(type, "integer") || bits <= 0 || bits % 8 || bits > 1024) {
            cg_error(c, sg->line, sg->col, "binary segments other than constants, X/binary and integers of a constant "
                                           "size in bytes are not supported");
            return klit(e);
        }
        KOp v = cg_lower_expr(l, b, sg->value);
        for (int64_t k = 0; k < bits / 8; k++) {
            int64_t shift = little ? 8 * k : bits - 8 * (k + 1);
            KOp t = v;
            if (shift) {
                KOp a[2] = { v, klit(cg_mk_int(c, shift)) };
                t = cg_emit_bif(l, b, "bsr", a, 2, true, sg->line);
            }
            KOp a2[2] = { t, klit(cg_mk_int(c, 255)) };
            parts = cg_grow(c, parts, n, &cap, sizeof *parts);
            parts[n++] = cg_emit_bif(l, b, "band", a2, 2, true, sg->line);
        }
    }
    KOp list = klit(cg_mk_node(c, AST_NIL, e->line));
    for (int i = n; i-- > 0;) {
        KOp pair[2] = { parts[i], list };
        list = cg_emit_dst(l, b, K_CONS, e->line, pair, 2);
    }
    return cg_emit_call(l, b, CT_EXT, "erlang", "list_to_binary", NULL, &list, 1, false, e->line);
}

static KOp lower_fun_ref(L *l, KBody *b, const AstExpr *e)
{
    const AstExpr *m = e->u.fun_ref.mod, *f = e->u.fun_ref.fun, *a = e->u.fun_ref.arity;
    if (!m) {
        KFun *lf = cg_find_local(l->c, f->u.atom.name, (int)a->u.int_.value);
        if (!lf) {
            /* fun F/A of an imported function or an auto-imported BIF */
            const char *im = cg_import_of(l->c, f->u.atom.name, (int)a->u.int_.value);
            AstExpr *r = cg_mk_node(l->c, AST_FUN_REF, e->line);
            *r = *e;
            r->u.fun_ref.mod = (AstExpr *)cg_mk_atom(l->c, im ? im : "erlang");
            return klit(r);
        }
        KStmt *s = cg_kst(l, b, K_FUN, e->line);
        s->fun = lf;
        s->dst = new_var(l);
        return kvar(s->dst);
    }
    if (cg_is_const(e))
        return klit(e);
    KOp args[3] = { cg_lower_expr(l, b, m), cg_lower_expr(l, b, f), cg_lower_expr(l, b, a) };
    return cg_emit_call(l, b, CT_EXT, "erlang", "make_fun", NULL, args, 3, false, e->line);
}

/* A closure of kf over its free variables, as they are bound here. */
KOp cg_lower_fun_value(L *l, KBody *b, KFun *kf, int line)
{
    KOp *ops = cg_kops(l, kf->nfree);
    for (int i = 0; i < kf->nfree; i++)
        ops[i] = cg_lookup_var(l, b, kf->fnames[i], line, 0);
    KStmt *s = cg_kst(l, b, K_FUN, line);
    s->fun = kf;
    s->args = ops;
    s->nargs = kf->nfree;
    s->dst = new_var(l);
    return kvar(s->dst);
}

/* The names bound in l's environment (innermost binding once) that appear
 * in `used`: the free variables of a fun or comprehension helper. */
void cg_free_names(L *l, const Names *used, const char *except, Names *out)
{
    for (int i = l->nenv; i-- > 0;) {
        const char *name = l->env[i].name;
        if (cg_names_has(used, name) && !(except && strcmp(name, except) == 0))
            cg_names_add(l->c, out, name);
    }
}

L cg_child_of(L *l, KFun *kf)
{
    L ch = { 0 };
    ch.c = l->c;
    ch.kf = kf;
    ch.top = l->top;
    ch.top_arity = l->top_arity;
    ch.nlifted = l->nlifted;
    ch.nlc = l->nlc;
    return ch;
}

/* A fun expression: its clauses become a function of their own whose
 * parameters are the fun's arguments followed by its free variables. */
static KOp lower_fun(L *l, KBody *b, const AstExpr *e)
{
    Cg *c = l->c;
    Names used = { 0 }, fr = { 0 };
    cg_names_in_clauses(c, &used, e->u.fun.clauses, e->u.fun.nclauses);
    const char *fname = e->u.fun.name;
    cg_free_names(l, &used, fname, &fr);
    int nargs = e->u.fun.clauses[0].pats.n;
    KFun *kf = cg_new_kfun(c, NULL, nargs + fr.n, e->line);
    kf->nfree = fr.n;
    kf->fnames = fr.v;
    L ch = cg_child_of(l, kf);
    for (int i = 0; i < fr.n; i++)
        cg_env_push(&ch, fr.v[i], kvar(nargs + i), NULL);
    if (fname)
        cg_env_push(&ch, fname, klit(NULL), kf);
    KStmt *K = cg_kst(&ch, &kf->body, K_MATCH, e->line);
    K->terminal = true;
    K->nclauses = e->u.fun.nclauses;
    K->clauses = cg_kclauses(&ch, K->nclauses);
    KOp *subj = cg_kops(&ch, nargs);
    for (int i = 0; i < nargs; i++)
        subj[i] = kvar(i);
    for (int i = 0; i < K->nclauses; i++) {
        ClauseRes rs;
        cg_lower_clause(&ch, &K->clauses[i], &e->u.fun.clauses[i], subj, nargs, true, true, NULL, klit(NULL), &rs);
    }
    cg_emit_error(&ch, &K->alt, E_FUNCTION_CLAUSE, e->line, klit(NULL), klit(NULL));
    /* As erlc, a fun is numbered after the funs and comprehensions in it. */
    int k = (*l->nlifted)++;
    kf->name = fname ? cg_printf(c, "-%s/%d-%s/%d-%d-", l->top, l->top_arity, fname, nargs, k)
                     : cg_printf(c, "-%s/%d-fun-%d-", l->top, l->top_arity, k);
    kf->lowered = true;
    return cg_lower_fun_value(l, b, kf, e->line);
}

/* ---- expressions */

KOp cg_lower_expr(L *l, KBody *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return klit(e);
    case AST_VAR:
        return cg_lookup_var(l, b, e->u.var.name, e->line, e->col);
    case AST_TUPLE:
        return lower_tuple(l, b, e);
    case AST_LIST:
        return lower_list(l, b, e);
    case AST_BIN:
        if (cg_is_const(e))
            return klit(e);
        return lower_bin(l, b, e);
    case AST_MATCH:
        return cg_lower_match(l, b, e);
    case AST_BINOP:
        return lower_binop(l, b, e, false);
    case AST_UNOP:
        return lower_unop(l, b, e);
    case AST_CALL:
        return lower_call(l, b, e, false);
    case AST_FUN_REF:
        return lower_fun_ref(l, b, e);
    case AST_FUN:
        return lower_fun(l, b, e);
    case AST_CASE:
        return cg_lower_case(l, b, e, false);
    case AST_IF:
        return cg_lower_if(l, b, e, false);
    case AST_RECEIVE:
        return cg_lower_receive(l, b, e, false);
    case AST_TRY:
        return cg_lower_try(l, b, e, false);
    case AST_CATCH:
        return cg_lower_catch(l, b, e);
    case AST_BLOCK:
        return cg_lower_seq(l, b, &e->u.block.body);
    case AST_LC: case AST_BC:
        return cg_lower_lc(l, b, e, false);
    default:
        cg_error(l->c, e->line, e->col, "internal error: cannot compile %s", ast_kind_name(e->kind));
        return klit(cg_mk_atom(l->c, "undefined"));
    }
}

/* e in tail position: b ends with a return or a tail call. */
void cg_lower_tail(L *l, KBody *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_CALL: lower_call(l, b, e, true); return;
    case AST_CASE: cg_lower_case(l, b, e, true); return;
    case AST_IF: cg_lower_if(l, b, e, true); return;
    case AST_RECEIVE: cg_lower_receive(l, b, e, true); return;
    case AST_TRY: cg_lower_try(l, b, e, true); return;
    case AST_BLOCK: cg_lower_seq_tail(l, b, &e->u.block.body); return;
    case AST_LC: case AST_BC: cg_lower_lc(l, b, e, true); return;
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_ANDALSO || e->u.binop.op == AST_OP_ORELSE || e->u.binop.op == AST_OP_APPEND ||
            e->u.binop.op == AST_OP_SUBTRACT) {
            lower_binop(l, b, e, true);
            return;
        }
        break;
    default:
        break;
    }
    cg_emit_return(l, b, cg_lower_expr(l, b, e), e->line);
}

KOp cg_lower_seq(L *l, KBody *b, const AstExprList *body)
{
    KOp v = klit(cg_mk_node(l->c, AST_NIL, 0));
    for (int i = 0; i < body->n; i++)
        v = cg_lower_expr(l, b, body->items[i]);
    return v;
}

void cg_lower_seq_tail(L *l, KBody *b, const AstExprList *body)
{
    if (body->n == 0) {
        cg_emit_return(l, b, klit(cg_mk_node(l->c, AST_NIL, 0)), 0);
        return;
    }
    for (int i = 0; i < body->n - 1; i++)
        cg_lower_expr(l, b, body->items[i]);
    cg_lower_tail(l, b, body->items[body->n - 1]);
}

/* A source function: one match over its parameters. */
void cg_lower_function(Cg *c, KFun *kf, const AstForm *f)
{
    int counter = 0, lcs = 0;
    L l = { 0 };
    l.c = c;
    l.kf = kf;
    l.top = f->u.function.name;
    l.top_arity = f->u.function.arity;
    l.nlifted = &counter;
    l.nlc = &lcs;
    int n = f->u.function.arity;
    KStmt *K = cg_kst(&l, &kf->body, K_MATCH, f->line);
    K->terminal = true;
    K->nclauses = f->u.function.nclauses;
    K->clauses = cg_kclauses(&l, K->nclauses);
    KOp *subj = cg_kops(&l, n);
    for (int i = 0; i < n; i++)
        subj[i] = kvar(i);
    for (int i = 0; i < K->nclauses; i++) {
        ClauseRes rs;
        cg_lower_clause(&l, &K->clauses[i], &f->u.function.clauses[i], subj, n, true, true, NULL, klit(NULL), &rs);
    }
    cg_emit_error(&l, &K->alt, E_FUNCTION_CLAUSE, f->line, klit(NULL), klit(NULL));
    kf->lowered = true;
}
