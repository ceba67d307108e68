/* codegen_live.c - the analyses between lowering and emission: liveness
 * (which values must survive calls, in y registers), which constructs
 * clobber x registers, and the nesting depth of catch markers. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_int.h"

/* ---- liveness
 *
 * Backward over each body: a statement's live_after is what the rest of
 * its body (and, through breaks, the code after the enclosing construct)
 * still reads. Inside a try or catch body, whatever the handler or the
 * code after the catch needs is live everywhere ("protect"), so that it
 * stays in its y register however the body ends. */

typedef struct Tgt {
    const int *rets;
    int nrets;
    Bits after;
} Tgt;

typedef struct {
    Cg *c;
    int nw;
} LV;

static Bits lv_new(LV *v) { return cg_alloc(v->c, (size_t)v->nw * 8); }
static Bits lv_copy(LV *v, const Bits b)
{
    Bits r = lv_new(v);
    if (b)
        memcpy(r, b, (size_t)v->nw * 8);
    return r;
}
static void use_op(Bits b, KOp op) { bits_add(b, op.var); }

static void use_g(Bits b, const GExpr *g)
{
    if (g->kind == G_OP)
        use_op(b, g->op);
    for (int i = 0; i < g->nargs; i++)
        use_g(b, g->args[i]);
}

static Bits live_body(LV *v, KBody *b, const Bits protect, const Tgt *t);

static Bits live_clause(LV *v, KClause *kc, const Bits protect, const Tgt *t)
{
    Bits in = live_body(v, &kc->body, protect, t);
    bits_or(in, protect, v->nw);
    kc->live_body = lv_copy(v, in);
    for (int i = 0; i < kc->guard.n; i++)
        for (int j = 0; j < kc->guard.alts[i].n; j++)
            use_g(in, kc->guard.alts[i].tests[j]);
    for (int i = kc->ntests; i-- > 0;) {
        const KTest *te = &kc->tests[i];
        bits_del(in, te->d1);
        bits_del(in, te->d2);
        use_op(in, te->a);
        use_op(in, te->b);
    }
    return in;
}

static Bits live_clauses(LV *v, KClause *cs, int n, KBody *alt, const Bits protect, const Tgt *t)
{
    Bits in = lv_new(v);
    for (int i = 0; i < n; i++)
        bits_or(in, live_clause(v, &cs[i], protect, t), v->nw);
    if (alt)
        bits_or(in, live_body(v, alt, protect, t), v->nw);
    return in;
}

static Bits live_stmt(LV *v, KStmt *s, const Bits after, const Bits protect, const Tgt *t)
{
    Bits in;
    switch (s->kind) {
    case K_RETURN: case K_ENTER: case K_ERROR:
        in = lv_new(v);
        break;
    case K_BREAK:
        in = lv_copy(v, t->after);
        for (int i = 0; i < t->nrets; i++)
            bits_del(in, t->rets[i]);
        for (int i = 0; i < s->nargs && i < t->nrets; i++)
            if (bits_has(t->after, t->rets[i]))
                use_op(in, s->args[i]);
        return in;
    case K_MATCH: {
        Tgt nt = { s->rets, s->nrets, after };
        return live_clauses(v, s->clauses, s->nclauses, &s->alt, protect, &nt);
    }
    case K_RECV: {
        Tgt nt = { s->rets, s->nrets, after };
        in = live_clauses(v, s->clauses, s->nclauses, NULL, protect, &nt);
        bits_del(in, s->msg);
        bits_or(in, live_body(v, &s->alt, protect, &nt), v->nw);
        use_op(in, s->timeout);
        return in;
    }
    case K_CATCH: {
        Bits p = lv_copy(v, after);
        bits_del(p, s->dst);
        Tgt nt = { &s->dst, 1, after };
        Bits prot = lv_copy(v, protect);
        bits_or(prot, p, v->nw);
        in = live_body(v, &s->body, prot, &nt);
        bits_or(in, p, v->nw);
        return in;
    }
    case K_TRY: {
        Tgt nt = { s->rets, s->nrets, after };
        Bits of_in = live_clauses(v, s->clauses, s->nclauses, &s->alt, protect, &nt);
        Bits catch_in = live_clauses(v, s->catches, s->ncatches, &s->alt2, protect, &nt);
        s->live_of = of_in;
        s->live_catch = lv_copy(v, catch_in);
        bits_del(catch_in, s->cls);
        bits_del(catch_in, s->reason);
        bits_del(catch_in, s->trace);
        Tgt bt = { s->body_rets, s->nbody_rets, of_in };
        Bits prot = lv_copy(v, protect);
        bits_or(prot, catch_in, v->nw);
        in = live_body(v, &s->body, prot, &bt);
        bits_or(in, catch_in, v->nw);
        return in;
    }
    default:
        in = lv_copy(v, after);
        bits_del(in, s->dst);
        break;
    }
    for (int i = 0; i < s->nargs; i++)
        use_op(in, s->args[i]);
    return in;
}

