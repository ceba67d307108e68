/* test_loader.c - the loader (vm/loader.c) on whole files: good modules
 * that load and run, and the container (magic, version, sections, every
 * prefix and every byte changed). The other test_loader_*.c programs take
 * the tables, the decoding of instructions, the verifier and the holes
 * once found; loader_harness.h builds, loads and runs their images. */
#include "loader_harness.h"

/* Under AddressSanitizer, LeakSanitizer is on: one test must switch it off
 * around a leak that code.c documents (see good_module_already_loaded). */
#if defined(__SANITIZE_ADDRESS__)
#define HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_LSAN 1
#endif
#endif
#ifdef HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#define LEAKS_IGNORED_BEGIN() __lsan_disable()
#define LEAKS_IGNORED_END() __lsan_enable()
#else
#define LEAKS_IGNORED_BEGIN() ((void)0)
#define LEAKS_IGNORED_END() ((void)0)
#endif

/* ---- good modules */

START_TEST(good_minimal_bytes)
{
    Img m = { 0 };
    img_ok(&m);
    Module *mod = load_img(&m);
    ck_assert_msg(mod != NULL, "%s", err);
    ck_assert_uint_eq(mod->name, atom_intern("t", 1));
    ck_assert_uint_eq(mod->nfuncs, 1);
    Run r = run_main(mod, 10);
    ck_assert(r.finished);
    ck_assert_uint_eq(r.result, ATOM_ok);
    run_free(&r);
    img_free(&m);
}
END_TEST

START_TEST(good_minor_version_and_padding)
{
    /* A reader accepts any minor version. */
    BcBuf b = ok_file();
    b.data[6] = 7;
    Module *mod = load_bytes(b.data, b.len);
    ck_assert_msg(mod != NULL, "%s", err);
    bc_buf_free(&b);
}
END_TEST

static const char prog_try[] =
    "{module, t}.\n"
    "{exports, [{main,0}]}.\n"
    "{function, f, 1, 2}.\n"
    "  {label,1}.\n"
    "    {line,[{location,\"t.erl\",3}]}.\n"
    "    {func_info,{atom,t},{atom,f},1}.\n"
    "  {label,2}.\n"
    "    {allocate,2,1}.\n"
    "    {init_yregs,{list,[{y,0}]}}.\n"
    "    {'try',{y,1},{f,5}}.\n"
    "    {'try',{y,0},{f,3}}.\n"
    "    {call,1,{f,9}}.\n"
    "    {try_end,{y,0}}.\n"
    "    {move,{x,0},{y,0}}.\n"
    "    {jump,{f,4}}.\n"
    "  {label,3}.\n"
    "    {try_case,{y,0}}.\n"
    "    {move,{atom,inner},{y,0}}.\n"
    "  {label,4}.\n"
    "    {move,{y,0},{x,0}}.\n"
    "    {call,1,{f,9}}.\n"
    "    {try_end,{y,1}}.\n"
    "    {test_heap,3,1}.\n"
    "    {put_tuple2,{x,0},{list,[{y,0},{x,0}]}}.\n"
    "    {move,{x,0},{y,0}}.\n"
    "    {jump,{f,6}}.\n"
    "  {label,5}.\n"
    "    {try_case,{y,1}}.\n"
    "    {move,{atom,outer},{y,0}}.\n"
    "  {label,6}.\n"
    "    {'catch',{y,1},{f,7}}.\n"
    "    {move,{y,0},{x,0}}.\n"
    "    {call,1,{f,9}}.\n"
    "  {label,7}.\n"
    "    {catch_end,{y,1}}.\n"
    "    {test_heap,3,1}.\n"
    "    {put_tuple2,{x,0},{list,[{y,0},{x,0}]}}.\n"
    "    {deallocate,2}.\n"
    "    return.\n"
    "{function, g, 1, 9}.\n"
    "  {label,8}.\n"
    "    {func_info,{atom,t},{atom,g},1}.\n"
    "  {label,9}.\n"
    "    {test,is_atom,{f,10},[{x,0}]}.\n"
    "    return.\n"
    "  {label,10}.\n"
    "    {badmatch,{x,0}}.\n"
    "{function, main, 0, 12}.\n"
    "  {label,11}.\n"
    "    {func_info,{atom,t},{atom,main},0}.\n"
    "  {label,12}.\n"
    "    {move,{integer,5},{x,0}}.\n"
    "    {call_only,1,{f,2}}.\n";

