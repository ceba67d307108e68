/* bif.h - built-in functions: the declarations of every BIF in bifs.def and
 * the helpers BIFs use to fail. */
#ifndef BL_BIF_H
#define BL_BIF_H

#include "atom.h"
#include "export.h"
#include "process.h"

#define BIF(mod, name, arity, fn, flags) Term fn(Process *p, Term *args, unsigned live);
#include "bifs.def"
#undef BIF

/* Registers every BIF in the export table. */
void bif_init(void);

/* The export entry of the BIF implemented by fn with this arity (for the
 * first frame of a failed BIF's stack trace); NULL if fn is none. */
Export *bif_export(BifFn fn, unsigned arity);

/* Sets the pending exception and returns THE_NON_VALUE, for `return`. */
static inline Term bif_raise(Process *p, Term cls, Term reason)
{
    p->exc_class = cls;
    p->exc_reason = reason;
    p->exc_trace = NIL;
    return THE_NON_VALUE;
}
static inline Term bif_error(Process *p, Term reason) { return bif_raise(p, ATOM_error, reason); }
static inline Term bif_badarg(Process *p) { return bif_error(p, ATOM_badarg); }

/* Charges the running process for a BIF's work: about one reduction per
 * 16 units (list cells walked, words copied), so a BIF on a long list
 * costs like the loop it replaces and preemption stays fair. */
static inline void bif_charge(Process *p, size_t units)
{
    size_t r = units >> 4;
    p->reds_extra += r > 100000 ? 100000 : (uint32_t)r;
}

/* Raises error with reason system_limit-or-heap exhaustion: used when
 * proc_reserve fails. */
Term bif_heap_exhausted(Process *p);

/* The bytes of iodata t (a binary, or an iolist of bytes, binaries and
 * iolists) in a malloc'd buffer of *size bytes; NULL with *badarg set if t
 * is not iodata, or clear if out of memory. */
uint8_t *bif_iodata_bytes(Term t, size_t *size, bool *badarg);

/* A BIF flagged BIF_TRAP may finish in Erlang code instead of returning:
 * it puts that function's arguments in args[0..arity) and returns
 * bif_trap(e); the interpreter then calls e in its place, as if the call
 * had been to e. Per thread: the interpreter takes it at once. */
Term bif_trap(Export *e);
/* The pending trap target, cleared; NULL if the BIF failed instead. */
Export *bif_take_trap(void);

/* Output goes through here so tests can capture it: stdout, unbuffered per
 * call. Thread safe (one lock), so lines from processes never interleave. */
void bif_write_out(const char *s, size_t n);

#endif
