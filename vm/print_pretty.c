/* print_pretty.c - ~p: lays out the length tree of print_tree.c as
 * io_lib_pretty does, byte for byte as Erlang/OTP 25: a subterm goes on
 * one line when it fits, otherwise it is broken, with the special
 * indentation of tagged tuples ({tag, ...}) and the tuple indentation that
 * io_lib_pretty chooses by trial (cind: -1, then 4, then 1).
 *
 * io_lib_pretty's pp and cind are the same walk, cind writing nothing and
 * failing (no_good) where a tagged tuple's elements would start too far
 * right; here one walk does both (Layout.dry). It keeps one frame per
 * broken list or tuple on a malloc'd stack, and the one-line writer
 * (write_tree) has its own, so nesting never deepens the C stack.
 *
 * print_p2's `indent` is io_lib_pretty's 1-based column (1 at the start of
 * a line; values below 1 count as 1), as format.c passes it. With
 * PRINT_DEEP the text carries the markers of the deep list io_lib_pretty
 * returns (print.h), its indentation strings included.
 *
 * With `unicode` (~tp), atoms and strings are written as io_lib's unicode
 * writers do and binaries holding UTF-8 print as <<"..."/utf8>>; lists still
 * print as strings only when their characters are printable latin1, because
 * that is what erl does under its default printable range (+pc latin1). */
#include "print.h"

#include <stdlib.h>
#include <string.h>

#include "print_int.h"
#include "print_tree.h"

enum {
    PH_FIRST, /* pp_list: the next kid is the first element on its line */
    PH_TAIL,  /* pp_tail: the next kid follows a separator */
    PH_CLOSE, /* all written but the closing bracket */
};

/* A list or tuple broken over lines. Its indentation (io_lib_pretty's Ind)
 * is `ind` columns: the enclosing frame's plus one step (1 for lists and
 * tuples, the tag's or tind's width for tagged tuples); the frames below
 * it on the stack, then the first line's indentation, make the rest. */
typedef struct {
    size_t node, k; /* the container and its next kid */
    long col0;      /* the column its elements' lines start at */
    long col, w;    /* the current line: column reached, width used */
    long ld;        /* closing brackets that must follow its last element */
    long ind;
    unsigned char phase;
    bool wrap; /* entered as an element: one more marker to close */
} LFrame;

/* A list or tuple being written on one line. */
typedef struct {
    size_t node, k;
    bool wrap;
} OFrame;

typedef struct {
    const PTree *pt;
    StrBuf *sb;
    long ll;   /* line length */
    long m;    /* io_lib_pretty's M: the whole term's length */
    long base; /* the first line's indentation (column - 1) */
    long tind; /* the tuple indentation on trial or chosen */
    bool deep; /* write the nesting markers */
    bool dry;  /* cind: walk, write nothing */
    LFrame *f;
    size_t nf, capf;
    OFrame *o;
    size_t no, capo;
} Layout;

static inline const PNode *node(const Layout *L, size_t i) { return &L->pt->nodes[i]; }
static inline size_t kid(const Layout *L, const PNode *nd, size_t k) { return L->pt->kids[nd->off + k]; }
/* Kids that are elements (not an improper tail). */
static inline size_t nelems(const PNode *nd) { return nd->n - (nd->tail == TAIL_IMPROPER); }
static inline bool is_text(const PNode *nd) { return nd->kind == K_TEXT; }
static inline char opening(const PNode *nd) { return nd->kind == K_LIST ? '[' : '{'; }
static inline char closing(const PNode *nd) { return nd->kind == K_LIST ? ']' : '}'; }
static inline char separator(const PNode *nd) { return nd->kind == K_LIST ? '|' : ','; }

/* ---- output (nothing in a dry run) ---- */

static inline void put(const Layout *L, char c)
{
    if (!L->dry)
        sb_addc(L->sb, c);
}

