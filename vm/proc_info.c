/* proc_info.c - building process_info answers (see proc_info.h).
 *
 * Each item has a size function (words its {Item, Value} tuple needs in the
 * fragment) and a builder; the answer is sized first, allocated once, then
 * built, so nothing is ever copied twice. */
#include "proc_info.h"

#include <stdlib.h>

#include "atom.h"
#include "code.h"
#include "export.h"
#include "module.h"
#include "copy.h"
#include "links.h"
#include "pdict.h"
#include "signal.h"

const Term pinfo_default[] = {
    ATOM_current_function, ATOM_initial_call, ATOM_status,      ATOM_message_queue_len, ATOM_links,
    ATOM_dictionary,       ATOM_trap_exit,   ATOM_error_handler,     ATOM_priority,
    ATOM_total_heap_size,  ATOM_heap_size,   ATOM_stack_size,        ATOM_reductions,
    ATOM_suspending,
};
const unsigned pinfo_ndefault = sizeof pinfo_default / sizeof pinfo_default[0];

static const Term known[] = {
    ATOM_current_function, ATOM_status,       ATOM_message_queue_len, ATOM_messages,
    ATOM_links,            ATOM_monitors,     ATOM_monitored_by,      ATOM_dictionary,
    ATOM_trap_exit,        ATOM_error_handler, ATOM_priority,         ATOM_heap_size,
    ATOM_total_heap_size,  ATOM_stack_size,   ATOM_memory,            ATOM_registered_name,
    ATOM_suspending,       ATOM_reductions,    ATOM_initial_call,
};

static bool is_known(Term item)
{
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i] == item)
            return true;
    return false;
}

long pinfo_items(Term spec, Term **items, bool *list)
{
    *list = !is_atom(spec);
    size_t n = 0;
    if (*list) {
        Term t = spec;
        for (; is_list(t); t = list_tail(t))
            if (!is_known(list_head(t)))
                return -1;
            else
                n++;
        if (!is_nil(t))
            return -1;
    } else if (!is_known(spec)) {
        return -1;
    } else {
        n = 1;
    }
    *items = malloc((n ? n : 1) * sizeof(Term));
    if (!*items)
        return -1;
    if (!*list)
        (*items)[0] = spec;
    size_t i = 0;
    for (Term t = spec; *list && is_list(t); t = list_tail(t))
        (*items)[i++] = list_head(t);
    return (long)n;
}

/* ---- the values */

static Term prio_atom(const Process *p)
{
    static const Term names[] = { ATOM_max, ATOM_high, ATOM_normal, ATOM_low };
    return names[p->prio < PRIO_COUNT ? p->prio : PRIO_NORMAL];
}

static size_t heap_words(const Process *p) { return (size_t)(p->hend - p->heap); }

static size_t total_heap_words(const Process *p)
{
    return heap_words(p) + (size_t)(p->old_hend - p->old_heap);
}

/* Bytes the process holds: its control block, heaps, saved registers,
 * queued messages and dictionary. */
static size_t memory_bytes(const Process *p)
{
    size_t b = sizeof *p + total_heap_words(p) * sizeof(Term) + p->arg_cap * sizeof(Term);
    for (const Message *m = p->mbox.first; m; m = m->next)
        b += sizeof *m + m->words * sizeof(Term);
    if (p->dict)
        b += sizeof *p->dict + p->dict->cap * sizeof(PDictEntry) + (p->dict->mask + 1) * sizeof(uint32_t);
    return b;
}

/* The function p is in: where it resumes, or, running, the last call of
 * a BIF. */
static const FuncInfo *current_func(const Process *p, Module **m)
{
    const FuncInfo *f = p->pc ? code_func_at(p->pc, m) : NULL;
    if (!f && p->current_pc)
        f = code_func_at(p->current_pc, m);
    return f;
}

/* Words of the value (beyond the {Item, Value} tuple's 3). */
static size_t value_words(Process *p, Term item)
{
    size_t w = 0;
    uint32_t nl = lk_count(p->links);
    if (item == ATOM_initial_call) {
        w = 4;
    } else if (item == ATOM_current_function) {
        Module *m;
        w = current_func(p, &m) ? 4 : 0;
    } else if (item == ATOM_messages) {
        for (const Message *m = p->mbox.first; m; m = m->next)
            w += 2 + copy_size(m->msg);
    } else if (item == ATOM_links || item == ATOM_monitored_by) {
        uint32_t type = item == ATOM_links ? LK_LINK : LK_MON_IN;
        for (uint32_t i = 0; i < nl; i++)
            w += lk_entry(p->links, i)->type == type ? 2 : 0;
    } else if (item == ATOM_monitors) {
        for (uint32_t i = 0; i < nl; i++) {
            const LinkEntry *e = lk_entry(p->links, i);
            if (e->type == LK_MON_OUT)
                w += 2 + 3 + (e->name != NIL ? 3 : 0);
        }
    } else if (item == ATOM_dictionary) {
        const ProcDict *d = p->dict;
        for (uint32_t i = 0; d && i < d->n; i++)
            if (d->e[i].key != THE_NON_VALUE)
                w += 2 + 3 + copy_size(d->e[i].key) + copy_size(d->e[i].val);
    }
    return w;
}

typedef struct {
    Term *hp;
    OffHeap *oh;
} Build;

static Term tuple2(Build *b, Term a, Term c)
{
    Term *t = b->hp;
    b->hp += 3;
    t[0] = make_header(2, SUB_TUPLE);
    t[1] = a;
    t[2] = c;
    return make_boxed(t);
}

