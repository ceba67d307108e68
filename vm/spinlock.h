/* spinlock.h - a lock for critical sections of a few instructions (run
 * queue links, process table slots), cheaper than a mutex when, as here,
 * it is almost never contended. A waiter spins a little, then yields its
 * CPU, so more scheduler threads than cores still make progress. */
#ifndef BL_SPINLOCK_H
#define BL_SPINLOCK_H

#include <sched.h>
#include <stdatomic.h>

typedef struct {
    _Atomic int held;
} SpinLock;

#define SPINLOCK_INIT { 0 }

static inline void spin_init(SpinLock *l) { atomic_init(&l->held, 0); }

static inline void spin_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

static inline void spin_lock(SpinLock *l)
{
    if (!atomic_exchange_explicit(&l->held, 1, memory_order_acquire))
        return;
    for (unsigned n = 0;;) {
        while (atomic_load_explicit(&l->held, memory_order_relaxed)) {
            if (++n < 64)
                spin_relax();
            else
                sched_yield();
        }
        if (!atomic_exchange_explicit(&l->held, 1, memory_order_acquire))
            return;
    }
}

static inline void spin_unlock(SpinLock *l) { atomic_store_explicit(&l->held, 0, memory_order_release); }

#endif
