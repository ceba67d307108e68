/* scheduler.c - schedulers (see scheduler.h). */
#include "scheduler.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bcfile.h"
#include "interp.h"
#include "ptab.h"
#include "runq.h"
#include "signal.h"
#include "timer_wheel.h"

struct Scheduler {
    unsigned id;
    pthread_t thread;

    RunQueue rq;

    /* Sleeping: under sleep_lock; `wakeup` set by whoever wakes it. */
    pthread_mutex_t sleep_lock;
    pthread_cond_t sleep_cond;
    bool wakeup;

    /* Timers, under tw_lock (only the owner adds; others only cancel).
     * ntimers mirrors the wheel's count at each unlock, so the loop can
     * skip the lock when there are none: a stale value is never a false 0,
     * since only this thread adds. */
    pthread_mutex_t tw_lock;
    _Atomic size_t ntimers;
    TimerWheel tw;

    Term *x; /* the register file */
    unsigned steal_from;
};

/* A process's receive timeout: allocated the first time it needs one, kept
 * until it ends. `owner` is the scheduler whose wheel holds it. */
enum { TIMER_RECEIVE, TIMER_SEND };

typedef struct {
    TwTimer tw;
    int kind; /* TIMER_RECEIVE */
    Process *p;
    Scheduler *owner;
} ProcTimer;

/* An erlang:send_after timer. Whoever takes it out of the ref table (the
 * firing or the cancelling) owns it and frees it. */
typedef struct SendTimer {
    TwTimer tw;
    int kind; /* TIMER_SEND */
    struct SendTimer *hnext; /* ref table chain */
    uint64_t ref_id;
    uint64_t deadline;
    Term dest;
    Message *msg;
    Scheduler *owner;
} SendTimer;

static Scheduler *scheds;
static unsigned nscheds;
static int slice_reds = 4000;
static _Atomic bool halting;
static _Atomic int exit_status;
static _Atomic unsigned nsleeping;
static __thread Scheduler *self;

#define REF_BUCKETS 4096
static pthread_mutex_t ref_lock = PTHREAD_MUTEX_INITIALIZER;
static SendTimer *ref_table[REF_BUCKETS];

static void wheel_lock(Scheduler *s) { pthread_mutex_lock(&s->tw_lock); }

static void wheel_unlock(Scheduler *s)
{
    atomic_store_explicit(&s->ntimers, tw_count(&s->tw), memory_order_relaxed);
    pthread_mutex_unlock(&s->tw_lock);
}

uint64_t sched_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

unsigned sched_count(void) { return nscheds; }
Scheduler *sched_self(void) { return self; }
bool sched_halting(void) { return atomic_load_explicit(&halting, memory_order_relaxed); }

bool sched_init(unsigned n, int reds)
{
    if (n < 1)
        n = 1;
    scheds = calloc(n, sizeof *scheds);
    if (!scheds)
        return false;
    nscheds = n;
    slice_reds = reds;
    uint64_t now = sched_now_ms();
    for (unsigned i = 0; i < n; i++) {
        Scheduler *s = &scheds[i];
        s->id = i;
        rq_init(&s->rq);
        pthread_mutex_init(&s->sleep_lock, NULL);
        pthread_mutex_init(&s->tw_lock, NULL);
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&s->sleep_cond, &ca);
        pthread_condattr_destroy(&ca);
        tw_init(&s->tw, now);
        s->steal_from = (i + 1) % n;
        s->x = malloc((BC_MAX_X + 8) * sizeof(Term));
        if (!s->x)
            return false;
        for (unsigned j = 0; j < BC_MAX_X + 8; j++)
            s->x[j] = NIL; /* every register always holds a term (see interp.c) */
    }
    return true;
}

/* ---- run queues */

static void wake_one_sleeper(Scheduler *except);

static void push(Scheduler *s, Process *p)
{
    size_t len = rq_push(&s->rq, p);
    /* More work here than one thread can take: let a sleeper steal some. */
    if (len > 1 && atomic_load(&nsleeping) > 0)
        wake_one_sleeper(s);
}

/* Takes half of another scheduler's queue into s's; returns one to run now. */
static Process *steal(Scheduler *s)
{
    for (unsigned k = 0; k < nscheds; k++) {
        Scheduler *v = &scheds[(s->steal_from + k) % nscheds];
        if (v == s)
            continue;
        size_t n;
        Process *got = rq_steal_half(&v->rq, &n);
        if (!got)
            continue;
        s->steal_from = (unsigned)(v - scheds);
        for (Process *p = got->rq_next; p;) {
            Process *next = p->rq_next;
            push(s, p);
            p = next;
        }
        got->rq_next = NULL;
        return got;
    }
    return NULL;
}

void sched_enqueue(Process *p) { push(self ? self : &scheds[0], p); }

/* ---- sleeping */

static void wake(Scheduler *s)
{
    pthread_mutex_lock(&s->sleep_lock);
    s->wakeup = true;
    pthread_cond_signal(&s->sleep_cond);
    pthread_mutex_unlock(&s->sleep_lock);
}

