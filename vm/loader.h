/* loader.h - the loader's working state, shared by loader.c (reading and
 * checking tables), verify.c (checking each function's control flow) and
 * emit.c (laying out threaded code). Only code.c calls ld_load. */
#ifndef BL_LOADER_H
#define BL_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bcfile.h"
#include "export.h"
#include "module.h"

/* A decoded .bc instruction: opcode number and the indices of its
 * top-level operands in Loader.ops (a list operand is followed there by its
 * items). */
typedef struct {
    uint16_t op;
    uint8_t n;
    uint32_t first;
    uint32_t offset; /* byte offset in the CODE section, for messages */
    uint32_t arg[8];
} DInstr;

typedef struct {
    Term name;
    unsigned arity;
    uint32_t first, info, end; /* instruction indices: [first, end) */
    uint32_t entry_label;
} LdFunc;

typedef struct {
    Term name;
    uint32_t arity, label;
} LdExport;

typedef struct {
    uint32_t file, line;
} LdLine;

typedef struct {
    size_t at;      /* code word to patch */
    uint32_t label; /* with the address of this label */
} LdFixup;

typedef struct LitBlock LitBlock;

typedef struct {
    BcFile file;
    char *err;
    size_t errlen;
    bool failed;

    Term module_name;
    Term *atoms;
    uint32_t natoms;
    Term *literals;
    uint32_t nliterals;
    LitBlock *lits;
    Export **imports;
    uint32_t nimports;
    LdExport *exports;
    uint32_t nexports;
    FunEntry *lambdas;
    uint32_t *lambda_labels;
    uint32_t nlambdas;
    Term *files;
    uint32_t nfiles;
    LdLine *line_entries;
    uint32_t nline_entries;

    BcOperand *ops;
    size_t nops, ops_cap;
    DInstr *instrs;
    uint32_t ninstrs;
    size_t instrs_cap;
    uint32_t nlabels, nfuncs_declared;
    uint32_t *label_at;   /* label -> instruction index, UINT32_MAX if undefined */
    uint32_t *label_func; /* label -> function index */
    LdFunc *funcs;
    uint32_t nfuncs;
    unsigned max_x;
    const Instr **export_entries; /* entry of each export, once emitted */
    bool skip_next; /* the next instruction was fused into this one */

    /* Emission. */
    Instr *code;
    size_t ncode, code_cap;
    size_t *label_code; /* label -> code word index */
    LdFixup *fixups;
    size_t nfixups, fixups_cap;
    /* Backward branches of tests go through a jump stub (which costs a
     * reduction): the stub's label and the word to point at the stub. */
    LdFixup *back_refs;
    size_t nback_refs, back_refs_cap;
    uint32_t emit_instr; /* index of the instruction being emitted */
    struct { size_t at; uint32_t entry; } *line_marks;
    size_t nline_marks, line_marks_cap;
    struct { uint32_t catch_index; uint32_t label; } *catch_fixups;
    size_t ncatch_fixups, catch_fixups_cap;
} Loader;

/* Loads a module. expect_name: the module the file must hold, or
 * THE_NON_VALUE. On success also hands over the export list and the entry
 * address of each (the caller frees both arrays once it has published
 * them). */
Module *ld_load(const unsigned char *data, size_t size, Term expect_name, char *err, size_t errlen,
                LdExport **exports, unsigned *nexports, const Instr ***entries);

/* Frees a module ld_load built that was never published (refused as
 * already loaded): nothing can refer to it yet. */
void ld_free_module(Module *m);

void ld_error(Loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Term *ld_lit_alloc(void *ctx, size_t words);
void ld_lit_free(Loader *ld);
int ld_entry_func(Loader *ld, uint64_t label);
void ld_verify(Loader *ld);
Module *ld_emit(Loader *ld);

/* Catch table: handler addresses for catch markers, global to the VM. */
typedef struct {
    const Instr *handler;
    uint32_t y;      /* the y register holding the marker */
    bool is_try;     /* try (x0..x2 := class, reason, trace) or catch */
} CatchEntry;

/* Reserves n consecutive entries; returns the first index, or UINT32_MAX
 * if the table is full. Thread safe. */
uint32_t catch_reserve(uint32_t n);
CatchEntry *catch_entry(uint32_t index);

#endif
