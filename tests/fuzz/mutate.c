/* mutate.c - the mutation acceptance test: random byte mutations and
 * truncations of .bc files, each loaded and run in a forked child under
 * AddressSanitizer and UBSan. Every run must end with a clean error or a
 * normal result, never a signal or a sanitizer report.
 *
 *   mutate [options] FILE...       FILE is a .bc file, or a .s file that is
 *                                  assembled in memory first
 *     -n N      mutants per file (default 10000); with -m truncate, the
 *               number of truncation points per file (default: every one)
 *     -m MODE   mutate (default), truncate, or asis (each FILE itself, -n times:
 *               for checking saved failures or a corpus the same way)
 *     -s SEED   random seed (default 1): the same seed gives the same mutants
 *     -t MS     time limit per run in milliseconds (default 2000); the load
 *               itself may take ten times as long (at least 10 s) before it
 *               counts as a hung loader, so a busy machine gives no false
 *               failure
 *     -b N      slices of 4000 reductions a run may use (default 500)
 *     -j N      runs in parallel (default: the number of CPUs)
 *     -o DIR    where failing mutants are saved (default build/fuzz/failures)
 *     -k        keep the mutants that hang too (DIR/NAME-MODE-INDEX.hang.bc),
 *               to check that each loops in bytecode, not in the VM's C code
 *     -r        replay: load and run each FILE once, in this process
 * BEAMLET_GC_STRESS=1 in the environment collects at every safe point, as
 * `beamlet run` does.
 *
 * Each mutant runs in a child forked from a parent that has already
 * initialised the VM, so a run costs a fork, a load and the program. The
 * parent sorts each child's end into:
 *   refused    the loader refused it with a one-line error (exit 10)
 *   ran        it loaded and main returned, or the process crashed with an
 *              Erlang exception, or called halt, or used up its reductions
 *   hang       killed by the timer after the load finished: mutated code
 *              may legitimately loop for ever (a jump to itself), so these
 *              are counted but are not failures
 *   FAIL       a signal, a sanitizer report, a loader that hung, or a
 *              refusal whose message is not one line "FILE: error: ..."
 * Failing mutants are written to DIR/NAME-MODE-INDEX.bc with the child's
 * stderr beside them (.log); `mutate -r DIR/x.bc` replays one.
 * Exit status: 0 if nothing failed, 1 otherwise, 2 on bad usage. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "asm.h"
#include "atom.h"
#include "bcfile.h"
#include "bif.h"
#include "exception.h"
#include "export.h"
#include "gc.h"
#include "interp.h"
#include "module.h"
#include "process.h"

/* Sanitizer settings for this program and its children: a report exits
 * with status 99 (told apart from halt(99) by the report text, below); no
 * leak check (loaded modules are never freed); a failed huge allocation
 * returns NULL, which the VM turns into a clean error. */
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);
const char *__asan_default_options(void)
{
    return "exitcode=99:detect_leaks=0:allocator_may_return_null=1:handle_abort=1:symbolize=1";
}
const char *__ubsan_default_options(void) { return "exitcode=99:print_stacktrace=1:halt_on_error=1"; }

enum {
    EXIT_RAN = 0,        /* main returned */
    EXIT_CRASHED = 1,    /* the process ended with an exception */
    EXIT_REFUSED = 10,   /* the loader refused the file, cleanly */
    EXIT_NO_MAIN = 11,   /* loaded, but exports no main/0 or main/1 */
    EXIT_BUDGET = 12,    /* still running when its reductions ran out */
    EXIT_BAD_MSG = 97,   /* refused with a malformed message */
    EXIT_SANITIZER = 99, /* a sanitizer report (see __asan_default_options) */
};

typedef struct {
    long n;          /* mutants (or truncation points); -1: all */
    bool truncate;
    bool asis;
    uint64_t seed;
    int time_ms;
    int slices;
    int jobs;
    const char *outdir;
    bool keep_hangs;
} Options;