static void wake_one_sleeper(Scheduler *except)
{
    for (unsigned i = 0; i < nscheds; i++) {
        Scheduler *s = &scheds[i];
        if (s != except && rq_len(&s->rq) == 0) {
            wake(s);
            return;
        }
    }
}

static uint64_t next_deadline(Scheduler *s)
{
    wheel_lock(s);
    uint64_t d = tw_next_deadline(&s->tw);
    wheel_unlock(s);
    return d;
}

/* Sleeps until woken or the next timer is due. Announcing the sleep before
 * the last look for work means a pusher either sees the sleeper and wakes
 * it, or pushed before that look and the work is found. */
static void sleep_until_work(Scheduler *s)
{
    atomic_fetch_add(&nsleeping, 1);
    Process *p = steal(s);
    if (p) {
        atomic_fetch_sub(&nsleeping, 1);
        push(s, p);
        return;
    }
    uint64_t deadline = next_deadline(s);
    pthread_mutex_lock(&s->sleep_lock);
    while (!s->wakeup && !sched_halting()) {
        if (deadline == UINT64_MAX) {
            pthread_cond_wait(&s->sleep_cond, &s->sleep_lock);
        } else {
            if (sched_now_ms() >= deadline)
                break;
            struct timespec ts = { (time_t)(deadline / 1000), (long)(deadline % 1000) * 1000000 };
            if (pthread_cond_timedwait(&s->sleep_cond, &s->sleep_lock, &ts) != 0)
                break;
        }
    }
    s->wakeup = false;
    pthread_mutex_unlock(&s->sleep_lock);
    atomic_fetch_sub(&nsleeping, 1);
}

/* ---- timers */

static void fire_receive_timeout(ProcTimer *t)
{
    Process *p = t->p;
    /* The wheel lock is held: p cannot end (sched_release_process_timer
     * takes it first), so p is valid here. */
    uint64_t tmo = atomic_load(&p->tmo);
    if ((tmo & 3) != TMO_ARMED)
        return;
    if (!atomic_compare_exchange_strong(&p->tmo, &tmo, (tmo & ~(uint64_t)3) | TMO_FIRED))
        return;
    if (sched_wake(p))
        push(self, p);
}

static SendTimer *ref_take(uint64_t ref_id)
{
    pthread_mutex_lock(&ref_lock);
    SendTimer **link = &ref_table[ref_id % REF_BUCKETS];
    while (*link && (*link)->ref_id != ref_id)
        link = &(*link)->hnext;
    SendTimer *t = *link;
    if (t)
        *link = t->hnext;
    pthread_mutex_unlock(&ref_lock);
    return t;
}

static void fire_send_timer(SendTimer *t)
{
    if (ref_take(t->ref_id) != t)
        return; /* cancelled: the canceller frees it */
    Message *m = t->msg;
    t->msg = NULL;
    sig_deliver(t->dest, m);
    free(t);
}

/* Both kinds start with the TwTimer and then their kind. */
static void on_fire(TwTimer *tw, void *arg)
{
    (void)arg;
    if (((ProcTimer *)tw)->kind == TIMER_RECEIVE)
        fire_receive_timeout((ProcTimer *)tw);
    else
        fire_send_timer((SendTimer *)tw);
}

static void advance_timers(Scheduler *s)
{
    if (atomic_load_explicit(&s->ntimers, memory_order_relaxed) == 0)
        return;
    wheel_lock(s);
    tw_advance(&s->tw, sched_now_ms(), on_fire, s);
    wheel_unlock(s);
}

/* Arms p's receive timeout on s's wheel. */
static void arm_receive_timer(Scheduler *s, Process *p)
{
    ProcTimer *t = p->tmo_timer;
    if (!t) {
        t = calloc(1, sizeof *t);
        if (!t) {
            /* No memory for a timer: time out at once rather than hang. */
            uint64_t tmo = atomic_load(&p->tmo);
            atomic_store(&p->tmo, (tmo & ~(uint64_t)3) | TMO_FIRED);
            return;
        }
        t->kind = TIMER_RECEIVE;
        t->p = p;
        p->tmo_timer = t;
    }
    sched_cancel_receive_timer(p);
    t->owner = s;
    wheel_lock(s);
    tw_add(&s->tw, &t->tw, sched_now_ms() + p->tmo_ms);
    wheel_unlock(s);
}

void sched_cancel_receive_timer(Process *p)
{
    ProcTimer *t = p->tmo_timer;
    if (!t || !t->owner)
        return;
    wheel_lock(t->owner);
    tw_cancel(&t->owner->tw, &t->tw);
    wheel_unlock(t->owner);
    t->owner = NULL;
}

void sched_release_process_timer(Process *p)
{
    sched_cancel_receive_timer(p);
    free(p->tmo_timer);
    p->tmo_timer = NULL;
}

