/* export.h - the global export table: module:function/arity to code.
 *
 * An entry exists as soon as anything refers to it (an import, a fun
 * M:F/A); its code is NULL until the module is loaded, and stays NULL if the
 * function does not exist, so calling it raises undef. BIFs are entries
 * whose bif field is set. Entries are never freed or moved. */
#ifndef BL_EXPORT_H
#define BL_EXPORT_H

#include <stdatomic.h>

#include "code.h"
#include "term.h"

typedef struct Process Process;

/* A BIF: args are the last `arity` of the x registers x[0..live), so a BIF
 * that collects garbage (proc_reserve(p, n, live)) finds its arguments
 * updated in place. Returns THE_NON_VALUE with p->exc_* set on failure. */
typedef Term (*BifFn)(Process *p, Term *args, unsigned live);

enum {
    BIF_GC = 1,    /* may allocate, so may collect: only in gc_bif/call_ext */
    BIF_GUARD = 2, /* allowed in guards */
    BIF_TRAP = 4,  /* may go on in Erlang code (bif_trap): only through call_ext */
};

typedef struct Export {
    Term module, name;
    unsigned arity;
    _Atomic(const Instr *) code; /* entry point, or NULL */
    BifFn bif;
    unsigned bif_flags;
} Export;

void export_init(void);
/* Finds or creates the entry. Thread safe. NULL only on out of memory. */
Export *export_get(Term module, Term name, unsigned arity);
/* Finds the entry; NULL if none was ever created. */
Export *export_find(Term module, Term name, unsigned arity);

static inline const Instr *export_code(Export *e)
{
    return atomic_load_explicit(&e->code, memory_order_acquire);
}

#endif
