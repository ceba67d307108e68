/* bif.c - registering the BIFs of bifs.def and the helpers they share. */
#include "bif.h"

#include <pthread.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    Term module;
    const char *name;
    unsigned arity;
    BifFn fn;
    unsigned flags;
} BifDef;

static const BifDef bif_table[] = {
#define BIF(mod, name, arity, fn, flags) { ((Term)ATOM_IDX_##mod << 3) | TAG_ATOM, name, arity, fn, flags },
#include "bifs.def"
#undef BIF
};

#define NBIFS (sizeof bif_table / sizeof bif_table[0])

/* The export entry of each bif_table row, filled once by bif_init. */
static Export *bif_exports[NBIFS];

void bif_init(void)
{
    for (size_t i = 0; i < NBIFS; i++) {
        const BifDef *d = &bif_table[i];
        Export *e = export_get(d->module, atom_intern(d->name, strlen(d->name)), d->arity);
        e->bif = d->fn;
        e->bif_flags = d->flags;
        bif_exports[i] = e;
    }
}

/* Only failing BIF instructions ask, so a scan is fast enough; a function
 * registered under two names (send and !) gives its first row. */
Export *bif_export(BifFn fn, unsigned arity)
{
    if (!fn)
        return NULL;
    for (size_t i = 0; i < NBIFS; i++)
        if (bif_table[i].fn == fn && bif_table[i].arity == arity)
            return bif_exports[i];
    return NULL;
}

static __thread Export *trap_target;

Term bif_trap(Export *e)
{
    trap_target = e;
    return THE_NON_VALUE;
}

Export *bif_take_trap(void)
{
    Export *e = trap_target;
    trap_target = NULL;
    return e;
}

Term bif_heap_exhausted(Process *p)
{
    /* Past max_heap_size the process is killed, not sent an exception it
     * could catch (the interpreter sees the flag). */
    if (p->max_heap_size)
        p->flags |= PF_HEAP_KILL;
    return bif_error(p, ATOM_system_limit);
}
