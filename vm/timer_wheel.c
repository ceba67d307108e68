/* timer_wheel.c - the per-scheduler hierarchical timer wheel (see
 * timer_wheel.h for the layout).
 *
 * Invariants, with B = now rounded down to 64 ms and V = B + 64 (the start
 * of the next block):
 *   - a timer in the ring has B <= deadline < B + 128 and deadline > now,
 *     in slot deadline mod 128;
 *   - a timer in level L has deadline >= B + 128 and L is the highest
 *     base-64 digit in which deadline and V differ; its slot is that digit
 *     of the deadline (always greater than V's digit, so no slot wraps);
 *   - a timer in the expired slot has deadline <= now.
 * So where a timer lives is a function of its deadline and `now` alone:
 * all timers of one deadline share a list, in the order they were added,
 * and moving them down keeps that order. That is what makes ties fire in
 * insertion order.
 *
 * Every deadline in level L is earlier than every deadline in level L + 1
 * (level L only holds deadlines inside V's block of 64^(L+1) ms, level L+1
 * only later ones), and slot order is time order within a level. So the
 * next thing to do is either the ring's first deadline or the moving down
 * of the lowest occupied level's first slot, which must happen when V
 * reaches the slot's start, i.e. one block before it. tw_advance jumps from
 * one such event to the next; time can jump straight past anything else
 * without breaking the invariants (a slot start not yet reached by V keeps
 * every timer's digits as they were).
 */
#include "timer_wheel.h"

#include <string.h>

#define BLOCK 64u
#define RING_MASK ((uint64_t)TW_RING_SLOTS - 1)

static inline unsigned ctz64(uint64_t x) { return (unsigned)__builtin_ctzll(x); }
static inline unsigned clz64(uint64_t x) { return (unsigned)__builtin_clzll(x); }

static inline uint64_t block_start(uint64_t t) { return t & ~(uint64_t)(BLOCK - 1); }

void tw_init(TimerWheel *w, uint64_t now_ms)
{
    memset(w, 0, sizeof *w);
    w->now = now_ms;
    w->expired_min = UINT64_MAX;
    w->expired_sorted = true;
}

/* ---- slots and their occupancy bits */

static inline void mark(TimerWheel *w, unsigned idx)
{
    if (idx < TW_RING_SLOTS) {
        w->ring_bits[idx >> 6] |= UINT64_C(1) << (idx & 63);
    } else if (idx < TW_EXPIRED) {
        unsigned l = (idx - TW_RING_SLOTS) >> 6;
        w->level_bits[l] |= UINT64_C(1) << ((idx - TW_RING_SLOTS) & 63);
        w->level_mask |= 1u << l;
    }
}

static inline void unmark(TimerWheel *w, unsigned idx)
{
    if (idx < TW_RING_SLOTS) {
        w->ring_bits[idx >> 6] &= ~(UINT64_C(1) << (idx & 63));
    } else if (idx < TW_EXPIRED) {
        unsigned l = (idx - TW_RING_SLOTS) >> 6;
        w->level_bits[l] &= ~(UINT64_C(1) << ((idx - TW_RING_SLOTS) & 63));
        if (!w->level_bits[l])
            w->level_mask &= ~(1u << l);
    }
}

static inline void append(TimerWheel *w, unsigned idx, TwTimer *t)
{
    TwSlot *s = &w->slot[idx];
    t->next = NULL;
    t->prev = s->tail;
    if (s->tail) {
        s->tail->next = t;
    } else {
        s->head = t;
        mark(w, idx);
    }
    s->tail = t;
    t->slot_info = idx + 1;
}

static inline void unlink_timer(TimerWheel *w, TwTimer *t)
{
    unsigned idx = t->slot_info - 1;
    TwSlot *s = &w->slot[idx];
    if (t->prev)
        t->prev->next = t->next;
    else
        s->head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    else
        s->tail = t->prev;
    if (!s->head)
        unmark(w, idx);
    t->next = t->prev = NULL;
    t->slot_info = 0;
}

/* The slot for a deadline later than now (see the invariants above). */
static inline unsigned slot_for(const TimerWheel *w, uint64_t d)
{
    uint64_t b = block_start(w->now);
    if (d - b < TW_RING_SLOTS)
        return (unsigned)(d & RING_MASK);
    unsigned l = (63 - clz64(d ^ (b + BLOCK))) / 6; /* >= 1 */
    return TW_RING_SLOTS + (l - 1) * TW_LEVEL_SLOTS + (unsigned)((d >> (6 * l)) & 63);
}

/* Where slot s of level l begins: V with its digits up to l replaced. */
static inline uint64_t slot_start(const TimerWheel *w, unsigned l, unsigned s)
{
    uint64_t v = block_start(w->now) + BLOCK;
    unsigned above = 6 * (l + 1);
    uint64_t hi = above >= 64 ? 0 : (v >> above) << above;
    return hi | ((uint64_t)s << (6 * l));
}

/* ---- adding and cancelling */

static void add_expired(TimerWheel *w, TwTimer *t)
{
    const TwSlot *e = &w->slot[TW_EXPIRED];
    if (!e->head) {
        w->expired_min = t->deadline;
        w->expired_sorted = true;
    } else {
        if (t->deadline < e->tail->deadline)
            w->expired_sorted = false;
        if (t->deadline < w->expired_min)
            w->expired_min = t->deadline;
    }
    append(w, TW_EXPIRED, t);
}

void tw_add(TimerWheel *w, TwTimer *t, uint64_t deadline_ms)
{
    if (t->slot_info)
        unlink_timer(w, t);
    else
        w->count++;
    t->deadline = deadline_ms;
    if (deadline_ms <= w->now)
        add_expired(w, t);
    else
        append(w, slot_for(w, deadline_ms), t);
}

