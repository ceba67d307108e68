/* print.c - ~w: io_lib:write, byte for byte as Erlang/OTP 25 writes it,
 * as flat text (print_w) or as the deep list io_lib:write returns
 * (print_w_deep: the same text with the nesting markers of print.h). One
 * walker serves both; the markers are the only difference.
 *
 * The walk keeps one frame per open list or tuple on a malloc'd stack (a
 * long list is one frame, its tail followed in a loop), so a term nested
 * millions deep prints without deepening the C stack.
 *
 * The rest of the printer: print_text.c (atoms, characters, leaves),
 * print_float.c (floats), print_tree.c and print_pretty.c (~p). */
#include "print.h"

#include <stdlib.h>

#include "print_int.h"

/* An open list or tuple. Lists: t is the rest of the list after the
 * element last written, i is 0. Tuples: t is the tuple, i the next
 * element (from 2: the first is written on entry). d is the depth the
 * loop of io_lib:write_tail / write_tuple has reached. */
typedef struct {
    Term t;
    uint64_t i;
    long d;
} WFrame;

typedef struct {
    StrBuf *sb;
    bool deep; /* write the nesting markers */
    WFrame *v;
    size_t n, cap;
} Writer;

static inline void mark(const Writer *w, char m)
{
    if (w->deep)
        sb_addc(w->sb, m);
}

static bool push(Writer *w, Term t, uint64_t i, long d)
{
    if (!print_stack_grow((void **)&w->v, &w->cap, w->n + 1, sizeof *w->v))
        return false;
    w->v[w->n++] = (WFrame){t, i, d};
    return true;
}

/* Begins writing t at depth d. A list or tuple with elements to write
 * opens a frame and sets *next, *nd to its first element; anything else is
 * written whole. Returns 1 if a frame was opened, 0 if t was written, -1
 * if memory ran out. */
static int enter(Writer *w, Term t, long d, Term *next, long *nd)
{
    StrBuf *sb = w->sb;
    if (d == 0) {
        sb_adds(sb, "...");
    } else if (is_list(t)) {
        if (d == 1) {
            sb_adds(sb, "[...]");
            return 0;
        }
        d = print_dec_depth(d);
        if (!push(w, list_tail(t), 0, d))
            return -1;
        sb_addc(sb, '[');
        mark(w, PRINT_OPEN);
        *next = list_head(t), *nd = d;
        return 1;
    } else if (is_tuple(t)) {
        if (tuple_arity(t) == 0) {
            sb_adds(sb, "{}");
        } else if (d == 1) {
            sb_adds(sb, "{...}");
        } else {
            d = print_dec_depth(d);
            if (!push(w, t, 2, d))
                return -1;
            sb_addc(sb, '{');
            mark(w, PRINT_OPEN);
            *next = tuple_elem(t, 1), *nd = d;
            return 1;
        }
    } else if (is_binary(t)) {
        print_write_binary(sb, t, d, w->deep);
    } else {
        print_write_simple(sb, t);
    }
    return 0;
}

/* The next element of the top frame (its separator written): true with
 * *next, *nd set, false when the frame has nothing more to write. */
static bool next_elem(Writer *w, Term *next, long *nd)
{
    WFrame *f = &w->v[w->n - 1];
    if (f->i == 0) { /* a list */
        Term t = f->t;
        if (is_nil(t))
            return false;
        f->t = NIL;
        if (f->d == 1) {
            sb_adds(w->sb, "|...");
            return false;
        }
        if (!is_list(t)) {
            sb_addc(w->sb, '|');
            *next = t, *nd = print_dec_depth(f->d);
            return true;
        }
        sb_addc(w->sb, ',');
        *next = list_head(t), *nd = print_dec_depth(f->d);
        f->t = list_tail(t);
        f->d = print_dec_depth(f->d);
        return true;
    }
    if (f->i > tuple_arity(f->t))
        return false;
    if (f->d == 1) {
        sb_adds(w->sb, ",...");
        f->i = UINT64_MAX;
        return false;
    }
    sb_addc(w->sb, ',');
    *next = tuple_elem(f->t, f->i++), *nd = print_dec_depth(f->d);
    f->d = print_dec_depth(f->d);
    return true;
}

/* io_lib:write(T, D). In the deep form every element of a list or tuple
 * (an improper tail too) is one nested list: wrapped in markers. */
static bool write_term(StrBuf *sb, Term t, long d, bool deep)
{
    Writer w = {sb, deep, NULL, 0, 0};
    size_t start = sb->len;
    bool wrapped = false;
    for (;;) {
        if (wrapped)
            mark(&w, PRINT_OPEN);
        int r = enter(&w, t, d, &t, &d);
        if (r < 0)
            break;
        if (r > 0) {
            wrapped = deep;
            continue;
        }
        if (wrapped)
            mark(&w, PRINT_CLOSE);
        while (w.n > 0 && !next_elem(&w, &t, &d)) {
            mark(&w, PRINT_CLOSE);
            sb_addc(sb, w.v[w.n - 1].i == 0 ? ']' : '}');
            if (--w.n > 0)
                mark(&w, PRINT_CLOSE);
        }
        if (w.n == 0) {
            free(w.v);
            return true;
        }
        wrapped = deep;
    }
    free(w.v);
    sb_truncate(sb, start);
    return false;
}

bool print_w(StrBuf *sb, Term t, long depth)
{
    return write_term(sb, t, depth, false);
}

bool print_w_deep(StrBuf *sb, Term t, long depth)
{
    return write_term(sb, t, depth, true);
}
