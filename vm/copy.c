/* copy.c - copying a term out of one heap into fresh memory (see copy.h).
 *
 * copy_size walks the source depth first with an explicit stack of
 * pending element ranges. The stack lives in the C frame (a few dozen
 * entries) and moves to malloc'd memory only for terms nested deeper than
 * that; lists and last elements are followed in a loop without pushing, so
 * a long list or a chain nested in last position keeps the stack empty.
 *
 * copy_term needs no stack at all: it is a Cheney copy into the
 * destination. The root object is copied shallowly (its words as they are,
 * so its pointer words still point into the source), then a scan pointer
 * walks the destination from its start: every pointer word met is replaced
 * by a shallow copy of what it points at, appended at the destination top.
 * (A list is copied a whole spine at a time, so its cells lie together and
 * the scan never follows a list tail.)
 * When the scan meets the top, nothing in the copy points outside it. The
 * destination is parseable word by word, as in the collector: a header
 * word starts a boxed object of 1 + arity words, anything else is the head
 * of a two-word cons cell. The source is never written, so literals and
 * terms being copied by other threads at the same time are fine.
 */
#include "copy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "binary.h"

/* A list or boxed pointer: the only words that need copying. Tags 1 and 2
 * are exactly the values whose tag minus one is 0 or 1. */
static inline bool is_ptr(Term t) { return ((t - 1) & 6) == 0; }

/* ---- sub binaries */

/* How a sub binary is copied (see copy.h). */
typedef enum { SB_HEAP, SB_SHARE, SB_SLICE } SubForm;

/* Resolves the sub binary at sb to the binary that holds its bytes (a heap
 * or refc binary, following sub binaries of sub binaries should any exist)
 * and the byte offset into it, and says how it will be copied. */
static SubForm sub_form(const Term *sb, const Term **base, size_t *offset)
{
    size_t off = (size_t)sb[2];
    Term orig = sb[3];
    while (header_sub(boxed_header(orig)) == SUB_SUB_BIN) {
        off += (size_t)boxed_ptr(orig)[2];
        orig = boxed_ptr(orig)[3];
    }
    *base = boxed_ptr(orig);
    *offset = off;
    size_t size = (size_t)sb[1];
    if (size <= BIN_HEAP_MAX || header_sub((*base)[0]) != SUB_REFC_BIN)
        return SB_HEAP;
    return off == 0 && size == (size_t)(*base)[1] ? SB_SHARE : SB_SLICE;
}

static size_t sub_bin_words(const Term *sb)
{
    const Term *base;
    size_t off;
    switch (sub_form(sb, &base, &off)) {
    case SB_HEAP:
        return heap_bin_words((size_t)sb[1]);
    case SB_SHARE:
        return REFC_BIN_WORDS;
    default:
        return SUB_BIN_WORDS + REFC_BIN_WORDS;
    }
}

/* ---- copy_size */

/* n source words at p, still to be visited. */
typedef struct {
    const Term *p;
    size_t n;
} Span;

#define LOCAL_SPANS 32

typedef struct {
    Span *s;
    size_t len, cap;
    Span local[LOCAL_SPANS];
} SpanStack;

/* Pushes a range, moving the stack to the heap (or growing it there) when
 * full. False if malloc fails. */
static bool span_push(SpanStack *st, const Term *p, size_t n)
{
    if (st->len == st->cap) {
        size_t cap = st->cap * 2;
        Span *ns = st->s == st->local ? malloc(cap * sizeof *ns) : realloc(st->s, cap * sizeof *ns);
        if (!ns)
            return false;
        if (st->s == st->local)
            memcpy(ns, st->local, sizeof st->local);
        st->s = ns;
        st->cap = cap;
    }
    st->s[st->len++] = (Span){p, n};
    return true;
}

/* Takes the next pending word; false when none is left. A range is popped
 * as its last word is taken, so following that word costs no stack. */
static inline bool span_next(SpanStack *st, Term *t)
{
    if (st->len == 0)
        return false;
    Span *top = &st->s[st->len - 1];
    *t = *top->p++;
    if (--top->n == 0)
        st->len--;
    return true;
}

