/* parser.h - the front end's entry point: Erlang source text to a CompUnit
 * (ast.h), and the parser itself (OTP 25's erl_parse grammar).
 *
 * front_parse() runs the preprocessor (preproc.h) and parses each form it
 * hands over. Every error in the file is reported, erlc's way and in its
 * words ("syntax error before: ')'", "head mismatch", "bad export
 * declaration", "undefined macro 'X'", ...), through the Diag: a form with
 * an error is reported once, dropped, and parsing goes on with the next
 * form. Beyond erlc's grammar the parser rejects maps ("maps are not
 * supported") and nesting deeper than FRONT_MAX_DEPTH.
 *
 * The parser never crashes, hangs or overflows on any input: recursion is
 * bounded by FRONT_MAX_DEPTH and all work is linear in the size of the
 * (macro-expanded) text. */
#ifndef BL_PARSER_H
#define BL_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "diag.h"
#include "lexer.h"
#include "preproc.h"

/* Deepest nesting of expressions the parser accepts (chains of
 * left-associative operators count one level per operator). */
#define FRONT_MAX_DEPTH 1000

/* Parses a module. src need not be NUL-terminated; filename is used in
 * messages, for ?FILE and to find -include files. opts may be NULL.
 * Errors and warnings go to diag (diag->errors counts them, included
 * files' too; NULL: count nowhere, print nothing). Returns the unit (with
 * the forms that parsed) even when there were errors; NULL only when
 * memory runs out. The unit does not refer to src (it keeps a copy). */
CompUnit *front_parse(const char *src, size_t len, const char *filename, Diag *diag, const FrontOptions *opts);
void front_free(CompUnit *u);

/* Reports on a position of a form of u: kind is "error", "warning" or
 * "note"; file is the form's AstForm.file. Forms of included files are
 * reported against that file's name and text; the counts go to d. */
void front_report(const CompUnit *u, Diag *d, int file, const char *kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* For the preprocessor (-if, -error): parses toks[0..n), which end with a
 * DOT or END, as erl_parse:parse_exprs/1 does. Reports a syntax error on d
 * and returns false if they are not a sequence of expressions. */
bool parse_exprs_from_tokens(AstArena *a, Diag *d, const Token *toks, int n, AstExprList *out);

#endif
