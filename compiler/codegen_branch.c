/* codegen_branch.c - emission of branching code: guards (tests with a
 * false and a raised exit), clause selection (select_val over runs of
 * clauses that test the same variable), and the structured statements
 * (match, try, catch, receive) with the joins after them. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_emit.h"

/* ---- guards
 *
 * gtest(e, F, E) falls through when e is true, jumps to F when it is
 * false and to E when it raises or is not a boolean where one is needed
 * (at the top of a guard F and E are the same label: the next guard or
 * clause). Guard values live in temporary x registers above every value in
 * use, released when the guard ends. */

static Loc gval(G *g, const GExpr *e, int E);
static void gtest(G *g, const GExpr *e, int F, int E);

const char *cg_atom_text(G *g, const char *name)
{
    AstBuf b = { 0 };
    cg_put_atom(&b, name, strlen(name));
    char *s = cg_strdup(g->c, b.s);
    free(b.s);
    return s;
}

static Loc gval_bif(G *g, const GExpr *e, int E)
{
    const char *name = e->name;
    if (strcmp(name, "is_bitstring") == 0)
        name = "is_binary";
    Loc a[3];
    AstBuf ops = { 0 };
    ast_buf_putc(&ops, '[');
    for (int i = 0; i < e->nargs && i < 3; i++) {
        a[i] = gval(g, e->args[i], E);
        if (i)
            ast_buf_putc(&ops, ',');
        cg_put_loc(&ops, a[i]);
    }
    ast_buf_putc(&ops, ']');
    int live = cg_live_x(g);
    int r = cg_alloc_x(g, R_TEMP);
    if (cg_bif_is_gc(name, e->nargs))
        cg_emit(g, "{gc_bif,%s,{f,%d},%d,%s,{x,%d}}", cg_atom_text(g, name), E, live, ops.s, r);
    else
        /* A BIF without arguments (self(), node()) cannot fail: {f,0}, as erlc. */
        cg_emit(g, "{bif,%s,{f,%d},%s,{x,%d}}", cg_atom_text(g, name), e->nargs ? E : 0, ops.s, r);
    free(ops.s);
    return cg_xreg(r);
}

/* A value computed on two paths into one register. */
static Loc gval_branch(G *g, const GExpr *e, int E)
{
    int r = cg_alloc_x(g, R_TEMP);
    int lf = cg_new_label(g), lend = cg_new_label(g);
    if (e->kind == G_AND) {
        gtest(g, e->args[0], lf, E);
        Loc b = gval(g, e->args[1], E);
        cg_emit(g, "{move,%s,{x,%d}}", cg_loc_text(g, b), r);
        cg_emit(g, "{jump,{f,%d}}", lend);
        cg_emit_label(g, lf);
        cg_emit(g, "{move,{atom,false},{x,%d}}", r);
    } else if (e->kind == G_OR) {
        gtest(g, e->args[0], lf, E);
        cg_emit(g, "{move,{atom,true},{x,%d}}", r);
        cg_emit(g, "{jump,{f,%d}}", lend);
        cg_emit_label(g, lf);
        Loc b = gval(g, e->args[1], E);
        cg_emit(g, "{move,%s,{x,%d}}", cg_loc_text(g, b), r);
    } else {
        gtest(g, e, lf, E);
        cg_emit(g, "{move,{atom,true},{x,%d}}", r);
        cg_emit(g, "{jump,{f,%d}}", lend);
        cg_emit_label(g, lf);
        cg_emit(g, "{move,{atom,false},{x,%d}}", r);
    }
    cg_emit_label(g, lend);
    return cg_xreg(r);
}

