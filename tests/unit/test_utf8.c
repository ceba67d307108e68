/* test_utf8.c - unit tests for vm/utf8.c: every scalar value encodes to the
 * bytes the Unicode table gives (checked by arithmetic on the code point,
 * not by the encoder itself) and decodes back; overlong forms, surrogates,
 * values past U+10FFFF, stray continuation bytes and truncated sequences
 * are refused; utf8_next falls back to Latin-1; utf8_valid. */
#include <check.h>
#include <string.h>

#include "utf8.h"

#define REQUIRE(expr)                                                                      \
    do {                                                                                   \
        if (!(expr))                                                                       \
            ck_abort_msg("%s:%d: '%s' failed", __FILE__, __LINE__, #expr);                 \
    } while (0)

/* The expected length of c's encoding (RFC 3629, section 3). */
static size_t want_len(uint32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

START_TEST(test_encode_decode_all)
{
    /* the lead byte's marker bits (mask, value) by length */
    static const uint8_t mask[5] = { 0, 0x80, 0xE0, 0xF0, 0xF8 }, mark[5] = { 0, 0x00, 0xC0, 0xE0, 0xF0 };
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        uint8_t b[4];
        size_t n = utf8_encode(c, b);
        REQUIRE(n == want_len(c));
        /* the bits of c, six to a continuation byte, the rest in the lead */
        uint32_t v = 0;
        for (size_t i = 1; i < n; i++) {
            REQUIRE((b[i] & 0xC0) == 0x80);
            v = (v << 6) | (b[i] & 0x3F);
        }
        REQUIRE((b[0] & mask[n]) == mark[n]);
        uint32_t lead = b[0] & (uint8_t)~mask[n];
        REQUIRE(((lead << (6 * (n - 1))) | v) == c);
        uint32_t d = 0xFFFFFFFF;
        REQUIRE(utf8_decode(b, n, &d) == n);
        REQUIRE(d == c);
        REQUIRE(utf8_decode(b, n - 1, &d) == 0); /* truncated */
        REQUIRE(utf8_is_scalar(c));
    }
}
END_TEST

START_TEST(test_decode_refuses)
{
    uint32_t c = 0;
    static const struct {
        const char *bytes;
        size_t n;
    } bad[] = {
        { "\xC0\x80", 2 },         /* overlong NUL */
        { "\xC1\xBF", 2 },         /* overlong 0x7F */
        { "\xE0\x9F\xBF", 3 },     /* overlong 0x7FF */
        { "\xF0\x8F\xBF\xBF", 4 }, /* overlong 0xFFFF */
        { "\xED\xA0\x80", 3 },     /* U+D800 */
        { "\xED\xBF\xBF", 3 },     /* U+DFFF */
        { "\xF4\x90\x80\x80", 4 }, /* U+110000 */
        { "\xF5\x80\x80\x80", 4 },
        { "\xF8\x88\x80\x80\x80", 5 },
        { "\xFF", 1 },
        { "\x80", 1 },             /* a continuation byte alone */
        { "\xC3\x28", 2 },         /* a continuation byte missing */
        { "\xE2\x82", 2 },         /* truncated */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_uint_eq(utf8_decode((const uint8_t *)bad[i].bytes, bad[i].n, &c), 0);
        ck_assert(!utf8_valid((const uint8_t *)bad[i].bytes, bad[i].n));
    }
    ck_assert_uint_eq(utf8_decode((const uint8_t *)"A", 0, &c), 0);
    ck_assert(!utf8_is_scalar(-1));
    ck_assert(!utf8_is_scalar(0xD800));
    ck_assert(!utf8_is_scalar(0x110000));
}
END_TEST

START_TEST(test_next_and_valid)
{
    /* "aé€😀" then a stray 0xE9 (Latin-1 é) and 0x80 */
    const uint8_t s[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xE9\x80";
    size_t n = sizeof s - 1, i = 0;
    const uint32_t want[] = { 'a', 0xE9, 0x20AC, 0x1F600, 0xE9, 0x80 };
    const size_t at[] = { 1, 3, 6, 10, 11, 12 };
    for (size_t k = 0; k < 6; k++) {
        ck_assert_uint_eq(utf8_next(s, n, &i), want[k]);
        ck_assert_uint_eq(i, at[k]);
    }
    ck_assert(utf8_valid(s, 10));
    ck_assert(!utf8_valid(s, 11));
    ck_assert(utf8_valid(s, 0));
}
END_TEST

static Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_encode_decode_all);
    tcase_add_test(tc, test_decode_refuses);
    tcase_add_test(tc, test_next_and_valid);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(utf8_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
