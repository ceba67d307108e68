/* module.h - loaded modules and the code server that finds and loads them.
 *
 * Modules are loaded once and never unloaded (yet), so code addresses and
 * literals stay valid for the life of the VM. */
#ifndef BL_MODULE_H
#define BL_MODULE_H

#include <stdbool.h>
#include <stddef.h>

#include "code.h"
#include "term.h"

typedef struct Module Module;

/* A lambda (fun) defined in a module: what make_fun3 closes over. */
typedef struct FunEntry {
    Module *module;
    Term name;          /* the function holding the lambda's code */
    unsigned arity;     /* arity of the fun as called (without free vars) */
    unsigned nfree;     /* free variables captured */
    const Instr *code;  /* entry point; receives args then free vars */
    uint32_t index, uniq;
} FunEntry;

/* One function's extent, for mapping code addresses to names. */
typedef struct {
    const Instr *start, *end; /* [start, end) covers func_info too */
    Term name;
    unsigned arity;
} FuncInfo;

/* Code address -> source line, sorted by address. */
typedef struct {
    const Instr *pc;
    uint32_t line;
    uint32_t file; /* index into files */
} LineInfo;

struct Module {
    Term name;
    Instr *code;
    size_t code_len;
    Term *literal_area; /* heap words holding all literal terms */
    size_t literal_words;
    FunEntry *lambdas;
    unsigned nlambdas;
    FuncInfo *funcs; /* sorted by start */
    unsigned nfuncs;
    LineInfo *lines;
    unsigned nlines;
    Term *files; /* atoms naming the source files of the line table */
    unsigned nfiles;
    unsigned max_x; /* highest x register used, plus one */
    uint8_t md5[16]; /* of the .bc image: module_info(md5), its vsn */
    char *source;    /* the file it was loaded from, absolute if known */
};

/* Module search path: the entry file's folder, -pa folders, the standard
 * library folder. Folders are searched in the order added. */
void code_add_path(const char *dir);

/* Finds an already loaded module; NULL if none. Thread safe. */
Module *code_find_module(Term name);

/* Loads a module from a .bc image in memory. `what` names it in errors
 * (usually the file name). On failure returns NULL and writes a one-line
 * message, without a trailing newline, into err. Thread safe. */
Module *code_load_image(const unsigned char *data, size_t size, const char *what, char *err,
                        size_t errlen);

/* Loads name.bc from the search path if not loaded yet; NULL if not found or
 * it fails to load (the error is printed to stderr in that case). */
Module *code_ensure_loaded(Term name);

/* The function containing pc, or NULL; and the source line at pc (0 if
 * unknown), its file in *file (an atom, or NIL). */
const FuncInfo *code_func_at(const Instr *pc, Module **mod);
uint32_t code_line_at(const Module *m, const Instr *pc, Term *file);

/* Reads a whole file into a malloc'd buffer; NULL if it cannot be read. */
unsigned char *code_read_file(const char *path, size_t *size);

/* Highest x register index used by any loaded module, plus one. */
unsigned code_max_x(void);

#endif
