/* test_loader_holes.c - holes in the loader (vm/loader.c), the verifier
 * (vm/verify.c) and the emitter (vm/emit.c) that hostile bytecode got
 * through: tests named hole_* are the smallest files that got through
 * before a fix, and a few run, to check that what the verifier accepts
 * cannot make the interpreter touch memory it does not own; tests named
 * bug_* describe holes still open and fail until they are fixed (see
 * tests/fuzz/README.md). */
#include "loader_harness.h"

/* ---- holes found by fuzzing and by reading the code, now closed: each
 * test is the smallest file that got through before (see
 * tests/fuzz/README.md for what each did at run time). */

/* trim moves the frame, but the unwinder finds a handler's frame from the y
 * register the marker was set in: after trim it computed a frame below the
 * stack top and returned through a garbage continuation. */
START_TEST(hole_trim_with_active_catch)
{
    refused(load_body("    {allocate,2,0}.\n    {'try',{y,1},{f,10}}.\n    {trim,1,1}.\n"
                      "    {try_end,{y,0}}.\n    {deallocate,1}.\n    return.\n"
                      "  {label,10}.\n    {try_case,{y,1}}.\n    {deallocate,2}.\n    return.\n"),
            "(trim): trim while a catch is active");
}
END_TEST

/* The unwinder takes the marker nearest the stack top (the lowest y): with
 * markers set in ascending order it ran the older handler, verified without
 * the newer marker, which could then read that marker as a value and forge
 * it elsewhere (a return through a word the program chose). */
START_TEST(hole_catch_markers_out_of_order)
{
    refused(load_body("    {allocate,2,0}.\n    {'catch',{y,0},{f,10}}.\n    {'catch',{y,1},{f,11}}.\n"
                      "    {badmatch,{atom,first}}.\n"
                      "  {label,10}.\n    {catch_end,{y,0}}.\n    {move,{y,1},{x,0}}.\n    {deallocate,2}.\n"
                      "    return.\n"
                      "  {label,11}.\n    {catch_end,{y,1}}.\n    {catch_end,{y,0}}.\n    {deallocate,2}.\n"
                      "    return.\n"),
            "(catch): nested catch marker must use a lower y register than the active ones");
}
END_TEST

/* Label 0 inside a select list became a jump to address 0. */
static void h_select_zero(BcBuf *c)
{
    ins(c, 64, "ix", 1, 0);
    ins(c, 59, "xfLif", 0, 3, 2, 1, 0);
    ins(c, 1, "u", 3);
    ins(c, 19, "");
}
static void h_select_arity_zero(BcBuf *c)
{
    ins(c, 60, "xfLuf", 0, 3, 2, 0, 0);
    ins(c, 1, "u", 3);
    ins(c, 19, "");
}

START_TEST(hole_select_label_zero)
{
    refused(load_code(4, h_select_zero), "(select_val): select list jumps to label 0");
    refused(load_code(4, h_select_arity_zero), "(select_tuple_arity): select list jumps to label 0");
}
END_TEST

/* int_code_end ended the path for the verifier but emitted nothing, so
 * execution fell through into unverified code (here a store past the heap). */
static void h_code_end(BcBuf *c)
{
    ins(c, 3, "");
    ins(c, 64, "iy", 7, 1000);
    ins(c, 19, "");
}

START_TEST(hole_int_code_end_in_function)
{
    refused(load_code(3, h_code_end), "(int_code_end): int_code_end can be reached");
}
END_TEST

/* A run of func_info without labels overflowed find_structure's function
 * array (sized for one function per two instructions). */
START_TEST(hole_func_info_run)
{
    Img m = { 0 };
    const char *const names[] = { "t", "f", NULL };
    img_atoms(&m, names);
    code_head(&m.code, 2, 64);
    for (int i = 0; i < 64; i++)
        ins(&m.code, 2, "aau", 0, 1, 0);
    refused(load_img(&m), "function f/0 has no entry label after func_info");
    img_free(&m);
}
END_TEST

/* Code at a catch handler could use x0 (THE_NON_VALUE) before catch_end:
 * [THE_NON_VALUE | T] is what the collector takes for a moved cell. */
