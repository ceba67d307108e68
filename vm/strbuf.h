/* strbuf.h - a growable byte string for building text. Out-of-memory aborts
 * (text built by the VM is bounded by the terms it prints). */
#ifndef BL_STRBUF_H
#define BL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len, cap;
} StrBuf;

void sb_free(StrBuf *sb);
void sb_add(StrBuf *sb, const char *s, size_t n);
void sb_addc(StrBuf *sb, char c);
void sb_adds(StrBuf *sb, const char *s);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap);
/* Appends code point c (below 0x110000) as UTF-8. */
void sb_add_utf8(StrBuf *sb, uint32_t c);
/* Cuts the string back to n bytes. */
void sb_truncate(StrBuf *sb, size_t n);

#endif