START_TEST(good_nested_try_runs)
{
    /* erlc's own shape for nested try and catch (outer marker in y1, inner
     * in y0); g raises badmatch for a non-atom. */
    Module *m = load_src(prog_try);
    ck_assert_msg(m != NULL, "%s", err);
    Run r = run_main(m, 100);
    ck_assert(r.finished);
    /* {{inner, inner}, {'EXIT', {{badmatch, {inner, inner}}, _}}} */
    Term res = r.result;
    ck_assert(is_tuple(res) && tuple_arity(res) == 2);
    Term a = tuple_elem(res, 1), inner = atom_intern("inner", 5);
    ck_assert(is_tuple(a) && tuple_arity(a) == 2 && tuple_elem(a, 1) == inner && tuple_elem(a, 2) == inner);
    Term c = tuple_elem(res, 2);
    ck_assert(is_tuple(c) && tuple_arity(c) == 2);
    ck_assert_uint_eq(tuple_elem(c, 1), ATOM_EXIT);
    run_free(&r);
}
END_TEST

START_TEST(good_closure_and_bif)
{
    Module *m = load_body("    {allocate,1,0}.\n"
                          "    {test_heap,{alloc,[{words,1},{floats,0},{funs,1}]},0}.\n"
                          "    {make_fun3,{f,2},0,0,{x,0},{list,[]}}.\n"
                          "    {move,{x,0},{y,0}}.\n"
                          "    {move,{literal,[1,2,3]},{x,0}}.\n"
                          "    {move,{y,0},{x,1}}.\n"
                          "    {call_fun,1}.\n"
                          "    {bif,hd,{f,0},[{x,0}],{x,0}}.\n"
                          "    {gc_bif,'+',{f,0},1,[{x,0},{integer,41}],{x,0}}.\n"
                          "    {deallocate,1}.\n"
                          "    return.\n");
    ck_assert_msg(m != NULL, "%s", err);
    Run r = run_main(m, 100);
    ck_assert(r.finished);
    ck_assert_uint_eq(r.result, make_small(42));
    run_free(&r);
}
END_TEST

START_TEST(good_module_already_loaded)
{
    Img m = { 0 };
    img_ok(&m);
    ck_assert_ptr_nonnull(load_img(&m));
    /* The second copy is loaded in full, then dropped without being freed
     * (code.c: "the module leaks"): there is no function to free a module
     * that was never published. */
    LEAKS_IGNORED_BEGIN();
    Module *again = load_img(&m);
    LEAKS_IGNORED_END();
    refused(again, "module 't' is already loaded");
    img_free(&m);
}
END_TEST

START_TEST(good_expected_name)
{
    BcBuf b = ok_file();
    LdExport *ex = NULL;
    unsigned nex = 0;
    const Instr **entries = NULL;
    char msg[256];
    Module *mod = ld_load(b.data, b.len, atom_intern("other", 5), msg, sizeof msg, &ex, &nex, &entries);
    ck_assert_ptr_null(mod);
    ck_assert_str_eq(msg, "file holds module 't', not 'other'");
    bc_buf_free(&b);
}
END_TEST

/* ---- the container */

START_TEST(container_bad_magic)
{
    static const uint8_t junk[] = "BLBX\1\0\0\0\0\0\0\0\0\0\0\0";
    refused(load_bytes(junk, 16), "not a beamlet bytecode file (bad magic)");
    refused(load_bytes("BLBC", 4), "bad magic");
    refused(load_bytes("", 0), "bad magic");
}
END_TEST

START_TEST(container_version)
{
    BcBuf b = ok_file();
    b.data[4] = 2;
    refused(load_bytes(b.data, b.len), "unsupported bytecode version 2.0 (expected 1.x)");
    b.data[4] = 0;
    refused(load_bytes(b.data, b.len), "unsupported bytecode version 0.0");
    bc_buf_free(&b);
}
END_TEST

START_TEST(container_truncated_everywhere)
{
    /* Every proper prefix of a good file is refused with one line. */
    BcBuf b = ok_file();
    for (size_t n = 0; n < b.len; n++) {
        uint8_t *copy = malloc(n ? n : 1);
        memcpy(copy, b.data, n);
        Module *mod = load_bytes(copy, n);
        ck_assert_msg(mod == NULL, "prefix of %zu bytes loaded", n);
        ck_assert_msg(strncmp(err, "t.bc: error: ", 13) == 0 && !strchr(err, '\n'), "%zu: %s", n, err);
        free(copy);
    }
    bc_buf_free(&b);
}
END_TEST

START_TEST(container_section_errors)
{
    BcBuf good = ok_file();
    BcBuf b = { 0 };

    /* One section more declared than present. */
    bc_put_bytes(&b, good.data, good.len);
    b.data[8]++;
    refused(load_bytes(b.data, b.len), "truncated section header");
    bc_buf_free(&b);

    /* A section longer than the file. */
    bc_put_bytes(&b, good.data, good.len);
    b.data[16 + 4] = 0xff, b.data[16 + 5] = 0xff;
    refused(load_bytes(b.data, b.len), "runs past the end of the file");
    bc_buf_free(&b);

    /* An unknown tag. */
    bc_put_bytes(&b, good.data, good.len);
    memcpy(b.data + 16, "ATOX", 4);
    refused(load_bytes(b.data, b.len), "unknown section tag");
    bc_buf_free(&b);

    /* Stray bytes after the last section. */
    bc_put_bytes(&b, good.data, good.len);
    bc_put_u32(&b, 0);
    refused(load_bytes(b.data, b.len), "4 stray bytes after the last section");
    bc_buf_free(&b);

    /* Missing padding after the last section. */
    bc_put_bytes(&b, good.data, good.len);
    b.len -= 1; /* the CODE body's length is not a multiple of 4 here */
    Module *mod = load_bytes(b.data, b.len);
    ck_assert_ptr_null(mod);
    bc_buf_free(&b);

    bc_buf_free(&good);
}
END_TEST