static Loc gval(G *g, const GExpr *e, int E)
{
    switch (e->kind) {
    case G_OP:
        return cg_loc_of(g, e->op);
    case G_BIF:
        return gval_bif(g, e, E);
    case G_TUPLE: case G_CONS: {
        Loc *a = cg_alloc(g->c, (size_t)(e->nargs ? e->nargs : 1) * sizeof *a);
        for (int i = 0; i < e->nargs; i++)
            a[i] = gval(g, e->args[i], E);
        cg_emit(g, "{test_heap,%d,%d}", e->kind == G_CONS ? 2 : e->nargs + 1, cg_live_x(g));
        int r = cg_alloc_x(g, R_TEMP);
        if (e->kind == G_CONS) {
            cg_emit(g, "{put_list,%s,%s,{x,%d}}", cg_loc_text(g, a[0]), cg_loc_text(g, a[1]), r);
        } else {
            AstBuf b = { 0 };
            ast_buf_putc(&b, '[');
            for (int i = 0; i < e->nargs; i++) {
                if (i)
                    ast_buf_putc(&b, ',');
                cg_put_loc(&b, a[i]);
            }
            ast_buf_putc(&b, ']');
            cg_emit(g, "{put_tuple2,{x,%d},{list,%s}}", r, b.s);
            free(b.s);
        }
        return cg_xreg(r);
    }
    default:
        return gval_branch(g, e, E);
    }
}

static const char *cmp_test(const char *op, bool *swap)
{
    *swap = false;
    if (strcmp(op, "<") == 0) return "is_lt";
    if (strcmp(op, ">") == 0) return *swap = true, "is_lt";
    if (strcmp(op, ">=") == 0) return "is_ge";
    if (strcmp(op, "=<") == 0) return *swap = true, "is_ge";
    if (strcmp(op, "==") == 0) return "is_eq";
    if (strcmp(op, "/=") == 0) return "is_ne";
    if (strcmp(op, "=:=") == 0) return "is_eq_exact";
    if (strcmp(op, "=/=") == 0) return "is_ne_exact";
    return NULL;
}

static const char *const test_instrs[] = { "is_integer", "is_float", "is_number", "is_atom", "is_pid",
                                           "is_reference", "is_port", "is_binary", "is_list", "is_tuple",
                                           "is_function", "is_boolean", NULL };

static const char *type_test_instr(const char *name)
{
    if (strcmp(name, "is_bitstring") == 0)
        return "is_binary";
    for (int i = 0; test_instrs[i]; i++)
        if (strcmp(test_instrs[i], name) == 0)
            return test_instrs[i];
    return NULL;
}

/* A value that must be the atom true. */
static void gtest_value(G *g, const GExpr *e, int F, int E)
{
    Loc v = gval(g, e, E);
    if (F == E) {
        cg_emit(g, "{test,is_eq_exact,{f,%d},[%s,{atom,true}]}", F, cg_loc_text(g, v));
        return;
    }
    int lt = cg_new_label(g);
    cg_emit(g, "{select_val,%s,{f,%d},{list,[{atom,true},{f,%d},{atom,false},{f,%d}]}}", cg_loc_text(g, v), E, lt, F);
    cg_emit_label(g, lt);
}

static bool gtest_bif(G *g, const GExpr *e, int F, int E)
{
    bool swap;
    const char *cmp = e->nargs == 2 ? cmp_test(e->name, &swap) : NULL;
    if (cmp) {
        Loc a = gval(g, e->args[0], E), b = gval(g, e->args[1], E);
        cg_emit(g, "{test,%s,{f,%d},[%s,%s]}", cmp, F, cg_loc_text(g, swap ? b : a), cg_loc_text(g, swap ? a : b));
        return true;
    }
    if (e->nargs == 1 && type_test_instr(e->name)) {
        Loc a = gval(g, e->args[0], E);
        cg_emit(g, "{test,%s,{f,%d},[%s]}", type_test_instr(e->name), F, cg_loc_text(g, a));
        return true;
    }
    if (e->nargs == 1 && strcmp(e->name, "is_map") == 0) {
        gval(g, e->args[0], E);
        cg_emit(g, "{jump,{f,%d}}", F);
        return true;
    }
    if (e->nargs == 2 && strcmp(e->name, "is_function") == 0) {
        Loc a = gval(g, e->args[0], E), b = gval(g, e->args[1], E);
        cg_emit(g, "{test,is_function2,{f,%d},[%s,%s]}", F, cg_loc_text(g, a), cg_loc_text(g, b));
        return true;
    }
    if (e->nargs == 1 && strcmp(e->name, "not") == 0) {
        int lt = cg_new_label(g);
        gtest(g, e->args[0], lt, E);
        cg_emit(g, "{jump,{f,%d}}", F);
        cg_emit_label(g, lt);
        return true;
    }
    return false;
}

