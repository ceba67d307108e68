/* test_loader_verify.c - the verifier (vm/verify.c): y registers, heap
 * reservations, stack frames, calls, jumps, paths that meet, catches and
 * BIFs, on assembled text, and the rules the assembler will not let us
 * write, byte by byte. */
#include "loader_harness.h"

/* ---- the verifier, on assembled text */

START_TEST(verify_y_registers)
{
    refused(load_body("    {allocate,1,0}.\n    {move,{integer,1},{y,1}}.\n    {deallocate,1}.\n    return.\n"),
            "main/0, code offset");
    ck_assert_ptr_nonnull(strstr(err, "(move): y register outside the stack frame"));
    refused(load_body("    {move,{y,0},{x,0}}.\n    return.\n"), "y register used without a stack frame");
    refused(load_body("    {allocate,2,0}.\n    {deallocate,2}.\n    {move,{y,0},{x,0}}.\n    return.\n"),
            "y register used without a stack frame");
    refused(load_body("    {allocate,1,0}.\n    {init_yregs,{list,[{y,0},{y,3}]}}.\n    {deallocate,1}.\n"
                      "    return.\n"),
            "(init_yregs): y register outside the stack frame");
    refused(load_body("    {allocate,3,0}.\n    {trim,2,1}.\n    {move,{y,1},{x,0}}.\n    {deallocate,1}.\n"
                      "    return.\n"),
            "y register outside the stack frame");
}
END_TEST

START_TEST(verify_heap)
{
    refused(load_body("    {put_list,{integer,1},nil,{x,0}}.\n    return.\n"),
            "(put_list): builds on the heap without reserving the words (test_heap)");
    refused(load_body("    {test_heap,3,0}.\n    {put_list,{integer,1},nil,{x,0}}.\n"
                      "    {put_list,{integer,1},{x,0},{x,0}}.\n    return.\n"),
            "builds on the heap without reserving");
    refused(load_body("    {test_heap,2,0}.\n    {put_tuple2,{x,0},{list,[{integer,1},{integer,2}]}}.\n"
                      "    return.\n"),
            "(put_tuple2): builds on the heap");
    /* A call may collect: the reservation does not survive it. */
    refused(load_body("    {allocate,0,0}.\n    {test_heap,2,0}.\n    {move,{integer,1},{x,0}}.\n"
                      "    {call,1,{f,2}}.\n    {put_list,{x,0},nil,{x,0}}.\n    {deallocate,0}.\n"
                      "    return.\n"),
            "builds on the heap");
    refused(load_body("    {test_heap,2,0}.\n    {gc_bif,'+',{f,0},0,[{integer,1},{integer,2}],{x,0}}.\n"
                      "    {put_list,{x,0},nil,{x,0}}.\n    return.\n"),
            "builds on the heap");
    /* The smaller reservation wins where paths meet. */
    refused(load_body("    {test_heap,2,0}.\n    {test,is_nil,{f,10},[{x,0}]}.\n    {test_heap,1,0}.\n"
                      "  {label,10}.\n    {put_list,{x,0},nil,{x,0}}.\n    return.\n"),
            "builds on the heap");
    refused(load_body("    {make_fun3,{f,2},0,0,{x,0},{list,[]}}.\n    return.\n"), "(make_fun3): builds on the heap");
    refused(load_body("    {test_heap,2000000000000,0}.\n    return.\n"), "heap size or live count out of range");
    refused(load_body("    {test_heap,2,1025}.\n    return.\n"), "heap size or live count out of range");
    refused(load_body("    {allocate_heap,1,2000000000000,0}.\n    {deallocate,1}.\n    return.\n"),
            "heap size out of range");
}
END_TEST

START_TEST(verify_frames)
{
    refused(load_body("    {allocate,2,0}.\n    {deallocate,1}.\n    return.\n"),
            "(deallocate): deallocation does not match the stack frame");
    refused(load_body("    {deallocate,0}.\n    return.\n"), "deallocation does not match the stack frame");
    refused(load_body("    {allocate,1,0}.\n    return.\n"), "(return): stack frame still allocated");
    refused(load_body("    {allocate,1,0}.\n    {call_only,1,{f,2}}.\n"), "(call_only): stack frame still allocated");
    refused(load_body("    {allocate,1,0}.\n    {call_ext_only,1,{extfunc,erlang,hd,1}}.\n"),
            "stack frame still allocated");
    refused(load_body("    {allocate,1,0}.\n    {call_last,1,{f,2},2}.\n"),
            "(call_last): deallocation does not match the stack frame");
    refused(load_body("    {call_last,1,{f,2},0}.\n"), "deallocation does not match the stack frame");
    refused(load_body("    {allocate,1,0}.\n    {allocate,1,0}.\n    {deallocate,1}.\n    return.\n"),
            "(allocate): stack frame still allocated");
    refused(load_body("    {allocate,65536,0}.\n    {deallocate,65536}.\n    return.\n"),
            "frame size or live count out of range");
    refused(load_body("    {allocate,1,1025}.\n    {deallocate,1}.\n    return.\n"),
            "frame size or live count out of range");
    refused(load_body("    {allocate,2,0}.\n    {trim,1,2}.\n    {deallocate,1}.\n    return.\n"),
            "(trim): trim does not match the stack frame");
    refused(load_body("    {allocate,1,0}.\n    {apply_last,1,2}.\n"), "deallocation does not match the stack frame");
}
END_TEST

