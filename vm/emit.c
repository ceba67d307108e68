/* emit.c - lays out a verified module as direct-threaded code.
 *
 * Each .bc instruction becomes one internal instruction (iops.def): the
 * handler's address followed by pre-decoded operands. Operand kinds pick
 * specialised handlers (move x->y, compare with an immediate, x + small),
 * and a few common pairs are fused. Label references are patched once the
 * code has its final address. */
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "interp.h"
#include "loader.h"

static void grow(Loader *ld, void **arr, size_t *cap, size_t len, size_t size)
{
    if (len < *cap)
        return;
    size_t ncap = *cap ? *cap * 2 : 1024;
    void *n = realloc(*arr, ncap * size);
    if (!n) {
        ld_error(ld, "out of memory");
        abort(); /* the loader cannot continue half-written; OOM is fatal */
    }
    *arr = n;
    *cap = ncap;
}

static void word(Loader *ld, Instr w)
{
    grow(ld, (void **)&ld->code, &ld->code_cap, ld->ncode, sizeof(Instr));
    ld->code[ld->ncode++] = w;
}

static void op(Loader *ld, unsigned iop) { word(ld, interp_op(iop)); }

/* A label operand of a call, jump or receive instruction: those that
 * branch back already cost a reduction or suspend. */
static void target_ref(Loader *ld, uint64_t label)
{
    if (label == 0) {
        word(ld, 0);
        return;
    }
    grow(ld, (void **)&ld->fixups, &ld->fixups_cap, ld->nfixups, sizeof(LdFixup));
    ld->fixups[ld->nfixups++] = (LdFixup){ ld->ncode, (uint32_t)label };
    word(ld, 0);
}

/* A label operand of a test or select: a backward one could close a loop
 * that never costs a reduction (and so never yields), so it is sent through
 * a `jump` stub emitted after the code, which does. Forward ones, all that
 * compilers emit, cost nothing. */
static void label_ref(Loader *ld, uint64_t label)
{
    if (label == 0 || ld->label_at[label] > ld->emit_instr) {
        target_ref(ld, label);
        return;
    }
    grow(ld, (void **)&ld->back_refs, &ld->back_refs_cap, ld->nback_refs, sizeof(LdFixup));
    ld->back_refs[ld->nback_refs++] = (LdFixup){ ld->ncode, (uint32_t)label };
    word(ld, 0);
}

/* The stubs of the backward test branches: each becomes `jump Label`, and
 * the branch's word is remembered (as a code index, patched in resolve). */
static void emit_back_stubs(Loader *ld)
{
    for (size_t i = 0; i < ld->nback_refs; i++) {
        uint32_t label = ld->back_refs[i].label;
        ld->back_refs[i].label = (uint32_t)ld->ncode;
        op(ld, IOP_jump);
        target_ref(ld, label);
    }
}

static Term lit_float(Loader *ld, double d)
{
    Term *hp = ld_lit_alloc(ld, FLOAT_WORDS);
    if (!hp) {
        ld_error(ld, "out of memory");
        return NIL;
    }
    hp[0] = make_header(1, SUB_FLOAT);
    memcpy(&hp[1], &d, sizeof d);
    return make_boxed(hp);
}

static Term lit_int(Loader *ld, int64_t v)
{
    if (small_fits(v))
        return make_small(v);
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    Term *hp = ld_lit_alloc(ld, big_words(1));
    if (!hp) {
        ld_error(ld, "out of memory");
        return NIL;
    }
    size_t used;
    return big_make(hp, &mag, 1, v < 0, &used);
}

/* The term a constant operand stands for. */
static Term constant(Loader *ld, const BcOperand *o)
{
    switch (o->tag) {
    case BC_INT: return lit_int(ld, o->i);
    case BC_ATOM: return ld->atoms[o->u];
    case BC_NIL: return NIL;
    case BC_LIT: return ld->literals[o->u];
    case BC_FLOAT: return lit_float(ld, o->f);
    case BC_UINT: return make_small((int64_t)o->u);
    default: return NIL;
    }
}

static Instr src(Loader *ld, const BcOperand *o)
{
    if (o->tag == BC_X)
        return reg_x((unsigned)o->u);
    if (o->tag == BC_Y)
        return reg_y((unsigned)o->u);
    return (Instr)constant(ld, o);
}

static const BcOperand *A(Loader *ld, const DInstr *in, unsigned i) { return &ld->ops[in->arg[i]]; }
static Instr S(Loader *ld, const DInstr *in, unsigned i) { return src(ld, A(ld, in, i)); }
static uint64_t U(Loader *ld, const DInstr *in, unsigned i) { return A(ld, in, i)->u; }

