/* verify.c - proves, before anything runs, that a module's code cannot
 * touch memory it does not own.
 *
 * For each function it follows every path (a data-flow analysis over the
 * labels, iterated to a fixed point) tracking three facts:
 *   frame    - the size of the current stack frame (-1: none), so every y
 *              register read or written is inside the frame, and returns,
 *              tail calls and deallocations happen with the right frame;
 *   heap     - heap words reserved by the last test_heap/allocate_heap and
 *              not yet used, so put_list, put_tuple2 and make_fun3 never
 *              write past the heap top (the interpreter does not check);
 *   catches  - which y registers hold catch markers, so a marker is never
 *              read, moved or overwritten, and frames holding one are not
 *              popped.
 * Where paths meet at a label, frame and catches must agree and heap takes
 * the smaller value. Jumps must stay inside their function; calls must go to
 * function entries of the right arity.
 * x registers need no tracking: the collector clears every x register it
 * does not keep (gc.c), so a stale one holds [] rather than a dangling
 * pointer. */
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "loader.h"

typedef struct {
    int32_t frame;
    int64_t heap;
    uint64_t catches;
    bool valid;
} VState;

typedef struct {
    Loader *ld;
    LdFunc *fn;
    uint32_t findex;
    VState *labels; /* indexed by label number */
    uint32_t *first_instr; /* label -> its first real instruction + 1 (0: not computed yet) */
    bool changed;
    int round;
    const DInstr *in;
} Verifier;

static bool fail(Verifier *v, const char *msg)
{
    const BcOpInfo *info = bc_op_info(v->in->op);
    ld_error(v->ld, "%s/%u, code offset %u (%s): %s", atom_cstr(v->fn->name), v->fn->arity, v->in->offset,
             info ? info->name : "?", msg);
    return false;
}

static const BcOperand *arg(Verifier *v, unsigned i) { return &v->ld->ops[v->in->arg[i]]; }

/* Checks a y register access against the frame and the catch markers. */
static bool y_ok(Verifier *v, const VState *s, const BcOperand *op)
{
    if (op->tag != BC_Y)
        return true;
    if (s->frame < 0)
        return fail(v, "y register used without a stack frame");
    if (op->u >= (uint64_t)s->frame)
        return fail(v, "y register outside the stack frame");
    if (op->u < 64 && (s->catches >> op->u & 1))
        return fail(v, "y register holds a catch marker");
    return true;
}

/* Checks every register operand of the instruction, list items included. */
static bool regs_ok(Verifier *v, const VState *s)
{
    for (unsigned i = 0; i < v->in->n; i++) {
        const BcOperand *op = arg(v, i);
        if (!y_ok(v, s, op))
            return false;
        if (op->tag == BC_LIST)
            for (uint64_t j = 1; j <= op->u; j++)
                if (!y_ok(v, s, op + j))
                    return false;
    }
    return true;
}

static bool merge(Verifier *v, uint64_t label, const VState *s)
{
    if (label == 0)
        return true;
    uint32_t at = v->ld->label_at[label];
    if (at == UINT32_MAX)
        return fail(v, "jump to an undefined label");
    if (v->ld->label_func[label] != v->findex || at < v->fn->first)
        return fail(v, "jump to a label outside this function");
    if (at < v->fn->info)
        return true; /* the func_info label: raises function_clause, any state will do */
    VState *t = &v->labels[label];
    if (!t->valid) {
        *t = *s;
        t->valid = true;
        v->changed = true;
        return true;
    }
    if (t->frame != s->frame)
        return fail(v, "paths meet at a label with different stack frames");
    if (t->catches != s->catches)
        return fail(v, "paths meet at a label with different catch markers");
    if (s->heap < t->heap) {
        /* A loop that keeps using heap would lower this a little each
         * round; after a few rounds assume nothing is reserved there. */
        t->heap = v->round > 2 ? 0 : s->heap;
        v->changed = true;
    }
    return true;
}

static bool need_frame(Verifier *v, const VState *s, int64_t size)
{
    if (size < 0 ? s->frame < 0 : s->frame != size)
        return fail(v, size < 0 ? "call needs a stack frame" : "stack frame size does not match");
    return true;
}

static bool no_frame(Verifier *v, const VState *s)
{
    if (s->frame >= 0)
        return fail(v, "stack frame still allocated");
    return true;
}

static bool pop_frame(Verifier *v, const VState *s, uint64_t n)
{
    if (s->frame < 0 || (uint64_t)s->frame != n)
        return fail(v, "deallocation does not match the stack frame");
    if (s->catches)
        return fail(v, "stack frame popped while a catch is active");
    return true;
}

