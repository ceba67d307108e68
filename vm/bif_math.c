/* bif_math.c - the `math` module: sqrt, pow, pi, the trigonometric and
 * hyperbolic functions, exp and the logarithms, erf, floor, ceil and fmod,
 * with Erlang/OTP 25's results and errors.
 *
 * Every function takes integers or floats and returns a float. An argument
 * that is not a number raises badarg; an integer too large for a double,
 * or a result that is not a finite number (a domain error such as
 * sqrt(-1), log(0), asin(2), or an overflow such as exp(1000)), raises
 * badarith, as OTP does. Arguments are converted left to right, so the
 * first bad one decides the error. */
#include <math.h>

#include "arith.h"
#include "bif.h"
#include "bignum.h"
#include "process.h"
#include "term.h"

/* Reads an argument as a double into *out. False, with badarg or badarith
 * raised in p, if it is not a number or is an integer beyond a double's
 * range. */
static bool arg_double(Process *p, Term t, double *out)
{
    if (is_float(t)) {
        *out = float_val(t);
        return true;
    }
    if (is_small(t)) {
        *out = (double)small_val(t);
        return true;
    }
    if (!is_big(t)) {
        bif_badarg(p);
        return false;
    }
    *out = big_to_double(t);
    if (!isfinite(*out)) {
        bif_error(p, ATOM_badarith);
        return false;
    }
    return true;
}

/* Applies f to the one argument; arith_double boxes the result, or raises
 * badarith if it is inf or nan. */
static Term math1(Process *p, Term *args, unsigned live, double (*f)(double))
{
    double x;
    if (!arg_double(p, args[0], &x))
        return THE_NON_VALUE;
    return arith_double(p, f(x), live);
}

static Term math2(Process *p, Term *args, unsigned live, double (*f)(double, double))
{
    double x, y;
    if (!arg_double(p, args[0], &x) || !arg_double(p, args[1], &y))
        return THE_NON_VALUE;
    return arith_double(p, f(x, y), live);
}

Term bif_math_pi_0(Process *p, Term *args, unsigned live)
{
    return arith_double(p, M_PI, live);
}

Term bif_math_sqrt_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, sqrt); }
Term bif_math_sin_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, sin); }
Term bif_math_cos_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, cos); }
Term bif_math_tan_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, tan); }
Term bif_math_asin_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, asin); }
Term bif_math_acos_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, acos); }
Term bif_math_atan_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, atan); }
Term bif_math_sinh_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, sinh); }
Term bif_math_cosh_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, cosh); }
Term bif_math_tanh_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, tanh); }
Term bif_math_asinh_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, asinh); }
Term bif_math_acosh_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, acosh); }
Term bif_math_atanh_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, atanh); }
Term bif_math_exp_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, exp); }
Term bif_math_log_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, log); }
Term bif_math_log2_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, log2); }
Term bif_math_log10_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, log10); }
Term bif_math_erf_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, erf); }
Term bif_math_erfc_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, erfc); }
/* math:floor/ceil give floats (erlang:floor/ceil give integers): floor(-0.5)
 * is -0.0, as in C. */
Term bif_math_floor_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, floor); }
Term bif_math_ceil_1(Process *p, Term *args, unsigned live) { return math1(p, args, live, ceil); }

Term bif_math_pow_2(Process *p, Term *args, unsigned live) { return math2(p, args, live, pow); }
Term bif_math_atan2_2(Process *p, Term *args, unsigned live) { return math2(p, args, live, atan2); }
/* fmod(X, 0) is nan in C, so badarith. */
Term bif_math_fmod_2(Process *p, Term *args, unsigned live) { return math2(p, args, live, fmod); }
