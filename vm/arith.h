/* arith.h - arithmetic: the BIFs of the "arith.c" group in bifs.def, plus the
 * entry points the interpreter calls when its inline fast paths (both
 * operands small, no overflow) do not apply.
 *
 * Semantics are Erlang/OTP's: integers never overflow (results that fit a
 * small are smalls, others bignums, see bignum.h); mixing an integer and a
 * float in + - * gives a float; `/` always gives a float; div and rem
 * truncate toward zero (rem takes the dividend's sign); bitwise operations
 * act on the infinite two's complement representation; bsr rounds toward
 * minus infinity. No float operation ever yields inf or nan: it raises
 * badarith. Operators raise badarith on bad arguments, the conversion BIFs
 * (abs, float, round, trunc, *_to_list, list_to_*) badarg. A result beyond
 * ARITH_MAX_BIG_LIMBS limbs, or a heap that cannot grow, raises
 * system_limit. */
#ifndef BL_ARITH_H
#define BL_ARITH_H

#include "bif.h"
#include "process.h"
#include "term.h"

/* The largest bignum, in 64-bit limbs: as in Erlang/OTP, 1 bsl 33554367 is
 * the largest power of two (2^25 - 64 bits), and anything larger raises
 * system_limit. */
#define ARITH_MAX_BIG_LIMBS (((size_t)1 << 19) - 1)

/* Boxes d as a float on p's heap (reserving FLOAT_WORDS with `live` roots).
 * Raises badarith (returns THE_NON_VALUE, exception set in p) if d is inf or
 * nan, system_limit if the heap cannot grow. */
Term arith_double(Process *p, double d, unsigned live);

/* Slow paths for the interpreter, with the BIF signature and semantics:
 * args points at the operands, which must be GC roots, i.e. the last 1 or 2
 * of the x registers x[0..live) (copy operands from y registers or literals
 * into x[live], x[live+1] and pass live + 2). They handle every case, small
 * ones included; on failure they return THE_NON_VALUE with p's exception
 * set. */
static inline Term arith_add(Process *p, Term *args, unsigned live) { return bif_plus_2(p, args, live); }
static inline Term arith_sub(Process *p, Term *args, unsigned live) { return bif_minus_2(p, args, live); }
static inline Term arith_mul(Process *p, Term *args, unsigned live) { return bif_times_2(p, args, live); }
static inline Term arith_fdiv(Process *p, Term *args, unsigned live) { return bif_fdiv_2(p, args, live); }
static inline Term arith_div(Process *p, Term *args, unsigned live) { return bif_div_2(p, args, live); }
static inline Term arith_rem(Process *p, Term *args, unsigned live) { return bif_rem_2(p, args, live); }
static inline Term arith_band(Process *p, Term *args, unsigned live) { return bif_band_2(p, args, live); }
static inline Term arith_bor(Process *p, Term *args, unsigned live) { return bif_bor_2(p, args, live); }
static inline Term arith_bxor(Process *p, Term *args, unsigned live) { return bif_bxor_2(p, args, live); }
static inline Term arith_bsl(Process *p, Term *args, unsigned live) { return bif_bsl_2(p, args, live); }
static inline Term arith_bsr(Process *p, Term *args, unsigned live) { return bif_bsr_2(p, args, live); }
static inline Term arith_bnot(Process *p, Term *args, unsigned live) { return bif_bnot_1(p, args, live); }
static inline Term arith_neg(Process *p, Term *args, unsigned live) { return bif_neg_1(p, args, live); }

/* An int64 result of a fast path that left the small range (e.g. the sum of
 * two smalls): a bignum on p's heap, or system_limit raised if the heap
 * cannot grow. */
Term arith_int64(Process *p, int64_t v, unsigned live);

/* A base argument of integer_to_list/2 and friends: an integer in 2..36. */
bool arith_base_arg(Term t, unsigned *base);

/* Makes a term of the text s[0..n) (a list of its characters, a binary),
 * reserving its heap with `live` roots. */
typedef Term (*ArithTextFn)(Process *p, const char *s, size_t n, unsigned live);

/* integer_to_list and integer_to_binary: the integer args[0] written in
 * base (the term, checked by arith_base_arg), the text made by make.
 * badarg if either argument is bad. */
/* The string s[0..n) as a list of its bytes on p's heap (reserving it). */
Term arith_chars_to_list(Process *p, const char *s, size_t n, unsigned live);

Term arith_integer_text(Process *p, Term *args, unsigned live, Term base, ArithTextFn make);

#endif