typedef struct {
    long runs, refused, ran, crashed, halted, budget, no_main, hangs, failures, loader_hangs;
} Tally;

static Options opt = { -1, false, false, 1, 2000, 500, 0, "build/fuzz/failures", false };

/* ---- deterministic random numbers (splitmix64) */

static uint64_t mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

typedef struct {
    uint64_t s;
} Rng;

static uint64_t rnd(Rng *r) { return mix(r->s++); }
static size_t below(Rng *r, size_t n) { return n ? (size_t)(rnd(r) % n) : 0; }

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    return h;
}

/* ---- the container's sections, to mutate one and fix up its length */

typedef struct {
    size_t hdr;  /* offset of the 8-byte section header */
    size_t body; /* offset of the body */
    size_t len;  /* body length */
} Sec;

static uint32_t rd32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

/* Finds the sections of a well-formed file; returns how many (up to max). */
static int find_sections(const uint8_t *d, size_t n, Sec *out, int max)
{
    if (n < BC_HEADER_SIZE)
        return 0;
    uint32_t nsec = rd32(d + 8);
    size_t pos = BC_HEADER_SIZE;
    int k = 0;
    for (uint32_t i = 0; i < nsec && k < max && n - pos >= 8; i++) {
        uint32_t len = rd32(d + pos + 4);
        if (len > n - pos - 8)
            break;
        out[k++] = (Sec){ pos, pos + 8, len };
        pos += 8 + len + ((4 - (len & 3)) & 3);
        if (pos > n)
            break;
    }
    return k;
}

/* A growable byte string. */
typedef struct {
    uint8_t *d;
    size_t n, cap;
} Bytes;

static void put(Bytes *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 64;
        b->d = realloc(b->d, b->cap);
        if (!b->d)
            abort();
    }
    if (n)
        memcpy(b->d + b->n, p, n);
    b->n += n;
}

/* Rebuilds the file with section s's body replaced by body[0..len). */
static void replace_section(const uint8_t *d, size_t n, const Sec *s, const uint8_t *body, size_t len,
                            Bytes *out)
{
    static const uint8_t zero[4];
    out->n = 0;
    put(out, d, s->hdr + 4);
    uint8_t l[4] = { (uint8_t)len, (uint8_t)(len >> 8), (uint8_t)(len >> 16), (uint8_t)(len >> 24) };
    put(out, l, 4);
    put(out, body, len);
    put(out, zero, (4 - (len & 3)) & 3);
    size_t after = s->body + s->len + ((4 - (s->len & 3)) & 3);
    if (after < n)
        put(out, d + after, n - after);
}

/* ---- mutations */

static const uint8_t interesting[] = { 0, 1, 2, 3, 7, 8, 10, 11, 12, 0x3f, 0x40, 0x7e, 0x7f, 0x80, 0x81, 0xfe, 0xff };

/* One random change to b[0..n) in place (size unchanged). */
static void mutate_in_place(Rng *r, uint8_t *b, size_t n)
{
    if (!n)
        return;
    switch (below(r, 4)) {
    case 0: /* flip a bit */
        b[below(r, n)] ^= (uint8_t)(1u << below(r, 8));
        break;
    case 1: /* a random byte */
        b[below(r, n)] = (uint8_t)rnd(r);
        break;
    case 2: /* an interesting byte */
        b[below(r, n)] = interesting[below(r, sizeof interesting)];
        break;
    default: { /* copy a short run from elsewhere in the buffer */
        size_t len = 1 + below(r, 8);
        if (len > n)
            len = n;
        size_t from = below(r, n - len + 1), to = below(r, n - len + 1);
        memmove(b + to, b + from, len);
        break;
    }
    }
}

