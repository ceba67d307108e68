/* term_hash.h - a structural hash of a term, equal for terms that are
 * exactly equal (=:=): the process dictionary's hash (and later ETS). It
 * looks at no more than a bounded number of subterms, so hashing a huge
 * key is cheap; terms that differ only past that bound collide. */
#ifndef BL_TERM_HASH_H
#define BL_TERM_HASH_H

#include <stdint.h>

#include "term.h"

uint64_t term_hash(Term t);

#endif
