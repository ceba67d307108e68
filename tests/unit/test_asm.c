/* test_asm.c - the assembler, the disassembler, the term reader, the
 * external term format and the error reporter.
 *
 * Byte-exact checks of what the assembler writes (read back with bc_parse
 * and the bc_get_* readers), every kind of error with its exact text and
 * position, the dis -> asm round trip, and truncated or mutated .bc files
 * that the disassembler must refuse or print without crashing. Literal
 * encodings are compared with bytes that erl's term_to_binary/2 wrote. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"
#include "aterm.h"
#include "bcfile.h"
#include "diag.h"
#include "etf.h"
#include "term_parse.h"

/* ---- helpers */

/* Assembles src as file "t.s"; the messages (malloc'd) go to *errs. */
static bool assemble(const char *src, BcBuf *out, char **errs)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    bool ok = asm_assemble(src, strlen(src), "t.s", out, f);
    fclose(f);
    if (errs)
        *errs = buf;
    else
        free(buf);
    return ok;
}

static BcBuf assemble_ok(const char *src)
{
    BcBuf out = { 0 };
    char *errs;
    bool ok = assemble(src, &out, &errs);
    ck_assert_msg(ok, "assembly failed:\n%s", errs);
    free(errs);
    return out;
}

/* The disassembly of bc (malloc'd), or NULL with the reason in err. */
static char *disassemble(const uint8_t *bc, size_t len, char *err, size_t errlen)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(f);
    bool ok = dis_disassemble(bc, len, f, err, errlen);
    fclose(f);
    if (!ok) {
        ck_assert_uint_eq(n, 0); /* nothing printed on failure */
        ck_assert_uint_gt(strlen(err), 0);
        ck_assert_ptr_null(strchr(err, '\n'));
        free(buf);
        return NULL;
    }
    return buf;
}

static BcFile parse_ok(const BcBuf *b)
{
    BcFile f;
    char err[200];
    ck_assert_msg(bc_parse(b->data, b->len, &f, err, sizeof err), "%s", err);
    return f;
}