START_TEST(verify_calls)
{
    refused(load_body("    {move,{integer,1},{x,0}}.\n    {call,1,{f,2}}.\n    return.\n"),
            "(call): call needs a stack frame");
    refused(load_body("    {allocate,0,0}.\n    {call,1,{f,1}}.\n    {deallocate,0}.\n    return.\n"),
            "(call): call to a label that is not a function entry");
    refused(load_body("    {allocate,0,0}.\n    {call,0,{f,10}}.\n    {deallocate,0}.\n    return.\n"
                      "  {label,10}.\n    return.\n"),
            "call to a label that is not a function entry");
    refused(load_body("    {allocate,0,0}.\n    {call,2,{f,2}}.\n    {deallocate,0}.\n    return.\n"),
            "(call): call with the wrong number of arguments");
    refused(load_body("    {call_only,0,{f,2}}.\n"), "call with the wrong number of arguments");
    refused(load_body("    {call_fun,1}.\n    return.\n"), "(call_fun): call needs a stack frame");
    refused(load_body("    {allocate,0,0}.\n    {apply,1023}.\n    {deallocate,0}.\n    return.\n"),
            "(apply): too many arguments");
    refused(load_body("    {call_ext,1,{extfunc,erlang,hd,1}}.\n    return.\n"), "(call_ext): call needs a stack frame");
}
END_TEST

START_TEST(verify_jumps)
{
    refused(load_body("    {jump,{f,2}}.\n"), "(jump): jump to a label outside this function");
    refused(load_body("    {test,is_nil,{f,2},[{x,0}]}.\n    return.\n"), "jump to a label outside this function");
    refused(load_body("    {select_val,{x,0},{f,10},{list,[{atom,a},{f,2}]}}.\n  {label,10}.\n    return.\n"),
            "jump to a label outside this function");
    /* The function's own func_info label is allowed (raises function_clause). */
    Module *m = load_body("    {test,is_nil,{f,3},[{x,0}]}.\n    return.\n");
    ck_assert_msg(m != NULL, "%s", err);
}
END_TEST

START_TEST(verify_paths_meet)
{
    refused(load_body("    {test,is_nil,{f,10},[{x,0}]}.\n    {allocate,1,0}.\n  {label,10}.\n    return.\n"),
            "paths meet at a label with different stack frames");
    refused(load_body("    {allocate,1,0}.\n    {test,is_nil,{f,10},[{x,0}]}.\n    {'catch',{y,0},{f,11}}.\n"
                      "  {label,10}.\n    {deallocate,1}.\n    return.\n  {label,11}.\n    {catch_end,{y,0}}.\n"
                      "    {deallocate,1}.\n    return.\n"),
            "paths meet at a label with different catch markers");
    refused(load_body("    {move,{x,0},{x,1}}.\n"), "(move): execution can run off the end of the function");
    refused(load_body("    {test,is_nil,{f,10},[{x,0}]}.\n    return.\n  {label,10}.\n"
                      "    {move,{x,0},{x,1}}.\n"),
            "execution can run off the end of the function");
}
END_TEST

