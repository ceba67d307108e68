/* fuzz_compile.c - libFuzzer target: arbitrary bytes as an Erlang source
 * through the whole compiler (lexer, preprocessor, parser, semantic pass,
 * code generator, assembler) and, when it compiles, through the loader and
 * verifier.
 *
 * Built by tests/fuzz/fuzz.mk (`fuzz-compile`) with clang
 * -fsanitize=fuzzer,address,undefined. The compiler must never crash,
 * hang or leak; besides sanitizer reports, these are findings (abort()):
 *  - the assembler refuses the generated assembly: the compiler produced
 *    wrong code;
 *  - the code generator refuses a module that the semantic pass accepted,
 *    other than for what it documents as unsupported (an "internal
 *    error", a variable it finds unbound...);
 *  - the loader/verifier refuses the bytecode of a module that compiled,
 *    except for the instructions it does not run yet (message passing)
 *    and a full atom table (a long run interns many random atoms);
 *  - a pass fails without printing any error.
 *
 * The input is the source of /fuzz/m.erl. If it contains a line
 * "%%%%" the text after that line is the file inc.hrl of the same folder,
 * so that -include("inc.hrl") (or -include_lib) reads it; no other file
 * exists: the preprocessor's reads go through read_input, never the file
 * system. */
#define _GNU_SOURCE /* memmem, open_memstream */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "asm.h"
#include "codegen.h"
#include "diag.h"
#include "parser.h"
#include "sema.h"
#include "export.h"
#include "interp.h"
#include "loader.h"
#include "module.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SEPARATOR "\n%%%%\n"

typedef struct {
    const char *inc;
    size_t inc_len;
} Files;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    atom_init();
    export_init();
    bif_init();
    interp_init();
    return 0;
}

/* The preprocessor's file reader: only inc.hrl in the source's folder. */
static char *read_input(void *ctx, const char *path, size_t *len)
{
    const Files *f = ctx;
    if (!f->inc || strcmp(path, "/fuzz/inc.hrl") != 0)
        return NULL;
    char *copy = malloc(f->inc_len ? f->inc_len : 1);
    if (!copy)
        return NULL;
    memcpy(copy, f->inc, f->inc_len);
    *len = f->inc_len;
    return copy;
}

/* Does s contain w? By hand: libFuzzer intercepts strstr and would learn
 * the messages' words as input. */
static bool contains(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] == w[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static void finding(const char *what, const char *msgs)
{
    fprintf(stderr, "fuzz_compile: %s\n%s\n", what, msgs ? msgs : "");
    abort();
}

/* Loads and verifies what compiled; frees it again (never published). */
static void load(const BcBuf *bc, const char *msgs)
{
    char err[512];
    err[0] = 0;
    LdExport *exports = NULL;
    unsigned nexports = 0;
    const Instr **entries = NULL;
    Module *m = ld_load(bc->data, bc->len, THE_NON_VALUE, err, sizeof err, &exports, &nexports, &entries);
    if (m) {
        free(exports);
        free(entries);
        ld_free_module(m);
        return;
    }
    if (contains(err, "not supported yet") || contains(err, "atom table is full"))
        return;
    fprintf(stderr, "fuzz_compile: loader: %s\n", err);
    finding("the loader refused the compiled module", msgs);
}

/* Runs the compiler's passes one by one (as comp_compile_opts does), so
 * that each one's failure is told apart: the front end and the semantic
 * pass may refuse anything, the code generator only what it documents as
 * unsupported, the assembler nothing. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    Files files = { NULL, 0 };
    size_t src_len = size;
    const char *sep = memmem(src, size, SEPARATOR, strlen(SEPARATOR));
    if (sep) {
        src_len = (size_t)(sep - src) + 1;
        files.inc = sep + strlen(SEPARATOR);
        files.inc_len = size - (size_t)(files.inc - src);
    }
    FrontOptions front = { 0 };
    front.read_file = read_input;
    front.read_ctx = &files;

    char *msgs = NULL;
    size_t msgs_len = 0;
    FILE *errs = open_memstream(&msgs, &msgs_len);
    if (!errs)
        return 0;
    Diag d;
    diag_init(&d, "/fuzz/m.erl", src, src_len, errs);
    CompUnit *u = front_parse(src, src_len, "/fuzz/m.erl", &d, &front);
    if (!u)
        finding("front_parse returned NULL", NULL);
    int nerr = sema_check(u, &d, true);
    fflush(errs);
    if (nerr > 0 && d.errors == 0)
        finding("sema_check's count disagrees with the Diag", msgs);
    if (d.errors) {
        if (!contains(msgs, ": error: "))
            finding("errors counted but none printed", msgs);
        goto done;
    }
    size_t front_len = msgs_len;
    StrBuf text = { 0 };
    bool ok = cg_generate(u, &d, "/fuzz/m.erl", &text);
    fflush(errs);
    const char *cg_msgs = msgs + front_len;
    if (!ok) {
        if (!contains(cg_msgs, ": error: "))
            finding("the code generator failed without an error message", msgs);
        /* what the back end does not support, documented in codegen.h;
         * anything else means the semantic pass let through what the code
         * generator cannot handle */
        if (!contains(cg_msgs, "binary segments other than constants") &&
            !contains(cg_msgs, "binary patterns that are not constants") &&
            !contains(cg_msgs, "binary generators are not supported") &&
            !contains(cg_msgs, "binary comprehensions are not supported") &&
            !contains(cg_msgs, "x registers") && !contains(cg_msgs, "too many variables captured") &&
            !contains(cg_msgs, "nested too deeply"))
            finding("the code generator refused a module the semantic pass accepted", msgs);
        sb_free(&text);
        goto done;
    }
    BcBuf bc = { 0 };
    size_t asm_start = msgs_len;
    if (!asm_assemble(text.data ? text.data : "", text.len, "<generated assembly>", &bc, errs)) {
        fflush(errs);
        fprintf(stderr, "%s\n", msgs + asm_start);
        finding("the assembler refused the generated assembly", text.data);
    }
    load(&bc, msgs);
    bc_buf_free(&bc);
    sb_free(&text);
done:
    front_free(u);
    fclose(errs);
    free(msgs);
    return 0;
}
