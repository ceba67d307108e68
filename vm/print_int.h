/* print_int.h - what the printer's files share (not for use outside
 * vm/print*.c): the writers of leaf terms and characters (print_text.c),
 * the binary writer of ~w, and a growable stack.
 *
 * Every walk over a term or a ~p tree keeps its pending work on a stack
 * malloc'd through print_stack_grow, never on the C stack, so nesting is
 * bounded by memory alone. Running out of memory there is reported (false)
 * up to the public entry points, which undo their partial output. */
#ifndef BL_PRINT_INT_H
#define BL_PRINT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"
#include "term.h"

/* How io_lib's string writers treat characters above the ASCII range. */
enum {
    ENC_LATIN1,     /* write_latin1_string: only latin1 characters arrive */
    ENC_UNI_AS_UNI, /* write_string: any character >= 160 as itself */
    ENC_UNI_AS_LAT, /* write_string_as_latin1: above 255 as \x{HEX} */
};

/* Decodes the next UTF-8 character of s[*i..n); returns -1 (and leaves *i)
 * on a malformed, overlong or surrogate sequence, as Erlang's /utf8 match
 * rejects them. */
long print_utf8_next(const uint8_t *s, size_t n, size_t *i);

/* One character inside a quoted string or atom (quote q), escaped as
 * io_lib does (enc: ENC_*). Returns the number of characters OTP counts
 * for it. */
size_t print_string_char(StrBuf *sb, uint32_t c, uint32_t q, int enc);

/* Printable as io_lib:printable_latin1_list counts it. */
bool print_printable_latin1(int64_t c);

/* An atom, quoted if need be; returns its length in characters as OTP
 * counts them. unicode: io_lib:write_atom, else write_atom_as_latin1. */
size_t print_write_atom(StrBuf *sb, Term atom, bool unicode);

/* Terms that are neither lists, tuples nor binaries, as io_lib:write
 * writes them; returns false (writing nothing) for those three. */
bool print_write_simple(StrBuf *sb, Term t);

/* io_lib:write_binary at depth d: <<1,2,3>>, "..." where the depth runs
 * out. deep: with the nesting markers of the deep form (print.h). */
void print_write_binary(StrBuf *sb, Term b, long d, bool deep);

/* One level down: a negative depth (unlimited) stays so. */
static inline long print_dec_depth(long d) { return d < 0 ? d : d - 1; }

/* Makes room for `need` elements of `size` bytes in *v (capacity *cap),
 * growing it geometrically; false if memory runs out (*v is kept). */
bool print_stack_grow(void **v, size_t *cap, size_t need, size_t size);

#endif
