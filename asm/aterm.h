/* aterm.h - the assembler's own term tree.
 *
 * Erlang terms as read from assembly text (term_parse.c) or decoded from
 * the external term format (etf.c), each node carrying its source position.
 * These are plain C trees in an arena, not VM terms: the assembler and
 * disassembler never touch the VM's heap. Also here: the printer that writes
 * a tree back in Erlang syntax (so that the reader reads the same tree),
 * and the little bignum arithmetic that reading and printing need. */
#ifndef BL_ATERM_H
#define BL_ATERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bcfile.h"

/* A bump allocator: everything allocated from it is freed at once. Out of
 * memory aborts, as BcBuf does. */
typedef struct AtChunk AtChunk;
typedef struct {
    AtChunk *head;
} AtArena;

void at_arena_init(AtArena *a);
void at_arena_free(AtArena *a);
/* Zeroed memory, aligned for any type. */
void *at_alloc(AtArena *a, size_t size);

/* A malloc'd array v of *cap elements of elem bytes, grown (doubling) to
 * hold at least need of them; returns it, perhaps moved. Out of memory
 * aborts. */
void *at_grow(void *v, size_t *cap, size_t need, size_t elem);

typedef enum {
    AT_INT,    /* i: an integer that fits in int64 */
    AT_BIG,    /* big: an integer outside int64 */
    AT_FLOAT,  /* f */
    AT_ATOM,   /* atom: UTF-8 text */
    AT_NIL,    /* [] */
    AT_STRING, /* str: "..." (a list of character codes; n may be 0) */
    AT_LIST,   /* list: n >= 1 items, then tail (NULL for a proper list) */
    AT_TUPLE,  /* tuple */
    AT_BINARY, /* bin: <<...>> */
    AT_MAP,    /* tuple.items holds 2n terms: key, value, ... (in types only) */
    AT_FUN,    /* fun: fun M:F/A */
} ATermKind;

typedef struct ATerm ATerm;
struct ATerm {
    ATermKind kind;
    int line, col; /* where it starts in the source; 0 when decoded */
    union {
        int64_t i;
        struct {
            bool neg;
            size_t n;      /* magnitude bytes, least significant first */
            uint8_t *mag;  /* mag[n - 1] != 0 */
        } big;
        double f;
        struct {
            size_t len;
            char *text;    /* NUL-terminated (may also contain NULs) */
        } atom;
        struct {
            size_t n;
            uint32_t *chars;
        } str;
        struct {
            size_t n;
            ATerm **items;
            ATerm *tail;   /* NULL: proper list; never a list or string */
        } list;
        struct {
            size_t n;
            ATerm **items;
        } tuple;
        struct {
            size_t n;
            uint8_t *bytes;
        } bin;
        struct {
            ATerm *mod, *fun; /* atoms */
            unsigned arity;
        } fun;
    };
};

/* Largest integer magnitude accepted anywhere, in bytes (32768 bits). */
#define AT_MAX_BIG_BYTES 4096
/* Deepest nesting of terms accepted by the reader and the decoder. */
#define AT_MAX_DEPTH 1000

ATerm *at_new(AtArena *a, ATermKind kind, int line, int col);
ATerm *at_atom(AtArena *a, const char *text, size_t len);
/* An integer from a sign and a magnitude (least significant byte first,
 * leading zeros allowed): AT_INT when it fits in int64, else AT_BIG. */
ATerm *at_integer(AtArena *a, bool neg, const uint8_t *mag, size_t n);
ATerm *at_int(AtArena *a, int64_t v);
/* The negation of an integer or float term, in place. */
void at_negate(AtArena *a, ATerm *t);
/* The value of an integer term that is >= 0 and fits in 64 bits. */
bool at_get_u64(const ATerm *t, uint64_t *v);
bool at_is_atom(const ATerm *t, const char *text);

/* Accumulates digits into a magnitude: mag = mag * base + digit, where mag
 * has room for cap bytes and *n are in use. Returns false on overflow. */
bool at_mag_mul_add(uint8_t *mag, size_t *n, size_t cap, unsigned base, unsigned digit);

/* Appends UTF-8 for code point c (which must be < 0x110000). */
void at_put_utf8(BcBuf *b, uint32_t c);

/* Printing in Erlang syntax, appending to a buffer (no NUL added). */
void at_print(BcBuf *out, const ATerm *t);
void at_print_atom(BcBuf *out, const char *text, size_t len);
/* A string literal of UTF-8 text (which must be valid UTF-8). */
void at_print_utf8_string(BcBuf *out, const uint8_t *s, size_t n);
void at_print_int64(BcBuf *out, int64_t v);
/* The shortest text that reads back as exactly d, in Erlang's float syntax
 * (always with a '.', as 1.0e10 or 0.0025). d must be finite. */
void at_print_float(BcBuf *out, double d);
/* Same as at_print, but into a NUL-terminated string of at most max
 * bytes (ending in "..." when cut), for error messages. */
void at_describe(const ATerm *t, char *buf, size_t max);

#endif
