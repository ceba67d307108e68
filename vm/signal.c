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
#include "proc_info.h"
#include "ptab.h"
#include "registry.h"
#include "scheduler.h"

/* ---- references */

static _Atomic uint64_t next_ref = 1;

uint64_t sig_new_ref_id(void) { return atomic_fetch_add_explicit(&next_ref, 1, memory_order_relaxed); }

Term sig_put_ref(Term *hp, uint64_t id)
{
    hp[0] = make_header(REF_WORDS - 1, SUB_REF);
    hp[1] = (Term)id;
    hp[2] = 0;
    return make_boxed(hp);
}

Term sig_make_ref(Process *p, uint64_t id) { return sig_put_ref(proc_alloc(p, REF_WORDS), id); }

uint64_t sig_ref_id(Term ref) { return (uint64_t)boxed_ptr(ref)[1]; }

/* ---- sending */

bool sig_deliver(Term dest, Message *m)
{
    if (is_atom(dest))
        dest = reg_whereis(dest);
    Process *q = ptab_lock_pid(dest);
    if (!q) {
        mbox_msg_free(m);
        return false;
    }
    mbox_push(&q->mbox, m);
    bool wake = sched_wake(q);
    ptab_unlock(dest);
    if (wake)
        sched_enqueue(q);
    return true;
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

/* A message of this kind carrying `head` words of tuples, then reason,
 * copied from wherever it lives; *hp is where the head goes. */
static Message *with_reason(uint32_t kind, Term from, size_t head, Term reason, Term **hp, Term *rc)
{
    size_t rw = copy_size(reason);
    if (rw == SIZE_MAX)
        return NULL;
    Message *m = mbox_msg_new(kind, from, head + rw);
    if (!m)
        return NULL;
    Term *rp = m->data + head;
    *rc = copy_term(reason, &rp, &m->oh);
    *hp = m->data;
    return m;
}

/* An exit signal: {'EXIT', From, Reason}. */
static Message *exit_msg(uint32_t kind, Term from, Term reason)
{
    Term *t, rc;
    Message *m = with_reason(kind, from, 4, reason, &t, &rc);
    if (!m)
        return NULL;
    t[0] = make_header(3, SUB_TUPLE);
    t[1] = ATOM_EXIT, t[2] = from, t[3] = rc;
    m->msg = make_boxed(t);
    return m;
}

/* {'DOWN', Ref, process, Object, Reason}: Object is the pid, or
 * {Name, node()} for a monitor made by registered name (name not NIL). */
static Message *down_msg(Term from, Term name, Term reason, uint64_t ref)
{
    Term *t, rc;
    Message *m = with_reason(SIG_DOWN, from, 6 + REF_WORDS + 3, reason, &t, &rc);
    if (!m)
        return NULL;
    Term object = from;
    if (name != NIL) {
        Term *o = t + 6 + REF_WORDS;
        o[0] = make_header(2, SUB_TUPLE);
        o[1] = name, o[2] = ATOM_nonode_nohost;
        object = make_boxed(o);
    }
    t[0] = make_header(5, SUB_TUPLE);
    t[1] = ATOM_DOWN, t[2] = sig_put_ref(t + 6, ref), t[3] = ATOM_process, t[4] = object, t[5] = rc;
    m->msg = make_boxed(t);
    m->ref = ref;
    return m;
}

static void send_exit(Term to, Term from, Term reason)
{
    Message *m = exit_msg(SIG_EXIT, from, reason);
    if (m)
        sig_deliver(to, m);
}

static void send_down(Term to, Term from, Term name, Term reason, uint64_t ref)
{
    Message *m = down_msg(from, name, reason, ref);
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

/* Answers a process_info request with {Ref, Answer}, or {Ref, undefined}
 * if p is ending (NULL) or the answer cannot be built. */
static void answer_info(Process *p, Message *req, Term status)
{
    Term *items = NULL;
    bool list;
    long n = p ? pinfo_items(req->msg, &items, &list) : -1;
    Message *r = n >= 0 ? pinfo_build(p, items, (size_t)n, list, status, req->ref) : NULL;
    free(items);
    if (!r) {
        r = mbox_msg_new(MSG_PLAIN, p ? p->id : NIL, 3 + REF_WORDS);
        if (!r)
            return; /* out of memory: the asker waits, as for a lost node */
        Term *t = r->data;
        t[0] = make_header(2, SUB_TUPLE);
        t[1] = sig_put_ref(t + 3, req->ref);
        t[2] = ATOM_undefined;
        r->msg = make_boxed(t);
    }
    sig_deliver(req->from, r);
}

/* Acts on one signal (or queues a message); status is what a
 * process_info request answered now reports. False if p must end. */
static bool take(Process *p, Message *m, Term status)
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
        if (!lk_find(p->links, LK_LINK, m->from, 0) && !lk_add(&p->links, LK_LINK, m->from, 0, NIL))
            send_exit(m->from, p->id, ATOM_system_limit);
        break;
    case SIG_UNLINK:
        if ((e = lk_find(p->links, LK_LINK, m->from, 0)))
            lk_remove(&p->links, e);
        break;
    case SIG_MONITOR:
        if (!lk_add(&p->links, LK_MON_IN, m->from, m->ref, m->msg))
            send_down(m->from, p->id, m->msg, ATOM_system_limit, m->ref);
        break;
    case SIG_DEMONITOR:
        if ((e = lk_find(p->links, LK_MON_IN, 0, m->ref)))
            lk_remove(&p->links, e);
        break;
    case SIG_INFO:
        answer_info(p, m, status);
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

static bool drain(Process *p, Term status);

bool sig_drain_switch_in(Process *p)
{
    return drain(p, p->flags & PF_WAITED ? ATOM_waiting : ATOM_runnable);
}

bool sig_drain_in_bif(Process *p)
{
    if (sig_drain(p))
        return true;
    p->flags |= PF_EXIT_PENDING | PF_YIELD;
    return false;
}

bool sig_info_request(Process *p, Term pid, Term spec, uint64_t ref)
{
    Message *m = mbox_msg_copy(SIG_INFO, p->id, spec);
    if (!m)
        return false;
    m->ref = ref;
    return sig_deliver(pid, m);
}

bool sig_drain(Process *p) { return drain(p, ATOM_running); }

static bool drain(Process *p, Term status)
{
    Message *m = mbox_take(&p->mbox);
    while (m) {
        Message *next = m->next;
        if (!take(p, m, status)) {
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
    return lk_add(&parent->links, LK_LINK, c->id, 0, NIL) && lk_add(&c->links, LK_LINK, parent->id, 0, NIL);
}

bool sig_spawn_monitor(Process *parent, Process *c, uint64_t ref_id)
{
    return lk_add(&parent->links, LK_MON_OUT, c->id, ref_id, NIL) && lk_add(&c->links, LK_MON_IN, parent->id, ref_id, NIL);
}

bool sig_link(Process *p, Term pid)
{
    if (pid == p->id || lk_find(p->links, LK_LINK, pid, 0))
        return true;
    if (!ptab_alive(pid))
        return false;
    if (!lk_add(&p->links, LK_LINK, pid, 0, NIL))
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

bool sig_monitor(Process *p, Term pid, Term name, uint64_t ref_id)
{
    if (!lk_add(&p->links, LK_MON_OUT, pid, ref_id, name))
        return false;
    /* A dead target answers noproc: send_bare cannot tell, so look first;
     * if it dies between the look and the signal, its exit answers. */
    if (pid == NIL || !ptab_alive(pid)) {
        send_down(p->id, pid, name, ATOM_noproc, ref_id);
        return true;
    }
    Message *m = mbox_msg_new(SIG_MONITOR, p->id, 0);
    if (!m)
        return false;
    m->ref = ref_id;
    m->msg = name;
    sig_deliver(pid, m);
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
    Message *m = exit_msg(SIG_EXIT2, p->id, reason);
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
            send_exit(m->from, p->id, ATOM_noproc);
        else if (m->kind == SIG_MONITOR)
            send_down(m->from, p->id, m->msg, ATOM_noproc, m->ref);
        else if (m->kind == SIG_INFO)
            answer_info(NULL, m, ATOM_undefined);
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
            send_exit(e->pid, p->id, reason);
        else if (e->type == LK_MON_IN)
            send_down(e->pid, p->id, e->name, reason, e->ref);
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
