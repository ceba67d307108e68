/* print_tree.c - builds ~p's length tree (print_tree.h), as io_lib_pretty's
 * print_length measures a term: the printed length of every subterm, with
 * lists of printable characters and printable binaries turned into string
 * leaves (unless ~lp), and the depth limit of ~P applied.
 *
 * The walk keeps one frame per open list or tuple on a malloc'd stack;
 * the children of open containers wait on the tree's scratch stack until
 * their container closes and takes them. */
#include "print_tree.h"

#include <stdlib.h>
#include <string.h>

#include "binary.h"
#include "print.h"
#include "print_int.h"

#define NO_NODE SIZE_MAX

/* An open list or tuple. While it is open its node's `off` holds the
 * scratch mark where its children begin and, for a tuple, `n` the next
 * element (1-based); `tail` is set as the walk finds it. */
typedef struct {
    Term t; /* the tuple, or the rest of the list */
    long d; /* the depth the container's loop has reached */
    size_t node;
} BFrame;

typedef struct {
    BFrame *v;
    size_t n, cap;
} BStack;

/* A new node of the given kind, all else zero; NO_NODE if out of memory. */
static size_t new_node(PTree *pt, int kind)
{
    if (!print_stack_grow((void **)&pt->nodes, &pt->capnodes, pt->nnodes + 1, sizeof *pt->nodes))
        return NO_NODE;
    PNode *nd = &pt->nodes[pt->nnodes];
    memset(nd, 0, sizeof *nd);
    nd->kind = (unsigned char)kind;
    return pt->nnodes++;
}

/* A leaf whose text was appended to pt->text from offset off. */
static size_t leaf_node(PTree *pt, int kind, size_t off, long chars)
{
    size_t i = new_node(pt, kind);
    if (i == NO_NODE)
        return NO_NODE;
    pt->nodes[i].off = off;
    pt->nodes[i].n = pt->text.len - off;
    pt->nodes[i].len = chars;
    return i;
}

static size_t text_leaf(PTree *pt, const char *s)
{
    size_t off = pt->text.len;
    sb_adds(&pt->text, s);
    return leaf_node(pt, K_TEXT, off, (long)strlen(s));
}

/* A string leaf from a list of printable characters. */
static size_t string_leaf(PTree *pt, Term t)
{
    size_t off = pt->text.len;
    int enc = pt->unicode ? ENC_UNI_AS_UNI : ENC_LATIN1;
    long chars = 2;
    sb_addc(&pt->text, '"');
    for (; is_list(t); t = list_tail(t))
        chars += (long)print_string_char(&pt->text, (uint32_t)small_val(list_head(t)), '"', enc);
    sb_addc(&pt->text, '"');
    return leaf_node(pt, K_TEXT, off, chars);
}

/* <<1,2,3>> (io_lib:write_binary) as a breakable leaf. */
static size_t bin_leaf(PTree *pt, Term b, long d)
{
    size_t off = pt->text.len;
    print_write_binary(&pt->text, b, d, false);
    return leaf_node(pt, K_BIN, off, (long)(pt->text.len - off));
}

/* <<"...">> from chars (bytes, or decoded UTF-8 when utf8), with "..."
 * before ">>" if prefix, and "/utf8" if tagged. */
static size_t bin_string_leaf(PTree *pt, const uint8_t *s, size_t nbytes, bool utf8, bool prefix,
                              bool tag_utf8)
{
    size_t off = pt->text.len;
    long chars = 0;
    sb_adds(&pt->text, "<<\"");
    size_t i = 0;
    while (i < nbytes) {
        long c = utf8 ? print_utf8_next(s, nbytes, &i) : s[i++];
        chars += (long)print_string_char(&pt->text, (uint32_t)c, '"', ENC_UNI_AS_UNI);
    }
    sb_addc(&pt->text, '"');
    if (tag_utf8)
        sb_adds(&pt->text, "/utf8");
    if (prefix)
        sb_adds(&pt->text, "...");
    sb_adds(&pt->text, ">>");
    long extra = 4 + 2 + (tag_utf8 ? 5 : 0) + (prefix ? 3 : 0);
    size_t leaf = leaf_node(pt, K_TEXT, off, chars + extra);
    if (leaf != NO_NODE)
        pt->nodes[leaf].sub = prefix ? (tag_utf8 ? SUB_BIN_UPREFIX : SUB_BIN_PREFIX)
                                     : (tag_utf8 ? SUB_BIN_UTF8 : SUB_BIN_STR);
    return leaf;
}

