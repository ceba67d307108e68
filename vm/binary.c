/* binary.c - binaries: making them, reading any of the three forms, and the
 * reference counting of off-heap blobs (shared between heaps and threads,
 * hence atomic). See binary.h for the layouts. */
#include "binary.h"

#include <stdlib.h>
#include <string.h>

/* A heap binary: header, size, bytes padded with zeros to whole words (so
 * two equal binaries are equal word for word). */
static Term heap_bin_new(Process *p, const uint8_t *data, size_t n)
{
    size_t words = heap_bin_words(n);
    Term *hp = proc_alloc(p, words);
    hp[0] = make_header(words - 1, SUB_HEAP_BIN);
    hp[1] = (Term)n;
    if (words > 2)
        hp[words - 1] = 0;
    if (n) {
        if (data)
            memcpy(&hp[2], data, n);
        else
            memset(&hp[2], 0, n);
    }
    return make_boxed(hp);
}

/* A refc binary: the bytes go to a new blob, the heap gets the REFC_BIN
 * that owns the blob's first reference, linked at the head of the
 * process's off-heap list. */
static Term refc_bin_new(Process *p, const uint8_t *data, size_t n)
{
    BinBlob *blob = blob_new(n);
    if (!blob)
        return THE_NON_VALUE;
    if (data)
        memcpy(blob->data, data, n);
    else
        memset(blob->data, 0, n);
    Term *hp = proc_alloc(p, REFC_BIN_WORDS);
    hp[0] = make_header(REFC_BIN_WORDS - 1, SUB_REFC_BIN);
    hp[1] = (Term)n;
    hp[2] = (Term)(uintptr_t)blob;
    hp[3] = p->off_heap.first;
    p->off_heap.first = make_boxed(hp);
    return p->off_heap.first;
}

Term bin_new(Process *p, const uint8_t *data, size_t n)
{
    return n <= BIN_HEAP_MAX ? heap_bin_new(p, data, n) : refc_bin_new(p, data, n);
}

size_t bin_size(Term b)
{
    return (size_t)boxed_ptr(b)[1]; /* word 1 in all three forms */
}

const uint8_t *bin_bytes(Term b)
{
    const Term *bp = boxed_ptr(b);
    switch (header_sub(bp[0])) {
    case SUB_HEAP_BIN:
        return (const uint8_t *)&bp[2];
    case SUB_REFC_BIN:
        return ((const BinBlob *)(uintptr_t)bp[2])->data;
    default: /* SUB_SUB_BIN */
        return bin_bytes(bp[3]) + bp[2];
    }
}

/* The bytes are left uninitialised: callers fill them. */
BinBlob *blob_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(BinBlob))
        return NULL;
    BinBlob *b = malloc(sizeof(BinBlob) + size);
    if (!b)
        return NULL;
    atomic_init(&b->refs, 1);
    b->size = size;
    return b;
}

void blob_incref(BinBlob *b)
{
    atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
}

/* The last owner frees the blob. acq_rel (rather than release plus a
 * fence, which ThreadSanitizer does not model) orders every other owner's
 * last use of the bytes before the free. */
void blob_decref(BinBlob *b)
{
    if (atomic_fetch_sub_explicit(&b->refs, 1, memory_order_acq_rel) == 1)
        free(b);
}
