/* bif_proc.c - process BIFs: spawning, sending, names, links, monitors,
 * exit signals, timers, process flags and system information. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bif.h"
#include "copy.h"
#include "exception.h"
#include "interp.h"
#include "ptab.h"
#include "registry.h"
#include "scheduler.h"
#include "signal.h"

/* A spawned process's first heap: small, since most stay small; it grows
 * like any other. */
#define SPAWN_HEAP_WORDS 32

typedef struct {
    bool link, monitor;
    int prio;
    size_t min_heap, max_heap;
} SpawnOpts;

static bool proper_list(Term t)
{
    while (is_list(t))
        t = list_tail(t);
    return is_nil(t);
}

static unsigned list_length(Term t)
{
    unsigned n = 0;
    for (; is_list(t); t = list_tail(t))
        n++;
    return n;
}

static int prio_of(Term a)
{
    if (a == ATOM_max)
        return PRIO_MAX;
    if (a == ATOM_high)
        return PRIO_HIGH;
    if (a == atom_intern("normal", 6))
        return PRIO_NORMAL;
    if (a == ATOM_low)
        return PRIO_LOW;
    return -1;
}

static bool parse_opts(Term list, SpawnOpts *o)
{
    for (; is_list(list); list = list_tail(list)) {
        Term opt = list_head(list);
        if (opt == ATOM_link) {
            o->link = true;
        } else if (opt == ATOM_monitor) {
            o->monitor = true;
        } else if (is_tuple(opt) && tuple_arity(opt) == 2) {
            Term k = boxed_ptr(opt)[1], v = boxed_ptr(opt)[2];
            if (k == ATOM_priority && is_atom(v) && prio_of(v) >= 0)
                o->prio = prio_of(v);
            else if (k == ATOM_min_heap_size && is_small(v) && small_val(v) >= 0)
                o->min_heap = (size_t)small_val(v);
            else if (k == ATOM_max_heap_size && is_small(v) && small_val(v) >= 0)
                o->max_heap = (size_t)small_val(v);
            else
                return false;
        } else {
            return false;
        }
    }
    return is_nil(list);
}

/* erlang:apply/2 or /3's export entry. Entries live as long as the VM,
 * so each is looked up once: the export table's lock is not taken on every
 * spawn, where many schedulers spawning at once would queue on it. */
static Export *apply_export(unsigned n)
{
    static _Atomic(Export *) cache[4];
    Export *e = atomic_load_explicit(&cache[n], memory_order_acquire);
    if (!e) {
        e = export_get(ATOM_erlang, ATOM_apply, n);
        atomic_store_explicit(&cache[n], e, memory_order_release);
    }
    return e;
}

/* Spawns a process calling erlang:apply with a[0..n) (n = 2: Fun, [];
 * n = 3: M, F, A), copied into its heap. Returns the pid or {Pid, Ref}, or
 * THE_NON_VALUE with the exception set. */
static Term spawn(Process *p, Term *args, unsigned live, unsigned n, const SpawnOpts *o)
{
    /* Room for the result first: after this nothing here collects. */
    if (!proc_reserve(p, 3 + REF_WORDS, live))
        return bif_heap_exhausted(p);
    Term a[3];
    for (unsigned i = 0; i < n; i++)
        a[i] = args[i];
    size_t words = 0;
    for (unsigned i = 0; i < n; i++) {
        size_t w = copy_size(a[i]);
        if (w == SIZE_MAX)
            return bif_error(p, ATOM_system_limit);
        words += w;
    }
    size_t heap = SPAWN_HEAP_WORDS;
    if (o->min_heap > heap)
        heap = o->min_heap;
    if (words + 16 > heap)
        heap = words + 16;
    Process *c = proc_new(heap);
    if (!c)
        return bif_error(p, ATOM_system_limit);
    Term *hp = c->htop;
    for (unsigned i = 0; i < n; i++)
        a[i] = copy_term(a[i], &hp, &c->off_heap);
    c->htop = hp;
    c->prio = (uint8_t)o->prio;
    c->max_heap_size = o->max_heap;
    Export *apply = apply_export(n);
    /* process_info's initial_call: M:F/A for spawn(M, F, A), as OTP says
     * (the length was checked: a proper list), else erlang:apply/2. */
    c->initial_call = n == 3 ? export_get(a[0], a[1], list_length(a[2])) : apply;
    if (!apply || !interp_setup_call(c, export_code(apply), a, n) || !ptab_insert(c)) {
        proc_free(c);
        return bif_error(p, ATOM_system_limit);
    }
    Term result = c->id;
    bool ok = true;
    if (o->link)
        ok = sig_spawn_link(p, c);
    if (ok && o->monitor) {
        uint64_t id = sig_new_ref_id();
        ok = sig_spawn_monitor(p, c, id);
        Term ref = sig_make_ref(p, id);
        Term pair[2] = { c->id, ref };
        result = proc_tuple(p, 2, pair);
    }
    sched_enqueue(c);
    if (!ok)
        return bif_error(p, ATOM_system_limit);
    return result;
}