static void gtest(G *g, const GExpr *e, int F, int E)
{
    switch (e->kind) {
    case G_OP:
        if (e->op.var < 0) {
            if (!cg_is_atom_named(e->op.lit, "true"))
                cg_emit(g, "{jump,{f,%d}}", cg_is_atom_named(e->op.lit, "false") ? F : E);
            return;
        }
        gtest_value(g, e, F, E);
        return;
    case G_AND:
        gtest(g, e->args[0], F, E);
        gtest(g, e->args[1], F, E);
        return;
    case G_OR: {
        int lb = cg_new_label(g), lok = cg_new_label(g);
        gtest(g, e->args[0], lb, E);
        cg_emit(g, "{jump,{f,%d}}", lok);
        cg_emit_label(g, lb);
        gtest(g, e->args[1], F, E);
        cg_emit_label(g, lok);
        return;
    }
    case G_TAGGED: {
        Loc a = gval(g, e->args[0], E);
        cg_emit(g, "{test,is_tagged_tuple,{f,%d},[%s,%d,%s]}", F, cg_loc_text(g, a), e->n,
                cg_loc_text(g, (Loc){ 'l', 0, cg_mk_atom(g->c, e->name) }));
        return;
    }
    case G_TUPLE: case G_CONS:
        gval(g, e, E);
        cg_emit(g, "{jump,{f,%d}}", E);
        return;
    case G_BIF:
        if (gtest_bif(g, e, F, E))
            return;
        gtest_value(g, e, F, E);
        return;
    }
}

static void gen_guard(G *g, const KGuard *gd, int fail)
{
    if (gd->n == 0)
        return;
    int ok = gd->n > 1 ? cg_new_label(g) : 0;
    for (int i = 0; i < gd->n; i++) {
        bool last = i == gd->n - 1;
        int next = last ? fail : cg_new_label(g);
        for (int j = 0; j < gd->alts[i].n; j++)
            gtest(g, gd->alts[i].tests[j], next, next);
        cg_release_temps(g);
        if (!last) {
            cg_emit(g, "{jump,{f,%d}}", ok);
            cg_emit_label(g, next);
        }
    }
    if (ok)
        cg_emit_label(g, ok);
}

/* ---- clauses */

static void gen_tests(G *g, KClause *kc, int from, int F)
{
    for (int i = from; i < kc->ntests; i++) {
        KTest *t = &kc->tests[i];
        switch (t->kind) {
        case T_TYPE:
            cg_emit(g, "{test,%s,{f,%d},[%s]}", t->name, F, cg_op_text(g, t->a));
            break;
        case T_ARITY:
            cg_emit(g, "{test,test_arity,{f,%d},[%s,%d]}", F, cg_op_text(g, t->a), t->n);
            break;
        case T_TAGGED:
            cg_emit(g, "{test,is_tagged_tuple,{f,%d},[%s,%d,{atom,%s}]}", F, cg_op_text(g, t->a), t->n, cg_atom_text(g,
                                                                                                                     t->tag));
            break;
        case T_EQ:
            if (t->b.var < 0 && t->b.lit->kind == AST_NIL)
                cg_emit(g, "{test,is_nil,{f,%d},[%s]}", F, cg_op_text(g, t->a));
            else
                cg_emit(g, "{test,is_eq_exact,{f,%d},[%s,%s]}", F, cg_op_text(g, t->a), cg_op_text(g, t->b));
            break;
        case T_GET_LIST: {
            const char *src = cg_op_text(g, t->a);
            int h = t->d1 >= 0 ? cg_alloc_x(g, t->d1) : -1;
            int tl = t->d2 >= 0 ? cg_alloc_x(g, t->d2) : -1;
            if (h >= 0 && tl >= 0)
                cg_emit(g, "{get_list,%s,{x,%d},{x,%d}}", src, h, tl);
            else if (h >= 0)
                cg_emit(g, "{get_hd,%s,{x,%d}}", src, h);
            else if (tl >= 0)
                cg_emit(g, "{get_tl,%s,{x,%d}}", src, tl);
            break;
        }
        case T_GET_ELEM: {
            const char *src = cg_op_text(g, t->a);
            int r = cg_alloc_x(g, t->d1);
            cg_emit(g, "{get_tuple_element,%s,%d,{x,%d}}", src, t->n, r);
            break;
        }
        }
    }
}

