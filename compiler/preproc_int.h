/* preproc_int.h - what the preprocessor's files share (preproc.c,
 * preproc_directive.c, preproc_expand.c, preproc_eval.c): the macro
 * table, the stack of files being read, the preprocessor's state, and
 * the functions they call in each other. Internal to compiler/preproc*.c. */
#ifndef BL_PREPROC_INT_H
#define BL_PREPROC_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "diag.h"
#include "lexer.h"
#include "preproc.h"

typedef struct {
    const char *name;
    int arity; /* -1: no parentheses */
} Use;

typedef struct MacDef {
    struct MacDef *next;
    int arity;           /* -1: a constant macro ?M; else ?M(A1, ..., An) */
    const char **params; /* arity names */
    Token *body;
    int nbody;
    Use *uses; /* macros its body calls, sorted, for the circularity check */
    int nuses;
    bool has_qq; /* its body has ??Var */
    unsigned verified; /* generation in which no cycle was found from here */
} MacDef;

typedef enum {
    MAC_USER,     /* -define'd: defs, one per arity */
    MAC_PREDEF,   /* predefined, with one constant def */
    MAC_UNDEF,    /* predefined but not yet defined (?MODULE before -module) */
    MAC_LINE,     /* ?LINE */
} MacKind;

typedef struct Macro {
    struct Macro *next;
    const char *name;
    MacKind kind;
    MacDef *defs;
} Macro;

#define NBUCKETS 256

typedef enum { IF_IFDEF, IF_IFNDEF, IF_IF, IF_ELSE, IF_ELIF } IfKind;

typedef struct {
    int *v;
    int n, cap;
} IntStack;

/* A file being read. */
typedef struct {
    int file;
    Lexer lx;
    const char *dir; /* its folder, for relative includes ("" = current) */
    IntStack istk;   /* open conditionals (IfKind), innermost last */
} PFile;

typedef struct {
    AstFile f;
    Diag diag;
} FileEnt;

struct Preproc {
    AstArena *a;
    Diag *main_diag;
    FrontOptions opts;
    const char *main_dir;
    FileEnt **files;
    int nfiles, capfiles;
    AstFile *files_out;
    PFile *stk[PP_MAX_INCLUDE_DEPTH + 2];
    int nstk;
    Macro *buckets[NBUCKETS];
    unsigned gen;
    TokVec raw, out;
};

/* ---- preproc.c */

extern const char *const pp_if_names[];
bool pp_push_int(IntStack *s, int v);
Macro *pp_find_macro(Preproc *pp, const char *name);
Macro *pp_add_macro(Preproc *pp, const char *name, MacKind kind);
void pp_remove_macro(Preproc *pp, const char *name);
bool pp_is_defined(Preproc *pp, const char *name);
Diag *pp_file_diag(Preproc *pp, int file);
void pp_perr(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void pp_pwarn(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
Token pp_make_tok(TokKind kind, int line, int col);
bool pp_is_name_tok(const Token *t);
/* A STRING token holding the UTF-8 text s. */
bool pp_string_tok(AstArena *a, Token *t, const char *s, size_t n);
Token *pp_copy_toks(AstArena *a, const Token *t, int n);
void pp_def_constant(Preproc *pp, const char *name, MacKind kind, const Token *body, int nbody);
void pp_set_file_macro(Preproc *pp, const char *name);
char *pp_dirname_of(AstArena *a, const char *path);
bool pp_open_file(Preproc *pp, int file, const char *dir);
/* End of a file: open conditionals are errors; back to the includer. */
void pp_leave_file(Preproc *pp);
/* Reads name relative to each folder of the search path in turn. */
int pp_find_include(Preproc *pp, PFile *f, const char *name);

/* ---- preproc_expand.c */

/* The sorted uses of a body, or false (with *errk and *msg) when a call in
 * it has a badly formed argument list. */
bool pp_body_uses(Preproc *pp, const Token *body, int n, MacDef *d, int *errk, const char **errname);
/* Expands the macros of toks[0..n) into out. Returns false after
 * reporting an error. */
bool pp_expand(Preproc *pp, PFile *f, const Token *toks, int n, TokVec *out, bool *has_marks);
/* ?FUNCTION_NAME / ?FUNCTION_ARITY: the name and arity of the function
 * whose head starts the form (epp's update_fun_name). */
bool pp_fix_function_marks(Preproc *pp, PFile *f, TokVec *out);

/* ---- preproc_directive.c */

/* epp's no_match: the first token of toks, or t0 when there is none. */
const Token *pp_first_or(const Token *toks, int n, const Token *t0);
/* Carries out a directive form; false when the form is not one. */
bool pp_directive(Preproc *pp, PFile *f);
/* After -module(M): ?MODULE and ?MODULE_STRING. */
void pp_scan_module(Preproc *pp, const TokVec *tv);

/* ---- preproc_eval.c */

/* -if(Cond). / -elif(Cond).: 1 true, 0 false, -1 error (reported). */
int pp_eval_condition(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n);

#endif