void tw_cancel(TimerWheel *w, TwTimer *t)
{
    if (!t->slot_info)
        return;
    unlink_timer(w, t);
    w->count--;
}

/* ---- the expired list: a stable merge sort by deadline */

static TwTimer *merge(TwTimer *a, TwTimer *b)
{
    TwTimer head, *tail = &head;
    while (a && b) {
        if (b->deadline < a->deadline) {
            tail->next = b;
            b = b->next;
        } else {
            tail->next = a;
            a = a->next;
        }
        tail = tail->next;
    }
    tail->next = a ? a : b;
    return head.next;
}

/* Bottom-up: bins[i] holds a sorted run of 2^i timers that came before
 * everything in lower bins, so merging a bin as the left side keeps ties
 * in list order. */
static TwTimer *sort_list(TwTimer *list)
{
    TwTimer *bins[64] = {NULL};
    while (list) {
        TwTimer *run = list;
        list = list->next;
        run->next = NULL;
        unsigned i = 0;
        for (; i < 63 && bins[i]; i++) {
            run = merge(bins[i], run);
            bins[i] = NULL;
        }
        bins[i] = i == 63 && bins[i] ? merge(bins[i], run) : run;
    }
    TwTimer *r = NULL;
    for (unsigned i = 0; i < 64; i++)
        if (bins[i])
            r = merge(bins[i], r);
    return r;
}

/* Moves the expired timers to the firing slot, in firing order, so that
 * timers expired by fire callbacks wait for the next advance. */
static void take_expired(TimerWheel *w)
{
    TwSlot *e = &w->slot[TW_EXPIRED], *f = &w->slot[TW_FIRING];
    TwTimer *list = w->expired_sorted ? e->head : sort_list(e->head);
    TwTimer *prev = NULL;
    for (TwTimer *t = list; t; t = t->next) {
        t->prev = prev;
        t->slot_info = TW_FIRING + 1;
        prev = t;
    }
    f->head = list;
    f->tail = prev;
    e->head = e->tail = NULL;
    w->expired_min = UINT64_MAX;
    w->expired_sorted = true;
}

/* ---- advancing */

/* Fires every timer of a slot, first added first. fire may cancel the
 * others (they leave the list) but cannot add to this slot. */
static void fire_slot(TimerWheel *w, unsigned idx, void (*fire)(TwTimer *, void *), void *arg)
{
    TwSlot *s = &w->slot[idx];
    TwTimer *t;
    while ((t = s->head) != NULL) {
        unlink_timer(w, t);
        w->count--;
        fire(t, arg);
    }
}

/* Moves the timers of slot s of level l down, in list order. Called when
 * V has just reached the slot's start, so each lands in the ring or a
 * lower level. */
static void cascade(TimerWheel *w, unsigned l, unsigned s)
{
    unsigned idx = TW_RING_SLOTS + (l - 1) * TW_LEVEL_SLOTS + s;
    TwSlot *sl = &w->slot[idx];
    TwTimer *t = sl->head;
    sl->head = sl->tail = NULL;
    unmark(w, idx);
    while (t) {
        TwTimer *next = t->next;
        append(w, slot_for(w, t->deadline), t);
        t = next;
    }
}

/* The ring's earliest deadline, or UINT64_MAX. All ring timers are later
 * than now, so the first bit of the current block's half, else of the next
 * block's, is the earliest. */
static inline uint64_t ring_first(const TimerWheel *w)
{
    uint64_t b = block_start(w->now);
    unsigned h = (unsigned)(b / BLOCK) & 1;
    if (w->ring_bits[h])
        return b + ctz64(w->ring_bits[h]);
    if (w->ring_bits[h ^ 1])
        return b + BLOCK + ctz64(w->ring_bits[h ^ 1]);
    return UINT64_MAX;
}

void tw_advance(TimerWheel *w, uint64_t now_ms, void (*fire)(TwTimer *t, void *arg), void *arg)
{
    if (now_ms < w->now)
        now_ms = w->now;
    if (w->slot[TW_EXPIRED].head) {
        take_expired(w);
        fire_slot(w, TW_FIRING, fire, arg);
    }
    for (;;) {
        uint64_t ring = ring_first(w);
        uint64_t down = UINT64_MAX;
        unsigned l = 0, s = 0;
        if (w->level_mask) {
            l = ctz64(w->level_mask) + 1;
            s = ctz64(w->level_bits[l - 1]);
            down = slot_start(w, l, s) - BLOCK;
        }
        /* Moving down first on a tie: the ring must be complete before
         * time enters the block that needs it. */
        if (down <= ring) {
            if (down > now_ms)
                break;
            w->now = down;
            cascade(w, l, s);
        } else {
            if (ring > now_ms)
                break;
            w->now = ring;
            fire_slot(w, (unsigned)(ring & RING_MASK), fire, arg);
        }
    }
    w->now = now_ms;
}

uint64_t tw_next_deadline(const TimerWheel *w)
{
    uint64_t best = UINT64_MAX;
    if (w->slot[TW_FIRING].head)
        best = w->slot[TW_FIRING].head->deadline;
    if (w->slot[TW_EXPIRED].head && w->expired_min < best)
        best = w->expired_min;
    if (best != UINT64_MAX)
        return best;
    uint64_t ring = ring_first(w);
    if (ring != UINT64_MAX)
        return ring;
    if (w->level_mask) {
        unsigned l = ctz64(w->level_mask) + 1;
        return slot_start(w, l, ctz64(w->level_bits[l - 1]));
    }
    return UINT64_MAX;
}