START_TEST(hole_non_value_at_catch_handler)
{
    refused(load_body("    {allocate,1,0}.\n    {'catch',{y,0},{f,10}}.\n    {badmatch,{atom,boom}}.\n"
                      "  {label,10}.\n    {test_heap,2,1}.\n    {put_list,{x,0},nil,{x,0}}.\n"
                      "    {catch_end,{y,0}}.\n    {deallocate,1}.\n    return.\n"),
            "(catch): catch handler must start with catch_end of the same y register");
}
END_TEST

/* Registers read but never named by an operand (the arguments of a
 * function_clause, of BIF and external calls, live counts) were not
 * cleared: they held raw zero words, or pointers into a heap block a
 * collection had freed. */
START_TEST(hole_unwritten_x_registers_read)
{
    Module *m = load_src("{module, t}.\n{exports, [{main,0}]}.\n"
                         "{function, f, 200, 2}.\n  {label,1}.\n    {func_info,{atom,t},{atom,f},200}.\n"
                         "  {label,2}.\n    {jump,{f,1}}.\n"
                         "{function, main, 0, 4}.\n  {label,3}.\n    {func_info,{atom,t},{atom,main},0}.\n"
                         "  {label,4}.\n    {allocate,0,0}.\n    {call,200,{f,2}}.\n    {deallocate,0}.\n"
                         "    return.\n");
    ck_assert_msg(m != NULL, "%s", err);
    ck_assert_uint_ge(m->max_x, 200);
    Run r = run_main(m, 10);
    ck_assert(r.finished);
    /* exit reason {function_clause, [{t, f, Args, Loc} | _]} */
    Term er = r.p->exit_reason;
    ck_assert(is_tuple(er) && tuple_arity(er) == 2 && tuple_elem(er, 1) == ATOM_function_clause);
    Term trace = tuple_elem(er, 2);
    ck_assert(is_list(trace));
    Term frame = list_head(trace);
    ck_assert(is_tuple(frame) && tuple_arity(frame) == 4);
    unsigned n = 0, bad = 0;
    for (Term a = tuple_elem(frame, 3); is_list(a); a = list_tail(a), n++)
        if (list_head(a) != NIL)
            bad++;
    ck_assert_uint_eq(n, 200);
    ck_assert_msg(bad == 0, "%u of the 200 never-written arguments are not []", bad);
    run_free(&r);
}
END_TEST

/* Whether v is boxed and points into p's young or old heap (not into a
 * block a collection freed). */
static bool in_heap(const Process *p, Term v)
{
    if (!is_boxed(v))
        return false;
    const Term *b = boxed_ptr(v);
    return (b >= p->heap && b < p->htop) || (p->old_heap && b >= p->old_heap && b < p->old_htop);
}

/* try_case_end kept its operand in a C local across a collection. */
START_TEST(hole_try_case_end_across_gc)
{
    Module *m = load_body("    {test_heap,3,0}.\n    {put_tuple2,{x,0},{list,[{integer,1},{integer,2}]}}.\n"
                          "    {try_case_end,{x,0}}.\n");
    ck_assert_msg(m != NULL, "%s", err);
    gc_stress = true;
    Run r = run_main(m, 10);
    gc_stress = false;
    ck_assert(r.finished);
    Term er = r.p->exit_reason;
    ck_assert(is_tuple(er) && tuple_arity(er) == 2);
    Term reason = tuple_elem(er, 1);
    ck_assert(is_tuple(reason) && tuple_arity(reason) == 2);
    ck_assert_uint_eq(tuple_elem(reason, 1), ATOM_try_clause);
    Term v = tuple_elem(reason, 2);
    ck_assert_msg(in_heap(r.p, v), "the try_clause value points outside the process heap (freed by the collection)");
    ck_assert(is_tuple(v) && tuple_arity(v) == 2 && tuple_elem(v, 1) == make_small(1));
    run_free(&r);
}
END_TEST

/* A line table file name of 256..1020 ASCII characters passed the byte
 * check; atom_intern refused it and THE_NON_VALUE became the file's atom. */
START_TEST(hole_line_file_name_too_long)
{
    Img m = { 0 };
    img_ok(&m);
    char name[301];
    memset(name, 'f', 300);
    name[300] = 0;
    bc_put_varint(&m.line, 1);
    put_name(&m.line, name);
    bc_put_varint(&m.line, 0);
    refused(load_img(&m), "bad file name 0 in the line table (too long)");
    img_free(&m);
}
END_TEST

