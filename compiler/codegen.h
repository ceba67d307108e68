/* codegen.h - the Erlang-subset compiler's back end: a module's tree
 * (ast.h, after sema.c has checked it and expanded its records) to
 * assembly text in the syntax of `erlc -S` (docs/asm.md), which
 * asm_assemble() turns into bytecode.
 *
 * The tree is first lowered to a small intermediate form (values in
 * numbered variables, structured control: matches, try, catch, receive,
 * with funs and list comprehensions lifted to functions of their own as
 * erlc does), then a liveness pass decides which values must survive calls
 * in y registers, and the emitter allocates registers and writes the
 * instructions: pattern matching as test instructions, guards with fail
 * labels, frames allocated where a call needs one, tail calls as
 * call_only / call_last. */
#ifndef BL_CODEGEN_H
#define BL_CODEGEN_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"
#include "strbuf.h"

/* Writes the assembly of u to out. filename is used in the line table
 * ({line,[{location,File,Line}]}). Constructs the back end cannot compile
 * (binaries that are not constants, binary comprehensions...) are
 * reported as errors on d; returns false if there were any (out then
 * holds nothing useful). u's tree must have passed sema_check(). */
bool cg_generate(const CompUnit *u, Diag *d, const char *filename, StrBuf *out);

/* ---- knowledge shared with the semantic pass */

/* Is erlang:name/arity a function that a plain f(...) call reaches when no
 * local function f/arity exists (erl_internal:bif/2, the auto-imports)? */
bool cg_is_auto_imported(const char *name, int arity);
/* Is erlang:name/arity allowed in guards (erl_internal:guard_bif/2, the
 * type tests and the operators included)? */
bool cg_is_guard_bif(const char *name, int arity);
/* Is it a type test (is_atom/1, ..., is_record/2,3, is_function/2)? */
bool cg_is_type_test(const char *name, int arity);

#endif
