/* test_loader_tables.c - the loader's tables (vm/loader.c): atoms,
 * literals, imports, exports, lambdas and lines, each damaged in every way
 * the loader checks, and good ones that load. */
#include "loader_harness.h"

/* A module whose ATOM section body is replaced by `atoms`. */
static Module *load_with_atom_section(const BcBuf *atoms)
{
    Img m = { 0 };
    img_ok(&m);
    bc_buf_free(&m.atom);
    bc_put_bytes(&m.atom, atoms->data, atoms->len);
    Module *mod = load_img(&m);
    img_free(&m);
    return mod;
}

START_TEST(table_atoms)
{
    BcBuf a = { 0 };
    /* A count that would need gigabytes. */
    bc_put_varint(&a, UINT64_C(1) << 60);
    put_name(&a, "t");
    refused(load_with_atom_section(&a), "atom table count 1152921504606846976 is larger than its section");
    bc_buf_free(&a);

    bc_put_varint(&a, 0);
    refused(load_with_atom_section(&a), "atom table is empty");
    bc_buf_free(&a);

    bc_put_varint(&a, 3);
    put_name(&a, "t");
    put_name(&a, "main");
    bc_put_varint(&a, 200); /* "ok" claims 200 bytes */
    bc_put_bytes(&a, "ok", 2);
    refused(load_with_atom_section(&a), "atom 2 runs past the end of the atom table");
    bc_buf_free(&a);

    bc_put_varint(&a, 3);
    put_name(&a, "t");
    put_name(&a, "main");
    put_name(&a, "ok");
    bc_put_byte(&a, 0);
    refused(load_with_atom_section(&a), "stray bytes at the end of the atom table");
    bc_buf_free(&a);

    /* Too many bytes, and too many characters. */
    char big[ATOM_MAX_LEN + 2];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = 0;
    bc_put_varint(&a, 3);
    put_name(&a, "t");
    put_name(&a, "main");
    put_name(&a, big);
    refused(load_with_atom_section(&a), "atom 2 is 1021 bytes long");
    bc_buf_free(&a);

    big[ATOM_MAX_CHARS + 1] = 0;
    bc_put_varint(&a, 3);
    put_name(&a, "t");
    put_name(&a, "main");
    put_name(&a, big);
    refused(load_with_atom_section(&a), "atom 2 has more than 255 characters");
    bc_buf_free(&a);
}
END_TEST

/* A module with one literal entry of the given ETF bytes, main/0 returning it. */
static Module *load_literal(const uint8_t *etf, size_t n)
{
    Img m = { 0 };
    img_std(&m, 3);
    bc_put_varint(&m.litt, 1);
    bc_put_varint(&m.litt, n);
    bc_put_bytes(&m.litt, etf, n);
    ins(&m.code, 64, "lx", 0, 0);
    ins(&m.code, 19, "");
    Module *mod = load_img(&m);
    img_free(&m);
    return mod;
}

START_TEST(table_literals)
{
    static const uint8_t tuple_ok[] = { 131, 104, 2, 119, 2, 'o', 'k', 97, 1 };
    Module *m = load_literal(tuple_ok, sizeof tuple_ok);
    ck_assert_msg(m != NULL, "%s", err);
    Run r = run_main(m, 10);
    ck_assert(is_tuple(r.result) && tuple_arity(r.result) == 2);
    ck_assert_uint_eq(tuple_elem(r.result, 1), ATOM_ok);
    ck_assert_uint_eq(tuple_elem(r.result, 2), make_small(1));
    run_free(&r);
}
END_TEST

