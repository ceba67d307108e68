/* print.h - printing terms as Erlang/OTP prints them (~w and ~p), byte for
 * byte: atoms quoted where needed, floats in shortest round-trip form,
 * strings detected as ~p does, ~p's line breaking.
 *
 * Terms of any size and nesting print: the printers walk with stacks of
 * their own on the C heap, never C recursion, in time linear in the size
 * of the term plus the text. The term printers return false when memory
 * for those stacks (or ~p's tree) runs out, leaving the StrBuf as it was
 * on entry; format.c then fails the call (badarg) and a crash report says
 * the reason was not printed. (Growing the StrBuf itself aborts on OOM, as
 * strbuf.h says.)
 *
 * Files: print.c (~w), print_text.c (atoms, strings, leaves),
 * print_float.c, print_tree.c and print_pretty.c (~p). */
#ifndef BL_PRINT_H
#define BL_PRINT_H

#include <stdbool.h>

#include "strbuf.h"
#include "term.h"

/* ~w: depth < 0 means unlimited (~W's depth otherwise). */
bool print_w(StrBuf *sb, Term t, long depth);

/* ~p: the term pretty-printed to fit line_length (80) columns starting at
 * column `indent` (the column the ~p directive starts at, as io_lib_pretty
 * is told); depth < 0 unlimited. unicode: ~tp (atoms and strings written
 * by io_lib's unicode writers, UTF-8 binaries as <<"..."/utf8>>; lists
 * still print as strings only when printable latin1, as erl's default
 * printable range has it). */
bool print_p(StrBuf *sb, Term t, int indent, int line_length, long depth, bool unicode);

/* io_lib:format returns a deep list, nested exactly as OTP nests it. The
 * deep printers below write text in which these two bytes (never part of
 * UTF-8) mark where a nested list begins and ends; the text between them is
 * that list's characters, each marker pair one element of the enclosing
 * list. The printers write the *elements* of the list OTP returns, so a
 * caller that needs it as one element wraps it in a pair. */
#define PRINT_OPEN '\xFE'
#define PRINT_CLOSE '\xFF'

/* print_p2's flags: ~tp; ~lp (no string or printable binary detection);
 * the deep form with markers. */
enum { PRINT_UNICODE = 1, PRINT_NOSTRINGS = 2, PRINT_DEEP = 4 };

/* ~p with flags; print_p(sb, t, i, l, d, u) is print_p2 with PRINT_UNICODE
 * if u. */
bool print_p2(StrBuf *sb, Term t, int indent, int line_length, long depth, unsigned flags);

/* The deep form of io_lib:write(T, Depth) (~w, ~W). */
bool print_w_deep(StrBuf *sb, Term t, long depth);

/* A float as Erlang prints it under ~w/~p and float_to_list(F, [short]):
 * the shortest digits that read back to the same double, e.g. 0.1, 1.0e10,
 * 1.2345e-7. */
void print_float(StrBuf *sb, double d);

/* An atom, quoted if it needs quotes ('hello world', 'A', '' ...). */
void print_atom(StrBuf *sb, Term atom);

/* True if t is a list of printable characters (~p would print a string);
 * unicode as above. */
bool print_is_printable_list(Term t, bool unicode);

#endif