static Export *import(Verifier *v, unsigned i) { return v->ld->imports[arg(v, i)->u]; }

static bool call_target(Verifier *v, uint64_t label, uint64_t arity)
{
    int f = ld_entry_func(v->ld, label);
    if (f < 0)
        return fail(v, "call to a label that is not a function entry");
    if (v->ld->funcs[f].arity != arity)
        return fail(v, "call with the wrong number of arguments");
    return true;
}

static bool import_arity(Verifier *v, unsigned i, uint64_t arity)
{
    if (import(v, i)->arity != arity)
        return fail(v, "external call with the wrong number of arguments");
    return true;
}

/* The BIF named by operand i, which must exist and take `arity`
 * arguments; gc tells whether the instruction allows collection. */
static bool bif_ok(Verifier *v, unsigned i, unsigned arity, bool gc)
{
    Export *e = import(v, i);
    if (!e->bif)
        return fail(v, "import is not a BIF");
    if (e->arity != arity)
        return fail(v, "BIF called with the wrong number of arguments");
    if (e->bif_flags & BIF_TRAP)
        return fail(v, "BIF that may wait for an answer used in a bif instruction (call it)");
    if (!gc && (e->bif_flags & BIF_GC))
        return fail(v, "BIF that may allocate used in a bif instruction (use gc_bif)");
    return true;
}

static bool use_heap(Verifier *v, VState *s, int64_t words)
{
    if (s->heap < words)
        return fail(v, "builds on the heap without reserving the words (test_heap)");
    s->heap -= words;
    return true;
}

/* An exception arrives at a handler with x0 = THE_NON_VALUE (catch) or the
 * class, reason and raw trace (try): the handler's first instruction must
 * consume them, so that no non-value ever reaches other code. */
static bool handler_ok(Verifier *v, uint64_t y, uint64_t label, bool is_try)
{
    Loader *ld = v->ld;
    if (label == 0 || label >= ld->nlabels || ld->label_at[label] == UINT32_MAX)
        return fail(v, "catch handler at an undefined label");
    uint32_t i = v->first_instr[label];
    if (i == 0) {
        /* The first instruction after the label, past other labels and
         * line entries; found once per label, not once per catch. */
        i = ld->label_at[label] + 1;
        while (i < ld->ninstrs && (ld->instrs[i].op == 1 || ld->instrs[i].op == 153))
            i++;
        v->first_instr[label] = i + 1;
    } else {
        i--;
    }
    uint16_t want = is_try ? 106 : 63;
    if (i >= v->fn->end || ld->instrs[i].op != want || ld->ops[ld->instrs[i].arg[0]].u != y)
        return fail(v, is_try ? "try handler must start with try_case of the same y register"
                              : "catch handler must start with catch_end of the same y register");
    return true;
}

static bool set_catch(Verifier *v, VState *s, uint64_t y, uint64_t label)
{
    if (!handler_ok(v, y, label, v->in->op == 104))
        return false;
    if (s->frame < 0 || y >= (uint64_t)s->frame)
        return fail(v, "catch marker outside the stack frame");
    if (y >= 64)
        return fail(v, "catch marker in y register 64 or above");
    if (s->catches >> y & 1)
        return fail(v, "y register already holds a catch marker");
    /* An exception goes to the marker nearest the stack top, the lowest y
     * register: an inner catch must sit below every active one. */
    if (s->catches & ((UINT64_C(2) << y) - 1))
        return fail(v, "nested catch marker must use a lower y register than the active ones");
    VState h = *s;
    h.catches |= UINT64_C(1) << y;
    h.heap = 0;
    if (!merge(v, label, &h))
        return false;
    s->catches = h.catches;
    return true;
}

static bool clear_catch(Verifier *v, VState *s, uint64_t y)
{
    if (y >= 64 || !(s->catches >> y & 1))
        return fail(v, "no catch marker in this y register");
    s->catches &= ~(UINT64_C(1) << y);
    return true;
}

/* Edges to every label of a select list (pairs of value, label). */
static bool select_edges(Verifier *v, const VState *s)
{
    if (!merge(v, arg(v, 1)->u, s))
        return false;
    const BcOperand *list = arg(v, 2);
    for (uint64_t j = 2; j <= list->u; j += 2) {
        if (list[j].u == 0)
            return fail(v, "select list jumps to label 0");
        if (!merge(v, list[j].u, s))
            return false;
    }
    return true;
}

