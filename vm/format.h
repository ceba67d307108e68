/* format.h - io:format's control sequences: ~c ~f ~e ~g ~s ~w ~p ~W ~P ~b ~B
 * ~x ~X ~# ~i ~n ~~ with field width, precision, pad character and `*`
 * arguments, producing exactly the text OTP's io_lib:format does. */
#ifndef BL_FORMAT_H
#define BL_FORMAT_H

#include <stdbool.h>

#include "strbuf.h"
#include "term.h"

/* Formats `fmt` (a string as a list of character codes, a binary, or an
 * atom) with the argument list `args` into sb. Returns false if the format
 * or the arguments are bad (io:format then raises badarg); sb may hold
 * partial output then. */
bool format_term(StrBuf *sb, Term fmt, Term args);

/* The same as io_lib:format's deep list: the text with PRINT_OPEN and
 * PRINT_CLOSE (print.h) around each nested list, nested exactly as OTP
 * nests its result. */
bool format_term_deep(StrBuf *sb, Term fmt, Term args);

/* Formats a C string format (no `*` arguments needed) for internal use. */
bool format_cstr(StrBuf *sb, const char *fmt, Term args);

/* Appends the characters of an iolist/chardata term (list of chars, nested
 * lists, binaries) to sb as UTF-8 text; false if it is not chardata. */
bool format_chardata(StrBuf *sb, Term data);

#endif