START_TEST(table_bad_literals)
{
    static const uint8_t noversion[] = { 104, 0 };
    refused(load_literal(noversion, sizeof noversion), "literal 0: literal lacks the external term format version byte");
    static const uint8_t stray[] = { 131, 106, 106 };
    refused(load_literal(stray, sizeof stray), "literal 0: stray bytes after literal");
    static const uint8_t badtag[] = { 131, 88, 0 };
    refused(load_literal(badtag, sizeof badtag), "unsupported term tag 88");
    static const uint8_t truncated[] = { 131, 104, 3, 97, 1 };
    refused(load_literal(truncated, sizeof truncated), "literal truncated");
    static const uint8_t nan[] = { 131, 70, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0 };
    refused(load_literal(nan, sizeof nan), "float literal is not finite");
    /* Lengths that would make us allocate gigabytes. */
    static const uint8_t huge_tuple[] = { 131, 105, 0xff, 0xff, 0xff, 0xff, 106 };
    refused(load_literal(huge_tuple, sizeof huge_tuple), "tuple literal longer than its data");
    static const uint8_t huge_list[] = { 131, 108, 0xff, 0xff, 0xff, 0xff, 106 };
    refused(load_literal(huge_list, sizeof huge_list), "list literal longer than its data");
    static const uint8_t huge_bin[] = { 131, 109, 0xff, 0xff, 0xff, 0xff, 1 };
    refused(load_literal(huge_bin, sizeof huge_bin), "literal truncated");
    static const uint8_t huge_big[] = { 131, 111, 0xff, 0xff, 0xff, 0xff, 0, 1 };
    refused(load_literal(huge_big, sizeof huge_big), "literal truncated");
    static const uint8_t huge_string[] = { 131, 107, 0xff, 0xff, 'a' };
    refused(load_literal(huge_string, sizeof huge_string), "literal truncated");
    static const uint8_t bad_export[] = { 131, 113, 97, 1, 97, 2, 97, 3 };
    refused(load_literal(bad_export, sizeof bad_export), "malformed fun literal");
}
END_TEST

START_TEST(table_deep_literal)
{
    /* 100000 nested 1-tuples around []: decoded without recursion (no C
     * stack to exhaust), every level there. */
    size_t n = 100000;
    uint8_t *etf = malloc(2 * n + 2);
    etf[0] = 131;
    for (size_t i = 0; i < n; i++)
        etf[1 + 2 * i] = 104, etf[2 + 2 * i] = 1;
    etf[1 + 2 * n] = 106;
    Module *m = load_literal(etf, 2 * n + 2);
    free(etf);
    ck_assert_msg(m != NULL, "%s", err);
    Run r = run_main(m, 10);
    Term t = r.result;
    size_t depth = 0;
    while (is_tuple(t) && tuple_arity(t) == 1) {
        t = tuple_elem(t, 1);
        depth++;
    }
    ck_assert_uint_eq(depth, n);
    ck_assert(is_nil(t));
    run_free(&r);
}
END_TEST

START_TEST(table_literal_section)
{
    Img m = { 0 };
    img_ok(&m);
    bc_put_varint(&m.litt, UINT64_C(1) << 40);
    bc_put_byte(&m.litt, 0);
    refused(load_img(&m), "literal table count 1099511627776 is larger than its section");
    bc_buf_free(&m.litt);
    bc_put_varint(&m.litt, 1);
    bc_put_varint(&m.litt, 9);
    bc_put_bytes(&m.litt, "\x83\x6a", 2);
    refused(load_img(&m), "literal 0 runs past the end of the literal table");
    bc_buf_free(&m.litt);
    bc_put_varint(&m.litt, 1);
    bc_put_varint(&m.litt, 2);
    bc_put_bytes(&m.litt, "\x83\x6a\x00", 3);
    refused(load_img(&m), "stray bytes at the end of the literal table");
    img_free(&m);
}
END_TEST

