/* asm.h - the assembler: the text that `erlc -S` prints (a subset of it,
 * limited to the instructions in vm/opcodes.def) to a .bc file.
 *
 * The assembly language is described in docs/asm.md and the file format
 * in docs/bc-format.md. Used by the `beamlet asm` command and by the Erlang
 * compiler, which prints assembly text and hands it over here. */
#ifndef BL_ASM_H
#define BL_ASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bcfile.h"
#include "dis.h"

/* Highest label number the assembler accepts. */
#define ASM_MAX_LABEL 16777215
/* Heap words a u operand written {alloc,[{words,W},{floats,F},{funs,N}]}
 * stands for: W + F * ASM_ALLOC_FLOAT_WORDS + N * ASM_ALLOC_FUN_WORDS
 * (a boxed float is a header and the double; a closure's fixed part is at
 * most this many words, its free variables being counted in W by erlc). */
#define ASM_ALLOC_FLOAT_WORDS 2
#define ASM_ALLOC_FUN_WORDS 4

/* Assembles src (len bytes, need not be NUL-terminated) into out (which
 * the caller frees with bc_buf_free). filename is used in messages. On
 * errors, prints every one of them to errs (NULL: print nothing) as
 * `filename:LINE:COL: error: message` with the source line and a caret,
 * and returns false; out then holds nothing useful. */
bool asm_assemble(const char *src, size_t len, const char *filename, BcBuf *out, FILE *errs);

#endif