/* Inserts or deletes a few bytes at a random place of body (a Bytes). */
static void resize_randomly(Rng *r, Bytes *b)
{
    size_t at = below(r, b->n + 1);
    if (b->n && below(r, 2)) {
        size_t len = 1 + below(r, 4);
        if (len > b->n - at)
            len = b->n - at;
        memmove(b->d + at, b->d + at + len, b->n - at - len);
        b->n -= len;
    } else {
        size_t len = 1 + below(r, 4);
        uint8_t ins[4];
        for (size_t i = 0; i < len; i++)
            ins[i] = below(r, 2) ? (uint8_t)rnd(r) : interesting[below(r, sizeof interesting)];
        put(b, ins, len); /* grow, then open the gap */
        memmove(b->d + at + len, b->d + at, b->n - len - at);
        memcpy(b->d + at, ins, len);
    }
}

/* ---- structure-aware mutations of the CODE section: decode the
 * instructions with the opcode table, then change one operand or move whole
 * instructions, keeping the encoding valid so that the change reaches the
 * verifier instead of the decoder. */

typedef struct {
    size_t at, len; /* bytes of the operand (tag and payload) */
    uint8_t tag;
    uint64_t u;
} OpPos;

typedef struct {
    size_t at, len; /* bytes of the whole instruction */
} InsPos;

typedef struct {
    OpPos *ops;
    size_t nops;
    InsPos *ins;
    size_t nins;
    size_t start; /* first instruction, after the code header */
} CodeMap;

/* Maps the instructions of a CODE body; stops at the first it cannot read. */
static void map_code(const uint8_t *body, size_t len, CodeMap *cm)
{
    memset(cm, 0, sizeof *cm);
    BcSection sec = { body, len, true };
    BcCursor c = bc_cursor(sec);
    bc_get_varint(&c);
    bc_get_varint(&c);
    if (c.bad)
        return;
    cm->start = (size_t)(c.p - body);
    size_t ocap = 0, icap = 0;
    while (!bc_at_end(&c)) {
        size_t at = (size_t)(c.p - body);
        uint64_t opnum = bc_get_varint(&c);
        const BcOpInfo *info = c.bad ? NULL : bc_op_info(opnum > 255 ? 255 : (unsigned)opnum);
        if (!info)
            return;
        size_t items = 0;
        for (const char *k = info->operands; *k || items; ) {
            BcOperand op;
            size_t oat = (size_t)(c.p - body);
            if (!bc_get_operand(&c, &op))
                return;
            if (cm->nops == ocap) {
                ocap = ocap ? 2 * ocap : 256;
                cm->ops = realloc(cm->ops, ocap * sizeof *cm->ops);
                if (!cm->ops)
                    abort();
            }
            cm->ops[cm->nops++] = (OpPos){ oat, (size_t)(c.p - body) - oat, op.tag, op.u };
            if (items) {
                items--;
                continue;
            }
            if (op.tag == BC_LIST)
                items = op.u > 1000 ? 1000 : (size_t)op.u;
            k++;
        }
        if (cm->nins == icap) {
            icap = icap ? 2 * icap : 256;
            cm->ins = realloc(cm->ins, icap * sizeof *cm->ins);
            if (!cm->ins)
                abort();
        }
        cm->ins[cm->nins++] = (InsPos){ at, (size_t)(c.p - body) - at };
    }
}

static void put_varint(Bytes *b, uint64_t v)
{
    do {
        uint8_t byte = v & 0x7f;
        v >>= 7;
        byte |= v ? 0x80 : 0;
        put(b, &byte, 1);
    } while (v);
}

/* A new value for an operand of this tag. */
static uint64_t new_value(Rng *r, uint64_t u)
{
    static const uint64_t edges[] = { 0, 1, 2, 3, 63, 64, 255, 256, 1023, 1024, 1025, 65535, 65536,
                                      (uint64_t)1 << 24, (uint64_t)1 << 32, (uint64_t)1 << 40,
                                      ((uint64_t)1 << 60) - 1, (uint64_t)1 << 63, UINT64_MAX };
    switch (below(r, 4)) {
    case 0: return u + 1 + below(r, 3);
    case 1: return u >= 3 ? u - 1 - below(r, 3) : 0;
    case 2: return below(r, u + 4);
    default: return edges[below(r, sizeof edges / sizeof edges[0])];
    }
}