static void expect_bytes(BcSection s, const uint8_t *want, size_t n, const char *what)
{
    ck_assert_msg(s.present, "section %s missing", what);
    ck_assert_msg(s.size == n, "section %s: %zu bytes, expected %zu", what, s.size, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(s.data[i] == want[i], "section %s byte %zu: 0x%02x, expected 0x%02x", what, i, s.data[i],
                      want[i]);
}

#define EXPECT_SECTION(sec, ...)                                                                                  \
    do {                                                                                                          \
        static const uint8_t want_[] = { __VA_ARGS__ };                                                           \
        expect_bytes(sec, want_, sizeof want_, #sec);                                                             \
    } while (0)

/* Function f/0 of module m, up to its entry label (four lines). */
#define FN_F0                                                                                                     \
    "{function, f, 0, 2}.\n"                                                                                      \
    "  {label,1}.\n"                                                                                              \
    "    {func_info,{atom,m},{atom,f},0}.\n"                                                                      \
    "  {label,2}.\n"
/* The start of module m whose code continues on line 6. */
#define HDR "{module, m}.\n" FN_F0

/* ---- exact bytes */

START_TEST(t_bytes_simple)
{
    BcBuf b = assemble_ok("{module, m}.\n"
                          "{exports, [{f,1}]}.\n"
                          "{attributes, []}.\n"
                          "{labels, 77}.\n"
                          "{function, f, 1, 2}.\n"
                          "  {label,1}.\n"
                          "    {func_info,{atom,m},{atom,f},1}.\n"
                          "  {label,2}.\n"
                          "    {move,{integer,-5},{y,3}}.\n"
                          "    return.\n");
    BcFile f = parse_ok(&b);
    ck_assert_uint_eq(f.major, BC_VERSION_MAJOR);
    EXPECT_SECTION(f.atom, 2, 1, 'm', 1, 'f');
    EXPECT_SECTION(f.expt, 1, 1, 1, 2);
    EXPECT_SECTION(f.code, 3, 1, /* label 1 */ 1, BC_UINT, 1, /* func_info */ 2, BC_ATOM, 0, BC_ATOM, 1, BC_UINT,
                   1, /* label 2 */ 1, BC_UINT, 2, /* move */ 64, BC_INT, 9, BC_Y, 3, /* return */ 19);
    ck_assert(!f.litt.present && !f.impt.present && !f.funt.present && !f.line.present);
    bc_buf_free(&b);
}
END_TEST

START_TEST(t_bytes_imports)
{
    BcBuf b = assemble_ok(HDR "    {call_ext,1,{extfunc,lists,reverse,1}}.\n"
                              "    {bif,hd,{f,0},[{x,0}],{x,1}}.\n"
                              "    {gc_bif,'+',{f,2},2,[{x,0},{integer,1}],{x,0}}.\n"
                              "    {bif,self,{f,0},[],{x,2}}.\n"
                              "    {bif,raise,{f,0},[{x,2},{x,1}],{x,0}}.\n"
                              "    {call_ext_only,1,{extfunc,lists,reverse,1}}.\n");
    BcFile f = parse_ok(&b);
    EXPECT_SECTION(f.atom, 8, 1, 'm', 1, 'f', 5, 'l', 'i', 's', 't', 's', 7, 'r', 'e', 'v', 'e', 'r', 's', 'e', 6,
                   'e', 'r', 'l', 'a', 'n', 'g', 2, 'h', 'd', 1, '+', 4, 's', 'e', 'l', 'f');
    EXPECT_SECTION(f.impt, 4, 2, 3, 1, 4, 5, 1, 4, 6, 2, 4, 7, 0);
    EXPECT_SECTION(f.code, 3, 1, 1, BC_UINT, 1, 2, BC_ATOM, 0, BC_ATOM, 1, BC_UINT, 0, 1, BC_UINT, 2,
                   /* call_ext */ 7, BC_UINT, 1, BC_IMPORT, 0,
                   /* bif1 */ 10, BC_LABEL, 0, BC_IMPORT, 1, BC_X, 0, BC_X, 1,
                   /* gc_bif2 */ 125, BC_LABEL, 2, BC_UINT, 2, BC_IMPORT, 2, BC_X, 0, BC_INT, 2, BC_X, 0,
                   /* bif0 */ 9, BC_IMPORT, 3, BC_X, 2,
                   /* raise */ 108, BC_X, 2, BC_X, 1,
                   /* call_ext_only */ 78, BC_UINT, 1, BC_IMPORT, 0);
    bc_buf_free(&b);
}
END_TEST

START_TEST(t_bytes_lambda)
{
    BcBuf b = assemble_ok("{module, m}.\n"
                          "{function, f, 1, 2}.\n"
                          "  {label,1}.\n"
                          "    {func_info,{atom,m},{atom,f},1}.\n"
                          "  {label,2}.\n"
                          "    {test_heap,{alloc,[{words,1},{floats,0},{funs,1}]},1}.\n"
                          "    {make_fun3,{f,4},7,99,{x,0},{list,[{x,0}]}}.\n"
                          "    {make_fun3,{f,4},7,99,{x,1},{list,[{y,0}]}}.\n"
                          "    return.\n"
                          "{function, '-f/1-fun-0-', 2, 4}.\n"
                          "  {label,3}.\n"
                          "    {func_info,{atom,m},{atom,'-f/1-fun-0-'},2}.\n"
                          "  {label,4}.\n"
                          "    return.\n");
    BcFile f = parse_ok(&b);
    EXPECT_SECTION(f.atom, 3, 1, 'm', 1, 'f', 11, '-', 'f', '/', '1', '-', 'f', 'u', 'n', '-', '0', '-');
    EXPECT_SECTION(f.funt, 1, 2, 1, 4, 1, 7, 99);
    EXPECT_SECTION(f.code, 5, 2, 1, BC_UINT, 1, 2, BC_ATOM, 0, BC_ATOM, 1, BC_UINT, 1, 1, BC_UINT, 2,
                   /* test_heap */ 16, BC_UINT, 1 + ASM_ALLOC_FUN_WORDS, BC_UINT, 1,
                   /* make_fun3 */ 0xAB, 0x01, BC_LAMBDA, 0, BC_X, 0, BC_LIST, 1, BC_X, 0,
                   /* make_fun3 */ 0xAB, 0x01, BC_LAMBDA, 0, BC_X, 1, BC_LIST, 1, BC_Y, 0, 19,
                   /* f2 */ 1, BC_UINT, 3, 2, BC_ATOM, 0, BC_ATOM, 2, BC_UINT, 2, 1, BC_UINT, 4, 19);
    bc_buf_free(&b);
}
END_TEST

START_TEST(t_bytes_lines)
{
    BcBuf b = assemble_ok("{module, m}.\n"
                          "{function, f, 0, 2}.\n"
                          "  {label,1}.\n"
                          "    {line,[{location,\"a.erl\",3}]}.\n"
                          "    {func_info,{atom,m},{atom,f},0}.\n"
                          "  {label,2}.\n"
                          "    {line,[]}.\n"
                          "    {line,[{scope,[2]},{location,\"b.erl\",3}]}.\n"
                          "    {line,[{location,\"a.erl\",3}]}.\n"
                          "    {line,[{location,\"a.erl\",300}]}.\n"
                          "    return.\n");
    BcFile f = parse_ok(&b);
    EXPECT_SECTION(f.line, 2, 5, 'a', '.', 'e', 'r', 'l', 5, 'b', '.', 'e', 'r', 'l', 3, 0, 3, 1, 3, 0, 0xAC, 0x02);
    EXPECT_SECTION(f.code, 3, 1, 1, BC_UINT, 1, 0x99, 0x01, BC_UINT, 1, 2, BC_ATOM, 0, BC_ATOM, 1, BC_UINT, 0, 1,
                   BC_UINT, 2, 0x99, 0x01, BC_UINT, 0, 0x99, 0x01, BC_UINT, 2, 0x99, 0x01, BC_UINT, 1, 0x99,
                   0x01, BC_UINT, 3, 19);
    bc_buf_free(&b);
}
END_TEST

START_TEST(t_bytes_operands)
{
    BcBuf b = assemble_ok(HDR "    {move,{float,2.5},{x,0}}.\n"
                              "    {move,{integer,1180591620717411303424},{x,1}}.\n"
                              "    {move,nil,{x,2}}.\n"
                              "    {move,{literal,[]},{x,2}}.\n"
                              "    {move,{atom,true},{x,3}}.\n"
                              "    {move,{integer,9223372036854775807},{x,4}}.\n"
                              "    {select_val,{tr,{x,0},{t_integer,any}},{f,2},{list,[{integer,1},{f,2},{atom,a},{f,2}]}}.\n"
                              "    {select_tuple_arity,{x,0},{f,2},{list,[2,{f,2}]}}.\n"
                              "    {'catch',{y,0},{f,2}}.\n"
                              "    {'try',{y,1},{f,2}}.\n"
                              "    {test,is_tagged_tuple,{f,2},[{x,0},2,{atom,a}]}.\n"
                              "    {put_tuple2,{x,0},{list,[{x,0},{literal,[1180591620717411303424]}]}}.\n"
                              "    {init_yregs,{list,[{y,0},{y,300}]}}.\n"
                              "    return.\n");
    BcFile f = parse_ok(&b);
    EXPECT_SECTION(f.atom, 4, 1, 'm', 1, 'f', 4, 't', 'r', 'u', 'e', 1, 'a');
    EXPECT_SECTION(f.litt, 3, 13, 131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 2, 131, 106, 19, 131, 108, 0, 0, 0,
                   1, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 106);
    EXPECT_SECTION(f.code, 3, 1, 1, BC_UINT, 1, 2, BC_ATOM, 0, BC_ATOM, 1, BC_UINT, 0, 1, BC_UINT, 2,
                   64, BC_FLOAT, 0, 0, 0, 0, 0, 0, 4, 0x40, BC_X, 0,
                   64, BC_LIT, 0, BC_X, 1,
                   64, BC_NIL, BC_X, 2,
                   64, BC_LIT, 1, BC_X, 2,
                   64, BC_ATOM, 2, BC_X, 3,
                   64, BC_INT, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, BC_X, 4,
                   59, BC_X, 0, BC_LABEL, 2, BC_LIST, 4, BC_INT, 2, BC_LABEL, 2, BC_ATOM, 3, BC_LABEL, 2,
                   60, BC_X, 0, BC_LABEL, 2, BC_LIST, 2, BC_UINT, 2, BC_LABEL, 2,
                   62, BC_Y, 0, BC_LABEL, 2,
                   104, BC_Y, 1, BC_LABEL, 2,
                   0x9F, 0x01, BC_LABEL, 2, BC_X, 0, BC_UINT, 2, BC_ATOM, 3,
                   0xA4, 0x01, BC_X, 0, BC_LIST, 2, BC_X, 0, BC_LIT, 2,
                   0xAC, 0x01, BC_LIST, 2, BC_Y, 0, BC_Y, 0xAC, 0x02,
                   19);
    bc_buf_free(&b);
}
END_TEST

/* ---- literals against erl's term_to_binary(T, [{minor_version,2}]) */

static void hex_to_bytes(const char *hex, BcBuf *out)
{
    for (size_t i = 0; hex[i] && hex[i + 1]; i += 2) {
        unsigned v;
        sscanf(hex + i, "%2x", &v);
        bc_put_byte(out, (uint8_t)v);
    }
}

/* Assembles {move,{literal,Text},{x,0}} and checks the one LITT entry. */
static void check_literal(const char *text, const char *hex)
{
    BcBuf src = { 0 }, want = { 0 };
    const char *pre = HDR "    {move,{literal,";
    bc_put_bytes(&src, pre, strlen(pre));
    bc_put_bytes(&src, text, strlen(text));
    bc_put_bytes(&src, "},{x,0}}.\n    return.\n", 23);
    bc_put_byte(&src, 0);
    BcBuf b = assemble_ok((const char *)src.data);
    BcFile f = parse_ok(&b);
    hex_to_bytes(hex, &want);
    BcCursor c = bc_cursor(f.litt);
    ck_assert_uint_eq(bc_get_varint(&c), 1);
    ck_assert_uint_eq(bc_get_varint(&c), want.len);
    const uint8_t *got = bc_get_bytes(&c, want.len);
    ck_assert_ptr_nonnull(got);
    ck_assert(bc_at_end(&c));
    ck_assert_msg(memcmp(got, want.data, want.len) == 0, "literal %.60s encodes differently", text);
    /* and the decoder reads it back to a term that prints the same way */
    AtArena a;
    at_arena_init(&a);
    char err[100];
    ATerm *t = etf_decode(&a, got, want.len, err, sizeof err);
    ck_assert_msg(t != NULL, "%s", err);
    BcBuf again = { 0 };
    etf_encode(&again, t);
    ck_assert(again.len == want.len && memcmp(again.data, want.data, want.len) == 0);
    at_arena_free(&a);
    bc_buf_free(&again);
    bc_buf_free(&b);
    bc_buf_free(&src);
    bc_buf_free(&want);
}

START_TEST(t_literals_erl)
{
    check_literal("{\"a\\\"b\",'q a',fun lists:reverse/1,-123,1180591620717411303424,-1180591620717411303424,"
                  "<<\"bin\">>,[1,2|x],3.5,[],{},[256,1],300,-1,70000,'\xc3\xa9',\"\xc3\xa9\",-0.0,1.0e-300}",
                  "8368136B000361226277037120617177056C69737473770772657665727365610162FFFFFF856E09000000000000"
                  "000000406E09010000000000000000406D0000000362696E6C000000026101610277017846400C0000000000006A"
                  "68006C00000002620000010061016A620000012C62FFFFFFFF62000111707702C3A96B0001E94680000000000000"
                  "004601A56E1FC2F8F359");
    check_literal("2147483647", "83627FFFFFFF");
    check_literal("2147483648", "836E040000000080");
    check_literal("-2147483648", "836280000000");
    check_literal("-2147483649", "836E040101000080");
    check_literal("9223372036854775807", "836E0800FFFFFFFFFFFFFF7F");
    check_literal("-9223372036854775808", "836E08010000000000000080");
    check_literal("9223372036854775808", "836E08000000000000000080");
    check_literal("[[]]", "836C000000016A6A");
    check_literal("\"\"", "836A");
    check_literal("[a|b]", "836C00000001770161770162");
    check_literal("$a", "836161");
    check_literal("'\\x{100}'", "837702C480");
}
END_TEST

START_TEST(t_literals_large)
{
    /* 1 bsl 2100: LARGE_BIG_EXT; 256-tuple: LARGE_TUPLE_EXT; 300 bytes in a
     * list: LIST_EXT as one element is beyond 255 */
    BcBuf text = { 0 }, hex = { 0 };
    bc_put_bytes(&text, "{16#1", 5);
    for (int i = 0; i < 525; i++)
        bc_put_byte(&text, '0');
    bc_put_bytes(&text, ",{", 2);
    for (int i = 1; i <= 256; i++) {
        char n[16];
        snprintf(n, sizeof n, i > 1 ? ",%d" : "%d", i);
        bc_put_bytes(&text, n, strlen(n));
    }
    bc_put_bytes(&text, "},[1", 4);
    for (int i = 2; i <= 300; i++) {
        char n[16];
        snprintf(n, sizeof n, ",%d", i);
        bc_put_bytes(&text, n, strlen(n));
    }
    bc_put_bytes(&text, "]}", 3); /* with the NUL */
    const char *h = "836803" "6F00000107" "00";
    bc_put_bytes(&hex, h, strlen(h));
    for (int i = 0; i < 262; i++)
        bc_put_bytes(&hex, "00", 2);
    bc_put_bytes(&hex, "10", 2);
    bc_put_bytes(&hex, "6900000100", 10);
    for (int i = 1; i <= 256; i++) {
        char n[16];
        snprintf(n, sizeof n, i < 256 ? "61%02X" : "6200000100", i);
        bc_put_bytes(&hex, n, strlen(n));
    }
    bc_put_bytes(&hex, "6C0000012C", 10);
    for (int i = 1; i <= 300; i++) {
        char n[16];
        snprintf(n, sizeof n, i < 256 ? "61%02X" : "62%08X", i);
        bc_put_bytes(&hex, n, strlen(n));
    }
    bc_put_bytes(&hex, "6A", 3);
    check_literal((const char *)text.data, (const char *)hex.data);
    bc_buf_free(&text);
    bc_buf_free(&hex);
}
END_TEST

/* ---- errors: the exact text, position and caret of each */

static void check_errors(const char *src, const char *want)
{
    BcBuf out = { 0 };
    char *errs;
    bool ok = assemble(src, &out, &errs);
    ck_assert_msg(!ok, "assembly should fail:\n%s", src);
    ck_assert_msg(strcmp(errs, want) == 0, "got:\n%s\nexpected:\n%s", errs, want);
    free(errs);
    bc_buf_free(&out);
}

START_TEST(t_err_instruction)
{
    check_errors(HDR "    {mvoe,{x,0},{x,1}}.\n    return.\n",
                 "t.s:6:6: error: unknown instruction 'mvoe'\n"
                 "    6 |     {mvoe,{x,0},{x,1}}.\n"
                 "      |      ^\n");
    check_errors(HDR "    {test,is_foo,{f,2},[{x,0}]}.\n",
                 "t.s:6:11: error: unknown test 'is_foo'\n"
                 "    6 |     {test,is_foo,{f,2},[{x,0}]}.\n"
                 "      |           ^\n");
    check_errors(HDR "    {\"move\",{x,0}}.\n",
                 "t.s:6:5: error: expected an instruction or a directive, got {\"move\",{x,0}}\n"
                 "    6 |     {\"move\",{x,0}}.\n"
                 "      |     ^\n");
}
END_TEST

START_TEST(t_err_operands)
{
    check_errors(HDR "    {move,{x,0}}.\n",
                 "t.s:6:5: error: 'move' expects 2 operands, got 1\n"
                 "    6 |     {move,{x,0}}.\n"
                 "      |     ^\n");
    check_errors(HDR "    {move,{x,0},{integer,1}}.\n",
                 "t.s:6:17: error: operand 2 of 'move' must be a register {x,N} or {y,N}, got {integer,1}\n"
                 "    6 |     {move,{x,0},{integer,1}}.\n"
                 "      |                 ^\n");
    check_errors(HDR "    {allocate,{x,0},1}.\n",
                 "t.s:6:15: error: operand 1 of 'allocate' must be a non-negative integer, got {x,0}\n"
                 "    6 |     {allocate,{x,0},1}.\n"
                 "      |               ^\n");
    check_errors(HDR "    {call_ext,1,{extfunc,lists,reverse,x}}.\n",
                 "t.s:6:17: error: operand 2 of 'call_ext' must be an external function {extfunc,M,F,A}, got "
                 "{extfunc,lists,reverse,x}\n"
                 "    6 |     {call_ext,1,{extfunc,lists,reverse,x}}.\n"
                 "      |                 ^\n");
    check_errors(HDR "    {test,is_lt,{f,2},[{x,0}]}.\n",
                 "t.s:6:23: error: test 'is_lt' expects 2 arguments, got 1\n"
                 "    6 |     {test,is_lt,{f,2},[{x,0}]}.\n"
                 "      |                       ^\n");
    check_errors(HDR "    {select_val,{x,0},{f,2},{list,[{integer,1},{f,2},{x,0}]}}.\n",
                 "t.s:6:29: error: a select list needs pairs: it has an odd number of items\n"
                 "    6 |     {select_val,{x,0},{f,2},{list,[{integer,1},{f,2},{x,0}]}}.\n"
                 "      |                             ^\n");
    check_errors(HDR "    {select_val,{x,0},{f,2},{list,[{x,1},{f,2}]}}.\n",
                 "t.s:6:36: error: operand 3 of 'select_val' must be a select list {list,[Value,{f,L},...]}, got "
                 "{x,1}\n"
                 "    6 |     {select_val,{x,0},{f,2},{list,[{x,1},{f,2}]}}.\n"
                 "      |                                    ^\n");
    check_errors(HDR "    {bif,self,{f,2},[],{x,0}}.\n",
                 "t.s:6:15: error: a BIF without arguments cannot fail: use {f,0}\n"
                 "    6 |     {bif,self,{f,2},[],{x,0}}.\n"
                 "      |               ^\n");
    check_errors(HDR "    {move,{literal,#{a => 1}},{x,0}}.\n",
                 "t.s:6:20: error: maps are not supported in literals\n"
                 "    6 |     {move,{literal,#{a => 1}},{x,0}}.\n"
                 "      |                    ^\n");
    check_errors(HDR "    {line,[{location,\"a.erl\",x}]}.\n",
                 "t.s:6:5: error: malformed line: expected {line,[]} or {line,[{location,File,Line}]}\n"
                 "    6 |     {line,[{location,\"a.erl\",x}]}.\n"
                 "      |     ^\n");
}
END_TEST

START_TEST(t_err_registers)
{
    check_errors(HDR "    {move,{x,1024},{x,0}}.\n",
                 "t.s:6:11: error: x register number 1024 is out of range (0 to 1023)\n"
                 "    6 |     {move,{x,1024},{x,0}}.\n"
                 "      |           ^\n");
    check_errors(HDR "    {move,{x,0},{y,65536}}.\n",
                 "t.s:6:17: error: y register number 65536 is out of range (0 to 65535)\n"
                 "    6 |     {move,{x,0},{y,65536}}.\n"
                 "      |                 ^\n");
    check_errors(HDR "    {init,{x,0}}.\n",
                 "t.s:6:11: error: operand 1 of 'init' must be a y register {y,N}, got {x,0}\n"
                 "    6 |     {init,{x,0}}.\n"
                 "      |           ^\n");
}
END_TEST

START_TEST(t_err_labels)
{
    check_errors(HDR "    {jump,{f,9}}.\n",
                 "t.s:6:11: error: label 9 is used but never defined\n"
                 "    6 |     {jump,{f,9}}.\n"
                 "      |           ^\n");
    check_errors(HDR "  {label,2}.\n    return.\n",
                 "t.s:6:10: error: label 2 is defined twice (first at line 5)\n"
                 "    6 |   {label,2}.\n"
                 "      |          ^\n");
    check_errors(HDR "    {jump,{f,0}}.\n",
                 "t.s:6:11: error: label 0 is not allowed here\n"
                 "    6 |     {jump,{f,0}}.\n"
                 "      |           ^\n");
    check_errors(HDR "  {label,0}.\n",
                 "t.s:6:10: error: label number 0 is out of range (1 to 16777215)\n"
                 "    6 |   {label,0}.\n"
                 "      |          ^\n");
}
END_TEST

START_TEST(t_err_structure)
{
    check_errors("{module, m}.\nreturn.\n{move,{x,0},{x,1}}.\n",
                 "t.s:2:1: error: instruction outside a function\n"
                 "    2 | return.\n"
                 "      | ^\n");
    check_errors("{function, f, 0, 2}.\n  {label,1}.\n    {func_info,{atom,m},{atom,f},0}.\n  {label,2}.\n"
                 "    return.\n",
                 "t.s: error: missing {module, Name} directive\n");
    check_errors("{module, m}.\n{exports, [{f,0},{g,1}]}.\n" FN_F0,
                 "t.s:2:18: error: function g/1 is exported but not defined\n"
                 "    2 | {exports, [{f,0},{g,1}]}.\n"
                 "      |                  ^\n");
    check_errors("{module, m}.\n{function, f, 0, 2}.\n  {label,1}.\n    {func_info,{atom,m},{atom,g},0}.\n"
                 "  {label,2}.\n",
                 "t.s:4:5: error: func_info does not match function f/0 of module m\n"
                 "    4 |     {func_info,{atom,m},{atom,g},0}.\n"
                 "      |     ^\n");
    check_errors("{module, m}.\n{function, f, 0, 3}.\n  {label,1}.\n    {func_info,{atom,m},{atom,f},0}.\n"
                 "  {label,2}.\n  {label,3}.\n",
                 "t.s:2:1: error: entry label 3 of function f/0 must come right after its func_info\n"
                 "    2 | {function, f, 0, 3}.\n"
                 "      | ^\n");
    check_errors("{module, m}.\n{function, f, 0, 2}.\n  {label,2}.\n    return.\n",
                 "t.s:4:5: error: expected the func_info of f/0 before this instruction\n"
                 "    4 |     return.\n"
                 "      |     ^\n");
    check_errors(HDR "{function, f, 0, 4}.\n",
                 "t.s:6:1: error: function f/0 is defined twice (first at line 2)\n"
                 "    6 | {function, f, 0, 4}.\n"
                 "      | ^\n");
    check_errors(HDR "    {make_fun3,{f,1},0,0,{x,0},{list,[]}}.\n",
                 "t.s:6:16: error: make_fun3 label 1 is not the entry label of a function\n"
                 "    6 |     {make_fun3,{f,1},0,0,{x,0},{list,[]}}.\n"
                 "      |                ^\n");
    check_errors(HDR "    {make_fun3,{f,2},0,0,{x,0},{list,[{x,0}]}}.\n",
                 "t.s:6:16: error: make_fun3 captures 1 variables but function f/0 takes only 0\n"
                 "    6 |     {make_fun3,{f,2},0,0,{x,0},{list,[{x,0}]}}.\n"
                 "      |                ^\n");
}
END_TEST

START_TEST(t_err_syntax)
{
    check_errors(HDR "    {move,{x,0},{x,1}.\n    return.\n",
                 "t.s:6:22: error: expected ',' or '}', got '.'\n"
                 "    6 |     {move,{x,0},{x,1}.\n"
                 "      |                      ^\n");
    check_errors(HDR "    return\n",
                 "t.s:7:1: error: expected '.' after the term, got end of file\n"
                 "    7 | \n"
                 "      | ^\n");
    check_errors(HDR "    {move,X,{x,0}}.\n",
                 "t.s:6:11: error: variable 'X' is not allowed here (assembly terms are constants)\n"
                 "    6 |     {move,X,{x,0}}.\n"
                 "      |           ^\n");
    check_errors(HDR "    {move,{integer,1.5.},{x,0}}.\n",
                 "t.s:6:23: error: unexpected '.' (a form ends with '.' and white space)\n"
                 "    6 |     {move,{integer,1.5.},{x,0}}.\n"
                 "      |                       ^\n");
    check_errors(HDR "    {move,{integer,2#102},{x,0}}.\n",
                 "t.s:6:24: error: digit '2' is not valid in base 2\n"
                 "    6 |     {move,{integer,2#102},{x,0}}.\n"
                 "      |                        ^\n");
    check_errors(HDR "    {move,{float,1.0e999},{x,0}}.\n",
                 "t.s:6:18: error: float out of range\n"
                 "    6 |     {move,{float,1.0e999},{x,0}}.\n"
                 "      |                  ^\n");
    check_errors(HDR "    {move, ~, {x,0}}.\n",
                 "t.s:6:12: error: unexpected character '~'\n"
                 "    6 |     {move, ~, {x,0}}.\n"
                 "      |            ^\n");
    check_errors(HDR "    {move,{literal,<<\"a\":8>>},{x,0}}.\n",
                 "t.s:6:25: error: binary segment sizes and types are not supported\n"
                 "    6 |     {move,{literal,<<\"a\":8>>},{x,0}}.\n"
                 "      |                         ^\n");
    check_errors(HDR "    {move,{atom,'\\x{D800}'},{x,0}}.\n",
                 "t.s:6:17: error: invalid character code 55296 in atom\n"
                 "    6 |     {move,{atom,'\\x{D800}'},{x,0}}.\n"
                 "      |                 ^\n");
}
END_TEST

/* After an unclosed quote the reader goes on at the next line, so that
 * the errors after it are still found. */
START_TEST(t_err_unterminated)
{
    check_errors(HDR "    {move,{literal,\"abc},{x,0}}.\n    {mvoe}.\n",
                 "t.s:6:20: error: unterminated string\n"
                 "    6 |     {move,{literal,\"abc},{x,0}}.\n"
                 "      |                    ^\n"
                 "t.s:7:6: error: unknown instruction 'mvoe'\n"
                 "    7 |     {mvoe}.\n"
                 "      |      ^\n");
    check_errors(HDR "    {move,{atom,'abc},{x,0}}.\n    {mvoe}.\n",
                 "t.s:6:17: error: unterminated quoted atom\n"
                 "    6 |     {move,{atom,'abc},{x,0}}.\n"
                 "      |                 ^\n"
                 "t.s:7:6: error: unknown instruction 'mvoe'\n"
                 "    7 |     {mvoe}.\n"
                 "      |      ^\n");
}
END_TEST

START_TEST(t_err_many)
{
    /* every error of the file, each once, recovering at each '.' */
    check_errors(HDR "    {a}.\n    {b,\n      c.\n    {move,{x,0}}.\n    {jump,{f,7}}.\n",
                 "t.s:6:6: error: unknown instruction 'a'\n"
                 "    6 |     {a}.\n"
                 "      |      ^\n"
                 "t.s:8:8: error: expected ',' or '}', got '.'\n"
                 "    8 |       c.\n"
                 "      |        ^\n"
                 "t.s:9:5: error: 'move' expects 2 operands, got 1\n"
                 "    9 |     {move,{x,0}}.\n"
                 "      |     ^\n"
                 "t.s:10:11: error: label 7 is used but never defined\n"
                 "   10 |     {jump,{f,7}}.\n"
                 "      |           ^\n");
}
END_TEST

START_TEST(t_err_columns)
{
    /* a tab counts as one column and is repeated in the caret line; a
     * UTF-8 character counts as one column */
    check_errors(HDR "\t{mvoe}.\n",
                 "t.s:6:3: error: unknown instruction 'mvoe'\n"
                 "    6 | \t{mvoe}.\n"
                 "      | \t ^\n");
    check_errors(HDR "{move,{literal,'\xc3\xa9'},{y,70000}}.\n",
                 "t.s:6:21: error: y register number 70000 is out of range (0 to 65535)\n"
                 "    6 | {move,{literal,'\xc3\xa9'},{y,70000}}.\n"
                 "      |                     ^\n");
}
END_TEST

START_TEST(t_warning_export_twice)
{
    BcBuf out = { 0 };
    char *errs;
    ck_assert(assemble("{module, m}.\n{exports, [{f,0},{f,0}]}.\n" FN_F0, &out, &errs));
    ck_assert_str_eq(errs, "t.s:2:18: warning: function f/0 is exported twice\n"
                           "    2 | {exports, [{f,0},{f,0}]}.\n"
                           "      |                  ^\n");
    BcFile f = parse_ok(&out);
    EXPECT_SECTION(f.expt, 1, 1, 0, 2);
    free(errs);
    bc_buf_free(&out);
}
END_TEST

START_TEST(t_diag)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    const char *src = "first\nsecond\r\nthird";
    Diag d;
    diag_init(&d, "x.erl", src, strlen(src), f);
    diag_error(&d, 2, 0, "no column %d", 1);
    diag_warning(&d, 3, 2, "warned");
    diag_note(&d, 1, 1, "a note");
    diag_error(&d, 0, 0, "no position");
    diag_error(&d, 9, 1, "past the end");
    fclose(f);
    ck_assert_int_eq(d.errors, 3);
    ck_assert_int_eq(d.warnings, 1);
    ck_assert_str_eq(buf, "x.erl:2: error: no column 1\n"
                          "    2 | second\n"
                          "x.erl:3:2: warning: warned\n"
                          "    3 | third\n"
                          "      |  ^\n"
                          "x.erl:1:1: note: a note\n"
                          "    1 | first\n"
                          "      | ^\n"
                          "x.erl: error: no position\n"
                          "x.erl:9:1: error: past the end\n");
    free(buf);
}
END_TEST

/* ---- the term reader and printer */

/* A term reader over text[0..n) (named "t"), its errors to f (NULL: none).
 * It points into itself: keep it where it was opened. */
typedef struct {
    AtArena a;
    Diag d;
    TermParser p;
} Reader;

static void reader_open(Reader *r, const char *text, size_t n, FILE *f)
{
    at_arena_init(&r->a);
    diag_init(&r->d, "t", text, n, f);
    tp_init(&r->p, text, n, &r->a, &r->d);
}

static void check_reads(const char *text, const char *want)
{
    Reader r;
    ATerm *t;
    reader_open(&r, text, strlen(text), NULL);
    ATerm *none;
    ck_assert_msg(tp_next_form(&r.p, &t) == 1, "%s does not read", text);
    ck_assert_int_eq(tp_next_form(&r.p, &none), 0);
    BcBuf b = { 0 };
    at_print(&b, t);
    bc_put_byte(&b, 0);
    ck_assert_msg(strcmp((char *)b.data, want) == 0, "%s printed as %s, expected %s", text, (char *)b.data, want);
    bc_buf_free(&b);
    at_arena_free(&r.a);
}

START_TEST(t_reader)
{
    check_reads("'hello world'.", "'hello world'");
    check_reads("\"a\\nb\\x41\\x{42}\\101\\s\\e\\d\\'\\\"\".", "[97,10,98,65,66,65,32,27,127,39,34]");
    check_reads("\"a\\nb\\x41\\x{42}\\101\\s\\e\\\"\".", "\"a\\nbABA \\e\\\"\"");
    check_reads("16#FF.", "255");
    check_reads("2#1010.", "10");
    check_reads("36#zZ.", "1295");
    check_reads("1_000_000.", "1000000");
    check_reads("-16#10.", "-16");
    check_reads("+7.", "7");
    check_reads("$a.", "97");
    check_reads("$\\n.", "10");
    check_reads("$\\x{41}.", "65");
    check_reads("$\\^A.", "1");
    check_reads("$ .", "32");
    check_reads("$\xc3\xa9.", "233");
    check_reads("1.5.", "1.5");
    check_reads("1.0e10.", "1.0e10");
    check_reads("2.5e-3.", "0.0025");
    check_reads("-0.0.", "-0.0");
    check_reads("1_0.2_5E+1_0.", "1.025e11");
    check_reads("\"ab\" \"cd\"   \"\".", "\"abcd\"");
    check_reads("[1,2|[3]].", "[1,2,3]");
    check_reads("[a|\"bc\"].", "[a,98,99]");
    check_reads("[1|2].", "[1|2]");
    check_reads("[$a|\"\"].", "\"a\"");
    check_reads("\"\".", "[]");
    check_reads("<<\"abc\">>.", "<<\"abc\">>");
    check_reads("<<1,2,3>>.", "<<1,2,3>>");
    check_reads("<<>>.", "<<>>");
    check_reads("<<\"a\",98,$c>>.", "<<\"abc\">>");
    check_reads("fun lists:reverse/1.", "fun lists:reverse/1");
    check_reads("fun 'a b':'C'/0.", "fun 'a b':'C'/0");
    check_reads("#{a => 1, {b} => [c]}.", "#{a => 1,{b} => [c]}");
    check_reads("#{}.", "#{}");
    check_reads("'it\\'s'.", "'it\\'s'");
    check_reads("{'catch','fun',try,'A','_',a@b,'',[],{},'[]'}.", "{'catch','fun','try','A','_',a@b,'',[],{},'[]'}");
    check_reads("123456789012345678901234567890.", "123456789012345678901234567890");
    check_reads("-9223372036854775808.", "-9223372036854775808");
    check_reads("9223372036854775808.", "9223372036854775808");
    check_reads("-9223372036854775809.", "-9223372036854775809");
    check_reads("- 5.", "-5");
    check_reads("% comment\n  foo % more\n .", "foo");
    check_reads("'\\x{1F600}\\x{E9}'.", "'\xf0\x9f\x98\x80\xc3\xa9'");
    check_reads("\"\\x{100}\".", "\"\xc4\x80\"");
    check_reads("[55296].", "[55296]");
}
END_TEST

START_TEST(t_reader_errors_recover)
{
    const char *text = "{a,}.\n{b}.\n[1|2|3].\n{c}.\n";
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    Reader r;
    ATerm *t;
    reader_open(&r, text, strlen(text), f);
    ck_assert_int_eq(tp_next_form(&r.p, &t), -1);
    ck_assert_int_eq(tp_next_form(&r.p, &t), 1);
    ck_assert_int_eq(t->kind, AT_TUPLE);
    ck_assert_int_eq(tp_next_form(&r.p, &t), -1);
    ck_assert_int_eq(tp_next_form(&r.p, &t), 1);
    ck_assert(at_is_atom(t->tuple.items[0], "c"));
    ck_assert_int_eq(tp_next_form(&r.p, &t), 0);
    fclose(f);
    ck_assert_int_eq(r.d.errors, 2);
    ck_assert_str_eq(buf, "t:1:4: error: expected a term, got '}'\n"
                          "    1 | {a,}.\n"
                          "      |    ^\n"
                          "t:3:5: error: expected ']', got '|'\n"
                          "    3 | [1|2|3].\n"
                          "      |     ^\n");
    free(buf);
    at_arena_free(&r.a);
}
END_TEST

START_TEST(t_reader_depth)
{
    BcBuf text = { 0 };
    for (int i = 0; i < 5000; i++)
        bc_put_byte(&text, '[');
    Reader r;
    ATerm *t;
    reader_open(&r, (char *)text.data, text.len, NULL);
    ck_assert_int_eq(tp_next_form(&r.p, &t), -1);
    ck_assert_int_eq(r.d.errors, 1);
    at_arena_free(&r.a);
    bc_buf_free(&text);
}
END_TEST

START_TEST(t_floats)
{
    static const struct {
        double d;
        const char *s;
    } cases[] = {
        { 0.0025, "0.0025" },         { 1.0e10, "1.0e10" },
        { 100.0, "100.0" },           { 123456789.0, "123456789.0" },
        { 1.0e15, "1.0e15" },         { 1.0e16, "1.0e16" },
        { 1234567890123456.0, "1234567890123456.0" },
        { 12345678901234567.0, "1.2345678901234568e16" },
        { 0.0001, "0.0001" },         { 0.00001, "1.0e-5" },
        { 5.0e-324, "5.0e-324" },     { 1.7976931348623157e308, "1.7976931348623157e308" },
        { -0.0, "-0.0" },             { 0.1, "0.1" },
        { 1.0 / 3, "0.3333333333333333" }, { 1.0e21, "1.0e21" },
        { 99999.0, "99999.0" },       { 1.0e5, "1.0e5" },
        { 123456.0, "123456.0" },     { 0.0, "0.0" },
        { -2.5, "-2.5" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        BcBuf b = { 0 };
        at_print_float(&b, cases[i].d);
        bc_put_byte(&b, 0);
        ck_assert_msg(strcmp((char *)b.data, cases[i].s) == 0, "%.17g printed as %s, expected %s", cases[i].d,
                      (char *)b.data, cases[i].s);
        ck_assert(strtod((char *)b.data, NULL) == cases[i].d);
        bc_buf_free(&b);
    }
}
END_TEST

START_TEST(t_etf_decode)
{
    AtArena a;
    char err[100];
    at_arena_init(&a);
    static const uint8_t latin_atom[] = { 131, 100, 0, 3, 'a', 'b', 'c' };
    ATerm *t = etf_decode(&a, latin_atom, sizeof latin_atom, err, sizeof err);
    ck_assert(t && at_is_atom(t, "abc"));
    static const uint8_t small_latin[] = { 131, 115, 1, 0xE9 };
    t = etf_decode(&a, small_latin, sizeof small_latin, err, sizeof err);
    ck_assert(t && at_is_atom(t, "\xc3\xa9"));
    static const uint8_t improper[] = { 131, 108, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 1, 97, 2, 106 };
    t = etf_decode(&a, improper, sizeof improper, err, sizeof err);
    ck_assert(t && t->kind == AT_LIST && t->list.n == 2 && !t->list.tail);
    static const struct {
        uint8_t b[12];
        size_t n;
        const char *why;
    } bad[] = {
        { { 130, 106 }, 2, "term does not start with the version byte 131" },
        { { 131 }, 1, "truncated term" },
        { { 131, 106, 106 }, 3, "1 stray bytes after the term" },
        { { 131, 104, 2, 106 }, 4, "truncated term" },
        { { 131, 119, 2, 0xC3, 0x28 }, 5, "atom is not valid UTF-8" },
        { { 131, 110, 1, 2, 1 }, 5, "bad bignum sign byte 2" },
        { { 131, 70, 0x7F, 0xF0, 0, 0, 0, 0, 0, 0 }, 10, "float is not finite" },
        { { 131, 116, 0, 0, 0, 0 }, 6, "unsupported term tag 116" },
        { { 131, 108, 0xFF, 0xFF, 0xFF, 0xFF, 106 }, 7, "truncated term" },
        { { 131, 113, 97, 1, 119, 1, 'f', 97, 1 }, 9, "malformed EXPORT_EXT" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ck_assert_msg(etf_decode(&a, bad[i].b, bad[i].n, err, sizeof err) == NULL, "bad term %zu decoded", i);
        ck_assert_str_eq(err, bad[i].why);
    }
    /* deep nesting is refused, not a stack overflow */
    BcBuf deep = { 0 };
    bc_put_byte(&deep, 131);
    for (int i = 0; i < 100000; i++)
        bc_put_bytes(&deep, "\x68\x01", 2);
    bc_put_byte(&deep, 106);
    ck_assert_ptr_null(etf_decode(&a, deep.data, deep.len, err, sizeof err));
    ck_assert_str_eq(err, "term nested too deeply");
    bc_buf_free(&deep);
    at_arena_free(&a);
}
END_TEST

/* ---- the round trip */

static const char *const programs[] = {
    /* fib, factorial with bignums, lists, try/catch, closures */
    "{module, prog}.  %% version = 0\n"
    "{exports, [{fib,1},{fact,1},{rev,1},{safe_div,2},{adder,1},{main,0}]}.\n"
    "{attributes, []}.\n"
    "{labels, 30}.\n"
    "{function, fib, 1, 2}.\n"
    "  {label,1}.\n"
    "    {line,[{location,\"prog.erl\",4}]}.\n"
    "    {func_info,{atom,prog},{atom,fib},1}.\n"
    "  {label,2}.\n"
    "    {select_val,{x,0},{f,4},{list,[{integer,0},{f,3},{integer,1},{f,3}]}}.\n"
    "  {label,3}.\n"
    "    return.\n"
    "  {label,4}.\n"
    "    {test,is_lt,{f,1},[{integer,1},{x,0}]}.\n"
    "    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,1}}.\n"
    "    {allocate,1,2}.\n"
    "    {move,{x,0},{y,0}}.\n"
    "    {move,{x,1},{x,0}}.\n"
    "    {call,1,{f,2}}. % fib/1\n"
    "    {'%',{var_info,{x,0},[{type,{t_integer,any}}]}}.\n"
    "    {gc_bif,'-',{f,0},1,[{tr,{y,0},number},{integer,2}],{x,1}}.\n"
    "    {move,{x,0},{y,0}}.\n"
    "    {move,{x,1},{x,0}}.\n"
    "    {call,1,{f,2}}.\n"
    "    {gc_bif,'+',{f,0},1,[{y,0},{x,0}],{x,0}}.\n"
    "    {deallocate,1}.\n"
    "    return.\n"
    "{function, fact, 1, 6}.\n"
    "  {label,5}.\n"
    "    {line,[{location,\"prog.erl\",8}]}.\n"
    "    {func_info,{atom,prog},{atom,fact},1}.\n"
    "  {label,6}.\n"
    "    {test,is_eq_exact,{f,7},[{x,0},{integer,0}]}.\n"
    "    {move,{integer,1},{x,0}}.\n"
    "    return.\n"
    "  {label,7}.\n"
    "    {gc_bif,'-',{f,0},1,[{x,0},{integer,1}],{x,1}}.\n"
    "    {allocate,1,2}.\n"
    "    {move,{x,0},{y,0}}.\n"
    "    {move,{x,1},{x,0}}.\n"
    "    {call,1,{f,6}}.\n"
    "    {gc_bif,'*',{f,0},1,[{y,0},{x,0}],{x,0}}.\n"
    "    {deallocate,1}.\n"
    "    return.\n"
    "{function, rev, 1, 9}.\n"
    "  {label,8}.\n"
    "    {line,[]}.\n"
    "    {func_info,{atom,prog},{atom,rev},1}.\n"
    "  {label,9}.\n"
    "    {move,nil,{x,1}}.\n"
    "  {label,10}.\n"
    "    {test,is_nonempty_list,{f,11},[{x,0}]}.\n"
    "    {test_heap,2,2}.\n"
    "    {get_list,{x,0},{x,2},{x,0}}.\n"
    "    {put_list,{x,2},{x,1},{x,1}}.\n"
    "    {jump,{f,10}}.\n"
    "  {label,11}.\n"
    "    {test,is_nil,{f,8},[{x,0}]}.\n"
    "    {move,{x,1},{x,0}}.\n"
    "    return.\n"
    "{function, safe_div, 2, 13}.\n"
    "  {label,12}.\n"
    "    {func_info,{atom,prog},{atom,safe_div},2}.\n"
    "  {label,13}.\n"
    "    {allocate,1,2}.\n"
    "    {'try',{y,0},{f,14}}.\n"
    "    {gc_bif,'div',{f,0},2,[{x,0},{x,1}],{x,0}}.\n"
    "    {try_end,{y,0}}.\n"
    "    {test_heap,3,1}.\n"
    "    {put_tuple2,{x,0},{list,[{atom,ok},{x,0}]}}.\n"
    "    {deallocate,1}.\n"
    "    return.\n"
    "  {label,14}.\n"
    "    {try_case,{y,0}}.\n"
    "    {test,is_eq_exact,{f,15},[{x,0},{atom,error}]}.\n"
    "    {move,{literal,{error,divzero}},{x,0}}.\n"
    "    {deallocate,1}.\n"
    "    return.\n"
    "  {label,15}.\n"
    "    {bif,raise,{f,0},[{x,2},{x,1}],{x,0}}.\n"
    "{function, adder, 1, 17}.\n"
    "  {label,16}.\n"
    "    {func_info,{atom,prog},{atom,adder},1}.\n"
    "  {label,17}.\n"
    "    {test_heap,{alloc,[{words,1},{floats,0},{funs,1}]},1}.\n"
    "    {make_fun3,{f,21},0,12345,{x,0},{list,[{x,0}]}}.\n"
    "    return.\n"
    "{function, main, 0, 19}.\n"
    "  {label,18}.\n"
    "    {func_info,{atom,prog},{atom,main},0}.\n"
    "  {label,19}.\n"
    "    {allocate,0,0}.\n"
    "    {move,{integer,5},{x,0}}.\n"
    "    {call,1,{f,17}}.\n"
    "    {move,{x,0},{x,1}}.\n"
    "    {move,{integer,37},{x,0}}.\n"
    "    {call_fun,1}.\n"
    "    {move,{literal,\"~p~n\"},{x,0}}.\n"
    "    {bif,self,{f,0},[],{x,1}}.\n"
    "    {call_ext_last,1,{extfunc,io,format,1},0}.\n"
    "{function, '-adder/1-fun-0-', 2, 21}.\n"
    "  {label,20}.\n"
    "    {func_info,{atom,prog},{atom,'-adder/1-fun-0-'},2}.\n"
    "  {label,21}.\n"
    "    {gc_bif,'+',{f,0},2,[{x,0},{x,1}],{x,0}}.\n"
    "    return.\n",
    /* literals of every kind, floats, big integers, odd atoms */
    "{exports, [{'f g',0}]}.\n"
    "{function, 'f g', 0, 2}.\n"
    "  {label,1}.\n"
    "    {func_info,{atom,'m\\n'},{atom,'f g'},0}.\n"
    "  {label,2}.\n"
    "    {move,{literal,{\"a\\\"b\\\\c\",'q a','it\\'s',fun lists:reverse/1,-123,"
    "1180591620717411303424,-1180591620717411303424,<<1,2,3>>,<<\"bin\">>,[1,2|x],[],{},3.5,-0.0,"
    "[256,1],\"\\x{100}\",'\\x{E9}',#{}}},{x,0}}.\n"
    "    {move,{float,1.0e-300},{x,1}}.\n"
    "    {move,{float,-0.0},{x,1}}.\n"
    "    {move,{integer,-9223372036854775808},{x,1}}.\n"
    "    {move,{integer,-9223372036854775809},{x,1}}.\n"
    "    {move,{literal,-9223372036854775809},{x,1}}.\n"
    "    {move,{literal,5},{x,1}}.\n"
    "    {move,{atom,''},{x,1}}.\n"
    "    {move,{atom,'catch'},{x,1}}.\n"
    "    {move,{atom,'\\x{0}'},{x,1}}.\n"
    "    {select_val,{x,0},{f,2},{list,[{float,1.5},{f,2},{literal,[a]},{f,2},nil,{f,2},"
    "{integer,99999999999999999999},{f,2}]}}.\n"
    "    {is_lt,{f,0},{x,0},{x,1}}.\n"
    "    {bif1,{f,0},{extfunc,lists,foo,1},{x,0},{x,1}}.\n"
    "    {bif2,{f,2},{extfunc,erlang,raise,2},{x,0},{x,1},{x,2}}.\n"
    "    {bif0,{extfunc,erlang,self,1},{x,0}}.\n"
    "    {gc_bif3,{f,0},3,{extfunc,erlang,setelement,3},{x,0},{x,1},{x,2},{x,0}}.\n"
    "    {line,[{location,\"\",0}]}.\n"
    "    {line,[{location,\"\\x{E9}t\\x{E9}.erl\",4294967295}]}.\n"
    "    {test_heap,18446744073709551615,0}.\n"
    "    return.\n"
    "{module, 'm\\n'}.\n",
    /* a module without functions */
    "{module, empty}.\n{exports, []}.\n",
};

/* Assembles src, disassembles it, assembles the text again: the bytes
 * must be the same, and so must a second disassembly. */
static void check_round_trip(const char *src)
{
    BcBuf b1 = assemble_ok(src);
    char err[200];
    char *text = disassemble(b1.data, b1.len, err, sizeof err);
    ck_assert_msg(text != NULL, "dis failed: %s", err);
    BcBuf b2 = { 0 };
    char *errs;
    ck_assert_msg(assemble(text, &b2, &errs), "the disassembly does not assemble:\n%s\n%s", errs, text);
    ck_assert_msg(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0, "round trip differs:\n%s", text);
    char *text2 = disassemble(b2.data, b2.len, err, sizeof err);
    ck_assert_str_eq(text, text2);
    free(errs);
    free(text);
    free(text2);
    bc_buf_free(&b1);
    bc_buf_free(&b2);
}

START_TEST(t_round_trip)
{
    for (size_t i = 0; i < sizeof programs / sizeof *programs - 1; i++)
        if (i != 1) /* #{} in program 1 is an error: checked below */
            check_round_trip(programs[i]);
    check_round_trip(programs[sizeof programs / sizeof *programs - 1]);
    BcBuf out = { 0 };
    ck_assert(!assemble(programs[1], &out, NULL));
    bc_buf_free(&out);
    /* without the map it assembles and round-trips */
    char *fixed = strdup(programs[1]);
    char *map = strstr(fixed, ",#{}");
    memmove(map, map + 4, strlen(map + 4) + 1);
    check_round_trip(fixed);
    free(fixed);
}
END_TEST

/* An operand text for kind letter k, varied by n. */
static const char *operand_text(char k, int n)
{
    static const char *const src[] = { "{x,1}", "{y,0}", "{integer,-3}", "{atom,foo}", "nil", "{literal,[a]}",
                                       "{float,2.5}", "{integer,1180591620717411303424}" };
    switch (k) {
    case 's': return src[n % 8];
    case 'd': return n % 2 ? "{y,2}" : "{x,2}";
    case 'x': return "{x,3}";
    case 'y': return "{y,1}";
    case 'u': return "2";
    case 'f': return n % 2 ? "{f,0}" : "{f,2}";
    case 'j': return "{f,2}";
    case 'a': return "{atom,a}";
    case 'e':
    case 'b': return "{extfunc,erlang,hd,1}";
    case 'S': return "{list,[{integer,1},{f,2},{atom,x},{f,2}]}";
    case 'A': return "{list,[2,{f,2}]}";
    case 'V': return "{list,[{x,0},{integer,1}]}";
    case 'Y': return "{list,[{y,0},{y,2}]}";
    case 't': return "{atom,safe}";
    default: return "?";
    }
}

/* Every instruction of opcodes.def, in its generic form, with varied
 * operands: each assembles, and the module round-trips. */
START_TEST(t_every_opcode)
{
    BcBuf src = { 0 };
    const char *hdr = HDR;
    bc_put_bytes(&src, hdr, strlen(hdr));
    int count = 0;
    for (unsigned num = 0; num <= BC_MAX_OPCODE; num++) {
        const BcOpInfo *op = bc_op_info(num);
        if (!op || num == 1 || num == 2 || num == 153 || strchr(op->operands, 'F'))
            continue;
        for (int variant = 0; variant < 3; variant++) {
            BcBuf line = { 0 };
            bc_put_bytes(&line, "    {'", 6);
            bc_put_bytes(&line, op->name, strlen(op->name));
            bc_put_byte(&line, '\'');
            for (size_t k = 0; op->operands[k]; k++) {
                const char *o = operand_text(op->operands[k], (int)k + variant * 3);
                bc_put_byte(&line, ',');
                bc_put_bytes(&line, o, strlen(o));
            }
            bc_put_bytes(&line, "}.\n", 3);
            bc_put_bytes(&src, line.data, line.len);
            bc_buf_free(&line);
        }
        count++;
    }
    const char *tail = "    {line,[{location,\"x.erl\",1}]}.\n    {make_fun3,{f,2},1,2,{x,0},{list,[]}}.\n";
    bc_put_bytes(&src, tail, strlen(tail));
    bc_put_byte(&src, 0);
    ck_assert_int_ge(count, 80);
    check_round_trip((const char *)src.data);
    bc_buf_free(&src);
}
END_TEST

START_TEST(t_dis_text)
{
    BcBuf b = assemble_ok("{module, m}.\n"
                          "{exports, [{f,0},{g,1}]}.\n"
                          "{function, f, 0, 2}.\n"
                          "  {label,1}.\n"
                          "    {line,[{location,\"m.erl\",3}]}.\n"
                          "    {func_info,{atom,m},{atom,f},0}.\n"
                          "  {label,2}.\n"
                          "    {move,{literal,{1,\"ab\"}},{x,0}}.\n"
                          "    {call_only,1,{f,4}}.\n"
                          "{function, g, 1, 4}.\n"
                          "  {label,3}.\n"
                          "    {func_info,{atom,m},{atom,g},1}.\n"
                          "  {label,4}.\n"
                          "    {test,is_tagged_tuple,{f,3},[{x,0},2,{atom,'EXIT'}]}.\n"
                          "    {bif,element,{f,3},[{integer,1},{x,0}],{x,0}}.\n"
                          "    {'catch',{y,0},{f,3}}.\n"
                          "    return.\n");
    char err[100];
    char *text = disassemble(b.data, b.len, err, sizeof err);
    ck_assert_str_eq(text, "{module, m}.\n"
                           "\n"
                           "{exports, [{f,0},\n"
                           "           {g,1}]}.\n"
                           "\n"
                           "{attributes, []}.\n"
                           "\n"
                           "{labels, 5}.\n"
                           "\n"
                           "\n"
                           "{function, f, 0, 2}.\n"
                           "  {label,1}.\n"
                           "    {line,[{location,\"m.erl\",3}]}.\n"
                           "    {func_info,{atom,m},{atom,f},0}.\n"
                           "  {label,2}.\n"
                           "    {move,{literal,{1,\"ab\"}},{x,0}}.\n"
                           "    {call_only,1,{f,4}}.\n"
                           "\n"
                           "\n"
                           "{function, g, 1, 4}.\n"
                           "  {label,3}.\n"
                           "    {func_info,{atom,m},{atom,g},1}.\n"
                           "  {label,4}.\n"
                           "    {test,is_tagged_tuple,{f,3},[{x,0},2,{atom,'EXIT'}]}.\n"
                           "    {bif,element,{f,3},[{integer,1},{x,0}],{x,0}}.\n"
                           "    {'catch',{y,0},{f,3}}.\n"
                           "    return.\n");
    free(text);
    bc_buf_free(&b);
}
END_TEST

/* ---- malformed .bc files */

static void check_refused(const uint8_t *bc, size_t len, const char *want)
{
    char err[200];
    char *text = disassemble(bc, len, err, sizeof err);
    ck_assert_msg(text == NULL, "accepted:\n%s", text);
    if (want)
        ck_assert_str_eq(err, want);
}

/* Writes a file from raw section bodies (NULL: absent). */
static BcBuf make_bc(const char *atom, size_t na, const char *code, size_t nc, const char *expt, size_t ne)
{
    BcBuf a = { 0 }, c = { 0 }, e = { 0 }, out = { 0 };
    bc_put_bytes(&a, atom, na);
    bc_put_bytes(&c, code, nc);
    if (expt)
        bc_put_bytes(&e, expt, ne);
    bc_write_file(&out, &a, NULL, NULL, &e, NULL, NULL, &c);
    bc_buf_free(&a);
    bc_buf_free(&c);
    bc_buf_free(&e);
    return out;
}

START_TEST(t_dis_refuses)
{
    check_refused((const uint8_t *)"XXXX", 4, "not a beamlet bytecode file (bad magic)");
    /* atom 0, function f/0: label 1, func_info, label 2, return */
    static const char atoms[] = "\x02\x01m\x01" "f";
    static const char code[] = "\x03\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x13";
    BcBuf ok = make_bc(atoms, 5, code, 16, NULL, 0);
    char err[200];
    char *text = disassemble(ok.data, ok.len, err, sizeof err);
    ck_assert_msg(text != NULL, "%s", err);
    free(text);
    bc_buf_free(&ok);
    struct {
        const char *code;
        size_t n;
        const char *why;
    } bad[] = {
        { "\x03\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x13\xFE\x01", 18,
          "unknown opcode 254 at code offset 16" },
        { "\x03\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x13\xFE", 17,
          "truncated instruction at code offset 16" },
        { "\x03\x01\x01\x07\x01\x02\x03\x00\x03\x05\x07\x00\x01\x07\x02\x13", 16,
          "bad operand (tag 3) for kind 'a' in the instruction at code offset 5" },
        { "\x03\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x40\x00\x80\x08\x00\x00", 21,
          "bad operand (tag 0) for kind 's' in the instruction at code offset 15" },
        { "\x04\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x13", 16,
          "label count 4 does not match the highest label 2" },
        { "\x03\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x3D\x06\x02", 18, NULL },
        { "\x03\x02\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x13", 16,
          "the CODE section counts 2 functions but has 1" },
        { "\x03\x01\x13\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02", 16,
          "instructions before the first function" },
        { "\x02\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x13", 13,
          "the func_info at instruction 1 is not followed by a label" },
        { "\x03\x01\x01\x07\x01\x02\x03\x00\x03\x01\x07\x00\x01\x07\x02\x3D\x06\x05", 18,
          "bad operand (tag 6) for kind 'j' in the instruction at code offset 15" },
        { "\x03\x01\x01\x07\x01\x02\x03\x01\x03\x01\x07\x00\x01\x07\x02\x13", 16,
          "the func_info at instruction 1 does not name a function of this module" },
        { "\x03", 1, "truncated CODE section" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        BcBuf b = make_bc(atoms, 5, bad[i].code, bad[i].n, NULL, 0);
        text = disassemble(b.data, b.len, err, sizeof err);
        if (bad[i].why) {
            ck_assert_msg(text == NULL, "case %zu accepted", i);
            ck_assert_msg(strcmp(err, bad[i].why) == 0, "case %zu: %s", i, err);
        } else {
            ck_assert_msg(text != NULL, "case %zu refused: %s", i, err);
        }
        free(text);
        bc_buf_free(&b);
    }
    /* an export that names no function, atoms that are not UTF-8 */
    BcBuf b = make_bc(atoms, 5, code, 16, "\x01\x01\x00\x03", 4);
    check_refused(b.data, b.len, "export 0 does not match the function at its label 3");
    bc_buf_free(&b);
    b = make_bc("\x02\x01m\x01\xFF", 5, code, 16, NULL, 0); /* \xFF: not UTF-8 */
    check_refused(b.data, b.len, "ATOM entry 1 is not valid UTF-8");
    bc_buf_free(&b);
    b = make_bc("\x09\x01m", 3, code, 16, NULL, 0);
    check_refused(b.data, b.len, "ATOM section: count 9 is larger than the section");
    bc_buf_free(&b);
}
END_TEST

/* A simple deterministic generator for the fuzz-like tests. */
static uint32_t rng_next(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*s >> 33);
}

/* Whatever dis accepts must assemble, and assemble to something that
 * prints the same text: the printed form never loses information. */
static void check_dis_property(const uint8_t *bc, size_t len)
{
    char err[200];
    char *text = disassemble(bc, len, err, sizeof err);
    if (!text)
        return;
    BcBuf b = { 0 };
    char *errs;
    ck_assert_msg(assemble(text, &b, &errs), "dis output does not assemble:\n%s\n%s", errs, text);
    char *text2 = disassemble(b.data, b.len, err, sizeof err);
    ck_assert_msg(text2 != NULL, "%s", err);
    ck_assert_str_eq(text, text2);
    free(text);
    free(text2);
    free(errs);
    bc_buf_free(&b);
}

START_TEST(t_dis_truncated)
{
    for (size_t p = 0; p < sizeof programs / sizeof *programs; p++) {
        if (p == 1)
            continue;
        BcBuf b = assemble_ok(programs[p]);
        for (size_t n = 0; n < b.len; n++) {
            char err[200];
            uint8_t *copy = malloc(n ? n : 1); /* exact size, so ASan sees overreads */
            memcpy(copy, b.data, n);
            char *text = disassemble(copy, n, err, sizeof err);
            ck_assert_msg(text == NULL, "truncated to %zu bytes and accepted", n);
            free(copy);
        }
        bc_buf_free(&b);
    }
}
END_TEST

START_TEST(t_dis_mutated)
{
    uint64_t seed = 12345;
    int accepted = 0;
    for (size_t p = 0; p < sizeof programs / sizeof *programs; p++) {
        if (p == 1)
            continue;
        BcBuf b = assemble_ok(programs[p]);
        uint8_t *copy = malloc(b.len);
        /* every byte with a few values, then random multi-byte damage */
        static const int deltas[] = { 1, -1, 0x80, 0x40 };
        for (size_t i = 0; i < b.len; i++) {
            for (size_t k = 0; k < 6; k++) {
                memcpy(copy, b.data, b.len);
                copy[i] = k < 4 ? (uint8_t)(copy[i] + deltas[k]) : k == 4 ? 0 : 0xFF;
                check_dis_property(copy, b.len);
            }
        }
        for (int round = 0; round < 3000; round++) {
            memcpy(copy, b.data, b.len);
            int hits = 1 + (int)(rng_next(&seed) % 4);
            for (int h = 0; h < hits; h++)
                copy[rng_next(&seed) % b.len] = (uint8_t)rng_next(&seed);
            char err[200];
            char *text = disassemble(copy, b.len, err, sizeof err);
            if (text) {
                accepted++;
                free(text);
                check_dis_property(copy, b.len);
            }
        }
        free(copy);
        bc_buf_free(&b);
    }
    ck_assert_int_gt(accepted, 0); /* some damage is harmless: those paths ran too */
}
END_TEST

START_TEST(t_dis_random)
{
    /* random bytes behind a valid header */
    uint64_t seed = 99;
    for (int round = 0; round < 20000; round++) {
        size_t n = 16 + rng_next(&seed) % 200;
        uint8_t *buf = malloc(n);
        for (size_t i = 0; i < n; i++)
            buf[i] = (uint8_t)rng_next(&seed);
        memcpy(buf, "BLBC\x01\x00\x00\x00", 8);
        buf[8] = (uint8_t)(rng_next(&seed) % 8);
        buf[9] = buf[10] = buf[11] = 0;
        check_dis_property(buf, n);
        free(buf);
    }
}
END_TEST

static Suite *asm_suite(void)
{
    Suite *s = suite_create("asm");
    TCase *tc = tcase_create("bytes");
    tcase_add_test(tc, t_bytes_simple);
    tcase_add_test(tc, t_bytes_imports);
    tcase_add_test(tc, t_bytes_lambda);
    tcase_add_test(tc, t_bytes_lines);
    tcase_add_test(tc, t_bytes_operands);
    tcase_add_test(tc, t_literals_erl);
    tcase_add_test(tc, t_literals_large);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, t_err_instruction);
    tcase_add_test(tc, t_err_operands);
    tcase_add_test(tc, t_err_registers);
    tcase_add_test(tc, t_err_labels);
    tcase_add_test(tc, t_err_structure);
    tcase_add_test(tc, t_err_syntax);
    tcase_add_test(tc, t_err_unterminated);
    tcase_add_test(tc, t_err_many);
    tcase_add_test(tc, t_err_columns);
    tcase_add_test(tc, t_warning_export_twice);
    tcase_add_test(tc, t_diag);
    suite_add_tcase(s, tc);
    tc = tcase_create("reader");
    tcase_add_test(tc, t_reader);
    tcase_add_test(tc, t_reader_errors_recover);
    tcase_add_test(tc, t_reader_depth);
    tcase_add_test(tc, t_floats);
    tcase_add_test(tc, t_etf_decode);
    suite_add_tcase(s, tc);
    tc = tcase_create("dis");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, t_round_trip);
    tcase_add_test(tc, t_every_opcode);
    tcase_add_test(tc, t_dis_text);
    tcase_add_test(tc, t_dis_refuses);
    tcase_add_test(tc, t_dis_truncated);
    tcase_add_test(tc, t_dis_mutated);
    tcase_add_test(tc, t_dis_random);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(asm_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
