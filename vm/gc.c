/* gc.c - per-process generational copying garbage collection.
 *
 * A process has a young block (heap growing up from `heap`, stack growing
 * down from `hend`) and an optional old heap. Three kinds of copy share one
 * Cheney engine (evacuate + scan):
 *
 *   minor  from-space is the young heap [heap, htop). Young objects below
 *          high_water survived the previous collection: they are promoted,
 *          i.e. copied to the end of the old heap. The rest go to a new
 *          young block. The old heap is neither moved nor scanned, apart
 *          from the freshly promoted objects.
 *   full   from-space is the young heap and the old heap; everything goes
 *          to one new young block and the old heap is freed.
 *   move   a minor without promotion, run just after a collection to give
 *          the young block another size (everything in it is live then, so
 *          this is a compacting copy of known cost).
 *
 * Why the old heap needs no scanning in a minor: terms are immutable, so an
 * object can only point at objects that existed when it was built. Objects
 * below high_water (and everything in the old heap) were all built before
 * the last collection, objects above it after, so nothing old points at
 * anything younger than itself. (set_tuple_element only writes into a tuple
 * built since the last safe point, so it cannot break this.) The one
 * exception is the off-heap list: the `next` word of a REFC_BIN links
 * objects of any age. It is therefore not treated as a term; the list is
 * rebuilt after each copy from the survivors, and the blobs of the dead are
 * released.
 *
 * After every collection high_water = htop: all that survived is "aged".
 *
 * Sizing: block sizes come from a Fibonacci-like sequence. After a
 * collection the young block is grown when more than 3/4 of it is in use,
 * and after a full collection it is shrunk when less than 1/4 is; a full
 * collection also happens when the old heap cannot take the next promotion
 * or after GC_FULLSWEEP_AFTER minors. max_heap_size bounds the sum of the
 * young block and the old heap once the collection is over (the copy may
 * briefly need more).
 */
#include "gc.h"

#include <stdlib.h>
#include <string.h>

#include "binary.h"
#include "pdict.h"

bool gc_stress;

/* Minor collections between two full ones, at most. */
#define GC_FULLSWEEP_AFTER 64

/* Above this many words, sizes grow by 20% a step instead of by phi. */
#define GC_FIB_LIMIT ((size_t)1 << 22)

/* Pattern that fills a released block in stress mode: a boxed pointer to
 * nowhere, so a stale term read after a collection faults at once. */
#define GC_POISON ((Term)0x5A5A5A5A5A5A5A5AULL)

typedef enum { GC_OK, GC_NEED_FULL, GC_NOMEM } GcResult;

typedef enum { MODE_MINOR, MODE_FULL, MODE_MOVE } GcMode;

/* The state of one copy: from-space ranges and the to-space tops. */
typedef struct {
    uintptr_t young_lo, young_hi; /* young from-space [heap, htop) */
    uintptr_t old_lo, old_hi;     /* old from-space (full only), else empty */
    uintptr_t aged_hi;            /* young objects below it are promoted */
    Term *ytop;                   /* next free word of the new young block */
    Term *otop;                   /* next free word of the old heap */
} Gc;

/* The smallest heap size of the sequence that holds `want` words, or 0 if
 * no such size can be allocated. */
static size_t heap_size_for(size_t want)
{
    size_t a = GC_MIN_HEAP_WORDS, b = 377;
    if (want > SIZE_MAX / (4 * sizeof(Term)))
        return 0;
    if (want <= a)
        return a;
    while (b < want) {
        size_t c = b < GC_FIB_LIMIT ? a + b : b + b / 5;
        a = b;
        b = c;
    }
    return b;
}

static inline bool in_from(const Gc *g, const Term *ptr)
{
    uintptr_t u = (uintptr_t)ptr;
    return (u >= g->young_lo && u < g->young_hi) || (u >= g->old_lo && u < g->old_hi);
}

/* Where an object of n words at src goes: the old heap if it is aged young
 * data in a minor, the new young block otherwise. */
static inline Term *dest(Gc *g, const Term *src, size_t n)
{
    Term *d;
    uintptr_t u = (uintptr_t)src;
    if (u < g->aged_hi && u >= g->young_lo) {
        d = g->otop;
        g->otop += n;
    } else {
        d = g->ytop;
        g->ytop += n;
    }
    return d;
}

/* Copies the object t points at, if it is in from-space and not copied yet,
 * and returns the term for its new place. Immediates and pointers outside
 * from-space (old heap in a minor, literals) come back unchanged. */
