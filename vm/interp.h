/* interp.h - the interpreter: runs a process's threaded code.
 *
 * Operand words the loader writes (see iops.def):
 *   a source word (S) is either a constant term (its tag is never 000) or an
 *   encoded register: x(n) = n << 4, y(n) = n << 4 | 8 (tag 000);
 *   a destination word (D) is an encoded register. */
#ifndef BL_INTERP_H
#define BL_INTERP_H

#include "code.h"
#include "process.h"

enum {
#define IOP(name, words) IOP_##name,
#include "iops.def"
#undef IOP
    IOP_COUNT
};

static inline Instr reg_x(unsigned n) { return (Instr)n << 4; }
static inline Instr reg_y(unsigned n) { return ((Instr)n << 4) | 8; }

/* The handler word for an internal instruction. */
Instr interp_op(unsigned iop);
/* The number of operand words an internal instruction takes (before any
 * variable part). */
unsigned interp_op_words(unsigned iop);

/* How a run of the interpreter ended. */
typedef enum {
    RUN_EXIT,  /* the process finished: p->exit_reason says how (normal or not) */
    RUN_YIELD, /* its reductions ran out; p->pc, p->arity hold where to resume */
    RUN_WAIT,  /* it waits in receive (no x registers live); p->pc is the
                  loop_rec to resume at; a newly armed timeout is in p->tmo */
} RunResult;

/* Sets up the handler table. Call once at startup. */
void interp_init(void);

/* Prepares p to call export e with the n arguments in args. */
bool interp_setup_call(Process *p, const Instr *entry, const Term *args, unsigned n);

/* Runs p for at most `reds` reductions. */
RunResult interp_run(Process *p, Term *xregs, int reds);

/* The reductions left of the budget when interp_run last returned on this
 * thread (0 or less when the slice was used up). */
int interp_reds_left(void);

/* The code every process's first call returns to. */
extern const Instr *interp_normal_exit;

#endif