static bool only_function_clause(const KBody *b)
{
    return b->n == 1 && b->v[0]->kind == K_ERROR && b->v[0]->err == E_FUNCTION_CLAUSE;
}

/* The clauses in order, each starting from the state snap; a clause that
 * fails goes on with the next, the last one to fail (or to alt when given,
 * or to the function's func_info). recv: commit with remove_message. */
/* The constant a clause's first test compares a variable with, when
 * select_val can dispatch on it (an atom or a small integer). */
static const AstExpr *select_key(const KClause *kc, int var)
{
    if (kc->ntests == 0 || kc->tests[0].kind != T_EQ || kc->tests[0].a.var < 0 || kc->tests[0].b.var >= 0)
        return NULL;
    if (var >= 0 && kc->tests[0].a.var != var)
        return NULL;
    const AstExpr *k = kc->tests[0].b.lit;
    if (k->kind == AST_ATOM || (k->kind == AST_INT && !k->u.int_.big && k->u.int_.value > -(INT64_C(1) << 59) &&
                                k->u.int_.value < (INT64_C(1) << 59)))
        return k;
    return NULL;
}

static bool same_key(const AstExpr *a, const AstExpr *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind == AST_INT)
        return a->u.int_.value == b->u.int_.value;
    return a->u.atom.len == b->u.atom.len && memcmp(a->u.atom.name, b->u.atom.name, a->u.atom.len) == 0;
}

/* The end of a run of clauses from i that all start by comparing the same
 * variable with constants, at least two different ones (i if none). */
static int select_run(const KClause *cs, int i, int n)
{
    const AstExpr *k0 = select_key(&cs[i], -1);
    if (!k0)
        return i;
    int var = cs[i].tests[0].a.var, j = i + 1;
    bool distinct = false;
    for (; j < n && select_key(&cs[j], var); j++)
        distinct |= !same_key(k0, select_key(&cs[j], var));
    return distinct ? j : i;
}

/* One clause: its tests from `from` on, its guard, its body; next: where
 * it goes on failing. */
static void gen_clause(G *g, KClause *kc, int from, int next, bool recv)
{
    gen_tests(g, kc, from, next);
    gen_guard(g, &kc->guard, next);
    if (recv)
        cg_emit(g, "remove_message");
    cg_free_dead(g, kc->live_body);
    cg_gen_body(g, &kc->body);
}

/* Clauses cs[i..j) dispatched with select_val on their first test; each
 * is entered only when that test holds, and on failure goes on with the
 * next clause of the run with the same constant, else to gfail. */
static void gen_select_run(G *g, KClause *cs, int i, int j, int gfail, const RS *snap, bool recv)
{
    int *lab = cg_alloc(g->c, (size_t)(j - i) * sizeof *lab);
    AstBuf list = { 0 };
    for (int m = i; m < j; m++) {
        lab[m - i] = cg_new_label(g);
        bool first = true;
        for (int p = i; p < m && first; p++)
            first = !same_key(select_key(&cs[p], -1), select_key(&cs[m], -1));
        if (!first)
            continue;
        if (list.len)
            ast_buf_putc(&list, ',');
        cg_put_lit(&list, select_key(&cs[m], -1));
        ast_buf_printf(&list, ",{f,%d}", lab[m - i]);
    }
    cg_emit(g, "{select_val,%s,{f,%d},{list,[%s]}}", cg_op_text(g, cs[i].tests[0].a), gfail, list.s);
    free(list.s);
    for (int m = i; m < j; m++) {
        cg_rs_copy(g, &g->st, snap);
        cg_emit_label(g, lab[m - i]);
        int next = gfail;
        for (int p = m + 1; p < j && next == gfail; p++)
            if (same_key(select_key(&cs[p], -1), select_key(&cs[m], -1)))
                next = lab[p - i];
        gen_clause(g, &cs[m], 1, next, recv);
    }
}

