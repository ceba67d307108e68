/* test_loader.c - the loader (vm/loader.c), the verifier (vm/verify.c) and
 * the emitter (vm/emit.c) against good and hostile bytecode.
 *
 * Images are built in memory, either by assembling text (asm_assemble) or,
 * for what the assembler refuses to write, byte by byte with the bcfile.h
 * writers, and loaded with code_load_image. Every refusal is checked for a
 * one-line "t.bc: error: ..." message holding a stable substring, not just
 * for failure. A few modules are also run, to check that what the verifier
 * accepts cannot make the interpreter touch memory it does not own.
 *
 * Tests named hole_* are the smallest files that got through before a
 * fix; tests named bug_* describe holes still open and fail until they are
 * fixed (see tests/fuzz/README.md). */
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"
#include "atom.h"
#include "bcfile.h"
#include "bif.h"
#include "exception.h"
#include "export.h"
#include "gc.h"
#include "interp.h"
#include "loader.h"
#include "module.h"
#include "process.h"

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

/* ---- building images byte by byte */

/* Appends one instruction: opcode, then one operand per letter of fmt:
 *   x y a l f u e F L  BC_X BC_Y BC_ATOM BC_LIT BC_LABEL BC_UINT BC_IMPORT
 *                      BC_LAMBDA BC_LIST, each taking an int argument
 *   U                  BC_UINT with an unsigned long long argument
 *   i / I              BC_INT with an int / a long long argument
 *   n                  BC_NIL (no argument)
 *   d                  BC_FLOAT with a double argument
 *   t                  a raw tag byte (int), then a varint (int): for bad tags */
static void ins(BcBuf *b, unsigned opnum, const char *fmt, ...)
{
    static const char letters[] = "xyalfueFL";
    static const uint8_t tags[] = { BC_X, BC_Y, BC_ATOM, BC_LIT, BC_LABEL, BC_UINT, BC_IMPORT, BC_LAMBDA, BC_LIST };
    va_list ap;
    va_start(ap, fmt);
    bc_put_varint(b, opnum);
    for (const char *k = fmt; *k; k++) {
        const char *at = strchr(letters, *k);
        if (at) {
            bc_put_op(b, tags[at - letters], (uint64_t)va_arg(ap, int));
            continue;
        }
        switch (*k) {
        case 'U': bc_put_op(b, BC_UINT, va_arg(ap, unsigned long long)); break;
        case 'i': bc_put_op_int(b, va_arg(ap, int)); break;
        case 'I': bc_put_op_int(b, va_arg(ap, long long)); break;
        case 'n': bc_put_byte(b, BC_NIL); break;
        case 'd': bc_put_op_float(b, va_arg(ap, double)); break;
        case 't': {
            int tag = va_arg(ap, int);
            bc_put_byte(b, (uint8_t)tag);
            bc_put_varint(b, (uint64_t)va_arg(ap, int));
            break;
        }
        default: ck_abort_msg("bad operand letter %c", *k);
        }
    }
    va_end(ap);
}

static void put_name(BcBuf *b, const char *s)
{
    bc_put_varint(b, strlen(s));
    bc_put_bytes(b, s, strlen(s));
}

/* The sections of a module under construction: each BcBuf holds a whole
 * section body. An empty buffer is left out of the file. */
typedef struct {
    BcBuf atom, litt, impt, expt, funt, line, code;
} Img;

static void img_free(Img *m)
{
    bc_buf_free(&m->atom);
    bc_buf_free(&m->litt);
    bc_buf_free(&m->impt);
    bc_buf_free(&m->expt);
    bc_buf_free(&m->funt);
    bc_buf_free(&m->line);
    bc_buf_free(&m->code);
}

/* ATOM section from a NULL-terminated list of names. */
static void img_atoms(Img *m, const char *const *names)
{
    unsigned n = 0;
    while (names[n])
        n++;
    bc_put_varint(&m->atom, n);
    for (unsigned i = 0; i < n; i++)
        put_name(&m->atom, names[i]);
}

static BcBuf img_build(const Img *m)
{
    BcBuf out = { 0 };
    bc_write_file(&out, &m->atom, &m->litt, &m->impt, &m->expt, &m->funt, &m->line, &m->code);
    return out;
}

/* Atoms t, main, ok; export main/0 (label 2); the code header for nlabels
 * labels and one function, then main/0's head: label 1, func_info, label 2.
 * The caller appends main's body to m->code. */
static const char *const std_atoms[] = { "t", "main", "ok", NULL };