/* The words a boxed object takes in the copy; sets elems and n to the
 * range of its words that are terms to visit (n = 0 if none). */
static inline size_t boxed_words(const Term *b, const Term **elems, size_t *n)
{
    Term h = b[0];
    size_t arity = (size_t)header_arity(h);
    switch (header_sub(h)) {
    case SUB_TUPLE:
    case SUB_MAP: /* reserved: assumed to hold only terms, as in gc.c */
        *elems = b + 1;
        *n = arity;
        return 1 + arity;
    case SUB_FUN: /* FunEntry *, then the free variables */
        *elems = b + 2;
        *n = arity ? arity - 1 : 0;
        return 1 + arity;
    case SUB_SUB_BIN:
        *n = 0;
        return sub_bin_words(b);
    default: /* raw words: numbers, heap/refc binaries, refs, exports */
        *n = 0;
        return 1 + arity;
    }
}

/* Depth-first walk. Lists: count the cell, then follow the head if it needs
 * visiting (pushing the tail) or else the tail. Boxed: count the object,
 * then follow its first pointer element, pushing the rest of the range up
 * to its last pointer (none if the first is also the last). */
size_t copy_size(Term t)
{
    if (!is_ptr(t))
        return 0;
    SpanStack st;
    st.s = st.local;
    st.len = 0;
    st.cap = LOCAL_SPANS;
    size_t words = 0;
    for (;;) {
        if (term_tag(t) == TAG_LIST) {
            const Term *c = list_ptr(t);
            words += 2;
            Term head = c[0];
            t = c[1];
            if (is_ptr(head)) {
                if (is_ptr(t) && !span_push(&st, c + 1, 1))
                    goto oom;
                t = head;
            }
            continue;
        }
        if (term_tag(t) == TAG_BOXED) {
            const Term *elems = NULL;
            size_t n;
            words += boxed_words(boxed_ptr(t), &elems, &n);
            size_t i = 0;
            while (i < n && !is_ptr(elems[i]))
                i++;
            if (i < n) {
                size_t j = n; /* pending: (i, j), up to the last pointer */
                while (j > i + 1 && !is_ptr(elems[j - 1]))
                    j--;
                if (j > i + 1 && !span_push(&st, elems + i + 1, j - i - 1))
                    goto oom;
                t = elems[i];
                continue;
            }
        }
        if (!span_next(&st, &t))
            break;
    }
    if (st.s != st.local)
        free(st.s);
    return words;
oom:
    if (st.s != st.local)
        free(st.s);
    return SIZE_MAX;
}

/* ---- copy_term */

static inline void copy_words(Term *d, const Term *s, size_t n)
{
    if (n <= 8) {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    } else {
        memcpy(d, s, n * sizeof(Term));
    }
}

/* A new REFC_BIN at d for the blob of the refc binary at src, with its own
 * reference, linked on oh. */
static Term share_refc(Term *d, const Term *src, size_t size, OffHeap *oh)
{
    BinBlob *blob = (BinBlob *)(uintptr_t)src[2];
    blob_incref(blob);
    d[0] = make_header(REFC_BIN_WORDS - 1, SUB_REFC_BIN);
    d[1] = (Term)size;
    d[2] = (Term)(uintptr_t)blob;
    d[3] = oh->first;
    oh->first = make_boxed(d);
    return oh->first;
}

/* Copies the sub binary at sb in its normalised form (see copy.h). */
static Term copy_sub_bin(const Term *sb, Term **top, OffHeap *oh)
{
    const Term *base;
    size_t off, size = (size_t)sb[1];
    Term *d = *top;
    switch (sub_form(sb, &base, &off)) {
    case SB_HEAP: {
        size_t words = heap_bin_words(size);
        const uint8_t *bytes = header_sub(base[0]) == SUB_HEAP_BIN
                                   ? (const uint8_t *)&base[2]
                                   : ((const BinBlob *)(uintptr_t)base[2])->data;
        d[0] = make_header(words - 1, SUB_HEAP_BIN);
        d[1] = (Term)size;
        if (words > 2)
            d[words - 1] = 0; /* padding: equal binaries are equal words */
        if (size)
            memcpy(&d[2], bytes + off, size);
        *top = d + words;
        return make_boxed(d);
    }
    case SB_SHARE:
        *top = d + REFC_BIN_WORDS;
        return share_refc(d, base, (size_t)base[1], oh);
    default: /* SB_SLICE */
        d[0] = make_header(SUB_BIN_WORDS - 1, SUB_SUB_BIN);
        d[1] = (Term)size;
        d[2] = (Term)off;
        d[3] = share_refc(d + SUB_BIN_WORDS, base, (size_t)base[1], oh);
        *top = d + SUB_BIN_WORDS + REFC_BIN_WORDS;
        return make_boxed(d);
    }
}