static Bits live_body(LV *v, KBody *b, const Bits protect, const Tgt *t)
{
    Bits live = lv_new(v);
    for (int i = b->n; i-- > 0;) {
        KStmt *s = b->v[i];
        Bits after = lv_copy(v, live);
        bits_or(after, protect, v->nw);
        s->live_after = after;
        Bits in = live_stmt(v, s, after, protect, t);
        bits_or(in, protect, v->nw);
        s->live_before = in;
        live = in;
    }
    return lv_copy(v, live);
}

/* Marks constructs containing something that clobbers x registers, and
 * returns whether b has any. */
static bool clob_body(KBody *b);

static bool clob_clauses(KClause *cs, int n)
{
    bool r = false;
    for (int i = 0; i < n; i++)
        r |= clob_body(&cs[i].body);
    return r;
}

static bool clob_stmt(KStmt *s)
{
    switch (s->kind) {
    case K_CALL: case K_SEND:
        return s->clob = true;
    case K_MATCH:
        s->clob = clob_clauses(s->clauses, s->nclauses);
        s->clob |= clob_body(&s->alt);
        return s->clob;
    case K_RECV:
        clob_clauses(s->clauses, s->nclauses);
        clob_body(&s->alt);
        return s->clob = true;
    case K_TRY:
        clob_body(&s->body);
        clob_clauses(s->clauses, s->nclauses);
        clob_clauses(s->catches, s->ncatches);
        clob_body(&s->alt);
        clob_body(&s->alt2);
        return s->clob = true;
    case K_CATCH:
        clob_body(&s->body);
        return s->clob = true;
    default:
        return false;
    }
}

static bool clob_body(KBody *b)
{
    bool r = false;
    for (int i = 0; i < b->n; i++)
        r |= clob_stmt(b->v[i]);
    return r;
}

/* The deepest nesting of active catch markers in b. */
static int depth_body(const KBody *b);

static int depth_clauses(const KClause *cs, int n)
{
    int d = 0;
    for (int i = 0; i < n; i++) {
        int x = depth_body(&cs[i].body);
        d = x > d ? x : d;
    }
    return d;
}

static int max3(int a, int b, int c) { return a > b ? (a > c ? a : c) : (b > c ? b : c); }

static int depth_body(const KBody *b)
{
    int d = 0;
    for (int i = 0; i < b->n; i++) {
        const KStmt *s = b->v[i];
        int x = 0;
        switch (s->kind) {
        case K_MATCH: case K_RECV:
            x = depth_clauses(s->clauses, s->nclauses);
            x = max3(x, depth_body(&s->alt), 0);
            break;
        case K_CATCH:
            x = 1 + depth_body(&s->body);
            break;
        case K_TRY:
            x = max3(1 + depth_body(&s->body), depth_clauses(s->clauses, s->nclauses),
                     depth_clauses(s->catches, s->ncatches));
            x = max3(x, depth_body(&s->alt), depth_body(&s->alt2));
            break;
        default:
            break;
        }
        d = x > d ? x : d;
    }
    return d;
}

void cg_analyse(Cg *c, KFun *kf)
{
    LV v = { c, bits_words(kf->nvars) };
    Tgt none = { NULL, 0, lv_new(&v) };
    live_body(&v, &kf->body, NULL, &none);
    clob_body(&kf->body);
    kf->catch_depth = depth_body(&kf->body);
    if (kf->catch_depth > CG_MAX_CATCH_DEPTH)
        cg_error(c, kf->line, 0, "try and catch nested too deeply (%d levels, at most %d)", kf->catch_depth,
                 CG_MAX_CATCH_DEPTH);
}