static inline Term evacuate(Gc *g, Term t)
{
    unsigned tag = term_tag(t);
    if (tag == TAG_LIST) {
        Term *c = list_ptr(t);
        if (!in_from(g, c))
            return t;
        if (c[0] == THE_NON_VALUE)
            return c[1];
        Term *d = dest(g, c, 2);
        d[0] = c[0];
        d[1] = c[1];
        c[0] = THE_NON_VALUE;
        c[1] = make_list(d);
        return c[1];
    }
    if (tag == TAG_BOXED) {
        Term *b = boxed_ptr(t);
        if (!in_from(g, b))
            return t;
        Term h = b[0];
        if (term_tag(h) == TAG_BOXED)
            return h;
        size_t n = 1 + (size_t)header_arity(h);
        Term *d = dest(g, b, n);
        memcpy(d, b, n * sizeof(Term));
        b[0] = make_boxed(d);
        return b[0];
    }
    return t;
}

static inline void evacuate_range(Gc *g, Term *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        t[i] = evacuate(g, t[i]);
}

/* Scans the object at s in to-space, evacuating what its term words point
 * at, and returns the address after it. A word with the header tag starts a
 * boxed object; anything else is the head of a cons cell. */
static Term *scan_object(Gc *g, Term *s)
{
    Term w = s[0];
    if (!is_header(w)) {
        s[0] = evacuate(g, w);
        s[1] = evacuate(g, s[1]);
        return s + 2;
    }
    size_t arity = (size_t)header_arity(w);
    switch (header_sub(w)) {
    case SUB_TUPLE:
    case SUB_MAP: /* reserved: assumed to hold only terms */
        evacuate_range(g, s + 1, arity);
        break;
    case SUB_FUN: /* FunEntry *, then the free variables */
        if (arity > 1)
            evacuate_range(g, s + 2, arity - 1);
        break;
    case SUB_SUB_BIN: /* size, offset, original binary */
        s[3] = evacuate(g, s[3]);
        break;
    default:
        /* Bignums, floats, heap binaries, refs, exports: raw words.
         * REFC_BIN: `next` is relinked by rebuild_off_heap. */
        break;
    }
    return s + 1 + arity;
}

/* Scans both to-space areas (new young block from ys, promoted objects from
 * os) until neither has unscanned objects. */
static void scan_all(Gc *g, Term *ys, Term *os)
{
    while (ys < g->ytop || (os && os < g->otop)) {
        while (ys < g->ytop)
            ys = scan_object(g, ys);
        while (os && os < g->otop)
            os = scan_object(g, os);
    }
}

/* Evacuates every root: live x registers, the stack (already copied to its
 * new place), the dictionary, the exception fields and the exit reason.
 * (arg_reg is not a root: it holds x registers only while the process is
 * not running, and collections happen only while it runs.) Stack words with the
 * header tag (return addresses) and catch markers are not pointers, so
 * evacuate leaves them alone. */
static void evacuate_roots(Gc *g, Process *p, unsigned live)
{
    if (live)
        evacuate_range(g, p->x, live);
    evacuate_range(g, p->stop, (size_t)(p->hend - p->stop));
    if (p->dict) {
        PDictEntry *e = p->dict->e;
        for (uint32_t i = 0; i < p->dict->n; i++)
            if (e[i].key != THE_NON_VALUE) {
                e[i].key = evacuate(g, e[i].key);
                e[i].val = evacuate(g, e[i].val);
            }
    }
    p->exc_class = evacuate(g, p->exc_class);
    p->exc_reason = evacuate(g, p->exc_reason);
    p->exc_trace = evacuate(g, p->exc_trace);
    p->exit_reason = evacuate(g, p->exit_reason);
    /* Messages receive has already moved to the heap: always a prefix of
     * the queue (mailbox.h), so a long queue of unread messages costs
     * nothing here. */
    for (Message *m = p->mbox.first; m && (m->flags & MSG_ON_HEAP); m = m->next)
        m->msg = evacuate(g, m->msg);
}

/* Rebuilds the off-heap list after a copy. Nodes in from-space survive if
 * they were forwarded (the list then holds their new place) and are dead
 * otherwise: their blob reference is dropped. Nodes outside from-space (old
 * heap in a minor) stay as they are. Each node's `next` is read from its
 * original place before anything is written. */