/* Applies one instruction to the state. Returns false on a verify error. */
static bool step(Verifier *v, VState *s)
{
    const DInstr *in = v->in;
    Loader *ld = v->ld;
    /* y operands are checked before the instruction changes the frame, except
     * for the instructions that set up or clear catch markers. */
    if (in->op != 62 && in->op != 104 && in->op != 63 && in->op != 105 && in->op != 106 && !regs_ok(v, s))
        return false;
    switch (in->op) {
    case 2:
        s->valid = false;
        return true;
    case 3:
        return fail(v, "int_code_end can be reached");
    case 4:
        if (!need_frame(v, s, -1) || !call_target(v, arg(v, 1)->u, arg(v, 0)->u))
            return false;
        s->heap = 0;
        return true;
    case 5:
        if (!pop_frame(v, s, arg(v, 2)->u) || !call_target(v, arg(v, 1)->u, arg(v, 0)->u))
            return false;
        s->valid = false;
        return true;
    case 6:
        if (!no_frame(v, s) || !call_target(v, arg(v, 1)->u, arg(v, 0)->u))
            return false;
        s->valid = false;
        return true;
    case 7:
        if (!need_frame(v, s, -1) || !import_arity(v, 1, arg(v, 0)->u))
            return false;
        s->heap = 0;
        return true;
    case 8:
        if (!pop_frame(v, s, arg(v, 2)->u) || !import_arity(v, 1, arg(v, 0)->u))
            return false;
        s->valid = false;
        return true;
    case 78:
        if (!no_frame(v, s) || !import_arity(v, 1, arg(v, 0)->u))
            return false;
        s->valid = false;
        return true;
    case 9:
        return bif_ok(v, 0, 0, false);
    case 10:
        return bif_ok(v, 1, 1, false) && merge(v, arg(v, 0)->u, s);
    case 11:
        return bif_ok(v, 1, 2, false) && merge(v, arg(v, 0)->u, s);
    case 12: case 14: case 13: case 15: {
        bool heap = in->op == 13 || in->op == 15;
        if (!no_frame(v, s))
            return false;
        if (arg(v, 0)->u >= BC_MAX_Y || arg(v, heap ? 2 : 1)->u > BC_MAX_X)
            return fail(v, "frame size or live count out of range");
        if (heap && arg(v, 1)->u > (UINT64_C(1) << 40))
            return fail(v, "heap size out of range");
        s->frame = (int32_t)arg(v, 0)->u;
        s->heap = heap ? (int64_t)arg(v, 1)->u : 0;
        return true;
    }
    case 16:
        if (arg(v, 0)->u > (UINT64_C(1) << 40) || arg(v, 1)->u > BC_MAX_X)
            return fail(v, "heap size or live count out of range");
        s->heap = (int64_t)arg(v, 0)->u;
        return true;
    case 17: case 172: case 64: case 65: case 66: case 67: case 162: case 163: case 169: case 153:
        if (in->op == 153 && arg(v, 0)->u >= (ld->nline_entries ? ld->nline_entries : 1))
            return fail(v, "line entry out of range");
        return true;
    case 18:
        if (!pop_frame(v, s, arg(v, 0)->u))
            return false;
        s->frame = -1;
        return true;
    case 19:
        if (!no_frame(v, s))
            return false;
        s->valid = false;
        return true;
    case 20: /* send: like a call, it may collect */
        s->heap = 0;
        return true;
    case 21: case 22: /* remove_message, timeout */
        return true;
    case 23: case 25: case 26: {
        if (arg(v, 0)->u == 0)
            return fail(v, "receive instruction without a label");
        /* loop_rec may collect (it copies the message to the heap); wait
         * and wait_timeout resume at their label after other processes
         * ran. */
        VState w = *s;
        w.heap = 0;
        s->heap = 0;
        if (!merge(v, arg(v, 0)->u, &w))
            return false;
        if (in->op == 25)
            s->valid = false;
        return true;
    }
    case 24:
        if (arg(v, 0)->u == 0)
            return fail(v, "receive instruction without a label");
        if (!merge(v, arg(v, 0)->u, s))
            return false;
        s->valid = false;
        return true;
    case 39: case 40: case 41: case 42: case 43: case 44: case 45: case 46: case 47: case 48: case 49:
    case 50: case 51: case 52: case 53: case 55: case 56: case 57: case 58: case 77: case 114: case 115:
    case 159:
        if (arg(v, 0)->u == 0)
            return fail(v, "test without a fail label");
        return merge(v, arg(v, 0)->u, s);
    case 59: case 60:
        if (arg(v, 1)->u == 0)
            return fail(v, "select without a fail label");
        if (!select_edges(v, s))
            return false;
        s->valid = false;
        return true;
    case 61:
        if (arg(v, 0)->u == 0)
            return fail(v, "jump to label 0");
        if (!merge(v, arg(v, 0)->u, s))
            return false;
        s->valid = false;
        return true;
    case 62: case 104:
        return set_catch(v, s, arg(v, 0)->u, arg(v, 1)->u);
    case 63: case 105: case 106:
        if (!clear_catch(v, s, arg(v, 0)->u))
            return false;
        if (in->op != 105)
            s->heap = 0;
        return true;
    case 69:
        return use_heap(v, s, 2);
    case 72: case 73: case 74: case 107: case 108: case 161:
        s->valid = false;
        return true;
    case 75: case 112: case 178: {
        uint64_t n = arg(v, in->op == 178 ? 1 : 0)->u;
        if (!need_frame(v, s, -1))
            return false;
        if (n + 2 > BC_MAX_X)
            return fail(v, "too many arguments");
        s->heap = 0;
        return true;
    }
    case 113:
        if (arg(v, 0)->u + 2 > BC_MAX_X)
            return fail(v, "too many arguments");
        if (!pop_frame(v, s, arg(v, 1)->u))
            return false;
        s->valid = false;
        return true;
    case 124: case 125: case 152: {
        unsigned n = in->op == 124 ? 1 : in->op == 125 ? 2 : 3;
        if (!bif_ok(v, 2, n, true))
            return false;
        if (arg(v, 1)->u + n > BC_MAX_X)
            return fail(v, "live count out of range");
        s->heap = 0;
        return merge(v, arg(v, 0)->u, s);
    }
    case 136: {
        uint64_t n = arg(v, 0)->u, r = arg(v, 1)->u;
        if (s->frame < 0 || (uint64_t)s->frame != n + r)
            return fail(v, "trim does not match the stack frame");
        /* Catch table entries name the marker's y register, which trim
         * would renumber. */
        if (s->catches)
            return fail(v, "trim while a catch is active");
        s->frame = (int32_t)r;
        return true;
    }
    case 160:
        s->heap = 0;
        return true;
    case 164:
        return use_heap(v, s, (int64_t)arg(v, 1)->u + 1);
    case 171: {
        const FunEntry *fe = &ld->lambdas[arg(v, 0)->u];
        if (arg(v, 2)->u != fe->nfree)
            return fail(v, "closure built with the wrong number of free variables");
        return use_heap(v, s, 2 + (int64_t)fe->nfree);
    }
    case 1:
        return true;
    default:
        return fail(v, "instruction not supported by the verifier");
    }
}