static inline void puts_(const Layout *L, const char *s)
{
    if (!L->dry)
        sb_adds(L->sb, s);
}

static inline void mark(const Layout *L, char m)
{
    if (L->deep && !L->dry)
        sb_addc(L->sb, m);
}

/* The elements of io_lib_pretty's chars(C, N): [] for 0, [C, []] for 1
 * (it has no clause for 1), halves shared as [S | S] and [C, S | S]. The
 * recursion halves n, so it is at most 64 deep. */
static void pretty_chars(StrBuf *sb, char c, long n)
{
    if (n == 0)
        return;
    if (n == 2 || n == 3) {
        for (long i = 0; i < n; i++)
            sb_addc(sb, c);
        return;
    }
    if (n & 1)
        sb_addc(sb, c);
    sb_addc(sb, PRINT_OPEN);
    pretty_chars(sb, c, n >> 1);
    sb_addc(sb, PRINT_CLOSE);
    pretty_chars(sb, c, n >> 1);
}

/* One step of Ind: indent(N, Ind) adds [$\s | Ind] for 1, [S2, S2 | Ind]
 * for 4 (S2 = "  "), else [chars($\s, N) | Ind]. */
static void ind_step(StrBuf *sb, long step)
{
    if (step == 1) {
        sb_addc(sb, ' ');
    } else if (step == 4) {
        sb_addc(sb, PRINT_OPEN);
        sb_adds(sb, "  ");
        sb_addc(sb, PRINT_CLOSE);
        sb_addc(sb, PRINT_OPEN);
        sb_adds(sb, "  ");
        sb_addc(sb, PRINT_CLOSE);
    } else {
        sb_addc(sb, PRINT_OPEN);
        pretty_chars(sb, ' ', step);
        sb_addc(sb, PRINT_CLOSE);
    }
}

/* A new line indented as the top frame (or the first line) says, plus
 * `extra` columns (a broken binary's 2). In the deep form the indentation
 * is one element: Ind's pieces, innermost first, then the first line's
 * indent(Col) (chars($\s, Col - 1)). */
static void newline_indent(const Layout *L, long extra)
{
    if (L->dry)
        return;
    StrBuf *sb = L->sb;
    sb_addc(sb, '\n');
    if (!L->deep) {
        for (long n = (L->nf ? L->f[L->nf - 1].ind : L->base) + extra; n > 0; n--)
            sb_addc(sb, ' ');
        return;
    }
    sb_addc(sb, PRINT_OPEN);
    if (extra)
        ind_step(sb, extra);
    for (size_t i = L->nf; i-- > 0;)
        ind_step(sb, L->f[i].ind - (i ? L->f[i - 1].ind : L->base));
    pretty_chars(sb, ' ', L->base);
    sb_addc(sb, PRINT_CLOSE);
}

/* ---- leaves and one-line writing (io_lib_pretty's write) ---- */

/* A K_BIN leaf's text "<<1,2,...>>" in the deep form: [$<,$<,Body,$>,$>],
 * each byte's digits (or the "...") a list, commas between. */
static void write_bin_deep(const Layout *L, const PNode *nd)
{
    const char *s = L->pt->text.data + nd->off + 2;
    const char *end = L->pt->text.data + nd->off + nd->n - 2;
    sb_adds(L->sb, "<<");
    sb_addc(L->sb, PRINT_OPEN);
    while (s < end) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        const char *stop = comma ? comma : end;
        sb_addc(L->sb, PRINT_OPEN);
        sb_add(L->sb, s, (size_t)(stop - s));
        sb_addc(L->sb, PRINT_CLOSE);
        if (!comma)
            break;
        sb_addc(L->sb, ',');
        s = comma + 1;
    }
    sb_addc(L->sb, PRINT_CLOSE);
    sb_adds(L->sb, ">>");
}

/* A printable binary leaf in the deep form: <<, the quoted string as a
 * list, then the rest as OTP nests it (see the SUB_ kinds). */
