/* scheduler.h - schedulers: one thread each, run queues, stealing, sleeping,
 * timers.
 *
 * Each scheduler has four run queues (max, high, normal, low) under one
 * lock, a timer wheel, and its own x register file. A process made runnable
 * (spawned, woken by a message, signal or timeout, or preempted) goes to the
 * queue of the scheduler doing it, so a sender and its receiver tend to stay
 * together; a scheduler with nothing to run steals half of another's queue,
 * and sleeps on its condition variable when there is nothing to steal,
 * until a timer is due or someone wakes it. The thread that calls
 * sched_run is scheduler 0. */
#ifndef BL_SCHED_H
#define BL_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#include "process.h"

typedef struct Scheduler Scheduler;

/* Sets up n schedulers (n >= 1) giving each process `reds` reductions a
 * slice. Call once, before anything is spawned. */
bool sched_init(unsigned n, int reds);

/* Runs until the main process (PF_MAIN) ends or erlang:halt is called;
 * returns the VM's exit status. main must be set up (interp_setup_call)
 * and in the process table. */
int sched_run(Process *main);

/* Makes p (state PS_QUEUED, in no queue) runnable on the calling thread's
 * scheduler. */
void sched_enqueue(Process *p);

/* After pushing to p's inbox (or firing its timeout), with p's ptab stripe
 * locked: true if p was waiting and the caller must now sched_enqueue it
 * (after unlocking). If p is running, marks it PS_PENDING so it will not
 * go to sleep on what was just sent. */
static inline bool sched_wake(Process *p)
{
    uint32_t s = atomic_load(&p->state);
    for (;;) {
        if (s == PS_WAITING) {
            if (atomic_compare_exchange_weak(&p->state, &s, PS_QUEUED))
                return true;
        } else if (s == PS_RUNNING) {
            if (atomic_compare_exchange_weak(&p->state, &s, PS_RUNNING | PS_PENDING))
                return false;
        } else {
            return false; /* queued, already marked, or ending */
        }
    }
}

/* Ends the VM with this status as soon as every scheduler notices (at the
 * end of the running slices). */
void sched_halt(int status);
bool sched_halting(void);

/* Milliseconds of the monotonic clock. */
uint64_t sched_now_ms(void);

/* Number of schedulers. */
unsigned sched_count(void);

/* The calling thread's scheduler (NULL outside scheduler threads). */
Scheduler *sched_self(void);

/* Cancels p's receive timeout, if one is armed (p is running). */
void sched_cancel_receive_timer(Process *p);

/* erlang:send_after: delivers msg (already copied) to dest (pid or
 * registered name) at the given monotonic time; ref_id names the timer for
 * sched_cancel_timer. False if out of memory (msg is then freed). */
bool sched_send_after(uint64_t deadline_ms, Term dest, Message *msg, uint64_t ref_id);

/* Cancels a send_after timer: its remaining milliseconds, or -1 if there is
 * no such timer (fired, cancelled, or never existed). */
int64_t sched_cancel_timer(uint64_t ref_id);

/* A send_after timer's remaining milliseconds, or -1 as above. */
int64_t sched_read_timer(uint64_t ref_id);

/* A process ended: frees its receive timer (p is running, exiting). */
void sched_release_process_timer(Process *p);

#endif
