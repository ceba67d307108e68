/* test_runq.c - unit tests for the run queues (vm/runq.c): FIFO order per
 * priority, priority order, low priority not starved, stealing half, and
 * concurrent pushers, poppers and thieves losing or duplicating nothing. */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>

#include "runq.h"

#define REQUIRE(expr)                                                                      \
    do {                                                                                   \
        if (!(expr))                                                                       \
            ck_abort_msg("%s:%d: '%s' failed", __FILE__, __LINE__, #expr);                 \
    } while (0)

/* Bare control blocks: the queues only use prio and rq_next; id tells them
 * apart. */
static Process *procs(size_t n, int prio)
{
    Process *ps = calloc(n, sizeof *ps);
    REQUIRE(ps);
    for (size_t i = 0; i < n; i++) {
        ps[i].prio = (uint8_t)prio;
        ps[i].id = make_small((int64_t)i);
    }
    return ps;
}

START_TEST(fifo_and_priority)
{
    RunQueue rq;
    rq_init(&rq);
    ck_assert_ptr_null(rq_pop(&rq));
    Process *n = procs(3, PRIO_NORMAL), *h = procs(2, PRIO_HIGH), *m = procs(1, PRIO_MAX);
    ck_assert_uint_eq(rq_push(&rq, &n[0]), 1);
    rq_push(&rq, &n[1]);
    rq_push(&rq, &h[0]);
    rq_push(&rq, &n[2]);
    rq_push(&rq, &m[0]);
    ck_assert_uint_eq(rq_push(&rq, &h[1]), 6);
    Process *want[] = { &m[0], &h[0], &h[1], &n[0], &n[1], &n[2] };
    for (size_t i = 0; i < 6; i++)
        ck_assert_ptr_eq(rq_pop(&rq), want[i]);
    ck_assert_ptr_null(rq_pop(&rq));
    ck_assert_uint_eq(rq_len(&rq), 0);
    free(n), free(h), free(m);
}
END_TEST

/* With normal work always waiting, a low process still runs once per 8
 * picks. */
START_TEST(low_not_starved)
{
    RunQueue rq;
    rq_init(&rq);
    Process *n = procs(2, PRIO_NORMAL), *l = procs(1, PRIO_LOW);
    rq_push(&rq, &n[0]);
    rq_push(&rq, &n[1]);
    rq_push(&rq, &l[0]);
    int low_runs = 0;
    for (int i = 0; i < 80; i++) {
        Process *p = rq_pop(&rq);
        ck_assert_ptr_nonnull(p);
        if (p == &l[0])
            low_runs++;
        rq_push(&rq, p); /* it yields and goes back */
    }
    ck_assert_int_ge(low_runs, 9);
    ck_assert_int_le(low_runs, 11);
    /* Alone, low runs every time. */
    RunQueue r2;
    rq_init(&r2);
    rq_push(&r2, &l[0]);
    ck_assert_ptr_eq(rq_pop(&r2), &l[0]);
    free(n), free(l);
}
END_TEST

START_TEST(steal_half)
{
    RunQueue rq;
    rq_init(&rq);
    size_t n;
    ck_assert_ptr_null(rq_steal_half(&rq, &n));
    ck_assert_uint_eq(n, 0);
    Process *ps = procs(7, PRIO_NORMAL), *h = procs(1, PRIO_HIGH);
    for (int i = 0; i < 7; i++)
        rq_push(&rq, &ps[i]);
    rq_push(&rq, &h[0]);
    Process *got = rq_steal_half(&rq, &n);
    ck_assert_uint_eq(n, 4);
    /* Highest priority first, then the oldest normal ones, in order. */
    Process *want[] = { &h[0], &ps[0], &ps[1], &ps[2] };
    size_t i = 0;
    for (Process *p = got; p; p = p->rq_next)
        ck_assert_ptr_eq(p, want[i++]);
    ck_assert_uint_eq(i, 4);
    ck_assert_uint_eq(rq_len(&rq), 4);
    for (int k = 3; k < 7; k++)
        ck_assert_ptr_eq(rq_pop(&rq), &ps[k]);
    free(ps), free(h);
}
END_TEST

#define NPROCS 20000
#define ROUNDS 200000

typedef struct {
    RunQueue *qs;
    int me, nq;
    _Atomic long *runs;
    _Atomic long *done;
} Worker;

/* A scheduler's life in miniature: pop from its own queue or steal, "run"
 * the process (count it), push it back, until enough runs happened. Each
 * process must be held by at most one worker at a time: its run count goes
 * odd while held. */
static _Atomic long held[NPROCS];

static void *worker(void *arg)
{
    Worker *w = arg;
    RunQueue *own = &w->qs[w->me];
    while (atomic_load(w->done) < ROUNDS) {
        Process *p = rq_pop(own);
        if (!p) {
            size_t n;
            Process *got = rq_steal_half(&w->qs[(w->me + 1) % w->nq], &n);
            if (!got)
                continue;
            for (Process *q = got->rq_next; q;) {
                Process *next = q->rq_next;
                rq_push(own, q);
                q = next;
            }
            p = got;
        }
        long idx = small_val(p->id);
        long h = atomic_fetch_add(&held[idx], 1);
        REQUIRE(h % 2 == 0); /* nobody else holds it */
        atomic_fetch_add(&w->runs[idx], 1);
        atomic_fetch_add(&held[idx], 1);
        atomic_fetch_add(w->done, 1);
        rq_push(own, p);
    }
    return NULL;
}

START_TEST(concurrent_no_loss)
{
    enum { NQ = 4 };
    RunQueue qs[NQ];
    for (int i = 0; i < NQ; i++)
        rq_init(&qs[i]);
    Process *ps = procs(NPROCS, PRIO_NORMAL);
    for (int i = 0; i < NPROCS; i++) {
        ps[i].prio = (uint8_t)(i % PRIO_COUNT);
        rq_push(&qs[0], &ps[i]); /* all on one: the others must steal */
    }
    static _Atomic long runs[NPROCS];
    _Atomic long done = 0;
    pthread_t t[NQ];
    Worker w[NQ];
    for (int i = 0; i < NQ; i++) {
        w[i] = (Worker){ qs, i, NQ, runs, &done };
        pthread_create(&t[i], NULL, worker, &w[i]);
    }
    for (int i = 0; i < NQ; i++)
        pthread_join(t[i], NULL);
    /* Every process is in exactly one queue at the end. */
    size_t total = 0;
    static unsigned char seen[NPROCS];
    for (int i = 0; i < NQ; i++) {
        Process *p;
        while ((p = rq_pop(&qs[i]))) {
            long idx = small_val(p->id);
            REQUIRE(!seen[idx]);
            seen[idx] = 1;
            total++;
        }
    }
    ck_assert_uint_eq(total, NPROCS);
    free(ps);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("runq");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, fifo_and_priority);
    tcase_add_test(tc, low_not_starved);
    tcase_add_test(tc, steal_half);
    tcase_add_test(tc, concurrent_no_loss);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
