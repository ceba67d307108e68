/* ext_term.h - decoding Erlang's external term format (the subset the assembler
 * writes: numbers, atoms, tuples, lists, strings, binaries, export funs)
 * into terms. Used by the loader for literals; every length and tag is
 * checked, nesting is bounded, and the decoder never reads past the input. */
#ifndef BL_EXT_TERM_H
#define BL_EXT_TERM_H

#include <stddef.h>
#include <stdint.h>

#include "term.h"

/* Where decoded terms are built: a caller-supplied allocator so that
 * literals can go into a module's literal area. Returns NULL on OOM. */
typedef Term *(*ExtAlloc)(void *ctx, size_t words);

/* Decodes one term from data[0..len) (which starts with the version byte
 * 131 and must hold exactly one term). Returns THE_NON_VALUE and writes a
 * message into err on malformed input. */
Term ext_decode(const uint8_t *data, size_t len, ExtAlloc alloc, void *ctx, char *err, size_t errlen);

/* The same, for a term at the start of data: *used gets the bytes it
 * took (binary_to_term ignores what follows, as OTP's). */
Term ext_decode_prefix(const uint8_t *data, size_t len, ExtAlloc alloc, void *ctx, char *err, size_t errlen,
                       size_t *used);

#endif
