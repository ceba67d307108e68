/* compile.h - the Erlang-subset compiler's driver: source text to
 * bytecode, through the front end (parser.h), the semantic pass (sema.h),
 * the code generator (codegen.h) and the assembler (asm.h).
 *
 *     BcBuf bc = {0};
 *     StrBuf s = {0};
 *     if (comp_compile(src, len, "prog.erl", stderr, &bc, &s)) ...
 *
 * Messages go to errs as `file:line:col: error: ...` (or `warning:`) with
 * the source line and a caret, erlc's wording and positions; every error
 * of the file is reported. */
#ifndef BL_COMPILE_H
#define BL_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bcfile.h"
#include "preproc.h"
#include "strbuf.h"

/* Compiles src (len bytes, need not be NUL-terminated); filename is used in
 * messages, in the line table and to find -include files. On success fills
 * bc_out (the caller frees it with bc_buf_free) and, if asm_out is not
 * NULL, appends the assembly text to it (the caller frees it with
 * sb_free), and returns true. On errors prints them all to errs (NULL:
 * print nothing) and returns false. Warnings are printed either way. */
bool comp_compile(const char *src, size_t len, const char *filename, FILE *errs, BcBuf *bc_out, StrBuf *asm_out);

typedef struct {
    const FrontOptions *front; /* -include folders, -D macros; NULL: none */
    bool no_warnings;          /* print errors only */
} CompOptions;

/* The same with options; opts may be NULL (as comp_compile). */
bool comp_compile_opts(const char *src, size_t len, const char *filename, const CompOptions *opts, FILE *errs,
                       BcBuf *bc_out, StrBuf *asm_out);

#endif
