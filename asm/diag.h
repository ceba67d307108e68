/* diag.h - the error reporter shared by the assembler and the Erlang
 * compiler.
 *
 * Each message is printed as soon as it is reported, gcc style:
 *
 *     prog.s:3:5: error: unknown instruction 'mvoe'
 *         3 |     {mvoe,{x,0},{x,1}}.
 *           |     ^
 *
 * Lines and columns count from 1; a column counts characters (UTF-8 code
 * points), a tab being one. The caret line repeats the tabs of the source
 * line so that the caret lands under the right character. Line 0 means "no
 * position" (just `file: error: message`); column 0 shows the source line
 * without a caret. The reporter keeps counts so that the caller can tell
 * whether anything failed, and holds no global state. */
#ifndef BL_DIAG_H
#define BL_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    const char *filename;
    const char *src; /* the whole source text, for showing lines */
    size_t len;
    FILE *out;       /* where messages go; NULL discards them */
    int errors, warnings;
    /* A cache of the last line looked up, so that reporting many errors
     * in a long file does not rescan it from the start each time. */
    int cache_line;
    size_t cache_pos;
} Diag;

void diag_init(Diag *d, const char *filename, const char *src, size_t len, FILE *out);

void diag_error(Diag *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_warning(Diag *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A follow-up to the previous message ("note: first defined here"). */
void diag_note(Diag *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* kind is "error", "warning" or "note"; only errors and warnings count. */
void diag_vreport(Diag *d, const char *kind, int line, int col, const char *fmt, va_list ap);

#endif