static Term spawn_fun(Process *p, Term *args, unsigned live, const SpawnOpts *o)
{
    if (!is_fun(args[0]) || exc_fun_arity(args[0]) != 0)
        return bif_badarg(p);
    Term *a = args;
    /* apply(Fun, []): the [] goes right after the fun (a spare register). */
    a[1] = NIL;
    return spawn(p, a, live + 1, 2, o);
}

static Term spawn_mfa(Process *p, Term *args, unsigned live, const SpawnOpts *o)
{
    if (!is_atom(args[0]) || !is_atom(args[1]) || !proper_list(args[2]))
        return bif_badarg(p);
    return spawn(p, args, live, 3, o);
}

static const SpawnOpts plain = { false, false, PRIO_NORMAL, 0, 0 };
static const SpawnOpts linked = { true, false, PRIO_NORMAL, 0, 0 };
static const SpawnOpts monitored = { false, true, PRIO_NORMAL, 0, 0 };

Term bif_spawn_1(Process *p, Term *args, unsigned live) { return spawn_fun(p, args, live, &plain); }
Term bif_spawn_3(Process *p, Term *args, unsigned live) { return spawn_mfa(p, args, live, &plain); }
Term bif_spawn_link_1(Process *p, Term *args, unsigned live) { return spawn_fun(p, args, live, &linked); }
Term bif_spawn_link_3(Process *p, Term *args, unsigned live) { return spawn_mfa(p, args, live, &linked); }
Term bif_spawn_monitor_1(Process *p, Term *args, unsigned live) { return spawn_fun(p, args, live, &monitored); }
Term bif_spawn_monitor_3(Process *p, Term *args, unsigned live) { return spawn_mfa(p, args, live, &monitored); }

/* spawn(Node, M, F, A) for this node only. */
static Term spawn_node(Process *p, Term *args, unsigned live, const SpawnOpts *o)
{
    if (args[0] != ATOM_nonode_nohost)
        return bif_badarg(p);
    return spawn_mfa(p, args + 1, live, o);
}
Term bif_spawn_4(Process *p, Term *args, unsigned live) { return spawn_node(p, args, live, &plain); }
Term bif_spawn_link_4(Process *p, Term *args, unsigned live) { return spawn_node(p, args, live, &linked); }

Term bif_spawn_opt_2(Process *p, Term *args, unsigned live)
{
    SpawnOpts o = plain;
    if (!parse_opts(args[1], &o))
        return bif_badarg(p);
    return spawn_fun(p, args, live, &o);
}

Term bif_spawn_opt_4(Process *p, Term *args, unsigned live)
{
    SpawnOpts o = plain;
    if (!parse_opts(args[3], &o))
        return bif_badarg(p);
    return spawn_mfa(p, args, live, &o);
}

Term bif_self_0(Process *p, Term *args, unsigned live) { return p->id; }

Term bif_send_2(Process *p, Term *args, unsigned live)
{
    if (!sig_send(p, args[0], args[1]))
        return bif_badarg(p);
    return args[1];
}

Term bif_register_2(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]) || args[0] == ATOM_undefined || !is_pid(args[1]))
        return bif_badarg(p);
    if (!reg_register(args[0], args[1]))
        return bif_badarg(p);
    return ATOM_true;
}

Term bif_unregister_1(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]) || !reg_unregister(args[0]))
        return bif_badarg(p);
    return ATOM_true;
}

Term bif_whereis_1(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]))
        return bif_badarg(p);
    Term pid = reg_whereis(args[0]);
    return pid == NIL ? ATOM_undefined : pid;
}

