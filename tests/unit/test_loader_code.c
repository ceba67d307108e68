/* test_loader_code.c - the loader decoding the CODE section (vm/loader.c):
 * operands of every kind out of range or malformed, the code header, and
 * the function structure (func_info, entry labels). */
#include "loader_harness.h"

static void c_unknown_op(BcBuf *c) { ins(c, 250, ""); }
static void c_truncated(BcBuf *c) { bc_put_varint(c, 64), bc_put_op(c, BC_X, 0); }
static void c_bad_kind(BcBuf *c) { ins(c, 64, "xa", 0, 1), ins(c, 19, ""); }
static void c_bad_tag(BcBuf *c) { ins(c, 64, "tx", 12, 0, 0), ins(c, 19, ""); }
static void c_x_range(BcBuf *c) { ins(c, 64, "ix", 1, 1024), ins(c, 19, ""); }
static void c_y_range(BcBuf *c) { ins(c, 64, "iy", 1, 65536), ins(c, 19, ""); }
static void c_atom_range(BcBuf *c) { ins(c, 64, "ax", 3, 0), ins(c, 19, ""); }
static void c_lit_range(BcBuf *c) { ins(c, 64, "lx", 0, 0), ins(c, 19, ""); }
static void c_import_range(BcBuf *c) { ins(c, 78, "ue", 0, 0); }
static void c_lambda_range(BcBuf *c) { ins(c, 16, "uu", 10, 0), ins(c, 171, "FxL", 0, 0, 0), ins(c, 19, ""); }
static void c_label_range(BcBuf *c) { ins(c, 61, "f", 3); }
static void c_nan(BcBuf *c) { ins(c, 64, "dx", (double)NAN, 0), ins(c, 19, ""); }
static void c_inf(BcBuf *c) { ins(c, 64, "dx", (double)INFINITY, 0), ins(c, 19, ""); }
static void c_odd_select(BcBuf *c) { ins(c, 59, "xfLi", 0, 2, 1, 1), ins(c, 19, ""); }
static void c_huge_list(BcBuf *c) { ins(c, 172, "L", 70000); }
static void c_list_item(BcBuf *c) { ins(c, 172, "Lx", 1, 0), ins(c, 19, ""); }
static void c_list_trunc(BcBuf *c) { ins(c, 172, "Ly", 3, 0); }

START_TEST(code_operands)
{
    refused(load_code(3, c_unknown_op), "unknown opcode 250");
    refused(load_code(3, c_truncated), "(move): truncated instruction");
    refused(load_code(3, c_bad_kind), "(move): operand 2 is a atom, which does not fit here");
    refused(load_code(3, c_bad_tag), "(move):");
    refused(load_code(3, c_x_range), "x register 1024 out of range (at most 1023)");
    refused(load_code(3, c_y_range), "y register 65536 out of range");
    refused(load_code(3, c_atom_range), "(move) refers to atom 3, but there are only 3");
    refused(load_code(3, c_lit_range), "literal 0 out of range (0 literals)");
    refused(load_code(3, c_import_range), "import 0 out of range (0 imports)");
    refused(load_code(3, c_lambda_range), "lambda 0 out of range (0 lambdas)");
    refused(load_code(3, c_label_range), "label 3 out of range (3 labels)");
    refused(load_code(3, c_nan), "float operand is not finite");
    refused(load_code(3, c_inf), "float operand is not finite");
    refused(load_code(3, c_odd_select), "bad list length 1");
    refused(load_code(3, c_huge_list), "bad list length 70000");
    refused(load_code(3, c_list_item), "list item 0 is a x register, which does not fit here");
    refused(load_code(3, c_list_trunc), "truncated list operand");
}
END_TEST

START_TEST(code_header)
{
    Img m = { 0 };
    img_atoms(&m, std_atoms);
    bc_put_varint(&m.code, UINT64_C(1) << 40);
    bc_put_varint(&m.code, 1);
    ins(&m.code, 19, "");
    refused(load_img(&m), "code header: implausible label or function count");
    bc_buf_free(&m.code);
    bc_put_varint(&m.code, 3);
    bc_put_varint(&m.code, UINT64_C(1) << 40);
    refused(load_img(&m), "code header: implausible label or function count");
    bc_buf_free(&m.code);
    bc_put_varint(&m.code, 3);
    refused(load_img(&m), "code header");
    img_free(&m);
}
END_TEST

/* Atoms t, main and ok, no exports, and a CODE section of 3 labels and
 * one function holding what f writes. */
static Module *load_bare(void (*f)(BcBuf *))
{
    Img m = { 0 };
    img_atoms(&m, std_atoms);
    code_head(&m.code, 3, 1);
    f(&m.code);
    Module *mod = load_img(&m);
    img_free(&m);
    return mod;
}

static void s_no_function(BcBuf *c) { ins(c, 19, ""); }
static void s_other_module(BcBuf *c) { fn_head(c, 1, 2, 1, 0, 2), ins(c, 19, ""); }
static void s_arity_256(BcBuf *c) { fn_head(c, 1, 0, 1, 256, 2), ins(c, 19, ""); }
static void s_no_entry(BcBuf *c) { ins(c, 1, "u", 1), ins(c, 2, "aau", 0, 1, 0), ins(c, 19, ""); }
static void s_label_zero(BcBuf *c) { fn_head(c, 0, 0, 1, 0, 2), ins(c, 19, ""); }
static void s_outside(BcBuf *c) { ins(c, 19, ""); ins(c, 19, ""); ins(c, 1, "u", 2); }

START_TEST(code_structure)
{
    refused(load_bare(s_no_function), "instruction outside any function");
    refused(load_bare(s_other_module), "func_info names module 'ok', not 't'");
    refused(load_bare(s_arity_256), "function arity 256 too large");
    refused(load_bare(s_no_entry), "function main/0 has no entry label after func_info");
    refused(load_bare(s_label_zero), "label 0 out of range");
    refused(load_code(3, s_outside), "label 2 defined twice");
}
END_TEST

/* ---- the suite */

static Suite *code_suite(void)
{
    Suite *s = suite_create("loader_code");
    TCase *tc = unit_case(s, "code", NULL, NULL, 0);
    tcase_add_test(tc, code_operands);
    tcase_add_test(tc, code_header);
    tcase_add_test(tc, code_structure);
    return s;
}

int main(void)
{
    return loader_main(code_suite());
}
