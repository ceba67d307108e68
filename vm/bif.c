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

void bif_init(void)
{
    for (size_t i = 0; i < sizeof bif_table / sizeof bif_table[0]; i++) {
        const BifDef *d = &bif_table[i];
        Export *e = export_get(d->module, atom_intern(d->name, strlen(d->name)), d->arity);
        e->bif = d->fn;
        e->bif_flags = d->flags;
    }
}

Term bif_heap_exhausted(Process *p)
{
    /* Past max_heap_size the process is killed, not sent an exception it
     * could catch (the interpreter sees the flag). */
    if (p->max_heap_size)
        p->flags |= PF_HEAP_KILL;
    return bif_error(p, ATOM_system_limit);
}