static bool is_x(const BcOperand *o) { return o->tag == BC_X; }
static bool is_y(const BcOperand *o) { return o->tag == BC_Y; }

static bool immediate_const(Loader *ld, const BcOperand *o, Term *out)
{
    if (o->tag == BC_X || o->tag == BC_Y)
        return false;
    Term t = constant(ld, o);
    if (!is_immed(t))
        return false;
    *out = t;
    return true;
}

static void emit_move(Loader *ld, const DInstr *in, const DInstr *next)
{
    const BcOperand *s = A(ld, in, 0), *d = A(ld, in, 1);
    unsigned dn = (unsigned)d->u;
    if (next && next->op == 64) {
        const BcOperand *s2 = A(ld, next, 0), *d2 = A(ld, next, 1);
        /* Two moves fused: only when the second does not read what the first
         * wrote (it never does for these shapes: x->y then x->y). */
        if (is_x(s) && is_y(d) && is_x(s2) && is_y(d2)) {
            op(ld, IOP_move2_xyxy);
            word(ld, s->u), word(ld, dn), word(ld, s2->u), word(ld, d2->u);
            ld->skip_next = true;
            return;
        }
        if (is_y(s) && is_x(d) && is_y(s2) && is_x(d2) && d->u != s2->u) {
            op(ld, IOP_move2_yxyx);
            word(ld, s->u), word(ld, dn), word(ld, s2->u), word(ld, d2->u);
            ld->skip_next = true;
            return;
        }
    }
    unsigned iop;
    Instr a;
    if (is_x(s)) {
        iop = is_x(d) ? IOP_move_xx : IOP_move_xy;
        a = s->u;
    } else if (is_y(s)) {
        iop = is_x(d) ? IOP_move_yx : IOP_move_yy;
        a = s->u;
    } else {
        iop = is_x(d) ? IOP_move_cx : IOP_move_cy;
        a = (Instr)constant(ld, s);
    }
    op(ld, iop);
    word(ld, a);
    word(ld, dn);
}

static void emit_compare(Loader *ld, const DInstr *in, unsigned iop)
{
    const BcOperand *a = A(ld, in, 1), *b = A(ld, in, 2);
    Term c;
    if (iop == IOP_is_eq_exact || iop == IOP_is_ne_exact) {
        const BcOperand *var = a, *k = b;
        if (immediate_const(ld, a, &c)) {
            var = b;
            k = a;
        }
        if (immediate_const(ld, k, &c)) {
            op(ld, iop == IOP_is_eq_exact ? IOP_is_eq_exact_imm : IOP_is_ne_exact_imm);
            label_ref(ld, U(ld, in, 0));
            word(ld, src(ld, var));
            word(ld, c);
            return;
        }
    }
    if ((iop == IOP_is_lt || iop == IOP_is_ge) && is_x(a) && immediate_const(ld, b, &c) && is_small(c)) {
        op(ld, iop == IOP_is_lt ? IOP_is_lt_xc : IOP_is_ge_xc);
        label_ref(ld, U(ld, in, 0));
        word(ld, a->u);
        word(ld, c);
        return;
    }
    op(ld, iop);
    label_ref(ld, U(ld, in, 0));
    word(ld, src(ld, a));
    word(ld, src(ld, b));
}

static int cmp_pair(const void *a, const void *b)
{
    Term x = ((const Term *)a)[0], y = ((const Term *)b)[0];
    return x < y ? -1 : x > y;
}