static void img_std(Img *m, unsigned nlabels)
{
    img_atoms(m, std_atoms);
    bc_put_varint(&m->expt, 1);
    bc_put_varint(&m->expt, 1), bc_put_varint(&m->expt, 0), bc_put_varint(&m->expt, 2);
    bc_put_varint(&m->code, nlabels);
    bc_put_varint(&m->code, 1);
    ins(&m->code, 1, "u", 1);
    ins(&m->code, 2, "aau", 0, 1, 0);
    ins(&m->code, 1, "u", 2);
}

/* move {atom,ok} x0; return */
static void body_ok(BcBuf *code)
{
    ins(code, 64, "ax", 2, 0);
    ins(code, 19, "");
}

/* ---- loading */

static char err[1024];

static Module *load_bytes(const void *data, size_t len)
{
    err[0] = 0;
    return code_load_image(data, len, "t.bc", err, sizeof err);
}

static Module *load_img(const Img *m)
{
    BcBuf b = img_build(m);
    Module *mod = load_bytes(b.data, b.len);
    bc_buf_free(&b);
    return mod;
}

/* A refusal: no module, and one line "t.bc: error: ..." containing want. */
static void check_refused(Module *m, const char *want, const char *file, int line)
{
    ck_assert_msg(m == NULL, "%s:%d: loaded, but expected an error containing '%s'", file, line, want);
    ck_assert_msg(strncmp(err, "t.bc: error: ", 13) == 0, "%s:%d: message lacks the prefix: %s", file, line, err);
    ck_assert_msg(strchr(err, '\n') == NULL, "%s:%d: message is not one line: %s", file, line, err);
    ck_assert_msg(strlen(err) > 13, "%s:%d: empty message", file, line);
    ck_assert_msg(strstr(err, want) != NULL, "%s:%d: expected '%s' in: %s", file, line, want, err);
}
#define refused(m, want) check_refused((m), (want), __FILE__, __LINE__)

static Module *load_src(const char *src)
{
    BcBuf bc = { 0 };
    char *msgs = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&msgs, &n);
    bool ok = asm_assemble(src, strlen(src), "t.s", &bc, f);
    fclose(f);
    ck_assert_msg(ok, "assembly failed:\n%s\n%s", msgs, src);
    free(msgs);
    Module *m = load_bytes(bc.data, bc.len);
    bc_buf_free(&bc);
    return m;
}

/* A module t with one/1 (labels 1, 2: returns its argument) and main/0
 * (labels 3, 4) whose body is given; bodies number their labels from 10. */
static Module *load_body(const char *body)
{
    static const char head[] =
        "{module, t}.\n"
        "{exports, [{main,0},{one,1}]}.\n"
        "{function, one, 1, 2}.\n"
        "  {label,1}.\n"
        "    {func_info,{atom,t},{atom,one},1}.\n"
        "  {label,2}.\n"
        "    return.\n"
        "{function, main, 0, 4}.\n"
        "  {label,3}.\n"
        "    {func_info,{atom,t},{atom,main},0}.\n"
        "  {label,4}.\n";
    char *src = malloc(sizeof head + strlen(body) + 1);
    ck_assert_ptr_nonnull(src);
    strcpy(src, head);
    strcat(src, body);
    Module *m = load_src(src);
    free(src);
    return m;
}

/* ---- running */

typedef struct {
    Process *p;
    Term *x;
    Term result;   /* x0 when main returned, else THE_NON_VALUE */
    bool finished; /* within the slice budget */
} Run;

