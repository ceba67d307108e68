/* preproc.h - the Erlang preprocessor (OTP 25's epp, as erlc uses it).
 *
 * It reads a source one form at a time through the lexer, carries out the
 * directives (-define, -undef, -ifdef, -ifndef, -if, -elif, -else,
 * -endif, -include, -include_lib, -error, -warning; -file is checked and
 * dropped), expands macros, and hands each remaining form's tokens to the
 * parser. Errors are reported, with epp's wording, on the Diag of the file
 * they occur in, and the offending form is dropped.
 *
 * Predefined macros: ?MODULE and ?MODULE_STRING (after -module), ?FILE,
 * ?LINE, ?FUNCTION_NAME, ?FUNCTION_ARITY, ?MACHINE ('BEAM'), ?BEAM,
 * ?OTP_RELEASE (25), ?FEATURE_AVAILABLE(F), ?FEATURE_ENABLED(F). Macros
 * may be overloaded on arity, and ??Arg stringifies an argument. Tokens
 * produced by a macro take the position of the macro's name at the call
 * site.
 *
 * -include("F") looks for F in the including file's folder, the main
 * source's folder, then FrontOptions.include_paths; -include_lib("F")
 * the same way (there is no code:lib_dir here), and else reports "can't
 * find include lib". -if/-elif conditions are evaluated for literals,
 * arithmetic, comparisons, boolean operators, defined(M) and the type
 * tests; a call of anything else makes the condition false, as a failing
 * call does in epp. -file does not renumber lines. */
#ifndef BL_PREPROC_H
#define BL_PREPROC_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "diag.h"
#include "lexer.h"

/* Options of front_parse(). All fields may be zero. */
typedef struct FrontOptions {
    /* Folders searched for -include and -include_lib files, after the
     * folder of the including file and that of the main source. */
    const char *const *include_paths;
    int n_include_paths;
    /* Macros defined before the source is read: "NAME" (defined as the
     * atom true, like erlc -DNAME) or "NAME=TOKENS". */
    const char *const *defines;
    int n_defines;
    /* Reads a whole file into a malloc'd buffer, setting *len; returns
     * NULL if it cannot. NULL: read from the file system. */
    char *(*read_file)(void *ctx, const char *path, size_t *len);
    void *read_ctx;
} FrontOptions;

/* Includes nest at most this deep (epp's limit). */
#define PP_MAX_INCLUDE_DEPTH 8
/* Tokens macro expansion may add to one form. */
#define PP_MAX_FORM_TOKENS (1024 * 1024)

typedef struct Preproc Preproc;

/* One form for the parser: tokens ending with a DOT (or an END token, at
 * the position of the last one, when the text ended without a dot). The
 * tokens stay valid until the next pp_next(); the strings they point to
 * live in the arena. */
typedef struct {
    const Token *toks;
    int n;
    int file;   /* index into pp_files() */
    Diag *diag; /* where to report errors in this form */
} PpForm;

/* diag reports on the main source; filename and src are that source's. */
Preproc *pp_new(AstArena *arena, Diag *diag, const char *filename, const char *src, size_t len,
                const FrontOptions *opts);
/* The next form, or false at the end of the main source. */
bool pp_next(Preproc *pp, PpForm *out);
/* The files read so far (files[0] is the main source); the array lives in
 * the arena. */
AstFile *pp_files(Preproc *pp, int *n);
/* Adds the errors and warnings reported on included files to the main
 * Diag, and frees the preprocessor (not the arena). */
void pp_free(Preproc *pp);

#endif