static void rebuild_off_heap(Process *p, const Gc *g)
{
    Term cur = p->off_heap.first;
    Term *link = &p->off_heap.first;
    while (is_boxed(cur)) {
        Term *node = boxed_ptr(cur);
        Term next = node[3];
        Term keep = cur;
        if (in_from(g, node)) {
            if (term_tag(node[0]) == TAG_BOXED) {
                keep = node[0];
            } else {
                blob_decref((BinBlob *)(uintptr_t)node[2]);
                keep = THE_NON_VALUE;
            }
        }
        if (keep != THE_NON_VALUE) {
            *link = keep;
            link = &boxed_ptr(keep)[3];
        }
        cur = next;
    }
    *link = NIL;
}

/* Gives a block back; in stress mode poisons it first so that stale
 * pointers into it fail loudly. */
static void release_block(Term *block, size_t words)
{
    if (block && gc_stress)
        for (size_t i = 0; i < words; i++)
            block[i] = GC_POISON;
    free(block);
}

/* The copy state for a collection of the given mode into `block`. */
static Gc gc_start(const Process *p, Term *block, GcMode mode)
{
    Gc g = {
        .young_lo = (uintptr_t)p->heap,
        .young_hi = (uintptr_t)p->htop,
        .aged_hi = mode == MODE_MINOR ? (uintptr_t)p->high_water : (uintptr_t)p->heap,
        .ytop = block,
        .otop = p->old_htop,
    };
    if (mode == MODE_FULL && p->old_heap) {
        g.old_lo = (uintptr_t)p->old_heap;
        g.old_hi = (uintptr_t)p->old_htop;
    }
    return g;
}

/* Words of from-space data a collection of this mode looks at. */
static size_t from_words(const Process *p, GcMode mode)
{
    size_t n = (size_t)(p->htop - p->heap);
    if (mode == MODE_FULL)
        n += (size_t)(p->old_htop - p->old_heap);
    return n;
}

/* After the copy: frees from-space, installs the new young block (whose
 * stack is already in place) and updates the statistics. */
static void gc_finish(Process *p, const Gc *g, Term *block, Term *old_block, size_t old_size,
                      GcMode mode)
{
    size_t before = from_words(p, mode);
    size_t after = (size_t)(g->ytop - block);
    if (mode == MODE_MINOR) {
        after += (size_t)(g->otop - p->old_htop);
        p->old_htop = g->otop;
    }
    release_block(old_block, old_size);
    p->heap = block;
    p->htop = p->high_water = g->ytop;
    if (mode == MODE_FULL) {
        release_block(p->old_heap, (size_t)(p->old_hend - p->old_heap));
        p->old_heap = p->old_htop = p->old_hend = NULL;
    }
    if (mode != MODE_MOVE) {
        p->gc_count++;
        p->gc_words_reclaimed += before - after;
    }
}

/* Copies the live data into a new young block of `size` words (which the
 * caller made big enough for the worst case), promoting aged objects in a
 * minor. The stack moves first, keeping its distance from hend, and its
 * words are then updated in their new place like any other root. */
static GcResult copy_collect(Process *p, unsigned live, size_t size, GcMode mode)
{
    Term *block = malloc(size * sizeof(Term));
    if (!block)
        return GC_NOMEM;
    size_t stack = (size_t)(p->hend - p->stop);
    Term *old_block = p->heap;
    size_t old_size = (size_t)(p->hend - p->heap);
    p->hend = block + size;
    memcpy(p->hend - stack, p->stop, stack * sizeof(Term));
    p->stop = p->hend - stack;

    Gc g = gc_start(p, block, mode);
    evacuate_roots(&g, p, live);
    scan_all(&g, block, mode == MODE_MINOR ? p->old_htop : NULL);
    rebuild_off_heap(p, &g);
    gc_finish(p, &g, block, old_block, old_size, mode);
    return GC_OK;
}

/* Makes sure the old heap can take all aged young data: allocates it when
 * empty, asks for a full collection when it is in use and too small. */
static GcResult prepare_old_heap(Process *p, size_t aged)
{
    if (aged == 0)
        return GC_OK;
    if (p->old_heap && (size_t)(p->old_hend - p->old_htop) >= aged)
        return GC_OK;
    if (p->old_heap && p->old_htop != p->old_heap)
        return GC_NEED_FULL;
    size_t size = heap_size_for(2 * aged);
    if (!size)
        return GC_NOMEM;
    if (p->max_heap_size) {
        /* Stay within the limit beside the current young block; if even
         * the promotion cannot, only a full collection can help. */
        size_t young = (size_t)(p->hend - p->heap);
        size_t room = p->max_heap_size > young ? p->max_heap_size - young : 0;
        if (room < aged)
            return GC_NEED_FULL;
        if (size > room)
            size = room;
    }
    Term *old = malloc(size * sizeof(Term));
    if (!old)
        return GC_NOMEM;
    free(p->old_heap);
    p->old_heap = p->old_htop = old;
    p->old_hend = old + size;
    return GC_OK;
}