static Term cons(Build *b, Term h, Term t)
{
    Term *c = b->hp;
    b->hp += 2;
    c[0] = h;
    c[1] = t;
    return make_list(c);
}

static Term links_value(Process *p, Build *b, uint32_t type)
{
    Term l = NIL;
    for (uint32_t i = lk_count(p->links); i-- > 0;) {
        const LinkEntry *e = lk_entry(p->links, i);
        if (e->type != type)
            continue;
        Term v = e->pid;
        if (type == LK_MON_OUT)
            v = tuple2(b, ATOM_process, e->name != NIL ? tuple2(b, e->name, ATOM_nonode_nohost) : e->pid);
        l = cons(b, v, l);
    }
    return l;
}

static Term messages_value(Process *p, Build *b)
{
    /* Front to back: each cell's tail is filled by the next. */
    Term l = NIL, *slot = &l;
    for (const Message *m = p->mbox.first; m; m = m->next) {
        Term *c = b->hp;
        b->hp += 2;
        c[0] = copy_term(m->msg, &b->hp, b->oh);
        *slot = make_list(c);
        slot = &c[1];
    }
    *slot = NIL;
    return l;
}

static Term dictionary_value(Process *p, Build *b)
{
    const ProcDict *d = p->dict;
    Term l = NIL;
    for (uint32_t i = d ? d->n : 0; i-- > 0;) {
        if (d->e[i].key == THE_NON_VALUE)
            continue;
        Term k = copy_term(d->e[i].key, &b->hp, b->oh);
        Term v = copy_term(d->e[i].val, &b->hp, b->oh);
        l = cons(b, tuple2(b, k, v), l);
    }
    return l;
}

/* {M, F, A} it was spawned to run; the main process, started by the VM,
 * names its entry point. */
static Term initial_call(Process *p, Build *b)
{
    Term *t = b->hp;
    b->hp += 4;
    t[0] = make_header(3, SUB_TUPLE);
    if (p->initial_call) {
        t[1] = p->initial_call->module, t[2] = p->initial_call->name;
        t[3] = make_small(p->initial_call->arity);
    } else {
        t[1] = ATOM_erlang, t[2] = ATOM_apply, t[3] = make_small(2);
    }
    return make_boxed(t);
}

static Term value(Process *p, Build *b, Term item, Term status)
{
    if (item == ATOM_current_function) {
        Module *m;
        const FuncInfo *f = current_func(p, &m);
        if (!f)
            return ATOM_undefined;
        Term *t = b->hp;
        b->hp += 4;
        t[0] = make_header(3, SUB_TUPLE);
        t[1] = m->name, t[2] = f->name, t[3] = make_small(f->arity);
        return make_boxed(t);
    }
    if (item == ATOM_initial_call)
        return initial_call(p, b);
    if (item == ATOM_status)
        return status;
    if (item == ATOM_message_queue_len)
        return make_small((int64_t)mbox_len(&p->mbox));
    if (item == ATOM_messages)
        return messages_value(p, b);
    if (item == ATOM_links)
        return links_value(p, b, LK_LINK);
    if (item == ATOM_monitors)
        return links_value(p, b, LK_MON_OUT);
    if (item == ATOM_monitored_by)
        return links_value(p, b, LK_MON_IN);
    if (item == ATOM_dictionary)
        return dictionary_value(p, b);
    if (item == ATOM_trap_exit)
        return p->flags & PF_TRAP_EXIT ? ATOM_true : ATOM_false;
    if (item == ATOM_error_handler)
        return ATOM_error_handler;
    if (item == ATOM_priority)
        return prio_atom(p);
    if (item == ATOM_heap_size)
        return make_small((int64_t)heap_words(p));
    if (item == ATOM_total_heap_size)
        return make_small((int64_t)total_heap_words(p));
    if (item == ATOM_stack_size)
        return make_small((int64_t)(p->hend - p->stop));
    if (item == ATOM_reductions)
        return make_small((int64_t)(p->reductions & ((1ULL << 59) - 1)));
    if (item == ATOM_memory)
        return make_small((int64_t)memory_bytes(p));
    if (item == ATOM_registered_name)
        return p->reg_name != NIL ? p->reg_name : NIL;
    return NIL; /* suspending: never suspended */
}

Message *pinfo_build(Process *p, const Term *items, size_t n, bool list, Term status,
                     uint64_t tag_ref)
{
    bool bare_name = !list && items[0] == ATOM_registered_name && p->reg_name == NIL;
    size_t words = tag_ref ? 3 + REF_WORDS : 0;
    for (size_t i = 0; i < n; i++)
        words += (list ? 2 : 0) + 3 + value_words(p, items[i]);
    Message *m = mbox_msg_new(MSG_PLAIN, p->id, words);
    if (!m)
        return NULL;
    Build b = { m->data, &m->oh };
    Term answer = NIL;
    if (bare_name) {
        answer = NIL; /* process_info(P, registered_name) without one: [] */
    } else if (!list) {
        answer = tuple2(&b, items[0], value(p, &b, items[0], status));
    } else {
        /* Built back to front, so the list keeps the items' order. */
        for (size_t i = n; i-- > 0;) {
            Term v = value(p, &b, items[i], status);
            answer = cons(&b, tuple2(&b, items[i], v), answer);
        }
    }
    if (tag_ref) {
        Term ref = sig_put_ref(b.hp, tag_ref);
        b.hp += REF_WORDS;
        answer = tuple2(&b, ref, answer);
    }
    m->msg = answer;
    return m;
}
