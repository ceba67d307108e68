/* term.h - the tagged 64-bit term representation.
 *
 * Every Erlang value is one 64-bit word. The low three bits say what it is:
 *
 *   000  header word (first word of a boxed object, on a heap only) or, on the
 *        stack, a continuation pointer (return address into threaded code);
 *        headers never appear on the stack, so the GC can tell them apart.
 *   001  cons pointer: points at two words, head then tail.
 *   010  boxed pointer: points at a header word followed by the object.
 *   011  atom: index into the global atom table, << 3.
 *   100  catch marker: index into the global catch table, << 3. Only ever in a
 *        y register; the verifier keeps it from being read or moved.
 *   101  local pid: process id, << 3.
 *   110  special immediates: [] and THE_NON_VALUE.
 *   111  small integer: signed value << 3 (61 bits).
 *
 * Header words: arity << 7 | subtag << 3 | 000. The arity is the number of
 * words that follow the header (for tuples, the number of elements).
 *
 * During a copying GC a moved boxed object has its header replaced by a boxed
 * pointer to its new place; a moved cons has its head replaced by
 * THE_NON_VALUE and its tail by the new cons pointer.
 */
#ifndef BL_TERM_H
#define BL_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t Term;

enum {
    TAG_MASK = 7,
    TAG_HEADER = 0,
    TAG_LIST = 1,
    TAG_BOXED = 2,
    TAG_ATOM = 3,
    TAG_CATCH = 4,
    TAG_PID = 5,
    TAG_SPECIAL = 6,
    TAG_SMALL = 7,
};

#define term_tag(t) ((unsigned)((t) & TAG_MASK))

/* Special immediates. */
#define NIL ((Term)TAG_SPECIAL)
#define THE_NON_VALUE ((Term)((1u << 3) | TAG_SPECIAL))

/* Small integers: 61-bit signed. */
#define SMALL_BITS 61
#define MAX_SMALL ((int64_t)((UINT64_C(1) << (SMALL_BITS - 1)) - 1))
#define MIN_SMALL (-MAX_SMALL - 1)

static inline bool is_small(Term t) { return term_tag(t) == TAG_SMALL; }
static inline Term make_small(int64_t v) { return ((Term)v << 3) | TAG_SMALL; }
static inline int64_t small_val(Term t) { return (int64_t)t >> 3; }
static inline bool small_fits(int64_t v) { return v >= MIN_SMALL && v <= MAX_SMALL; }

/* Atoms. */
static inline bool is_atom(Term t) { return term_tag(t) == TAG_ATOM; }
static inline Term make_atom(uint32_t index) { return ((Term)index << 3) | TAG_ATOM; }
static inline uint32_t atom_index(Term t) { return (uint32_t)(t >> 3); }

/* Local pids. */
static inline bool is_pid(Term t) { return term_tag(t) == TAG_PID; }
static inline Term make_pid(uint64_t id) { return (id << 3) | TAG_PID; }
static inline uint64_t pid_id(Term t) { return t >> 3; }

/* Catch markers (stack only). */
static inline bool is_catch(Term t) { return term_tag(t) == TAG_CATCH; }
static inline Term make_catch(uint32_t index) { return ((Term)index << 3) | TAG_CATCH; }
static inline uint32_t catch_index(Term t) { return (uint32_t)(t >> 3); }

static inline bool is_nil(Term t) { return t == NIL; }
static inline bool is_value(Term t) { return t != THE_NON_VALUE; }
static inline bool is_immed(Term t)
{
    unsigned tag = term_tag(t);
    return tag != TAG_LIST && tag != TAG_BOXED && tag != TAG_HEADER;
}

/* Cons cells. */
static inline bool is_list(Term t) { return term_tag(t) == TAG_LIST; }
static inline Term *list_ptr(Term t) { return (Term *)(uintptr_t)(t - TAG_LIST); }
static inline Term make_list(const Term *cell) { return (Term)(uintptr_t)cell | TAG_LIST; }
#define CAR(cell) ((cell)[0])
#define CDR(cell) ((cell)[1])
static inline Term list_head(Term t) { return list_ptr(t)[0]; }
static inline Term list_tail(Term t) { return list_ptr(t)[1]; }

