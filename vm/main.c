/* main.c - the beamlet command: assemble, disassemble and run programs. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "asm.h"
#include "atom.h"
#include "bcfile.h"
#include "bif.h"
#include "compile.h"
#include "dis.h"
#include "exception.h"
#include "export.h"
#include "gc.h"
#include "interp.h"
#include "module.h"
#include "ptab.h"
#include "scheduler.h"

#define BEAMLET_VERSION "0.1.0"

static const char usage_main[] =
    "usage: beamlet <command> [options] [args]\n"
    "\n"
    "commands:\n"
    "  run [options] FILE [args...]   run FILE's main/1 (with args) or main/0\n"
    "  compile FILE.erl [-S] [-o OUT]  compile Erlang to bytecode (-S: assembly)\n"
    "  asm FILE.s [-o FILE.bc]         assemble FILE.s to bytecode\n"
    "  dis FILE.bc                     print FILE.bc as assembly\n"
    "  FILE [args...]                  same as run FILE [args...]\n"
    "\n"
    "options:\n"
    "  -h, --help      show help (also: beamlet CMD --help)\n"
    "  --version       print the version\n";

/* Most processes alive at once: the process table's size (its untouched
 * part costs no memory). */
#define BEAMLET_MAX_PROCS ((size_t)1 << 22)

static const char usage_run[] =
    "usage: beamlet run [options] FILE [args...]\n"
    "\n"
    "Loads FILE (.bc bytecode; .s assembly or .erl source are assembled or\n"
    "compiled in memory)\n"
    "and calls its main/1 with the arguments as a list of strings; without\n"
    "arguments it calls main/0 if exported, else main([]). Other modules are\n"
    "loaded on first use from FILE's folder, the -pa folders and the\n"
    "standard library. Exit status: 0 when main returns, 1 if it crashes,\n"
    "or the status given to erlang:halt/1.\n"
    "\n"
    "options:\n"
    "  -pa DIR       add DIR to the module search path (may repeat)\n"
    "  -gcstress     collect garbage at every chance (for testing)\n"
    "  -S N          scheduler threads (default: one per online CPU)\n"
    "  -reds N       reductions per time slice (default 4000)\n";

static const char usage_asm[] =
    "usage: beamlet asm FILE.s [-o FILE.bc]\n"
    "\n"
    "Assembles FILE.s (the syntax of erlc -S; see docs/asm.md) into\n"
    "bytecode, by default FILE.bc beside it. Errors are reported as\n"
    "FILE:LINE:COL: error: ..., all of them, with exit status 1.\n";

static const char usage_compile[] =
    "usage: beamlet compile FILE.erl [-S] [-o OUT]\n"
    "\n"
    "Compiles FILE.erl (a subset of Erlang) to bytecode, by default FILE.bc\n"
    "beside it; with -S, to assembly (FILE.s), as erlc -S does. Errors and\n"
    "warnings are reported as FILE:LINE:COL: ..., all of them; exit status 1\n"
    "on any error.\n";

static const char usage_dis[] =
    "usage: beamlet dis FILE.bc\n"
    "\n"
    "Prints FILE.bc as assembly that `beamlet asm` turns back into the\n"
    "same bytes.\n";

static bool is_help(const char *a) { return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0; }

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The standard library folder: lib/ beside the executable (build tree), or
 * ../lib/beamlet/lib (installed). */
static void add_stdlib_path(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = 0;
    char *dir = dirname(exe);
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/lib", dir);
    if (access(path, R_OK) == 0)
        code_add_path(path);
    snprintf(path, sizeof path, "%s/../lib/beamlet/lib", dir);
    if (access(path, R_OK) == 0)
        code_add_path(path);
}

static void vm_init(void)
{
    atom_init();
    export_init();
    bif_init();
    interp_init();
}

/* The file at path, malloc'd (*len its size), or NULL with the error
 * printed. */
static unsigned char *read_input(const char *path, size_t *len)
{
    unsigned char *data = code_read_file(path, len);
    if (!data)
        fprintf(stderr, "%s: error: cannot read file: %s\n", path, strerror(errno));
    return data;
}

static bool write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "%s: error: cannot write file: %s\n", path, strerror(errno));
        return false;
    }
    return true;
}

/* The arguments of asm and compile (cmd): one input file, -o OUT and,
 * where asm_only is given, -S. Returns -1 when they are good, else the
 * exit status: 0 after help, 2 after a usage error (both printed). */
