/* interp.c - the interpreter loop.
 *
 * Direct-threaded: each instruction word is the address of its handler
 * (GCC/Clang labels as values), and every handler ends by jumping to the
 * next one. Building with -DBL_SWITCH_DISPATCH gives a plain switch loop
 * instead, for compilers without computed goto; the tests run with both.
 *
 * Hot state lives in locals: pc, the x register file, E (stack top: E[0]
 * is the frame's saved return address, y(i) is E[i + 1]), cp (the return
 * address of a function that has no frame) and the reductions left. Anything
 * that may collect garbage or raise saves E into the process first (SAVE)
 * and reloads it after (LOAD): that is the one "may GC" protocol, and
 * RESERVE wraps it around the commonest case, making room on the heap.
 *
 * Reductions: every call costs one; when they run out the process yields
 * at the call, with its arguments as the live registers. */
#include "interp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "compare.h"
#include "copy.h"
#include "exception.h"
#include "export.h"
#include "loader.h"
#include "module.h"
#include "scheduler.h"
#include "signal.h"

static const unsigned op_words[IOP_COUNT] = {
#define IOP(name, words) [IOP_##name] = words,
#include "iops.def"
#undef IOP
};

#ifdef BL_SWITCH_DISPATCH
Instr interp_op(unsigned iop) { return iop; }
#else
static Instr handlers[IOP_COUNT];
Instr interp_op(unsigned iop) { return handlers[iop]; }
#endif
void interp_init(void) { interp_run(NULL, NULL, 0); }

unsigned interp_op_words(unsigned iop) { return op_words[iop]; }

static Instr exit_code[2];
const Instr *interp_normal_exit = exit_code;

static Instr apply3_code[2], apply2_code[2];

/* Installs erlang:apply/2,3 as tiny stubs of internal instructions. */
static void install_stubs(void)
{
    exit_code[0] = interp_op(IOP_normal_exit);
    Instr *a3 = apply3_code, *a2 = apply2_code;
    a3[0] = interp_op(IOP_apply3_stub);
    a2[0] = interp_op(IOP_apply2_stub);
    Export *e3 = export_get(ATOM_erlang, ATOM_apply, 3);
    Export *e2 = export_get(ATOM_erlang, ATOM_apply, 2);
    atomic_store(&e3->code, apply3_code);
    atomic_store(&e2->code, apply2_code);
}

bool interp_setup_call(Process *p, const Instr *entry, const Term *args, unsigned n)
{
    if (n > p->arg_cap) {
        Term *a = realloc(p->arg_reg, n * sizeof(Term));
        if (!a)
            return false;
        p->arg_reg = a;
        p->arg_cap = n;
    }
    if (n)
        memcpy(p->arg_reg, args, n * sizeof(Term));
    p->arity = n;
    p->pc = entry;
    p->cp = interp_normal_exit;
    return true;
}

/* Clears x registers from `from` up, after a collection, so none holds a
 * pointer into the old heap (see verify.c). Code reads only registers below
 * code_max_x(); the interpreter itself writes up to BC_MAX_ARITY + 1 (apply
 * with a long argument list). Registers above both were never written since
 * the file was made (all []), even if a module loaded later raises the
 * maximum. */
static void clear_x(Term *x, unsigned from)
{
    unsigned to = code_max_x();
    if (to < BC_MAX_ARITY + 2)
        to = BC_MAX_ARITY + 2;
    for (unsigned i = from; i < to; i++)
        x[i] = NIL;
}

/* The register file is the scheduler's, shared by every process it runs:
 * when one is switched in, no register it may read can still hold another's
 * term. Code reads only below code_max_x(); apply can write above that (a
 * call with more arguments than any loaded function has), which x_dirty
 * remembers until the next switch. */
static __thread unsigned x_dirty;

static void clear_x_switch(Term *x, unsigned from)
{
    unsigned to = code_max_x();
    if (to < x_dirty)
        to = x_dirty;
    x_dirty = 0;
    for (unsigned i = from; i < to; i++)
        x[i] = NIL;
}

static void note_dirty(unsigned n)
{
    if (n > x_dirty)
        x_dirty = n;
}

/* proc_reserve plus the clearing of dead x registers. */
static bool reserve(Process *p, Term *x, size_t need, unsigned live)
{
    uint64_t before = p->gc_count;
    bool ok = proc_reserve(p, need, live);
    if (p->gc_count != before)
        clear_x(x, live);
    return ok;
}

/* Unpacks a proper list into x registers from x[0]; returns the length or
 * -1 if not a proper list or too long. */
static int list_to_regs(Term list, Term *x, unsigned max)
{
    unsigned n = 0;
    while (is_list(list)) {
        if (n >= max)
            return -1;
        x[n++] = list_head(list);
        list = list_tail(list);
    }
    return is_nil(list) ? (int)n : -1;
}

/* Is this source operand a constant (rather than a register)? */
#define IS_CONST(w) ((unsigned)(((w) & 7) != 0))
#define SRC(w) (((w) & 7) ? (Term)(w) : (((w) & 8) ? E[((w) >> 4) + 1] : x[(w) >> 4]))
#define STORE(w, v)                                                                                          \
    do {                                                                                                     \
        Instr w_ = (w);                                                                                      \
        Term v_ = (v);                                                                                       \
        if (w_ & 8)                                                                                          \
            E[(w_ >> 4) + 1] = v_;                                                                           \
        else                                                                                                 \
            x[w_ >> 4] = v_;                                                                                 \
    } while (0)
#define Y(n) E[(n) + 1]
#define SAVE() (p->stop = E)
#define LOAD() (E = p->stop)
#define JUMP(target) (pc = (const Instr *)(target))