/* Encodes an operand with a mutated tag or value. */
static void new_operand(Rng *r, const OpPos *o, Bytes *b)
{
    uint8_t tag = o->tag;
    uint64_t u = o->u;
    if (below(r, 5) == 0) {
        tag = (uint8_t)below(r, BC_NTAGS); /* another kind of operand */
        u = below(r, 4);
    } else if ((tag == BC_X || tag == BC_Y) && below(r, 4) == 0) {
        tag = tag == BC_X ? BC_Y : BC_X;
    } else {
        u = new_value(r, u);
    }
    if (tag == BC_LIST)
        tag = BC_NIL; /* a new list would need its items */
    put(b, &tag, 1);
    if (tag == BC_NIL)
        return;
    if (tag == BC_FLOAT) {
        static const uint64_t bits[] = { 0x7ff8000000000000ULL, 0x7ff0000000000000ULL, 0, 0x8000000000000000ULL,
                                         0x3ff0000000000000ULL, 0x7fefffffffffffffULL };
        uint64_t f = bits[below(r, sizeof bits / sizeof bits[0])];
        for (int i = 0; i < 8; i++) {
            uint8_t byte = (uint8_t)(f >> (8 * i));
            put(b, &byte, 1);
        }
        return;
    }
    put_varint(b, u); /* for BC_INT this is a zigzag value: any is fine */
}

/* One structural change to a CODE body; false if it has no instructions. */
static bool mutate_code(Rng *r, const uint8_t *body, size_t len, Bytes *out)
{
    CodeMap cm;
    map_code(body, len, &cm);
    bool ok = cm.nins > 0;
    out->n = 0;
    if (ok && (below(r, 3) != 0 || cm.nins < 2) && cm.nops > 0) {
        const OpPos *o = &cm.ops[below(r, cm.nops)];
        put(out, body, o->at);
        new_operand(r, o, out);
        put(out, body + o->at + o->len, len - o->at - o->len);
    } else if (ok) {
        const InsPos *a = &cm.ins[below(r, cm.nins)], *b = &cm.ins[below(r, cm.nins)];
        switch (below(r, 3)) {
        case 0: /* delete a */
            put(out, body, a->at);
            put(out, body + a->at + a->len, len - a->at - a->len);
            break;
        case 1: /* a copy of b before a */
            put(out, body, a->at);
            put(out, body + b->at, b->len);
            put(out, body + a->at, len - a->at);
            break;
        default: /* a moved before b */
            if (a->at < b->at) {
                put(out, body, a->at);
                put(out, body + a->at + a->len, b->at - a->at - a->len);
                put(out, body + a->at, a->len);
                put(out, body + b->at, len - b->at);
            } else {
                put(out, body, b->at);
                put(out, body + a->at, a->len);
                put(out, body + b->at, a->at - b->at);
                put(out, body + a->at + a->len, len - a->at - a->len);
            }
            break;
        }
    }
    free(cm.ops);
    free(cm.ins);
    return ok;
}

/* The CODE section, or NULL. */
static const Sec *code_section(const uint8_t *d, const Sec *secs, int nsec)
{
    for (int k = 0; k < nsec; k++)
        if (rd32(d + secs[k].hdr) == BC_SEC_CODE)
            return &secs[k];
    return NULL;
}

/* Mutant number i of file d[0..n). Half the time one to three structural
 * changes to the code (an operand's value or kind, an instruction deleted,
 * copied or moved); otherwise one to four byte changes, mostly inside one
 * section whose length is then fixed up (so that the change reaches the
 * table readers and the verifier rather than stopping at the container),
 * sometimes anywhere in the file. */