Term bif_registered_0(Process *p, Term *args, unsigned live)
{
    size_t n = reg_names(NULL, 0);
    for (;;) {
        Term *names = malloc((n + 1) * sizeof(Term));
        if (!names)
            return bif_error(p, ATOM_system_limit);
        size_t got = reg_names(names, n + 1);
        if (got > n + 1) {
            free(names);
            n = got;
            continue;
        }
        if (!proc_reserve(p, 2 * got, live)) {
            free(names);
            return bif_heap_exhausted(p);
        }
        Term list = NIL;
        for (size_t i = got; i-- > 0;)
            list = proc_cons(p, names[i], list);
        free(names);
        return list;
    }
}

Term bif_is_process_alive_1(Process *p, Term *args, unsigned live)
{
    if (!is_pid(args[0]))
        return bif_badarg(p);
    return ptab_alive(args[0]) ? ATOM_true : ATOM_false;
}

Term bif_make_ref_0(Process *p, Term *args, unsigned live)
{
    if (!proc_reserve(p, REF_WORDS, live))
        return bif_heap_exhausted(p);
    return sig_make_ref(p, sig_new_ref_id());
}

Term bif_link_1(Process *p, Term *args, unsigned live)
{
    if (!is_pid(args[0]))
        return bif_badarg(p);
    if (!sig_link(p, args[0])) {
        if (p->flags & PF_TRAP_EXIT) {
            /* Linking to a process that has ended: {'EXIT', Pid, noproc}. */
            Term t[3] = { ATOM_EXIT, args[0], ATOM_noproc };
            if (!proc_reserve(p, 4, live))
                return bif_heap_exhausted(p);
            t[1] = args[0];
            sig_send(p, p->id, proc_tuple(p, 3, t));
            return ATOM_true;
        }
        return bif_error(p, ATOM_noproc);
    }
    return ATOM_true;
}

Term bif_unlink_1(Process *p, Term *args, unsigned live)
{
    if (!is_pid(args[0]))
        return bif_badarg(p);
    sig_unlink(p, args[0]);
    return ATOM_true;
}

/* monitor(process, Pid | Name | {Name, Node}): a name is looked up now;
 * nobody by that name, or a process already gone, answers 'DOWN' with
 * noproc at once. There is one node, so Node must be node(). */
Term bif_monitor_2(Process *p, Term *args, unsigned live)
{
    if (args[0] != ATOM_process)
        return bif_badarg(p);
    Term target = args[1], name = NIL;
    if (is_tuple(target) && tuple_arity(target) == 2 && boxed_ptr(target)[2] == ATOM_nonode_nohost)
        target = boxed_ptr(target)[1];
    if (is_atom(target)) {
        name = target;
        target = reg_whereis(name);
    } else if (!is_pid(target)) {
        return bif_badarg(p);
    }
    if (!proc_reserve(p, REF_WORDS, live))
        return bif_heap_exhausted(p);
    uint64_t id = sig_new_ref_id();
    if (!sig_monitor(p, target, name, id))
        return bif_error(p, ATOM_system_limit);
    return sig_make_ref(p, id);
}

/* Removes 'DOWN' messages of this monitor from the private queue. */
static void flush_down(Process *p, uint64_t id)
{
    if (!sig_drain_in_bif(p))
        return; /* ending: nothing to flush */
    Mailbox *mb = &p->mbox;
    Message **save = mb->save;
    for (mb->save = &mb->first; *mb->save;) {
        Term m = (*mb->save)->msg;
        if (is_tuple(m) && tuple_arity(m) == 5 && boxed_ptr(m)[1] == ATOM_DOWN && is_ref(boxed_ptr(m)[2]) &&
            sig_ref_id(boxed_ptr(m)[2]) == id) {
            mbox_remove_current(mb);
            save = &mb->first;
            break;
        }
        mb->save = &(*mb->save)->next;
    }
    mb->save = save;
}

