/* exception.c - stack traces, catch values, exit reasons, crash reports. */
#include "exception.h"

#include <string.h>

#include "atom.h"
#include "bif.h"
#include "interp.h"
#include "loader.h"
#include "module.h"
#include "format.h"
#include "print.h"
#include "strbuf.h"

typedef struct {
    Term module, name;
    unsigned arity;
    bool with_args; /* the arguments (x0..) rather than the arity */
    bool args_x1;   /* the list in x1 rather than the arity (error/2) */
    uint32_t line;
    Term file;      /* atom, or NIL */
} Frame;

static bool frame_at(const Instr *pc, bool is_return_address, Frame *f)
{
    Module *m = NULL;
    const FuncInfo *fi = code_func_at(pc, &m);
    if (!fi)
        return false;
    f->module = m->name;
    f->name = fi->name;
    f->arity = fi->arity;
    f->with_args = false;
    f->args_x1 = false;
    /* A return address points after its call: its line is the call's. */
    f->line = code_line_at(m, is_return_address ? pc - 1 : pc, &f->file);
    return true;
}

static size_t frame_words(const Frame *f)
{
    size_t w = 2 + 5; /* cons + 4-tuple */
    if (f->with_args)
        w += 2 * (size_t)f->arity;
    if (f->line) {
        size_t len = 0;
        if (f->file != NIL)
            atom_text(f->file, &len);
        w += 4 + 3 + 3 + 2 * len;
    }
    return w;
}

static Term make_string(Process *p, const char *s, size_t n)
{
    Term r = NIL;
    for (size_t i = n; i-- > 0;)
        r = proc_cons(p, make_small((unsigned char)s[i]), r);
    return r;
}

static Term build_frame(Process *p, const Frame *f)
{
    Term third = make_small(f->arity);
    if (f->args_x1) {
        third = p->x[1]; /* a live register: current after proc_reserve */
    } else if (f->with_args) {
        third = NIL;
        for (unsigned i = f->arity; i-- > 0;)
            third = proc_cons(p, p->x[i], third);
    }
    Term loc = NIL;
    if (f->line) {
        size_t len = 0;
        const char *text = f->file != NIL ? atom_text(f->file, &len) : "";
        Term elems[2] = { ATOM_line, make_small(f->line) };
        loc = proc_cons(p, proc_tuple(p, 2, elems), NIL);
        elems[0] = ATOM_file;
        elems[1] = make_string(p, text, len);
        loc = proc_cons(p, proc_tuple(p, 2, elems), loc);
    }
    Term t[4] = { f->module, f->name, third, loc };
    return proc_tuple(p, 4, t);
}

/* erlang:error/1,2,3, exit/1 and throw/1 raise as their purpose: as in
 * BEAM, the trace starts at their caller, without a frame of their own. */
static bool raises_on_purpose(const Export *e)
{
    if (e->module != ATOM_erlang)
        return false;
    if (e->name == ATOM_error)
        return e->arity >= 1 && e->arity <= 3;
    return (e->name == ATOM_exit || e->name == ATOM_throw) && e->arity == 1;
}

/* The frames of the trace, innermost first. */
static unsigned collect_frames(Process *p, const Instr *pc, const Instr *cp, Export *bif, unsigned arity,
                               Frame *frames)
{
    unsigned n = 0;
    Frame f;
    bool args_x1 = false;
    if (bif && raises_on_purpose(bif)) {
        /* error(Reason, Args[, Options]): Args, when a list, stand for
         * the arity */
        args_x1 = arity >= 2 && (is_list(p->x[1]) || p->x[1] == NIL);
        bif = NULL;
    } else if (bif) {
        frames[n++] = (Frame){ bif->module, bif->name, arity, true, false, 0, NIL };
    }
    if (frame_at(pc, false, &f)) {
        if (!bif && !args_x1 && pc[0] == interp_op(IOP_func_info)) {
            f.with_args = true;
            f.arity = arity;
        }
        f.args_x1 = args_x1;
        frames[n++] = f;
    }
    const FuncInfo *cur = code_func_at(pc, NULL);
    /* The return address in cp belongs to the caller of a function without
     * a frame; if the current function has a frame, it saved cp on the
     * stack and the scan below finds it. */
    bool cp_on_stack = false;
    for (Term *s = p->stop; s < p->hend; s++)
        if (term_tag(*s) == TAG_HEADER) {
            cp_on_stack = (const Instr *)*s == cp;
            break;
        }
    /* As BEAM, a return address equal to the previous one is left out:
     * the frames of a recursion through one call site appear once. */
    const Instr *prev = pc;
    if (cp && cp != interp_normal_exit && !cp_on_stack && code_func_at(cp, NULL) != cur && n < EXC_TRACE_DEPTH &&
        frame_at(cp, true, &f)) {
        frames[n++] = f;
        prev = cp;
    }
    for (Term *s = p->stop; s < p->hend && n < EXC_TRACE_DEPTH; s++) {
        const Instr *ra = (const Instr *)*s;
        if (term_tag(*s) != TAG_HEADER || ra == interp_normal_exit || ra == prev)
            continue;
        if (frame_at(ra, true, &f)) {
            frames[n++] = f;
            prev = ra;
        }
    }
    return n;
}

Term exc_build_trace(Process *p, const Instr *pc, const Instr *cp, Export *bif, unsigned arity)
{
    Frame frames[EXC_TRACE_DEPTH + 2];
    unsigned n = collect_frames(p, pc, cp, bif, arity, frames);
    size_t need = 0;
    for (unsigned i = 0; i < n; i++)
        need += frame_words(&frames[i]);
    if (!proc_reserve(p, need, arity))
        return NIL;
    Term trace = NIL;
    for (unsigned i = n; i-- > 0;)
        trace = proc_cons(p, build_frame(p, &frames[i]), trace);
    return trace;
}

