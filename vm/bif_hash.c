/* bif_hash.c - BIFs that hash or checksum terms and bytes: phash2/1,2,
 * md5/1, crc32/1,2 and adler32/1,2, with Erlang/OTP 25's values (phash2
 * as phash.h says) and errors. */
#include <stdlib.h>

#include "bif.h"
#include "binary.h"
#include "md5.h"
#include "phash.h"

/* ---- phash2 ----------------------------------------------------------- */

static Term phash(Process *p, Term t, uint64_t range)
{
    uint32_t h;
    size_t nodes;
    if (!phash2(t, &h, &nodes))
        return bif_heap_exhausted(p);
    bif_charge(p, nodes);
    return make_small(range ? h % range : h & ((1u << 27) - 1));
}

Term bif_phash2_1(Process *p, Term *args, unsigned live) { return phash(p, args[0], 0); }

/* phash2(Term, Range): 0 .. Range - 1, for a Range of 1 .. 2^32. */
Term bif_phash2_2(Process *p, Term *args, unsigned live)
{
    Term r = args[1];
    if (!is_small(r) || small_val(r) < 1 || small_val(r) > (INT64_C(1) << 32))
        return bif_badarg(p);
    return phash(p, args[0], (uint64_t)small_val(r));
}

/* ---- digests of iodata ------------------------------------------------ */

/* The bytes of iodata t: NULL after raising if it is not iodata. */
static uint8_t *bytes_of(Process *p, Term t, size_t *n)
{
    bool badarg;
    uint8_t *b = bif_iodata_bytes(t, n, &badarg);
    if (!b) {
        if (badarg)
            bif_badarg(p);
        else
            bif_heap_exhausted(p);
    }
    return b;
}

/* md5(IoData): the 16-byte MD5 digest of the bytes. */
Term bif_md5_1(Process *p, Term *args, unsigned live)
{
    size_t n;
    uint8_t *b = bytes_of(p, args[0], &n);
    if (!b)
        return THE_NON_VALUE;
    uint8_t digest[16];
    md5_digest(b, n, digest);
    free(b);
    bif_charge(p, n / 4);
    if (!proc_reserve(p, bin_words(16), live))
        return bif_heap_exhausted(p);
    Term r = bin_new(p, digest, 16);
    return r == THE_NON_VALUE ? bif_heap_exhausted(p) : r;
}

/* CRC-32 as zlib computes it (reflected, polynomial 0xEDB88320),
 * continuing from crc. */
static uint32_t crc32_update(uint32_t crc, const uint8_t *s, size_t n)
{
    crc = ~crc;
    for (size_t i = 0; i < n; i++) {
        crc ^= s[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

/* Adler-32 as zlib computes it, continuing from adler. */
static uint32_t adler32_update(uint32_t adler, const uint8_t *s, size_t n)
{
    uint32_t a = adler & 0xffff, b = adler >> 16;
    for (size_t i = 0; i < n; i++) {
        a = (a + s[i]) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

typedef uint32_t (*Checksum)(uint32_t, const uint8_t *, size_t);

/* A checksum of iodata, continued from `start` (an integer of 32 bits
 * when given, else the algorithm's initial value). */
static Term checksum(Process *p, Term start, Term data, Checksum f, uint32_t init)
{
    if (start != THE_NON_VALUE) {
        if (!is_small(start) || small_val(start) < 0 || small_val(start) > (int64_t)UINT32_MAX)
            return bif_badarg(p);
        init = (uint32_t)small_val(start);
    }
    size_t n;
    uint8_t *b = bytes_of(p, data, &n);
    if (!b)
        return THE_NON_VALUE;
    uint32_t r = f(init, b, n);
    free(b);
    bif_charge(p, n / 4);
    return make_small(r);
}

Term bif_crc32_1(Process *p, Term *args, unsigned live) { return checksum(p, THE_NON_VALUE, args[0], crc32_update, 0); }
Term bif_crc32_2(Process *p, Term *args, unsigned live) { return checksum(p, args[0], args[1], crc32_update, 0); }
Term bif_adler32_1(Process *p, Term *args, unsigned live)
{
    return checksum(p, THE_NON_VALUE, args[0], adler32_update, 1);
}
Term bif_adler32_2(Process *p, Term *args, unsigned live) { return checksum(p, args[0], args[1], adler32_update, 1); }
