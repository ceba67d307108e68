/* binary.h - binaries.
 *
 * Three boxed forms:
 *   SUB_HEAP_BIN  header(arity = 1 + ceil(size/8)), size in bytes, then the
 *                 bytes. Used for binaries up to BIN_HEAP_MAX bytes and for
 *                 literals.
 *   SUB_REFC_BIN  header(arity = 3), size, BinBlob *, next: the bytes live
 *                 off-heap in a reference-counted blob shared by every heap
 *                 (and, later, every process) that points at it. `next`
 *                 threads the process's off-heap list (a boxed term or NIL)
 *                 so a collection can release the blobs no survivor uses.
 *   SUB_SUB_BIN   header(arity = 3), size, byte offset, the original binary
 *                 term (heap or refc).
 */
#ifndef BL_BINARY_H
#define BL_BINARY_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "process.h"
#include "term.h"

#define BIN_HEAP_MAX 64

typedef struct BinBlob {
    _Atomic uint64_t refs;
    size_t size;
    uint8_t data[];
} BinBlob;

#define REFC_BIN_WORDS 4
#define SUB_BIN_WORDS 4
static inline size_t heap_bin_words(size_t bytes) { return 2 + (bytes + 7) / 8; }

/* Words needed on the heap for a new binary of n bytes. */
static inline size_t bin_words(size_t n) { return n <= BIN_HEAP_MAX ? heap_bin_words(n) : REFC_BIN_WORDS; }

/* Makes a binary of n bytes copied from data (data may be NULL: the bytes are
 * then zero and the caller fills them through bin_bytes). The bin_words(n)
 * words must be reserved. Returns THE_NON_VALUE if malloc fails. */
Term bin_new(Process *p, const uint8_t *data, size_t n);

/* Size and bytes of any binary. */
size_t bin_size(Term b);
const uint8_t *bin_bytes(Term b);

/* Off-heap blob reference counting. */
BinBlob *blob_new(size_t size);
void blob_incref(BinBlob *b);
void blob_decref(BinBlob *b);

#endif