/* Copies the list t as far as its tail is a list: the cells go one after
 * the other, their tails already final (the scan leaves list tails alone),
 * their heads and a last improper tail still to fix. */
static inline Term copy_list_run(Term t, Term **top)
{
    Term *d = *top, *first = d;
    for (;;) {
        const Term *c = list_ptr(t);
        d[0] = c[0];
        t = c[1];
        if (!is_list(t)) {
            d[1] = t;
            d += 2;
            break;
        }
        d[1] = make_list(d + 2);
        d += 2;
    }
    *top = d;
    return make_list(first);
}

/* Copies the object t points at to *top, word for word (its pointer words
 * are fixed later by the scan), and returns the term for the copy. A list
 * is copied along its whole spine at once (see copy_list_run). */
static inline Term copy_shallow(Term t, Term **top, OffHeap *oh)
{
    if (term_tag(t) == TAG_LIST)
        return copy_list_run(t, top);
    Term *d = *top;
    const Term *b = boxed_ptr(t);
    Term h = b[0];
    switch (header_sub(h)) {
    case SUB_REFC_BIN:
        *top = d + REFC_BIN_WORDS;
        return share_refc(d, b, (size_t)b[1], oh);
    case SUB_SUB_BIN:
        return copy_sub_bin(b, top, oh);
    default: {
        size_t n = 1 + (size_t)header_arity(h);
        copy_words(d, b, n);
        *top = d + n;
        return make_boxed(d);
    }
    }
}

static inline void fix_range(Term *s, size_t n, Term **top, OffHeap *oh)
{
    for (size_t i = 0; i < n; i++)
        if (is_ptr(s[i]))
            s[i] = copy_shallow(s[i], top, oh);
}

/* Fixes the pointer words of the copied object at s and returns the
 * address after it. A cons cell's tail needs it only when it is boxed (an
 * improper list): list tails were made final by copy_list_run. Binaries,
 * numbers, refs and exports hold no terms (a sub binary's original and a
 * REFC_BIN's `next` were written final by copy_shallow). */
static inline Term *scan_object(Term *s, Term **top, OffHeap *oh)
{
    Term w = s[0];
    if (!is_header(w)) {
        if (is_ptr(w))
            s[0] = copy_shallow(w, top, oh);
        if (is_boxed(s[1]))
            s[1] = copy_shallow(s[1], top, oh);
        return s + 2;
    }
    size_t arity = (size_t)header_arity(w);
    switch (header_sub(w)) {
    case SUB_TUPLE:
    case SUB_MAP:
        fix_range(s + 1, arity, top, oh);
        break;
    case SUB_FUN:
        if (arity > 1)
            fix_range(s + 2, arity - 1, top, oh);
        break;
    default:
        break;
    }
    return s + 1 + arity;
}

Term copy_term(Term t, Term **hp, OffHeap *oh)
{
    if (!is_ptr(t))
        return t;
    Term *scan = *hp, *top = *hp;
    Term root = copy_shallow(t, &top, oh);
    while (scan < top)
        scan = scan_object(scan, &top, oh);
    *hp = top;
    return root;
}

void copy_release_offheap(OffHeap *oh)
{
    Term cur = oh->first;
    while (is_boxed(cur)) {
        Term *node = boxed_ptr(cur);
        cur = node[3];
        blob_decref((BinBlob *)(uintptr_t)node[2]);
    }
    oh->first = NIL;
}