START_TEST(container_duplicate_and_missing)
{
    Img m = { 0 };
    img_ok(&m);
    BcBuf b = img_build(&m);
    /* Append a second ATOM section and count it. */
    bc_put_u32(&b, BC_SEC_ATOM);
    bc_put_u32(&b, (uint32_t)m.atom.len);
    bc_put_bytes(&b, m.atom.data, m.atom.len);
    while (b.len % 4)
        bc_put_byte(&b, 0);
    b.data[8]++;
    refused(load_bytes(b.data, b.len), "duplicate section 'ATOM'");
    bc_buf_free(&b);

    Img nocode = { 0 };
    img_atoms(&nocode, std_atoms);
    refused(load_img(&nocode), "missing CODE section");
    img_free(&nocode);

    Img noatom = { 0 };
    bc_put_varint(&noatom.code, 1);
    bc_put_varint(&noatom.code, 0);
    refused(load_img(&noatom), "missing ATOM section");
    img_free(&noatom);
    img_free(&m);
}
END_TEST

/* Frees a module ld_load built and nobody published (as
 * tests/fuzz/fuzz_loader.c does; vm/ has no function for it yet): the
 * literal area is the loader's chain of literal blocks. */
static void free_unpublished(Module *m, LdExport *exports, const Instr **entries)
{
    Loader ld;
    memset(&ld, 0, sizeof ld);
    ld.lits = (LitBlock *)(void *)m->literal_area;
    ld_lit_free(&ld);
    free(m->code);
    free(m->funcs);
    free(m->lines);
    free(m->files);
    free(m->lambdas);
    free(m);
    free(exports);
    free(entries);
}

START_TEST(container_every_byte_changed)
{
    /* Every byte of a module with try, catch, calls, literals and lines,
     * changed in four ways: each result loads or is refused with one line.
     * (tests/fuzz/ does this at length and runs what loads.) ld_load, not
     * code_load_image: a copy that still loads as module t would be refused
     * as already loaded, and leak. */
    BcBuf bc = { 0 };
    ck_assert(asm_assemble(prog_try, strlen(prog_try), "t.s", &bc, NULL));
    uint8_t *copy = malloc(bc.len);
    unsigned loaded = 0, refusals = 0;
    for (size_t i = 0; i < bc.len; i++) {
        const uint8_t v[4] = { 0, 0xff, (uint8_t)(bc.data[i] ^ 1), (uint8_t)(bc.data[i] + 1) };
        for (int k = 0; k < 4; k++) {
            memcpy(copy, bc.data, bc.len);
            copy[i] = v[k];
            LdExport *ex = NULL;
            unsigned nex = 0;
            const Instr **entries = NULL;
            err[0] = 0;
            Module *m = ld_load(copy, bc.len, THE_NON_VALUE, err, sizeof err, &ex, &nex, &entries);
            if (m) {
                free_unpublished(m, ex, entries);
                loaded++;
                continue;
            }
            refusals++;
            ck_assert_msg(err[0] && !strchr(err, '\n'), "byte %zu := %u: %s", i, v[k], err);
        }
    }
    ck_assert_uint_gt(refusals, bc.len);
    ck_assert_uint_gt(loaded, 0);
    free(copy);
    bc_buf_free(&bc);
}
END_TEST

/* ---- the suite */

static Suite *loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = unit_case(s, "good", NULL, NULL, 0);
    tcase_add_test(tc, good_minimal_bytes);
    tcase_add_test(tc, good_minor_version_and_padding);
    tcase_add_test(tc, good_nested_try_runs);
    tcase_add_test(tc, good_closure_and_bif);
    tcase_add_test(tc, good_module_already_loaded);
    tcase_add_test(tc, good_expected_name);

    tc = unit_case(s, "container", NULL, NULL, 0);
    tcase_add_test(tc, container_bad_magic);
    tcase_add_test(tc, container_version);
    tcase_add_test(tc, container_truncated_everywhere);
    tcase_add_test(tc, container_section_errors);
    tcase_add_test(tc, container_duplicate_and_missing);
    tcase_add_test(tc, container_every_byte_changed);
    return s;
}

int main(void)
{
    return loader_main(loader_suite());
}