static int file_args(const char *cmd, const char *usage, int argc, char **argv, const char **in, const char **out,
                     bool *asm_only)
{
    for (int i = 0; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage, stdout);
            return 0;
        } else if (asm_only && strcmp(argv[i], "-S") == 0) {
            *asm_only = true;
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            *out = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "beamlet %s: unknown option '%s'\n%s", cmd, argv[i], usage);
            return 2;
        } else if (!*in) {
            *in = argv[i];
        } else {
            fprintf(stderr, "beamlet %s: more than one input file\n%s", cmd, usage);
            return 2;
        }
    }
    if (!*in) {
        fputs(usage, stderr);
        return 2;
    }
    return -1;
}

static int cmd_asm(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    int status = file_args("asm", usage_asm, argc, argv, &in, &out, NULL);
    if (status >= 0)
        return status;
    size_t len;
    char *src = (char *)read_input(in, &len);
    if (!src)
        return 1;
    BcBuf bc = { 0 };
    bool ok = asm_assemble(src, len, in, &bc, stderr);
    free(src);
    char *def = NULL;
    if (ok && !out) {
        /* FILE.s or FILE.S gives FILE.bc, any other name NAME.bc */
        size_t n = strlen(in);
        out = def = malloc(n + 4);
        if (def) {
            strcpy(def, in);
            if (ends_with(def, ".s") || ends_with(def, ".S"))
                def[n - 2] = 0;
            strcat(def, ".bc");
        }
    }
    if (ok)
        ok = out && write_file(out, bc.data, bc.len);
    free(def);
    bc_buf_free(&bc);
    return ok ? 0 : 1;
}

/* Replaces the extension of `in` (if any) by `ext`. */
static char *with_extension(const char *in, const char *ext)
{
    const char *dot = strrchr(in, '.'), *slash = strrchr(in, '/');
    size_t base = dot && (!slash || dot > slash) ? (size_t)(dot - in) : strlen(in);
    char *out = malloc(base + strlen(ext) + 1);
    if (out) {
        memcpy(out, in, base);
        strcpy(out + base, ext);
    }
    return out;
}

static int cmd_compile(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    bool asm_only = false;
    int status = file_args("compile", usage_compile, argc, argv, &in, &out, &asm_only);
    if (status >= 0)
        return status;
    size_t len;
    char *src = (char *)read_input(in, &len);
    if (!src)
        return 1;
    BcBuf bc = { 0 };
    StrBuf text = { 0 };
    bool ok = comp_compile(src, len, in, stderr, &bc, asm_only ? &text : NULL);
    free(src);
    char *def = NULL;
    if (ok && !out)
        out = def = with_extension(in, asm_only ? ".s" : ".bc");
    if (ok)
        ok = out && (asm_only ? write_file(out, text.data ? text.data : "", text.len) : write_file(out, bc.data, bc.len));
    free(def);
    bc_buf_free(&bc);
    sb_free(&text);
    return ok ? 0 : 1;
}

static int cmd_dis(int argc, char **argv)
{
    if (argc != 1 || is_help(argv[0])) {
        fputs(usage_dis, argc == 1 ? stdout : stderr);
        return argc == 1 ? 0 : 2;
    }
    size_t len;
    unsigned char *data = read_input(argv[0], &len);
    if (!data)
        return 1;
    char err[512];
    bool ok = dis_disassemble(data, len, stdout, err, sizeof err);
    free(data);
    if (!ok) {
        fprintf(stderr, "%s: error: %s\n", argv[0], err);
        return 1;
    }
    return 0;
}

/* Loads the entry file: bytecode, or assembly assembled in memory. */
static Module *load_entry(const char *file)
{
    size_t len;
    unsigned char *data = read_input(file, &len);
    if (!data)
        return NULL;
    BcBuf bc = { 0 };
    if (ends_with(file, ".erl")) {
        bool ok = comp_compile((const char *)data, len, file, stderr, &bc, NULL);
        free(data);
        if (!ok) {
            bc_buf_free(&bc);
            return NULL;
        }
        data = bc.data;
        len = bc.len;
    } else if (ends_with(file, ".s") || ends_with(file, ".S")) {
        bool ok = asm_assemble((const char *)data, len, file, &bc, stderr);
        free(data);
        if (!ok) {
            bc_buf_free(&bc);
            return NULL;
        }
        data = bc.data;
        len = bc.len;
    }
    char err[640];
    Module *m = code_load_image(data, len, file, err, sizeof err);
    free(data);
    if (!m)
        fprintf(stderr, "%s\n", err);
    return m;
}

