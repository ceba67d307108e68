/* etf.h - Erlang's external term format for the literal table (LITT).
 *
 * The encoder writes the canonical form that term_to_binary/1 writes, so
 * that the same term always gives the same bytes: SMALL_INTEGER_EXT for
 * 0..255, INTEGER_EXT for other 32-bit values, SMALL_BIG_EXT /
 * LARGE_BIG_EXT beyond; NEW_FLOAT_EXT; SMALL_ATOM_UTF8_EXT (ATOM_UTF8_EXT
 * past 255 bytes); SMALL_TUPLE_EXT / LARGE_TUPLE_EXT; NIL_EXT; STRING_EXT
 * for proper lists of 1 to 65535 bytes, else LIST_EXT; BINARY_EXT;
 * EXPORT_EXT. The decoder accepts all of those plus ATOM_EXT and
 * SMALL_ATOM_EXT (latin-1), checks every length against the input, and
 * nests no deeper than AT_MAX_DEPTH - 16 (so that the printed term still
 * reads back inside an instruction). See docs/bc-format.md. */
#ifndef BL_ETF_H
#define BL_ETF_H

#include <stddef.h>
#include <stdint.h>

#include "aterm.h"
#include "bcfile.h"

enum {
    ETF_VERSION = 131,
    ETF_NEW_FLOAT = 70,
    ETF_SMALL_INTEGER = 97,
    ETF_INTEGER = 98,
    ETF_ATOM = 100,
    ETF_SMALL_TUPLE = 104,
    ETF_LARGE_TUPLE = 105,
    ETF_NIL = 106,
    ETF_STRING = 107,
    ETF_LIST = 108,
    ETF_BINARY = 109,
    ETF_SMALL_BIG = 110,
    ETF_LARGE_BIG = 111,
    ETF_EXPORT = 113,
    ETF_SMALL_ATOM = 115,
    ETF_ATOM_UTF8 = 118,
    ETF_SMALL_ATOM_UTF8 = 119,
};

/* NULL if t can be encoded; else why not, with the offending subterm in
 * *bad (maps are the one kind of term that cannot). */
const char *etf_check(const ATerm *t, const ATerm **bad);

/* Appends the version byte and the encoding of t (which etf_check passed). */
void etf_encode(BcBuf *out, const ATerm *t);

/* Decodes one whole term (version byte included: all len bytes must be
 * used). Returns NULL and a one-line message in err when malformed. */
ATerm *etf_decode(AtArena *a, const uint8_t *data, size_t len, char *err, size_t errlen);

#endif
