/* signal.c - messages, signals, links, monitors and process exit (see
 * signal.h). */
#include "signal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "copy.h"
#include "exception.h"
#include "links.h"
#include "ptab.h"
#include "registry.h"
#include "scheduler.h"

/* ---- references */

static _Atomic uint64_t next_ref = 1;

uint64_t sig_new_ref_id(void) { return atomic_fetch_add_explicit(&next_ref, 1, memory_order_relaxed); }

Term sig_make_ref(Process *p, uint64_t id)
{
    Term *hp = proc_alloc(p, REF_WORDS);
    hp[0] = make_header(REF_WORDS - 1, SUB_REF);
    hp[1] = (Term)id;
    hp[2] = 0;
    return make_boxed(hp);
}

uint64_t sig_ref_id(Term ref) { return (uint64_t)boxed_ptr(ref)[1]; }

/* ---- sending */

void sig_deliver(Term dest, Message *m)
{
    if (is_atom(dest))
        dest = reg_whereis(dest);
    Process *q = ptab_lock_pid(dest);
    if (!q) {
        mbox_msg_free(m);
        return;
    }
    mbox_push(&q->mbox, m);
    bool wake = sched_wake(q);
    ptab_unlock(dest);
    if (wake)
        sched_enqueue(q);
}

bool sig_send(Process *p, Term dest, Term msg)
{
    if (is_atom(dest)) {
        dest = reg_whereis(dest);
        if (dest == NIL)
            return false;
    } else if (!is_pid(dest)) {
        return false;
    }
    if (dest == p->id && mbox_all_on_heap(&p->mbox)) {
        /* To itself: the term is already on its heap (and stays behind the
         * on-heap prefix of the queue, see mailbox.h). */
        Message *m = mbox_msg_new(MSG_PLAIN, p->id, 0);
        if (!m)
            return false;
        m->msg = msg;
        m->flags = MSG_ON_HEAP;
        mbox_append(&p->mbox, m);
        return true;
    }
    Message *m = mbox_msg_copy(MSG_PLAIN, p->id, msg);
    if (!m)
        return false;
    /* A large message costs its sender as building it did. */
    size_t r = m->words >> 4;
    p->reds_extra += r > 100000 ? 100000 : (uint32_t)r;
    if (dest == p->id)
        mbox_append(&p->mbox, m);
    else
        sig_deliver(dest, m);
    return true;
}

/* A signal with no term. */
static bool send_bare(Term to, uint32_t kind, Term from, uint64_t ref)
{
    Message *m = mbox_msg_new(kind, from, 0);
    if (!m)
        return false;
    m->ref = ref;
    sig_deliver(to, m);
    return true;
}

/* A signal carrying {Tag, From, Reason} ('EXIT') or {'DOWN', Ref, process,
 * From, Reason}; reason is copied from wherever it lives. */
static Message *reason_msg(uint32_t kind, Term from, Term reason, uint64_t ref)
{
    size_t rw = copy_size(reason);
    if (rw == SIZE_MAX)
        return NULL;
    bool down = kind == SIG_DOWN;
    size_t words = rw + (down ? 6 + REF_WORDS : 4);
    Message *m = mbox_msg_new(kind, from, words);
    if (!m)
        return NULL;
    Term *hp = m->data;
    Term *t = hp;
    hp += down ? 6 : 4;
    Term r = NIL;
    if (down) {
        r = make_boxed(hp);
        hp[0] = make_header(REF_WORDS - 1, SUB_REF);
        hp[1] = (Term)ref;
        hp[2] = 0;
        hp += REF_WORDS;
    }
    Term rc = copy_term(reason, &hp, &m->oh);
    if (down) {
        t[0] = make_header(5, SUB_TUPLE);
        t[1] = ATOM_DOWN, t[2] = r, t[3] = ATOM_process, t[4] = from, t[5] = rc;
    } else {
        t[0] = make_header(3, SUB_TUPLE);
        t[1] = ATOM_EXIT, t[2] = from, t[3] = rc;
    }
    m->msg = make_boxed(t);
    m->ref = ref;
    return m;
}

