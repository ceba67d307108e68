/* print_float.c - floats as Erlang/OTP 25 prints them under ~w and ~p and
 * float_to_list(F, [short]): the shortest digits that read back to the same
 * double, in plain form (0.1, 100.0) where that is no longer than the
 * scientific one (1.0e10, 1.2345e-7) and the value is below 2^53. */
#include "print.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads the digits and exponent of "%.*e" output ("d.ddde+XX") into
 * digits (NUL-terminated, no point) and *exp. */
static void parse_e(const char *buf, char *digits, int *exp)
{
    size_t k = 0;
    const char *q = buf;
    for (; *q && *q != 'e'; q++)
        if (*q >= '0' && *q <= '9')
            digits[k++] = *q;
    digits[k] = 0;
    *exp = *q == 'e' ? atoi(q + 1) : 0;
}

/* The value of digits d0.d1d2... x 10^exp, as strtod reads it. */
static double digits_value(const char *digits, int exp)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits[1] ? digits + 1 : "0", exp);
    return strtod(buf, NULL);
}

/* Adds delta (+1 or -1) to the last digit of a digit string, carrying;
 * keeps the digit count, adjusting *exp when the leading digit moves. */
static bool bump_digits(char *digits, int *exp, int delta)
{
    size_t n = strlen(digits);
    size_t i = n;
    while (i > 0) {
        i--;
        int d = digits[i] - '0' + delta;
        if (d >= 0 && d <= 9) {
            digits[i] = (char)('0' + d);
            break;
        }
        digits[i] = delta > 0 ? '0' : '9';
        if (i == 0) {
            if (delta < 0)
                return false;
            memmove(digits + 1, digits, n); /* 99 -> 100: one more digit, drop the last */
            digits[0] = '1';
            digits[n] = 0;
            (*exp)++;
            return true;
        }
    }
    if (digits[0] == '0') { /* 10 -> 09: shift left, keep the count */
        if (n == 1)
            return false;
        memmove(digits, digits + 1, n - 1);
        digits[n - 1] = '9';
        (*exp)--;
    }
    return true;
}

/* Whether some p-digit decimal reads back as d; if so its digits and
 * exponent (the closest such) go to digits and *exp. */
static bool try_digits(double d, int p, char *digits, int *exp)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", p - 1, d);
    parse_e(buf, digits, exp);
    if (digits_value(digits, *exp) == d)
        return true;
    /* The closest p-digit decimal can miss where d's rounding interval is
     * lopsided (powers of two); a neighbour may still read back. */
    for (int delta = -1; delta <= 1; delta += 2) {
        char alt[24];
        int e2 = *exp;
        memcpy(alt, digits, strlen(digits) + 1);
        if (bump_digits(alt, &e2, delta) && digits_value(alt, e2) == d) {
            memcpy(digits, alt, strlen(alt) + 1);
            *exp = e2;
            return true;
        }
    }
    return false;
}

/* The shortest digit string (no trailing zeros) that reads back as the
 * positive finite d, the closest to d among the shortest (as OTP's Ryu
 * based float_to_list(F, [short]) gives), and its exponent:
 * d ~ digits[0].digits[1..] x 10^exp. If a p-digit decimal reads back, so
 * does a (p+1)-digit one, so a binary search over 1..17 finds it. */
static void shortest_digits(double d, char *digits, int *exp)
{
    int lo = 1, hi = 17;
    char best[24];
    int best_exp = 0;
    if (!try_digits(d, 17, best, &best_exp)) /* cannot happen: 17 always do */
        snprintf(best, sizeof best, "0");
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        char cand[24];
        int e;
        if (try_digits(d, mid, cand, &e)) {
            hi = mid;
            memcpy(best, cand, strlen(cand) + 1);
            best_exp = e;
        } else {
            lo = mid + 1;
        }
    }
    memcpy(digits, best, strlen(best) + 1);
    *exp = best_exp;
    size_t n = strlen(digits);
    while (n > 1 && digits[n - 1] == '0')
        digits[--n] = 0;
}

void print_float(StrBuf *sb, double d)
{
    if (signbit(d)) {
        sb_addc(sb, '-');
        d = -d;
    }
    if (d == 0) {
        sb_adds(sb, "0.0");
        return;
    }
    if (!isfinite(d)) { /* never an Erlang float; print something sane */
        sb_adds(sb, isnan(d) ? "nan" : "inf");
        return;
    }
    char digits[24];
    int e;
    shortest_digits(d, digits, &e);
    int n = (int)strlen(digits);
    char ebuf[16];
    int elen = snprintf(ebuf, sizeof ebuf, "%d", e);
    int sci_len = n + (n == 1) + 2 + elen;
    int fixed_len = e >= 0 ? (n <= e + 1 ? e + 3 : n + 1) : n + 1 - e;
    /* OTP writes the plain form when it is no longer than the scientific
     * one, and only below 2^53 (where every integer is exact). */
    if (fixed_len <= sci_len && d < 0x1p53) {
        if (e >= 0) {
            if (n <= e + 1) {
                sb_add(sb, digits, (size_t)n);
                for (int i = n; i <= e; i++)
                    sb_addc(sb, '0');
                sb_adds(sb, ".0");
            } else {
                sb_add(sb, digits, (size_t)e + 1);
                sb_addc(sb, '.');
                sb_adds(sb, digits + e + 1);
            }
        } else {
            sb_adds(sb, "0.");
            for (int i = 0; i < -e - 1; i++)
                sb_addc(sb, '0');
            sb_adds(sb, digits);
        }
        return;
    }
    sb_addc(sb, digits[0]);
    sb_addc(sb, '.');
    sb_adds(sb, n > 1 ? digits + 1 : "0");
    sb_addc(sb, 'e');
    sb_adds(sb, ebuf);
}