/* docs/bc-format.md: "index and uniq of a lambda fit in 32 bits", and "the
 * CODE header's function count is the number of func_info instructions". */
START_TEST(hole_header_values)
{
    BcBuf f = { 0 };
    bc_put_varint(&f, 1);
    put_lambda(&f, 2, 0, 4, 1, UINT64_C(1) << 40, 0);
    refused(load_with_lambdas(&f), "lambda 0: index or uniq does not fit in 32 bits");
    bc_buf_free(&f);

    Img m = { 0 };
    img_std(&m, 3);
    m.code.data[1] = 5; /* five functions declared, one present */
    body_ok(&m.code);
    refused(load_img(&m), "code header declares 5 functions, the code has 1");
    img_free(&m);
}
END_TEST

/* raise and raw_raise take the stack trace from the program; the crash
 * report printed each frame's module and function with print_atom
 * unchecked, and atom_text indexed the atom table with an integer's bits. */
START_TEST(hole_forged_trace_in_crash_report)
{
    Module *m = load_body("    {move,{atom,error},{x,0}}.\n    {move,{atom,boom},{x,1}}.\n"
                          "    {move,{literal,[{123456789,{x},3,[{line,{y}}]}]},{x,2}}.\n    raw_raise.\n");
    ck_assert_msg(m != NULL, "%s", err);
    Run r = run_main(m, 10);
    ck_assert(r.finished);
    ck_assert_uint_ne(r.p->exit_reason, ATOM_normal);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    exc_print_report(f, r.p, r.p->exc_class, r.p->exc_reason, r.p->exc_trace);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(text, "boom"));
    free(text);
    run_free(&r);
}
END_TEST

/* set_tuple_element wrote into a tuple that had survived a collection: the
 * old tuple then pointed at a younger term, which minor collections assume
 * never happens, and two collections later into a freed block. Either the
 * write is refused (badarg), or the new element must still be in the heap. */
START_TEST(hole_set_tuple_element_on_old_tuple)
{
    Module *m = load_body("    {test_heap,3,0}.\n    {put_tuple2,{x,0},{list,[{atom,a},{atom,b}]}}.\n"
                          "    {test_heap,1000,1}.\n    {test_heap,3,1}.\n"
                          "    {put_tuple2,{x,1},{list,[{integer,1},{integer,2}]}}.\n"
                          "    {set_tuple_element,{x,1},{x,0},0}.\n    {test_heap,5000,1}.\n"
                          "    {test_heap,20000,1}.\n    {test_heap,80000,1}.\n    return.\n");
    ck_assert_msg(m != NULL, "%s", err);
    Run r = run_main(m, 10);
    ck_assert(r.finished);
    if (r.p->exit_reason != ATOM_normal) {
        Term er = r.p->exit_reason;
        ck_assert(is_tuple(er) && tuple_elem(er, 1) == ATOM_badarg);
    } else {
        ck_assert(is_tuple(r.result) && tuple_arity(r.result) == 2);
        Term e = tuple_elem(r.result, 1); /* read the word, do not follow it */
        ck_assert_msg(in_heap(r.p, e), "the tuple points into a block a collection freed");
    }
    run_free(&r);
}
END_TEST

/* Loading time must grow about linearly with the file. ld_verify cleared
 * its table of label states (one entry per label of the module) before
 * each function: 50000 one-instruction functions (850 KB) took 4.5 s. */
START_TEST(hole_verify_time_in_functions)
{
    const unsigned n = 50000;
    Img m = { 0 };
    const char *const names[] = { "t", "f", NULL };
    img_atoms(&m, names);
    code_head(&m.code, 2 * n + 1, n);
    for (unsigned k = 0; k < n; k++) {
        fn_head(&m.code, 2 * k + 1, 0, 1, 0, 2 * k + 2);
        ins(&m.code, 19, "");
    }
    Module *mod = load_img(&m);
    ck_assert_msg(mod != NULL, "%s", err);
    img_free(&m);
}
END_TEST

/* handler_ok (verify.c) walked from a catch handler's label over the labels
 * and lines before its first instruction once per catch instruction: n
 * catches sharing a handler behind n lines cost n x n (60000 of each,
 * 720 KB: 6 s). */
