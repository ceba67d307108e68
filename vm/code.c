/* code.c - the code server: the table of loaded modules, the search path,
 * loading on first use, the catch table, and mapping code addresses back to
 * functions and lines for stack traces.
 *
 * One mutex serialises loading; a module is entered into the table and its
 * exports published only once it is complete, so running code never sees a
 * half-loaded module. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "export.h"
#include "loader.h"
#include "md5.h"
#include "module.h"

#define MAX_MODULES 4096
#define MAX_PATHS 64

static pthread_mutex_t code_lock = PTHREAD_MUTEX_INITIALIZER;
static Module *_Atomic modules[MAX_MODULES];
static _Atomic unsigned nmodules;
static char *paths[MAX_PATHS];
static unsigned npaths;
static _Atomic unsigned max_x_all;

/* ---- catch table: chunks that never move */

#define CATCH_CHUNK 4096
#define CATCH_CHUNKS 1024
static CatchEntry *catch_chunks[CATCH_CHUNKS];
static uint32_t ncatches;

uint32_t catch_reserve(uint32_t n)
{
    /* Called with code_lock held (from the loader). */
    if ((uint64_t)ncatches + n > (uint64_t)CATCH_CHUNK * CATCH_CHUNKS)
        return UINT32_MAX;
    uint32_t first = ncatches;
    for (uint32_t i = first; i < first + n; i++) {
        if (!catch_chunks[i / CATCH_CHUNK]) {
            catch_chunks[i / CATCH_CHUNK] = calloc(CATCH_CHUNK, sizeof(CatchEntry));
            if (!catch_chunks[i / CATCH_CHUNK])
                return UINT32_MAX;
        }
    }
    ncatches += n;
    return first;
}

CatchEntry *catch_entry(uint32_t index) { return &catch_chunks[index / CATCH_CHUNK][index % CATCH_CHUNK]; }

/* ---- search path */

void code_add_path(const char *dir)
{
    pthread_mutex_lock(&code_lock);
    if (npaths < MAX_PATHS) {
        paths[npaths] = strdup(dir);
        if (paths[npaths])
            npaths++;
    }
    pthread_mutex_unlock(&code_lock);
}

Module *code_find_module(Term name)
{
    unsigned n = atomic_load_explicit(&nmodules, memory_order_acquire);
    for (unsigned i = 0; i < n; i++) {
        Module *m = atomic_load_explicit(&modules[i], memory_order_acquire);
        if (m && m->name == name)
            return m;
    }
    return NULL;
}

static Module *find_locked(Term name)
{
    return code_find_module(name);
}

/* What module_info tells about a module: its digest and where it came
 * from (the file named by `what`, made absolute when it exists). */
static void describe(Module *m, const unsigned char *data, size_t size, const char *what)
{
    md5_digest(data, size, m->md5);
    char *abs = realpath(what, NULL);
    m->source = abs ? abs : strdup(what);
}

/* Publishes a verified module: the table entry, then the export entries. */
static void publish(Module *m, const unsigned char *data, size_t size, const char *what)
{
    describe(m, data, size, what);
    unsigned n = atomic_load_explicit(&nmodules, memory_order_relaxed);
    atomic_store_explicit(&modules[n], m, memory_order_release);
    atomic_store_explicit(&nmodules, n + 1, memory_order_release);
    unsigned mx = atomic_load(&max_x_all);
    if (m->max_x > mx)
        atomic_store(&max_x_all, m->max_x);
}

static void publish_exports(Module *m, const LdExport *ex, unsigned n, const Instr *const *entries)
{
    for (unsigned i = 0; i < n; i++) {
        Export *e = export_get(m->name, ex[i].name, ex[i].arity);
        if (e)
            atomic_store_explicit(&e->code, entries[i], memory_order_release);
    }
}

/* Error messages quote names from the file, which may hold any bytes:
 * control characters become '?' so the message stays one plain line. */
static void one_line(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}

static Module *load_checked(const unsigned char *data, size_t size, Term expect, const char *what, char *err,
                            size_t errlen);

