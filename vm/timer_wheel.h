/* timer_wheel.h - a hierarchical timer wheel, one per scheduler thread.
 *
 * Millisecond resolution; deadlines are absolute uint64 milliseconds of a
 * monotonic clock (below 2^63). Single-threaded: the owner (or whoever
 * holds the owner's lock) calls every function. Timers are embedded in
 * their owner's struct; a zero-filled TwTimer is a valid, not pending
 * timer.
 *
 * Layout (all private):
 *   ring     128 one-millisecond slots for the deadlines in the current
 *            64 ms block (that of `now`) and the next one: slot = deadline
 *            mod 128, so a slot holds a single deadline and tw_next_deadline
 *            is exact for anything less than 64 ms away.
 *   levels   1..10, 64 slots each, slot width 64^L ms, for the deadlines
 *            beyond. A timer is placed by the highest base-64 digit in
 *            which its deadline differs from the start of the next 64 ms
 *            block, which covers all 64 bits: no overflow list.
 *   expired  deadlines already <= now when added: they fire at the next
 *            tw_advance, first, in deadline order.
 * Each level has an occupancy bitmap, and a mask says which levels are
 * occupied, so finding the next thing to do is a few count-trailing-zeros
 * whatever the distance. When time reaches (one block before) a slot of
 * level L, that slot's timers move down to the ring or lower levels; each
 * timer moves at most 10 times in its life.
 */
#ifndef BL_TIMER_WHEEL_H
#define BL_TIMER_WHEEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Embed in the owner's struct; fields private. slot_info is the slot index
 * plus one, 0 when not pending. */
typedef struct TwTimer {
    struct TwTimer *next, *prev;
    uint64_t deadline;
    unsigned slot_info;
} TwTimer;

enum {
    TW_RING_SLOTS = 128,
    TW_LEVELS = 10, /* levels 1..10 */
    TW_LEVEL_SLOTS = 64,
    TW_EXPIRED = TW_RING_SLOTS + TW_LEVELS * TW_LEVEL_SLOTS, /* slot index */
    TW_FIRING = TW_EXPIRED + 1, /* the expired timers of the running advance */
    TW_NSLOTS = TW_FIRING + 1,
};

typedef struct {
    TwTimer *head, *tail;
} TwSlot;

typedef struct TimerWheel {
    uint64_t now;         /* time of the last advance (or init) */
    size_t count;         /* pending timers */
    uint64_t ring_bits[2];
    uint64_t level_bits[TW_LEVELS]; /* [L - 1] for level L */
    unsigned level_mask;  /* bit L - 1 set when level L has a timer */
    uint64_t expired_min; /* lower bound of the expired slot's deadlines */
    bool expired_sorted;  /* expired slot in (deadline, insertion) order */
    TwSlot slot[TW_NSLOTS];
} TimerWheel;

void tw_init(TimerWheel *w, uint64_t now_ms);

/* Arms t (re-arms it if pending). O(1). A deadline <= now fires at the next
 * tw_advance. */
void tw_add(TimerWheel *w, TwTimer *t, uint64_t deadline_ms);

/* Disarms t. O(1); a no-op if it is not pending. */
void tw_cancel(TimerWheel *w, TwTimer *t);

static inline bool tw_pending(const TwTimer *t) { return t->slot_info != 0; }

/* Moves time to now_ms (never backwards: an earlier now_ms only fires the
 * expired timers) and calls fire(t, arg) for each timer whose deadline is
 * <= now_ms, in deadline order, ties in the order they were added. A timer
 * is no longer pending when fire sees it, and the wheel does not touch it
 * afterwards (fire may free it). While fire(t) runs, the wheel's time is
 * t's deadline (the previous time for a timer that was due before this
 * advance began): fire may add timers (t included) and cancel any; one
 * added with a deadline <= that time fires at the next tw_advance, a later
 * one in this advance if due by now_ms. fire must not call tw_advance. Cost: the
 * timers fired plus the slots moved down, not the time elapsed. */
void tw_advance(TimerWheel *w, uint64_t now_ms, void (*fire)(TwTimer *t, void *arg), void *arg);

/* The earliest pending deadline, or UINT64_MAX when none. Exact when it is
 * less than 64 ms after the wheel's time; otherwise a lower bound (the
 * start of the slot holding it). A pending expired timer gives a value <=
 * the wheel's time. O(1). */
uint64_t tw_next_deadline(const TimerWheel *w);

static inline size_t tw_count(const TimerWheel *w) { return w->count; }

#endif