static void make_mutant(uint64_t seed, const uint8_t *d, size_t n, Bytes *out)
{
    Rng r = { seed };
    Sec secs[16];
    int nsec = find_sections(d, n, secs, 16);
    unsigned changes = 1 + (unsigned)below(&r, 4);
    out->n = 0;
    put(out, d, n);
    const Sec *code = code_section(d, secs, nsec);
    if (code && below(&r, 2) == 0) {
        Bytes body = { 0 }, next = { 0 };
        put(&body, d + code->body, code->len);
        for (unsigned k = 0; k < 1 + below(&r, 3); k++) {
            if (!mutate_code(&r, body.d, body.n, &next))
                break;
            Bytes t = body;
            body = next;
            next = t;
        }
        replace_section(d, n, code, body.d, body.n, out);
        free(body.d);
        free(next.d);
        return;
    }
    if (nsec > 0 && below(&r, 4) != 0) {
        /* Inside one section (the code section most often). */
        const Sec *s = &secs[below(&r, 3) ? (size_t)nsec - 1 : below(&r, (size_t)nsec)];
        Bytes body = { 0 };
        put(&body, d + s->body, s->len);
        for (unsigned k = 0; k < changes; k++) {
            if (below(&r, 6) == 0)
                resize_randomly(&r, &body);
            else
                mutate_in_place(&r, body.d, body.n);
        }
        replace_section(d, n, s, body.d, body.n, out);
        free(body.d);
        return;
    }
    for (unsigned k = 0; k < changes; k++) {
        if (below(&r, 8) == 0)
            resize_randomly(&r, out);
        else
            mutate_in_place(&r, out->d, out->n);
    }
}

/* Truncation point i of the file: first every prefix of the whole file,
 * then every shorter length of each section's body with the container
 * fixed up. Returns false past the last one. */
static bool make_truncation(long i, const uint8_t *d, size_t n, Bytes *out)
{
    if (i < (long)n) {
        out->n = 0;
        put(out, d, (size_t)i);
        return true;
    }
    i -= (long)n;
    Sec secs[16];
    int nsec = find_sections(d, n, secs, 16);
    for (int k = 0; k < nsec; k++) {
        if (i < (long)secs[k].len) {
            replace_section(d, n, &secs[k], d + secs[k].body, (size_t)i, out);
            return true;
        }
        i -= (long)secs[k].len;
    }
    return false;
}

static long truncation_count(const uint8_t *d, size_t n)
{
    Sec secs[16];
    int nsec = find_sections(d, n, secs, 16);
    long total = (long)n;
    for (int k = 0; k < nsec; k++)
        total += (long)secs[k].len;
    return total;
}

/* ---- one run, in the child */

/* Shared with the children: per job slot, how far the child got. */
enum { PHASE_LOADING, PHASE_REFUSED, PHASE_RUNNING };
static volatile int *loaded_flag;

static bool message_ok(const char *msg, const char *what)
{
    size_t w = strlen(what);
    return strncmp(msg, what, w) == 0 && strncmp(msg + w, ": error: ", 9) == 0 && msg[w + 9] &&
           !strchr(msg, '\n');
}

static void arm_timer(long ms)
{
    struct itimerval t = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };
    setitimer(ITIMER_REAL, &t, NULL);
}

