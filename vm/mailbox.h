/* mailbox.h - a process's mailbox: messages and signals.
 *
 * Two parts. The inbox is where other processes push: a lock-free stack
 * (one compare-and-swap per push, any number of senders). Only the owner
 * takes from it, all at once with one atomic exchange, and appends what it
 * took, reversed back into sending order, to its private queue. Order between
 * any two processes is therefore kept: one sender's pushes are ordered, and
 * each drain keeps them in that order.
 *
 * The private queue is touched by the owner only. `receive` scans it from
 * `save`, the link where the last scan stopped, so messages already looked
 * at and skipped are not matched again until one is removed or a timeout
 * resets the scan (loop_rec/remove_message/timeout in interp.c).
 *
 * A message owns a fragment: the term copied by the sender into the words
 * after the header. The receiver copies it once more, into its own heap, the
 * first time `receive` looks at it (MSG_ON_HEAP), so the collector never has
 * to know about fragments; it only treats the `msg` of on-heap messages as
 * roots. Receive looks at messages in queue order, so the on-heap ones are
 * always a prefix of the queue (a message a process sends itself goes on
 * the heap only when everything before it is there already): the collector
 * stops at the first message still in its fragment.
 *
 * Signals (exits, links, monitors) travel through the same inbox, so they keep
 * their order with messages; the owner acts on them while draining (see
 * signal.c). */
#ifndef BL_MAILBOX_H
#define BL_MAILBOX_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "term.h"

typedef enum {
    MSG_PLAIN,     /* a message */
    SIG_EXIT,      /* exit signal from a linked process: msg = {'EXIT', From, Reason} */
    SIG_EXIT2,     /* exit/2: msg = {'EXIT', From, Reason} */
    SIG_LINK,      /* from links to the receiver */
    SIG_UNLINK,    /* from unlinks */
    SIG_MONITOR,   /* from monitors the receiver; ref = the monitor's id */
    SIG_DEMONITOR, /* from drops monitor ref */
    SIG_DOWN,      /* monitored process ended: msg = {'DOWN', Ref, process, Pid, Reason} */
    SIG_INFO,      /* process_info request: msg = the item or items; ref = reply tag */
} MsgKind;

enum { MSG_ON_HEAP = 1 };

typedef struct Message {
    struct Message *next;
    Term msg;        /* the message (or the signal's term), in data[] or on the heap */
    Term from;       /* the sender's pid */
    uint64_t ref;    /* monitor id for monitor signals */
    uint32_t kind;   /* MsgKind */
    uint32_t flags;
    OffHeap oh;      /* refc binaries the fragment refers to */
    size_t words;    /* words in data[] */
    Term data[];
} Message;

typedef struct {
    _Atomic(Message *) inbox; /* pushed by senders, newest first */
    Message *first;           /* private queue, oldest first */
    Message **last;           /* the link the next drained message goes to */
    Message **save;           /* where receive resumes scanning */
} Mailbox;

void mbox_init(Mailbox *mb);

/* A message of kind with room for `words` words of fragment; NULL if out of
 * memory. */
Message *mbox_msg_new(uint32_t kind, Term from, size_t words);

/* Copies term into a new message's fragment. NULL if out of memory. */
Message *mbox_msg_copy(uint32_t kind, Term from, Term term);

/* Frees a message and drops its fragment's binary references. */
void mbox_msg_free(Message *m);

/* Pushes m onto the inbox (any thread). Returns true if the inbox was empty. */
static inline void mbox_push(Mailbox *mb, Message *m)
{
    Message *head = atomic_load_explicit(&mb->inbox, memory_order_relaxed);
    do
        m->next = head;
    while (!atomic_compare_exchange_weak_explicit(&mb->inbox, &head, m, memory_order_seq_cst,
                                                  memory_order_relaxed));
}

static inline bool mbox_inbox_empty(Mailbox *mb)
{
    return atomic_load_explicit(&mb->inbox, memory_order_seq_cst) == NULL;
}

/* Takes everything from the inbox, oldest first (the owner only). NULL if
 * empty. */
Message *mbox_take(Mailbox *mb);

/* Appends one message to the private queue. */
static inline void mbox_append(Mailbox *mb, Message *m)
{
    m->next = NULL;
    *mb->last = m;
    mb->last = &m->next;
}

/* True if every message in the private queue is on the heap. */
static inline bool mbox_all_on_heap(const Mailbox *mb)
{
    if (mb->last == &mb->first)
        return true;
    const Message *last = (const Message *)((const char *)mb->last - offsetof(Message, next));
    return last->flags & MSG_ON_HEAP;
}

/* Unlinks the message at *save from the private queue and frees it; the scan
 * starts again from the first message. */
void mbox_remove_current(Mailbox *mb);

/* Frees every message, inbox included (a process that has ended). */
void mbox_clear(Mailbox *mb);

/* Number of messages in the private queue (for process_info). */
size_t mbox_len(const Mailbox *mb);

#endif
