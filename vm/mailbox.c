/* mailbox.c - messages, the lock-free inbox and the private queue (see
 * mailbox.h for the design). */
#include "mailbox.h"

#include <stdlib.h>

#include "copy.h"

void mbox_init(Mailbox *mb)
{
    atomic_init(&mb->inbox, NULL);
    mb->first = NULL;
    mb->last = &mb->first;
    mb->save = &mb->first;
}

Message *mbox_msg_new(uint32_t kind, Term from, size_t words)
{
    Message *m = malloc(sizeof *m + words * sizeof(Term));
    if (!m)
        return NULL;
    m->next = NULL;
    m->msg = NIL;
    m->from = from;
    m->ref = 0;
    m->kind = kind;
    m->flags = 0;
    m->oh.first = NIL;
    m->words = words;
    return m;
}

Message *mbox_msg_copy(uint32_t kind, Term from, Term term)
{
    size_t words = copy_size(term);
    if (words == SIZE_MAX)
        return NULL;
    Message *m = mbox_msg_new(kind, from, words);
    if (!m)
        return NULL;
    Term *hp = m->data;
    m->msg = copy_term(term, &hp, &m->oh);
    if (m->msg == THE_NON_VALUE) {
        mbox_msg_free(m);
        return NULL;
    }
    return m;
}

void mbox_msg_free(Message *m)
{
    copy_release_offheap(&m->oh);
    free(m);
}

Message *mbox_take(Mailbox *mb)
{
    if (atomic_load_explicit(&mb->inbox, memory_order_relaxed) == NULL)
        return NULL;
    Message *m = atomic_exchange_explicit(&mb->inbox, NULL, memory_order_acquire);
    /* The inbox is newest first: reverse it into sending order. */
    Message *prev = NULL;
    while (m) {
        Message *next = m->next;
        m->next = prev;
        prev = m;
        m = next;
    }
    return prev;
}

void mbox_remove_current(Mailbox *mb)
{
    Message *m = *mb->save;
    *mb->save = m->next;
    if (mb->last == &m->next)
        mb->last = mb->save;
    mb->save = &mb->first;
    mbox_msg_free(m);
}

static void free_list(Message *m)
{
    while (m) {
        Message *next = m->next;
        mbox_msg_free(m);
        m = next;
    }
}

void mbox_clear(Mailbox *mb)
{
    free_list(mb->first);
    free_list(mbox_take(mb));
    mbox_init(mb);
}

size_t mbox_len(const Mailbox *mb)
{
    size_t n = 0;
    for (const Message *m = mb->first; m; m = m->next)
        n++;
    return n;
}