/* Boxed objects. */
static inline bool is_boxed(Term t) { return term_tag(t) == TAG_BOXED; }
static inline Term *boxed_ptr(Term t) { return (Term *)(uintptr_t)(t - TAG_BOXED); }
static inline Term make_boxed(const Term *p) { return (Term)(uintptr_t)p | TAG_BOXED; }

enum {
    SUB_TUPLE = 0,
    SUB_POS_BIG = 1, /* arity = limb count; limbs follow, least significant first */
    SUB_NEG_BIG = 2,
    SUB_FLOAT = 3,   /* arity 1: the IEEE double's bits */
    SUB_FUN = 4,     /* closure: see FunObj in fun.h */
    SUB_EXPORT = 5,  /* fun M:F/A: one word, a pointer to the Export entry */
    SUB_HEAP_BIN = 6, /* word 1: byte size; then the bytes, padded to words */
    SUB_REFC_BIN = 7, /* off-heap binary, see binary.h */
    SUB_SUB_BIN = 8,  /* slice of another binary */
    SUB_REF = 9,      /* reference: arity 2 (64-bit id, creator scheduler) */
    SUB_MAP = 10,     /* reserved */
    SUB_EXT_PID = 11, /* reserved for distribution */
};

#define HEADER_SUB_SHIFT 3
#define HEADER_ARITY_SHIFT 7

static inline Term make_header(uint64_t arity, unsigned sub)
{
    return (arity << HEADER_ARITY_SHIFT) | ((Term)sub << HEADER_SUB_SHIFT) | TAG_HEADER;
}
static inline bool is_header(Term t) { return term_tag(t) == TAG_HEADER; }
static inline unsigned header_sub(Term h) { return (unsigned)((h >> HEADER_SUB_SHIFT) & 0xF); }
static inline uint64_t header_arity(Term h) { return h >> HEADER_ARITY_SHIFT; }

static inline Term boxed_header(Term t) { return boxed_ptr(t)[0]; }
static inline bool is_boxed_sub(Term t, unsigned sub)
{
    return is_boxed(t) && header_sub(boxed_header(t)) == sub;
}

/* Tuples. */
static inline bool is_tuple(Term t) { return is_boxed_sub(t, SUB_TUPLE); }
static inline uint64_t tuple_arity(Term t) { return header_arity(boxed_header(t)); }
/* Element i, 1-based as in Erlang. */
static inline Term tuple_elem(Term t, uint64_t i) { return boxed_ptr(t)[i]; }

/* Floats. */
static inline bool is_float(Term t) { return is_boxed_sub(t, SUB_FLOAT); }
static inline double float_val(Term t)
{
    union { uint64_t u; double d; } v;
    v.u = boxed_ptr(t)[1];
    return v.d;
}
#define FLOAT_WORDS 2

/* Bignums. */
static inline bool is_big(Term t)
{
    if (!is_boxed(t))
        return false;
    unsigned s = header_sub(boxed_header(t));
    return s == SUB_POS_BIG || s == SUB_NEG_BIG;
}
static inline bool is_integer(Term t) { return is_small(t) || is_big(t); }
static inline bool is_number(Term t) { return is_integer(t) || is_float(t); }

/* Funs (closures and exports). */
static inline bool is_fun(Term t)
{
    if (!is_boxed(t))
        return false;
    unsigned s = header_sub(boxed_header(t));
    return s == SUB_FUN || s == SUB_EXPORT;
}

/* Binaries. */
static inline bool is_binary(Term t)
{
    if (!is_boxed(t))
        return false;
    unsigned s = header_sub(boxed_header(t));
    return s == SUB_HEAP_BIN || s == SUB_REFC_BIN || s == SUB_SUB_BIN;
}

static inline bool is_ref(Term t) { return is_boxed_sub(t, SUB_REF); }

/* Booleans are the atoms true and false (see atom.h). */

/* The off-heap objects a heap (or message fragment) points at: refc
 * binaries. The list is threaded through the heap objects themselves (see
 * binary.h). */
typedef struct {
    Term first; /* boxed term of the first REFC_BIN, or NIL */
} OffHeap;

#endif
