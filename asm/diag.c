/* diag.c - gcc-style error messages with the source line and a caret. */
#include "diag.h"

#include <string.h>

void diag_init(Diag *d, const char *filename, const char *src, size_t len, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->filename = filename ? filename : "<input>";
    d->src = src;
    d->len = src ? len : 0;
    d->out = out;
    d->cache_line = 1;
    d->cache_pos = 0;
}

/* Finds the byte offset where source line `line` starts, or returns false
 * if the text has fewer lines. Scans forward from the cached line when it
 * can, so reports in source order cost one pass over the file. */
static int find_line(Diag *d, int line, size_t *start)
{
    int cur = 1;
    size_t pos = 0;
    if (d->cache_line <= line) {
        cur = d->cache_line;
        pos = d->cache_pos;
    }
    while (cur < line) {
        const char *nl = memchr(d->src + pos, '\n', d->len - pos);
        if (!nl)
            return 0;
        pos = (size_t)(nl - d->src) + 1;
        cur++;
    }
    d->cache_line = cur;
    d->cache_pos = pos;
    *start = pos;
    return 1;
}

/* Prints `    N | text` and, when col > 0, the caret line below it. */
static void show_line(Diag *d, int line, int col)
{
    size_t start;
    if (!d->src || !find_line(d, line, &start))
        return;
    size_t end = start;
    while (end < d->len && d->src[end] != '\n')
        end++;
    size_t shown = end;
    if (shown > start && d->src[shown - 1] == '\r')
        shown--;
    fprintf(d->out, "%5d | %.*s\n", line, (int)(shown - start), d->src + start);
    if (col <= 0)
        return;
    fputs("      | ", d->out);
    size_t pos = start;
    for (int c = 1; c < col; c++) {
        char pad = ' ';
        if (pos < shown) {
            if (d->src[pos] == '\t')
                pad = '\t';
            /* step over one UTF-8 character */
            pos++;
            while (pos < shown && ((unsigned char)d->src[pos] & 0xC0) == 0x80)
                pos++;
        }
        fputc(pad, d->out);
    }
    fputs("^\n", d->out);
}

void diag_vreport(Diag *d, const char *kind, int line, int col, const char *fmt, va_list ap)
{
    if (strcmp(kind, "error") == 0)
        d->errors++;
    else if (strcmp(kind, "warning") == 0)
        d->warnings++;
    if (!d->out)
        return;
    if (line > 0 && col > 0)
        fprintf(d->out, "%s:%d:%d: %s: ", d->filename, line, col, kind);
    else if (line > 0)
        fprintf(d->out, "%s:%d: %s: ", d->filename, line, kind);
    else
        fprintf(d->out, "%s: %s: ", d->filename, kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    if (line > 0)
        show_line(d, line, col);
}

void diag_error(Diag *d, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, "error", line, col, fmt, ap);
    va_end(ap);
}

void diag_warning(Diag *d, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, "warning", line, col, fmt, ap);
    va_end(ap);
}

void diag_note(Diag *d, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, "note", line, col, fmt, ap);
    va_end(ap);
}