static Term demonitor(Process *p, Term ref, Term opts)
{
    if (!is_ref(ref))
        return bif_badarg(p);
    bool flush = false, info = false;
    for (; is_list(opts); opts = list_tail(opts)) {
        Term o = list_head(opts);
        if (o == atom_intern("flush", 5))
            flush = true;
        else if (o == atom_intern("info", 4))
            info = true;
        else
            return bif_badarg(p);
    }
    if (!is_nil(opts))
        return bif_badarg(p);
    uint64_t id = sig_ref_id(ref);
    bool active = sig_demonitor(p, id);
    if (flush)
        flush_down(p, id);
    return info && !active ? ATOM_false : ATOM_true;
}

Term bif_demonitor_1(Process *p, Term *args, unsigned live) { return demonitor(p, args[0], NIL); }
Term bif_demonitor_2(Process *p, Term *args, unsigned live) { return demonitor(p, args[0], args[1]); }

Term bif_exit_2(Process *p, Term *args, unsigned live)
{
    if (!is_pid(args[0]))
        return bif_badarg(p);
    if (!sig_exit(p, args[0], args[1]))
        return bif_error(p, ATOM_system_limit);
    return ATOM_true;
}

Term bif_process_flag_2(Process *p, Term *args, unsigned live)
{
    Term flag = args[0], v = args[1];
    if (flag == ATOM_trap_exit) {
        if (v != ATOM_true && v != ATOM_false)
            return bif_badarg(p);
        Term old = (p->flags & PF_TRAP_EXIT) ? ATOM_true : ATOM_false;
        if (v == ATOM_true)
            p->flags |= PF_TRAP_EXIT;
        else
            p->flags &= (uint8_t)~PF_TRAP_EXIT;
        return old;
    }
    if (flag == ATOM_priority) {
        int prio = is_atom(v) ? prio_of(v) : -1;
        if (prio < 0)
            return bif_badarg(p);
        static const char *const names[] = { "max", "high", "normal", "low" };
        Term old = atom_intern(names[p->prio], strlen(names[p->prio]));
        p->prio = (uint8_t)prio;
        return old;
    }
    if (flag == ATOM_max_heap_size && is_small(v) && small_val(v) >= 0) {
        Term old = make_small((int64_t)p->max_heap_size);
        p->max_heap_size = (size_t)small_val(v);
        return old;
    }
    if (flag == ATOM_min_heap_size && is_small(v) && small_val(v) >= 0) {
        Term old = make_small((int64_t)p->min_heap_size);
        p->min_heap_size = (size_t)small_val(v);
        return old;
    }
    return bif_badarg(p);
}

Term bif_yield_0(Process *p, Term *args, unsigned live)
{
    p->flags |= PF_YIELD;
    return ATOM_true;
}

/* ---- timers: send_after, start_timer, cancel_timer, read_timer */

static bool is_boolean(Term t) { return t == ATOM_true || t == ATOM_false; }

/* [{abs, Bool}]: whether Time is a monotonic time (ms) rather than a delay. */
static bool timer_opts(Term opts, bool *abs)
{
    *abs = false;
    for (; is_list(opts); opts = list_tail(opts)) {
        Term o = list_head(opts);
        if (!is_tuple(o) || tuple_arity(o) != 2 || boxed_ptr(o)[1] != atom_intern("abs", 3) ||
            !is_boolean(boxed_ptr(o)[2]))
            return false;
        *abs = boxed_ptr(o)[2] == ATOM_true;
    }
    return is_nil(opts);
}

/* The message start_timer sends: {timeout, TRef, Msg}. */
static Message *timeout_msg(Term from, uint64_t id, Term msg)
{
    size_t words = copy_size(msg);
    if (words == SIZE_MAX)
        return NULL;
    Message *m = mbox_msg_new(MSG_PLAIN, from, 4 + REF_WORDS + words);
    if (!m)
        return NULL;
    Term *t = m->data, *hp = t + 4 + REF_WORDS;
    t[0] = make_header(3, SUB_TUPLE);
    t[1] = ATOM_timeout;
    t[2] = sig_put_ref(t + 4, id);
    t[3] = copy_term(msg, &hp, &m->oh);
    m->msg = make_boxed(t);
    return m;
}

/* send_after (the message itself) and start_timer ({timeout, TRef, Msg}),
 * with args Time, Dest, Msg and options. */