static GcResult minor_collect(Process *p, size_t need, unsigned live)
{
    if (p->minor_gcs >= GC_FULLSWEEP_AFTER)
        return GC_NEED_FULL;
    GcResult r = prepare_old_heap(p, (size_t)(p->high_water - p->heap));
    if (r != GC_OK)
        return r;
    size_t cur = (size_t)(p->hend - p->heap);
    size_t worst = (size_t)(p->htop - p->high_water) + (size_t)(p->hend - p->stop) + need;
    size_t size = worst > cur ? heap_size_for(worst) : cur;
    if (!size)
        return GC_NOMEM;
    r = copy_collect(p, live, size, MODE_MINOR);
    if (r == GC_OK)
        p->minor_gcs++;
    return r;
}

static GcResult full_collect(Process *p, size_t need, unsigned live)
{
    size_t data = (size_t)(p->htop - p->heap) + (size_t)(p->old_htop - p->old_heap);
    size_t size = heap_size_for(data + data / 2 + (size_t)(p->hend - p->stop) + need);
    if (!size)
        return GC_NOMEM;
    if (size < p->min_heap_size)
        size = p->min_heap_size;
    GcResult r = copy_collect(p, live, size, MODE_FULL);
    if (r == GC_OK)
        p->minor_gcs = 0;
    return r;
}

/* The young block size wanted after a collection, given `used` words in use
 * (data, stack and the caller's need): grow when over 3/4 full, shrink after
 * a full collection when under 1/4 full. */
static size_t wanted_size(const Process *p, size_t used, bool did_full)
{
    size_t size = (size_t)(p->hend - p->heap);
    size_t target = size;
    if (used > size / 4 * 3 || (did_full && used < size / 4)) {
        target = heap_size_for(2 * used);
        if (target && target < p->min_heap_size)
            target = p->min_heap_size;
    }
    return target ? target : size;
}

/* Resizes the young block to what wanted_size asks, within max_heap_size.
 * Returns GC_NEED_FULL if the limit is only reachable by a full collection
 * and GC_NOMEM if the data cannot fit at all. */
static GcResult fit_young(Process *p, size_t need, unsigned live, bool did_full)
{
    size_t size = (size_t)(p->hend - p->heap);
    size_t used = (size_t)(p->htop - p->heap) + (size_t)(p->hend - p->stop) + need;
    size_t target = wanted_size(p, used, did_full);
    if (p->max_heap_size) {
        size_t old = (size_t)(p->old_hend - p->old_heap);
        size_t limit = p->max_heap_size > old ? p->max_heap_size - old : 0;
        if (used > limit)
            return did_full ? GC_NOMEM : GC_NEED_FULL;
        if (target > limit)
            target = limit;
    }
    if (target == size)
        return GC_OK;
    if (copy_collect(p, live, target, MODE_MOVE) == GC_OK)
        return GC_OK;
    /* No memory for the new block: keeping the old one is fine if it both
     * holds the need and respects the limit. */
    bool over = p->max_heap_size && size + (size_t)(p->old_hend - p->old_heap) > p->max_heap_size;
    return used <= size && !over ? GC_OK : GC_NOMEM;
}

/* Runs a minor collection, or a full one when the minor cannot be done or
 * the result would not fit max_heap_size, then sizes the young block. */
bool gc_collect(Process *p, size_t need, unsigned live)
{
    if (need > SIZE_MAX / (8 * sizeof(Term)))
        return false;
    /* A control block built by hand (as some unit tests do) may leave
     * high_water unset: then nothing counts as aged. */
    uintptr_t hw = (uintptr_t)p->high_water;
    if (hw < (uintptr_t)p->heap || hw > (uintptr_t)p->htop)
        p->high_water = p->heap;
    GcResult r = minor_collect(p, need, live);
    if (r == GC_OK)
        r = fit_young(p, need, live, false);
    if (r == GC_NEED_FULL) {
        r = full_collect(p, need, live);
        if (r == GC_OK)
            r = fit_young(p, need, live, true);
    }
    return r == GC_OK && proc_heap_free(p) >= need;
}

/* A full collection on request (erlang:garbage_collect/0, tests). */
bool gc_collect_full(Process *p, size_t need, unsigned live)
{
    if (need > SIZE_MAX / (8 * sizeof(Term)))
        return false;
    return full_collect(p, need, live) == GC_OK && fit_young(p, need, live, true) == GC_OK &&
           proc_heap_free(p) >= need;
}