/* Runs m's main/0 the way vm/main.c does, for at most `slices` slices. */
static Run run_main(Module *m, int slices)
{
    Run r = { 0 };
    Export *e = export_find(m->name, ATOM_main, 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_nonnull(export_code(e));
    r.p = proc_new(0);
    r.x = malloc((BC_MAX_X + 8) * sizeof(Term));
    ck_assert(r.p && r.x);
    for (unsigned i = 0; i < BC_MAX_X + 8; i++)
        r.x[i] = NIL; /* as vm/main.c does: every register holds a term */
    r.p->id = make_pid(1);
    r.p->x = r.x;
    ck_assert(interp_setup_call(r.p, export_code(e), NULL, 0));
    r.result = THE_NON_VALUE;
    for (int i = 0; i < slices; i++) {
        if (interp_run(r.p, r.x, 4000) == RUN_EXIT) {
            r.finished = true;
            if (r.p->exit_reason == ATOM_normal)
                r.result = r.x[0];
            break;
        }
    }
    return r;
}

static void run_free(Run *r)
{
    proc_free(r->p);
    free(r->x);
}

/* ---- good modules */

START_TEST(good_minimal_bytes)
{
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
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
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
    BcBuf b = img_build(&m);
    b.data[6] = 7;
    Module *mod = load_bytes(b.data, b.len);
    ck_assert_msg(mod != NULL, "%s", err);
    bc_buf_free(&b);
    img_free(&m);
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
    img_std(&m, 3);
    body_ok(&m.code);
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
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
    BcBuf b = img_build(&m);
    LdExport *ex = NULL;
    unsigned nex = 0;
    const Instr **entries = NULL;
    char msg[256];
    Module *mod = ld_load(b.data, b.len, atom_intern("other", 5), msg, sizeof msg, &ex, &nex, &entries);
    ck_assert_ptr_null(mod);
    ck_assert_str_eq(msg, "file holds module 't', not 'other'");
    bc_buf_free(&b);
    img_free(&m);
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
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
    BcBuf b = img_build(&m);
    b.data[4] = 2;
    refused(load_bytes(b.data, b.len), "unsupported bytecode version 2.0 (expected 1.x)");
    b.data[4] = 0;
    refused(load_bytes(b.data, b.len), "unsupported bytecode version 0.0");
    bc_buf_free(&b);
    img_free(&m);
}
END_TEST

START_TEST(container_truncated_everywhere)
{
    /* Every proper prefix of a good file is refused with one line. */
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
    BcBuf b = img_build(&m);
    for (size_t n = 0; n < b.len; n++) {
        uint8_t *copy = malloc(n ? n : 1);
        memcpy(copy, b.data, n);
        Module *mod = load_bytes(copy, n);
        ck_assert_msg(mod == NULL, "prefix of %zu bytes loaded", n);
        ck_assert_msg(strncmp(err, "t.bc: error: ", 13) == 0 && !strchr(err, '\n'), "%zu: %s", n, err);
        free(copy);
    }
    bc_buf_free(&b);
    img_free(&m);
}
END_TEST

START_TEST(container_section_errors)
{
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
    BcBuf good = img_build(&m);
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
    img_free(&m);
}
END_TEST

START_TEST(container_duplicate_and_missing)
{
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
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

/* ---- tables */

/* A module whose ATOM section body is replaced by `atoms`. */
static Module *load_with_atom_section(const BcBuf *atoms)
{
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
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
    /* 100000 nested 1-tuples: refused for depth, without exhausting the C stack. */
    size_t n = 100000;
    uint8_t *etf = malloc(2 * n + 2);
    etf[0] = 131;
    for (size_t i = 0; i < n; i++)
        etf[1 + 2 * i] = 104, etf[2 + 2 * i] = 1;
    etf[1 + 2 * n] = 106;
    refused(load_literal(etf, 2 * n + 2), "literal nested too deeply");
    free(etf);
}
END_TEST

START_TEST(table_literal_section)
{
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
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
    img_std(&m, 3);
    body_ok(&m.code);
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
    img_std(&m, 3);
    body_ok(&m.code);
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

/* main/0 (labels 1, 2) and one/1 (labels 3, 4) with a FUNT section given. */
static Module *load_with_lambdas(const BcBuf *funt)
{
    Img m = { 0 };
    img_std(&m, 5);
    m.code.data[1] = 2; /* two functions (the header is 2 one-byte varints) */
    body_ok(&m.code);
    ins(&m.code, 1, "u", 3);
    ins(&m.code, 2, "aau", 0, 2, 1);
    ins(&m.code, 1, "u", 4);
    ins(&m.code, 19, "");
    bc_put_bytes(&m.funt, funt->data, funt->len);
    Module *mod = load_img(&m);
    img_free(&m);
    return mod;
}

static void put_lambda(BcBuf *b, uint64_t name, uint64_t arity, uint64_t label, uint64_t nfree, uint64_t index,
                       uint64_t uniq)
{
    uint64_t v[6] = { name, arity, label, nfree, index, uniq };
    for (int i = 0; i < 6; i++)
        bc_put_varint(b, v[i]);
}

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

START_TEST(table_lines)
{
    Img m = { 0 };
    img_std(&m, 3);
    /* line 2 refers to the second entry; there is one. */
    ins(&m.code, 153, "u", 2);
    body_ok(&m.code);
    bc_put_varint(&m.line, 1);
    put_name(&m.line, "t.erl");
    bc_put_varint(&m.line, 1);
    bc_put_varint(&m.line, 0), bc_put_varint(&m.line, 5);
    refused(load_img(&m), "(line): line entry out of range");
    bc_buf_free(&m.line);

    bc_put_varint(&m.line, 1);
    put_name(&m.line, "t.erl");
    bc_put_varint(&m.line, 2);
    bc_put_varint(&m.line, 0), bc_put_varint(&m.line, 5);
    bc_put_varint(&m.line, 1), bc_put_varint(&m.line, 6); /* file 1 of 1 */
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

    bc_put_varint(&m.line, 1);
    put_name(&m.line, "t.erl");
    bc_put_varint(&m.line, 2);
    bc_put_varint(&m.line, 0), bc_put_varint(&m.line, 5);
    bc_put_varint(&m.line, 0), bc_put_varint(&m.line, 6);
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
    bc_put_varint(&m.line, 1);
    put_name(&m.line, "t.erl");
    bc_put_varint(&m.line, 2);
    bc_put_varint(&m.line, 0), bc_put_varint(&m.line, 5);
    bc_put_varint(&m.line, 0), bc_put_varint(&m.line, 6);
    Module *mod = load_img(&m);
    ck_assert_msg(mod != NULL, "%s", err);
    ck_assert_uint_eq(mod->nfiles, 1);
    img_free(&m);
}
END_TEST

/* ---- decoding instructions */

/* main/0 with a body from f(), nlabels labels. */
static Module *load_code(unsigned nlabels, void (*f)(BcBuf *))
{
    Img m = { 0 };
    img_std(&m, nlabels);
    f(&m.code);
    Module *mod = load_img(&m);
    img_free(&m);
    return mod;
}

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

static void s_outside(BcBuf *c) { ins(c, 19, ""); ins(c, 19, ""); ins(c, 1, "u", 2); }

START_TEST(code_structure)
{
    Img m = { 0 };
    img_atoms(&m, std_atoms);
    bc_put_varint(&m.code, 3), bc_put_varint(&m.code, 1);
    ins(&m.code, 19, "");
    refused(load_img(&m), "instruction outside any function");
    bc_buf_free(&m.code);

    bc_put_varint(&m.code, 3), bc_put_varint(&m.code, 1);
    ins(&m.code, 1, "u", 1);
    ins(&m.code, 2, "aau", 2, 1, 0);
    ins(&m.code, 1, "u", 2);
    ins(&m.code, 19, "");
    refused(load_img(&m), "func_info names module 'ok', not 't'");
    bc_buf_free(&m.code);

    bc_put_varint(&m.code, 3), bc_put_varint(&m.code, 1);
    ins(&m.code, 1, "u", 1);
    ins(&m.code, 2, "aau", 0, 1, 256);
    ins(&m.code, 1, "u", 2);
    ins(&m.code, 19, "");
    refused(load_img(&m), "function arity 256 too large");
    bc_buf_free(&m.code);

    bc_put_varint(&m.code, 3), bc_put_varint(&m.code, 1);
    ins(&m.code, 1, "u", 1);
    ins(&m.code, 2, "aau", 0, 1, 0);
    ins(&m.code, 19, "");
    refused(load_img(&m), "function main/0 has no entry label after func_info");
    bc_buf_free(&m.code);

    bc_put_varint(&m.code, 3), bc_put_varint(&m.code, 1);
    ins(&m.code, 1, "u", 0);
    ins(&m.code, 2, "aau", 0, 1, 0);
    ins(&m.code, 1, "u", 2);
    ins(&m.code, 19, "");
    refused(load_img(&m), "label 0 out of range");
    img_free(&m);

    refused(load_code(3, s_outside), "label 2 defined twice");
}
END_TEST

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
    bc_put_varint(&m.code, 3), bc_put_varint(&m.code, 1);
    ins(&m.code, 1, "u", 1), ins(&m.code, 2, "aau", 0, 1, 0), ins(&m.code, 1, "u", 2);
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
    bc_put_varint(&m.code, 2), bc_put_varint(&m.code, 64);
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
    Process *p = r.p;
    ck_assert(is_boxed(v));
    Term *b = boxed_ptr(v);
    bool young = b >= p->heap && b < p->htop, old = p->old_heap && b >= p->old_heap && b < p->old_htop;
    ck_assert_msg(young || old, "the try_clause value points outside the process heap (freed by the collection)");
    ck_assert(is_tuple(v) && tuple_arity(v) == 2 && tuple_elem(v, 1) == make_small(1));
    run_free(&r);
}
END_TEST

/* A line table file name of 256..1020 ASCII characters passed the byte
 * check; atom_intern refused it and THE_NON_VALUE became the file's atom. */
START_TEST(hole_line_file_name_too_long)
{
    Img m = { 0 };
    img_std(&m, 3);
    body_ok(&m.code);
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
        Process *p = r.p;
        ck_assert(is_tuple(r.result) && tuple_arity(r.result) == 2);
        Term e = tuple_elem(r.result, 1); /* read the word, do not follow it */
        ck_assert(is_boxed(e));
        Term *b = boxed_ptr(e);
        bool young = b >= p->heap && b < p->htop, old = p->old_heap && b >= p->old_heap && b < p->old_htop;
        ck_assert_msg(young || old, "the tuple points into a block a collection freed");
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
    bc_put_varint(&m.code, 2 * n + 1), bc_put_varint(&m.code, n);
    for (unsigned k = 0; k < n; k++) {
        ins(&m.code, 1, "u", 2 * k + 1);
        ins(&m.code, 2, "aau", 0, 1, 0);
        ins(&m.code, 1, "u", 2 * k + 2);
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
    bc_put_varint(&m.code, 3), bc_put_varint(&m.code, 1);
    ins(&m.code, 1, "u", 1), ins(&m.code, 2, "aau", 0, 1, 0), ins(&m.code, 1, "u", 2);
    ins(&m.code, 64, "xy", 0, 0); /* a y register without a frame */
    ins(&m.code, 19, "");
    Module *mod = load_img(&m);
    ck_assert_ptr_null(mod);
    ck_assert_msg(strchr(err, '\n') == NULL, "the message spans lines: %s", err);
    img_free(&m);

    Img n = { 0 };
    const char *const names2[] = { "t\x1b[2J", "main", NULL };
    img_atoms(&n, names2);
    bc_put_varint(&n.code, 3), bc_put_varint(&n.code, 1);
    ins(&n.code, 1, "u", 1), ins(&n.code, 2, "aau", 0, 1, 0), ins(&n.code, 1, "u", 2);
    ins(&n.code, 19, "");
    ck_assert_ptr_nonnull(load_img(&n));
    mod = load_img(&n); /* already loaded: the message names the module */
    ck_assert_ptr_null(mod);
    ck_assert_msg(strchr(err, '\x1b') == NULL, "the message holds a raw escape character: %s", err);
    img_free(&n);
}
END_TEST

/* ---- the suite */

static Suite *loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("good");
    tcase_add_test(tc, good_minimal_bytes);
    tcase_add_test(tc, good_minor_version_and_padding);
    tcase_add_test(tc, good_nested_try_runs);
    tcase_add_test(tc, good_closure_and_bif);
    tcase_add_test(tc, good_module_already_loaded);
    tcase_add_test(tc, good_expected_name);
    suite_add_tcase(s, tc);

    tc = tcase_create("container");
    tcase_add_test(tc, container_bad_magic);
    tcase_add_test(tc, container_version);
    tcase_add_test(tc, container_truncated_everywhere);
    tcase_add_test(tc, container_section_errors);
    tcase_add_test(tc, container_duplicate_and_missing);
    tcase_add_test(tc, container_every_byte_changed);
    suite_add_tcase(s, tc);

    tc = tcase_create("tables");
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
    suite_add_tcase(s, tc);

    tc = tcase_create("code");
    tcase_add_test(tc, code_operands);
    tcase_add_test(tc, code_header);
    tcase_add_test(tc, code_structure);
    suite_add_tcase(s, tc);

    tc = tcase_create("verifier");
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
    suite_add_tcase(s, tc);

    tc = tcase_create("holes");
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
    suite_add_tcase(s, tc);

    /* Loads that must take well under a second (about 0.1 s, 0.5 s under
     * ASan); the timeout is what fails them. */
    tc = tcase_create("load_time");
    tcase_set_timeout(tc, 3);
    tcase_add_test(tc, hole_verify_time_in_functions);
    tcase_add_test(tc, hole_verify_time_in_handlers);
    suite_add_tcase(s, tc);

    tc = tcase_create("bugs");
    tcase_add_test(tc, bug_atom_with_newline_in_message);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    atom_init();
    export_init();
    bif_init();
    interp_init();
    SRunner *sr = srunner_create(loader_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
