/* runq.h - a scheduler's run queues: one FIFO per priority under one lock.
 *
 * Processes are linked through their rq_next field, so queueing allocates
 * nothing. Picking is by priority (max, then high, then normal and low),
 * except that low runs once per 8 picks of normal when both wait, so it is
 * never starved. Another scheduler may steal half of the queued processes. */
#ifndef BL_RUNQ_H
#define BL_RUNQ_H

#include <stdatomic.h>
#include <stddef.h>

#include "process.h"
#include "spinlock.h"

typedef struct {
    Process *head, *tail;
} ProcQueue;

typedef struct {
    SpinLock lock;
    ProcQueue q[PRIO_COUNT];
    _Atomic size_t len;
    unsigned low_turn; /* picks of normal since low last ran */
} RunQueue;

void rq_init(RunQueue *rq);

/* Appends p to the queue of its priority; returns the queue's new length. */
size_t rq_push(RunQueue *rq, Process *p);

/* The next process to run, or NULL. */
Process *rq_pop(RunQueue *rq);

/* Takes half (rounded up) of rq's processes, highest priority first, as a
 * list linked through rq_next; *n is set to how many. NULL if none. */
Process *rq_steal_half(RunQueue *rq, size_t *n);

/* Processes queued (a hint when read without the lock). */
static inline size_t rq_len(RunQueue *rq) { return atomic_load_explicit(&rq->len, memory_order_relaxed); }

#endif