static void write_bin_str_deep(const Layout *L, const PNode *nd)
{
    static const char *const suffix[] = {"", ">>", "/utf8>>", "...>>", "/utf8...>>"};
    const char *text = L->pt->text.data + nd->off;
    size_t slen = strlen(suffix[nd->sub]);
    sb_adds(L->sb, "<<");
    sb_addc(L->sb, PRINT_OPEN);
    sb_add(L->sb, text + 2, nd->n - 2 - slen);
    sb_addc(L->sb, PRINT_CLOSE);
    if (nd->sub == SUB_BIN_UTF8) {
        sb_addc(L->sb, PRINT_OPEN);
        sb_adds(L->sb, suffix[nd->sub]);
        sb_addc(L->sb, PRINT_CLOSE);
    } else {
        sb_adds(L->sb, suffix[nd->sub]);
    }
}

static void write_leaf(const Layout *L, const PNode *nd)
{
    if (L->deep && nd->kind == K_BIN)
        write_bin_deep(L, nd);
    else if (L->deep && nd->sub != SUB_PLAIN)
        write_bin_str_deep(L, nd);
    else
        sb_add(L->sb, L->pt->text.data + nd->off, nd->n);
}

/* The next node write_tree writes: the next kid of the innermost open
 * container (its separator written), closing those that are done. False
 * when all down to `base` are closed. */
static bool next_kid(Layout *L, size_t base, size_t *i, bool *wrap)
{
    while (L->no > base) {
        OFrame *f = &L->o[L->no - 1];
        const PNode *nd = node(L, f->node);
        size_t ne = nelems(nd);
        if (f->k < ne) {
            if (f->k)
                put(L, ',');
            *i = kid(L, nd, f->k++);
            *wrap = true;
            return true;
        }
        if (f->k++ == ne) { /* the tail */
            if (nd->tail == TAIL_DOTS) {
                if (ne)
                    put(L, separator(nd));
                puts_(L, "...");
            } else if (nd->tail == TAIL_IMPROPER) {
                put(L, separator(nd));
                *i = kid(L, nd, ne);
                *wrap = false;
                return true;
            }
            continue;
        }
        mark(L, PRINT_CLOSE);
        put(L, closing(nd));
        if (f->wrap)
            mark(L, PRINT_CLOSE);
        L->no--;
    }
    return false;
}

/* The node on one line (in the deep form, the elements of the list
 * io_lib_pretty's write returns; wrap: as one element). False if memory
 * ran out. */
static bool write_tree(Layout *L, size_t i, bool wrap)
{
    if (L->dry)
        return true;
    size_t base = L->no;
    do {
        const PNode *nd = node(L, i);
        if (wrap)
            mark(L, PRINT_OPEN);
        if (nd->kind == K_TEXT || nd->kind == K_BIN) {
            write_leaf(L, nd);
            if (wrap)
                mark(L, PRINT_CLOSE);
            continue;
        }
        if (!print_stack_grow((void **)&L->o, &L->capo, L->no + 1, sizeof *L->o)) {
            L->no = base;
            return false;
        }
        L->o[L->no++] = (OFrame){i, 0, wrap};
        put(L, opening(nd));
        mark(L, PRINT_OPEN);
    } while (next_kid(L, base, &i, &wrap));
    return true;
}

/* ---- breaking over lines (io_lib_pretty's pp and cind) ---- */

/* Whether a node fits on the rest of the line (pp's first clause). */
static inline bool fits(const Layout *L, const PNode *nd, long col, long ld, long w)
{
    return nd->len < L->ll - col - ld && nd->len + w + ld <= L->m;
}

/* The width pp_element reports for an element: its length if it is text
 * that fits, else the line length (it was broken). */
static inline long elem_width(const Layout *L, const PNode *nd, long col, long ld, long w)
{
    return fits(L, nd, col, ld, w) && is_text(nd) ? nd->len : L->ll;
}

