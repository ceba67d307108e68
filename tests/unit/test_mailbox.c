/* test_mailbox.c - unit tests for the mailbox (vm/mailbox.c), the process
 * table (vm/ptab.c) and the process state transitions a waker makes
 * (sched_wake in vm/sched.h).
 *
 * The concurrent tests push from several threads at once and check, as the
 * stress programs do at scale, that nothing is lost and that each sender's
 * messages come out in the order it sent them. */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>

#include "atom.h"
#include "mailbox.h"
#include "process.h"
#include "ptab.h"
#include "scheduler.h"

#define REQUIRE(expr)                                                                      \
    do {                                                                                   \
        if (!(expr))                                                                       \
            ck_abort_msg("%s:%d: '%s' failed", __FILE__, __LINE__, #expr);                 \
    } while (0)

/* A bare message carrying an immediate: sender in `from`, sequence number
 * in `msg`. */
static Message *imm(int sender, int64_t seq)
{
    Message *m = mbox_msg_new(MSG_PLAIN, make_small(sender), 0);
    REQUIRE(m);
    m->msg = make_small(seq);
    return m;
}

/* Drains the inbox into the private queue, as the owner does. */
static void drain(Mailbox *mb)
{
    Message *m = mbox_take(mb);
    while (m) {
        Message *next = m->next;
        mbox_append(mb, m);
        m = next;
    }
}

START_TEST(fifo_one_sender)
{
    Mailbox mb;
    mbox_init(&mb);
    ck_assert(mbox_inbox_empty(&mb));
    for (int i = 0; i < 10; i++)
        mbox_push(&mb, imm(1, i));
    ck_assert(!mbox_inbox_empty(&mb));
    drain(&mb);
    ck_assert(mbox_inbox_empty(&mb));
    for (int i = 10; i < 20; i++)
        mbox_push(&mb, imm(1, i));
    drain(&mb);
    ck_assert_uint_eq(mbox_len(&mb), 20);
    int64_t want = 0;
    for (Message *m = mb.first; m; m = m->next)
        ck_assert_int_eq(small_val(m->msg), want++);
    mbox_clear(&mb);
    ck_assert_uint_eq(mbox_len(&mb), 0);
}
END_TEST

/* receive's scan position: skipping keeps the position, removing restarts
 * from the first message and keeps the order of the rest. */
START_TEST(selective_remove)
{
    Mailbox mb;
    mbox_init(&mb);
    for (int i = 0; i < 5; i++)
        mbox_push(&mb, imm(1, i));
    drain(&mb);
    /* Skip 0 and 1, take 2. */
    mb.save = &(*mb.save)->next;
    mb.save = &(*mb.save)->next;
    ck_assert_int_eq(small_val((*mb.save)->msg), 2);
    mbox_remove_current(&mb);
    ck_assert(mb.save == &mb.first);
    int64_t want[] = { 0, 1, 3, 4 };
    int i = 0;
    for (Message *m = mb.first; m; m = m->next)
        ck_assert_int_eq(small_val(m->msg), want[i++]);
    ck_assert_int_eq(i, 4);
    /* Remove the last one: later appends must still land at the end. */
    mb.save = &mb.first;
    while ((*mb.save)->next)
        mb.save = &(*mb.save)->next;
    mbox_remove_current(&mb);
    mbox_push(&mb, imm(1, 9));
    drain(&mb);
    int64_t want2[] = { 0, 1, 3, 9 };
    i = 0;
    for (Message *m = mb.first; m; m = m->next)
        ck_assert_int_eq(small_val(m->msg), want2[i++]);
    ck_assert_int_eq(i, 4);
    mbox_clear(&mb);
}
END_TEST

#define SENDERS 8
#define PER_SENDER 50000

typedef struct {
    Mailbox *mb;
    int id;
} SenderArg;

static void *sender(void *arg)
{
    SenderArg *a = arg;
    for (int i = 0; i < PER_SENDER; i++)
        mbox_push(a->mb, imm(a->id, i));
    return NULL;
}

/* Many senders, one receiver draining meanwhile: every message arrives
 * once, each sender's in order. */
START_TEST(many_senders)
{
    Mailbox mb;
    mbox_init(&mb);
    pthread_t t[SENDERS];
    SenderArg args[SENDERS];
    for (int i = 0; i < SENDERS; i++) {
        args[i] = (SenderArg){ &mb, i };
        pthread_create(&t[i], NULL, sender, &args[i]);
    }
    int64_t next[SENDERS] = { 0 };
    long got = 0;
    while (got < (long)SENDERS * PER_SENDER) {
        Message *m = mbox_take(&mb);
        while (m) {
            Message *n = m->next;
            int s = (int)small_val(m->from);
            REQUIRE(s >= 0 && s < SENDERS);
            REQUIRE(small_val(m->msg) == next[s]);
            next[s]++;
            got++;
            mbox_msg_free(m);
            m = n;
        }
    }
    for (int i = 0; i < SENDERS; i++) {
        pthread_join(t[i], NULL);
        ck_assert_int_eq(next[i], PER_SENDER);
    }
    ck_assert(mbox_inbox_empty(&mb));
}
END_TEST

/* A message with a fragment: the copied term is independent of the source. */
START_TEST(copy_into_fragment)
{
    Term src[4];
    src[0] = make_header(3, SUB_TUPLE);
    src[1] = make_small(1);
    src[2] = ATOM_ok;
    src[3] = make_small(3);
    Message *m = mbox_msg_copy(MSG_PLAIN, NIL, make_boxed(src));
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(m->words, 4);
    ck_assert(boxed_ptr(m->msg) == m->data);
    src[2] = ATOM_error;
    ck_assert(boxed_ptr(m->msg)[2] == ATOM_ok);
    mbox_msg_free(m);
}
END_TEST

/* The waker's side of the state word. */
START_TEST(wake_transitions)
{
    Process *p = proc_new(0);
    ck_assert_ptr_nonnull(p);
    atomic_store(&p->state, PS_WAITING);
    ck_assert(sched_wake(p));
    ck_assert_uint_eq(atomic_load(&p->state), PS_QUEUED);
    ck_assert(!sched_wake(p)); /* already queued: enqueued exactly once */
    ck_assert_uint_eq(atomic_load(&p->state), PS_QUEUED);
    atomic_store(&p->state, PS_RUNNING);
    ck_assert(!sched_wake(p));
    ck_assert_uint_eq(atomic_load(&p->state), PS_RUNNING | PS_PENDING);
    /* The owner then cannot go to sleep: its RUNNING -> WAITING fails. */
    uint32_t expect = PS_RUNNING;
    ck_assert(!atomic_compare_exchange_strong(&p->state, &expect, PS_WAITING));
    atomic_store(&p->state, PS_EXITING);
    ck_assert(!sched_wake(p));
    ck_assert_uint_eq(atomic_load(&p->state), PS_EXITING);
    proc_free(p);
}
END_TEST

typedef struct {
    Process *p;
    _Atomic int *winners;
} WakeArg;

static void *waker(void *arg)
{
    WakeArg *a = arg;
    if (sched_wake(a->p))
        atomic_fetch_add(a->winners, 1);
    return NULL;
}

/* Many wakers racing on one waiting process: exactly one enqueues it. */
START_TEST(wake_race)
{
    for (int round = 0; round < 200; round++) {
        Process *p = proc_new(0);
        atomic_store(&p->state, PS_WAITING);
        _Atomic int winners = 0;
        pthread_t t[4];
        WakeArg a = { p, &winners };
        for (int i = 0; i < 4; i++)
            pthread_create(&t[i], NULL, waker, &a);
        for (int i = 0; i < 4; i++)
            pthread_join(t[i], NULL);
        REQUIRE(atomic_load(&winners) == 1);
        proc_free(p);
    }
}
END_TEST

START_TEST(ptab_lookup)
{
    ck_assert(ptab_init(1024));
    Process *a = proc_new(0), *b = proc_new(0);
    ck_assert(ptab_insert(a));
    ck_assert(ptab_insert(b));
    ck_assert(a->id != b->id);
    ck_assert(is_pid(a->id));
    Process *got = ptab_lock_pid(a->id);
    ck_assert_ptr_eq(got, a);
    ptab_unlock(a->id);
    ck_assert(ptab_alive(b->id));
    size_t n = ptab_count();
    Term old = a->id;
    ptab_remove(a);
    ck_assert_uint_eq(ptab_count(), n - 1);
    ck_assert_ptr_null(ptab_lock_pid(old));
    ck_assert(!ptab_alive(old));
    /* The slot is reused, under a new pid: the old one stays dead. */
    Process *c = proc_new(0);
    ck_assert(ptab_insert(c));
    ck_assert(c->id != old);
    ck_assert_ptr_null(ptab_lock_pid(old));
    ck_assert_ptr_null(ptab_lock_pid(make_small(1)));
    ptab_remove(b);
    ptab_remove(c);
    proc_free(a);
    proc_free(b);
    proc_free(c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("mailbox");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fifo_one_sender);
    tcase_add_test(tc, selective_remove);
    tcase_add_test(tc, many_senders);
    tcase_add_test(tc, copy_into_fragment);
    tcase_add_test(tc, wake_transitions);
    tcase_add_test(tc, wake_race);
    tcase_add_test(tc, ptab_lookup);
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