static void send_reason(Term to, uint32_t kind, Term from, Term reason, uint64_t ref)
{
    Message *m = reason_msg(kind, from, reason, ref);
    if (m)
        sig_deliver(to, m);
}

/* ---- acting on signals */

/* Exit signal with this reason: may kill p. True if p lives on. */
static bool take_exit(Process *p, Message *m, bool linked)
{
    Term reason = boxed_ptr(m->msg)[3];
    if (!linked && reason == ATOM_kill) {
        p->exit_reason = ATOM_killed;
        mbox_msg_free(m);
        return false;
    }
    if (p->flags & PF_TRAP_EXIT) {
        m->kind = MSG_PLAIN;
        mbox_append(&p->mbox, m);
        return true;
    }
    if (reason == ATOM_normal && m->from != p->id) {
        mbox_msg_free(m);
        return true;
    }
    /* The reason lives in the fragment: the process must keep it until it
     * has told its links, so it moves to the heap as the exit reason. */
    size_t words = copy_size(reason);
    if (words != SIZE_MAX && proc_reserve(p, words, 0)) {
        Term *hp = p->htop;
        p->exit_reason = copy_term(reason, &hp, &p->off_heap);
        p->htop = hp;
    } else {
        p->exit_reason = ATOM_killed;
    }
    mbox_msg_free(m);
    return false;
}

/* Acts on one signal (or queues a message). False if p must end. */
static bool take(Process *p, Message *m)
{
    LinkEntry *e;
    switch (m->kind) {
    case MSG_PLAIN:
        mbox_append(&p->mbox, m);
        return true;
    case SIG_EXIT:
        e = lk_find(p->links, LK_LINK, m->from, 0);
        if (!e) {
            mbox_msg_free(m); /* unlinked meanwhile */
            return true;
        }
        lk_remove(&p->links, e);
        return take_exit(p, m, true);
    case SIG_EXIT2:
        return take_exit(p, m, false);
    case SIG_LINK:
        if (!lk_find(p->links, LK_LINK, m->from, 0) && !lk_add(&p->links, LK_LINK, m->from, 0))
            send_reason(m->from, SIG_EXIT, p->id, ATOM_system_limit, 0);
        break;
    case SIG_UNLINK:
        if ((e = lk_find(p->links, LK_LINK, m->from, 0)))
            lk_remove(&p->links, e);
        break;
    case SIG_MONITOR:
        if (!lk_add(&p->links, LK_MON_IN, m->from, m->ref))
            send_reason(m->from, SIG_DOWN, p->id, ATOM_system_limit, m->ref);
        break;
    case SIG_DEMONITOR:
        if ((e = lk_find(p->links, LK_MON_IN, 0, m->ref)))
            lk_remove(&p->links, e);
        break;
    case SIG_DOWN:
        if ((e = lk_find(p->links, LK_MON_OUT, 0, m->ref))) {
            lk_remove(&p->links, e);
            m->kind = MSG_PLAIN;
            mbox_append(&p->mbox, m);
        } else {
            mbox_msg_free(m); /* demonitored meanwhile */
        }
        return true;
    }
    mbox_msg_free(m);
    return true;
}

bool sig_drain(Process *p)
{
    Message *m = mbox_take(&p->mbox);
    while (m) {
        Message *next = m->next;
        if (!take(p, m)) {
            /* Ending: what is left is dealt with by sig_process_exit. */
            while (next) {
                Message *n2 = next->next;
                next->next = NULL;
                mbox_append(&p->mbox, next);
                next = n2;
            }
            return false;
        }
        m = next;
    }
    return true;
}

bool sig_spawn_link(Process *parent, Process *c)
{
    return lk_add(&parent->links, LK_LINK, c->id, 0) && lk_add(&c->links, LK_LINK, parent->id, 0);
}

bool sig_spawn_monitor(Process *parent, Process *c, uint64_t ref_id)
{
    return lk_add(&parent->links, LK_MON_OUT, c->id, ref_id) && lk_add(&c->links, LK_MON_IN, parent->id, ref_id);
}

