/* bif_time.c - wall-clock and calendar time, and the VM's time
 * statistics: erlang:time/0, date/0, localtime/0, universaltime/0, now/0,
 * os:timestamp/0 and statistics/1 (runtime, wall_clock), with
 * Erlang/OTP 25's shapes.
 *
 * The calendar comes from the C library (localtime_r, gmtime_r: thread
 * safe). now/0 is strictly increasing over the whole VM, as OTP's: one
 * atomic word holds the last value handed out. The "since last call"
 * parts of statistics/1 are VM-wide, as on OTP. */
#include <stdatomic.h>
#include <time.h>

#include "bif.h"
#include "process.h"
#include "term.h"

#define US_PER_SEC INT64_C(1000000)

static int64_t clock_us(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * US_PER_SEC + ts.tv_nsec / 1000;
}

static Term tuple3(Process *p, int64_t a, int64_t b, int64_t c)
{
    Term t[3] = { make_small(a), make_small(b), make_small(c) };
    return proc_tuple(p, 3, t);
}

/* ---- the calendar ------------------------------------------------------- */

static void now_tm(struct tm *tm, bool local)
{
    time_t now = time(NULL);
    if (local)
        localtime_r(&now, tm);
    else
        gmtime_r(&now, tm);
}

static Term date_of(Process *p, const struct tm *tm)
{
    return tuple3(p, tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
}

/* Seconds past 59 (a leap second) read as 59, as OTP's. */
static Term time_of(Process *p, const struct tm *tm)
{
    return tuple3(p, tm->tm_hour, tm->tm_min, tm->tm_sec > 59 ? 59 : tm->tm_sec);
}

Term bif_time_0(Process *p, Term *args, unsigned live)
{
    struct tm tm;
    now_tm(&tm, true);
    if (!proc_reserve(p, 4, live))
        return bif_heap_exhausted(p);
    return time_of(p, &tm);
}

Term bif_date_0(Process *p, Term *args, unsigned live)
{
    struct tm tm;
    now_tm(&tm, true);
    if (!proc_reserve(p, 4, live))
        return bif_heap_exhausted(p);
    return date_of(p, &tm);
}

/* {Date, Time} in local time or in UTC. */
static Term datetime(Process *p, unsigned live, bool local)
{
    struct tm tm;
    now_tm(&tm, local);
    if (!proc_reserve(p, 4 + 4 + 3, live))
        return bif_heap_exhausted(p);
    Term t[2] = { date_of(p, &tm), time_of(p, &tm) };
    return proc_tuple(p, 2, t);
}

Term bif_localtime_0(Process *p, Term *args, unsigned live) { return datetime(p, live, true); }
Term bif_universaltime_0(Process *p, Term *args, unsigned live) { return datetime(p, live, false); }

/* ---- timestamps ------------------------------------------------------- */

/* {MegaSecs, Secs, MicroSecs} of a time in microseconds. */
static Term timestamp_of(Process *p, int64_t us, unsigned live)
{
    if (!proc_reserve(p, 4, live))
        return bif_heap_exhausted(p);
    int64_t s = us / US_PER_SEC;
    return tuple3(p, s / 1000000, s % 1000000, us % US_PER_SEC);
}

static _Atomic int64_t last_now;

/* now/0: the wall clock in microseconds, but never the same value twice
 * nor one smaller than the last. */
Term bif_now_0(Process *p, Term *args, unsigned live)
{
    int64_t us = clock_us(CLOCK_REALTIME);
    int64_t last = atomic_load(&last_now);
    for (;;) {
        int64_t next = us > last ? us : last + 1;
        if (atomic_compare_exchange_weak(&last_now, &last, next)) {
            us = next;
            break;
        }
    }
    return timestamp_of(p, us, live);
}

Term bif_os_timestamp_0(Process *p, Term *args, unsigned live)
{
    return timestamp_of(p, clock_us(CLOCK_REALTIME), live);
}

/* ---- statistics/1 ------------------------------------------------------- */

static int64_t vm_start_us;

/* Wall-clock time counts from the start of the program. */
__attribute__((constructor)) static void note_start(void) { vm_start_us = clock_us(CLOCK_MONOTONIC); }

static _Atomic int64_t last_runtime, last_wall_clock;

/* {Total, SinceLastCall} in milliseconds; the last call's total is kept in
 * *last. */
static Term total_and_delta(Process *p, unsigned live, int64_t total_ms, _Atomic int64_t *last)
{
    int64_t before = atomic_exchange(last, total_ms);
    if (!proc_reserve(p, 3, live))
        return bif_heap_exhausted(p);
    Term t[2] = { make_small(total_ms), make_small(total_ms - before) };
    return proc_tuple(p, 2, t);
}

/* statistics(runtime): CPU time of all threads; statistics(wall_clock):
 * real time. Other items are not kept: badarg. */
Term bif_statistics_1(Process *p, Term *args, unsigned live)
{
    if (args[0] == atom_intern("runtime", 7))
        return total_and_delta(p, live, clock_us(CLOCK_PROCESS_CPUTIME_ID) / 1000, &last_runtime);
    if (args[0] == atom_intern("wall_clock", 10))
        return total_and_delta(p, live, (clock_us(CLOCK_MONOTONIC) - vm_start_us) / 1000, &last_wall_clock);
    return bif_badarg(p);
}
