/* utf8.c - UTF-8 encoding and strict decoding (see utf8.h). */
#include "utf8.h"

size_t utf8_encode(uint32_t c, uint8_t out[4])
{
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    static const uint8_t lead[5] = { 0, 0, 0xC0, 0xE0, 0xF0 };
    for (size_t i = n - 1; i > 0; i--) {
        out[i] = (uint8_t)(0x80 | (c & 0x3F));
        c >>= 6;
    }
    out[0] = (uint8_t)(lead[n] | c);
    return n;
}

size_t utf8_decode(const uint8_t *s, size_t n, uint32_t *c)
{
    if (n == 0)
        return 0;
    uint8_t b = s[0];
    size_t len;
    uint32_t v, min;
    if (b < 0x80) {
        *c = b;
        return 1;
    } else if ((b & 0xE0) == 0xC0) {
        len = 2, v = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3, v = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4, v = b & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    /* overlong forms fall below min */
    if (v < min || !utf8_is_scalar(v))
        return 0;
    *c = v;
    return len;
}

uint32_t utf8_next(const uint8_t *s, size_t n, size_t *i)
{
    uint32_t c;
    size_t k = utf8_decode(s + *i, n - *i, &c);
    if (!k) {
        c = s[*i];
        k = 1;
    }
    *i += k;
    return c;
}

bool utf8_valid(const uint8_t *s, size_t n)
{
    uint32_t c;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_decode(s + i, n - i, &c);
        if (!k)
            return false;
        i += k;
    }
    return true;
}