START_TEST(table_imports)
{
    Img m = { 0 };
    img_ok(&m);
    bc_put_varint(&m.impt, 1);
    bc_put_varint(&m.impt, 0), bc_put_varint(&m.impt, 9), bc_put_varint(&m.impt, 0);
    refused(load_img(&m), "import refers to atom 9, but there are only 3");
    bc_buf_free(&m.impt);
    bc_put_varint(&m.impt, 1);
    bc_put_varint(&m.impt, 0), bc_put_varint(&m.impt, 1), bc_put_varint(&m.impt, 256);
    refused(load_img(&m), "import 0 has arity 256 (at most 255)");
    bc_buf_free(&m.impt);
    /* Plausible count, but the last varint never ends. */
    bc_put_varint(&m.impt, 1);
    bc_put_varint(&m.impt, 0), bc_put_varint(&m.impt, 1), bc_put_byte(&m.impt, 0x80);
    refused(load_img(&m), "import table truncated");
    bc_buf_free(&m.impt);
    bc_put_varint(&m.impt, 1000000);
    bc_put_varint(&m.impt, 0), bc_put_varint(&m.impt, 1), bc_put_varint(&m.impt, 0);
    refused(load_img(&m), "import table count 1000000 is larger than its section");
    bc_buf_free(&m.impt);
    bc_put_varint(&m.impt, 1);
    bc_put_varint(&m.impt, 0), bc_put_varint(&m.impt, 1), bc_put_varint(&m.impt, 0), bc_put_byte(&m.impt, 0);
    refused(load_img(&m), "stray bytes at the end of the import table");
    img_free(&m);
}
END_TEST

START_TEST(table_exports)
{
    Img m = { 0 };
    img_ok(&m);
    bc_buf_free(&m.expt);
    bc_put_varint(&m.expt, 1);
    bc_put_varint(&m.expt, 7), bc_put_varint(&m.expt, 0), bc_put_varint(&m.expt, 2);
    refused(load_img(&m), "export refers to atom 7, but there are only 3");
    bc_buf_free(&m.expt);
    bc_put_varint(&m.expt, 1);
    bc_put_varint(&m.expt, 1), bc_put_varint(&m.expt, 0), bc_put_varint(&m.expt, 1);
    refused(load_img(&m), "export main/0: label 1 is not the entry of that function");
    bc_buf_free(&m.expt);
    bc_put_varint(&m.expt, 1);
    bc_put_varint(&m.expt, 1), bc_put_varint(&m.expt, 3), bc_put_varint(&m.expt, 2);
    refused(load_img(&m), "export main/3: label 2 is not the entry of that function");
    bc_buf_free(&m.expt);
    bc_put_varint(&m.expt, 1);
    bc_put_varint(&m.expt, 2), bc_put_varint(&m.expt, 0), bc_put_varint(&m.expt, 2);
    refused(load_img(&m), "export ok/0: label 2 is not the entry of that function");
    bc_buf_free(&m.expt);
    bc_put_varint(&m.expt, 1);
    bc_put_varint(&m.expt, 1), bc_put_varint(&m.expt, 0), bc_put_varint(&m.expt, UINT64_C(1) << 40);
    refused(load_img(&m), "is not the entry of that function");
    bc_buf_free(&m.expt);
    bc_put_varint(&m.expt, 1);
    bc_put_varint(&m.expt, 1), bc_put_varint(&m.expt, 0), bc_put_byte(&m.expt, 0x80);
    refused(load_img(&m), "export table truncated");
    img_free(&m);
}
END_TEST
START_TEST(table_lambdas)
{
    BcBuf f = { 0 };
    bc_put_varint(&f, 1);
    put_lambda(&f, 2, 0, 4, 1, 0, 0);
    Module *m = load_with_lambdas(&f);
    ck_assert_msg(m != NULL, "%s", err);
    ck_assert_uint_eq(m->nlambdas, 1);
    bc_buf_free(&f);

    /* The module is loaded now; later loads must differ only in the error. */
    bc_put_varint(&f, 1);
    put_lambda(&f, 2, 1, 4, 1, 0, 0);
    refused(load_with_lambdas(&f), "lambda 0: label 4 is not the entry of a function of arity 2");
    bc_buf_free(&f);
    bc_put_varint(&f, 1);
    put_lambda(&f, 2, 0, 3, 1, 0, 0);
    refused(load_with_lambdas(&f), "lambda 0: label 3 is not the entry of a function of arity 1");
    bc_buf_free(&f);
    bc_put_varint(&f, 1);
    put_lambda(&f, 9, 0, 4, 1, 0, 0);
    refused(load_with_lambdas(&f), "lambda refers to atom 9, but there are only 3");
    bc_buf_free(&f);
    bc_put_varint(&f, 1);
    put_lambda(&f, 2, 200, 4, 100, 0, 0);
    refused(load_with_lambdas(&f), "lambda 0 has arity 200 and 100 free variables");
    bc_buf_free(&f);
    bc_put_varint(&f, 1);
    put_lambda(&f, 2, 0, 4, 1, 0, 0);
    f.data[f.len - 1] = 0x80; /* the last varint never ends */
    refused(load_with_lambdas(&f), "lambda table truncated");
    bc_buf_free(&f);
    bc_put_varint(&f, 100);
    put_lambda(&f, 2, 0, 4, 1, 0, 0);
    refused(load_with_lambdas(&f), "lambda table count 100 is larger than its section");
    bc_buf_free(&f);
}
END_TEST

