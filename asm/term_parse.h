/* term_parse.h - a reader for Erlang terms in the text that `erlc -S`
 * prints: a sequence of terms, each ended by '.', with '%' comments.
 *
 * Reads atoms (bare, or quoted with escapes), integers of any size (also
 * Base#Digits, $c character codes, 1_000 digit separators, negative
 * numbers), floats (1.5, 2.5e-3), strings with escapes (adjacent strings
 * join), lists, improper lists, tuples, binaries of bytes and strings,
 * maps (they appear in erlc's type annotations) and `fun M:F/A`. Variables
 * are errors: assembly terms are constants.
 *
 * Errors go to the Diag; after one, the reader skips to the '.' that ends
 * the broken form and carries on, so that one run reports every error. */
#ifndef BL_TERM_PARSE_H
#define BL_TERM_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "aterm.h"
#include "diag.h"

typedef enum {
    TK_EOF,
    TK_DOT,    /* the '.' that ends a form */
    TK_PUNCT,  /* { } [ ] ( ) , | : / - + << >> #{ => */
    TK_ATOM,
    TK_VAR,
    TK_INT,    /* integers and $c */
    TK_FLOAT,
    TK_STRING,
    TK_ERROR,  /* a lexical error, already reported */
} TokKind;

typedef struct {
    TokKind kind;
    int line, col;
    char punct[3];
    bool quoted;  /* TK_ATOM written in quotes */
    bool resync;  /* TK_ERROR for an unclosed quote: the form ends here */
    ATerm *term;  /* the value of ATOM, VAR (as an atom), INT, FLOAT, STRING */
} Token;

typedef struct {
    const char *src;
    size_t len, pos;
    int line, col;   /* of src[pos] */
    AtArena *arena;
    Diag *diag;
    bool quiet;      /* skipping a broken form: do not report lexical errors */
    Token tok;       /* the current token */
} TermParser;

/* The text need not be NUL-terminated. Terms are allocated in the arena. */
void tp_init(TermParser *p, const char *src, size_t len, AtArena *arena, Diag *diag);

/* Reads the next form. Returns 1 with the term in *out, 0 at the end of the
 * input, or -1 when the form was malformed: the error has been reported
 * and the reader has moved past the form's terminating '.'. */
int tp_next_form(TermParser *p, ATerm **out);

#endif
