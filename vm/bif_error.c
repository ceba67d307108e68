/* bif_error.c - BIFs that raise, halt the VM, or print for debugging. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bif.h"
#include "bignum.h"
#include "binary.h"
#include "print.h"
#include "strbuf.h"

Term bif_error_1(Process *p, Term *args, unsigned live) { return bif_raise(p, ATOM_error, args[0]); }

/* error(Reason, Args): the arguments only decorate the stack trace in OTP;
 * here the reason is what matters. */
Term bif_error_2(Process *p, Term *args, unsigned live) { return bif_raise(p, ATOM_error, args[0]); }

/* error(Reason, Args, Options): Options (error_info, whose maps beamlet
 * lacks) only add to the stack trace's location in OTP; OTP does not check
 * them either. */
Term bif_error_3(Process *p, Term *args, unsigned live) { return bif_raise(p, ATOM_error, args[0]); }

Term bif_throw_1(Process *p, Term *args, unsigned live) { return bif_raise(p, ATOM_throw, args[0]); }

Term bif_exit_1(Process *p, Term *args, unsigned live) { return bif_raise(p, ATOM_exit, args[0]); }

/* raise(Class, Reason, Stacktrace): raises with the given trace, which must
 * be a proper list (OTP also checks each frame's shape; a list is enough to
 * keep the process safe). A bad class or trace is badarg. */
Term bif_raise_3(Process *p, Term *args, unsigned live)
{
    Term cls = args[0], trace = args[2];
    if (cls != ATOM_error && cls != ATOM_exit && cls != ATOM_throw)
        return bif_badarg(p);
    Term t = trace;
    while (is_list(t))
        t = list_tail(t);
    if (!is_nil(t))
        return bif_badarg(p);
    bif_raise(p, cls, args[1]);
    p->exc_trace = trace;
    p->flags |= PF_KEEP_TRACE;
    return THE_NON_VALUE;
}

/* Ends the VM at once with the status, as erlang:halt does, from whichever
 * scheduler thread runs the caller. Output written so far is flushed first
 * (stdio locks each stream); _exit, not exit, so no atexit work races with
 * the other schedulers, which stop where they are. */
static void halt_now(int status)
{
    fflush(stdout);
    fflush(stderr);
    _exit(status);
}

Term bif_halt_0(Process *p, Term *args, unsigned live)
{
    halt_now(0);
    return ATOM_true;
}

Term bif_halt_1(Process *p, Term *args, unsigned live)
{
    Term s = args[0];
    if (is_small(s) && small_val(s) >= 0) {
        halt_now((int)(small_val(s) & 0xff));
    }
    if (s == atom_intern("abort", 5))
        abort();
    return bif_badarg(p);
}

/* halt(Status, Options): the options ({flush, Bool}) change nothing here,
 * where output is always flushed; they must be a proper list. */
Term bif_halt_2(Process *p, Term *args, unsigned live)
{
    Term l = args[1];
    while (is_list(l))
        l = list_tail(l);
    if (!is_nil(l))
        return bif_badarg(p);
    return bif_halt_1(p, args, live);
}

/* erlang:display prints like ~w, except that floats use C's %e form and
 * printable lists print as strings: what the emulator's own printer does. */
static void display(StrBuf *sb, Term t, int depth)
{
    if (depth > 1000) {
        sb_adds(sb, "...");
        return;
    }
    if (is_float(t)) {
        sb_printf(sb, "%e", float_val(t));
    } else if (is_list(t) && print_is_printable_list(t, false)) {
        print_p(sb, t, 0, 1 << 30, -1, false);
    } else if (is_list(t)) {
        sb_addc(sb, '[');
        for (;;) {
            display(sb, list_head(t), depth + 1);
            t = list_tail(t);
            if (!is_list(t))
                break;
            sb_addc(sb, ',');
        }
        if (!is_nil(t)) {
            sb_addc(sb, '|');
            display(sb, t, depth + 1);
        }
        sb_addc(sb, ']');
    } else if (is_tuple(t)) {
        sb_addc(sb, '{');
        for (uint64_t i = 1; i <= tuple_arity(t); i++) {
            if (i > 1)
                sb_addc(sb, ',');
            display(sb, tuple_elem(t, i), depth + 1);
        }
        sb_addc(sb, '}');
    } else {
        print_w(sb, t, -1);
    }
}

Term bif_display_1(Process *p, Term *args, unsigned live)
{
    StrBuf sb = { 0 };
    display(&sb, args[0], 0);
    sb_addc(&sb, '\n');
    bif_write_out(sb.data, sb.len);
    sb_free(&sb);
    return ATOM_true;
}