START_TEST(verify_catches)
{
    static const char handler[] = "  {label,10}.\n    {catch_end,{y,0}}.\n    {deallocate,1}.\n    return.\n";
    char body[1024];
    snprintf(body, sizeof body, "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {move,{y,0},{x,0}}.\n%s",
             handler);
    refused(load_body(body), "(move): y register holds a catch marker");
    snprintf(body, sizeof body, "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {move,{x,0},{y,0}}.\n%s",
             handler);
    refused(load_body(body), "y register holds a catch marker");
    snprintf(body, sizeof body, "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {init,{y,0}}.\n%s", handler);
    refused(load_body(body), "(init): y register holds a catch marker");
    snprintf(body, sizeof body,
             "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {swap,{y,0},{x,0}}.\n%s", handler);
    refused(load_body(body), "y register holds a catch marker");
    snprintf(body, sizeof body,
             "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {'catch',{y,0},{f,10}}.\n%s", handler);
    refused(load_body(body), "y register already holds a catch marker");
    snprintf(body, sizeof body, "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {deallocate,1}.\n"
                                "    return.\n%s",
             handler);
    refused(load_body(body), "(deallocate): stack frame popped while a catch is active");
    snprintf(body, sizeof body, "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {call_last,1,{f,2},1}.\n%s",
             handler);
    refused(load_body(body), "(call_last): stack frame popped while a catch is active");
    snprintf(body, sizeof body, "    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {trim,1,0}.\n%s", handler);
    refused(load_body(body), "(trim): trim while a catch is active");
    refused(load_body("    {allocate,1,0}.\n    {'catch',{y,1},{f,10}}.\n  {label,10}.\n    {catch_end,{y,1}}.\n"
                      "    {deallocate,1}.\n    return.\n"),
            "(catch): catch marker outside the stack frame");
    refused(load_body("    {'try',{y,0},{f,10}}.\n  {label,10}.\n    {try_case,{y,0}}.\n    return.\n"),
            "(try): catch marker outside the stack frame");
    refused(load_body("    {allocate,1,0}.\n    {catch_end,{y,0}}.\n    {deallocate,1}.\n    return.\n"),
            "(catch_end): no catch marker in this y register");
    refused(load_body("    {allocate,1,0}.\n    {try_case,{y,0}}.\n    {deallocate,1}.\n    return.\n"),
            "(try_case): no catch marker in this y register");
    refused(load_body("    {allocate,70,0}.\n    {'catch',{y,65},{f,10}}.\n  {label,10}.\n"
                      "    {catch_end,{y,65}}.\n    {deallocate,70}.\n    return.\n"),
            "catch marker in y register 64 or above");
    /* The handler's first instruction consumes what the exception left in
     * x0 (catch_end) or x0..x2 (try_case), on the marker's own register. */
    refused(load_body("    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {badmatch,{x,0}}.\n"
                      "  {label,10}.\n    {move,{x,0},{x,1}}.\n    {catch_end,{y,0}}.\n    {deallocate,1}.\n"
                      "    return.\n"),
            "(catch): catch handler must start with catch_end of the same y register");
    refused(load_body("    {allocate,2,0}.\n    {'catch',{y,1},{f,10}}.\n    {badmatch,{x,0}}.\n"
                      "  {label,10}.\n    {catch_end,{y,0}}.\n    {deallocate,2}.\n    return.\n"),
            "(catch): catch handler must start with catch_end of the same y register");
    refused(load_body("    {allocate,1,0}.\n    {'try',{y,0},{f,10}}.\n    {badmatch,{x,0}}.\n"
                      "  {label,10}.\n    {catch_end,{y,0}}.\n    {deallocate,1}.\n    return.\n"),
            "(try): try handler must start with try_case of the same y register");
    /* Labels and lines may come first. */
    Module *m = load_body("    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {badmatch,{x,0}}.\n"
                          "  {label,10}.\n  {label,11}.\n    {line,[]}.\n    {catch_end,{y,0}}.\n"
                          "    {deallocate,1}.\n    return.\n");
    ck_assert_msg(m != NULL, "%s", err);
    /* The handler is reached with the marker set and no heap reserved. */
    refused(load_body("    {allocate,1,0}.\n    {test_heap,2,0}.\n    {'catch',{y,0},{f,10}}.\n"
                      "    {catch_end,{y,0}}.\n    {deallocate,1}.\n    return.\n"
                      "  {label,10}.\n    {catch_end,{y,0}}.\n    {put_list,{x,0},nil,{x,0}}.\n"
                      "    {deallocate,1}.\n    return.\n"),
            "(put_list): builds on the heap");
}
END_TEST

START_TEST(verify_bifs)
{
    refused(load_body("    {bif,'++',{f,0},[{x,0},{x,0}],{x,0}}.\n    return.\n"),
            "(bif2): BIF that may allocate used in a bif instruction (use gc_bif)");
    refused(load_body("    {bif,nosuchbif,{f,0},[{x,0}],{x,0}}.\n    return.\n"), "(bif1): import is not a BIF");
    refused(load_body("    {gc_bif,nosuchbif,{f,0},1,[{x,0}],{x,0}}.\n    return.\n"), "import is not a BIF");
    refused(load_body("    {gc_bif,'+',{f,0},1023,[{x,0},{x,0}],{x,0}}.\n    return.\n"),
            "(gc_bif2): live count out of range");
    Module *m = load_body("    {bif,hd,{f,10},[{x,0}],{x,0}}.\n  {label,10}.\n"
                          "    {gc_bif,length,{f,0},1,[{x,0}],{x,0}}.\n    return.\n");
    ck_assert_msg(m != NULL, "%s", err);
}
END_TEST