/* last_depth: 0 if element k is followed by another element, else ld + 1. */
static inline long last_depth(const PNode *nd, size_t k, long ld)
{
    return k + 1 < nelems(nd) ? 0 : ld + 1;
}

/* Whether an element fits on the current line after a separator
 * (pp_tail's test). */
static bool tail_fits(const Layout *L, const PNode *e, long col, long w, long ld1)
{
    long elen = 1 + e->len;
    if (!is_text(e))
        return false;
    if (ld1 == 0)
        return elen + 1 < L->ll - col && w + elen + 1 <= L->m;
    return elen < L->ll - col - ld1 && w + elen + ld1 <= L->m;
}

/* Whether an improper tail fits after its separator. */
static bool improper_fits(const Layout *L, const PNode *e, long col, long w, long ld)
{
    return is_text(e) && e->len + 1 < L->ll - col - (ld + 1) && e->len + 1 + w + (ld + 1) <= L->m;
}

/* pp_binary: <<1,2,...>> broken between bytes to fit, continuation lines
 * indented two past the enclosing indentation. */
static void pp_binary(const Layout *L, const PNode *nd, long col, long ld, long w)
{
    if (L->dry)
        return;
    long lim = L->ll - col < L->m - 4 - w ? L->ll - col : L->m - 4 - w;
    long n0 = lim - ld > 8 ? lim - ld : 8;
    long n = n0;
    const char *s = L->pt->text.data + nd->off + 2; /* past "<<" */
    const char *end = L->pt->text.data + nd->off + nd->n - 2;
    sb_adds(L->sb, "<<");
    mark(L, PRINT_OPEN);
    while (s < end) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        if (!comma) { /* the last token: [BS], or [$\n, Ind, [BS]] */
            bool nl = end - s > n;
            if (nl) {
                newline_indent(L, 2);
                mark(L, PRINT_OPEN);
            }
            mark(L, PRINT_OPEN);
            sb_add(L->sb, s, (size_t)(end - s));
            mark(L, PRINT_CLOSE);
            if (nl)
                mark(L, PRINT_CLOSE);
            break;
        }
        long len = (long)(comma - s) + 1;
        if (n - len < 0) {
            newline_indent(L, 2);
            n = n0 - len;
        } else {
            n -= len;
        }
        mark(L, PRINT_OPEN);
        sb_add(L->sb, s, (size_t)len - 1);
        mark(L, PRINT_CLOSE);
        sb_addc(L->sb, ',');
        s = comma + 1;
    }
    mark(L, PRINT_CLOSE);
    sb_adds(L->sb, ">>");
}

/* Results of a step of the walk. */
enum { LAY_NOMEM = -1, LAY_NO_GOOD = 0, LAY_OK = 1 };

/* Opens a frame for a container broken over lines; its opening bracket
 * (and markers) are written, the first kid to go at col0. */
static int open_frame(Layout *L, size_t i, size_t k, long col0, long col, long w, long ld,
                      long step, int phase, bool wrap)
{
    if (!print_stack_grow((void **)&L->f, &L->capf, L->nf + 1, sizeof *L->f))
        return LAY_NOMEM;
    long ind = (L->nf ? L->f[L->nf - 1].ind : L->base) + step;
    L->f[L->nf++] = (LFrame){i, k, col0, col, w, ld, ind, (unsigned char)phase, wrap};
    if (wrap)
        mark(L, PRINT_OPEN);
    put(L, opening(node(L, i)));
    mark(L, PRINT_OPEN);
    return LAY_OK;
}

/* pp_tag_tuple: {tag, ...} with the elements after the tag, indented past
 * the tag, or by tind on the next lines when the tag is long. cind's
 * no_good where that would start them too far right. */
