/* loader_harness.h - what the test_loader*.c programs share: building
 * bytecode images in memory, loading them, checking refusals and running
 * what loads. Static functions, included once by each program.
 *
 * Images are built either by assembling text (asm_assemble) or, for what
 * the assembler refuses to write, byte by byte with the bcfile.h writers,
 * and loaded with code_load_image. Every refusal is checked for a one-line
 * "t.bc: error: ..." message holding a stable substring, not just for
 * failure. */
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
#include "unit_suite.h"

/* Not every program uses every helper. */
#define HARNESS static __attribute__((unused))

/* ---- building images byte by byte */

/* Appends one instruction: opcode, then one operand per letter of fmt:
 *   x y a l f u e F L  BC_X BC_Y BC_ATOM BC_LIT BC_LABEL BC_UINT BC_IMPORT
 *                      BC_LAMBDA BC_LIST, each taking an int argument
 *   U                  BC_UINT with an unsigned long long argument
 *   i / I              BC_INT with an int / a long long argument
 *   n                  BC_NIL (no argument)
 *   d                  BC_FLOAT with a double argument
 *   t                  a raw tag byte (int), then a varint (int): for bad tags */
HARNESS void ins(BcBuf *b, unsigned opnum, const char *fmt, ...)
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

HARNESS void put_name(BcBuf *b, const char *s)
{
    bc_put_varint(b, strlen(s));
    bc_put_bytes(b, s, strlen(s));
}

/* The CODE section's header: label and function counts. */
HARNESS void code_head(BcBuf *c, unsigned nlabels, unsigned nfuncs)
{
    bc_put_varint(c, nlabels);
    bc_put_varint(c, nfuncs);
}

/* label l1, func_info {atom,mod} {atom,name} arity, label l2: the head of a
 * function (mod and name index the atoms). */
HARNESS void fn_head(BcBuf *c, unsigned l1, unsigned mod, unsigned name, unsigned arity, unsigned l2)
{
    ins(c, 1, "u", l1);
    ins(c, 2, "aau", mod, name, arity);
    ins(c, 1, "u", l2);
}

/* The sections of a module under construction: each BcBuf holds a whole
 * section body. An empty buffer is left out of the file. */
typedef struct {
    BcBuf atom, litt, impt, expt, funt, line, code;
} Img;

HARNESS void img_free(Img *m)
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
HARNESS void img_atoms(Img *m, const char *const *names)
{
    unsigned n = 0;
    while (names[n])
        n++;
    bc_put_varint(&m->atom, n);
    for (unsigned i = 0; i < n; i++)
        put_name(&m->atom, names[i]);
}

HARNESS BcBuf img_build(const Img *m)
{
    BcBuf out = { 0 };
    bc_write_file(&out, &m->atom, &m->litt, &m->impt, &m->expt, &m->funt, &m->line, &m->code);
    return out;
}

/* Atoms t, main, ok; export main/0 (label 2); the code header for nlabels
 * labels and one function, then main/0's head: label 1, func_info, label 2.
 * The caller appends main's body to m->code. */
HARNESS const char *const std_atoms[] = { "t", "main", "ok", NULL };

HARNESS void img_std(Img *m, unsigned nlabels)
{
    img_atoms(m, std_atoms);
    bc_put_varint(&m->expt, 1);
    bc_put_varint(&m->expt, 1), bc_put_varint(&m->expt, 0), bc_put_varint(&m->expt, 2);
    code_head(&m->code, nlabels, 1);
    fn_head(&m->code, 1, 0, 1, 0, 2);
}

/* move {atom,ok} x0; return */
HARNESS void body_ok(BcBuf *code)
{
    ins(code, 64, "ax", 2, 0);
    ins(code, 19, "");
}

/* The standard module (img_std, 3 labels) whose main/0 returns ok. */
HARNESS void img_ok(Img *m)
{
    img_std(m, 3);
    body_ok(&m->code);
}

/* That module as a file. */
HARNESS BcBuf ok_file(void)
{
    Img m = { 0 };
    img_ok(&m);
    BcBuf b = img_build(&m);
    img_free(&m);
    return b;
}

/* ---- loading */

static char err[1024];

HARNESS Module *load_bytes(const void *data, size_t len)
{
    err[0] = 0;
    return code_load_image(data, len, "t.bc", err, sizeof err);
}

HARNESS Module *load_img(const Img *m)
{
    BcBuf b = img_build(m);
    Module *mod = load_bytes(b.data, b.len);
    bc_buf_free(&b);
    return mod;
}

/* A refusal: no module, and one line "t.bc: error: ..." containing want. */
HARNESS void check_refused(Module *m, const char *want, const char *file, int line)
{
    ck_assert_msg(m == NULL, "%s:%d: loaded, but expected an error containing '%s'", file, line, want);
    ck_assert_msg(strncmp(err, "t.bc: error: ", 13) == 0, "%s:%d: message lacks the prefix: %s", file, line, err);
    ck_assert_msg(strchr(err, '\n') == NULL, "%s:%d: message is not one line: %s", file, line, err);
    ck_assert_msg(strlen(err) > 13, "%s:%d: empty message", file, line);
    ck_assert_msg(strstr(err, want) != NULL, "%s:%d: expected '%s' in: %s", file, line, want, err);
}
#define refused(m, want) check_refused((m), (want), __FILE__, __LINE__)

HARNESS Module *load_src(const char *src)
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
HARNESS Module *load_body(const char *body)
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
HARNESS Run run_main(Module *m, int slices)
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

HARNESS void run_free(Run *r)
{
    proc_free(r->p);
    free(r->x);
}

/* main/0 with a body from f(), nlabels labels. */
HARNESS Module *load_code(unsigned nlabels, void (*f)(BcBuf *))
{
    Img m = { 0 };
    img_std(&m, nlabels);
    f(&m.code);
    Module *mod = load_img(&m);
    img_free(&m);
    return mod;
}

/* main/0 (labels 1, 2) and one/1 (labels 3, 4) with a FUNT section given. */
HARNESS Module *load_with_lambdas(const BcBuf *funt)
{
    Img m = { 0 };
    img_std(&m, 5);
    m.code.data[1] = 2; /* two functions (the header is 2 one-byte varints) */
    body_ok(&m.code);
    fn_head(&m.code, 3, 0, 2, 1, 4);
    ins(&m.code, 19, "");
    bc_put_bytes(&m.funt, funt->data, funt->len);
    Module *mod = load_img(&m);
    img_free(&m);
    return mod;
}

/* One FUNT entry. */
HARNESS void put_lambda(BcBuf *b, uint64_t name, uint64_t arity, uint64_t label, uint64_t nfree, uint64_t index,
                        uint64_t uniq)
{
    uint64_t v[6] = { name, arity, label, nfree, index, uniq };
    for (int i = 0; i < 6; i++)
        bc_put_varint(b, v[i]);
}

/* main() of each program: the VM's tables set up as vm/main.c sets them,
 * then the suite; the exit status says whether every test passed. */
HARNESS int loader_main(Suite *s)
{
    atom_init();
    export_init();
    bif_init();
    interp_init();
    return unit_run(s);
}