static void gen_clauses(G *g, KClause *cs, int n, KBody *alt, int fail, const RS *snap, bool recv)
{
    bool alt_needed = true;
    if (!fail)
        fail = alt && only_function_clause(alt) ? g->kf->info_label : cg_new_label(g);
    for (int i = 0; i < n;) {
        KClause *kc = &cs[i];
        cg_rs_copy(g, &g->st, snap);
        int j = select_run(cs, i, n);
        if (j > i) {
            int gfail = j == n ? fail : cg_new_label(g);
            gen_select_run(g, cs, i, j, gfail, snap, recv);
            if (j < n)
                cg_emit_label(g, gfail);
            i = j;
            continue;
        }
        bool last = i == n - 1;
        int next = last ? fail : cg_new_label(g);
        gen_clause(g, kc, 0, next, recv);
        if (!last)
            cg_emit_label(g, next);
        if (kc->ntests == 0 && kc->guard.n == 0)
            alt_needed = false;
        i++;
    }
    cg_rs_copy(g, &g->st, snap);
    if (alt && alt_needed && fail != g->kf->info_label) {
        cg_emit_label(g, fail);
        cg_gen_body(g, alt);
    }
}

/* Registers for a construct's results: x0, x1... after a construct that
 * may clobber registers (everything else then is in y registers), else the
 * lowest ones not holding values still needed after it. */
static BT *join_target(G *g, const int *rets, int n, bool clob, const Bits after, int label)
{
    BT *t = cg_alloc(g->c, sizeof *t);
    t->label = label;
    t->n = n;
    t->regs = cg_alloc(g->c, (size_t)(n ? n : 1) * sizeof(int));
    bool *taken = cg_alloc(g->c, MAXX * sizeof *taken);
    if (!clob)
        for (int r = 0; r < g->xtop; r++) {
            int v = g->st.xo[r];
            taken[r] = v >= 0 && bits_has(after, v);
        }
    int r = 0;
    for (int i = 0; i < n; i++) {
        if (!bits_has(after, rets[i])) {
            t->regs[i] = -1;
            continue;
        }
        while (r < MAXX - 1 && taken[r])
            r++;
        t->regs[i] = r++;
    }
    return t;
}

/* The state where paths meet after a construct: the one before it, less
 * what died, with the results in their registers. */
static void join_state(G *g, const RS *snap, const BT *t, const int *rets, const Bits after, bool clob)
{
    cg_rs_copy(g, &g->st, snap);
    if (clob)
        cg_clear_x(g);
    cg_free_dead(g, after);
    for (int i = 0; i < t->n; i++)
        if (t->regs[i] >= 0)
            cg_bind_x(g, rets[i], t->regs[i]);
}

static void push_bt(G *g, BT *t)
{
    t->up = g->bt;
    g->bt = t;
}

void cg_gen_match(G *g, KStmt *s)
{
    BT *t = NULL;
    if (!s->terminal) {
        if (s->clob) {
            cg_ensure_frame(g);
            cg_save_set(g, s->live_after);
        }
        t = join_target(g, s->rets, s->nrets, s->clob, s->live_after, cg_new_label(g));
        push_bt(g, t);
    }
    RS snap = cg_snapshot(g);
    gen_clauses(g, s->clauses, s->nclauses, &s->alt, 0, &snap, false);
    if (t) {
        g->bt = t->up;
        cg_emit_label(g, t->label);
        join_state(g, &snap, t, s->rets, s->live_after, s->clob);
    }
    free(snap.mem);
}

/* Opens a catch or a try (op): a frame with the values in `save` kept
 * there, a new catch slot (returned) and its handler's label (*lh). */
static int open_catch(G *g, const char *op, const Bits save, int *lh)
{
    cg_ensure_frame(g);
    cg_save_set(g, save);
    int slot = g->D - ++g->st.level;
    *lh = cg_new_label(g);
    cg_emit(g, "{'%s',{y,%d},{f,%d}}", op, slot, *lh);
    return slot;
}

void cg_gen_catch(G *g, KStmt *s)
{
    int lh;
    int slot = open_catch(g, "catch", s->live_after, &lh);
    RS snap = cg_snapshot(g);
    BT *t = join_target(g, &s->dst, 1, true, s->live_after, 0);
    push_bt(g, t);
    cg_gen_body(g, &s->body);
    g->bt = t->up;
    cg_emit_label(g, lh);
    cg_emit(g, "{catch_end,{y,%d}}", slot);
    join_state(g, &snap, t, &s->dst, s->live_after, true);
    g->st.level--;
    if (bits_has(s->live_after, s->dst))
        cg_bind_x(g, s->dst, 0);
    free(snap.mem);
}