/* Verifier rules the assembler will not let us write as text. */
static void v_test_no_fail(BcBuf *c) { ins(c, 52, "fx", 0, 0), ins(c, 19, ""); }
static void v_jump_zero(BcBuf *c) { ins(c, 61, "f", 0); }
static void v_select_no_fail(BcBuf *c) { ins(c, 59, "xfL", 0, 0, 0); }
static void v_import_arity(BcBuf *c)
{
    ins(c, 12, "uu", 0, 0);
    ins(c, 7, "ue", 2, 0); /* the import is erlang:hd/1 */
    ins(c, 18, "u", 0);
    ins(c, 19, "");
}
static void v_bif_arity(BcBuf *c) { ins(c, 11, "fexxx", 0, 0, 0, 0, 0), ins(c, 19, ""); }
static void v_try_label_zero(BcBuf *c)
{
    ins(c, 12, "uu", 1, 0);
    ins(c, 104, "yf", 0, 0);
    ins(c, 72, "x", 0);
}
static void v_closure_nfree(BcBuf *c)
{
    ins(c, 16, "uu", 10, 0);
    ins(c, 171, "FxLx", 0, 0, 1, 0); /* lambda 0 has no free variables */
    ins(c, 19, "");
}

START_TEST(verify_raw)
{
    refused(load_code(3, v_test_no_fail), "(is_nil): test without a fail label");
    refused(load_code(3, v_jump_zero), "(jump): jump to label 0");
    refused(load_code(3, v_select_no_fail), "(select_val): select without a fail label");
    refused(load_code(3, v_try_label_zero), "(try): catch handler at an undefined label");

    Img m = { 0 };
    const char *const names[] = { "t", "main", "ok", "erlang", "hd", NULL };
    img_atoms(&m, names);
    bc_put_varint(&m.impt, 1);
    bc_put_varint(&m.impt, 3), bc_put_varint(&m.impt, 4), bc_put_varint(&m.impt, 1);
    bc_put_varint(&m.expt, 1);
    bc_put_varint(&m.expt, 1), bc_put_varint(&m.expt, 0), bc_put_varint(&m.expt, 2);
    code_head(&m.code, 3, 1);
    fn_head(&m.code, 1, 0, 1, 0, 2);
    size_t head = m.code.len;
    v_import_arity(&m.code);
    refused(load_img(&m), "(call_ext): external call with the wrong number of arguments");
    m.code.len = head;
    v_bif_arity(&m.code);
    refused(load_img(&m), "(bif2): BIF called with the wrong number of arguments");
    img_free(&m);

    Img l = { 0 };
    img_std(&l, 3);
    v_closure_nfree(&l.code);
    bc_put_varint(&l.funt, 1);
    put_lambda(&l.funt, 1, 0, 2, 0, 0, 0);
    refused(load_img(&l), "(make_fun3): closure built with the wrong number of free variables");
    img_free(&l);
}
END_TEST

START_TEST(verify_converges_quickly)
{
    /* A loop that eats heap on every turn: the verifier must give up in
     * reasonable time rather than iterate once per reserved word. */
    Module *m = load_body("    {test_heap,1000000000,0}.\n  {label,10}.\n    {put_list,{x,0},nil,{x,0}}.\n"
                          "    {jump,{f,10}}.\n");
    ck_assert_ptr_null(m);
    ck_assert_msg(strstr(err, "did not converge") || strstr(err, "builds on the heap"), "%s", err);
}
END_TEST

/* ---- the suite */

static Suite *verify_suite(void)
{
    Suite *s = suite_create("loader_verify");
    TCase *tc = unit_case(s, "verifier", NULL, NULL, 0);
    tcase_add_test(tc, verify_y_registers);
    tcase_add_test(tc, verify_heap);
    tcase_add_test(tc, verify_frames);
    tcase_add_test(tc, verify_calls);
    tcase_add_test(tc, verify_jumps);
    tcase_add_test(tc, verify_paths_meet);
    tcase_add_test(tc, verify_catches);
    tcase_add_test(tc, verify_bifs);
    tcase_add_test(tc, verify_raw);
    tcase_add_test(tc, verify_converges_quickly);
    return s;
}

int main(void)
{
    return loader_main(verify_suite());
}
