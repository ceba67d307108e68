/* exception.h - building what exceptions carry (stack traces, the values of
 * catch and the reasons processes exit with), finding handlers, and the
 * crash report of an uncaught exception. */
#ifndef BL_EXCEPTION_H
#define BL_EXCEPTION_H

#include <stdio.h>

#include "code.h"
#include "export.h"
#include "process.h"

/* How many frames a stack trace keeps (as BEAM's default). */
#define EXC_TRACE_DEPTH 8

/* Builds the stack trace of the exception being raised at pc: a list of
 * {Module, Function, ArityOrArgs, Location}. If bif is set, the first frame
 * is that function called with the arguments x0..x(arity-1) (failed BIF,
 * undef); if pc is a func_info instruction, the first frame is that
 * function with its arguments (function_clause). May collect garbage, with
 * x0..x(arity-1) live. Returns [] if the heap is exhausted. */
Term exc_build_trace(Process *p, const Instr *pc, const Instr *cp, Export *bif, unsigned arity);

/* Whether a BIF instruction (bif, gc_bif, arithmetic) that failed with
 * these arguments gets a first frame of its own in the trace, as on OTP 25:
 * it does, except where erlc and BEAM's JIT turn the operation into code of
 * their own, which fails without one: `/` and arithmetic with a float
 * constant (float instructions), unary `+`, and `+` with a small integer
 * constant as second operand (`-` with one that is not negative). consts: bit i set if operand i was a
 * constant. */
bool exc_bif_framed(BifFn fn, const Term *args, unsigned arity, unsigned consts);

/* The stack slot holding the innermost catch marker, or NULL. */
Term *exc_find_catch(Process *p);

/* The exit reason of a process ending with the pending exception. */
Term exc_exit_reason(Process *p);

/* The value of `catch Expr` for an exception; 6 words must be reserved. */
Term exc_catch_value(Process *p, Term cls, Term reason, Term trace);

/* {A, B}; 3 words must be reserved. */
Term exc_tuple2(Process *p, Term a, Term b);

/* {badarity, {Fun, [Args]}}; 6 + 2 * n words must be reserved. */
Term exc_badarity(Process *p, Term fun, const Term *args, unsigned n);

/* Is this the raw trace try_case hands over ({Class, Trace})? */
bool exc_valid_raw_trace(Term raw);

/* The arity of a fun (closure or export). */
int64_t exc_fun_arity(Term fun);

/* Prints the crash report of a process that ended with an uncaught
 * exception (class, reason, stack trace). */
void exc_print_report(FILE *out, Process *p, Term cls, Term reason, Term trace);

#endif