/* A LINE section with one file, t.erl, and n entries: pairs of file index
 * and line number. */
static void put_lines(BcBuf *b, unsigned n, const unsigned *entries)
{
    bc_put_varint(b, 1);
    put_name(b, "t.erl");
    bc_put_varint(b, n);
    for (unsigned i = 0; i < 2 * n; i++)
        bc_put_varint(b, entries[i]);
}

START_TEST(table_lines)
{
    Img m = { 0 };
    img_std(&m, 3);
    /* line 2 refers to the second entry; there is one. */
    ins(&m.code, 153, "u", 2);
    body_ok(&m.code);
    put_lines(&m.line, 1, (const unsigned[]){ 0, 5 });
    refused(load_img(&m), "(line): line entry out of range");
    bc_buf_free(&m.line);

    put_lines(&m.line, 2, (const unsigned[]){ 0, 5, 1, 6 }); /* file 1 of 1 */
    refused(load_img(&m), "bad line table entry 2");
    bc_buf_free(&m.line);

    bc_put_varint(&m.line, 1000);
    put_name(&m.line, "t.erl");
    refused(load_img(&m), "line file table count 1000 is larger than its section");
    bc_buf_free(&m.line);

    bc_put_varint(&m.line, 2);
    put_name(&m.line, "t.erl");
    bc_put_varint(&m.line, 50);
    bc_put_bytes(&m.line, "t.erl", 5);
    refused(load_img(&m), "bad file name 1 in the line table");
    bc_buf_free(&m.line);

    put_lines(&m.line, 2, (const unsigned[]){ 0, 5, 0, 6 });
    bc_put_byte(&m.line, 0);
    refused(load_img(&m), "stray bytes at the end of the line table");
    img_free(&m);
}
END_TEST

START_TEST(table_line_good)
{
    Img m = { 0 };
    img_std(&m, 3);
    ins(&m.code, 153, "u", 2);
    ins(&m.code, 153, "u", 0);
    body_ok(&m.code);
    put_lines(&m.line, 2, (const unsigned[]){ 0, 5, 0, 6 });
    Module *mod = load_img(&m);
    ck_assert_msg(mod != NULL, "%s", err);
    ck_assert_uint_eq(mod->nfiles, 1);
    img_free(&m);
}
END_TEST

/* ---- the suite */

static Suite *tables_suite(void)
{
    Suite *s = suite_create("loader_tables");
    TCase *tc = unit_case(s, "tables", NULL, NULL, 0);
    tcase_add_test(tc, table_atoms);
    tcase_add_test(tc, table_literals);
    tcase_add_test(tc, table_bad_literals);
    tcase_add_test(tc, table_deep_literal);
    tcase_add_test(tc, table_literal_section);
    tcase_add_test(tc, table_imports);
    tcase_add_test(tc, table_exports);
    tcase_add_test(tc, table_lambdas);
    tcase_add_test(tc, table_lines);
    tcase_add_test(tc, table_line_good);
    return s;
}

int main(void)
{
    return loader_main(tables_suite());
}
