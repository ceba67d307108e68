/* phash.h - erlang:phash2's hash of a term: the same 32-bit value as
 * Erlang/OTP 25 for integers, floats, atoms, lists, tuples and binaries
 * (its portable hash, built on Bob Jenkins' lookup2 mix). Pids,
 * references and funs, which differ between the two systems anyway, hash
 * to values of beamlet's own. */
#ifndef BL_PHASH_H
#define BL_PHASH_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"

/* The hash, or false if memory for the walk ran out. *nodes gets the
 * subterms visited (for charging reductions). */
bool phash2(Term t, uint32_t *hash, size_t *nodes);

#endif