static Term start_timer(Process *p, Term *args, unsigned live, Term opts, bool tagged)
{
    Term t = args[0], dest = args[1];
    bool abs;
    if (!is_small(t) || !(is_pid(dest) || is_atom(dest)) || !timer_opts(opts, &abs))
        return bif_badarg(p);
    uint64_t now = sched_now_ms(), deadline;
    int64_t v = small_val(t);
    if (abs)
        deadline = v > (int64_t)now ? (uint64_t)v : now;
    else if (v >= 0 && v <= 0xFFFFFFFFLL)
        deadline = now + (uint64_t)v;
    else
        return bif_badarg(p);
    if (!proc_reserve(p, REF_WORDS, live))
        return bif_heap_exhausted(p);
    uint64_t id = sig_new_ref_id();
    Message *m = tagged ? timeout_msg(p->id, id, args[2]) : mbox_msg_copy(MSG_PLAIN, p->id, args[2]);
    if (!m || !sched_send_after(deadline, args[1], m, id))
        return bif_error(p, ATOM_system_limit);
    return sig_make_ref(p, id);
}

Term bif_send_after_3(Process *p, Term *args, unsigned live)
{
    return start_timer(p, args, live, NIL, false);
}

Term bif_send_after_4(Process *p, Term *args, unsigned live)
{
    return start_timer(p, args, live, args[3], false);
}

Term bif_start_timer_3(Process *p, Term *args, unsigned live)
{
    return start_timer(p, args, live, NIL, true);
}

Term bif_start_timer_4(Process *p, Term *args, unsigned live)
{
    return start_timer(p, args, live, args[3], true);
}

/* Options of cancel_timer/2 and read_timer/2: [{async, Bool}, {info,
 * Bool}]. */
static bool timer_query_opts(Term opts, bool *async, bool *info)
{
    *async = false;
    *info = true;
    for (; is_list(opts); opts = list_tail(opts)) {
        Term o = list_head(opts);
        if (!is_tuple(o) || tuple_arity(o) != 2 || !is_boolean(boxed_ptr(o)[2]))
            return false;
        bool v = boxed_ptr(o)[2] == ATOM_true;
        if (boxed_ptr(o)[1] == atom_intern("async", 5))
            *async = v;
        else if (boxed_ptr(o)[1] == atom_intern("info", 4))
            *info = v;
        else
            return false;
    }
    return is_nil(opts);
}

/* cancel_timer and read_timer: the time left or false; with {async, true}
 * that answer comes as a message {cancel_timer | read_timer, TRef, Result}
 * (none with {info, false}) and the call returns ok. */
static Term query_timer(Process *p, Term *args, unsigned live, Term opts, bool cancel)
{
    bool async, info;
    if (!is_ref(args[0]) || !timer_query_opts(opts, &async, &info))
        return bif_badarg(p);
    uint64_t id = sig_ref_id(args[0]);
    int64_t left = cancel ? sched_cancel_timer(id) : sched_read_timer(id);
    Term result = left < 0 ? ATOM_false : make_small(left);
    if (!async)
        return info ? result : ATOM_ok;
    if (info) {
        Term tag = atom_intern(cancel ? "cancel_timer" : "read_timer", cancel ? 12 : 10);
        if (!proc_reserve(p, 4, live))
            return bif_heap_exhausted(p);
        Term reply[3] = { tag, args[0], result };
        if (!sig_send(p, p->id, proc_tuple(p, 3, reply)))
            return bif_error(p, ATOM_system_limit);
    }
    return ATOM_ok;
}

Term bif_cancel_timer_1(Process *p, Term *args, unsigned live)
{
    return query_timer(p, args, live, NIL, true);
}

Term bif_cancel_timer_2(Process *p, Term *args, unsigned live)
{
    return query_timer(p, args, live, args[1], true);
}

Term bif_read_timer_1(Process *p, Term *args, unsigned live)
{
    return query_timer(p, args, live, NIL, false);
}

Term bif_read_timer_2(Process *p, Term *args, unsigned live)
{
    return query_timer(p, args, live, args[1], false);
}

Term bif_system_info_1(Process *p, Term *args, unsigned live)
{
    Term what = args[0];
    if (what == ATOM_schedulers || what == ATOM_schedulers_online)
        return make_small(sched_count());
    if (what == ATOM_logical_processors) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        return make_small(n > 0 ? n : 1);
    }
    if (what == atom_intern("process_count", 13))
        return make_small((int64_t)ptab_count());
    return bif_badarg(p);
}
