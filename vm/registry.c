/* registry.c - registered names (see registry.h). A small open hash table
 * of atom -> pid; the process's own reg_name field is written only under the
 * same lock. */
#include "registry.h"

#include <pthread.h>
#include <stdlib.h>

#include "ptab.h"

typedef struct {
    Term name, pid; /* name NIL: empty; pid NIL with a name: deleted */
} RegEntry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static RegEntry *table;
static size_t cap, used; /* used counts deleted slots too */

static size_t slot_of(Term name) { return (size_t)((name >> 3) * 0x9E3779B97F4A7C15ULL) & (cap - 1); }

static RegEntry *find(Term name)
{
    if (!cap)
        return NULL;
    for (size_t i = slot_of(name);; i = (i + 1) & (cap - 1)) {
        if (table[i].name == name)
            return &table[i];
        if (table[i].name == NIL)
            return NULL;
    }
}

static bool grow(void)
{
    size_t ncap = cap ? cap * 2 : 64;
    RegEntry *old = table, *n = malloc(ncap * sizeof *n);
    if (!n)
        return false;
    for (size_t i = 0; i < ncap; i++)
        n[i].name = n[i].pid = NIL;
    size_t ocap = cap;
    table = n;
    cap = ncap;
    used = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].name != NIL && old[i].pid != NIL) {
            size_t j = slot_of(old[i].name);
            while (table[j].name != NIL)
                j = (j + 1) & (cap - 1);
            table[j] = old[i];
            used++;
        }
    free(old);
    return true;
}

bool reg_register(Term name, Term pid)
{
    pthread_mutex_lock(&lock);
    bool ok = false;
    RegEntry *e = find(name);
    if (e && e->pid != NIL)
        goto out;
    Process *p = ptab_lock_pid(pid);
    if (!p)
        goto out;
    if (p->reg_name != NIL || atomic_load(&p->state) == PS_EXITING) {
        ptab_unlock(pid);
        goto out;
    }
    if (!e && (used + 1) * 2 > cap && !grow()) {
        ptab_unlock(pid);
        goto out;
    }
    if (!e) {
        size_t i = slot_of(name);
        while (table[i].name != NIL)
            i = (i + 1) & (cap - 1);
        e = &table[i];
        e->name = name;
        used++;
    }
    e->pid = pid;
    p->reg_name = name;
    ptab_unlock(pid);
    ok = true;
out:
    pthread_mutex_unlock(&lock);
    return ok;
}

/* With the lock held: drops the name from the table and its process. */
static bool drop(Term name)
{
    RegEntry *e = find(name);
    if (!e || e->pid == NIL)
        return false;
    Process *p = ptab_lock_pid(e->pid);
    if (p) {
        p->reg_name = NIL;
        ptab_unlock(e->pid);
    }
    e->pid = NIL;
    return true;
}

bool reg_unregister(Term name)
{
    pthread_mutex_lock(&lock);
    bool ok = drop(name);
    pthread_mutex_unlock(&lock);
    return ok;
}

Term reg_whereis(Term name)
{
    pthread_mutex_lock(&lock);
    RegEntry *e = find(name);
    Term pid = e ? e->pid : NIL;
    pthread_mutex_unlock(&lock);
    return pid;
}

void reg_drop_process(Process *p)
{
    /* p is out of the process table now, so no one can name or unname it;
     * every earlier write to reg_name happened under its stripe lock, which
     * ptab_remove took after. An unnamed process (almost all) skips the
     * lock. */
    if (p->reg_name == NIL)
        return;
    pthread_mutex_lock(&lock);
    if (p->reg_name != NIL) {
        RegEntry *e = find(p->reg_name);
        if (e && e->pid == p->id)
            e->pid = NIL;
        p->reg_name = NIL;
    }
    pthread_mutex_unlock(&lock);
}

size_t reg_names(Term *names, size_t max)
{
    pthread_mutex_lock(&lock);
    size_t n = 0;
    for (size_t i = 0; i < cap; i++)
        if (table[i].name != NIL && table[i].pid != NIL) {
            if (n < max)
                names[n] = table[i].name;
            n++;
        }
    pthread_mutex_unlock(&lock);
    return n;
}
