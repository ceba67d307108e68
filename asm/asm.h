/* asm.h - the assembler: the text that `erlc -S` prints (OTP 25), limited
 * to the instructions of vm/opcodes.def, to a .bc file (docs/bc-format.md).
 * Used by `beamlet asm` and by the Erlang compiler, which prints assembly
 * text and hands it over here.
 *
 * The text is a sequence of Erlang terms, each ended by '.', with '%'
 * comments:
 *   {module, Name}.  {exports, [{Name,Arity},...]}.  (once each, anywhere)
 *   {attributes, _}.  {labels, _}.  {'%', _}.        (ignored)
 *   {function, Name, Arity, EntryLabel}.             (starts a function)
 * then one instruction per term: `return.` for none, else {Name, Op...}
 * with the operands in the order and of the kinds of opcodes.def:
 *   {x,N} {y,N} (or {tr,Reg,Type}), {integer,I} of any size, {float,F},
 *   {atom,A}, nil, {literal,Term}, {f,Label}, bare integers for u,
 *   {extfunc,M,F,A}, {list,[...]}; {alloc,[{words,W},{floats,F},{funs,N}]}
 *   for the heap size of test_heap and allocate_heap.
 * and erlc's own forms:
 *   {label,N}  {line,[]}  {line,[{location,File,Line}]}
 *   {test,Test,{f,L},[Args...]}                  is_*, test_arity
 *   {bif,Name,{f,L},[Args],Dst}                  bif0/1/2 on erlang:Name
 *   {bif,raise,{f,0},[Stacktrace,Reason],Dst}    raise
 *   {gc_bif,Name,{f,L},Live,[Args],Dst}          gc_bif1/2/3
 *   {make_fun3,{f,Entry},Index,Uniq,Dst,{list,FreeVars}}
 * A function is labels and lines, its func_info, its entry label, then its
 * body (BEAM's shape). Everything is checked, and every error reported. */
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
