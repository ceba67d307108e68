/* fuzz_loader.c - libFuzzer target: arbitrary bytes through the whole
 * loader (container, tables, literals, decoding, verifier, emitter).
 *
 * Built by tests/fuzz/fuzz.mk with clang -fsanitize=fuzzer,address,undefined.
 * Every input must either load or be refused with a one-line message; any
 * crash, sanitizer report, leak or malformed message is a finding.
 *
 * It calls ld_load directly rather than code_load_image: the code server
 * publishes what loads (and its table holds 4096 modules, after which it
 * refuses everything), while ld_load only builds the module, which this
 * target then frees itself (see free_module). What it cannot give back:
 * atoms (the atom table holds 1048576, never freed), export entries made
 * for imports, and catch table entries (4194304 in all, one per catch or
 * try instruction of every module that reached the emitter). A long run
 * (hours) eventually fills the atom or catch table, after which the
 * loader refuses inputs at that step; a short one never does. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "export.h"
#include "interp.h"
#include "loader.h"
#include "module.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

/* Frees a module that ld_load built and nobody published. The module's
 * literal area is the loader's chain of literal blocks (emit.c hands
 * ld->lits over as literal_area), which ld_lit_free releases. vm/ has no
 * function for this yet (see tests/fuzz/README.md). */
static void free_module(Module *m)
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
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    err[0] = 0;
    LdExport *exports = NULL;
    unsigned nexports = 0;
    const Instr **entries = NULL;
    Module *m = ld_load(data, size, THE_NON_VALUE, err, sizeof err, &exports, &nexports, &entries);
    if (m) {
        free(exports);
        free(entries);
        free_module(m);
        return 0;
    }
    /* A refusal is one non-empty line. */
    if (!err[0] || strchr(err, '\n')) {
        fprintf(stderr, "bad loader message: '%s'\n", err);
        abort();
    }
    return 0;
}
