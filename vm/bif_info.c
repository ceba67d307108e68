/* bif_info.c - looking at processes: erlang:process_info/1,2 and
 * processes/0.
 *
 * process_info of the caller itself is answered at once. For another
 * process the BIF sends it a request signal and goes on in Erlang
 * (erts_internal:await_reply/1, lib/erts_internal.erl) waiting for the
 * answer, which the target builds itself (proc_info.h): no process ever
 * reads another's heap, queue or links. A process that is gone answers
 * undefined, whether it was gone before the request or ended before acting
 * on it. */
#include <stdlib.h>

#include "bif.h"
#include "copy.h"
#include "proc_info.h"
#include "ptab.h"
#include "signal.h"

/* erts_internal:await_reply/1, looked up once (entries live forever). */
static Export *await_export(void)
{
    static _Atomic(Export *) cache;
    Export *e = atomic_load_explicit(&cache, memory_order_acquire);
    if (!e) {
        e = export_get(atom_intern("erts_internal", 13), atom_intern("await_reply", 11), 1);
        atomic_store_explicit(&cache, e, memory_order_release);
    }
    return e;
}

/* The answer about the caller itself, moved from the fragment it is built
 * in onto the heap. */
static Term info_self(Process *p, const Term *items, size_t n, bool list, unsigned live)
{
    if (!sig_drain_in_bif(p))
        return ATOM_undefined; /* a signal ended it: it exits after this */
    Message *m = pinfo_build(p, items, n, list, ATOM_running, 0);
    if (!m)
        return bif_error(p, ATOM_system_limit);
    size_t words = copy_size(m->msg);
    if (!proc_reserve(p, words, live)) {
        mbox_msg_free(m);
        return bif_heap_exhausted(p);
    }
    Term *hp = p->htop;
    Term r = copy_term(m->msg, &hp, &p->off_heap);
    p->htop = hp;
    mbox_msg_free(m);
    return r;
}

/* Asks pid; args[0] becomes the reference the answer is tagged with and
 * the caller traps to await_reply(Ref). */
static Term info_other(Process *p, Term *args, unsigned live, Term pid, Term spec)
{
    Export *await = await_export();
    if (!await)
        return bif_error(p, ATOM_system_limit);
    if (!proc_reserve(p, REF_WORDS, live))
        return bif_heap_exhausted(p);
    pid = args[0];
    spec = args[1];
    uint64_t id = sig_new_ref_id();
    if (!sig_info_request(p, pid, spec, id))
        return ATOM_undefined;
    args[0] = sig_make_ref(p, id);
    return bif_trap(await);
}

Term bif_process_info_2(Process *p, Term *args, unsigned live)
{
    Term pid = args[0], spec = args[1];
    Term *items;
    bool list;
    long n;
    if (!is_pid(pid) || (n = pinfo_items(spec, &items, &list)) < 0)
        return bif_badarg(p);
    if (pid != p->id) {
        free(items);
        return info_other(p, args, live, pid, spec);
    }
    Term r = info_self(p, items, (size_t)n, list, live);
    free(items);
    return r;
}

/* process_info(Pid): the default items, as a list (args[1] is free for
 * the spec: BIF_TRAP BIFs are called with their arguments in x0..). */
Term bif_process_info_1(Process *p, Term *args, unsigned live)
{
    if (!is_pid(args[0]))
        return bif_badarg(p);
    if (args[0] == p->id)
        return info_self(p, pinfo_default, pinfo_ndefault, true, live);
    if (!proc_reserve(p, 2 * pinfo_ndefault + REF_WORDS, live))
        return bif_heap_exhausted(p);
    Term spec = NIL;
    for (unsigned i = pinfo_ndefault; i-- > 0;)
        spec = proc_cons(p, pinfo_default[i], spec);
    args[1] = spec;
    return info_other(p, args, live + 1, args[0], spec);
}

typedef struct {
    Term *pids;
    size_t n, cap;
} PidVec;

static void collect(Term pid, void *arg)
{
    PidVec *v = arg;
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 64;
        Term *np = realloc(v->pids, cap * sizeof *np);
        if (!np)
            return; /* out of memory: the list comes back short */
        v->pids = np;
        v->cap = cap;
    }
    v->pids[v->n++] = pid;
}

/* processes(): every live process's pid. */
Term bif_processes_0(Process *p, Term *args, unsigned live)
{
    PidVec v = { 0 };
    ptab_each(collect, &v);
    if (!proc_reserve(p, 2 * v.n, live)) {
        free(v.pids);
        return bif_heap_exhausted(p);
    }
    Term l = NIL;
    for (size_t i = v.n; i-- > 0;)
        l = proc_cons(p, v.pids[i], l);
    free(v.pids);
    return l;
}