/* Loads and runs one image; returns one of the EXIT_ codes. */
static int load_and_run(const uint8_t *d, size_t n, int slot)
{
    char err[700];
    Module *m = code_load_image(d, n, "mutant.bc", err, sizeof err);
    if (loaded_flag) {
        arm_timer(opt.time_ms); /* the run's own limit starts now */
        loaded_flag[slot] = m ? PHASE_RUNNING : PHASE_REFUSED;
    }
    if (!m) {
        fprintf(stderr, "%s\n", err);
        return message_ok(err, "mutant.bc") ? EXIT_REFUSED : EXIT_BAD_MSG;
    }
    Export *e0 = export_find(m->name, ATOM_main, 0), *e1 = export_find(m->name, ATOM_main, 1);
    bool use0 = e0 && export_code(e0);
    if (!use0 && !(e1 && export_code(e1)))
        return EXIT_NO_MAIN;
    Process *p = proc_new(0);
    Term *x = malloc((BC_MAX_X + 8) * sizeof(Term));
    if (!p || !x)
        abort();
    for (unsigned i = 0; i < BC_MAX_X + 8; i++)
        x[i] = NIL; /* as vm/main.c does */
    p->id = make_pid(1);
    p->x = x;
    p->max_heap_size = (size_t)1 << 24; /* 128 MB: mutants may allocate without end */
    Term args[1] = { NIL };
    interp_setup_call(p, export_code(use0 ? e0 : e1), args, use0 ? 0 : 1);
    for (int i = 0; i < opt.slices; i++) {
        if (interp_run(p, x, 4000) == RUN_EXIT) {
            if (p->exit_reason == ATOM_normal)
                return EXIT_RAN;
            exc_print_report(stderr, p, p->exc_class, p->exc_reason, p->exc_trace);
            return EXIT_CRASHED;
        }
    }
    return EXIT_BUDGET;
}

static void child(const uint8_t *d, size_t n, int slot, int errfd)
{
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0)
        dup2(devnull, 1);
    if (errfd >= 0)
        dup2(errfd, 2);
    long load_ms = 10L * opt.time_ms;
    arm_timer(load_ms < 10000 ? 10000 : load_ms);
    int status = load_and_run(d, n, slot);
    fflush(stderr);
    _exit(status);
}

/* ---- the parent: a pool of children */

typedef struct {
    pid_t pid;
    long index;
    Bytes image;
    int errfd;
    char errpath[64];
} Slot;

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Reads the start of a child's stderr. */
static size_t read_log(Slot *s, char *buf, size_t cap)
{
    ssize_t r = pread(s->errfd, buf, cap - 1, 0);
    size_t n = r > 0 ? (size_t)r : 0;
    buf[n] = 0;
    return n;
}

static void save_failure(const char *name, const char *mode, Slot *s, const char *why, const char *log,
                         size_t loglen)
{
    mkdir(opt.outdir, 0777);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s-%s-%ld.bc", opt.outdir, name, mode, s->index);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(s->image.d, 1, s->image.n, f);
        fclose(f);
    }
    printf("  FAIL %s: %s\n", path, why);
    snprintf(path, sizeof path, "%s/%s-%s-%ld.log", opt.outdir, name, mode, s->index);
    f = fopen(path, "w");
    if (f) {
        fprintf(f, "%s\n", why);
        fwrite(log, 1, loglen, f);
        fclose(f);
    }
}

static bool sanitizer_report(const char *log)
{
    return strstr(log, "Sanitizer") || strstr(log, "runtime error:");
}

/* Sorts out how the child in slot s ended. */
static void classify(const char *name, const char *mode, Slot *s, int slot, int status, Tally *t)
{
    static char log[65536];
    size_t loglen = read_log(s, log, sizeof log);
    char why[200];
    t->runs++;
    int phase = loaded_flag[slot];
    if (WIFEXITED(status)) {
        int code = WEXITSTATUS(status);
        if (sanitizer_report(log)) {
            snprintf(why, sizeof why, "sanitizer report (exit %d)", code);
        } else if (phase == PHASE_REFUSED && code == EXIT_REFUSED) {
            t->refused++;
            return;
        } else if (phase == PHASE_REFUSED) {
            snprintf(why, sizeof why, "refused with a malformed message");
        } else if (phase == PHASE_LOADING) {
            snprintf(why, sizeof why, "exited with status %d while loading", code);
        } else {
            /* Running: our own codes, or whatever erlang:halt/1 asked for. */
            if (code == EXIT_RAN)
                t->ran++;
            else if (code == EXIT_CRASHED)
                t->crashed++;
            else if (code == EXIT_BUDGET)
                t->budget++;
            else if (code == EXIT_NO_MAIN)
                t->no_main++;
            else
                t->halted++; /* erlang:halt(N) */
            return;
        }
    } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
        if (phase == PHASE_RUNNING) {
            t->hangs++;
            if (opt.keep_hangs) {
                mkdir(opt.outdir, 0777);
                char path[4096];
                snprintf(path, sizeof path, "%s/%s-%s-%ld.hang.bc", opt.outdir, name, mode, s->index);
                FILE *f = fopen(path, "wb");
                if (f) {
                    fwrite(s->image.d, 1, s->image.n, f);
                    fclose(f);
                }
            }
            return;
        }
        t->loader_hangs++;
        snprintf(why, sizeof why, "the loader ran past %ld ms", 10L * opt.time_ms < 10000 ? 10000 : 10L * opt.time_ms);
    } else if (WIFSIGNALED(status)) {
        snprintf(why, sizeof why, "killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    } else {
        snprintf(why, sizeof why, "unexpected wait status %d", status);
    }
    t->failures++;
    save_failure(name, mode, s, why, log, loglen);
}