static Module *load_locked(const unsigned char *data, size_t size, Term expect, const char *what, char *err,
                           size_t errlen)
{
    Module *m = load_checked(data, size, expect, what, err, errlen);
    if (!m)
        one_line(err);
    return m;
}

static Module *load_checked(const unsigned char *data, size_t size, Term expect, const char *what, char *err,
                            size_t errlen)
{
    char msg[512];
    if (atomic_load(&nmodules) >= MAX_MODULES) {
        snprintf(err, errlen, "%s: error: too many modules loaded", what);
        return NULL;
    }
    LdExport *ex = NULL;
    unsigned nex = 0;
    const Instr **entries = NULL;
    Module *m = ld_load(data, size, expect, msg, sizeof msg, &ex, &nex, &entries);
    if (!m) {
        snprintf(err, errlen, "%s: error: %s", what, msg);
        return NULL;
    }
    if (find_locked(m->name)) {
        snprintf(err, errlen, "%s: error: module '%s' is already loaded", what, atom_cstr(m->name));
        free(ex);
        free(entries);
        ld_free_module(m);
        return NULL;
    }
    publish(m, data, size, what);
    publish_exports(m, ex, nex, entries);
    free(ex);
    free(entries);
    return m;
}

Module *code_load_image(const unsigned char *data, size_t size, const char *what, char *err, size_t errlen)
{
    pthread_mutex_lock(&code_lock);
    Module *m = load_locked(data, size, THE_NON_VALUE, what, err, errlen);
    pthread_mutex_unlock(&code_lock);
    return m;
}

static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            unsigned char *n = realloc(buf, cap);
            if (!n) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = n;
        }
        size_t r = fread(buf + len, 1, cap - len, f);
        len += r;
        if (r == 0)
            break;
    }
    fclose(f);
    *size = len;
    return buf;
}

unsigned char *code_read_file(const char *path, size_t *size) { return read_file(path, size); }

Module *code_ensure_loaded(Term name)
{
    Module *m = code_find_module(name);
    if (m)
        return m;
    pthread_mutex_lock(&code_lock);
    m = find_locked(name);
    for (unsigned i = 0; !m && i < npaths; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.bc", paths[i], atom_cstr(name));
        size_t size;
        unsigned char *data = read_file(path, &size);
        if (!data)
            continue;
        char err[640];
        m = load_locked(data, size, name, path, err, sizeof err);
        free(data);
        if (!m)
            fprintf(stderr, "%s\n", err);
        break;
    }
    pthread_mutex_unlock(&code_lock);
    return m;
}

/* ---- address lookup */

const FuncInfo *code_func_at(const Instr *pc, Module **mod)
{
    unsigned n = atomic_load_explicit(&nmodules, memory_order_acquire);
    for (unsigned i = 0; i < n; i++) {
        Module *m = atomic_load_explicit(&modules[i], memory_order_acquire);
        if (!m || pc < m->code || pc >= m->code + m->code_len)
            continue;
        unsigned lo = 0, hi = m->nfuncs;
        while (lo < hi) {
            unsigned mid = (lo + hi) / 2;
            if (pc < m->funcs[mid].start)
                hi = mid;
            else if (pc >= m->funcs[mid].end)
                lo = mid + 1;
            else {
                if (mod)
                    *mod = m;
                return &m->funcs[mid];
            }
        }
        return NULL;
    }
    return NULL;
}

uint32_t code_line_at(const Module *m, const Instr *pc, Term *file)
{
    unsigned lo = 0, hi = m->nlines;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (m->lines[mid].pc <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (file)
        *file = NIL;
    if (lo == 0)
        return 0;
    const LineInfo *li = &m->lines[lo - 1];
    if (li->line == 0 && li->file == 0)
        return 0;
    if (file && li->file < m->nfiles)
        *file = m->files[li->file];
    return li->line;
}

unsigned code_max_x(void) { return atomic_load_explicit(&max_x_all, memory_order_relaxed); }