/* Counts the leading printable latin1 bytes of s[0..n). */
static size_t printable_prefix(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n && print_printable_latin1(s[i]))
        i++;
    return i;
}

/* io_lib_pretty's printable_bin for ~p: returns true and a leaf when the
 * binary prints as a string (whole, or a prefix then "..." under a depth
 * limit). d1 is the depth less one; win the number of characters looked at. */
static bool try_latin1_bin(PTree *pt, const uint8_t *s, size_t size, size_t win, long d1,
                           size_t *out)
{
    size_t p = printable_prefix(s, win);
    if (p == win) {
        *out = bin_string_leaf(pt, s, win, false, win != size, false);
        return true;
    }
    if (d1 > 0 && (long)p >= d1) {
        *out = bin_string_leaf(pt, s, p, false, true, false);
        return true;
    }
    return false;
}

/* The ~tp variant: UTF-8 binaries whose characters are printable (in the
 * default latin1 range) print as <<"..."/utf8>> (or plain when all ASCII). */
static bool try_unicode_bin(PTree *pt, const uint8_t *s, size_t size, size_t win, long d1,
                            size_t *out)
{
    /* valid_utf8: the first `win` characters (or all) must decode. */
    size_t i = 0, k = 0;
    while (i < size && k < win) {
        if (print_utf8_next(s, size, &i) < 0)
            return try_latin1_bin(pt, s, size, win, d1, out);
        k++;
    }
    /* printable_unicode: take up to win printable characters. */
    size_t chars = 0;
    i = 0;
    while (i < size && chars < win) {
        size_t j = i;
        long c = print_utf8_next(s, size, &j);
        if (!print_printable_latin1(c))
            break;
        i = j;
        chars++;
    }
    bool ascii_only = chars == i; /* every character one byte */
    if (i == size) {
        *out = bin_string_leaf(pt, s, i, true, false, !ascii_only);
        return true;
    }
    if (d1 > 0 && (long)chars >= d1) {
        *out = bin_string_leaf(pt, s, i, true, true, !ascii_only);
        return true;
    }
    return false;
}

static size_t binary_leaf(PTree *pt, Term b, long d)
{
    size_t size = bin_size(b);
    if (size == 0)
        return text_leaf(pt, "<<>>");
    if (d == 1)
        return text_leaf(pt, "<<...>>");
    if (!pt->strings)
        return bin_leaf(pt, b, d);
    long d1 = print_dec_depth(d);
    size_t win = size;
    if (d1 >= 0 && (size_t)(4 * d1) < size)
        win = (size_t)(4 * d1);
    const uint8_t *s = bin_bytes(b);
    size_t out;
    bool ok = pt->unicode ? try_unicode_bin(pt, s, size, win, d1, &out)
                          : try_latin1_bin(pt, s, size, win, d1, &out);
    return ok ? out : bin_leaf(pt, b, d);
}

/* A leaf for t, which is no list or tuple to open. */
static size_t leaf(PTree *pt, Term t, long d)
{
    if (is_binary(t))
        return binary_leaf(pt, t, d);
    size_t off = pt->text.len;
    if (is_atom(t)) {
        long chars = (long)print_write_atom(&pt->text, t, pt->unicode);
        return leaf_node(pt, K_TEXT, off, chars);
    }
    print_write_simple(&pt->text, t);
    return leaf_node(pt, K_TEXT, off, (long)(pt->text.len - off));
}

static bool open_container(PTree *pt, BStack *st, int kind, Term t, long d)
{
    size_t i = new_node(pt, kind);
    if (i == NO_NODE || !print_stack_grow((void **)&st->v, &st->cap, st->n + 1, sizeof *st->v))
        return false;
    pt->nodes[i].off = pt->nscratch;
    pt->nodes[i].n = 1;
    st->v[st->n++] = (BFrame){t, d, i};
    return true;
}

/* Begins the node of t at depth d: a leaf (in *out), or an open list or
 * tuple on the stack (*out = NO_NODE). False if memory ran out. */
