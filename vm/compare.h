/* compare.h - Erlang's term order and equality.
 * number < atom < reference < fun < port < pid < tuple < map < [] < list <
 * binary. Integers and floats compare by value under ==/</>; =:= also
 * requires the same type (1 =/= 1.0). */
#ifndef BL_COMPARE_H
#define BL_COMPARE_H

#include <stdbool.h>

#include "term.h"

/* <0, 0 or >0. exact: 1 and 1.0 differ (as in =:= and in sorting ties). */
int term_compare(Term a, Term b, bool exact);
static inline bool term_eq_exact(Term a, Term b) { return a == b || term_compare(a, b, true) == 0; }
static inline bool term_eq(Term a, Term b) { return a == b || term_compare(a, b, false) == 0; }

#endif