bool sched_send_after(uint64_t deadline_ms, Term dest, Message *msg, uint64_t ref_id)
{
    Scheduler *s = self ? self : &scheds[0];
    SendTimer *t = calloc(1, sizeof *t);
    if (!t) {
        mbox_msg_free(msg);
        return false;
    }
    t->kind = TIMER_SEND;
    t->ref_id = ref_id;
    t->deadline = deadline_ms;
    t->dest = dest;
    t->msg = msg;
    t->owner = s;
    pthread_mutex_lock(&ref_lock);
    t->hnext = ref_table[ref_id % REF_BUCKETS];
    ref_table[ref_id % REF_BUCKETS] = t;
    pthread_mutex_unlock(&ref_lock);
    wheel_lock(s);
    tw_add(&s->tw, &t->tw, deadline_ms);
    wheel_unlock(s);
    return true;
}

int64_t sched_read_timer(uint64_t ref_id)
{
    int64_t left = -1;
    pthread_mutex_lock(&ref_lock);
    SendTimer *t = ref_table[ref_id % REF_BUCKETS];
    while (t && t->ref_id != ref_id)
        t = t->hnext;
    if (t) {
        uint64_t now = sched_now_ms();
        left = t->deadline > now ? (int64_t)(t->deadline - now) : 0;
    }
    pthread_mutex_unlock(&ref_lock);
    return left;
}

int64_t sched_cancel_timer(uint64_t ref_id)
{
    SendTimer *t = ref_take(ref_id);
    if (!t)
        return -1;
    wheel_lock(t->owner);
    tw_cancel(&t->owner->tw, &t->tw);
    wheel_unlock(t->owner);
    uint64_t now = sched_now_ms();
    int64_t left = t->deadline > now ? (int64_t)(t->deadline - now) : 0;
    mbox_msg_free(t->msg);
    free(t);
    return left;
}

/* ---- running */

/* Publishes that p waits, unless something came while it ran (then it runs
 * again). After a successful publish p is not touched: a waker may already
 * have queued it elsewhere. */
static void park(Scheduler *s, Process *p)
{
    uint32_t expect = PS_RUNNING;
    if (atomic_compare_exchange_strong(&p->state, &expect, PS_WAITING))
        return;
    atomic_store_explicit(&p->state, PS_QUEUED, memory_order_relaxed);
    push(s, p);
}

static void run_process(Scheduler *s, Process *p)
{
    atomic_store_explicit(&p->state, PS_RUNNING, memory_order_relaxed);
    RunResult r;
    if (p->flags & PF_EXIT_PENDING) {
        r = RUN_EXIT; /* a signal drained in a BIF ended it */
    } else if (!mbox_inbox_empty(&p->mbox) && !sig_drain_switch_in(p)) {
        r = RUN_EXIT;
    } else {
        p->flags &= (uint8_t)~PF_WAITED;
        r = interp_run(p, s->x, slice_reds);
        int left = interp_reds_left();
        p->reductions += (uint64_t)(slice_reds - (left > 0 ? left : 0));
    }
    if (r == RUN_WAIT)
        p->flags |= PF_WAITED; /* for process_info's status */
    switch (r) {
    case RUN_YIELD:
        atomic_store_explicit(&p->state, PS_QUEUED, memory_order_relaxed);
        push(s, p);
        break;
    case RUN_WAIT: {
        uint64_t tmo = atomic_load(&p->tmo);
        if ((tmo & 3) == TMO_ARMED && p->tmo_ms != UINT64_MAX) {
            arm_receive_timer(s, p);
            p->tmo_ms = UINT64_MAX; /* armed: later waits keep the same timer */
        }
        if ((tmo & 3) == TMO_FIRED) {
            /* Timed out meanwhile (before the wait): run on to `timeout`. */
            atomic_store_explicit(&p->state, PS_QUEUED, memory_order_relaxed);
            push(s, p);
            break;
        }
        park(s, p);
        break;
    }
    case RUN_EXIT:
        sig_process_exit(p);
        break;
    }
}

static void *loop(void *arg)
{
    Scheduler *s = arg;
    self = s;
    while (!sched_halting()) {
        advance_timers(s);
        Process *p = rq_pop(&s->rq);
        if (!p)
            p = steal(s);
        if (!p) {
            sleep_until_work(s);
            continue;
        }
        run_process(s, p);
    }
    return NULL;
}

void sched_halt(int status)
{
    bool was = atomic_exchange(&halting, true);
    if (!was)
        atomic_store(&exit_status, status);
    for (unsigned i = 0; i < nscheds; i++)
        wake(&scheds[i]);
}

int sched_run(Process *main)
{
    atomic_store(&main->state, PS_QUEUED);
    push(&scheds[0], main);
    for (unsigned i = 1; i < nscheds; i++)
        if (pthread_create(&scheds[i].thread, NULL, loop, &scheds[i]) != 0) {
            fprintf(stderr, "beamlet: cannot start scheduler thread %u\n", i);
            nscheds = i;
            break;
        }
    loop(&scheds[0]);
    for (unsigned i = 1; i < nscheds; i++)
        pthread_join(scheds[i].thread, NULL);
    return atomic_load(&exit_status);
}