static int tag_tuple(Layout *L, size_t i, long col, long ld, long w, bool wrap)
{
    const PNode *nd = node(L, i);
    size_t tag = kid(L, nd, 0);
    long tlen = node(L, tag)->len, tagind = tlen + 2, tcol = col + tagind;
    int r;
    if (L->tind > 0 && tagind > L->tind) {
        long col1 = col + L->tind;
        if (L->dry && !(L->m + col1 <= L->ll || col1 <= L->ll / 2))
            return LAY_NO_GOOD;
        r = open_frame(L, i, 1, col1, tcol, w + tlen, ld, L->tind, PH_TAIL, wrap);
        return r == LAY_OK && !write_tree(L, tag, true) ? LAY_NOMEM : r;
    }
    if (L->dry && !(L->m + tcol < L->ll || tcol < L->ll / 2))
        return LAY_NO_GOOD;
    r = open_frame(L, i, 1, tcol, tcol, w + tlen + 1, ld, tagind, PH_FIRST, wrap);
    if (r == LAY_OK && !write_tree(L, tag, true))
        return LAY_NOMEM;
    put(L, ',');
    return r;
}

/* pp(node i) at column col with ld closing brackets to follow and w
 * columns used on the line; wrap: as one element (pp_element). A broken
 * list or tuple only opens its frame here; the walk goes on in step(). */
static int call(Layout *L, size_t i, long col, long ld, long w, bool wrap)
{
    const PNode *nd = node(L, i);
    if (fits(L, nd, col, ld, w))
        return write_tree(L, i, wrap) ? LAY_OK : LAY_NOMEM;
    switch (nd->kind) {
    case K_LIST:
    case K_TUPLE:
        return open_frame(L, i, 0, col + 1, col + 1, w + 1, ld, 1, PH_FIRST, wrap);
    case K_TAGTUPLE:
        return tag_tuple(L, i, col, ld, w + 1, wrap);
    case K_BIN:
        if (wrap)
            mark(L, PRINT_OPEN);
        pp_binary(L, nd, col + 2, ld, w);
        if (wrap)
            mark(L, PRINT_CLOSE);
        return LAY_OK;
    default:
        return write_tree(L, i, wrap) ? LAY_OK : LAY_NOMEM;
    }
}

/* pp_tail's end: the depth dots, or the improper tail on this line or
 * the next (where cind, unlike pp, measures from col, not col0). */
static int finish_tail(Layout *L, LFrame *f, const PNode *nd)
{
    f->phase = PH_CLOSE;
    size_t ne = nelems(nd);
    if (nd->tail == TAIL_DOTS) {
        put(L, separator(nd));
        puts_(L, "...");
    } else if (nd->tail == TAIL_IMPROPER) {
        size_t e = kid(L, nd, ne);
        put(L, separator(nd));
        if (improper_fits(L, node(L, e), f->col, f->w, f->ld))
            return write_tree(L, e, false) ? LAY_OK : LAY_NOMEM;
        newline_indent(L, 0);
        return call(L, e, L->dry ? f->col : f->col0, f->ld + 1, 0, false);
    }
    return LAY_OK;
}

/* pp_list: the first element of a frame's line, at col0 (or only the
 * depth dots). */
static int first_elem(Layout *L, LFrame *f, const PNode *nd)
{
    if (f->k >= nelems(nd)) {
        puts_(L, "...");
        f->phase = PH_CLOSE;
        return LAY_OK;
    }
    size_t e = kid(L, nd, f->k);
    long ld1 = last_depth(nd, f->k, f->ld), w = f->w;
    long we = elem_width(L, node(L, e), f->col0, ld1, w);
    f->col = f->col0 + we;
    f->w = w + we;
    f->k++;
    f->phase = PH_TAIL;
    return call(L, e, f->col0, ld1, w, true);
}

/* pp_tail: the elements after a separator, on the current line while
 * they fit; the first that does not starts a new line at col0, and the
 * walk descends into it. */
