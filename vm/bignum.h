/* bignum.h - integers beyond the small range, as GMP limbs on a heap.
 *
 * A bignum is a boxed object: header (SUB_POS_BIG or SUB_NEG_BIG, arity =
 * limb count) then the magnitude's limbs, least significant first, with no
 * leading zero limb. Every integer that fits in a small is a small: results
 * are always normalised, so =:= on integers is structural. GMP's mpn_* layer
 * does the arithmetic on limbs we own; GMP never allocates a result. */
#ifndef BL_BIGNUM_H
#define BL_BIGNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "process.h"
#include "term.h"

/* Limb count of a bignum, and a pointer to its limbs. */
static inline size_t big_size(Term t) { return (size_t)tuple_arity(t); }
static inline const uint64_t *big_limbs(Term t) { return (const uint64_t *)boxed_ptr(t) + 1; }
static inline bool big_is_neg(Term t) { return header_sub(boxed_header(t)) == SUB_NEG_BIG; }

/* Words needed on the heap for an integer with `limbs` limbs. */
static inline size_t big_words(size_t limbs) { return limbs + 1; }

/* Builds the integer -1^neg * limbs[0..n) at hp (which has big_words(n)
 * words), normalising: returns a small if it fits (then no words are used;
 * *used tells how many were). */
Term big_make(Term *hp, const uint64_t *limbs, size_t n, bool neg, size_t *used);

/* An int64 as a term, allocating on p's heap if it does not fit a small
 * (reserves itself, with `live` roots). THE_NON_VALUE if the heap is full. */
Term big_from_int64(Process *p, int64_t v, unsigned live);

/* Compares two integers (small or big): <0, 0, >0. */
int big_compare(Term a, Term b);

/* The integer as a double (rounded as Erlang does; may be +-inf for huge
 * values: callers check). */
double big_to_double(Term t);

/* Converts a double with an integral value to an integer term on p's heap
 * (for trunc, round). THE_NON_VALUE on a full heap or non-finite input. */
Term big_from_double(Process *p, double d, unsigned live);

/* Writes the integer (small or big) in the given base (2..36), upper-case
 * digits, with a leading '-' if negative, into a malloc'd NUL-terminated
 * string; *len gets its length. */
char *big_to_string(Term t, unsigned base, size_t *len);

/* Parses an integer in base 2..36 from text[0..n) (optional sign, at least one
 * digit, nothing else). Returns false if malformed. On success builds the
 * integer on p's heap (reserving with `live` roots) into *out; *out is
 * THE_NON_VALUE if the heap is full. */
bool big_parse(Process *p, const char *text, size_t n, unsigned base, unsigned live, Term *out);

/* Builds an integer from a little-endian magnitude of n bytes (as in the
 * external term format) at hp, which has big_words((n + 7) / 8) words. */
Term big_from_le_bytes(Term *hp, const uint8_t *bytes, size_t n, bool neg, size_t *used);

#endif
