/* ptab.c - the process table (see ptab.h). */
#include "ptab.h"

#include <pthread.h>
#include <stdlib.h>

#include "spinlock.h"

#define STRIPES 1024

static Process **slots;     /* index -> process, NULL if free */
static uint64_t *gens;      /* index -> generation of its next pid */
static size_t cap, mask;
static SpinLock stripes[STRIPES];

/* Free indices: a stack of released ones, then the never used ones. */
static pthread_mutex_t free_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t *free_stack;
static size_t free_top, fresh = 1; /* index 0 is never used: no pid is <0.0.0> */
static _Atomic size_t count;

bool ptab_init(size_t max_procs)
{
    cap = 1024;
    while (cap < max_procs)
        cap <<= 1;
    mask = cap - 1;
    /* calloc of this size maps zero pages: only the slots used cost memory. */
    slots = calloc(cap, sizeof *slots);
    gens = calloc(cap, sizeof *gens);
    free_stack = calloc(cap, sizeof *free_stack);
    if (!slots || !gens || !free_stack)
        return false;
    for (size_t i = 0; i < STRIPES; i++)
        spin_init(&stripes[i]);
    return true;
}

static SpinLock *stripe(size_t index) { return &stripes[index & (STRIPES - 1)]; }

bool ptab_insert(Process *p)
{
    pthread_mutex_lock(&free_lock);
    size_t index;
    if (free_top)
        index = free_stack[--free_top];
    else if (fresh < cap)
        index = fresh++;
    else {
        pthread_mutex_unlock(&free_lock);
        return false;
    }
    pthread_mutex_unlock(&free_lock);
    SpinLock *l = stripe(index);
    spin_lock(l);
    p->id = make_pid(gens[index] * cap + index);
    slots[index] = p;
    spin_unlock(l);
    atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
    return true;
}

void ptab_remove(Process *p)
{
    size_t index = pid_id(p->id) & mask;
    SpinLock *l = stripe(index);
    spin_lock(l);
    if (slots[index] != p) {
        spin_unlock(l);
        return;
    }
    slots[index] = NULL;
    gens[index]++;
    spin_unlock(l);
    pthread_mutex_lock(&free_lock);
    free_stack[free_top++] = (uint32_t)index;
    pthread_mutex_unlock(&free_lock);
    atomic_fetch_sub_explicit(&count, 1, memory_order_relaxed);
}

Process *ptab_lock_pid(Term pid)
{
    if (!is_pid(pid) || !slots)
        return NULL;
    size_t index = pid_id(pid) & mask;
    SpinLock *l = stripe(index);
    spin_lock(l);
    Process *p = slots[index];
    if (p && p->id == pid)
        return p;
    spin_unlock(l);
    return NULL;
}

void ptab_unlock(Term pid) { spin_unlock(stripe(pid_id(pid) & mask)); }

bool ptab_alive(Term pid)
{
    Process *p = ptab_lock_pid(pid);
    if (!p)
        return false;
    bool alive = atomic_load(&p->state) != PS_EXITING;
    ptab_unlock(pid);
    return alive;
}

size_t ptab_count(void) { return atomic_load_explicit(&count, memory_order_relaxed); }

void ptab_each(void (*fn)(Term pid, void *arg), void *arg)
{
    for (size_t i = 0; i < cap; i++) {
        SpinLock *l = stripe(i);
        spin_lock(l);
        Term pid = slots[i] ? slots[i]->id : NIL;
        spin_unlock(l);
        if (pid != NIL)
            fn(pid, arg);
    }
}