static bool verify_function(Verifier *v)
{
    LdFunc *fn = v->fn;
    Loader *ld = v->ld;
    VState entry = { -1, 0, 0, true };
    v->labels[fn->entry_label] = entry;
    int rounds = 0;
    do {
        v->round = rounds;
        v->changed = false;
        VState cur = { 0, 0, 0, false };
        for (uint32_t i = fn->info; i < fn->end; i++) {
            v->in = &ld->instrs[i];
            if (v->in->op == 1) {
                uint64_t l = ld->ops[v->in->arg[0]].u;
                if (cur.valid && !merge(v, l, &cur))
                    return false;
                cur = v->labels[l];
                continue;
            }
            if (!cur.valid)
                continue;
            if (!step(v, &cur))
                return false;
        }
        if (cur.valid) {
            v->in = &ld->instrs[fn->end - 1];
            return fail(v, "execution can run off the end of the function");
        }
    } while (v->changed && ++rounds < 1000);
    if (v->changed)
        return fail(v, "verification did not converge");
    return true;
}

void ld_verify(Loader *ld)
{
    Verifier v = { .ld = ld };
    v.labels = calloc(ld->nlabels ? ld->nlabels : 1, sizeof *v.labels);
    v.first_instr = calloc(ld->nlabels ? ld->nlabels : 1, sizeof *v.first_instr);
    if (!v.labels || !v.first_instr) {
        free(v.labels);
        free(v.first_instr);
        ld_error(ld, "out of memory");
        return;
    }
    for (uint32_t f = 0; f < ld->nfuncs && !ld->failed; f++) {
        v.fn = &ld->funcs[f];
        v.findex = f;
        /* Only this function's labels can hold state (jumps leave no
         * function), so only they are reset: linear in the module. */
        for (uint32_t i = v.fn->first; i < v.fn->end; i++)
            if (ld->instrs[i].op == 1)
                v.labels[ld->ops[ld->instrs[i].arg[0]].u] = (VState){ 0, 0, 0, false };
        verify_function(&v);
    }
    free(v.labels);
    free(v.first_instr);
}
