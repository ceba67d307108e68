/* process.h - the process control block and its heap.
 *
 * A process owns one heap block: terms grow up from `heap` (htop is the next
 * free word) and the stack grows down from `hend` (stop is the top of the
 * stack, the lowest used word). They meet in the middle; when they would
 * cross, the process collects garbage (gc.h), which may move everything.
 * Objects that survived one young collection are promoted to the old heap
 * at the next (generational copying, see gc.c).
 *
 * Stack layout: `call` pushes the return address (a code pointer, tag 000);
 * `allocate N` pushes N y registers, y(i) = stop[i]. */
#ifndef BL_PROCESS_H
#define BL_PROCESS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mailbox.h"
#include "term.h"

typedef struct Module Module;
typedef struct ProcLinks ProcLinks; /* links.h */

/* Where a process is in its life (the state word, scheduler.c). Only these
 * transitions happen: QUEUED -> RUNNING (a scheduler took it from a run
 * queue), RUNNING -> QUEUED (yield), RUNNING -> WAITING (receive found
 * nothing), WAITING -> QUEUED (a message, signal or timeout came: a
 * compare-and-swap, so exactly one waker enqueues it), RUNNING -> EXITING.
 * Once a process is WAITING, its scheduler no longer touches it: it may be
 * running elsewhere already. */
enum { PS_WAITING, PS_QUEUED, PS_RUNNING, PS_EXITING };
/* Or'ed into PS_RUNNING by a waker: something arrived while it ran, so it
 * must not go to sleep (its RUNNING -> WAITING compare-and-swap fails). */
enum { PS_PENDING = 4 };

/* Priorities, as erlang:process_flag(priority, P). */
enum { PRIO_MAX, PRIO_HIGH, PRIO_NORMAL, PRIO_LOW, PRIO_COUNT };

/* Process flags. */
enum {
    PF_TRAP_EXIT = 1, /* exit signals become {'EXIT', From, Reason} messages */
    PF_MAIN = 2,      /* the VM ends when this process does */
    PF_YIELD = 4,     /* a BIF asks the interpreter to yield after it */
    PF_HEAP_KILL = 8, /* the heap would pass max_heap_size: the process is killed */
    PF_KEEP_TRACE = 16, /* the pending exception brings its own stack trace */
    PF_EXIT_PENDING = 32, /* a signal drained inside a BIF ended it: exit at the yield */
    PF_WAITED = 64,     /* it last stopped in a receive with nothing to take */
};

/* The receive timeout word: a generation (bumped at every new timeout)
 * shifted left by 2, and one of these. */
enum { TMO_NONE, TMO_ARMED, TMO_FIRED };


/* Exception classes, as atoms: ATOM_error, ATOM_exit, ATOM_throw. */

typedef struct Process {
    /* Young heap and stack, one block. */
    Term *heap, *htop, *stop, *hend;
    Term *high_water; /* words below it survived a young collection */
    /* Old generation. */
    Term *old_heap, *old_htop, *old_hend;

    size_t min_heap_size; /* words */
    size_t max_heap_size; /* words, 0 = unlimited */
    unsigned minor_gcs;   /* young collections since the last full one */

    /* x registers: the running scheduler's register file. */
    Term *x;

    Term id;   /* this process's pid */
    struct ProcDict *dict; /* process dictionary (pdict.h), NULL if empty */
    OffHeap off_heap;

    /* The exception being raised (set by BIFs that fail and by raise). */
    Term exc_class;  /* ATOM_error, ATOM_exit or ATOM_throw */
    Term exc_reason;
    Term exc_trace;  /* stack trace term, built lazily; NIL if none yet */
    const uintptr_t *exc_pc; /* where it was raised */
    /* The function being executed when a BIF failed (for stack traces). */
    const uintptr_t *current_pc;

    /* Execution state while not running (see interp.h). */
    const uintptr_t *pc, *cp;
    unsigned arity;   /* x registers saved in arg_reg */
    Term *arg_reg;    /* malloc'd, arg_cap words */
    unsigned arg_cap;
    Term exit_reason; /* why it ended, once it has */

    /* Scheduling (scheduler.c). */
    _Atomic uint32_t state;
    uint8_t prio;
    uint8_t flags;
    struct Process *rq_next;
    Mailbox mbox;
    _Atomic uint64_t tmo;  /* receive timeout state, TMO_* */
    uint64_t tmo_ms;       /* the timeout wait_timeout asked for */
    void *tmo_timer;       /* its timer entry (scheduler.c), NULL if none */
    ProcLinks *links;      /* links and monitors, NULL if none */
    Term reg_name;         /* registered name or NIL */
    uint32_t reds_extra;   /* reductions BIFs charged for their work (bif_charge) */

    /* Statistics, for introspection and tests. */
    uint64_t gc_count, gc_words_reclaimed;
    uint64_t reductions; /* spent in finished slices (scheduler.c) */
    struct Export *initial_call; /* what it was spawned to run; NULL for main */
} Process;

/* Creates a process with the given initial heap size in words (0 for the
 * default). Returns NULL on out-of-memory. */
Process *proc_new(size_t heap_words);
void proc_free(Process *p);

/* Words free between the heap top and the stack top. */
static inline size_t proc_heap_free(const Process *p) { return (size_t)(p->stop - p->htop); }

/* Takes n words from the heap; the caller has reserved them (proc_reserve,
 * test_heap, or a BIF's own check). */
static inline Term *proc_alloc(Process *p, size_t n)
{
    Term *r = p->htop;
    p->htop += n;
    return r;
}

/* Makes sure `need` words are free on the heap (or stack: both come from the
 * same gap), collecting garbage if not. Roots: x registers 0..live-1, the
 * stack, the dictionary. Returns false if the heap would exceed
 * max_heap_size or memory ran out: the caller raises/kills. After a true
 * return every term not reached from the roots is stale. */
bool proc_reserve(Process *p, size_t need, unsigned live);

/* Heap-allocating constructors. Each assumes the words are reserved. */
static inline Term proc_cons(Process *p, Term head, Term tail)
{
    Term *c = proc_alloc(p, 2);
    c[0] = head;
    c[1] = tail;
    return make_list(c);
}

Term proc_float(Process *p, double d);              /* FLOAT_WORDS words */
Term proc_tuple(Process *p, unsigned n, const Term *elems); /* n + 1 words */

#endif