#ifdef BL_SWITCH_DISPATCH
#define OP(name) case IOP_##name:
#define NEXT() goto dispatch
#else
#define OP(name) L_##name:
#define NEXT() goto *(void *)pc[0]
#endif

/* Raise an error with this reason from the instruction at pc. */
#define RAISE(cls, reason)                                                                                   \
    do {                                                                                                     \
        p->exc_class = (cls);                                                                                \
        p->exc_reason = (reason);                                                                            \
        goto raise;                                                                                          \
    } while (0)

/* Raise error:reason from a call of bif (NULL: of the current function)
 * with its arity arguments in x0.. (they go into the stack trace). */
#define RAISE_ARGS(reason, bif, arity)                                                                       \
    do {                                                                                                     \
        exc_arity = (arity);                                                                                 \
        exc_bif = (bif);                                                                                     \
        p->exc_class = ATOM_error;                                                                           \
        p->exc_reason = (reason);                                                                            \
        goto raise_with_args;                                                                                \
    } while (0)

/* Make room for need words on the heap, keeping x0..x(live-1): may
 * collect, so E is saved and reloaded around it. */
#define RESERVE(need, live)                                                                                  \
    do {                                                                                                     \
        SAVE();                                                                                              \
        if (!reserve(p, x, (need), (live)))                                                                  \
            goto heap_exhausted;                                                                             \
        LOAD();                                                                                              \
    } while (0)

/* Which arithmetic instruction the shared slow path serves. */
#define ARITH_MINUS 1u /* else plus */
#define ARITH_XC 2u    /* operands x, small constant, result to x; else S, S, D */

/* The reductions left when the last interp_run on this thread returned
 * (negative: overspent by BIFs charged for their work). */
static __thread int reds_left;

int interp_reds_left(void) { return reds_left; }

/* Every way out of the loop records the reductions left. */
#define LEAVE(r)                                                                                     \
    do {                                                                                             \
        reds_left = reds;                                                                            \
        return (r);                                                                                  \
    } while (0)

