/* test_timer_wheel.c - unit tests for the per-scheduler timer wheel
 * (vm/timer_wheel.c): firing order and ties, cancelling, re-arming from
 * inside a callback, far deadlines and big jumps, tw_next_deadline, and a
 * million random timers checked against a brute-force model (a binary heap
 * ordered by deadline then insertion) that predicts exactly which timers
 * each advance fires and in what order. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timer_wheel.h"

/* ck_assert reports every passing check to the parent process; hot loops
 * use this, which only speaks up on failure. */
#define REQUIRE(expr)                                                                      \
    do {                                                                                   \
        if (!(expr))                                                                       \
            ck_abort_msg("%s:%d: '%s' failed", __FILE__, __LINE__, #expr);                 \
    } while (0)

#define HOUR (UINT64_C(3600) * 1000)
#define DAY (24 * HOUR)
#define YEAR (365 * DAY)

/* A test timer: the TwTimer first, so the callback can find the rest. */
typedef struct {
    TwTimer tw;
    unsigned id;
} Tm;

/* What the callbacks saw, in order. */
typedef struct {
    unsigned *ids;
    uint64_t *deadlines; /* as the test armed them */
    size_t n, cap;
    TimerWheel *w;
    Tm *timers;
} Log;

static void log_init(Log *lg, TimerWheel *w, Tm *timers, size_t cap)
{
    lg->ids = calloc(cap, sizeof *lg->ids);
    lg->deadlines = calloc(cap, sizeof *lg->deadlines);
    ck_assert_ptr_nonnull(lg->ids);
    ck_assert_ptr_nonnull(lg->deadlines);
    lg->n = 0;
    lg->cap = cap;
    lg->w = w;
    lg->timers = timers;
}

static void log_free(Log *lg)
{
    free(lg->ids);
    free(lg->deadlines);
}

static void record(TwTimer *t, void *arg)
{
    Log *lg = arg;
    REQUIRE(!tw_pending(t));
    REQUIRE(lg->n < lg->cap);
    lg->ids[lg->n] = ((Tm *)t)->id;
    lg->deadlines[lg->n] = t->deadline;
    lg->n++;
}

static Tm *make_timers(unsigned n)
{
    Tm *t = calloc(n, sizeof *t);
    ck_assert_ptr_nonnull(t);
    for (unsigned i = 0; i < n; i++)
        t[i].id = i;
    return t;
}

static void expect_fired(const Log *lg, size_t from, const unsigned *ids, size_t n)
{
    ck_assert_uint_eq(lg->n - from, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_uint_eq(lg->ids[from + i], ids[i]);
}

/* Declares a test's wheel w (its clock at now), n timers t[0..n) and a log
 * lg with room for cap firings; WHEEL_END frees them. */
#define WHEEL(now, n, cap)                                                                 \
    TimerWheel w;                                                                          \
    tw_init(&w, (now));                                                                    \
    Tm *t = make_timers(n);                                                                \
    Log lg;                                                                                \
    log_init(&lg, &w, t, (cap))
#define WHEEL_END() (log_free(&lg), free(t))

START_TEST(test_order_and_ties)
{
    WHEEL(0, 8, 64);
    ck_assert_uint_eq(tw_next_deadline(&w), UINT64_MAX);
    tw_add(&w, &t[0].tw, 50);
    tw_add(&w, &t[1].tw, 10);
    tw_add(&w, &t[2].tw, 30);
    tw_add(&w, &t[3].tw, 10);
    tw_add(&w, &t[4].tw, 5000);
    tw_add(&w, &t[5].tw, 0); /* <= now: due at the next advance */
    tw_add(&w, &t[6].tw, 10);
    ck_assert_uint_eq(tw_count(&w), 7);
    ck_assert(tw_pending(&t[4].tw));
    ck_assert(!tw_pending(&t[7].tw)); /* zero-filled: not pending */
    ck_assert_uint_eq(tw_next_deadline(&w), 0);

    tw_advance(&w, 9, record, &lg);
    expect_fired(&lg, 0, (unsigned[]){5}, 1);
    ck_assert_uint_eq(tw_next_deadline(&w), 10);
    tw_advance(&w, 10, record, &lg);
    expect_fired(&lg, 1, (unsigned[]){1, 3, 6}, 3);
    tw_advance(&w, 4999, record, &lg);
    expect_fired(&lg, 4, (unsigned[]){2, 0}, 2);
    ck_assert_uint_eq(tw_count(&w), 1);
    ck_assert_uint_le(tw_next_deadline(&w), 5000);
    tw_advance(&w, 5000, record, &lg);
    expect_fired(&lg, 6, (unsigned[]){4}, 1);
    ck_assert_uint_eq(tw_count(&w), 0);
    ck_assert_uint_eq(tw_next_deadline(&w), UINT64_MAX);
    WHEEL_END();
}
END_TEST

/* Timers of one deadline added while time moves closer to it (so they are
 * first placed at different levels) still fire in the order added. */
START_TEST(test_ties_across_levels)
{
    uint64_t start = 987654321;
    WHEEL(start, 8, 64);
    uint64_t d = start + 3 * DAY + 17;
    uint64_t steps[] = {0, DAY, 2 * DAY, 3 * DAY - 4096, 3 * DAY - 100, 3 * DAY, 3 * DAY + 16};
    for (unsigned i = 0; i < 7; i++) {
        tw_advance(&w, start + steps[i], record, &lg);
        tw_add(&w, &t[i].tw, d);
    }
    ck_assert_uint_eq(lg.n, 0);
    ck_assert_uint_eq(tw_next_deadline(&w), d);
    tw_advance(&w, d + 1000, record, &lg);
    expect_fired(&lg, 0, (unsigned[]){0, 1, 2, 3, 4, 5, 6}, 7);
    WHEEL_END();
}
END_TEST

/* A callback at the start of a block arms a timer for the same deadline as
 * one already waiting in a level slot that is due to move down at that
 * very time: the older one still fires first. */
static void arm_t1_at_133(TwTimer *tw, void *arg)
{
    Log *lg = arg;
    record(tw, arg);
    if (((Tm *)tw)->id == 2)
        tw_add(lg->w, &lg->timers[1].tw, 133);
}

START_TEST(test_tie_with_callback_arming)
{
    WHEEL(0, 4, 64);
    tw_add(&w, &t[0].tw, 133); /* level 1, its slot moves down at 64 */
    tw_add(&w, &t[2].tw, 64);  /* ring, fires at 64 and arms t1 at 133 */
    tw_advance(&w, 200, arm_t1_at_133, &lg);
    expect_fired(&lg, 0, (unsigned[]){2, 0, 1}, 3);
    WHEEL_END();
}
END_TEST

/* Timers already due when added fire first, by deadline, ties in order. */
START_TEST(test_expired_order)
{
    WHEEL(1000, 8, 64);
    uint64_t d[] = {900, 500, 900, 700, 500, 1000};
    for (unsigned i = 0; i < 6; i++)
        tw_add(&w, &t[i].tw, d[i]);
    tw_add(&w, &t[6].tw, 1001);
    ck_assert_uint_eq(tw_next_deadline(&w), 500);
    tw_cancel(&w, &t[3].tw);
    tw_advance(&w, 1001, record, &lg);
    expect_fired(&lg, 0, (unsigned[]){1, 4, 0, 2, 5, 6}, 6);
    WHEEL_END();
}
END_TEST

START_TEST(test_cancel)
{
    WHEEL(100, 8, 64);
    tw_cancel(&w, &t[0].tw); /* never added: no-op */
    ck_assert_uint_eq(tw_count(&w), 0);
    tw_add(&w, &t[0].tw, 150);
    tw_add(&w, &t[1].tw, 150);
    tw_add(&w, &t[2].tw, 100 + 10 * DAY);
    tw_add(&w, &t[3].tw, 90);
    tw_add(&w, &t[4].tw, 200);
    ck_assert_uint_eq(tw_count(&w), 5);
    tw_cancel(&w, &t[0].tw);
    tw_cancel(&w, &t[2].tw);
    tw_cancel(&w, &t[3].tw);
    tw_cancel(&w, &t[3].tw); /* twice: no-op */
    ck_assert(!tw_pending(&t[0].tw));
    ck_assert(tw_pending(&t[1].tw));
    ck_assert_uint_eq(tw_count(&w), 2);
    ck_assert_uint_eq(tw_next_deadline(&w), 150);
    tw_advance(&w, 100 + 20 * DAY, record, &lg);
    expect_fired(&lg, 0, (unsigned[]){1, 4}, 2);
    tw_cancel(&w, &t[1].tw); /* already fired: no-op */
    ck_assert_uint_eq(tw_count(&w), 0);
    ck_assert_uint_eq(tw_next_deadline(&w), UINT64_MAX);
    /* Re-adding a pending timer moves it. */
    tw_add(&w, &t[5].tw, 100 + 21 * DAY);
    tw_add(&w, &t[5].tw, 100 + 20 * DAY + 5);
    ck_assert_uint_eq(tw_count(&w), 1);
    ck_assert_uint_eq(tw_next_deadline(&w), 100 + 20 * DAY + 5);
    tw_advance(&w, 100 + 20 * DAY + 5, record, &lg);
    expect_fired(&lg, 2, (unsigned[]){5}, 1);
    tw_advance(&w, 100 + 30 * DAY, record, &lg);
    ck_assert_uint_eq(lg.n, 3);
    WHEEL_END();
}
END_TEST

/* ---- callbacks that change the wheel */

typedef struct {
    TimerWheel *w;
    Tm *t;
    uint64_t fired_at[64];
    unsigned n;
} Periodic;

/* Timer 0 re-arms itself 100 ms later until 20 callbacks have run; timer 1 (when it
 * fires) cancels timer 2 and arms timer 3 at its own deadline + 1; timer 4
 * re-arms itself with no delay. */
static void periodic_fire(TwTimer *tw, void *arg)
{
    Periodic *pd = arg;
    Tm *tm = (Tm *)tw;
    REQUIRE(pd->n < 64);
    pd->fired_at[pd->n++] = tw->deadline * 10 + tm->id;
    if (tm->id == 0 && pd->n < 20)
        tw_add(pd->w, tw, tw->deadline + 100);
    if (tm->id == 1) {
        tw_cancel(pd->w, &pd->t[2].tw);
        tw_add(pd->w, &pd->t[3].tw, tw->deadline + 1);
    }
    if (tm->id == 4)
        tw_add(pd->w, tw, tw->deadline);
}

START_TEST(test_fire_changes_wheel)
{
    TimerWheel w;
    tw_init(&w, 0);
    Tm *t = make_timers(8);
    Periodic pd = {.w = &w, .t = t};
    tw_add(&w, &t[0].tw, 100);
    tw_add(&w, &t[1].tw, 250);
    tw_add(&w, &t[2].tw, 250); /* same slot, after 1: cancelled by 1 */
    tw_add(&w, &t[4].tw, 430);
    tw_advance(&w, 1000, periodic_fire, &pd);
    uint64_t want[] = {1000, 2000, 2501, 2513, 3000, 4000, 4304, 5000,
                       6000, 7000, 8000, 9000, 10000};
    ck_assert_uint_eq(pd.n, sizeof want / sizeof want[0]);
    for (unsigned i = 0; i < pd.n; i++)
        ck_assert_uint_eq(pd.fired_at[i], want[i]);
    ck_assert(!tw_pending(&t[2].tw));
    ck_assert(tw_pending(&t[4].tw)); /* re-armed at 430: waits */
    ck_assert(tw_pending(&t[0].tw));
    ck_assert_uint_eq(tw_count(&w), 2);
    /* The next advance, even to the same time, fires t4 once more (it
     * re-arms again: no livelock) and nothing else. */
    tw_advance(&w, 1000, periodic_fire, &pd);
    ck_assert_uint_eq(pd.n, 14);
    ck_assert_uint_eq(pd.fired_at[13], 4304);
    tw_cancel(&w, &t[4].tw);
    tw_advance(&w, 1000000, periodic_fire, &pd);
    ck_assert_uint_eq(pd.n, 20); /* t0 re-arms until the 20th firing */
    ck_assert_uint_eq(pd.fired_at[19], 16000);
    ck_assert_uint_eq(tw_count(&w), 0);
    free(t);
}
END_TEST

/* Far deadlines fire at their exact millisecond, whatever the jumps. */
START_TEST(test_far_timers)
{
    uint64_t starts[] = {0, 63, 64, 4095, 123456789, 1700000000000ull};
    uint64_t dist[] = {1, 63, 64, 65, 127, 128, 4096, HOUR, DAY + 1, 30 * DAY + 7,
                       3 * YEAR + 11, UINT64_C(1) << 40, (UINT64_C(1) << 62) + 3};
    unsigned nd = sizeof dist / sizeof dist[0];
    for (unsigned si = 0; si < sizeof starts / sizeof starts[0]; si++) {
        WHEEL(starts[si], nd, 64);
        for (unsigned i = 0; i < nd; i++)
            tw_add(&w, &t[i].tw, starts[si] + dist[i]);
        for (unsigned i = 0; i < nd; i++) {
            uint64_t d = starts[si] + dist[i];
            ck_assert_uint_le(tw_next_deadline(&w), d);
            tw_advance(&w, d - 1, record, &lg);
            ck_assert_uint_eq(lg.n, i);
            tw_advance(&w, d, record, &lg);
            ck_assert_uint_eq(lg.n, i + 1);
            ck_assert_uint_eq(lg.ids[i], i);
            ck_assert_uint_eq(lg.deadlines[i], d);
        }
        ck_assert_uint_eq(tw_count(&w), 0);
        WHEEL_END();
    }
}
END_TEST

/* One jump over years fires everything in order, and jumps over an empty
 * wheel or a sparse one are cheap. */
START_TEST(test_big_jumps)
{
    enum { N = 2000 };
    WHEEL(5000, N, N);
    uint64_t x = 88172645463325252ull;
    for (unsigned i = 0; i < N; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        tw_add(&w, &t[i].tw, 5000 + 1 + x % (5 * YEAR));
    }
    tw_advance(&w, 5000 + 10 * YEAR, record, &lg);
    ck_assert_uint_eq(lg.n, N);
    for (unsigned i = 1; i < N; i++)
        REQUIRE(lg.deadlines[i - 1] < lg.deadlines[i] ||
                (lg.deadlines[i - 1] == lg.deadlines[i] && lg.ids[i - 1] < lg.ids[i]));
    /* A million jumps of about a year each over a wheel holding one far
     * timer: each is a few bitmap tests. */
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    uint64_t now = 5000 + 10 * YEAR;
    tw_add(&w, &t[0].tw, UINT64_C(1) << 62);
    for (unsigned i = 0; i < 1000000; i++) {
        now += YEAR + i;
        tw_advance(&w, now, record, &lg);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    ck_assert_uint_eq(lg.n, N);
    ck_assert_uint_eq(tw_count(&w), 1);
    double ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / 1e6;
    printf("timer_wheel: advance by ~1 year, 1 far timer pending: %.1f ns\n", ns);
    WHEEL_END();
}
END_TEST

START_TEST(test_next_deadline)
{
    for (uint64_t start = 0; start < 300; start += 37) {
        TimerWheel w;
        tw_init(&w, start);
        Tm *t = make_timers(2);
        /* Exact up to 64 ms ahead, a lower bound beyond. */
        for (uint64_t d = 1; d < 20000; d += d < 200 ? 1 : 97) {
            tw_add(&w, &t[0].tw, start + d);
            uint64_t nd = tw_next_deadline(&w);
            REQUIRE(nd <= start + d);
            if (d <= 64)
                REQUIRE(nd == start + d);
            REQUIRE(nd > start); /* never claims something is due now */
        }
        tw_cancel(&w, &t[0].tw);
        ck_assert_uint_eq(tw_next_deadline(&w), UINT64_MAX);
        free(t);
    }
}
END_TEST

/* ---- random timers against a model */

typedef struct {
    uint64_t deadline, seq;
    unsigned id;
} Entry;

/* A binary min-heap of (deadline, seq); stale entries (cancelled or
 * re-armed timers) are skipped when they reach the top. */
typedef struct {
    Entry *e;
    size_t n, cap;
} Heap;

static bool entry_less(const Entry *a, const Entry *b)
{
    return a->deadline < b->deadline || (a->deadline == b->deadline && a->seq < b->seq);
}

static void heap_push(Heap *h, Entry x)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 1024;
        h->e = realloc(h->e, h->cap * sizeof *h->e);
        REQUIRE(h->e);
    }
    size_t i = h->n++;
    while (i > 0 && entry_less(&x, &h->e[(i - 1) / 2])) {
        h->e[i] = h->e[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->e[i] = x;
}

static Entry heap_pop(Heap *h)
{
    Entry top = h->e[0], x = h->e[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && entry_less(&h->e[c + 1], &h->e[c]))
            c++;
        if (!entry_less(&h->e[c], &x))
            break;
        h->e[i] = h->e[c];
        i = c;
    }
    if (h->n)
        h->e[i] = x;
    return top;
}

typedef struct {
    uint64_t seq;  /* seq of the arming in force */
    bool pending;
} ModelTimer;

typedef struct {
    TimerWheel w;
    Tm *t;
    ModelTimer *m;
    unsigned n;         /* timers armed at least once: ids [0, n) */
    Heap heap;          /* armings due in the running advance or later */
    Heap deferred;      /* armings made by callbacks that wait for the next */
    uint64_t now, seq;  /* model time; armings so far */
    uint64_t target;    /* of the running advance */
    size_t pending, fired;
    uint64_t rng;
} Sim;

static uint64_t rnd(Sim *s)
{
    s->rng ^= s->rng << 13;
    s->rng ^= s->rng >> 7;
    s->rng ^= s->rng << 17;
    return s->rng;
}

static uint64_t rnd_below(Sim *s, uint64_t n) { return n ? rnd(s) % n : 0; }

static bool entry_live(const Sim *s, const Entry *e)
{
    return s->m[e->id].pending && s->m[e->id].seq == e->seq;
}

/* A deadline around `now`: some already due, many within a block, some
 * hours, days or years ahead. */
static uint64_t random_deadline(Sim *s, uint64_t now)
{
    unsigned k = (unsigned)rnd_below(s, 100);
    if (k < 5)
        return now - rnd_below(s, 1000);
    if (k < 10)
        return now;
    if (k < 40)
        return now + 1 + rnd_below(s, 64);
    if (k < 70)
        return now + 1 + rnd_below(s, 5000);
    if (k < 90)
        return now + 1 + rnd_below(s, HOUR);
    if (k < 98)
        return now + 1 + rnd_below(s, 30 * DAY);
    return now + 1 + rnd_below(s, 10 * YEAR);
}

/* Arms timer id in wheel and model. `now` is the wheel's time; in a
 * callback, an arming due by then waits for the next advance (the deferred
 * heap). */
static void sim_arm(Sim *s, unsigned id, uint64_t now, bool in_callback)
{
    uint64_t d = random_deadline(s, now);
    if (!s->m[id].pending)
        s->pending++;
    s->m[id].pending = true;
    s->m[id].seq = ++s->seq;
    heap_push(in_callback && d <= now ? &s->deferred : &s->heap, (Entry){d, s->seq, id});
    tw_add(&s->w, &s->t[id].tw, d);
}

static void sim_cancel(Sim *s, unsigned id)
{
    if (s->m[id].pending)
        s->pending--;
    s->m[id].pending = false;
    tw_cancel(&s->w, &s->t[id].tw);
}

static uint64_t live_min(const Sim *s, Heap *h)
{
    while (h->n && !entry_live(s, &h->e[0]))
        heap_pop(h);
    return h->n ? h->e[0].deadline : UINT64_MAX;
}

/* Inside a callback too, tw_next_deadline is never later than the earliest
 * pending deadline (the timers still to fire in this advance included). */
static void check_next_in_callback(Sim *s)
{
    uint64_t a = live_min(s, &s->heap), b = live_min(s, &s->deferred);
    REQUIRE(tw_next_deadline(&s->w) <= (a < b ? a : b));
}

/* The callback: the timer fired must be the model's earliest live arming
 * (by deadline, then arming order), due by the advance's target. Then,
 * now and then, it re-arms some timer or cancels one, as a scheduler's
 * callbacks may; the wheel's time meanwhile is max(deadline, old now). */
static void sim_fire(TwTimer *t, void *arg)
{
    Sim *s = arg;
    unsigned id = ((Tm *)t)->id;
    REQUIRE(!tw_pending(t));
    while (s->heap.n && !entry_live(s, &s->heap.e[0]))
        heap_pop(&s->heap);
    REQUIRE(s->heap.n);
    Entry e = heap_pop(&s->heap);
    REQUIRE(e.id == id);
    REQUIRE(e.deadline == t->deadline);
    REQUIRE(e.deadline <= s->target);
    s->m[id].pending = false;
    s->pending--;
    s->fired++;
    uint64_t now = e.deadline > s->now ? e.deadline : s->now;
    unsigned k = (unsigned)rnd_below(s, 100);
    if (k < 4)
        sim_arm(s, id, now, true);
    else if (k < 8)
        sim_arm(s, (unsigned)rnd_below(s, s->n), now, true);
    else if (k < 11)
        sim_cancel(s, (unsigned)rnd_below(s, s->n));
    else if (k < 30)
        check_next_in_callback(s);
}

/* Advances wheel and model; afterwards nothing due may be left. */
static void sim_advance(Sim *s, uint64_t to)
{
    s->target = to;
    tw_advance(&s->w, to, sim_fire, s);
    s->now = to;
    while (s->heap.n && !entry_live(s, &s->heap.e[0]))
        heap_pop(&s->heap);
    REQUIRE(!s->heap.n || s->heap.e[0].deadline > to);
    while (s->deferred.n)
        heap_push(&s->heap, heap_pop(&s->deferred));
}

/* tw_next_deadline is never later than the model's earliest deadline and
 * exact when that is at most 64 ms away; tw_count matches. */
static void sim_check_next(Sim *s)
{
    while (s->heap.n && !entry_live(s, &s->heap.e[0]))
        heap_pop(&s->heap);
    uint64_t nd = tw_next_deadline(&s->w);
    REQUIRE(tw_count(&s->w) == s->pending);
    if (!s->heap.n) {
        REQUIRE(nd == UINT64_MAX);
        return;
    }
    uint64_t d = s->heap.e[0].deadline;
    REQUIRE(nd <= d);
    if (d > s->now && d - s->now <= 64)
        REQUIRE(nd == d);
}

static uint64_t random_step(Sim *s)
{
    unsigned k = (unsigned)rnd_below(s, 1000);
    if (k < 300)
        return 0;
    if (k < 700)
        return 1 + rnd_below(s, 10);
    if (k < 900)
        return rnd_below(s, 1000);
    if (k < 990)
        return rnd_below(s, 100000);
    if (k < 999)
        return rnd_below(s, 3 * DAY);
    return rnd_below(s, YEAR);
}

/* A million timers armed (and re-armed, cancelled, fired) in random order
 * between random advances; every firing is checked as it happens. */
START_TEST(test_random_against_model)
{
    enum { N = 1000000 };
    Sim *s = calloc(1, sizeof *s);
    ck_assert_ptr_nonnull(s);
    s->now = 1000000000;
    s->rng = 0x9E3779B97F4A7C15ull;
    tw_init(&s->w, s->now);
    s->t = make_timers(N);
    s->m = calloc(N, sizeof *s->m);
    ck_assert_ptr_nonnull(s->m);
    unsigned advances = 0;
    while (s->n < N) {
        unsigned k = (unsigned)rnd_below(s, 100);
        if (k < 60) {
            s->n++;
            sim_arm(s, s->n - 1, s->now, false);
        } else if (k < 70 && s->n) {
            sim_arm(s, (unsigned)rnd_below(s, s->n), s->now, false);
        } else if (k < 80 && s->n) {
            sim_cancel(s, (unsigned)rnd_below(s, s->n));
        } else {
            sim_advance(s, s->now + random_step(s));
            advances++;
        }
        sim_check_next(s);
    }
    size_t left = s->pending;
    /* Callbacks keep arming a few: jump until the wheel is empty. */
    for (unsigned i = 0; i < 1000 && s->pending; i++) {
        sim_advance(s, s->now + 20 * YEAR);
        sim_check_next(s);
    }
    ck_assert_uint_eq(s->pending, 0);
    ck_assert_uint_eq(tw_count(&s->w), 0);
    ck_assert_uint_eq(tw_next_deadline(&s->w), UINT64_MAX);
    printf("timer_wheel model: %u timers, %llu armings, %zu fired, %u advances, %zu left for "
           "the final jumps\n",
           N, (unsigned long long)s->seq, s->fired, advances, left);
    free(s->heap.e);
    free(s->deferred.e);
    free(s->m);
    free(s->t);
    free(s);
}
END_TEST

static double elapsed_ns(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) * 1e9 + (double)(b->tv_nsec - a->tv_nsec);
}

/* Prints the cost of tw_add and tw_cancel for a million timers spread over
 * an hour (asserting only that every one was added and cancelled). */
START_TEST(test_performance)
{
    enum { N = 1000000 };
    TimerWheel *w = malloc(sizeof *w);
    ck_assert_ptr_nonnull(w);
    tw_init(w, 123456);
    Tm *t = make_timers(N);
    uint64_t *d = malloc(N * sizeof *d);
    ck_assert_ptr_nonnull(d);
    uint64_t x = 0x2545F4914F6CDD1Dull;
    for (unsigned i = 0; i < N; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        d[i] = 123456 + 1 + x % HOUR;
    }
    struct timespec a, b, c;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (unsigned i = 0; i < N; i++)
        tw_add(w, &t[i].tw, d[i]);
    clock_gettime(CLOCK_MONOTONIC, &b);
    ck_assert_uint_eq(tw_count(w), N);
    for (unsigned i = 0; i < N; i++)
        tw_cancel(w, &t[((uint64_t)i * 7919) % N].tw);
    clock_gettime(CLOCK_MONOTONIC, &c);
    ck_assert_uint_eq(tw_count(w), 0);
    ck_assert_uint_eq(tw_next_deadline(w), UINT64_MAX);
    printf("timer_wheel: 1M timers: tw_add %.1f ns, tw_cancel %.1f ns (total %.1f ms)\n",
           elapsed_ns(&a, &b) / N, elapsed_ns(&b, &c) / N, elapsed_ns(&a, &c) / 1e6);
    /* Add again and let them all fire, an advance per millisecond. */
    Log lg;
    log_init(&lg, w, t, N);
    for (unsigned i = 0; i < N; i++)
        tw_add(w, &t[i].tw, d[i]);
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (uint64_t now = 123456; now <= 123456 + HOUR; now++)
        tw_advance(w, now, record, &lg);
    clock_gettime(CLOCK_MONOTONIC, &b);
    ck_assert_uint_eq(lg.n, N);
    printf("timer_wheel: firing 1M timers over 3.6M one-ms advances: %.1f ms\n",
           elapsed_ns(&a, &b) / 1e6);
    log_free(&lg);
    free(d);
    free(t);
    free(w);
}
END_TEST

static Suite *timer_wheel_suite(void)
{
    Suite *s = suite_create("timer_wheel");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_order_and_ties);
    tcase_add_test(tc, test_ties_across_levels);
    tcase_add_test(tc, test_tie_with_callback_arming);
    tcase_add_test(tc, test_expired_order);
    tcase_add_test(tc, test_cancel);
    tcase_add_test(tc, test_fire_changes_wheel);
    tcase_add_test(tc, test_far_timers);
    tcase_add_test(tc, test_big_jumps);
    tcase_add_test(tc, test_next_deadline);
    tcase_add_test(tc, test_random_against_model);
    tcase_add_test(tc, test_performance);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(timer_wheel_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