bool sig_link(Process *p, Term pid)
{
    if (pid == p->id || lk_find(p->links, LK_LINK, pid, 0))
        return true;
    if (!ptab_alive(pid))
        return false;
    if (!lk_add(&p->links, LK_LINK, pid, 0))
        return false;
    send_bare(pid, SIG_LINK, p->id, 0);
    return true;
}

void sig_unlink(Process *p, Term pid)
{
    LinkEntry *e = lk_find(p->links, LK_LINK, pid, 0);
    if (e) {
        lk_remove(&p->links, e);
        send_bare(pid, SIG_UNLINK, p->id, 0);
    }
}

bool sig_monitor(Process *p, Term pid, uint64_t ref_id)
{
    if (!lk_add(&p->links, LK_MON_OUT, pid, ref_id))
        return false;
    /* A dead target answers noproc: send_bare cannot tell, so look first;
     * if it dies between the look and the signal, its exit answers. */
    if (!ptab_alive(pid)) {
        send_reason(p->id, SIG_DOWN, pid, ATOM_noproc, ref_id);
        return true;
    }
    send_bare(pid, SIG_MONITOR, p->id, ref_id);
    return true;
}

bool sig_demonitor(Process *p, uint64_t ref_id)
{
    LinkEntry *e = lk_find(p->links, LK_MON_OUT, 0, ref_id);
    if (!e)
        return false;
    Term pid = e->pid;
    lk_remove(&p->links, e);
    send_bare(pid, SIG_DEMONITOR, p->id, ref_id);
    return true;
}

bool sig_exit(Process *p, Term pid, Term reason)
{
    Message *m = reason_msg(SIG_EXIT2, p->id, reason, 0);
    if (!m)
        return false;
    if (pid == p->id) {
        /* To itself: acted on before the process runs on. */
        mbox_push(&p->mbox, m);
        p->flags |= PF_YIELD;
        return true;
    }
    sig_deliver(pid, m);
    return true;
}

/* ---- the end of a process */

/* Signals that reached p after it stopped acting on them: links and
 * monitors made meanwhile are answered with noproc, as if p were gone. */
static void answer_late(Process *p, Message *m)
{
    while (m) {
        Message *next = m->next;
        if (m->kind == SIG_LINK)
            send_reason(m->from, SIG_EXIT, p->id, ATOM_noproc, 0);
        else if (m->kind == SIG_MONITOR)
            send_reason(m->from, SIG_DOWN, p->id, ATOM_noproc, m->ref);
        mbox_msg_free(m);
        m = next;
    }
}

static void report_crash(Process *p)
{
    if (p->exc_class != ATOM_error && p->exc_class != ATOM_throw)
        return;
    fflush(stdout);
    exc_print_report(stderr, p, p->exc_class, p->exc_reason, p->exc_trace);
}

void sig_process_exit(Process *p)
{
    Term reason = p->exit_reason;
    bool is_main = p->flags & PF_MAIN;
    if (reason != ATOM_normal && (is_main || reason != ATOM_killed))
        report_crash(p);
    atomic_store(&p->state, PS_EXITING);
    ptab_remove(p);
    reg_drop_process(p);
    sched_release_process_timer(p);
    /* Nothing can be pushed now: late signals get their answers. */
    answer_late(p, mbox_take(&p->mbox));
    ProcLinks *l = p->links;
    p->links = NULL;
    for (uint32_t i = 0; i < lk_count(l); i++) {
        LinkEntry *e = lk_entry(l, i);
        if (e->type == LK_LINK)
            send_reason(e->pid, SIG_EXIT, p->id, reason, 0);
        else if (e->type == LK_MON_IN)
            send_reason(e->pid, SIG_DOWN, p->id, reason, e->ref);
        else
            send_bare(e->pid, SIG_DEMONITOR, p->id, e->ref);
    }
    lk_free(l);
    if (is_main) {
        fflush(stdout);
        sched_halt(reason == ATOM_normal ? 0 : 1);
    }
    proc_free(p);
}
