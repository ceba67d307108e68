/* sema.h - the semantic pass of the Erlang-subset compiler: erl_lint's
 * checks, in its words and at its positions, and the expansion of records
 * into tuple operations (erl_expand_records).
 *
 * Errors (unbound and unsafe variables, undefined functions and records,
 * illegal patterns and guards, redefinitions...) and warnings (unused
 * variables, functions and records, shadowed variables) are collected,
 * then reported through front_report() sorted as erlc sorts them: errors
 * by position, then warnings by position. When there is no error, every
 * record expression of the tree has been replaced by tuple code, ready
 * for cg_generate(). */
#ifndef BL_SEMA_H
#define BL_SEMA_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

/* Checks u; returns the number of errors reported (0: u is ready for the
 * code generator). warnings: report warnings too (else errors only). */
int sema_check(CompUnit *u, Diag *d, bool warnings);

#endif