static int tail_elems(Layout *L, LFrame *f, const PNode *nd)
{
    for (; f->k < nelems(nd); f->k++) {
        size_t e = kid(L, nd, f->k);
        const PNode *en = node(L, e);
        long ld1 = last_depth(nd, f->k, f->ld);
        put(L, ',');
        if (!tail_fits(L, en, f->col, f->w, ld1)) {
            newline_indent(L, 0);
            long we = elem_width(L, en, f->col0, ld1, 0);
            f->col = f->col0 + we;
            f->w = we;
            f->k++;
            return call(L, e, f->col0, ld1, 0, true);
        }
        if (!write_tree(L, e, true))
            return LAY_NOMEM;
        f->col += 1 + en->len;
        f->w += 1 + en->len;
    }
    return finish_tail(L, f, nd);
}

/* One step of the top frame: its next element (opening a frame if that
 * is broken in turn), its tail, or its closing bracket. A frame pushed
 * by call() may move the stack: f is not used after it. */
static int step(Layout *L)
{
    LFrame *f = &L->f[L->nf - 1];
    const PNode *nd = node(L, f->node);
    if (f->phase == PH_FIRST)
        return first_elem(L, f, nd);
    if (f->phase == PH_TAIL)
        return tail_elems(L, f, nd);
    mark(L, PRINT_CLOSE);
    put(L, closing(nd));
    if (f->wrap)
        mark(L, PRINT_CLOSE);
    L->nf--;
    return LAY_OK;
}

/* One walk over the tree from the root at column col: the layout, or in
 * a dry run cind's verdict for L->tind. */
static int layout(Layout *L, size_t root, long col)
{
    L->nf = 0;
    int r = call(L, root, col, 0, 0, false);
    while (r == LAY_OK && L->nf > 0)
        r = step(L);
    return r;
}

/* print's choice of TInd (while_fail([-1, 4], cind, 1)), then pp. */
static bool lay_out(Layout *L, size_t root, long col)
{
    static const long trials[] = {-1, 4};
    long tind = 1;
    L->dry = true;
    for (size_t i = 0; i < 2; i++) {
        L->tind = trials[i];
        int r = layout(L, root, col);
        if (r == LAY_NOMEM)
            return false;
        if (r == LAY_OK) {
            tind = trials[i];
            break;
        }
    }
    L->dry = false;
    L->tind = tind;
    return layout(L, root, col) == LAY_OK;
}

/* ---- entry points ---- */

bool print_p2(StrBuf *sb, Term t, int indent, int line_length, long depth, unsigned flags)
{
    bool unicode = flags & PRINT_UNICODE;
    if (depth == 0) {
        sb_adds(sb, "...");
        return true;
    }
    if (is_atom(t)) {
        print_write_atom(sb, t, unicode);
        return true;
    }
    if (print_write_simple(sb, t))
        return true;
    size_t start = sb->len;
    long col = indent <= 0 ? 1 : indent;
    PTree pt;
    memset(&pt, 0, sizeof pt);
    pt.unicode = unicode;
    pt.strings = !(flags & PRINT_NOSTRINGS);
    size_t root;
    bool ok = print_tree_build(&pt, t, depth, &root);
    if (ok) {
        Layout L;
        memset(&L, 0, sizeof L);
        L.pt = &pt;
        L.sb = sb;
        L.ll = line_length;
        L.m = pt.nodes[root].len;
        L.base = col - 1;
        L.deep = (flags & PRINT_DEEP) != 0;
        if (line_length == 0 || L.m < L.ll - col)
            ok = write_tree(&L, root, false);
        else
            ok = lay_out(&L, root, col);
        free(L.f);
        free(L.o);
    }
    print_tree_free(&pt);
    if (!ok)
        sb_truncate(sb, start);
    return ok;
}

bool print_p(StrBuf *sb, Term t, int indent, int line_length, long depth, bool unicode)
{
    return print_p2(sb, t, indent, line_length, depth, unicode ? PRINT_UNICODE : 0);
}