void cg_gen_try(G *g, KStmt *s)
{
    int lh;
    int slot = open_catch(g, "try", s->live_before, &lh);
    RS snap = cg_snapshot(g);
    snap.level--;
    /* the body passes its values to the of clauses in x0, x1... */
    BT *bt = cg_alloc(g->c, sizeof *bt);
    bt->n = s->nbody_rets;
    bt->regs = cg_alloc(g->c, (size_t)bt->n * sizeof(int));
    for (int i = 0; i < bt->n; i++)
        bt->regs[i] = i == 0 || bits_has(s->live_of, s->body_rets[i]) ? i : -1;
    push_bt(g, bt);
    cg_gen_body(g, &s->body);
    g->bt = bt->up;
    cg_emit(g, "{try_end,{y,%d}}", slot);
    g->st.level--;
    cg_clear_x(g);
    for (int i = 0; i < s->nbody_rets; i++)
        cg_bind_x(g, s->body_rets[i], i);
    cg_free_dead(g, s->live_of);
    BT *t = NULL;
    if (!s->terminal) {
        t = join_target(g, s->rets, s->nrets, true, s->live_after, cg_new_label(g));
        push_bt(g, t);
    }
    RS of_snap = cg_snapshot(g);
    gen_clauses(g, s->clauses, s->nclauses, &s->alt, 0, &of_snap, false);
    free(of_snap.mem);
    cg_emit_label(g, lh);
    cg_emit(g, "{try_case,{y,%d}}", slot);
    cg_rs_copy(g, &g->st, &snap);
    cg_clear_x(g);
    cg_bind_x(g, s->cls, 0);
    cg_bind_x(g, s->reason, 1);
    cg_bind_x(g, s->trace, 2);
    cg_free_dead(g, s->live_catch);
    RS h_snap = cg_snapshot(g);
    gen_clauses(g, s->catches, s->ncatches, &s->alt2, 0, &h_snap, false);
    free(h_snap.mem);
    if (t) {
        g->bt = t->up;
        cg_emit_label(g, t->label);
        join_state(g, &snap, t, s->rets, s->live_after, true);
    }
    free(snap.mem);
}

static bool is_infinity(const KStmt *s)
{
    return s->timeout.var < 0 && s->timeout.lit && cg_is_atom_named(s->timeout.lit, "infinity");
}

void cg_gen_recv(G *g, KStmt *s)
{
    bool any = false;
    for (int r = 0; r < g->xtop && !any; r++)
        any = g->st.xo[r] >= 0 && bits_has(s->live_before, g->st.xo[r]);
    if (any)
        cg_ensure_frame(g);
    cg_save_set(g, s->live_before);
    BT *t = NULL;
    cg_clear_x(g);
    const char *to = s->has_timeout ? cg_op_text(g, s->timeout) : NULL;
    if (!s->terminal) {
        t = join_target(g, s->rets, s->nrets, true, s->live_after, cg_new_label(g));
        push_bt(g, t);
    }
    RS snap = cg_snapshot(g);
    int lloop = cg_new_label(g), lwait = cg_new_label(g);
    cg_emit_label(g, lloop);
    if (s->nclauses > 0) {
        cg_emit(g, "{loop_rec,{f,%d},{x,0}}", lwait);
        cg_bind_x(g, s->msg, 0);
        RS msnap = cg_snapshot(g);
        int lnext = cg_new_label(g);
        gen_clauses(g, s->clauses, s->nclauses, NULL, lnext, &msnap, true);
        free(msnap.mem);
        cg_emit_label(g, lnext);
        cg_emit(g, "{loop_rec_end,{f,%d}}", lloop);
        cg_emit_label(g, lwait);
    }
    cg_rs_copy(g, &g->st, &snap);
    if (s->has_timeout && !is_infinity(s)) {
        cg_emit(g, "{wait_timeout,{f,%d},%s}", lloop, to);
        cg_emit(g, "timeout");
        cg_free_dead(g, s->alt.n ? s->alt.v[0]->live_before : s->live_after);
        cg_gen_body(g, &s->alt);
    } else {
        cg_emit(g, "{wait,{f,%d}}", lloop);
    }
    if (t) {
        g->bt = t->up;
        cg_emit_label(g, t->label);
        join_state(g, &snap, t, s->rets, s->live_after, true);
    }
    free(snap.mem);
}