/* An integer OTP keeps in one word (60 bits; ours have 61). */
static bool otp_small(Term t)
{
    return is_small(t) && small_val(t) >= -(INT64_C(1) << 59) && small_val(t) < (INT64_C(1) << 59);
}

bool exc_bif_framed(BifFn fn, const Term *args, unsigned arity, unsigned consts)
{
    if (fn == bif_fdiv_2 || fn == bif_pos_1)
        return false;
    if (arity != 2 || (fn != bif_plus_2 && fn != bif_minus_2 && fn != bif_times_2))
        return true;
    for (unsigned i = 0; i < 2; i++)
        if ((consts >> i & 1) && is_float(args[i]))
            return false;
    if (fn == bif_times_2 || !(consts & 2) || !otp_small(args[1]))
        return true;
    /* the JIT inlines + with any small constant, - with one >= 0 */
    return fn == bif_minus_2 && small_val(args[1]) < 0;
}

Term *exc_find_catch(Process *p)
{
    for (Term *s = p->stop; s < p->hend; s++)
        if (is_catch(*s))
            return s;
    return NULL;
}

Term exc_tuple2(Process *p, Term a, Term b)
{
    Term t[2] = { a, b };
    return proc_tuple(p, 2, t);
}

Term exc_exit_reason(Process *p)
{
    if (p->exc_class == ATOM_exit)
        return p->exc_reason;
    if (!proc_reserve(p, 6, 0))
        return ATOM_system_limit;
    Term reason = p->exc_reason;
    if (p->exc_class == ATOM_throw)
        reason = exc_tuple2(p, ATOM_nocatch, reason);
    return exc_tuple2(p, reason, p->exc_trace);
}

Term exc_catch_value(Process *p, Term cls, Term reason, Term trace)
{
    if (cls == ATOM_throw)
        return reason;
    if (cls == ATOM_error)
        reason = exc_tuple2(p, reason, trace);
    return exc_tuple2(p, ATOM_EXIT, reason);
}

Term exc_badarity(Process *p, Term fun, const Term *args, unsigned n)
{
    Term list = NIL;
    for (unsigned i = n; i-- > 0;)
        list = proc_cons(p, args[i], list);
    Term inner = exc_tuple2(p, fun, list);
    return exc_tuple2(p, ATOM_badarity, inner);
}

bool exc_valid_raw_trace(Term raw)
{
    if (!is_tuple(raw) || tuple_arity(raw) != 2)
        return false;
    Term c = tuple_elem(raw, 1);
    return c == ATOM_error || c == ATOM_exit || c == ATOM_throw;
}

int64_t exc_fun_arity(Term fun)
{
    Term *fp = boxed_ptr(fun);
    if (header_sub(fp[0]) == SUB_EXPORT)
        return ((Export *)(uintptr_t)fp[1])->arity;
    return ((FunEntry *)(uintptr_t)fp[1])->arity;
}

void exc_print_report(FILE *out, Process *p, Term cls, Term reason, Term trace)
{
    StrBuf sb = { 0 };
    sb_printf(&sb, "=CRASH REPORT==== process <0.%llu.0> ended with an uncaught %s:\n",
              (unsigned long long)pid_id(p->id), atom_cstr(cls));
    sb_adds(&sb, "  reason: ");
    if (!print_p(&sb, reason, 10, 80, -1, false))
        sb_adds(&sb, "(not printed: out of memory)");
    sb_adds(&sb, "\n  stack:\n");
    for (Term t = trace; is_list(t); t = list_tail(t)) {
        Term f = list_head(t);
        if (!is_tuple(f) || tuple_arity(f) != 4)
            continue;
        sb_adds(&sb, "    ");
        /* The trace may come from the program (raise, raw_raise): print
         * whatever its frames hold. */
        print_w(&sb, tuple_elem(f, 1), 10);
        sb_addc(&sb, ':');
        print_w(&sb, tuple_elem(f, 2), 10);
        Term third = tuple_elem(f, 3);
        if (is_small(third)) {
            sb_printf(&sb, "/%lld", (long long)small_val(third));
        } else {
            sb_adds(&sb, " with arguments ");
            print_w(&sb, third, 10);
        }
        for (Term l = tuple_elem(f, 4); is_list(l); l = list_tail(l)) {
            Term kv = list_head(l);
            if (is_tuple(kv) && tuple_arity(kv) == 2 && tuple_elem(kv, 1) == ATOM_line &&
                is_small(tuple_elem(kv, 2)))
                sb_printf(&sb, ", line %lld", (long long)small_val(tuple_elem(kv, 2)));
        }
        for (Term l = tuple_elem(f, 4); is_list(l); l = list_tail(l)) {
            Term kv = list_head(l);
            if (is_tuple(kv) && tuple_arity(kv) == 2 && tuple_elem(kv, 1) == ATOM_file) {
                sb_adds(&sb, " (");
                StrBuf name = { 0 };
                if (format_chardata(&name, tuple_elem(kv, 2)))
                    sb_add(&sb, name.data, name.len);
                else
                    print_w(&sb, tuple_elem(kv, 2), 10);
                sb_free(&name);
                sb_adds(&sb, ")");
            }
        }
        sb_addc(&sb, '\n');
    }
    fwrite(sb.data, 1, sb.len, out);
    fflush(out);
    sb_free(&sb);
}