/* select_val: immediates are sorted for a binary search on the raw word. */
static void emit_select_val(Loader *ld, const DInstr *in)
{
    const BcOperand *list = A(ld, in, 2);
    size_t n = list->u / 2;
    bool imm = true;
    Term *pairs = calloc(n ? n : 1, 2 * sizeof(Term));
    if (!pairs) {
        ld_error(ld, "out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        pairs[2 * i] = constant(ld, &list[1 + 2 * i]);
        pairs[2 * i + 1] = list[2 + 2 * i].u;
        if (!is_immed(pairs[2 * i]))
            imm = false;
    }
    if (imm)
        qsort(pairs, n, 2 * sizeof(Term), cmp_pair);
    op(ld, imm ? IOP_select_val_imm : IOP_select_val);
    word(ld, S(ld, in, 0));
    label_ref(ld, U(ld, in, 1));
    word(ld, n);
    for (size_t i = 0; i < n; i++)
        word(ld, pairs[2 * i]);
    for (size_t i = 0; i < n; i++)
        label_ref(ld, pairs[2 * i + 1]);
    free(pairs);
}

static void emit_select_arity(Loader *ld, const DInstr *in)
{
    const BcOperand *list = A(ld, in, 2);
    size_t n = list->u / 2;
    op(ld, IOP_select_tuple_arity);
    word(ld, S(ld, in, 0));
    label_ref(ld, U(ld, in, 1));
    word(ld, n);
    for (size_t i = 0; i < n; i++)
        word(ld, list[1 + 2 * i].u);
    for (size_t i = 0; i < n; i++)
        label_ref(ld, list[2 + 2 * i].u);
}

static void emit_list_srcs(Loader *ld, const BcOperand *list)
{
    word(ld, list->u);
    for (uint64_t i = 1; i <= list->u; i++)
        word(ld, src(ld, &list[i]));
}

static void emit_catch(Loader *ld, const DInstr *in, unsigned iop, bool is_try)
{
    uint32_t k = catch_reserve(1);
    if (k == UINT32_MAX) {
        ld_error(ld, "too many catch handlers in the VM");
        return;
    }
    CatchEntry *ce = catch_entry(k);
    ce->y = (uint32_t)U(ld, in, 0);
    ce->is_try = is_try;
    grow(ld, (void **)&ld->catch_fixups, &ld->catch_fixups_cap, ld->ncatch_fixups, sizeof *ld->catch_fixups);
    ld->catch_fixups[ld->ncatch_fixups].catch_index = k;
    ld->catch_fixups[ld->ncatch_fixups].label = (uint32_t)U(ld, in, 1);
    ld->ncatch_fixups++;
    op(ld, iop);
    word(ld, U(ld, in, 0));
    word(ld, k);
}

static bool is_erlang_bif(Export *e, const char *name)
{
    return e->module == ATOM_erlang && strcmp(atom_cstr(e->name), name) == 0;
}

static void emit_gc_bif(Loader *ld, const DInstr *in, unsigned n)
{
    Export *e = ld->imports[U(ld, in, 2)];
    if (n == 2 && (is_erlang_bif(e, "+") || is_erlang_bif(e, "-"))) {
        bool plus = is_erlang_bif(e, "+");
        const BcOperand *a = A(ld, in, 3), *d = A(ld, in, 5);
        Term c;
        if (is_x(a) && immediate_const(ld, A(ld, in, 4), &c) && is_small(c) && is_x(d)) {
            op(ld, plus ? IOP_plus_xc_x : IOP_minus_xc_x);
            label_ref(ld, U(ld, in, 0));
            word(ld, U(ld, in, 1));
            word(ld, a->u);
            word(ld, c);
            word(ld, d->u);
            return;
        }
        op(ld, plus ? IOP_plus : IOP_minus);
        label_ref(ld, U(ld, in, 0));
        word(ld, U(ld, in, 1));
        word(ld, S(ld, in, 3));
        word(ld, S(ld, in, 4));
        word(ld, S(ld, in, 5));
        return;
    }
    op(ld, n == 1 ? IOP_gc_bif1 : n == 2 ? IOP_gc_bif2 : IOP_gc_bif3);
    label_ref(ld, U(ld, in, 0));
    word(ld, U(ld, in, 1));
    word(ld, (Instr)e->bif);
    for (unsigned i = 0; i <= n; i++)
        word(ld, S(ld, in, 3 + i));
}

static void emit_call_ext(Loader *ld, const DInstr *in, unsigned plain, unsigned bif)
{
    Export *e = ld->imports[U(ld, in, 1)];
    if (e->bif) {
        op(ld, bif);
        word(ld, (Instr)e->bif);
    } else {
        op(ld, plain);
    }
    word(ld, (Instr)e);
    if (plain == IOP_call_ext_last)
        word(ld, U(ld, in, 2));
}

static void line_mark(Loader *ld, uint64_t entry)
{
    if (entry >= ld->nline_entries)
        entry = 0;
    grow(ld, (void **)&ld->line_marks, &ld->line_marks_cap, ld->nline_marks, sizeof *ld->line_marks);
    ld->line_marks[ld->nline_marks].at = ld->ncode;
    ld->line_marks[ld->nline_marks].entry = (uint32_t)entry;
    ld->nline_marks++;
}

static const unsigned type_test_iop[] = {
    [45] = IOP_is_integer, [46] = IOP_is_float, [47] = IOP_is_number, [48] = IOP_is_atom,
    [49] = IOP_is_pid, [50] = IOP_is_reference, [51] = IOP_is_port, [52] = IOP_is_nil,
    [53] = IOP_is_binary, [55] = IOP_is_list, [56] = IOP_is_nonempty_list, [57] = IOP_is_tuple,
    [77] = IOP_is_function, [114] = IOP_is_boolean,
};

static const unsigned compare_iop[] = {
    [39] = IOP_is_lt, [40] = IOP_is_ge, [41] = IOP_is_eq, [42] = IOP_is_ne,
    [43] = IOP_is_eq_exact, [44] = IOP_is_ne_exact,
};

static void emit_instr(Loader *ld, const DInstr *in, const DInstr *next)
{
    switch (in->op) {
    case 1: ld->label_code[U(ld, in, 0)] = ld->ncode; return;
    case 2:
        op(ld, IOP_func_info);
        word(ld, ld->atoms[U(ld, in, 0)]);
        word(ld, ld->atoms[U(ld, in, 1)]);
        word(ld, U(ld, in, 2));
        return;
    case 3: return;
    case 4: op(ld, IOP_call); target_ref(ld, U(ld, in, 1)); return;
    case 5: op(ld, IOP_call_last); target_ref(ld, U(ld, in, 1)); word(ld, U(ld, in, 2)); return;
    case 6: op(ld, IOP_call_only); target_ref(ld, U(ld, in, 1)); return;
    case 7: emit_call_ext(ld, in, IOP_call_ext, IOP_call_bif); return;
    case 8: emit_call_ext(ld, in, IOP_call_ext_last, IOP_call_bif_last); return;
    case 78: emit_call_ext(ld, in, IOP_call_ext_only, IOP_call_bif_only); return;
    case 9: op(ld, IOP_bif0); word(ld, (Instr)ld->imports[U(ld, in, 0)]->bif); word(ld, S(ld, in, 1)); return;
    case 10: case 11:
        op(ld, in->op == 10 ? IOP_bif1 : IOP_bif2);
        label_ref(ld, U(ld, in, 0));
        word(ld, (Instr)ld->imports[U(ld, in, 1)]->bif);
        for (unsigned i = 2; i < in->n; i++)
            word(ld, S(ld, in, i));
        return;
    case 12: case 14: op(ld, IOP_allocate); word(ld, U(ld, in, 0)); word(ld, U(ld, in, 1)); return;
    case 13: case 15:
        op(ld, IOP_allocate_heap);
        word(ld, U(ld, in, 0)), word(ld, U(ld, in, 1)), word(ld, U(ld, in, 2));
        return;
    case 16: op(ld, IOP_test_heap); word(ld, U(ld, in, 0)); word(ld, U(ld, in, 1)); return;
    case 17: op(ld, IOP_init); word(ld, U(ld, in, 0)); return;
    case 18: op(ld, IOP_deallocate); word(ld, U(ld, in, 0)); return;
    case 19: op(ld, IOP_return); return;
    case 20: op(ld, IOP_send); return;
    case 21: op(ld, IOP_remove_message); return;
    case 22: op(ld, IOP_timeout); return;
    case 23: op(ld, IOP_loop_rec); label_ref(ld, U(ld, in, 0)); word(ld, S(ld, in, 1)); return;
    case 24: op(ld, IOP_loop_rec_end); target_ref(ld, U(ld, in, 0)); return;
    case 25: op(ld, IOP_wait); target_ref(ld, U(ld, in, 0)); return;
    case 26: op(ld, IOP_wait_timeout); target_ref(ld, U(ld, in, 0)); word(ld, S(ld, in, 1)); return;
    case 39: case 40: case 41: case 42: case 43: case 44: emit_compare(ld, in, compare_iop[in->op]); return;
    case 45: case 46: case 47: case 48: case 49: case 50: case 51: case 52: case 53: case 55: case 56:
    case 57: case 77: case 114:
        op(ld, type_test_iop[in->op]);
        label_ref(ld, U(ld, in, 0));
        word(ld, S(ld, in, 1));
        return;
    case 58: op(ld, IOP_test_arity); label_ref(ld, U(ld, in, 0)); word(ld, S(ld, in, 1)); word(ld, U(ld, in, 2)); return;
    case 59: emit_select_val(ld, in); return;
    case 60: emit_select_arity(ld, in); return;
    case 61: op(ld, IOP_jump); target_ref(ld, U(ld, in, 0)); return;
    case 62: emit_catch(ld, in, IOP_catch, false); return;
    case 63: op(ld, IOP_catch_end); word(ld, U(ld, in, 0)); return;
    case 64: emit_move(ld, in, next); return;
    case 65: op(ld, IOP_get_list); word(ld, S(ld, in, 0)); word(ld, S(ld, in, 1)); word(ld, S(ld, in, 2)); return;
    case 66: op(ld, IOP_get_tuple_element); word(ld, S(ld, in, 0)); word(ld, U(ld, in, 1)); word(ld, S(ld, in, 2)); return;
    case 67: op(ld, IOP_set_tuple_element); word(ld, S(ld, in, 0)); word(ld, S(ld, in, 1)); word(ld, U(ld, in, 2)); return;
    case 69: op(ld, IOP_put_list); word(ld, S(ld, in, 0)); word(ld, S(ld, in, 1)); word(ld, S(ld, in, 2)); return;
    case 72: op(ld, IOP_badmatch); word(ld, S(ld, in, 0)); return;
    case 73: op(ld, IOP_if_end); return;
    case 74: op(ld, IOP_case_end); word(ld, S(ld, in, 0)); return;
    case 75: op(ld, IOP_call_fun); word(ld, U(ld, in, 0)); return;
    case 178: op(ld, IOP_call_fun2); word(ld, U(ld, in, 1)); word(ld, S(ld, in, 2)); return;
    case 104: emit_catch(ld, in, IOP_try, true); return;
    case 105: op(ld, IOP_try_end); word(ld, U(ld, in, 0)); return;
    case 106: op(ld, IOP_try_case); word(ld, U(ld, in, 0)); return;
    case 107: op(ld, IOP_try_case_end); word(ld, S(ld, in, 0)); return;
    case 108: op(ld, IOP_raise); word(ld, S(ld, in, 0)); word(ld, S(ld, in, 1)); return;
    case 112: op(ld, IOP_apply); word(ld, U(ld, in, 0)); return;
    case 113: op(ld, IOP_apply_last); word(ld, U(ld, in, 0)); word(ld, U(ld, in, 1)); return;
    case 115: op(ld, IOP_is_function2); label_ref(ld, U(ld, in, 0)); word(ld, S(ld, in, 1)); word(ld, S(ld, in, 2)); return;
    case 124: emit_gc_bif(ld, in, 1); return;
    case 125: emit_gc_bif(ld, in, 2); return;
    case 152: emit_gc_bif(ld, in, 3); return;
    case 136: op(ld, IOP_trim); word(ld, U(ld, in, 0)); word(ld, U(ld, in, 1)); return;
    case 153: line_mark(ld, U(ld, in, 0)); return;
    case 159:
        op(ld, IOP_is_tagged_tuple);
        label_ref(ld, U(ld, in, 0));
        word(ld, S(ld, in, 1)), word(ld, U(ld, in, 2)), word(ld, ld->atoms[U(ld, in, 3)]);
        return;
    case 160: op(ld, IOP_build_stacktrace); return;
    case 161: op(ld, IOP_raw_raise); return;
    case 162: op(ld, IOP_get_hd); word(ld, S(ld, in, 0)); word(ld, S(ld, in, 1)); return;
    case 163: op(ld, IOP_get_tl); word(ld, S(ld, in, 0)); word(ld, S(ld, in, 1)); return;
    case 164: op(ld, IOP_put_tuple2); word(ld, S(ld, in, 0)); emit_list_srcs(ld, A(ld, in, 1)); return;
    case 169: op(ld, IOP_swap); word(ld, S(ld, in, 0)); word(ld, S(ld, in, 1)); return;
    case 171:
        op(ld, IOP_make_fun);
        word(ld, (Instr)&ld->lambdas[U(ld, in, 0)]);
        word(ld, S(ld, in, 1));
        emit_list_srcs(ld, A(ld, in, 2));
        return;
    case 172: {
        const BcOperand *list = A(ld, in, 0);
        for (uint64_t i = 1; i <= list->u; i++) {
            op(ld, IOP_init);
            word(ld, list[i].u);
        }
        return;
    }
    default: {
        const BcOpInfo *info = bc_op_info(in->op);
        op(ld, IOP_unsupported);
        word(ld, atom_intern(info->name, strlen(info->name)));
        return;
    }
    }
}

static bool resolve(Loader *ld, Module *m, size_t *instr_code)
{
    for (size_t i = 0; i < ld->nfixups; i++) {
        uint32_t l = ld->fixups[i].label;
        if (ld->label_at[l] == UINT32_MAX) {
            ld_error(ld, "reference to undefined label %u", l);
            return false;
        }
        m->code[ld->fixups[i].at] = (Instr)&m->code[ld->label_code[l]];
    }
    for (size_t i = 0; i < ld->nback_refs; i++)
        m->code[ld->back_refs[i].at] = (Instr)&m->code[ld->back_refs[i].label];
    for (size_t i = 0; i < ld->ncatch_fixups; i++) {
        uint32_t l = ld->catch_fixups[i].label;
        if (ld->label_at[l] == UINT32_MAX) {
            ld_error(ld, "catch handler at undefined label %u", l);
            return false;
        }
        catch_entry(ld->catch_fixups[i].catch_index)->handler = &m->code[ld->label_code[l]];
    }
    for (uint32_t i = 0; i < ld->nlambdas; i++) {
        ld->lambdas[i].module = m;
        ld->lambdas[i].code = &m->code[ld->label_code[ld->lambda_labels[i]]];
    }
    ld->export_entries = calloc(ld->nexports ? ld->nexports : 1, sizeof(Instr *));
    if (!ld->export_entries) {
        ld_error(ld, "out of memory");
        return false;
    }
    for (uint32_t i = 0; i < ld->nexports; i++)
        ld->export_entries[i] = &m->code[ld->label_code[ld->exports[i].label]];
    for (uint32_t f = 0; f < ld->nfuncs; f++) {
        m->funcs[f].start = &m->code[instr_code[ld->funcs[f].first]];
        m->funcs[f].end = &m->code[instr_code[ld->funcs[f].end]];
        m->funcs[f].name = ld->funcs[f].name;
        m->funcs[f].arity = ld->funcs[f].arity;
    }
    for (size_t i = 0; i < ld->nline_marks; i++) {
        LdLine none = { 0, 0 };
        const LdLine *e = ld->nline_entries ? &ld->line_entries[ld->line_marks[i].entry] : &none;
        m->lines[i].pc = &m->code[ld->line_marks[i].at];
        m->lines[i].line = e->line;
        m->lines[i].file = e->file;
    }
    return true;
}

Module *ld_emit(Loader *ld)
{
    size_t *instr_code = calloc(ld->ninstrs + 1, sizeof(size_t));
    ld->label_code = calloc(ld->nlabels ? ld->nlabels : 1, sizeof(size_t));
    Module *m = calloc(1, sizeof *m);
    if (!instr_code || !ld->label_code || !m) {
        ld_error(ld, "out of memory");
        goto fail;
    }
    for (uint32_t i = 0; i < ld->ninstrs && !ld->failed; i++) {
        instr_code[i] = ld->ncode;
        if (ld->skip_next) {
            ld->skip_next = false;
            continue;
        }
        const DInstr *next = i + 1 < ld->ninstrs ? &ld->instrs[i + 1] : NULL;
        ld->emit_instr = i;
        emit_instr(ld, &ld->instrs[i], next);
    }
    instr_code[ld->ninstrs] = ld->ncode;
    emit_back_stubs(ld);
    word(ld, interp_op(IOP_unsupported)); /* never reached: keeps `end` inside the block */
    word(ld, ATOM_undefined);
    m->funcs = calloc(ld->nfuncs ? ld->nfuncs : 1, sizeof *m->funcs);
    m->lines = calloc(ld->nline_marks ? ld->nline_marks : 1, sizeof *m->lines);
    if (ld->failed || !m->funcs || !m->lines)
        goto fail;
    m->name = ld->module_name;
    m->code = ld->code;
    m->code_len = ld->ncode;
    if (!resolve(ld, m, instr_code))
        goto fail;
    ld->code = NULL;
    m->nfuncs = ld->nfuncs;
    m->nlines = (unsigned)ld->nline_marks;
    m->files = ld->files;
    m->nfiles = ld->nfiles;
    ld->files = NULL;
    m->lambdas = ld->lambdas;
    m->nlambdas = ld->nlambdas;
    m->literal_area = (Term *)ld->lits;
    m->max_x = ld->max_x;
    free(instr_code);
    free(ld->label_code);
    return m;
fail:
    if (m && m->code == ld->code)
        m->code = NULL;
    if (m) {
        free(m->funcs);
        free(m->lines);
    }
    free(m);
    free(instr_code);
    free(ld->label_code);
    return NULL;
}
