/* utf8.h - UTF-8, one encoder and one strict decoder for the whole tree
 * (the VM's BIFs and io:format, the assembler, the compiler).
 *
 * Strict means what Erlang/OTP accepts as UTF-8: no overlong forms, no
 * surrogates (U+D800..U+DFFF), nothing past U+10FFFF, no truncated
 * sequence. */
#ifndef BL_UTF8_H
#define BL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A Unicode scalar value: 0..0x10FFFF less the surrogates. */
static inline bool utf8_is_scalar(int64_t c) { return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

/* Writes c (below 0x110000) as UTF-8 into out; returns the bytes written
 * (1 to 4). */
size_t utf8_encode(uint32_t c, uint8_t out[4]);

/* Decodes one character from s[0..n) into *c; returns its length in
 * bytes, or 0 if the bytes there are not (strict) UTF-8 or n is 0. */
size_t utf8_decode(const uint8_t *s, size_t n, uint32_t *c);

/* The character at s[*i] (*i < n), advancing *i past it; a byte that
 * starts no valid sequence stands for itself (its Latin-1 character). */
uint32_t utf8_next(const uint8_t *s, size_t n, size_t *i);

/* Whether s[0..n) is all (strict) UTF-8. */
bool utf8_valid(const uint8_t *s, size_t n);

#endif