static bool start(PTree *pt, BStack *st, Term t, long d, size_t *out)
{
    *out = NO_NODE;
    if (is_list(t)) {
        /* io_lib_pretty's printable_list: never at depth 1; under the
         * default printable range even ~tp only takes latin1 strings. */
        if (pt->strings && d != 1 && print_is_printable_list(t, false))
            *out = string_leaf(pt, t);
        else
            return open_container(pt, st, K_LIST, t, d);
    } else if (is_tuple(t) && tuple_arity(t) > 0 && d != 1) {
        bool tagged = is_atom(tuple_elem(t, 1)) && tuple_arity(t) > 1;
        return open_container(pt, st, tagged ? K_TAGTUPLE : K_TUPLE, t, d);
    } else if (is_tuple(t)) {
        *out = text_leaf(pt, tuple_arity(t) == 0 ? "{}" : "{...}");
    } else {
        *out = leaf(pt, t, d);
    }
    return *out != NO_NODE;
}

/* The next child of the open container f (in *t at depth *d); false when
 * it has no more, its tail kind then set. */
static bool next_child(PTree *pt, BFrame *f, Term *t, long *d)
{
    PNode *nd = &pt->nodes[f->node];
    if (nd->kind == K_LIST) {
        if (nd->tail == TAIL_IMPROPER || is_nil(f->t))
            return false;
        if (f->d == 1) {
            nd->tail = TAIL_DOTS;
            return false;
        }
        *d = print_dec_depth(f->d);
        if (!is_list(f->t)) {
            *t = f->t;
            nd->tail = TAIL_IMPROPER;
            return true;
        }
        *t = list_head(f->t);
        f->t = list_tail(f->t);
        f->d = *d;
        return true;
    }
    if (nd->n > tuple_arity(f->t))
        return false;
    if (f->d == 1) {
        nd->tail = TAIL_DOTS;
        return false;
    }
    *t = tuple_elem(f->t, nd->n++);
    *d = f->d = print_dec_depth(f->d);
    return true;
}

/* Moves the children of node i off the scratch stack and sets its length:
 * the brackets, the kids and one separator between each two (a trailing
 * "..." counts as a kid of length 3). */
static bool close_container(PTree *pt, size_t i)
{
    PNode *nd = &pt->nodes[i];
    size_t mark = nd->off, n = pt->nscratch - mark;
    if (!print_stack_grow((void **)&pt->kids, &pt->capkids, pt->nkids + n, sizeof *pt->kids))
        return false;
    long len = 2, items = (long)n;
    for (size_t k = mark; k < pt->nscratch; k++)
        len += pt->nodes[pt->scratch[k]].len;
    if (n)
        memcpy(pt->kids + pt->nkids, pt->scratch + mark, n * sizeof *pt->kids);
    nd->off = pt->nkids;
    nd->n = n;
    pt->nkids += n;
    pt->nscratch = mark;
    if (nd->tail == TAIL_DOTS) {
        len += 3;
        items++;
    }
    if (items > 1)
        len += items - 1;
    nd->len = len;
    return true;
}

static bool scratch_push(PTree *pt, size_t i)
{
    if (!print_stack_grow((void **)&pt->scratch, &pt->capscratch, pt->nscratch + 1,
                          sizeof *pt->scratch))
        return false;
    pt->scratch[pt->nscratch++] = i;
    return true;
}

bool print_tree_build(PTree *pt, Term t, long d, size_t *root)
{
    BStack st = {NULL, 0, 0};
    size_t done;
    bool ok = false;
    for (;;) {
        if (!start(pt, &st, t, d, &done))
            goto out;
        /* Hand finished nodes to their parents until one has another
         * child to begin. */
        for (;;) {
            if (st.n == 0) {
                *root = done;
                ok = true;
                goto out;
            }
            if (done != NO_NODE && !scratch_push(pt, done))
                goto out;
            if (next_child(pt, &st.v[st.n - 1], &t, &d))
                break;
            done = st.v[--st.n].node;
            if (!close_container(pt, done))
                goto out;
        }
    }
out:
    free(st.v);
    return ok;
}

void print_tree_free(PTree *pt)
{
    free(pt->nodes);
    free(pt->kids);
    free(pt->scratch);
    sb_free(&pt->text);
}