static void start(Slot *s, int slot)
{
    if (ftruncate(s->errfd, 0) != 0)
        perror("ftruncate");
    loaded_flag[slot] = PHASE_LOADING;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0)
        child(s->image.d, s->image.n, slot, s->errfd);
    s->pid = pid;
}

/* Runs every mutant (or truncation) of one file; prints its line. */
static Tally run_file(const char *path, const uint8_t *d, size_t n, Slot *slots)
{
    Tally t = { 0 };
    const char *name = base_name(path);
    const char *mode = opt.truncate ? "trunc" : opt.asis ? "asis" : "mut";
    long total = opt.truncate ? truncation_count(d, n) : opt.n >= 0 ? opt.n : opt.asis ? 1 : 10000;
    long step = 1;
    if (opt.truncate && opt.n > 0 && opt.n < total) {
        step = total / opt.n;
        total = opt.n;
    }
    uint64_t fseed = mix(opt.seed ^ hash_str(name));
    long next = 0, done = 0;
    while (done < total) {
        for (int j = 0; j < opt.jobs && next < total; j++) {
            if (slots[j].pid)
                continue;
            slots[j].index = next;
            if (opt.truncate) {
                make_truncation(next * step, d, n, &slots[j].image);
            } else if (opt.asis) {
                slots[j].image.n = 0;
                put(&slots[j].image, d, n);
            } else
                make_mutant(mix(fseed + (uint64_t)next), d, n, &slots[j].image);
            start(&slots[j], j);
            next++;
        }
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            perror("waitpid");
            exit(2);
        }
        for (int j = 0; j < opt.jobs; j++) {
            if (slots[j].pid != pid)
                continue;
            slots[j].pid = 0;
            classify(name, mode, &slots[j], j, status, &t);
            done++;
        }
    }
    printf("%-16s %-5s %7ld runs: %7ld refused, %6ld ran (%ld returned, %ld raised, %ld halted, %ld out of "
           "reductions, %ld without main), %5ld hangs, %ld FAILURES\n",
           name, mode, t.runs, t.refused, t.ran + t.crashed + t.halted + t.budget + t.no_main, t.ran, t.crashed,
           t.halted, t.budget, t.no_main, t.hangs, t.failures);
    fflush(stdout);
    return t;
}

/* ---- reading inputs */

/* The bytes of path: a .bc file as is, a .s file assembled. Sets *skip
 * for a .s file that does not assemble (the assembler's messages go to
 * stderr): such an example is not this test's business. */
static bool read_input(const char *path, Bytes *out, bool *skip)
{
    size_t len;
    *skip = false;
    unsigned char *data = code_read_file(path, &len);
    if (!data) {
        fprintf(stderr, "%s: error: cannot read file: %s\n", path, strerror(errno));
        return false;
    }
    size_t pl = strlen(path);
    out->n = 0;
    if (pl > 2 && strcmp(path + pl - 2, ".s") == 0) {
        BcBuf bc = { 0 };
        bool ok = asm_assemble((const char *)data, len, path, &bc, stderr);
        free(data);
        if (!ok) {
            bc_buf_free(&bc);
            *skip = true;
            return false;
        }
        put(out, bc.data, bc.len);
        bc_buf_free(&bc);
        return true;
    }
    put(out, data, len);
    free(data);
    return true;
}

