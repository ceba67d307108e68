/* atom.h - the global atom table.
 *
 * Atoms are interned once for the life of the VM and never freed. The table is
 * shared by every scheduler: lookups by index never take a lock (entries live
 * in chunks that never move), inserts take one mutex. */
#ifndef BL_ATOM_H
#define BL_ATOM_H

#include <stddef.h>
#include <stdint.h>

#include "term.h"

enum {
#define X(id, text) ATOM_IDX_##id,
#include "atoms.def"
#undef X
    ATOM_IDX_COUNT_FIXED
};

#define X(id, text) static const Term ATOM_##id = ((Term)ATOM_IDX_##id << 3) | TAG_ATOM;
#include "atoms.def"
#undef X

/* Erlang's limit on atom length, in characters; atoms are stored as UTF-8,
 * so in bytes the limit is four times that. */
#define ATOM_MAX_CHARS 255
#define ATOM_MAX_LEN (4 * ATOM_MAX_CHARS)
/* The table never grows beyond this many atoms (Erlang's default). */
#define ATOM_MAX_COUNT 1048576

/* Set up the table with the fixed atoms. Call once before anything else. */
void atom_init(void);

/* The atom for the UTF-8 text[0..len), creating it if need be;
 * THE_NON_VALUE when the text has more than ATOM_MAX_CHARS characters or the
 * table is full. Thread safe. */
Term atom_intern(const char *text, size_t len);

/* Like atom_intern, but never creates: THE_NON_VALUE if it does not exist. */
Term atom_lookup(const char *text, size_t len);

/* The text of an atom; *len receives its length. Not NUL-terminated in
 * general (it is in practice, but use the length). */
const char *atom_text(Term atom, size_t *len);

/* Convenience: NUL-terminated text (the table stores a terminator). */
const char *atom_cstr(Term atom);

/* How many atoms exist now. */
uint32_t atom_count(void);

static inline Term atom_bool(int b) { return b ? ATOM_true : ATOM_false; }

#endif