RunResult interp_run(Process *p, Term *xregs, int reds)
{
#ifndef BL_SWITCH_DISPATCH
    if (!p) {
#define IOP(name, words) handlers[IOP_##name] = (Instr) && L_##name;
#include "iops.def"
#undef IOP
        install_stubs();
        return RUN_EXIT;
    }
#else
    if (!p) {
        install_stubs();
        return RUN_EXIT;
    }
#endif
    Term *x = xregs;
    const Instr *pc = p->pc, *cp = p->cp;
    Term *E = p->stop;
    /* Arguments of a BIF that failed (for the stack trace), and where. */
    unsigned exc_arity = 0;
    Export *exc_bif = NULL;
    /* The BIF a bif/gc_bif/arithmetic instruction failed in: as in BEAM,
     * the trace then starts with its frame (a guard jumps away instead). */
    BifFn exc_fn = NULL;
    unsigned exc_consts = 0; /* bit i: its operand i was a constant */
    /* Target of a dynamic call (call_fun, apply). */
    unsigned dyn_arity = 0;
    Export *dyn_e = NULL;
    /* Which variant of a shared handler body is running. */
    unsigned bif_kind = 0;
    /* The operands of plus or minus, for its slow path. */
    Term arith_a = 0, arith_b = 0;

    p->x = x;
    if (p->arity)
        memcpy(x, p->arg_reg, p->arity * sizeof(Term));
    clear_x_switch(x, p->arity);

#ifdef BL_SWITCH_DISPATCH
dispatch:
    switch (pc[0]) {
#else
    NEXT();
#endif

    /* ---- calls and returns */

    OP(call)
    {
        cp = pc + 2;
        JUMP(pc[1]);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(call_only)
    {
        JUMP(pc[1]);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(call_last)
    {
        cp = (const Instr *)E[0];
        E += pc[2] + 1;
        JUMP(pc[1]);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(call_ext)
    {
        Export *e = (Export *)pc[1];
        const Instr *target = export_code(e);
        if (!target)
            goto call_undef;
        cp = pc + 2;
        JUMP(target);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(call_ext_only)
    {
        Export *e = (Export *)pc[1];
        const Instr *target = export_code(e);
        if (!target)
            goto call_undef;
        JUMP(target);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(call_ext_last)
    {
        Export *e = (Export *)pc[1];
        const Instr *target = export_code(e);
        if (!target)
            goto call_undef;
        cp = (const Instr *)E[0];
        E += pc[2] + 1;
        JUMP(target);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
call_undef:
    {
        /* Not loaded yet: try the code path, then raise undef. */
        Export *e = (Export *)pc[1];
        SAVE();
        p->pc = pc;
        code_ensure_loaded(e->module);
        if (export_code(e))
            NEXT(); /* re-execute the call */
        RAISE_ARGS(ATOM_undef, e, e->arity);
    }
    /* call_ext to a BIF: kind 0 plain, 1 tail call, 2 tail call that pops
     * pc[3] words. The three share the body, so each sets its kind. */
    OP(call_bif)
    {
        bif_kind = 0;
        goto call_bif;
    }
    OP(call_bif_only)
    {
        bif_kind = 1;
        goto call_bif;
    }
    OP(call_bif_last)
    {
        bif_kind = 2;
        goto call_bif;
    }
call_bif:
    {
        BifFn fn = (BifFn)pc[1];
        Export *e = (Export *)pc[2];
        SAVE();
        p->current_pc = pc;
        uint64_t gcs = p->gc_count;
        Term r = fn(p, x, e->arity);
        LOAD();
        if (r == THE_NON_VALUE) {
            Export *trap = bif_take_trap();
            if (trap) {
                /* It goes on in Erlang: call that instead, as this call. */
                if (bif_kind == 0) {
                    cp = pc + 3;
                } else if (bif_kind == 2) {
                    cp = (const Instr *)E[0];
                    E += pc[3] + 1;
                }
                dyn_e = trap;
                dyn_arity = trap->arity;
                goto call_export_dynamic;
            }
            exc_arity = e->arity;
            exc_bif = e;
            goto raise_with_args;
        }
        /* The BIF may have collected: the registers it did not keep are
         * stale (a call kills all but x0 anyway). */
        if (p->gc_count != gcs)
            clear_x(x, 1);
        x[0] = r;
        --reds; /* BIFs cost a reduction too: a loop of them yields */
        if (p->reds_extra) {
            reds -= (int)p->reds_extra; /* and long ones by their work */
            p->reds_extra = 0;
        }
        if (p->flags & PF_YIELD) {
            p->flags &= (uint8_t)~PF_YIELD;
            reds = 0; /* it sent itself a signal, or asked to yield */
        }
        if (bif_kind == 0) {
            pc += 3;
        } else if (bif_kind == 1) {
            JUMP(cp);
        } else {
            cp = (const Instr *)E[0];
            E += pc[3] + 1;
            JUMP(cp);
        }
        if (reds <= 0)
            goto yield;
        NEXT();
    }
    OP(return)
    {
        JUMP(cp);
        NEXT();
    }
    OP(jump)
    {
        /* A jump may close a loop without calls: it costs a reduction so
         * that such a loop still yields. */
        JUMP(pc[1]);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(normal_exit)
    {
        p->exit_reason = ATOM_normal;
        SAVE();
        LEAVE(RUN_EXIT);
    }

    /* ---- stack frames and heap */

    OP(allocate)
    {
        Instr n = pc[1];
        if ((size_t)(E - p->htop) < n + 1)
            RESERVE(n + 1, (unsigned)pc[2]);
        E -= n + 1;
        E[0] = (Term)cp;
        for (Instr i = 1; i <= n; i++)
            E[i] = NIL;
        pc += 3;
        NEXT();
    }
    OP(allocate_heap)
    {
        Instr n = pc[1];
        size_t need = n + 1 + pc[2];
        if ((size_t)(E - p->htop) < need)
            RESERVE(need, (unsigned)pc[3]);
        E -= n + 1;
        E[0] = (Term)cp;
        for (Instr i = 1; i <= n; i++)
            E[i] = NIL;
        pc += 4;
        NEXT();
    }
    OP(deallocate)
    {
        cp = (const Instr *)E[0];
        E += pc[1] + 1;
        pc += 2;
        NEXT();
    }
    OP(test_heap)
    {
        if ((size_t)(E - p->htop) < pc[1])
            RESERVE(pc[1], (unsigned)pc[2]);
        pc += 3;
        NEXT();
    }
    OP(init)
    {
        Y(pc[1]) = NIL;
        pc += 2;
        NEXT();
    }
    OP(trim)
    {
        Instr n = pc[1];
        Term saved = E[0];
        E += n;
        E[0] = saved;
        pc += 3;
        NEXT();
    }

    /* ---- moves */

    OP(move_xx)
    {
        x[pc[2]] = x[pc[1]];
        pc += 3;
        NEXT();
    }
    OP(move_xy)
    {
        Y(pc[2]) = x[pc[1]];
        pc += 3;
        NEXT();
    }
    OP(move_yx)
    {
        x[pc[2]] = Y(pc[1]);
        pc += 3;
        NEXT();
    }
    OP(move_yy)
    {
        Y(pc[2]) = Y(pc[1]);
        pc += 3;
        NEXT();
    }
    OP(move_cx)
    {
        x[pc[2]] = (Term)pc[1];
        pc += 3;
        NEXT();
    }
    OP(move_cy)
    {
        Y(pc[2]) = (Term)pc[1];
        pc += 3;
        NEXT();
    }
    OP(move2_xyxy)
    {
        Y(pc[2]) = x[pc[1]];
        Y(pc[4]) = x[pc[3]];
        pc += 5;
        NEXT();
    }
    OP(move2_yxyx)
    {
        x[pc[2]] = Y(pc[1]);
        x[pc[4]] = Y(pc[3]);
        pc += 5;
        NEXT();
    }
    OP(swap)
    {
        Term a = SRC(pc[1]), b = SRC(pc[2]);
        STORE(pc[1], b);
        STORE(pc[2], a);
        pc += 3;
        NEXT();
    }

    /* ---- lists and tuples: the checks make hostile code raise badarg
     * instead of reading memory as the wrong kind of object */

    OP(get_list)
    {
        Term l = SRC(pc[1]);
        if (!is_list(l))
            RAISE(ATOM_error, ATOM_badarg);
        Term h = list_head(l), t = list_tail(l);
        STORE(pc[2], h);
        STORE(pc[3], t);
        pc += 4;
        NEXT();
    }
    OP(get_hd)
    {
        Term l = SRC(pc[1]);
        if (!is_list(l))
            RAISE(ATOM_error, ATOM_badarg);
        STORE(pc[2], list_head(l));
        pc += 3;
        NEXT();
    }
    OP(get_tl)
    {
        Term l = SRC(pc[1]);
        if (!is_list(l))
            RAISE(ATOM_error, ATOM_badarg);
        STORE(pc[2], list_tail(l));
        pc += 3;
        NEXT();
    }
    OP(get_tuple_element)
    {
        Term t = SRC(pc[1]);
        if (!is_tuple(t) || pc[2] >= tuple_arity(t))
            RAISE(ATOM_error, ATOM_badarg);
        STORE(pc[3], tuple_elem(t, pc[2] + 1));
        pc += 4;
        NEXT();
    }
    OP(set_tuple_element)
    {
        Term t = SRC(pc[2]);
        /* Only a tuple built since the last collection may be changed:
         * an older one must never point at a younger term (gc.c). */
        if (!is_tuple(t) || pc[3] >= tuple_arity(t) ||
            !(boxed_ptr(t) >= p->high_water && boxed_ptr(t) < p->htop))
            RAISE(ATOM_error, ATOM_badarg);
        boxed_ptr(t)[pc[3] + 1] = SRC(pc[1]);
        pc += 4;
        NEXT();
    }
    OP(put_list)
    {
        Term *c = p->htop;
        p->htop += 2;
        c[0] = SRC(pc[1]);
        c[1] = SRC(pc[2]);
        STORE(pc[3], make_list(c));
        pc += 4;
        NEXT();
    }
    OP(put_tuple2)
    {
        Instr n = pc[2];
        Term *hp = p->htop;
        p->htop += n + 1;
        hp[0] = make_header(n, SUB_TUPLE);
        for (Instr i = 0; i < n; i++)
            hp[i + 1] = SRC(pc[3 + i]);
        STORE(pc[1], make_boxed(hp));
        pc += 3 + n;
        NEXT();
    }

    /* ---- tests: pc[1] is the fail label */

#define TEST(cond, words)                                                                                    \
    do {                                                                                                     \
        if (cond)                                                                                            \
            pc += (words) + 1;                                                                               \
        else                                                                                                 \
            JUMP(pc[1]);                                                                                     \
        NEXT();                                                                                              \
    } while (0)

    OP(is_lt) TEST(term_compare(SRC(pc[2]), SRC(pc[3]), false) < 0, 3);
    OP(is_ge) TEST(term_compare(SRC(pc[2]), SRC(pc[3]), false) >= 0, 3);
    OP(is_eq) TEST(term_eq(SRC(pc[2]), SRC(pc[3])), 3);
    OP(is_ne) TEST(!term_eq(SRC(pc[2]), SRC(pc[3])), 3);
    OP(is_eq_exact) TEST(term_eq_exact(SRC(pc[2]), SRC(pc[3])), 3);
    OP(is_ne_exact) TEST(!term_eq_exact(SRC(pc[2]), SRC(pc[3])), 3);
    OP(is_eq_exact_imm) TEST(SRC(pc[2]) == (Term)pc[3], 3);
    OP(is_ne_exact_imm) TEST(SRC(pc[2]) != (Term)pc[3], 3);
    OP(is_lt_xc)
    {
        Term a = x[pc[2]];
        if (is_small(a))
            TEST((int64_t)a < (int64_t)pc[3], 3);
        TEST(term_compare(a, (Term)pc[3], false) < 0, 3);
    }
    OP(is_ge_xc)
    {
        Term a = x[pc[2]];
        if (is_small(a))
            TEST((int64_t)a >= (int64_t)pc[3], 3);
        TEST(term_compare(a, (Term)pc[3], false) >= 0, 3);
    }
    OP(is_integer) TEST(is_integer(SRC(pc[2])), 2);
    OP(is_float) TEST(is_float(SRC(pc[2])), 2);
    OP(is_number) TEST(is_number(SRC(pc[2])), 2);
    OP(is_atom) TEST(is_atom(SRC(pc[2])), 2);
    OP(is_pid) TEST(is_pid(SRC(pc[2])), 2);
    OP(is_reference) TEST(is_ref(SRC(pc[2])), 2);
    OP(is_port) TEST(false, 2);
    OP(is_nil) TEST(is_nil(SRC(pc[2])), 2);
    OP(is_binary) TEST(is_binary(SRC(pc[2])), 2);
    OP(is_list)
    {
        Term t = SRC(pc[2]);
        TEST(is_list(t) || is_nil(t), 2);
    }
    OP(is_nonempty_list) TEST(is_list(SRC(pc[2])), 2);
    OP(is_tuple) TEST(is_tuple(SRC(pc[2])), 2);
    OP(is_boolean)
    {
        Term t = SRC(pc[2]);
        TEST(t == ATOM_true || t == ATOM_false, 2);
    }
    OP(is_function) TEST(is_fun(SRC(pc[2])), 2);
    OP(is_function2)
    {
        Term f = SRC(pc[2]), a = SRC(pc[3]);
        if (!is_small(a) || small_val(a) < 0)
            RAISE(ATOM_error, ATOM_badarg);
        TEST(is_fun(f) && exc_fun_arity(f) == small_val(a), 3);
    }
    OP(test_arity)
    {
        Term t = SRC(pc[2]);
        TEST(is_tuple(t) && tuple_arity(t) == pc[3], 3);
    }
    OP(is_tagged_tuple)
    {
        Term t = SRC(pc[2]);
        TEST(is_tuple(t) && tuple_arity(t) == pc[3] && pc[3] > 0 && tuple_elem(t, 1) == (Term)pc[4], 4);
    }
#undef TEST

    OP(select_val_imm)
    {
        Term v = SRC(pc[1]);
        Instr n = pc[3];
        const Instr *vals = pc + 4;
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (vals[mid] < v)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n && vals[lo] == v)
            JUMP(vals[n + lo]);
        else
            JUMP(pc[2]);
        NEXT();
    }
    OP(select_val)
    {
        Term v = SRC(pc[1]);
        Instr n = pc[3];
        const Instr *vals = pc + 4;
        for (Instr i = 0; i < n; i++)
            if (term_eq_exact(v, (Term)vals[i])) {
                JUMP(vals[n + i]);
                NEXT();
            }
        JUMP(pc[2]);
        NEXT();
    }
    OP(select_tuple_arity)
    {
        Term t = SRC(pc[1]);
        Instr n = pc[3];
        const Instr *vals = pc + 4;
        if (is_tuple(t)) {
            uint64_t a = tuple_arity(t);
            for (Instr i = 0; i < n; i++)
                if (vals[i] == a) {
                    JUMP(vals[n + i]);
                    NEXT();
                }
        }
        JUMP(pc[2]);
        NEXT();
    }

    /* ---- BIFs: pc[1] fail label (0: raise) */

    OP(bif0)
    {
        BifFn fn = (BifFn)pc[1];
        Term r = fn(p, x + BC_MAX_X, 0);
        if (r == THE_NON_VALUE) {
            exc_fn = fn;
            goto bif_failed_noargs;
        }
        STORE(pc[2], r);
        pc += 3;
        NEXT();
    }
    OP(bif1)
    {
        BifFn fn = (BifFn)pc[2];
        Term *args = x + BC_MAX_X;
        args[0] = SRC(pc[3]);
        Term r = fn(p, args, 1);
        if (r == THE_NON_VALUE) {
            if (pc[1]) {
                JUMP(pc[1]);
                NEXT();
            }
            x[0] = args[0];
            exc_arity = 1;
            exc_fn = fn;
            exc_consts = IS_CONST(pc[3]);
            goto bif_failed;
        }
        STORE(pc[4], r);
        pc += 5;
        NEXT();
    }
    OP(bif2)
    {
        BifFn fn = (BifFn)pc[2];
        Term *args = x + BC_MAX_X;
        args[0] = SRC(pc[3]);
        args[1] = SRC(pc[4]);
        Term r = fn(p, args, 2);
        if (r == THE_NON_VALUE) {
            if (pc[1]) {
                JUMP(pc[1]);
                NEXT();
            }
            x[0] = args[0];
            x[1] = args[1];
            exc_arity = 2;
            exc_fn = fn;
            exc_consts = IS_CONST(pc[3]) | IS_CONST(pc[4]) << 1;
            goto bif_failed;
        }
        STORE(pc[5], r);
        pc += 6;
        NEXT();
    }
    OP(gc_bif1)
    {
        bif_kind = 1;
        goto gc_bif;
    }
    OP(gc_bif2)
    {
        bif_kind = 2;
        goto gc_bif;
    }
    OP(gc_bif3)
    {
        bif_kind = 3;
        goto gc_bif;
    }
gc_bif:
    {
        unsigned n = bif_kind;
        unsigned live = (unsigned)pc[2];
        BifFn fn = (BifFn)pc[3];
        for (unsigned i = 0; i < n; i++)
            x[live + i] = SRC(pc[4 + i]);
        SAVE();
        uint64_t gcs = p->gc_count;
        Term r = fn(p, x + live, live + n);
        LOAD();
        if (p->gc_count != gcs)
            clear_x(x, live + n);
        if (r == THE_NON_VALUE) {
            if (pc[1]) {
                JUMP(pc[1]);
                NEXT();
            }
            memmove(x, x + live, n * sizeof(Term));
            exc_arity = n;
            exc_fn = fn;
            exc_consts = 0;
            for (unsigned i = 0; i < n; i++)
                exc_consts |= IS_CONST(pc[4 + i]) << i;
            goto bif_failed;
        }
        STORE(pc[4 + n], r);
        pc += 5 + n;
        if (p->reds_extra) {
            reds -= (int)p->reds_extra; /* the next call or jump yields */
            p->reds_extra = 0;
        }
        NEXT();
    }
    /* plus and minus: two smalls whose sum or difference fits a small are
     * done here (a small is its value shifted over the tag, so a plus the
     * untagged b is the tagged result); anything else (an overflow, a
     * bignum or float, a bad argument) goes to arith_slow, with the
     * operands in arith_a, arith_b and which of the four it is in bif_kind. */
    OP(plus_xc_x)
    {
        Term a = x[pc[3]];
        int64_t r;
        if (is_small(a) && !__builtin_add_overflow((int64_t)a, (int64_t)(pc[4] - TAG_SMALL), &r)) {
            x[pc[5]] = (Term)r;
            pc += 6;
            NEXT();
        }
        arith_a = a;
        arith_b = (Term)pc[4];
        bif_kind = ARITH_XC;
        goto arith_slow;
    }
    OP(minus_xc_x)
    {
        Term a = x[pc[3]];
        int64_t r;
        if (is_small(a) && !__builtin_sub_overflow((int64_t)a, (int64_t)(pc[4] - TAG_SMALL), &r)) {
            x[pc[5]] = (Term)r;
            pc += 6;
            NEXT();
        }
        arith_a = a;
        arith_b = (Term)pc[4];
        bif_kind = ARITH_XC | ARITH_MINUS;
        goto arith_slow;
    }
    OP(plus)
    {
        Term a = SRC(pc[3]), b = SRC(pc[4]);
        int64_t r;
        if (is_small(a) && is_small(b) && !__builtin_add_overflow((int64_t)a, (int64_t)(b - TAG_SMALL), &r)) {
            STORE(pc[5], (Term)r);
            pc += 6;
            NEXT();
        }
        arith_a = a;
        arith_b = b;
        bif_kind = 0;
        goto arith_slow;
    }
    OP(minus)
    {
        Term a = SRC(pc[3]), b = SRC(pc[4]);
        int64_t r;
        if (is_small(a) && is_small(b) && !__builtin_sub_overflow((int64_t)a, (int64_t)(b - TAG_SMALL), &r)) {
            STORE(pc[5], (Term)r);
            pc += 6;
            NEXT();
        }
        arith_a = a;
        arith_b = b;
        bif_kind = ARITH_MINUS;
        goto arith_slow;
    }
arith_slow:
    {
        /* The BIF takes its operands at x[live], x[live + 1], where a
         * failure leaves them for the stack trace. */
        unsigned live = (unsigned)pc[2];
        x[live] = arith_a;
        x[live + 1] = arith_b;
        SAVE();
        uint64_t gcs = p->gc_count;
        Term res = (bif_kind & ARITH_MINUS ? bif_minus_2 : bif_plus_2)(p, x + live, live + 2);
        LOAD();
        if (p->gc_count != gcs)
            clear_x(x, live + 2);
        if (res == THE_NON_VALUE) {
            if (pc[1]) {
                JUMP(pc[1]);
                NEXT();
            }
            /* Whether the trace gets an erlang:'+'/'-' frame depends on
             * which operands were constants (see exc_bif_framed). */
            exc_fn = bif_kind & ARITH_MINUS ? bif_minus_2 : bif_plus_2;
            exc_consts = bif_kind & ARITH_XC ? 2 : IS_CONST(pc[3]) | IS_CONST(pc[4]) << 1;
            memmove(x, x + live, 2 * sizeof(Term));
            exc_arity = 2;
            goto bif_failed;
        }
        if (bif_kind & ARITH_XC)
            x[pc[5]] = res;
        else
            STORE(pc[5], res);
        pc += 6;
        NEXT();
    }

    /* ---- exceptions */

    OP(catch)
    OP(try)
    {
        /* catch and try share one body: they differ only in the handler. */
        Y(pc[1]) = make_catch((uint32_t)pc[2]);
        pc += 3;
        NEXT();
    }
    OP(catch_end)
    {
        Y(pc[1]) = NIL;
        if (x[0] == THE_NON_VALUE) {
            /* We got here by an exception: x1 class, x2 reason, x3 trace. */
            RESERVE(6, 4);
            x[0] = exc_catch_value(p, x[1], x[2], x[3]);
        }
        pc += 2;
        NEXT();
    }
    OP(try_end)
    OP(try_case)
    {
        /* The try is over, or its handler entered: free its catch slot. */
        Y(pc[1]) = NIL;
        pc += 2;
        NEXT();
    }
    OP(try_case_end)
    {
        x[0] = SRC(pc[1]);
        RESERVE(3, 1);
        RAISE(ATOM_error, exc_tuple2(p, ATOM_try_clause, x[0]));
    }
    OP(badmatch)
    {
        x[0] = SRC(pc[1]);
        RESERVE(3, 1);
        RAISE(ATOM_error, exc_tuple2(p, ATOM_badmatch, x[0]));
    }
    OP(case_end)
    {
        x[0] = SRC(pc[1]);
        RESERVE(3, 1);
        RAISE(ATOM_error, exc_tuple2(p, ATOM_case_clause, x[0]));
    }
    OP(if_end)
    RAISE(ATOM_error, ATOM_if_clause);
    OP(raise)
    {
        /* pc[1]: the raw trace from try_case ({Class, Trace}), pc[2]: reason. */
        Term raw = SRC(pc[1]), reason = SRC(pc[2]);
        if (!exc_valid_raw_trace(raw)) {
            RAISE(ATOM_error, ATOM_badarg);
        }
        p->exc_class = tuple_elem(raw, 1);
        p->exc_reason = reason;
        p->exc_trace = tuple_elem(raw, 2);
        goto unwind;
    }
    OP(build_stacktrace)
    {
        if (exc_valid_raw_trace(x[0]))
            x[0] = tuple_elem(x[0], 2);
        pc += 1;
        NEXT();
    }
    OP(raw_raise)
    {
        Term cls = x[0];
        if (cls != ATOM_error && cls != ATOM_exit && cls != ATOM_throw)
            RAISE(ATOM_error, ATOM_badarg);
        p->exc_class = cls;
        p->exc_reason = x[1];
        p->exc_trace = x[2];
        goto unwind;
    }

    /* ---- funs and apply */

    OP(make_fun)
    {
        const FunEntry *fe = (const FunEntry *)pc[1];
        Instr n = pc[3];
        Term *hp = p->htop;
        p->htop += 2 + n;
        hp[0] = make_header(1 + n, SUB_FUN);
        hp[1] = (Term)(uintptr_t)fe;
        for (Instr i = 0; i < n; i++)
            hp[2 + i] = SRC(pc[4 + i]);
        STORE(pc[2], make_boxed(hp));
        pc += 4 + n;
        NEXT();
    }
    OP(call_fun)
    {
        dyn_arity = (unsigned)pc[1];
        cp = pc + 2;
        goto call_fun_dynamic;
    }
    OP(call_fun2)
    {
        dyn_arity = (unsigned)pc[1];
        x[dyn_arity] = SRC(pc[2]);
        cp = pc + 3;
        goto call_fun_dynamic;
    }
    OP(apply)
    {
        cp = pc + 2;
        goto do_apply;
    }
    OP(apply_last)
    {
        cp = (const Instr *)E[0];
        E += pc[2] + 1;
        goto do_apply;
    }
do_apply:
    {
        /* x(arity) is the module, x(arity + 1) the function. */
        dyn_arity = (unsigned)pc[1];
        Term m = x[dyn_arity], f = x[dyn_arity + 1];
        if (!is_atom(m) || !is_atom(f))
            RAISE(ATOM_error, ATOM_badarg);
        dyn_e = export_get(m, f, dyn_arity);
        if (!dyn_e)
            RAISE(ATOM_error, ATOM_system_limit);
        goto call_export_dynamic;
    }
    OP(apply3_stub)
    {
        /* erlang:apply(M, F, Args), entered by a call: cp is set. */
        Term m = x[0], f = x[1];
        Term args[BC_MAX_ARITY];
        int n = list_to_regs(x[2], args, BC_MAX_ARITY);
        if (n < 0 || !is_atom(m) || !is_atom(f)) {
            RAISE_ARGS(ATOM_badarg, export_get(ATOM_erlang, ATOM_apply, 3), 3);
        }
        memcpy(x, args, (size_t)n * sizeof(Term));
        note_dirty((unsigned)n + 1);
        dyn_arity = (unsigned)n;
        dyn_e = export_get(m, f, dyn_arity);
        if (!dyn_e)
            RAISE(ATOM_error, ATOM_system_limit);
        goto call_export_dynamic;
    }
    OP(apply2_stub)
    {
        /* erlang:apply(Fun, Args), entered by a call: cp is set. */
        Term f = x[0];
        Term args[BC_MAX_ARITY];
        int n = list_to_regs(x[1], args, BC_MAX_ARITY - 1);
        if (n < 0) {
            RAISE_ARGS(ATOM_badarg, export_get(ATOM_erlang, ATOM_apply, 2), 2);
        }
        memcpy(x, args, (size_t)n * sizeof(Term));
        x[n] = f;
        note_dirty((unsigned)n + 1);
        dyn_arity = (unsigned)n;
        goto call_fun_dynamic;
    }

    /* ---- messages (see mailbox.h) */

    OP(send)
    {
        SAVE();
        if (!sig_send(p, x[0], x[1])) {
            RAISE_ARGS(ATOM_badarg, export_get(ATOM_erlang, atom_intern("!", 1), 2), 2);
        }
        x[0] = x[1];
        pc += 1;
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(loop_rec)
    {
        Message *m = *p->mbox.save;
        if (!m) {
            if (!mbox_inbox_empty(&p->mbox)) {
                SAVE();
                if (!sig_drain(p))
                    goto exit_by_signal;
                m = *p->mbox.save;
            }
            if (!m) {
                JUMP(pc[1]);
                NEXT();
            }
        }
        if (!(m->flags & MSG_ON_HEAP)) {
            /* First look at it: move it from its fragment to the heap. */
            if (m->words) {
                RESERVE(m->words, 0);
                Term *hp = p->htop;
                m->msg = copy_term(m->msg, &hp, &p->off_heap);
                p->htop = hp;
                copy_release_offheap(&m->oh);
                m->oh.first = NIL;
            }
            m->flags |= MSG_ON_HEAP;
        }
        STORE(pc[2], m->msg);
        pc += 3;
        NEXT();
    }
    OP(loop_rec_end)
    {
        if (*p->mbox.save) /* (bytecode may get here without a message) */
            p->mbox.save = &(*p->mbox.save)->next;
        JUMP(pc[1]);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }
    OP(remove_message)
    {
        if (atomic_load_explicit(&p->tmo, memory_order_relaxed) & 3) {
            sched_cancel_receive_timer(p);
            atomic_store(&p->tmo, atomic_load(&p->tmo) & ~(uint64_t)3);
        }
        if (*p->mbox.save)
            mbox_remove_current(&p->mbox);
        pc += 1;
        NEXT();
    }
    OP(timeout)
    {
        atomic_store(&p->tmo, atomic_load(&p->tmo) & ~(uint64_t)3);
        p->mbox.save = &p->mbox.first;
        pc += 1;
        NEXT();
    }
    OP(wait_timeout)
    {
        Term t = SRC(pc[2]);
        uint64_t tmo = atomic_load(&p->tmo);
        if ((tmo & 3) == TMO_FIRED) {
            pc += 3; /* to the timeout instruction */
            NEXT();
        }
        if ((tmo & 3) == TMO_NONE && t != ATOM_infinity) {
            if (!is_small(t) || small_val(t) < 0 || small_val(t) > 0xFFFFFFFFLL)
                RAISE(ATOM_error, atom_intern("timeout_value", 13));
            if (small_val(t) == 0) {
                pc += 3;
                NEXT();
            }
            p->tmo_ms = (uint64_t)small_val(t);
            atomic_store(&p->tmo, (((tmo >> 2) + 1) << 2) | TMO_ARMED);
        }
        goto wait;
    }
    OP(wait)
    {
        goto wait;
    }
    OP(func_info)
    {
        /* No clause matched: the arguments are x0..x(arity-1). */
        RAISE_ARGS(ATOM_function_clause, NULL, (unsigned)pc[3]);
    }
    OP(unsupported)
    {
        RESERVE(3, 0);
        RAISE(ATOM_error, exc_tuple2(p, atom_intern("unsupported", 11), (Term)pc[1]));
    }

#ifdef BL_SWITCH_DISPATCH
    default:
        abort();
    }
#endif

call_fun_dynamic:
    {
        /* Calls the fun in x(dyn_arity) with x0..x(dyn_arity-1); cp is set
         * by the caller (or kept, for a tail call). */
        unsigned arity = dyn_arity;
        Term f = x[arity];
        if (!is_fun(f)) {
            RESERVE(3, arity + 1);
            RAISE(ATOM_error, exc_tuple2(p, ATOM_badfun, x[arity]));
        }
        Term *fp = boxed_ptr(f);
        if (header_sub(fp[0]) == SUB_EXPORT) {
            dyn_e = (Export *)(uintptr_t)fp[1];
            if (dyn_e->arity != arity)
                goto badarity;
            goto call_export_dynamic;
        }
        const FunEntry *fe = (const FunEntry *)(uintptr_t)fp[1];
        if (fe->arity != arity)
            goto badarity;
        for (unsigned i = 0; i < fe->nfree; i++)
            x[arity + i] = fp[2 + i];
        JUMP(fe->code);
        if (--reds <= 0)
            goto yield;
        NEXT();
    badarity:
        RESERVE(6 + 2 * (size_t)arity, arity + 1);
        RAISE(ATOM_error, exc_badarity(p, x[arity], x, arity));
    }

call_export_dynamic:
    {
        /* Calls dyn_e with x0..x(dyn_arity-1); cp is set. */
        Export *e = dyn_e;
        if (e->bif) {
            SAVE();
            p->current_pc = pc;
            uint64_t gcs = p->gc_count;
            Term r = e->bif(p, x, dyn_arity);
            LOAD();
            if (r == THE_NON_VALUE) {
                Export *trap = bif_take_trap();
                if (trap) {
                    dyn_e = trap;
                    dyn_arity = trap->arity;
                    goto call_export_dynamic;
                }
                exc_arity = dyn_arity;
                exc_bif = e;
                goto raise_with_args;
            }
            if (p->gc_count != gcs)
                clear_x(x, 1); /* as after call_ext of a BIF */
            x[0] = r;
            JUMP(cp);
            if (p->flags & PF_YIELD) {
                p->flags &= (uint8_t)~PF_YIELD;
                goto yield;
            }
            NEXT();
        }
        const Instr *target = export_code(e);
        if (!target) {
            SAVE();
            code_ensure_loaded(e->module);
            target = export_code(e);
            if (!target) {
                RAISE_ARGS(ATOM_undef, e, dyn_arity);
            }
        }
        JUMP(target);
        if (--reds <= 0)
            goto yield;
        NEXT();
    }

wait:
    /* Nothing to receive: resume at the loop_rec when woken. Receive keeps
     * nothing in x registers, so none are saved. */
    SAVE();
    p->pc = (const Instr *)pc[1];
    p->cp = cp;
    p->arity = 0;
    if (p->arg_cap > 8) {
        free(p->arg_reg); /* an idle process keeps no register copy */
        p->arg_reg = NULL;
        p->arg_cap = 0;
    }
    LEAVE(RUN_WAIT);

exit_by_signal:
    p->pc = pc;
    LEAVE(RUN_EXIT);

yield:
    SAVE();
    p->pc = pc;
    p->cp = cp;
    {
        /* Save every x register the code may still read: after a call
         * that is the callee's arguments (at most the highest register any
         * module uses). */
        unsigned n = code_max_x();
        if (n > p->arg_cap) {
            Term *a = realloc(p->arg_reg, n * sizeof(Term));
            if (!a) {
                /* Its registers cannot be kept: it cannot go on. */
                p->exit_reason = ATOM_system_limit;
                LEAVE(RUN_EXIT);
            }
            p->arg_reg = a;
            p->arg_cap = n;
        }
        memcpy(p->arg_reg, x, n * sizeof(Term));
        p->arity = n;
    }
    LEAVE(RUN_YIELD);

bif_failed_noargs:
    exc_arity = 0;
bif_failed:
    exc_bif = exc_fn && exc_bif_framed(exc_fn, x, exc_arity, exc_consts) ? bif_export(exc_fn, exc_arity) : NULL;
    exc_fn = NULL;
    goto raise_with_args;

heap_exhausted:
    LOAD();
    if (p->max_heap_size)
        p->flags |= PF_HEAP_KILL;
    p->exc_class = ATOM_error;
    p->exc_reason = ATOM_system_limit;
    exc_arity = 0;
    exc_bif = NULL;
    /* fall through */
raise_with_args:
raise:
    SAVE();
    if (p->flags & PF_HEAP_KILL) {
        /* As BEAM: killed, untrappable, with a report saying why. */
        fflush(stdout);
        fprintf(stderr, "=ERROR REPORT==== process <0.%llu.0> killed: its heap would exceed max_heap_size (%zu words)\n",
                (unsigned long long)pid_id(p->id), p->max_heap_size);
        p->exc_class = p->exc_reason = p->exc_trace = NIL;
        p->exit_reason = ATOM_killed;
        p->pc = pc;
        LEAVE(RUN_EXIT);
    }
    if (p->flags & PF_KEEP_TRACE) {
        p->flags &= (uint8_t)~PF_KEEP_TRACE; /* erlang:raise/3 gave the trace */
        goto unwind;
    }
    p->exc_trace = exc_build_trace(p, pc, cp, exc_bif, exc_arity);
    LOAD(); /* building the trace may have collected */
    exc_arity = 0;
    exc_bif = NULL;
unwind:
    SAVE();
    {
        Term *slot = exc_find_catch(p);
        if (!slot) {
            p->exit_reason = exc_exit_reason(p);
            p->pc = pc;
            LEAVE(RUN_EXIT);
        }
        const CatchEntry *ce = catch_entry(catch_index(*slot));
        E = slot - ce->y - 1;
        cp = (const Instr *)E[0];
        if (ce->is_try) {
            SAVE();
            if (!reserve(p, x, 3, 0))
                goto unwind_fail;
            LOAD();
            x[0] = p->exc_class;
            x[1] = p->exc_reason;
            x[2] = exc_tuple2(p, p->exc_class, p->exc_trace);
        } else {
            x[0] = THE_NON_VALUE;
            x[1] = p->exc_class;
            x[2] = p->exc_reason;
            x[3] = p->exc_trace;
        }
        p->exc_class = p->exc_reason = p->exc_trace = NIL;
        JUMP(ce->handler);
        NEXT();
    }
unwind_fail:
    p->exit_reason = ATOM_system_limit;
    LEAVE(RUN_EXIT);
}