/* Builds main's argument: the list of argument strings. */
static Term make_args(Process *p, int argc, char **argv)
{
    size_t need = 0;
    for (int i = 0; i < argc; i++)
        need += 2 + 2 * strlen(argv[i]);
    if (!proc_reserve(p, need, 0))
        return THE_NON_VALUE;
    Term list = NIL;
    for (int i = argc; i-- > 0;) {
        Term s = NIL;
        /* Arguments are bytes; UTF-8 decoding is left to the program. */
        for (size_t j = strlen(argv[i]); j-- > 0;)
            s = proc_cons(p, make_small((unsigned char)argv[i][j]), s);
        list = proc_cons(p, s, list);
    }
    return list;
}

static int run_main(Module *m, int argc, char **argv, int reds_per_slice, unsigned nscheds)
{
    Term main1 = ATOM_main;
    Export *e0 = export_find(m->name, main1, 0), *e1 = export_find(m->name, main1, 1);
    bool use0 = argc == 0 && e0 && export_code(e0);
    if (!use0 && !(e1 && export_code(e1))) {
        fprintf(stderr, "beamlet: module '%s' exports no main/%d\n", atom_cstr(m->name), argc == 0 ? 0 : 1);
        return 1;
    }
    if (!ptab_init(BEAMLET_MAX_PROCS) || !sched_init(nscheds, reds_per_slice)) {
        fprintf(stderr, "beamlet: out of memory\n");
        return 1;
    }
    Process *p = proc_new(0);
    if (!p || !ptab_insert(p)) {
        fprintf(stderr, "beamlet: out of memory\n");
        return 1;
    }
    p->flags |= PF_MAIN;
    Term args[1];
    unsigned n = 0;
    if (!use0) {
        p->x = args; /* no live registers while the argument list is built */
        args[0] = make_args(p, argc, argv);
        n = 1;
    }
    interp_setup_call(p, export_code(use0 ? e0 : e1), args, n);
    int status = sched_run(p);
    fflush(stdout);
    return status;
}

/* A whole decimal number in 1..max, or -1. */
static long count_arg(const char *s, long max)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || end == s || *end || n < 1 || n > max)
        return -1;
    return n;
}

static int cmd_run(int argc, char **argv)
{
    int reds = 4000;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned nscheds = cpus > 0 ? (unsigned)cpus : 1;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (is_help(argv[i])) {
            fputs(usage_run, stdout);
            return 0;
        } else if (strcmp(argv[i], "-pa") == 0 && i + 1 < argc) {
            code_add_path(argv[++i]);
        } else if (strcmp(argv[i], "-gcstress") == 0) {
            gc_stress = true;
        } else if (strcmp(argv[i], "-S") == 0 || strcmp(argv[i], "-reds") == 0) {
            bool sched = argv[i][1] == 'S';
            long max = sched ? 1024 : 1L << 30;
            long n = i + 1 < argc ? count_arg(argv[i + 1], max) : -1;
            if (n < 0) {
                fprintf(stderr, "beamlet run: %s needs a number from 1 to %ld\n", argv[i], max);
                return 2;
            }
            i++;
            if (sched)
                nscheds = (unsigned)n;
            else
                reds = (int)n;
        } else {
            fprintf(stderr, "beamlet run: unknown option '%s'\n%s", argv[i], usage_run);
            return 2;
        }
    }
    if (i >= argc) {
        fputs(usage_run, stderr);
        return 2;
    }
    const char *file = argv[i++];
    char *copy = strdup(file);
    if (copy) {
        code_add_path(dirname(copy));
        free(copy);
    }
    add_stdlib_path();
    if (getenv("BEAMLET_GC_STRESS") && strcmp(getenv("BEAMLET_GC_STRESS"), "1") == 0)
        gc_stress = true;
    Module *m = load_entry(file);
    if (!m)
        return 1;
    return run_main(m, argc - i, argv + i, reds, nscheds);
}

int main(int argc, char **argv)
{
    vm_init();
    if (argc < 2) {
        fputs(usage_main, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (is_help(cmd)) {
        fputs(usage_main, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("beamlet %s (bytecode format %d.%d)\n", BEAMLET_VERSION, BC_VERSION_MAJOR, BC_VERSION_MINOR);
        return 0;
    }
    if (strcmp(cmd, "asm") == 0)
        return cmd_asm(argc - 2, argv + 2);
    if (strcmp(cmd, "dis") == 0)
        return cmd_dis(argc - 2, argv + 2);
    if (strcmp(cmd, "compile") == 0)
        return cmd_compile(argc - 2, argv + 2);
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    if (cmd[0] == '-') {
        fprintf(stderr, "beamlet: unknown option '%s'\n%s", cmd, usage_main);
        return 2;
    }
    return cmd_run(argc - 1, argv + 1);
}
