/* copy.h - copying a term out of one heap into fresh memory.
 *
 * Used where a term must leave the heap it was built on: sending a message
 * (the sender sizes the term, copies it into a fragment owned by the
 * message), spawn arguments, later ETS-like tables. The two steps:
 *
 *     size_t n = copy_size(t);                 // SIZE_MAX: out of memory
 *     Term *hp = fragment_words(n);            // caller's memory, n words
 *     OffHeap oh = {NIL};
 *     Term c = copy_term(t, &hp, &oh);         // hp advanced by exactly n
 *
 * The copy is self-contained: no word of it points into the source heap (or
 * into a module's literals), so the source may be collected or freed at
 * once. What it shares with the source: off-heap blobs of refc binaries
 * (reference counted; the copy's REFC_BINs are linked on `oh`, which the
 * destination heap must adopt or copy_release_offheap must drop), and the
 * static FunEntry/Export entries that funs point at.
 *
 * Sharing inside the source is not preserved (as in Erlang's send): a
 * subterm reachable twice is copied twice, and copy_size counts it twice.
 *
 * Sub binaries are normalised rather than copied as they are:
 *   - a slice of at most BIN_HEAP_MAX bytes, or any slice of a heap binary,
 *     becomes a heap binary of just its bytes (so a small slice of a huge
 *     binary does not keep the huge blob alive in the receiver);
 *   - a larger slice of a refc binary becomes a REFC_BIN sharing the blob
 *     when it covers the whole binary, else a SUB_BIN followed by its own
 *     REFC_BIN sharing the blob.
 *
 * Neither function recurses on the C stack: terms nested millions deep and
 * lists millions long are fine. Both are safe to call from several threads
 * on different terms (and on the same source term, which they only read). */
#ifndef BL_COPY_H
#define BL_COPY_H

#include <stddef.h>

#include "process.h"
#include "term.h"

/* Words needed to copy t (0 for immediates). SIZE_MAX if the walk's
 * explicit stack could not grow (malloc failed; only for terms nested
 * deeper than a few dozen levels in non-last positions). */
size_t copy_size(Term t);

/* Copies t into the copy_size(t) words at *hp, advancing *hp by exactly
 * that many, and returns the copy (t itself for immediates). Refc binaries
 * are shared: the copy holds a new REFC_BIN for the same blob (its count
 * incremented), linked at the front of `oh` (initialise oh->first to NIL).
 * Never allocates, so never fails; THE_NON_VALUE is not returned by this
 * implementation (callers may still check for it). */
Term copy_term(Term t, Term **hp, OffHeap *oh);

/* Drops the blob references of every REFC_BIN on `oh` and empties it: for
 * a copy discarded unread (a message to a dead process). */
void copy_release_offheap(OffHeap *oh);

#endif
