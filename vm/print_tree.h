/* print_tree.h - ~p's length tree (io_lib_pretty's print_length): one node
 * per subterm with its printed length, strings and printable binaries
 * already turned into text leaves. Built by print_tree.c, laid out by
 * print_pretty.c; internal to the printer. */
#ifndef BL_PRINT_TREE_H
#define BL_PRINT_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"
#include "term.h"

enum {
    K_TEXT,     /* a leaf: its text is final */
    K_BIN,      /* <<1,2,3>>: a leaf that may be broken between bytes */
    K_LIST,     /* [...] */
    K_TUPLE,    /* {...} */
    K_TAGTUPLE, /* {atom, ...}: laid out with the tag first */
};

enum {
    TAIL_NIL,      /* proper end */
    TAIL_DOTS,     /* "..." (depth limit) after the kids */
    TAIL_IMPROPER, /* the last kid is an improper tail */
};

/* Text leaves whose OTP form is nested: printable binaries. */
enum {
    SUB_PLAIN,       /* flat text */
    SUB_BIN_STR,     /* [$<,$<,S,$>,$>] */
    SUB_BIN_UTF8,    /* [$<,$<,S,"/utf8>>"] */
    SUB_BIN_PREFIX,  /* [$<,$<,S | "...>>"] */
    SUB_BIN_UPREFIX, /* [$<,$<,S | "/utf8...>>"] */
};

typedef struct {
    unsigned char kind, tail, sub;
    long len;   /* printed length in characters */
    size_t off; /* K_TEXT/K_BIN: text offset; containers: first kid index */
    size_t n;   /* K_TEXT/K_BIN: text bytes; containers: number of kids */
} PNode;

typedef struct {
    PNode *nodes;
    size_t nnodes, capnodes;
    size_t *kids; /* children of containers, contiguous per node */
    size_t nkids, capkids;
    size_t *scratch; /* children of the containers still open */
    size_t nscratch, capscratch;
    StrBuf text; /* the text of every leaf */
    bool unicode;
    bool strings; /* detect strings and printable binaries (not ~lp) */
} PTree;

/* Builds the tree of t at depth d (negative: unlimited) into pt (zeroed,
 * with unicode and strings set); *root is its root node. False if memory
 * ran out; pt must be freed either way. */
bool print_tree_build(PTree *pt, Term t, long d, size_t *root);

void print_tree_free(PTree *pt);

#endif