static int usage(void)
{
    fprintf(stderr, "usage: mutate [-n N] [-m mutate|truncate|asis] [-s SEED] [-t MS] [-b SLICES] [-j JOBS] "
                    "[-o DIR] [-k] [-r] FILE...\n");
    return 2;
}

int main(int argc, char **argv)
{
    bool replay = false;
    int c;
    while ((c = getopt(argc, argv, "n:m:s:t:b:j:o:kr")) != -1) {
        switch (c) {
        case 'n': opt.n = atol(optarg); break;
        case 'm':
            if (strcmp(optarg, "truncate") == 0)
                opt.truncate = true;
            else if (strcmp(optarg, "asis") == 0)
                opt.asis = true;
            else if (strcmp(optarg, "mutate") != 0)
                return usage();
            break;
        case 's': opt.seed = strtoull(optarg, NULL, 0); break;
        case 't': opt.time_ms = atoi(optarg); break;
        case 'b': opt.slices = atoi(optarg); break;
        case 'j': opt.jobs = atoi(optarg); break;
        case 'o': opt.outdir = optarg; break;
        case 'k': opt.keep_hangs = true; break;
        case 'r': replay = true; break;
        default: return usage();
        }
    }
    if (optind >= argc || opt.time_ms <= 0 || opt.slices <= 0)
        return usage();
    if (opt.jobs <= 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        opt.jobs = cpus > 0 ? (int)cpus : 1;
    }
    atom_init();
    export_init();
    bif_init();
    interp_init();
    const char *stress = getenv("BEAMLET_GC_STRESS");
    if (stress && strcmp(stress, "1") == 0)
        gc_stress = true;

    if (replay) {
        int worst = 0;
        for (int i = optind; i < argc; i++) {
            Bytes b = { 0 };
            bool skip;
            if (!read_input(argv[i], &b, &skip))
                return 1;
            int r = load_and_run(b.d, b.n, 0);
            printf("%s: %s\n", argv[i],
                   r == EXIT_REFUSED  ? "refused"
                   : r == EXIT_RAN    ? "main returned"
                   : r == EXIT_CRASHED ? "raised"
                   : r == EXIT_BUDGET ? "out of reductions"
                   : r == EXIT_NO_MAIN ? "no main"
                                      : "refused with a malformed message");
            if (r == EXIT_BAD_MSG)
                worst = 1;
            free(b.d);
        }
        return worst;
    }

    loaded_flag = mmap(NULL, (size_t)opt.jobs * sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (loaded_flag == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    Slot *slots = calloc((size_t)opt.jobs, sizeof *slots);
    for (int j = 0; j < opt.jobs; j++) {
        snprintf(slots[j].errpath, sizeof slots[j].errpath, "/tmp/beamlet-mutate-XXXXXX");
        slots[j].errfd = mkstemp(slots[j].errpath);
        if (slots[j].errfd < 0) {
            perror("mkstemp");
            return 2;
        }
        unlink(slots[j].errpath);
    }
    Tally all = { 0 };
    for (int i = optind; i < argc; i++) {
        Bytes b = { 0 };
        bool skip;
        if (!read_input(argv[i], &b, &skip)) {
            if (skip)
                printf("%-16s skipped: it does not assemble\n", base_name(argv[i]));
            else
                all.failures++;
            continue;
        }
        Tally t = run_file(argv[i], b.d, b.n, slots);
        all.runs += t.runs;
        all.failures += t.failures;
        all.hangs += t.hangs;
        free(b.d);
    }
    printf("total: %ld runs, %ld hangs, %ld failures\n", all.runs, all.hangs, all.failures);
    return all.failures ? 1 : 0;
}
