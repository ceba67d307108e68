/* strbuf.c - growable byte strings. */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void grow(StrBuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    char *d = realloc(sb->data, cap);
    if (!d)
        abort();
    sb->data = d;
    sb->cap = cap;
}

void sb_free(StrBuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

void sb_add(StrBuf *sb, const char *s, size_t n)
{
    grow(sb, n);
    if (n)
        memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = 0;
}

void sb_addc(StrBuf *sb, char c) { sb_add(sb, &c, 1); }

void sb_adds(StrBuf *sb, const char *s) { sb_add(sb, s, strlen(s)); }

void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap)
{
    /* Most output fits a small buffer: format there first, and again into
     * the string only when it did not fit. */
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sb_add(sb, tmp, (size_t)n);
        return;
    }
    grow(sb, (size_t)n);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void sb_printf(StrBuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

void sb_truncate(StrBuf *sb, size_t n)
{
    if (n < sb->len) {
        sb->len = n;
        sb->data[n] = 0;
    }
}

void sb_add_utf8(StrBuf *sb, uint32_t c)
{
    uint8_t b[4];
    sb_add(sb, (const char *)b, utf8_encode(c, b));
}