START_TEST(hole_verify_time_in_handlers)
{
    const unsigned n = 60000;
    Img m = { 0 };
    img_std(&m, 4);
    ins(&m.code, 12, "uu", 1, 0);
    for (unsigned k = 0; k < n; k++) {
        ins(&m.code, 62, "yf", 0, 3);
        ins(&m.code, 63, "y", 0);
    }
    ins(&m.code, 18, "u", 1);
    ins(&m.code, 19, "");
    ins(&m.code, 1, "u", 3);
    for (unsigned k = 0; k < n; k++)
        ins(&m.code, 153, "u", 0);
    ins(&m.code, 63, "y", 0);
    ins(&m.code, 18, "u", 1);
    ins(&m.code, 19, "");
    Module *mod = load_img(&m);
    ck_assert_msg(mod != NULL, "%s", err);
    img_free(&m);
}
END_TEST

/* ---- holes still open: these fail until fixed (tests/fuzz/README.md) */

/* Found by tests/fuzz/fuzz_loader.c: messages quote atoms as raw bytes, so
 * an atom holding a newline (or terminal escapes) breaks the one-line
 * error. Every message naming a function or module does it: verify.c
 * fail(), loader.c find_structure() and check_tables(), ld_load's module
 * name check, code.c's "already loaded". Fix: write atoms into messages
 * escaped (as print_atom quotes them), never with atom_cstr. */
START_TEST(bug_atom_with_newline_in_message)
{
    Img m = { 0 };
    const char *const names[] = { "t", "ma\nin", "ok", NULL };
    img_atoms(&m, names);
    code_head(&m.code, 3, 1);
    fn_head(&m.code, 1, 0, 1, 0, 2);
    ins(&m.code, 64, "xy", 0, 0); /* a y register without a frame */
    ins(&m.code, 19, "");
    Module *mod = load_img(&m);
    ck_assert_ptr_null(mod);
    ck_assert_msg(strchr(err, '\n') == NULL, "the message spans lines: %s", err);
    img_free(&m);

    Img n = { 0 };
    const char *const names2[] = { "t\x1b[2J", "main", NULL };
    img_atoms(&n, names2);
    code_head(&n.code, 3, 1);
    fn_head(&n.code, 1, 0, 1, 0, 2);
    ins(&n.code, 19, "");
    ck_assert_ptr_nonnull(load_img(&n));
    mod = load_img(&n); /* already loaded: the message names the module */
    ck_assert_ptr_null(mod);
    ck_assert_msg(strchr(err, '\x1b') == NULL, "the message holds a raw escape character: %s", err);
    img_free(&n);
}
END_TEST

/* ---- the suite */

static Suite *holes_suite(void)
{
    Suite *s = suite_create("loader_holes");
    TCase *tc = unit_case(s, "holes", NULL, NULL, 0);
    tcase_add_test(tc, hole_trim_with_active_catch);
    tcase_add_test(tc, hole_catch_markers_out_of_order);
    tcase_add_test(tc, hole_select_label_zero);
    tcase_add_test(tc, hole_int_code_end_in_function);
    tcase_add_test(tc, hole_func_info_run);
    tcase_add_test(tc, hole_non_value_at_catch_handler);
    tcase_add_test(tc, hole_unwritten_x_registers_read);
    tcase_add_test(tc, hole_try_case_end_across_gc);
    tcase_add_test(tc, hole_line_file_name_too_long);
    tcase_add_test(tc, hole_header_values);
    tcase_add_test(tc, hole_forged_trace_in_crash_report);
    tcase_add_test(tc, hole_set_tuple_element_on_old_tuple);

    /* Loads that must take well under a second (about 0.1 s, 0.5 s under
     * ASan); the timeout is what fails them. */
    tc = unit_case(s, "load_time", NULL, NULL, 3);
    tcase_add_test(tc, hole_verify_time_in_functions);
    tcase_add_test(tc, hole_verify_time_in_handlers);

    tc = unit_case(s, "bugs", NULL, NULL, 0);
    tcase_add_test(tc, bug_atom_with_newline_in_message);
    return s;
}

int main(void)
{
    return loader_main(holes_suite());
}
