/* codegen.c - the back end of the Erlang-subset compiler: a checked module
 * tree (ast.h) to assembly text in erlc -S syntax (docs/asm.md).
 *
 * Three passes per function:
 *  1. lowering: the tree becomes a small intermediate form ("K" code, after
 *     erlc's Kernel Erlang): every value is an operand (a numbered variable
 *     or a constant), control is structured (match with clauses of pattern
 *     tests and guards, try, catch, receive), and each body ends with a
 *     terminator (return, tail call, break out to the enclosing construct,
 *     raise). Funs and list comprehensions become functions of their own,
 *     free variables appended to their arguments, named as erlc names them.
 *  2. liveness: a backward pass records, for each statement, the variables
 *     live after it; values live across a call must sit in y registers.
 *  3. emission: registers are allocated while the instructions are
 *     written. A frame is allocated lazily before the first statement that
 *     needs one (a call, a try, a catch...), so that paths that never call
 *     stay frameless; where control paths meet again after a construct,
 *     every live value is in an agreed place (y registers when the
 *     construct may clobber x registers). Catch markers get the lowest y
 *     registers, innermost lowest, as the verifier requires.
 * Notes
 *  - Clauses are tried in order; a run of clauses that start by comparing
 *    the same variable with atoms or integers is dispatched by select_val.
 *    Guards compile to tests with two exits, false and raised, which
 *    differ only inside orelse (an exception fails the whole guard).
 *  - Constants are tree nodes (ast.h) printed as {integer,N}, {atom,A},
 *    nil or {literal,T}; binaries with constant segments are evaluated to
 *    bytes here. Without bs_* instructions, other binaries are built with
 *    list_to_binary/1 from byte-aligned segments; binary patterns must be
 *    constants.
 *  - Frame sizes are known only when a region is finished: the text holds
 *    a placeholder that is replaced when the function is written out.
 *  - More than MAXX values live in x registers at once (a tuple of a
 *    thousand computed elements) is reported as an error, not spilled. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen.h"
#include "export.h"
#include "parser.h"

/* ---- small utilities */

typedef uint64_t *Bits;

typedef struct KFun KFun;
typedef struct KStmt KStmt;
typedef struct GExpr GExpr;

/* An operand: a variable (var >= 0) or a constant tree (var < 0). */
typedef struct {
    int var;
    const AstExpr *lit;
} KOp;

typedef struct {
    KStmt **v;
    int n, cap;
} KBody;

typedef enum { T_TYPE, T_ARITY, T_TAGGED, T_EQ, T_GET_LIST, T_GET_ELEM } KTestKind;

/* One step of matching a clause's patterns; failing ones jump to the
 * next clause. */
typedef struct {
    uint8_t kind;
    const char *name;   /* T_TYPE: the test instruction (is_tuple...) */
    KOp a, b;           /* the subject; T_EQ: a =:= b */
    int n;              /* T_ARITY, T_TAGGED: arity; T_GET_ELEM: index */
    const char *tag;    /* T_TAGGED: the atom */
    int d1, d2;         /* T_GET_LIST: head, tail (-1: unused); T_GET_ELEM: d1 */
} KTest;

typedef enum { G_OP, G_BIF, G_AND, G_OR, G_TUPLE, G_CONS, G_TAGGED } GKind;

/* A guard expression: no calls but BIFs, no bindings. */
struct GExpr {
    uint8_t kind;
    KOp op;              /* G_OP */
    const char *name;    /* G_BIF: erlang:name/nargs; G_TAGGED: record name */
    GExpr **args;
    int nargs;
    int n;               /* G_TAGGED: size */
};

typedef struct {
    GExpr **tests;
    int n;
} KConj;

typedef struct {
    KConj *alts;
    int n;
} KGuard;

typedef struct {
    KTest *tests;
    int ntests, cap;
    KGuard guard;
    KBody body;
    int line;
    Bits live_body; /* live where the body starts */
} KClause;

typedef enum {
    K_MOVE, K_TUPLE, K_CONS, K_FUN, K_BIF, K_CALL, K_SEND, /* dst := ... */
    K_MATCH, K_TRY, K_CATCH, K_RECV,                       /* structured */
    K_RETURN, K_ENTER, K_BREAK, K_ERROR,                   /* terminators */
} KKind;

typedef enum { CT_LOCAL, CT_EXT, CT_FUN, CT_APPLY, CT_BUILD_ST } CallKind;
typedef enum { E_BADMATCH, E_CASE, E_IF, E_TRY_CLAUSE, E_FUNCTION_CLAUSE, E_RAISE, E_ERROR_CALL } ErrKind;

struct KStmt {
    uint8_t kind;
    uint8_t ckind;       /* K_CALL, K_ENTER: CallKind */
    uint8_t err;         /* K_ERROR: ErrKind */
    bool gc;             /* K_BIF: gc_bif */
    bool terminal;       /* K_MATCH, K_TRY, K_RECV: no continuation */
    bool clob;           /* something inside clobbers x registers */
    int line;
    int dst;             /* -1: none */
    KOp *args;           /* operands (calls: arguments, then fun / module, function) */
    int nargs;
    const char *mod, *name; /* K_BIF, K_CALL CT_EXT: erlang:name; CT_LOCAL: callee */
    int arity;
    KFun *fun;           /* K_FUN, K_CALL CT_LOCAL */
    int *rets;           /* K_MATCH, K_TRY, K_RECV: values passed to the continuation */
    int nrets;
    KClause *clauses;    /* K_MATCH, K_RECV; K_TRY: the of clauses */
    int nclauses;
    KBody alt;           /* K_MATCH: no clause matched; K_RECV: after; K_TRY: no of clause */
    KBody body;          /* K_TRY, K_CATCH: the protected body */
    int *body_rets;      /* K_TRY: the body's values, for the of clauses */
    int nbody_rets;
    KClause *catches;    /* K_TRY */
    int ncatches;
    KBody alt2;          /* K_TRY: no catch clause matched */
    int cls, reason, trace; /* K_TRY: handler variables */
    KOp timeout;         /* K_RECV */
    bool has_timeout;
    int msg;             /* K_RECV: the message variable */
    Bits live_after, live_before;
    Bits live_of, live_catch; /* K_TRY: live where the of clauses / the handler start */
};

struct KFun {
    const char *name;
    int arity;           /* all parameters, free variables included */
    int nfree;           /* trailing parameters that are free variables */
    const char **fnames; /* their names in the enclosing function */
    int line;
    int file;
    KBody body;
    int nvars;
    int info_label, entry_label;
    int lambda;          /* index in the fun table; -1: none */
    int catch_depth;     /* deepest nesting of try/catch */
    bool lowered;
    const AstForm *form; /* source function (NULL for lifted ones) */
    KFun *next;
};

/* ---- the module context */

typedef struct {
    const char *name;
    int arity;
    const char *mod;
} Import;

typedef struct Cg {
    const CompUnit *u;
    Diag *d;
    const char *filename;
    AstArena *ar;
    const char *module;
    KFun *funs, **funs_tail; /* every function, source order then lifted */
    KFun **locals;           /* the source functions, for lookup */
    int nlocals;
    Import *imports;
    int nimports;
    const char **no_auto;    /* -compile({no_auto_import, [F/A]}) */
    int *no_auto_arity;
    int nno_auto;
    int nlambdas;
    int next_label;
    int file;                /* file of the form being compiled */
    bool failed;
} Cg;

static void *cg_alloc(Cg *c, size_t n)
{
    void *p = ast_alloc(c->ar, n ? n : 1);
    if (!p) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    return p;
}

static char *cg_strdup(Cg *c, const char *s) { return ast_strndup(c->ar, s, strlen(s)); }

static char *cg_printf(Cg *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *cg_printf(Cg *c, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return cg_strdup(c, buf);
}

/* Grows an arena array of elements of size sz to hold n + 1 of them. */
static void *grow(Cg *c, void *v, int n, int *cap, size_t sz)
{
    if (n < *cap)
        return v;
    int nc = *cap ? *cap * 2 : 4;
    void *nv = cg_alloc(c, (size_t)nc * sz);
    if (n)
        memcpy(nv, v, (size_t)n * sz);
    *cap = nc;
    return nv;
}

static void cg_error(Cg *c, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void cg_error(Cg *c, int line, int col, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    front_report(c->u, c->d, c->file, "error", line, col, "%s", buf);
    c->failed = true;
}

static int bits_words(int nvars) { return (nvars + 63) / 64 + 1; }
static bool bits_has(const Bits b, int v) { return v >= 0 && (b[v >> 6] >> (v & 63) & 1); }
static void bits_add(Bits b, int v)
{
    if (v >= 0)
        b[v >> 6] |= UINT64_C(1) << (v & 63);
}
static void bits_del(Bits b, int v)
{
    if (v >= 0)
        b[v >> 6] &= ~(UINT64_C(1) << (v & 63));
}
static void bits_or(Bits a, const Bits b, int nw)
{
    if (b)
        for (int i = 0; i < nw; i++)
            a[i] |= b[i];
}

/* ---- BIF knowledge */

typedef struct {
    const char *mod, *name;
    int arity;
    int flags;
} BifInfo;

static const BifInfo vm_bifs[] = {
#define BIF(mod, name, arity, fn, flags) { #mod, name, arity, flags },
#include "bifs.def"
#undef BIF
};

static const BifInfo *vm_bif(const char *mod, const char *name, int arity)
{
    for (size_t i = 0; i < sizeof vm_bifs / sizeof vm_bifs[0]; i++)
        if (vm_bifs[i].arity == arity && strcmp(vm_bifs[i].name, name) == 0 && strcmp(vm_bifs[i].mod, mod) == 0)
            return &vm_bifs[i];
    return NULL;
}

typedef struct {
    const char *name;
    int arity;
} FA;

static bool fa_in(const FA *t, size_t n, const char *name, int arity)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].arity == arity && strcmp(t[i].name, name) == 0)
            return true;
    return false;
}

/* erl_internal:bif/2 of OTP 25. */
static const FA auto_imports[] = {
    {"abs",1},{"alias",0},{"alias",1},{"apply",2},{"apply",3},{"atom_to_binary",1},{"atom_to_binary",2},
    {"atom_to_list",1},{"binary_part",2},{"binary_part",3},{"binary_to_atom",1},{"binary_to_atom",2},
    {"binary_to_existing_atom",1},{"binary_to_existing_atom",2},{"binary_to_float",1},{"binary_to_integer",1},
    {"binary_to_integer",2},{"binary_to_list",1},{"binary_to_list",3},{"binary_to_term",1},{"binary_to_term",2},
    {"bit_size",1},{"bitstring_to_list",1},{"byte_size",1},{"ceil",1},{"check_old_code",1},
    {"check_process_code",2},{"check_process_code",3},{"date",0},{"delete_module",1},{"demonitor",1},
    {"demonitor",2},{"disconnect_node",1},{"element",2},{"erase",0},{"erase",1},{"error",1},{"error",2},
    {"error",3},{"exit",1},{"exit",2},{"float",1},{"float_to_binary",1},{"float_to_binary",2},
    {"float_to_list",1},{"float_to_list",2},{"floor",1},{"garbage_collect",0},{"garbage_collect",1},
    {"garbage_collect",2},{"get",0},{"get",1},{"get_keys",0},{"get_keys",1},{"group_leader",0},
    {"group_leader",2},{"halt",0},{"halt",1},{"halt",2},{"hd",1},{"integer_to_binary",1},
    {"integer_to_binary",2},{"integer_to_list",1},{"integer_to_list",2},{"iolist_size",1},
    {"iolist_to_binary",1},{"is_alive",0},{"is_atom",1},{"is_binary",1},{"is_bitstring",1},{"is_boolean",1},
    {"is_float",1},{"is_function",1},{"is_function",2},{"is_integer",1},{"is_list",1},{"is_map",1},
    {"is_map_key",2},{"is_number",1},{"is_pid",1},{"is_port",1},{"is_process_alive",1},{"is_record",2},
    {"is_record",3},{"is_reference",1},{"is_tuple",1},{"length",1},{"link",1},{"list_to_atom",1},
    {"list_to_binary",1},{"list_to_bitstring",1},{"list_to_existing_atom",1},{"list_to_float",1},
    {"list_to_integer",1},{"list_to_integer",2},{"list_to_pid",1},{"list_to_port",1},{"list_to_ref",1},
    {"list_to_tuple",1},{"load_module",2},{"make_ref",0},{"map_get",2},{"map_size",1},{"max",2},{"min",2},
    {"module_loaded",1},{"monitor",2},{"monitor",3},{"monitor_node",2},{"node",0},{"node",1},{"nodes",0},
    {"nodes",1},{"nodes",2},{"now",0},{"open_port",2},{"pid_to_list",1},{"port_close",1},{"port_command",2},
    {"port_command",3},{"port_connect",2},{"port_control",3},{"port_to_list",1},{"pre_loaded",0},
    {"process_flag",2},{"process_flag",3},{"process_info",1},{"process_info",2},{"processes",0},
    {"purge_module",1},{"put",2},{"ref_to_list",1},{"register",2},{"registered",0},{"round",1},{"self",0},
    {"setelement",3},{"size",1},{"spawn",1},{"spawn",2},{"spawn",3},{"spawn",4},{"spawn_link",1},
    {"spawn_link",2},{"spawn_link",3},{"spawn_link",4},{"spawn_monitor",1},{"spawn_monitor",2},
    {"spawn_monitor",3},{"spawn_monitor",4},{"spawn_opt",2},{"spawn_opt",3},{"spawn_opt",4},{"spawn_opt",5},
    {"spawn_request",1},{"spawn_request",2},{"spawn_request",3},{"spawn_request",4},{"spawn_request",5},
    {"spawn_request_abandon",1},{"split_binary",2},{"statistics",1},{"term_to_binary",1},
    {"term_to_binary",2},{"term_to_iovec",1},{"term_to_iovec",2},{"throw",1},{"time",0},{"tl",1},
    {"trunc",1},{"tuple_size",1},{"tuple_to_list",1},{"unalias",1},{"unlink",1},{"unregister",1},
    {"whereis",1},
};

/* erl_internal:guard_bif/2 of OTP 25. */
static const FA guard_bifs[] = {
    {"abs",1},{"binary_part",2},{"binary_part",3},{"bit_size",1},{"byte_size",1},{"ceil",1},{"element",2},
    {"float",1},{"floor",1},{"hd",1},{"is_atom",1},{"is_binary",1},{"is_bitstring",1},{"is_boolean",1},
    {"is_float",1},{"is_function",1},{"is_function",2},{"is_integer",1},{"is_list",1},{"is_map",1},
    {"is_map_key",2},{"is_number",1},{"is_pid",1},{"is_port",1},{"is_record",2},{"is_record",3},
    {"is_reference",1},{"is_tuple",1},{"length",1},{"map_get",2},{"map_size",1},{"node",0},{"node",1},
    {"round",1},{"self",0},{"size",1},{"tl",1},{"trunc",1},{"tuple_size",1},
};

static const FA type_tests[] = {
    {"is_atom",1},{"is_binary",1},{"is_bitstring",1},{"is_boolean",1},{"is_float",1},{"is_function",1},
    {"is_function",2},{"is_integer",1},{"is_list",1},{"is_map",1},{"is_number",1},{"is_pid",1},
    {"is_port",1},{"is_record",2},{"is_record",3},{"is_reference",1},{"is_tuple",1},
};

/* BIFs erlc calls with gc_bif (they may build a bignum, a float...). */
static const FA gc_bifs[] = {
    {"length",1},{"size",1},{"bit_size",1},{"byte_size",1},{"map_size",1},{"abs",1},{"float",1},
    {"round",1},{"trunc",1},{"ceil",1},{"floor",1},{"binary_part",2},{"binary_part",3},
    {"+",2},{"-",2},{"*",2},{"/",2},{"div",2},{"rem",2},{"band",2},{"bor",2},{"bxor",2},{"bsl",2},
    {"bsr",2},{"bnot",1},{"-",1},{"+",1},
};

static bool is_operator(const char *name, int arity)
{
    static const char *const ops2[] = { "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr",
                                        "and", "or", "xor", "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=" };
    if (arity == 2) {
        for (size_t i = 0; i < sizeof ops2 / sizeof ops2[0]; i++)
            if (strcmp(ops2[i], name) == 0)
                return true;
        return false;
    }
    return arity == 1 && (strcmp(name, "not") == 0 || strcmp(name, "bnot") == 0 || strcmp(name, "-") == 0 ||
                          strcmp(name, "+") == 0);
}

bool cg_is_auto_imported(const char *name, int arity)
{
    return fa_in(auto_imports, sizeof auto_imports / sizeof auto_imports[0], name, arity);
}

bool cg_is_guard_bif(const char *name, int arity)
{
    return fa_in(guard_bifs, sizeof guard_bifs / sizeof guard_bifs[0], name, arity) || is_operator(name, arity);
}

bool cg_is_type_test(const char *name, int arity)
{
    return fa_in(type_tests, sizeof type_tests / sizeof type_tests[0], name, arity);
}

/* Does erlang:name/arity run as a bif/gc_bif instruction rather than a
 * call? Guard BIFs and operators do; gc tells which instruction. BIFs the
 * VM lacks are still emitted as erlc would: the loader then says so. */
static bool bif_is_gc(const char *name, int arity)
{
    const BifInfo *b = vm_bif("erlang", name, arity);
    return fa_in(gc_bifs, sizeof gc_bifs / sizeof gc_bifs[0], name, arity) || (b && (b->flags & BIF_GC));
}

/* In a body, does erlang:name/arity run as a bif/gc_bif instruction
 * rather than a call? Guard BIFs and operators do, as with erlc, when the
 * VM has them; others are called (a missing one raises undef only when
 * the call runs, instead of failing the whole module at load). */
static bool body_bif(const char *name, int arity, bool *gc)
{
    if (!cg_is_guard_bif(name, arity) || !vm_bif("erlang", name, arity))
        return false;
    *gc = bif_is_gc(name, arity);
    return true;
}

/* ---- constants */

static AstExpr *mk_node(Cg *c, AstKind k, int line)
{
    AstExpr *e = cg_alloc(c, sizeof *e);
    e->kind = k;
    e->line = line;
    e->col = 1;
    return e;
}

static const AstExpr *mk_atom(Cg *c, const char *name)
{
    AstExpr *e = mk_node(c, AST_ATOM, 0);
    e->u.atom.name = name;
    e->u.atom.len = strlen(name);
    return e;
}

static const AstExpr *mk_int(Cg *c, int64_t v)
{
    AstExpr *e = mk_node(c, AST_INT, 0);
    e->u.int_.value = v;
    return e;
}

static KOp kvar(int v) { return (KOp){ v, NULL }; }
static KOp klit(const AstExpr *e) { return (KOp){ -1, e }; }

static bool is_var_named(const AstExpr *e, const char *name)
{
    return e->kind == AST_VAR && strcmp(e->u.var.name, name) == 0;
}
static bool is_wild(const AstExpr *e) { return is_var_named(e, "_"); }
static bool is_atom_named(const AstExpr *e, const char *name)
{
    return e && e->kind == AST_ATOM && strcmp(e->u.atom.name, name) == 0;
}

/* A binary being evaluated at compile time, bit by bit. */
typedef struct {
    uint8_t *b;
    size_t nbits, cap;
} BitBuf;

static bool bb_bit(BitBuf *bb, int bit)
{
    if (bb->nbits / 8 >= bb->cap) {
        size_t nc = bb->cap ? bb->cap * 2 : 16;
        uint8_t *nb = realloc(bb->b, nc);
        if (!nb)
            return false;
        memset(nb + bb->cap, 0, nc - bb->cap);
        bb->b = nb;
        bb->cap = nc;
    }
    if (bit)
        bb->b[bb->nbits / 8] |= (uint8_t)(0x80 >> (bb->nbits % 8));
    bb->nbits++;
    return true;
}

/* Appends the low n bits of v, most significant first. */
static bool bb_bits(BitBuf *bb, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; i--)
        if (!bb_bit(bb, i < 64 ? (int)(v >> i & 1) : (int)(((int64_t)v < 0) ? 1 : 0)))
            return false;
    return true;
}

/* An integer of n bits (n a multiple of 8 when little-endian). */
static bool bb_int(BitBuf *bb, int64_t v, int n, bool little)
{
    if (!little || n % 8 != 0)
        return bb_bits(bb, (uint64_t)v, n);
    for (int i = 0; i < n / 8; i++)
        if (!bb_bits(bb, i < 8 ? (uint64_t)v >> (8 * i) & 0xff : (v < 0 ? 0xff : 0), 8))
            return false;
    return true;
}

static bool bb_utf(BitBuf *bb, int64_t cp, int kind, bool little)
{
    if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return false;
    if (kind == 8) {
        if (cp < 0x80)
            return bb_bits(bb, (uint64_t)cp, 8);
        if (cp < 0x800)
            return bb_bits(bb, 0xc0 | (uint64_t)cp >> 6, 8) && bb_bits(bb, 0x80 | ((uint64_t)cp & 0x3f), 8);
        if (cp < 0x10000)
            return bb_bits(bb, 0xe0 | (uint64_t)cp >> 12, 8) && bb_bits(bb, 0x80 | ((uint64_t)cp >> 6 & 0x3f), 8) &&
                   bb_bits(bb, 0x80 | ((uint64_t)cp & 0x3f), 8);
        return bb_bits(bb, 0xf0 | (uint64_t)cp >> 18, 8) && bb_bits(bb, 0x80 | ((uint64_t)cp >> 12 & 0x3f), 8) &&
               bb_bits(bb, 0x80 | ((uint64_t)cp >> 6 & 0x3f), 8) && bb_bits(bb, 0x80 | ((uint64_t)cp & 0x3f), 8);
    }
    if (kind == 16) {
        if (cp < 0x10000)
            return bb_int(bb, cp, 16, little);
        int64_t v = cp - 0x10000;
        return bb_int(bb, 0xd800 | (v >> 10), 16, little) && bb_int(bb, 0xdc00 | (v & 0x3ff), 16, little);
    }
    return bb_int(bb, cp, 32, little);
}

static bool bin_eval_into(const AstExpr *e, BitBuf *bb);

/* One segment Value:Size/Types of a constant binary. */
static bool bin_seg_eval(const AstBinSeg *s, BitBuf *bb)
{
    const char *type = "integer";
    bool little = false;
    int64_t unit = -1;
    for (int i = 0; i < s->ntypes; i++) {
        const char *t = s->types[i].name;
        if (strcmp(t, "little") == 0 || strcmp(t, "native") == 0)
            little = true;
        else if (strcmp(t, "big") == 0 || strcmp(t, "signed") == 0 || strcmp(t, "unsigned") == 0)
            ;
        else if (strcmp(t, "unit") == 0 && s->types[i].has_value)
            unit = s->types[i].value;
        else if (!s->types[i].has_value)
            type = t;
        else
            return false;
    }
    if (s->size && s->size->kind != AST_INT)
        return false;
    int64_t size = s->size ? s->size->u.int_.value : -1;
    const AstExpr *v = s->value;
    bool utf = strncmp(type, "utf", 3) == 0;
    int uk = utf ? atoi(type + 3) : 0;
    if (utf && uk != 8 && uk != 16 && uk != 32)
        return false;
    if (v->kind == AST_STRING) {
        for (size_t i = 0; i < v->u.str.len; i++) {
            int64_t ch = v->u.str.chars[i];
            if (utf ? !bb_utf(bb, ch, uk, little)
                    : strcmp(type, "integer") != 0 || !bb_int(bb, ch, (int)((size < 0 ? 8 : size) * (unit < 0 ? 1 : unit)), little))
                return false;
        }
        return true;
    }
    if (utf)
        return v->kind == AST_INT && !v->u.int_.big && !s->size && bb_utf(bb, v->u.int_.value, uk, little);
    if (strcmp(type, "integer") == 0) {
        int64_t n = (size < 0 ? 8 : size) * (unit < 0 ? 1 : unit);
        if (v->kind != AST_INT || v->u.int_.big || n < 0 || n > 4096)
            return false;
        return bb_int(bb, v->u.int_.value, (int)n, little);
    }
    if (strcmp(type, "float") == 0) {
        int64_t n = (size < 0 ? 64 : size) * (unit < 0 ? 1 : unit);
        double d;
        if (v->kind == AST_FLOAT)
            d = v->u.float_.value;
        else if (v->kind == AST_INT && !v->u.int_.big)
            d = (double)v->u.int_.value;
        else
            return false;
        if (n == 64) {
            uint64_t w;
            memcpy(&w, &d, 8);
            return bb_int(bb, (int64_t)w, 64, little);
        }
        if (n == 32) {
            float f = (float)d;
            uint32_t w;
            memcpy(&w, &f, 4);
            return bb_int(bb, (int64_t)w, 32, little);
        }
        return false;
    }
    if (strcmp(type, "binary") == 0 || strcmp(type, "bytes") == 0 || strcmp(type, "bitstring") == 0 ||
        strcmp(type, "bits") == 0) {
        if (v->kind != AST_BIN)
            return false;
        BitBuf sub = { 0 };
        bool ok = bin_eval_into(v, &sub);
        int64_t want = size < 0 ? (int64_t)sub.nbits : size * (unit < 0 ? (type[0] == 'b' && type[3] == 's' ? 1 : 8) : unit);
        if (ok && want <= (int64_t)sub.nbits)
            for (int64_t i = 0; i < want && ok; i++)
                ok = bb_bit(bb, sub.b[i / 8] >> (7 - i % 8) & 1);
        else
            ok = false;
        free(sub.b);
        return ok;
    }
    return false;
}

static bool bin_eval_into(const AstExpr *e, BitBuf *bb)
{
    for (int i = 0; i < e->u.bin.nsegs; i++)
        if (!bin_seg_eval(&e->u.bin.segs[i], bb))
            return false;
    return true;
}

/* The bytes of a binary with constant segments (malloc'd into *out), or
 * false if it is not one this compiler can evaluate. */
static bool bin_eval(const AstExpr *e, uint8_t **out, size_t *len)
{
    BitBuf bb = { 0 };
    if (!bin_eval_into(e, &bb) || bb.nbits % 8 != 0) {
        free(bb.b);
        return false;
    }
    *out = bb.b;
    *len = bb.nbits / 8;
    return true;
}

/* Is e a constant term (a literal the assembler can hold)? */
static bool is_const(const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return true;
    case AST_TUPLE:
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            if (!is_const(e->u.tuple.elems.items[i]))
                return false;
        return true;
    case AST_LIST:
        for (int i = 0; i < e->u.list.elems.n; i++)
            if (!is_const(e->u.list.elems.items[i]))
                return false;
        return is_const(e->u.list.tail);
    case AST_BIN: {
        uint8_t *b;
        size_t n;
        if (!bin_eval(e, &b, &n))
            return false;
        free(b);
        return true;
    }
    case AST_FUN_REF:
        return e->u.fun_ref.mod && e->u.fun_ref.mod->kind == AST_ATOM && e->u.fun_ref.fun->kind == AST_ATOM &&
               e->u.fun_ref.arity->kind == AST_INT;
    default:
        return false;
    }
}

/* Folds integer arithmetic on constants (patterns such as 1 + 2 or
 * -(3)); false when e is not such an expression. */
static bool fold_int(const AstExpr *e, int64_t *out)
{
    int64_t a, b;
    switch (e->kind) {
    case AST_INT:
        if (e->u.int_.big)
            return false;
        *out = e->u.int_.value;
        return true;
    case AST_UNOP:
        if (!fold_int(e->u.unop.arg, &a))
            return false;
        if (e->u.unop.op == AST_OP_NEG)
            return !__builtin_sub_overflow((int64_t)0, a, out);
        if (e->u.unop.op == AST_OP_PLUS)
            return (*out = a), true;
        if (e->u.unop.op == AST_OP_BNOT)
            return (*out = ~a), true;
        return false;
    case AST_BINOP:
        if (!fold_int(e->u.binop.lhs, &a) || !fold_int(e->u.binop.rhs, &b))
            return false;
        switch (e->u.binop.op) {
        case AST_OP_ADD: return !__builtin_add_overflow(a, b, out);
        case AST_OP_SUB: return !__builtin_sub_overflow(a, b, out);
        case AST_OP_MUL: return !__builtin_mul_overflow(a, b, out);
        case AST_OP_DIV:
            if (b == 0 || (a == INT64_MIN && b == -1))
                return false;
            *out = a / b;
            return true;
        case AST_OP_REM:
            if (b == 0 || b == -1)
                return b == -1 ? (*out = 0, true) : false;
            *out = a % b;
            return true;
        case AST_OP_BAND: *out = a & b; return true;
        case AST_OP_BOR: *out = a | b; return true;
        case AST_OP_BXOR: *out = a ^ b; return true;
        case AST_OP_BSL:
            if (b < 0 || b > 62 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b))))
                return false;
            *out = (int64_t)((uint64_t)a << b);
            return true;
        case AST_OP_BSR:
            *out = b >= 63 ? (a < 0 ? -1 : 0) : b < 0 ? 0 : a >> b;
            return b >= 0;
        default:
            return false;
        }
    default:
        return false;
    }
}

/* ---- lowering: the tree to K code */

typedef struct {
    const char *name;
    KOp op;
    KFun *self; /* a named fun's own name, inside it */
} EnvEnt;

typedef struct L {
    Cg *c;
    KFun *kf;
    EnvEnt *env;
    int nenv, cap;
    const char *top; /* the source function, for naming lifted ones */
    int top_arity;
    int *nlifted;
} L;

typedef struct {
    const char **v;
    int n, cap;
} Names;

static void names_add(Cg *c, Names *ns, const char *name)
{
    for (int i = 0; i < ns->n; i++)
        if (strcmp(ns->v[i], name) == 0)
            return;
    ns->v = grow(c, ns->v, ns->n, &ns->cap, sizeof *ns->v);
    ns->v[ns->n++] = name;
}

static bool names_has(const Names *ns, const char *name)
{
    for (int i = 0; i < ns->n; i++)
        if (strcmp(ns->v[i], name) == 0)
            return true;
    return false;
}

static void names_in(Cg *c, Names *ns, const AstExpr *e);

static void names_in_list(Cg *c, Names *ns, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        names_in(c, ns, l->items[i]);
}

static void names_in_clauses(Cg *c, Names *ns, const AstClause *cs, int n)
{
    for (int i = 0; i < n; i++) {
        names_in_list(c, ns, &cs[i].pats);
        for (int j = 0; j < cs[i].guard.n; j++)
            names_in_list(c, ns, &cs[i].guard.alts[j]);
        names_in_list(c, ns, &cs[i].body);
    }
}

/* Every variable name occurring in e (nested funs included). */
static void names_in(Cg *c, Names *ns, const AstExpr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case AST_VAR: names_add(c, ns, e->u.var.name); break;
    case AST_TUPLE: names_in_list(c, ns, &e->u.tuple.elems); break;
    case AST_LIST: names_in_list(c, ns, &e->u.list.elems); names_in(c, ns, e->u.list.tail); break;
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            names_in(c, ns, e->u.bin.segs[i].value);
            names_in(c, ns, e->u.bin.segs[i].size);
        }
        break;
    case AST_MATCH: names_in(c, ns, e->u.match.pat); names_in(c, ns, e->u.match.expr); break;
    case AST_BINOP: names_in(c, ns, e->u.binop.lhs); names_in(c, ns, e->u.binop.rhs); break;
    case AST_UNOP: names_in(c, ns, e->u.unop.arg); break;
    case AST_CALL:
        names_in(c, ns, e->u.call.mod);
        names_in(c, ns, e->u.call.fun);
        names_in_list(c, ns, &e->u.call.args);
        break;
    case AST_REMOTE: names_in(c, ns, e->u.remote.mod); names_in(c, ns, e->u.remote.fun); break;
    case AST_FUN_REF:
        names_in(c, ns, e->u.fun_ref.mod);
        names_in(c, ns, e->u.fun_ref.fun);
        names_in(c, ns, e->u.fun_ref.arity);
        break;
    case AST_FUN: names_in_clauses(c, ns, e->u.fun.clauses, e->u.fun.nclauses); break;
    case AST_CASE: names_in(c, ns, e->u.case_.expr); names_in_clauses(c, ns, e->u.case_.clauses, e->u.case_.nclauses); break;
    case AST_IF: names_in_clauses(c, ns, e->u.if_.clauses, e->u.if_.nclauses); break;
    case AST_RECEIVE:
        names_in_clauses(c, ns, e->u.receive.clauses, e->u.receive.nclauses);
        names_in(c, ns, e->u.receive.after);
        names_in_list(c, ns, &e->u.receive.after_body);
        break;
    case AST_TRY:
        names_in_list(c, ns, &e->u.try_.body);
        names_in_clauses(c, ns, e->u.try_.of, e->u.try_.nof);
        names_in_clauses(c, ns, e->u.try_.catches, e->u.try_.ncatches);
        names_in_list(c, ns, &e->u.try_.after);
        break;
    case AST_CATCH: names_in(c, ns, e->u.catch_.expr); break;
    case AST_BLOCK: names_in_list(c, ns, &e->u.block.body); break;
    case AST_LC: case AST_BC:
        names_in(c, ns, e->u.comp.templ);
        for (int i = 0; i < e->u.comp.nquals; i++) {
            names_in(c, ns, e->u.comp.quals[i].pat);
            names_in(c, ns, e->u.comp.quals[i].expr);
        }
        break;
    case AST_RECORD:
        names_in(c, ns, e->u.record.base);
        for (int i = 0; i < e->u.record.nfields; i++)
            names_in(c, ns, e->u.record.fields[i].value);
        break;
    case AST_RECORD_FIELD: names_in(c, ns, e->u.rfield.base); break;
    default: break;
    }
}

static int new_var(L *l) { return l->kf->nvars++; }

static void env_push(L *l, const char *name, KOp op, KFun *self)
{
    l->env = grow(l->c, l->env, l->nenv, &l->cap, sizeof *l->env);
    l->env[l->nenv++] = (EnvEnt){ name, op, self };
}

static const EnvEnt *env_find(const L *l, const char *name, int from)
{
    for (int i = l->nenv; i-- > from;)
        if (strcmp(l->env[i].name, name) == 0)
            return &l->env[i];
    return NULL;
}

static KStmt *kst(L *l, KBody *b, KKind k, int line)
{
    KStmt *s = cg_alloc(l->c, sizeof *s);
    s->kind = (uint8_t)k;
    s->line = line;
    s->dst = -1;
    s->msg = s->cls = s->reason = s->trace = -1;
    b->v = grow(l->c, b->v, b->n, &b->cap, sizeof *b->v);
    b->v[b->n++] = s;
    return s;
}

static KOp *kops(L *l, int n) { return cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof(KOp)); }

static KTest *ktest(L *l, KClause *kc, KTestKind k, KOp a)
{
    kc->tests = grow(l->c, kc->tests, kc->ntests, &kc->cap, sizeof *kc->tests);
    KTest *t = &kc->tests[kc->ntests++];
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)k;
    t->a = a;
    t->d1 = t->d2 = -1;
    return t;
}

static KFun *new_kfun(Cg *c, const char *name, int arity, int line)
{
    KFun *f = cg_alloc(c, sizeof *f);
    f->name = name;
    f->arity = arity;
    f->line = line;
    f->file = c->file;
    f->nvars = arity;
    f->lambda = -1;
    *c->funs_tail = f;
    c->funs_tail = &f->next;
    return f;
}

static KOp lower_expr(L *l, KBody *b, const AstExpr *e);
static void lower_tail(L *l, KBody *b, const AstExpr *e);
static KOp lower_seq(L *l, KBody *b, const AstExprList *body);
static void lower_seq_tail(L *l, KBody *b, const AstExprList *body);
static KOp lower_fun_value(L *l, KBody *b, KFun *kf, int line);

/* The value of a variable: its operand, or for a named fun's own name
 * inside it, a new closure. */
static KOp lookup_var(L *l, KBody *b, const char *name, int line, int col)
{
    const EnvEnt *en = env_find(l, name, 0);
    if (!en) {
        cg_error(l->c, line, col, "variable '%s' is unbound", name);
        return klit(mk_atom(l->c, "undefined"));
    }
    if (en->self) {
        return lower_fun_value(l, b, en->self, line);
    }
    return en->op;
}

/* A variable holding op (constants are moved into one). */
static int as_var(L *l, KBody *b, KOp op, int line)
{
    if (op.var >= 0)
        return op.var;
    KStmt *s = kst(l, b, K_MOVE, line);
    s->dst = new_var(l);
    s->args = kops(l, 1);
    s->args[0] = op;
    s->nargs = 1;
    return s->dst;
}

static KOp emit_dst(L *l, KBody *b, KKind k, int line, const KOp *args, int n)
{
    KStmt *s = kst(l, b, k, line);
    s->dst = new_var(l);
    s->args = kops(l, n);
    memcpy(s->args, args, (size_t)n * sizeof *args);
    s->nargs = n;
    return kvar(s->dst);
}

static KOp emit_tuple2(L *l, KBody *b, const char *tag, KOp v, int line)
{
    KOp a[2] = { klit(mk_atom(l->c, tag)), v };
    return emit_dst(l, b, K_TUPLE, line, a, 2);
}

static void emit_error(L *l, KBody *b, ErrKind k, int line, KOp a, KOp a2)
{
    KStmt *s = kst(l, b, K_ERROR, line);
    s->err = (uint8_t)k;
    s->args = kops(l, 2);
    s->args[0] = a;
    s->args[1] = a2;
    s->nargs = k == E_RAISE ? 2 : k == E_IF || k == E_FUNCTION_CLAUSE ? 0 : 1;
}

static void emit_return(L *l, KBody *b, KOp v, int line)
{
    KStmt *s = kst(l, b, K_RETURN, line);
    s->args = kops(l, 1);
    s->args[0] = v;
    s->nargs = 1;
}

/* A call; tail: as the body's terminator (then returns nothing useful). */
static KOp emit_call(L *l, KBody *b, CallKind ck, const char *mod, const char *name, KFun *fun, const KOp *args,
                     int n, bool tail, int line)
{
    KStmt *s = kst(l, b, tail ? K_ENTER : K_CALL, line);
    s->ckind = (uint8_t)ck;
    s->mod = mod;
    s->name = name;
    s->fun = fun;
    s->arity = ck == CT_FUN ? n - 1 : ck == CT_APPLY ? n - 2 : n;
    s->args = kops(l, n);
    memcpy(s->args, args, (size_t)n * sizeof *args);
    s->nargs = n;
    if (!tail)
        s->dst = new_var(l);
    return kvar(s->dst);
}

static KOp emit_bif(L *l, KBody *b, const char *name, const KOp *args, int n, bool gc, int line)
{
    KStmt *s = kst(l, b, K_BIF, line);
    s->name = name;
    s->arity = n;
    s->gc = gc;
    s->args = kops(l, n);
    memcpy(s->args, args, (size_t)n * sizeof *args);
    s->nargs = n;
    s->dst = new_var(l);
    return kvar(s->dst);
}

/* Finishes a value: as a return in tail position. */
static KOp done(L *l, KBody *b, KOp v, bool tail, int line)
{
    if (tail)
        emit_return(l, b, v, line);
    return v;
}

/* ---- patterns */

static void lower_pattern(L *l, KClause *kc, const AstExpr *p, KOp s, int mark);

/* The elements of a constant proper list (a string, [a, b | "cd"]...);
 * false if e is not one. */
static bool const_elems(L *l, const AstExpr *e, const AstExpr ***out, int *n, int *cap)
{
    for (;;) {
        if (e->kind == AST_NIL)
            return true;
        if (e->kind == AST_STRING) {
            for (size_t i = 0; i < e->u.str.len; i++) {
                *out = grow(l->c, *out, *n, cap, sizeof **out);
                (*out)[(*n)++] = mk_int(l->c, e->u.str.chars[i]);
            }
            return true;
        }
        if (e->kind != AST_LIST)
            return false;
        for (int i = 0; i < e->u.list.elems.n; i++) {
            if (!is_const(e->u.list.elems.items[i]))
                return false;
            *out = grow(l->c, *out, *n, cap, sizeof **out);
            (*out)[(*n)++] = e->u.list.elems.items[i];
        }
        e = e->u.list.tail;
    }
}

/* "abc" ++ Rest as a pattern: the known elements one by one; returns the
 * operand the rest is matched against. */
static bool pattern_prefix(L *l, KClause *kc, const AstExpr *lhs, KOp s, KOp *rest)
{
    const AstExpr **el = NULL;
    int n = 0, cap = 0;
    if (!const_elems(l, lhs, &el, &n, &cap))
        return false;
    KOp cur = s;
    for (int i = 0; i < n; i++) {
        ktest(l, kc, T_TYPE, cur)->name = "is_nonempty_list";
        KTest *t = ktest(l, kc, T_GET_LIST, cur);
        t->d1 = new_var(l);
        t->d2 = new_var(l);
        ktest(l, kc, T_EQ, kvar(t->d1))->b = klit(el[i]);
        cur = kvar(t->d2);
    }
    *rest = cur;
    return true;
}

static void pattern_tuple(L *l, KClause *kc, const AstExpr *p, KOp s, int mark)
{
    int n = p->u.tuple.elems.n;
    AstExpr *const *el = p->u.tuple.elems.items;
    bool tagged = n >= 1 && el[0]->kind == AST_ATOM;
    if (tagged) {
        KTest *t = ktest(l, kc, T_TAGGED, s);
        t->n = n;
        t->tag = el[0]->u.atom.name;
    } else {
        ktest(l, kc, T_TYPE, s)->name = "is_tuple";
        ktest(l, kc, T_ARITY, s)->n = n;
    }
    for (int i = tagged ? 1 : 0; i < n; i++) {
        if (is_wild(el[i]))
            continue;
        KTest *t = ktest(l, kc, T_GET_ELEM, s);
        t->n = i;
        t->d1 = new_var(l);
        lower_pattern(l, kc, el[i], kvar(t->d1), mark);
    }
}

static void pattern_list(L *l, KClause *kc, const AstExpr *p, KOp s, int mark)
{
    KOp cur = s;
    int n = p->u.list.elems.n;
    for (int i = 0; i < n; i++) {
        const AstExpr *e = p->u.list.elems.items[i];
        bool last = i == n - 1;
        ktest(l, kc, T_TYPE, cur)->name = "is_nonempty_list";
        KTest *t = ktest(l, kc, T_GET_LIST, cur);
        if (!is_wild(e))
            t->d1 = new_var(l);
        if (!(last && is_wild(p->u.list.tail)))
            t->d2 = new_var(l);
        if (t->d1 >= 0)
            lower_pattern(l, kc, e, kvar(t->d1), mark);
        if (t->d2 < 0)
            return;
        cur = kvar(t->d2);
    }
    lower_pattern(l, kc, p->u.list.tail, cur, mark);
}

/* Adds to kc the tests that match pattern p against s, binding its new
 * variables in the environment. Variables already bound at index >= mark
 * of the environment are compared instead (mark = 0: every binding). */
static void lower_pattern(L *l, KClause *kc, const AstExpr *p, KOp s, int mark)
{
    switch (p->kind) {
    case AST_VAR: {
        if (is_wild(p))
            return;
        const EnvEnt *en = env_find(l, p->u.var.name, mark);
        if (en && !en->self) {
            ktest(l, kc, T_EQ, s)->b = en->op;
            return;
        }
        env_push(l, p->u.var.name, s, NULL);
        return;
    }
    case AST_MATCH:
        lower_pattern(l, kc, p->u.match.pat, s, mark);
        lower_pattern(l, kc, p->u.match.expr, s, mark);
        return;
    case AST_NIL:
        ktest(l, kc, T_TYPE, s)->name = "is_nil";
        return;
    case AST_STRING:
        if (p->u.str.len == 0) {
            ktest(l, kc, T_TYPE, s)->name = "is_nil";
            return;
        }
        break;
    case AST_TUPLE:
        if (!is_const(p)) {
            pattern_tuple(l, kc, p, s, mark);
            return;
        }
        break;
    case AST_LIST:
        if (!is_const(p)) {
            pattern_list(l, kc, p, s, mark);
            return;
        }
        break;
    case AST_BINOP:
        if (p->u.binop.op == AST_OP_APPEND) {
            KOp rest;
            if (pattern_prefix(l, kc, p->u.binop.lhs, s, &rest)) {
                lower_pattern(l, kc, p->u.binop.rhs, rest, mark);
                return;
            }
        }
        /* fall through */
    case AST_UNOP: {
        int64_t v;
        if (fold_int(p, &v)) {
            ktest(l, kc, T_EQ, s)->b = klit(mk_int(l->c, v));
            return;
        }
        cg_error(l->c, p->line, p->col, "illegal pattern");
        return;
    }
    default:
        break;
    }
    if (!is_const(p)) {
        cg_error(l->c, p->line, p->col,
                 p->kind == AST_BIN ? "binary patterns that are not constants are not supported" : "illegal pattern");
        return;
    }
    ktest(l, kc, T_EQ, s)->b = klit(p);
}

/* ---- guards */

static GExpr *gnode(L *l, GKind k, int nargs)
{
    GExpr *g = cg_alloc(l->c, sizeof *g);
    g->kind = (uint8_t)k;
    g->nargs = nargs;
    g->args = cg_alloc(l->c, (size_t)(nargs ? nargs : 1) * sizeof *g->args);
    return g;
}

static GExpr *gop(L *l, KOp op)
{
    GExpr *g = gnode(l, G_OP, 0);
    g->op = op;
    return g;
}

static GExpr *lower_gexpr(L *l, const AstExpr *e);

static GExpr *gbif(L *l, const char *name, const AstExprList *args)
{
    GExpr *g = gnode(l, G_BIF, args->n);
    g->name = name;
    for (int i = 0; i < args->n; i++)
        g->args[i] = lower_gexpr(l, args->items[i]);
    return g;
}

static GExpr *glist(L *l, AstExpr *const *el, int n, const AstExpr *tail)
{
    if (n == 0)
        return lower_gexpr(l, tail);
    GExpr *g = gnode(l, G_CONS, 2);
    g->args[0] = lower_gexpr(l, el[0]);
    g->args[1] = glist(l, el + 1, n - 1, tail);
    return g;
}

/* A guard expression, with its variables resolved. */
static GExpr *lower_gexpr(L *l, const AstExpr *e)
{
    if (is_const(e))
        return gop(l, klit(e));
    switch (e->kind) {
    case AST_VAR: {
        const EnvEnt *en = env_find(l, e->u.var.name, 0);
        if (!en || en->self) {
            cg_error(l->c, e->line, e->col, "variable '%s' is unbound", e->u.var.name);
            return gop(l, klit(mk_atom(l->c, "false")));
        }
        return gop(l, en->op);
    }
    case AST_TUPLE: {
        GExpr *g = gnode(l, G_TUPLE, e->u.tuple.elems.n);
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            g->args[i] = lower_gexpr(l, e->u.tuple.elems.items[i]);
        return g;
    }
    case AST_LIST:
        return glist(l, e->u.list.elems.items, e->u.list.elems.n, e->u.list.tail);
    case AST_BINOP: {
        AstOp op = e->u.binop.op;
        if (op == AST_OP_ANDALSO || op == AST_OP_ORELSE) {
            GExpr *g = gnode(l, op == AST_OP_ANDALSO ? G_AND : G_OR, 2);
            g->args[0] = lower_gexpr(l, e->u.binop.lhs);
            g->args[1] = lower_gexpr(l, e->u.binop.rhs);
            return g;
        }
        if (op == AST_OP_SEND)
            break;
        AstExpr *items[2] = { e->u.binop.lhs, e->u.binop.rhs };
        AstExprList args = { items, 2 };
        return gbif(l, ast_op_name(op), &args);
    }
    case AST_UNOP: {
        AstExpr *items[1] = { e->u.unop.arg };
        AstExprList args = { items, 1 };
        return gbif(l, ast_op_name(e->u.unop.op), &args);
    }
    case AST_CALL: {
        const AstExpr *f = e->u.call.fun;
        if (f->kind != AST_ATOM || (e->u.call.mod && !is_atom_named(e->u.call.mod, "erlang")))
            break;
        const AstExprList *a = &e->u.call.args;
        if (strcmp(f->u.atom.name, "is_record") == 0 && a->n == 3 && a->items[1]->kind == AST_ATOM &&
            a->items[2]->kind == AST_INT) {
            GExpr *g = gnode(l, G_TAGGED, 1);
            g->args[0] = lower_gexpr(l, a->items[0]);
            g->name = a->items[1]->u.atom.name;
            g->n = (int)a->items[2]->u.int_.value;
            return g;
        }
        return gbif(l, f->u.atom.name, a);
    }
    default:
        break;
    }
    cg_error(l->c, e->line, e->col, "illegal guard expression");
    return gop(l, klit(mk_atom(l->c, "false")));
}

static KGuard lower_guard(L *l, const AstGuard *g)
{
    KGuard kg = { 0 };
    kg.n = g->n;
    kg.alts = cg_alloc(l->c, (size_t)(g->n ? g->n : 1) * sizeof *kg.alts);
    for (int i = 0; i < g->n; i++) {
        kg.alts[i].n = g->alts[i].n;
        kg.alts[i].tests = cg_alloc(l->c, (size_t)(g->alts[i].n ? g->alts[i].n : 1) * sizeof(GExpr *));
        for (int j = 0; j < g->alts[i].n; j++)
            kg.alts[i].tests[j] = lower_gexpr(l, g->alts[i].items[j]);
    }
    return kg;
}

/* ---- clauses */

/* What lowering one clause leaves for its construct: the new bindings and,
 * in value mode, the break that passes the clause's value on. */
typedef struct {
    const char **names;
    KOp *ops;
    int n;
    KStmt *brk;
    KOp val;
} ClauseRes;

static KFun *find_local(Cg *c, const char *name, int arity)
{
    for (int i = 0; i < c->nlocals; i++)
        if (c->locals[i]->arity == arity && strcmp(c->locals[i]->name, name) == 0)
            return c->locals[i];
    return NULL;
}

/* Lowers one clause: its patterns against subj (fresh: variables already
 * bound outside the patterns are shadowed, as in fun heads), its guard and
 * its body, in tail or value mode. stvar/trace: a catch clause's stack
 * trace variable, bound to the built trace where the body starts. */
static void lower_clause(L *l, KClause *kc, const AstClause *ac, const KOp *subj, int nsubj, bool fresh, bool tail,
                         const AstExpr *stvar, KOp trace, ClauseRes *res)
{
    int m = l->nenv;
    kc->line = ac->line;
    for (int i = 0; i < nsubj; i++)
        lower_pattern(l, kc, ac->pats.items[i], subj[i], fresh ? m : 0);
    kc->guard = lower_guard(l, &ac->guard);
    if (stvar && !is_wild(stvar)) {
        KOp st = emit_call(l, &kc->body, CT_BUILD_ST, NULL, NULL, NULL, &trace, 1, false, ac->line);
        env_push(l, stvar->u.var.name, st, NULL);
    }
    memset(res, 0, sizeof *res);
    if (tail) {
        lower_seq_tail(l, &kc->body, &ac->body);
    } else {
        res->val = lower_seq(l, &kc->body, &ac->body);
        int last = ac->body.n ? ac->body.items[ac->body.n - 1]->line : ac->line;
        res->brk = kst(l, &kc->body, K_BREAK, last);
    }
    res->n = l->nenv - m;
    res->names = cg_alloc(l->c, (size_t)(res->n ? res->n : 1) * sizeof *res->names);
    res->ops = kops(l, res->n);
    for (int i = 0; i < res->n; i++) {
        res->names[i] = l->env[m + i].name;
        res->ops[i] = l->env[m + i].op;
    }
    l->nenv = m;
}

static bool res_has(const ClauseRes *r, const char *name, KOp *op)
{
    for (int i = r->n; i-- > 0;)
        if (strcmp(r->names[i], name) == 0) {
            if (op)
                *op = r->ops[i];
            return true;
        }
    return false;
}

/* Value mode: the construct passes its value (if has_value) and the
 * variables every clause binds (safe to use after it, as erl_lint says)
 * to its continuation. Fills in each clause's break and binds the
 * exported names to the construct's results. */
static void finish_exports(L *l, KStmt *K, ClauseRes *rs, int n, bool has_value)
{
    const char **ex = cg_alloc(l->c, (size_t)(n && rs[0].n ? rs[0].n : 1) * sizeof *ex);
    int nex = 0;
    for (int j = 0; n > 0 && j < rs[0].n; j++) {
        const char *name = rs[0].names[j];
        bool all = true;
        for (int i = 1; i < n && all; i++)
            all = res_has(&rs[i], name, NULL);
        for (int k = 0; k < nex && all; k++)
            all = strcmp(ex[k], name) != 0;
        if (all)
            ex[nex++] = name;
    }
    int off = has_value ? 1 : 0;
    K->nrets = off + nex;
    K->rets = cg_alloc(l->c, (size_t)(K->nrets ? K->nrets : 1) * sizeof(int));
    for (int i = 0; i < K->nrets; i++)
        K->rets[i] = new_var(l);
    for (int i = 0; i < n; i++) {
        KStmt *brk = rs[i].brk;
        if (!brk)
            continue;
        brk->nargs = K->nrets;
        brk->args = kops(l, K->nrets);
        if (has_value)
            brk->args[0] = rs[i].val;
        for (int k = 0; k < nex; k++)
            res_has(&rs[i], ex[k], &brk->args[off + k]);
    }
    for (int k = 0; k < nex; k++)
        env_push(l, ex[k], kvar(K->rets[off + k]), NULL);
}

static KClause *kclauses(L *l, int n) { return cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof(KClause)); }

/* ---- control constructs */

static KOp lower_case(L *l, KBody *b, const AstExpr *e, bool tail)
{
    KOp s = lower_expr(l, b, e->u.case_.expr);
    KOp sv = kvar(as_var(l, b, s, e->line));
    int n = e->u.case_.nclauses;
    KStmt *K = kst(l, b, K_MATCH, e->line);
    K->terminal = tail;
    K->nclauses = n;
    K->clauses = kclauses(l, n);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof *rs);
    for (int i = 0; i < n; i++)
        lower_clause(l, &K->clauses[i], &e->u.case_.clauses[i], &sv, 1, false, tail, NULL, klit(NULL), &rs[i]);
    emit_error(l, &K->alt, E_CASE, e->line, sv, sv);
    if (tail)
        return sv;
    finish_exports(l, K, rs, n, true);
    return kvar(K->rets[0]);
}

static KOp lower_if(L *l, KBody *b, const AstExpr *e, bool tail)
{
    int n = e->u.if_.nclauses;
    KStmt *K = kst(l, b, K_MATCH, e->line);
    K->terminal = tail;
    K->nclauses = n;
    K->clauses = kclauses(l, n);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(n ? n : 1) * sizeof *rs);
    for (int i = 0; i < n; i++)
        lower_clause(l, &K->clauses[i], &e->u.if_.clauses[i], NULL, 0, false, tail, NULL, klit(NULL), &rs[i]);
    emit_error(l, &K->alt, E_IF, e->line, klit(NULL), klit(NULL));
    if (tail)
        return klit(NULL);
    finish_exports(l, K, rs, n, true);
    return kvar(K->rets[0]);
}

static KOp lower_receive(L *l, KBody *b, const AstExpr *e, bool tail)
{
    KOp to = klit(NULL);
    if (e->u.receive.after)
        to = lower_expr(l, b, e->u.receive.after);
    int n = e->u.receive.nclauses;
    KStmt *K = kst(l, b, K_RECV, e->line);
    K->terminal = tail;
    K->has_timeout = e->u.receive.after != NULL;
    K->timeout = to;
    K->msg = new_var(l);
    K->nclauses = n;
    K->clauses = kclauses(l, n);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(n + 1) * sizeof *rs);
    KOp msg = kvar(K->msg);
    for (int i = 0; i < n; i++)
        lower_clause(l, &K->clauses[i], &e->u.receive.clauses[i], &msg, 1, false, tail, NULL, klit(NULL), &rs[i]);
    int nr = n;
    if (K->has_timeout) {
        AstClause ac = { 0 };
        ac.line = e->u.receive.after->line;
        ac.body = e->u.receive.after_body;
        KClause tmp = { 0 };
        lower_clause(l, &tmp, &ac, NULL, 0, false, tail, NULL, klit(NULL), &rs[nr++]);
        K->alt = tmp.body;
    }
    if (tail)
        return klit(NULL);
    finish_exports(l, K, rs, nr, true);
    return kvar(K->rets[0]);
}

/* In value mode, a try passes only its value on: what it binds is unsafe
 * after it (erl_lint). */
static void finish_value(L *l, KStmt *K, ClauseRes *rs, int n)
{
    K->nrets = 1;
    K->rets = cg_alloc(l->c, sizeof(int));
    K->rets[0] = new_var(l);
    for (int i = 0; i < n; i++)
        if (rs[i].brk) {
            rs[i].brk->nargs = 1;
            rs[i].brk->args = kops(l, 1);
            rs[i].brk->args[0] = rs[i].val;
        }
}

static void try_handler_vars(L *l, KStmt *K)
{
    K->cls = new_var(l);
    K->reason = new_var(l);
    K->trace = new_var(l);
}

/* try Body of Clauses catch Clauses end (no after). */
static KOp lower_try_core(L *l, KBody *b, const AstExpr *e, bool tail)
{
    int m = l->nenv, line = e->line;
    KStmt *K = kst(l, b, K_TRY, line);
    K->terminal = tail;
    KOp v = lower_seq(l, &K->body, &e->u.try_.body);
    int nb = l->nenv - m;
    KStmt *brk = kst(l, &K->body, K_BREAK, line);
    brk->nargs = K->nbody_rets = 1 + nb;
    brk->args = kops(l, 1 + nb);
    brk->args[0] = v;
    K->body_rets = cg_alloc(l->c, (size_t)(1 + nb) * sizeof(int));
    K->body_rets[0] = new_var(l);
    const char **bn = cg_alloc(l->c, (size_t)(nb ? nb : 1) * sizeof *bn);
    for (int i = 0; i < nb; i++) {
        bn[i] = l->env[m + i].name;
        brk->args[1 + i] = l->env[m + i].op;
        K->body_rets[1 + i] = new_var(l);
    }
    l->nenv = m;
    for (int i = 0; i < nb; i++)
        env_push(l, bn[i], kvar(K->body_rets[1 + i]), NULL);
    int nof = e->u.try_.nof, nc = e->u.try_.ncatches;
    KOp bv = kvar(K->body_rets[0]);
    ClauseRes *rs = cg_alloc(l->c, (size_t)(nof + nc + 1) * sizeof *rs);
    int nr = 0;
    if (nof == 0) {
        K->nclauses = 1;
        K->clauses = kclauses(l, 1);
        memset(&rs[nr], 0, sizeof rs[nr]);
        rs[nr].val = bv;
        if (tail)
            emit_return(l, &K->clauses[0].body, bv, line);
        else
            rs[nr].brk = kst(l, &K->clauses[0].body, K_BREAK, line);
        nr++;
    } else {
        K->nclauses = nof;
        K->clauses = kclauses(l, nof);
        for (int i = 0; i < nof; i++)
            lower_clause(l, &K->clauses[i], &e->u.try_.of[i], &bv, 1, false, tail, NULL, klit(NULL), &rs[nr++]);
    }
    emit_error(l, &K->alt, E_TRY_CLAUSE, line, bv, bv);
    l->nenv = m;
    try_handler_vars(l, K);
    K->ncatches = nc;
    K->catches = kclauses(l, nc);
    KOp hs[2] = { kvar(K->cls), kvar(K->reason) };
    for (int i = 0; i < nc; i++) {
        const AstClause *ac = &e->u.try_.catches[i];
        lower_clause(l, &K->catches[i], ac, hs, 2, false, tail, ac->pats.n > 2 ? ac->pats.items[2] : NULL,
                     kvar(K->trace), &rs[nr++]);
    }
    emit_error(l, &K->alt2, E_RAISE, line, kvar(K->trace), kvar(K->reason));
    l->nenv = m;
    if (tail)
        return klit(NULL);
    finish_value(l, K, rs, nr);
    return kvar(K->rets[0]);
}

/* try ... after After end: the rest of the try in a protected body; After
 * runs on the way out either way, and the exception is raised again. */
static KOp lower_try_after(L *l, KBody *b, const AstExpr *e, bool tail)
{
    int m = l->nenv, line = e->line;
    KStmt *K = kst(l, b, K_TRY, line);
    K->terminal = tail;
    KOp v;
    if (e->u.try_.nof || e->u.try_.ncatches)
        v = lower_try_core(l, &K->body, e, false);
    else
        v = lower_seq(l, &K->body, &e->u.try_.body);
    l->nenv = m;
    KStmt *brk = kst(l, &K->body, K_BREAK, line);
    brk->nargs = K->nbody_rets = 1;
    brk->args = kops(l, 1);
    brk->args[0] = v;
    K->body_rets = cg_alloc(l->c, sizeof(int));
    K->body_rets[0] = new_var(l);
    KOp bv = kvar(K->body_rets[0]);
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    K->nclauses = 1;
    K->clauses = kclauses(l, 1);
    lower_seq(l, &K->clauses[0].body, &e->u.try_.after);
    l->nenv = m;
    rs[0].val = bv;
    if (tail)
        emit_return(l, &K->clauses[0].body, bv, line);
    else
        rs[0].brk = kst(l, &K->clauses[0].body, K_BREAK, line);
    emit_error(l, &K->alt, E_TRY_CLAUSE, line, bv, bv);
    try_handler_vars(l, K);
    K->ncatches = 1;
    K->catches = kclauses(l, 1);
    lower_seq(l, &K->catches[0].body, &e->u.try_.after);
    l->nenv = m;
    emit_error(l, &K->catches[0].body, E_RAISE, line, kvar(K->trace), kvar(K->reason));
    emit_error(l, &K->alt2, E_RAISE, line, kvar(K->trace), kvar(K->reason));
    if (tail)
        return klit(NULL);
    finish_value(l, K, rs, 1);
    return kvar(K->rets[0]);
}

static KOp lower_try(L *l, KBody *b, const AstExpr *e, bool tail)
{
    if (e->u.try_.after.n)
        return lower_try_after(l, b, e, tail);
    return lower_try_core(l, b, e, tail);
}

static KOp lower_catch(L *l, KBody *b, const AstExpr *e)
{
    int m = l->nenv;
    KStmt *K = kst(l, b, K_CATCH, e->line);
    KOp v = lower_expr(l, &K->body, e->u.catch_.expr);
    l->nenv = m;
    KStmt *brk = kst(l, &K->body, K_BREAK, e->line);
    brk->nargs = 1;
    brk->args = kops(l, 1);
    brk->args[0] = v;
    K->dst = new_var(l);
    return kvar(K->dst);
}

/* P = E */
static KOp lower_match(L *l, KBody *b, const AstExpr *e)
{
    KOp v = lower_expr(l, b, e->u.match.expr);
    const AstExpr *p = e->u.match.pat;
    if (p->kind == AST_VAR) {
        if (is_wild(p))
            return v;
        if (!env_find(l, p->u.var.name, 0)) {
            env_push(l, p->u.var.name, v, NULL);
            return v;
        }
    }
    KOp sv = kvar(as_var(l, b, v, e->line));
    KStmt *K = kst(l, b, K_MATCH, e->line);
    K->nclauses = 1;
    K->clauses = kclauses(l, 1);
    int m = l->nenv;
    lower_pattern(l, &K->clauses[0], p, sv, 0);
    ClauseRes rs = { 0 };
    rs.n = l->nenv - m;
    rs.names = cg_alloc(l->c, (size_t)(rs.n ? rs.n : 1) * sizeof *rs.names);
    rs.ops = kops(l, rs.n);
    for (int i = 0; i < rs.n; i++) {
        rs.names[i] = l->env[m + i].name;
        rs.ops[i] = l->env[m + i].op;
    }
    l->nenv = m;
    rs.brk = kst(l, &K->clauses[0].body, K_BREAK, e->line);
    emit_error(l, &K->alt, E_BADMATCH, e->line, sv, sv);
    finish_exports(l, K, &rs, 1, false);
    return v;
}

/* A andalso B, A orelse B: B only when A does not decide; A must be a
 * boolean ({badarg, A} otherwise). */
static KOp lower_andalso(L *l, KBody *b, const AstExpr *e, bool tail)
{
    bool is_and = e->u.binop.op == AST_OP_ANDALSO;
    int line = e->line;
    KOp a = lower_expr(l, b, e->u.binop.lhs);
    KOp av = kvar(as_var(l, b, a, line));
    KStmt *K = kst(l, b, K_MATCH, line);
    K->terminal = tail;
    K->nclauses = 2;
    K->clauses = kclauses(l, 2);
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    int m = l->nenv;
    ktest(l, &K->clauses[0], T_EQ, av)->b = klit(mk_atom(l->c, is_and ? "true" : "false"));
    if (tail) {
        lower_tail(l, &K->clauses[0].body, e->u.binop.rhs);
    } else {
        rs[0].val = lower_expr(l, &K->clauses[0].body, e->u.binop.rhs);
        rs[0].brk = kst(l, &K->clauses[0].body, K_BREAK, line);
    }
    l->nenv = m;
    KOp other = klit(mk_atom(l->c, is_and ? "false" : "true"));
    ktest(l, &K->clauses[1], T_EQ, av)->b = other;
    rs[1].val = done(l, &K->clauses[1].body, other, tail, line);
    if (!tail)
        rs[1].brk = kst(l, &K->clauses[1].body, K_BREAK, line);
    KOp t = emit_tuple2(l, &K->alt, "badarg", av, line);
    emit_error(l, &K->alt, E_ERROR_CALL, line, t, t);
    if (tail)
        return klit(NULL);
    finish_value(l, K, rs, 2);
    return kvar(K->rets[0]);
}

/* ---- calls */

static const char *import_of(Cg *c, const char *name, int arity)
{
    for (int i = 0; i < c->nimports; i++)
        if (c->imports[i].arity == arity && strcmp(c->imports[i].name, name) == 0)
            return c->imports[i].mod;
    return NULL;
}

/* is_record(X, Name, Size) with constant Name and Size, in a body. */
static KOp lower_is_record(L *l, KBody *b, KOp x, const char *name, int size, bool tail, int line)
{
    KOp xv = kvar(as_var(l, b, x, line));
    KStmt *K = kst(l, b, K_MATCH, line);
    K->terminal = tail;
    K->nclauses = 1;
    K->clauses = kclauses(l, 1);
    KTest *t = ktest(l, &K->clauses[0], T_TAGGED, xv);
    t->n = size;
    t->tag = name;
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    rs[0].val = done(l, &K->clauses[0].body, klit(mk_atom(l->c, "true")), tail, line);
    rs[1].val = done(l, &K->alt, klit(mk_atom(l->c, "false")), tail, line);
    if (tail)
        return klit(NULL);
    rs[0].brk = kst(l, &K->clauses[0].body, K_BREAK, line);
    rs[1].brk = kst(l, &K->alt, K_BREAK, line);
    finish_value(l, K, rs, 2);
    return kvar(K->rets[0]);
}

/* erlang:name(args): an instruction for guard BIFs, else a call. */
static KOp erlang_call(L *l, KBody *b, const char *name, KOp *args, int n, bool tail, int line)
{
    bool gc;
    if (strcmp(name, "is_record") == 0 && n == 3 && args[1].var < 0 && args[1].lit->kind == AST_ATOM &&
        args[2].var < 0 && args[2].lit->kind == AST_INT && !args[2].lit->u.int_.big)
        return lower_is_record(l, b, args[0], args[1].lit->u.atom.name, (int)args[2].lit->u.int_.value, tail, line);
    if (body_bif(name, n, &gc))
        return done(l, b, emit_bif(l, b, name, args, n, gc, line), tail, line);
    return emit_call(l, b, CT_EXT, "erlang", name, NULL, args, n, tail, line);
}

/* Calls a named fun from inside itself: directly, passing its free
 * variables along. */
static KOp self_call(L *l, KBody *b, KFun *self, const AstExprList *al, bool tail, int line)
{
    int n = al->n;
    KOp *args = kops(l, n + self->nfree);
    for (int i = 0; i < n; i++)
        args[i] = lower_expr(l, b, al->items[i]);
    for (int i = 0; i < self->nfree; i++)
        args[n + i] = lookup_var(l, b, self->fnames[i], line, 0);
    return emit_call(l, b, CT_LOCAL, NULL, self->name, self, args, n + self->nfree, tail, line);
}

static KOp lower_call(L *l, KBody *b, const AstExpr *e, bool tail)
{
    const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
    int n = e->u.call.args.n, line = e->line;
    if (!m && f->kind == AST_VAR) {
        const EnvEnt *en = env_find(l, f->u.var.name, 0);
        if (en && en->self)
            return self_call(l, b, en->self, &e->u.call.args, tail, line);
    }
    KOp *args = kops(l, n + 2);
    for (int i = 0; i < n; i++)
        args[i] = lower_expr(l, b, e->u.call.args.items[i]);
    if (!m && f->kind == AST_ATOM) {
        const char *name = f->u.atom.name;
        KFun *lf = find_local(l->c, name, n);
        if (lf)
            return emit_call(l, b, CT_LOCAL, NULL, name, lf, args, n, tail, line);
        const char *im = import_of(l->c, name, n);
        if (im)
            return strcmp(im, "erlang") == 0 ? erlang_call(l, b, name, args, n, tail, line)
                                             : emit_call(l, b, CT_EXT, im, name, NULL, args, n, tail, line);
        return erlang_call(l, b, name, args, n, tail, line);
    }
    if (m && m->kind == AST_ATOM && f->kind == AST_ATOM) {
        if (strcmp(m->u.atom.name, "erlang") == 0)
            return erlang_call(l, b, f->u.atom.name, args, n, tail, line);
        return emit_call(l, b, CT_EXT, m->u.atom.name, f->u.atom.name, NULL, args, n, tail, line);
    }
    if (!m) {
        args[n] = lower_expr(l, b, f);
        return emit_call(l, b, CT_FUN, NULL, NULL, NULL, args, n + 1, tail, line);
    }
    args[n] = lower_expr(l, b, m);
    args[n + 1] = lower_expr(l, b, f);
    return emit_call(l, b, CT_APPLY, NULL, NULL, NULL, args, n + 2, tail, line);
}

static KOp lower_binop(L *l, KBody *b, const AstExpr *e, bool tail)
{
    AstOp op = e->u.binop.op;
    int line = e->line;
    if (op == AST_OP_ANDALSO || op == AST_OP_ORELSE)
        return lower_andalso(l, b, e, tail);
    int64_t folded;
    if (fold_int(e, &folded))
        return done(l, b, klit(mk_int(l->c, folded)), tail, line);
    KOp a[2];
    a[0] = lower_expr(l, b, e->u.binop.lhs);
    a[1] = lower_expr(l, b, e->u.binop.rhs);
    if (op == AST_OP_SEND)
        return done(l, b, emit_dst(l, b, K_SEND, line, a, 2), tail, line);
    if (op == AST_OP_APPEND || op == AST_OP_SUBTRACT)
        return emit_call(l, b, CT_EXT, "erlang", ast_op_name(op), NULL, a, 2, tail, line);
    const char *name = ast_op_name(op);
    return done(l, b, emit_bif(l, b, name, a, 2, bif_is_gc(name, 2), line), tail, line);
}

static KOp lower_unop(L *l, KBody *b, const AstExpr *e)
{
    int64_t folded;
    if (fold_int(e, &folded))
        return klit(mk_int(l->c, folded));
    KOp a = lower_expr(l, b, e->u.unop.arg);
    const char *name = ast_op_name(e->u.unop.op);
    return emit_bif(l, b, name, &a, 1, bif_is_gc(name, 1), e->line);
}

/* ---- terms */

static KOp lower_tuple(L *l, KBody *b, const AstExpr *e)
{
    if (is_const(e))
        return klit(e);
    int n = e->u.tuple.elems.n;
    KOp *a = kops(l, n);
    for (int i = 0; i < n; i++)
        a[i] = lower_expr(l, b, e->u.tuple.elems.items[i]);
    return emit_dst(l, b, K_TUPLE, e->line, a, n);
}

static KOp lower_list(L *l, KBody *b, const AstExpr *e)
{
    if (is_const(e))
        return klit(e);
    int n = e->u.list.elems.n;
    AstExpr *const *el = e->u.list.elems.items;
    /* the longest constant suffix stays a literal */
    int k = n;
    if (is_const(e->u.list.tail))
        while (k > 0 && is_const(el[k - 1]))
            k--;
    KOp *a = kops(l, n);
    for (int i = 0; i < k; i++)
        a[i] = lower_expr(l, b, el[i]);
    KOp tail;
    if (k == n) {
        tail = lower_expr(l, b, e->u.list.tail);
    } else {
        AstExpr *suf = mk_node(l->c, AST_LIST, e->line);
        suf->u.list.elems.items = (AstExpr **)el + k;
        suf->u.list.elems.n = n - k;
        suf->u.list.tail = e->u.list.tail;
        tail = klit(suf);
    }
    for (int i = k; i-- > 0;) {
        KOp pair[2] = { a[i], tail };
        tail = emit_dst(l, b, K_CONS, e->line, pair, 2);
    }
    return tail;
}

/* A binary with segments that are not all constants, for want of the
 * bs_* instructions: the bytes of each segment in a list, then
 * list_to_binary/1. Segments must be byte-aligned: constants, X/binary,
 * and integers of a constant size that is a multiple of 8. */
static KOp lower_bin(L *l, KBody *b, const AstExpr *e)
{
    Cg *c = l->c;
    KOp *parts = kops(l, 0);
    int n = 0, cap = 0;
    for (int i = 0; i < e->u.bin.nsegs; i++) {
        const AstBinSeg *sg = &e->u.bin.segs[i];
        AstExpr *one = mk_node(c, AST_BIN, e->line);
        *one = *e;
        one->u.bin.segs = (AstBinSeg *)sg;
        one->u.bin.nsegs = 1;
        if (is_const(one)) {
            parts = grow(c, parts, n, &cap, sizeof *parts);
            parts[n++] = klit(one);
            continue;
        }
        const char *type = "integer";
        bool little = false;
        int64_t unit = 1;
        for (int k = 0; k < sg->ntypes; k++) {
            const char *t = sg->types[k].name;
            if (!strcmp(t, "little") || !strcmp(t, "native"))
                little = true;
            else if (!strcmp(t, "unit") && sg->types[k].has_value)
                unit = sg->types[k].value;
            else if (strcmp(t, "big") && strcmp(t, "signed") && strcmp(t, "unsigned"))
                type = t;
        }
        bool is_bin = !strcmp(type, "binary") || !strcmp(type, "bytes");
        int64_t bits = !sg->size ? (is_bin ? -1 : 8) : sg->size->kind == AST_INT ? sg->size->u.int_.value * unit : -2;
        if (is_bin && bits == -1) {
            parts = grow(c, parts, n, &cap, sizeof *parts);
            parts[n++] = lower_expr(l, b, sg->value);
            continue;
        }
        if (strcmp(type, "integer") || bits <= 0 || bits % 8 || bits > 1024) {
            cg_error(c, sg->line, sg->col, "binary segments other than constants, X/binary and integers of a constant "
                                           "size in bytes are not supported");
            return klit(e);
        }
        KOp v = lower_expr(l, b, sg->value);
        for (int64_t k = 0; k < bits / 8; k++) {
            int64_t shift = little ? 8 * k : bits - 8 * (k + 1);
            KOp t = v;
            if (shift) {
                KOp a[2] = { v, klit(mk_int(c, shift)) };
                t = emit_bif(l, b, "bsr", a, 2, true, sg->line);
            }
            KOp a2[2] = { t, klit(mk_int(c, 255)) };
            parts = grow(c, parts, n, &cap, sizeof *parts);
            parts[n++] = emit_bif(l, b, "band", a2, 2, true, sg->line);
        }
    }
    KOp list = klit(mk_node(c, AST_NIL, e->line));
    for (int i = n; i-- > 0;) {
        KOp pair[2] = { parts[i], list };
        list = emit_dst(l, b, K_CONS, e->line, pair, 2);
    }
    return emit_call(l, b, CT_EXT, "erlang", "list_to_binary", NULL, &list, 1, false, e->line);
}

static KOp lower_fun_ref(L *l, KBody *b, const AstExpr *e)
{
    const AstExpr *m = e->u.fun_ref.mod, *f = e->u.fun_ref.fun, *a = e->u.fun_ref.arity;
    if (!m) {
        KFun *lf = find_local(l->c, f->u.atom.name, (int)a->u.int_.value);
        if (!lf) {
            /* fun F/A of an imported function or an auto-imported BIF */
            const char *im = import_of(l->c, f->u.atom.name, (int)a->u.int_.value);
            AstExpr *r = mk_node(l->c, AST_FUN_REF, e->line);
            *r = *e;
            r->u.fun_ref.mod = (AstExpr *)mk_atom(l->c, im ? im : "erlang");
            return klit(r);
        }
        KStmt *s = kst(l, b, K_FUN, e->line);
        s->fun = lf;
        s->dst = new_var(l);
        return kvar(s->dst);
    }
    if (is_const(e))
        return klit(e);
    KOp args[3] = { lower_expr(l, b, m), lower_expr(l, b, f), lower_expr(l, b, a) };
    return emit_call(l, b, CT_EXT, "erlang", "make_fun", NULL, args, 3, false, e->line);
}

/* A closure of kf over its free variables, as they are bound here. */
static KOp lower_fun_value(L *l, KBody *b, KFun *kf, int line)
{
    KOp *ops = kops(l, kf->nfree);
    for (int i = 0; i < kf->nfree; i++)
        ops[i] = lookup_var(l, b, kf->fnames[i], line, 0);
    KStmt *s = kst(l, b, K_FUN, line);
    s->fun = kf;
    s->args = ops;
    s->nargs = kf->nfree;
    s->dst = new_var(l);
    return kvar(s->dst);
}

/* The names bound in l's environment (innermost binding once) that appear
 * in `used`: the free variables of a fun or comprehension helper. */
static void free_names(L *l, const Names *used, const char *except, Names *out)
{
    for (int i = l->nenv; i-- > 0;) {
        const char *name = l->env[i].name;
        if (names_has(used, name) && !(except && strcmp(name, except) == 0))
            names_add(l->c, out, name);
    }
}

static L child_of(L *l, KFun *kf)
{
    L ch = { 0 };
    ch.c = l->c;
    ch.kf = kf;
    ch.top = l->top;
    ch.top_arity = l->top_arity;
    ch.nlifted = l->nlifted;
    return ch;
}

/* A fun expression: its clauses become a function of their own whose
 * parameters are the fun's arguments followed by its free variables. */
static KOp lower_fun(L *l, KBody *b, const AstExpr *e)
{
    Cg *c = l->c;
    Names used = { 0 }, fr = { 0 };
    names_in_clauses(c, &used, e->u.fun.clauses, e->u.fun.nclauses);
    const char *fname = e->u.fun.name;
    free_names(l, &used, fname, &fr);
    int nargs = e->u.fun.clauses[0].pats.n;
    int k = (*l->nlifted)++;
    const char *name = fname ? cg_printf(c, "-%s/%d-%s/%d-%d-", l->top, l->top_arity, fname, nargs, k)
                             : cg_printf(c, "-%s/%d-fun-%d-", l->top, l->top_arity, k);
    KFun *kf = new_kfun(c, name, nargs + fr.n, e->line);
    kf->nfree = fr.n;
    kf->fnames = fr.v;
    L ch = child_of(l, kf);
    for (int i = 0; i < fr.n; i++)
        env_push(&ch, fr.v[i], kvar(nargs + i), NULL);
    if (fname)
        env_push(&ch, fname, klit(NULL), kf);
    KStmt *K = kst(&ch, &kf->body, K_MATCH, e->line);
    K->terminal = true;
    K->nclauses = e->u.fun.nclauses;
    K->clauses = kclauses(&ch, K->nclauses);
    KOp *subj = kops(&ch, nargs);
    for (int i = 0; i < nargs; i++)
        subj[i] = kvar(i);
    for (int i = 0; i < K->nclauses; i++) {
        ClauseRes rs;
        lower_clause(&ch, &K->clauses[i], &e->u.fun.clauses[i], subj, nargs, true, true, NULL, klit(NULL), &rs);
    }
    emit_error(&ch, &K->alt, E_FUNCTION_CLAUSE, e->line, klit(NULL), klit(NULL));
    kf->lowered = true;
    return lower_fun_value(l, b, kf, e->line);
}

/* ---- list comprehensions
 *
 * [T || Q1, Q2, ...] as erlc compiles it: each generator P <- L becomes a
 * helper function H(List, Free...) with the clauses
 *     H([P | Tail]) -> <the rest of the qualifiers>, ending in [T | H(Tail)]
 *     H([_ | Tail]) -> H(Tail)                  (only if P can fail)
 *     H([]) -> <the tail of the enclosing generator, or []>
 *     H(X) -> error({bad_generator, X})
 * so that nested generators need no append. Filters that are guard
 * expressions are guards (an exception means false); other filters must
 * give true or false ({bad_filter, V} otherwise). The template is
 * evaluated before the rest of the list, so side effects run in order. */

typedef struct LcTail {
    KFun *helper;      /* NULL: the tail is [] */
    const char *tname; /* the variable holding the helper's list tail */
    const struct LcTail *up;
} LcTail;

static bool is_guard_expr(Cg *c, const AstExpr *e);

static bool guard_list_ok(Cg *c, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (!is_guard_expr(c, l->items[i]))
            return false;
    return true;
}

/* Is e a valid guard expression (erl_lint:is_guard_test/1)? */
static bool is_guard_expr(Cg *c, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL: case AST_VAR:
        return true;
    case AST_BIN:
        return is_const(e);
    case AST_TUPLE:
        return guard_list_ok(c, &e->u.tuple.elems);
    case AST_LIST:
        return guard_list_ok(c, &e->u.list.elems) && is_guard_expr(c, e->u.list.tail);
    case AST_BINOP:
        return e->u.binop.op != AST_OP_SEND && e->u.binop.op != AST_OP_APPEND &&
               e->u.binop.op != AST_OP_SUBTRACT && is_guard_expr(c, e->u.binop.lhs) &&
               is_guard_expr(c, e->u.binop.rhs);
    case AST_UNOP:
        return is_guard_expr(c, e->u.unop.arg);
    case AST_CALL: {
        const AstExpr *m = e->u.call.mod, *f = e->u.call.fun;
        if (f->kind != AST_ATOM || (m && !is_atom_named(m, "erlang")))
            return false;
        if (!m && (find_local(c, f->u.atom.name, e->u.call.args.n) || import_of(c, f->u.atom.name, e->u.call.args.n)))
            return false;
        return cg_is_guard_bif(f->u.atom.name, e->u.call.args.n) && guard_list_ok(c, &e->u.call.args);
    }
    default:
        return false;
    }
}

static KOp lc_rest(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, const Names *allowed, bool tail);

/* The tail of the list being built: [] or a call of the enclosing helper. */
static KOp lc_tail(L *l, KBody *b, const LcTail *t, bool tail, int line)
{
    if (!t->helper)
        return done(l, b, klit(mk_node(l->c, AST_NIL, line)), tail, line);
    KFun *h = t->helper;
    KOp *args = kops(l, 1 + h->nfree);
    args[0] = lookup_var(l, b, t->tname, line, 0);
    for (int i = 0; i < h->nfree; i++)
        args[1 + i] = lookup_var(l, b, h->fnames[i], line, 0);
    return emit_call(l, b, CT_LOCAL, NULL, h->name, h, args, 1 + h->nfree, tail, line);
}

/* Ends a clause body of a value-mode construct with its break. */
static void value_break(L *l, KBody *b, ClauseRes *rs, KOp v, int line)
{
    rs->val = v;
    rs->brk = kst(l, b, K_BREAK, line);
}

static KOp lc_filter(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, const Names *allowed, bool tail)
{
    const AstQual *q = &lc->u.comp.quals[i];
    int line = q->line;
    KStmt *K;
    ClauseRes rs[2];
    memset(rs, 0, sizeof rs);
    if (is_guard_expr(l->c, q->expr)) {
        K = kst(l, b, K_MATCH, line);
        K->nclauses = 2;
        K->clauses = kclauses(l, 2);
        KGuard *g = &K->clauses[0].guard;
        g->n = 1;
        g->alts = cg_alloc(l->c, sizeof *g->alts);
        g->alts[0].n = 1;
        g->alts[0].tests = cg_alloc(l->c, sizeof(GExpr *));
        g->alts[0].tests[0] = lower_gexpr(l, q->expr);
    } else {
        KOp v = kvar(as_var(l, b, lower_expr(l, b, q->expr), line));
        K = kst(l, b, K_MATCH, line);
        K->nclauses = 2;
        K->clauses = kclauses(l, 2);
        ktest(l, &K->clauses[0], T_EQ, v)->b = klit(mk_atom(l->c, "true"));
        ktest(l, &K->clauses[1], T_EQ, v)->b = klit(mk_atom(l->c, "false"));
        KOp err = emit_tuple2(l, &K->alt, "bad_filter", v, line);
        emit_error(l, &K->alt, E_ERROR_CALL, line, err, err);
    }
    K->terminal = tail;
    int m = l->nenv;
    KOp v0 = lc_rest(l, &K->clauses[0].body, lc, i + 1, t, allowed, tail);
    l->nenv = m;
    KOp v1 = lc_tail(l, &K->clauses[1].body, t, tail, line);
    if (tail)
        return klit(NULL);
    value_break(l, &K->clauses[0].body, &rs[0], v0, line);
    value_break(l, &K->clauses[1].body, &rs[1], v1, line);
    finish_value(l, K, rs, 2);
    return kvar(K->rets[0]);
}

static KOp lc_generator(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, const Names *allowed, bool tail)
{
    Cg *c = l->c;
    const AstQual *q = &lc->u.comp.quals[i];
    int line = q->line;
    KOp lv = lower_expr(l, b, q->expr);
    Names fr = { 0 };
    free_names(l, allowed, NULL, &fr);
    int k = (*l->nlifted)++;
    KFun *h = new_kfun(c, cg_printf(c, "-%s/%d-lc$^%d/1-%d-", l->top, l->top_arity, k, k), 1 + fr.n, line);
    h->nfree = fr.n;
    h->fnames = fr.v;
    const char *tname = cg_printf(c, "lc$T%d", k);
    Names allowed2 = { 0 };
    for (int j = 0; j < allowed->n; j++)
        names_add(c, &allowed2, allowed->v[j]);
    names_add(c, &allowed2, tname);
    L ch = child_of(l, h);
    for (int j = 0; j < fr.n; j++)
        env_push(&ch, fr.v[j], kvar(1 + j), NULL);
    KStmt *K = kst(&ch, &h->body, K_MATCH, line);
    K->terminal = true;
    bool refutable = q->pat->kind != AST_VAR;
    K->nclauses = refutable ? 3 : 2;
    K->clauses = kclauses(&ch, K->nclauses);
    KOp v0 = kvar(0);
    /* [P | Tail] */
    KClause *c0 = &K->clauses[0];
    ktest(&ch, c0, T_TYPE, v0)->name = "is_nonempty_list";
    KTest *g = ktest(&ch, c0, T_GET_LIST, v0);
    if (!is_wild(q->pat))
        g->d1 = new_var(&ch);
    g->d2 = new_var(&ch);
    int m = ch.nenv;
    if (g->d1 >= 0)
        lower_pattern(&ch, c0, q->pat, kvar(g->d1), m);
    env_push(&ch, tname, kvar(g->d2), NULL);
    LcTail nt = { h, tname, t };
    lc_rest(&ch, &c0->body, lc, i + 1, &nt, &allowed2, true);
    ch.nenv = m;
    int ci = 1;
    if (refutable) {
        /* [_ | Tail] */
        KClause *c1 = &K->clauses[ci++];
        ktest(&ch, c1, T_TYPE, v0)->name = "is_nonempty_list";
        KTest *g1 = ktest(&ch, c1, T_GET_LIST, v0);
        g1->d2 = new_var(&ch);
        KOp *args = kops(&ch, 1 + fr.n);
        args[0] = kvar(g1->d2);
        for (int j = 0; j < fr.n; j++)
            args[1 + j] = kvar(1 + j);
        emit_call(&ch, &c1->body, CT_LOCAL, NULL, h->name, h, args, 1 + fr.n, true, line);
    }
    /* [] */
    KClause *c2 = &K->clauses[ci];
    ktest(&ch, c2, T_TYPE, v0)->name = "is_nil";
    lc_tail(&ch, &c2->body, t, true, line);
    KOp err = emit_tuple2(&ch, &K->alt, "bad_generator", v0, line);
    emit_error(&ch, &K->alt, E_ERROR_CALL, line, err, err);
    h->lowered = true;
    KOp *args = kops(l, 1 + fr.n);
    args[0] = lv;
    for (int j = 0; j < fr.n; j++)
        args[1 + j] = lookup_var(l, b, fr.v[j], line, 0);
    return emit_call(l, b, CT_LOCAL, NULL, h->name, h, args, 1 + fr.n, tail, line);
}

/* The qualifiers from i on, then the template. */
static KOp lc_rest(L *l, KBody *b, const AstExpr *lc, int i, const LcTail *t, const Names *allowed, bool tail)
{
    int line = lc->line;
    if (i == lc->u.comp.nquals) {
        KOp pair[2];
        pair[0] = lower_expr(l, b, lc->u.comp.templ);
        pair[1] = lc_tail(l, b, t, false, line);
        return done(l, b, emit_dst(l, b, K_CONS, line, pair, 2), tail, line);
    }
    const AstQual *q = &lc->u.comp.quals[i];
    if (q->kind == AST_QUAL_FILTER)
        return lc_filter(l, b, lc, i, t, allowed, tail);
    if (q->kind == AST_QUAL_BINGEN) {
        cg_error(l->c, q->line, q->col, "binary generators are not supported");
        return done(l, b, klit(mk_node(l->c, AST_NIL, line)), tail, line);
    }
    return lc_generator(l, b, lc, i, t, allowed, tail);
}

static KOp lower_lc(L *l, KBody *b, const AstExpr *e, bool tail)
{
    if (e->kind == AST_BC) {
        cg_error(l->c, e->line, e->col, "binary comprehensions are not supported");
        return done(l, b, klit(mk_node(l->c, AST_NIL, e->line)), tail, e->line);
    }
    int m = l->nenv;
    Names allowed = { 0 };
    names_in(l->c, &allowed, e);
    LcTail t0 = { NULL, NULL, NULL };
    KOp r = lc_rest(l, b, e, 0, &t0, &allowed, tail);
    l->nenv = m;
    return r;
}

/* ---- expressions */

static KOp lower_expr(L *l, KBody *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return klit(e);
    case AST_VAR:
        return lookup_var(l, b, e->u.var.name, e->line, e->col);
    case AST_TUPLE:
        return lower_tuple(l, b, e);
    case AST_LIST:
        return lower_list(l, b, e);
    case AST_BIN:
        if (is_const(e))
            return klit(e);
        return lower_bin(l, b, e);
    case AST_MATCH:
        return lower_match(l, b, e);
    case AST_BINOP:
        return lower_binop(l, b, e, false);
    case AST_UNOP:
        return lower_unop(l, b, e);
    case AST_CALL:
        return lower_call(l, b, e, false);
    case AST_FUN_REF:
        return lower_fun_ref(l, b, e);
    case AST_FUN:
        return lower_fun(l, b, e);
    case AST_CASE:
        return lower_case(l, b, e, false);
    case AST_IF:
        return lower_if(l, b, e, false);
    case AST_RECEIVE:
        return lower_receive(l, b, e, false);
    case AST_TRY:
        return lower_try(l, b, e, false);
    case AST_CATCH:
        return lower_catch(l, b, e);
    case AST_BLOCK:
        return lower_seq(l, b, &e->u.block.body);
    case AST_LC: case AST_BC:
        return lower_lc(l, b, e, false);
    default:
        cg_error(l->c, e->line, e->col, "internal error: cannot compile %s", ast_kind_name(e->kind));
        return klit(mk_atom(l->c, "undefined"));
    }
}

/* e in tail position: b ends with a return or a tail call. */
static void lower_tail(L *l, KBody *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_CALL: lower_call(l, b, e, true); return;
    case AST_CASE: lower_case(l, b, e, true); return;
    case AST_IF: lower_if(l, b, e, true); return;
    case AST_RECEIVE: lower_receive(l, b, e, true); return;
    case AST_TRY: lower_try(l, b, e, true); return;
    case AST_BLOCK: lower_seq_tail(l, b, &e->u.block.body); return;
    case AST_LC: case AST_BC: lower_lc(l, b, e, true); return;
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_ANDALSO || e->u.binop.op == AST_OP_ORELSE || e->u.binop.op == AST_OP_APPEND ||
            e->u.binop.op == AST_OP_SUBTRACT) {
            lower_binop(l, b, e, true);
            return;
        }
        break;
    default:
        break;
    }
    emit_return(l, b, lower_expr(l, b, e), e->line);
}

static KOp lower_seq(L *l, KBody *b, const AstExprList *body)
{
    KOp v = klit(mk_node(l->c, AST_NIL, 0));
    for (int i = 0; i < body->n; i++)
        v = lower_expr(l, b, body->items[i]);
    return v;
}

static void lower_seq_tail(L *l, KBody *b, const AstExprList *body)
{
    if (body->n == 0) {
        emit_return(l, b, klit(mk_node(l->c, AST_NIL, 0)), 0);
        return;
    }
    for (int i = 0; i < body->n - 1; i++)
        lower_expr(l, b, body->items[i]);
    lower_tail(l, b, body->items[body->n - 1]);
}

/* A source function: one match over its parameters. */
static void lower_function(Cg *c, KFun *kf, const AstForm *f)
{
    int counter = 0;
    L l = { 0 };
    l.c = c;
    l.kf = kf;
    l.top = f->u.function.name;
    l.top_arity = f->u.function.arity;
    l.nlifted = &counter;
    int n = f->u.function.arity;
    KStmt *K = kst(&l, &kf->body, K_MATCH, f->line);
    K->terminal = true;
    K->nclauses = f->u.function.nclauses;
    K->clauses = kclauses(&l, K->nclauses);
    KOp *subj = kops(&l, n);
    for (int i = 0; i < n; i++)
        subj[i] = kvar(i);
    for (int i = 0; i < K->nclauses; i++) {
        ClauseRes rs;
        lower_clause(&l, &K->clauses[i], &f->u.function.clauses[i], subj, n, true, true, NULL, klit(NULL), &rs);
    }
    emit_error(&l, &K->alt, E_FUNCTION_CLAUSE, f->line, klit(NULL), klit(NULL));
    kf->lowered = true;
}

/* ---- liveness
 *
 * Backward over each body: a statement's live_after is what the rest of
 * its body (and, through breaks, the code after the enclosing construct)
 * still reads. Inside a try or catch body, whatever the handler or the
 * code after the catch needs is live everywhere ("protect"), so that it
 * stays in its y register however the body ends. */

typedef struct Tgt {
    const int *rets;
    int nrets;
    Bits after;
} Tgt;

typedef struct {
    Cg *c;
    int nw;
} LV;

static Bits lv_new(LV *v) { return cg_alloc(v->c, (size_t)v->nw * 8); }
static Bits lv_copy(LV *v, const Bits b)
{
    Bits r = lv_new(v);
    if (b)
        memcpy(r, b, (size_t)v->nw * 8);
    return r;
}
static void use_op(Bits b, KOp op) { bits_add(b, op.var); }

static void use_g(Bits b, const GExpr *g)
{
    if (g->kind == G_OP)
        use_op(b, g->op);
    for (int i = 0; i < g->nargs; i++)
        use_g(b, g->args[i]);
}

static Bits live_body(LV *v, KBody *b, const Bits protect, const Tgt *t);

static Bits live_clause(LV *v, KClause *kc, const Bits protect, const Tgt *t)
{
    Bits in = live_body(v, &kc->body, protect, t);
    bits_or(in, protect, v->nw);
    kc->live_body = lv_copy(v, in);
    for (int i = 0; i < kc->guard.n; i++)
        for (int j = 0; j < kc->guard.alts[i].n; j++)
            use_g(in, kc->guard.alts[i].tests[j]);
    for (int i = kc->ntests; i-- > 0;) {
        const KTest *te = &kc->tests[i];
        bits_del(in, te->d1);
        bits_del(in, te->d2);
        use_op(in, te->a);
        use_op(in, te->b);
    }
    return in;
}

static Bits live_clauses(LV *v, KClause *cs, int n, KBody *alt, const Bits protect, const Tgt *t)
{
    Bits in = lv_new(v);
    for (int i = 0; i < n; i++)
        bits_or(in, live_clause(v, &cs[i], protect, t), v->nw);
    if (alt)
        bits_or(in, live_body(v, alt, protect, t), v->nw);
    return in;
}

static Bits live_stmt(LV *v, KStmt *s, const Bits after, const Bits protect, const Tgt *t)
{
    Bits in;
    switch (s->kind) {
    case K_RETURN: case K_ENTER: case K_ERROR:
        in = lv_new(v);
        break;
    case K_BREAK:
        in = lv_copy(v, t->after);
        for (int i = 0; i < t->nrets; i++)
            bits_del(in, t->rets[i]);
        for (int i = 0; i < s->nargs && i < t->nrets; i++)
            if (bits_has(t->after, t->rets[i]))
                use_op(in, s->args[i]);
        return in;
    case K_MATCH: {
        Tgt nt = { s->rets, s->nrets, after };
        return live_clauses(v, s->clauses, s->nclauses, &s->alt, protect, &nt);
    }
    case K_RECV: {
        Tgt nt = { s->rets, s->nrets, after };
        in = live_clauses(v, s->clauses, s->nclauses, NULL, protect, &nt);
        bits_del(in, s->msg);
        bits_or(in, live_body(v, &s->alt, protect, &nt), v->nw);
        use_op(in, s->timeout);
        return in;
    }
    case K_CATCH: {
        Bits p = lv_copy(v, after);
        bits_del(p, s->dst);
        Tgt nt = { &s->dst, 1, after };
        Bits prot = lv_copy(v, protect);
        bits_or(prot, p, v->nw);
        in = live_body(v, &s->body, prot, &nt);
        bits_or(in, p, v->nw);
        return in;
    }
    case K_TRY: {
        Tgt nt = { s->rets, s->nrets, after };
        Bits of_in = live_clauses(v, s->clauses, s->nclauses, &s->alt, protect, &nt);
        Bits catch_in = live_clauses(v, s->catches, s->ncatches, &s->alt2, protect, &nt);
        s->live_of = of_in;
        s->live_catch = lv_copy(v, catch_in);
        bits_del(catch_in, s->cls);
        bits_del(catch_in, s->reason);
        bits_del(catch_in, s->trace);
        Tgt bt = { s->body_rets, s->nbody_rets, of_in };
        Bits prot = lv_copy(v, protect);
        bits_or(prot, catch_in, v->nw);
        in = live_body(v, &s->body, prot, &bt);
        bits_or(in, catch_in, v->nw);
        return in;
    }
    default:
        in = lv_copy(v, after);
        bits_del(in, s->dst);
        break;
    }
    for (int i = 0; i < s->nargs; i++)
        use_op(in, s->args[i]);
    return in;
}

static Bits live_body(LV *v, KBody *b, const Bits protect, const Tgt *t)
{
    Bits live = lv_new(v);
    for (int i = b->n; i-- > 0;) {
        KStmt *s = b->v[i];
        Bits after = lv_copy(v, live);
        bits_or(after, protect, v->nw);
        s->live_after = after;
        Bits in = live_stmt(v, s, after, protect, t);
        bits_or(in, protect, v->nw);
        s->live_before = in;
        live = in;
    }
    return lv_copy(v, live);
}

/* Marks constructs containing something that clobbers x registers, and
 * returns whether b has any. */
static bool clob_body(KBody *b);

static bool clob_clauses(KClause *cs, int n)
{
    bool r = false;
    for (int i = 0; i < n; i++)
        r |= clob_body(&cs[i].body);
    return r;
}

static bool clob_stmt(KStmt *s)
{
    switch (s->kind) {
    case K_CALL: case K_SEND:
        return s->clob = true;
    case K_MATCH:
        s->clob = clob_clauses(s->clauses, s->nclauses);
        s->clob |= clob_body(&s->alt);
        return s->clob;
    case K_RECV:
        clob_clauses(s->clauses, s->nclauses);
        clob_body(&s->alt);
        return s->clob = true;
    case K_TRY:
        clob_body(&s->body);
        clob_clauses(s->clauses, s->nclauses);
        clob_clauses(s->catches, s->ncatches);
        clob_body(&s->alt);
        clob_body(&s->alt2);
        return s->clob = true;
    case K_CATCH:
        clob_body(&s->body);
        return s->clob = true;
    default:
        return false;
    }
}

static bool clob_body(KBody *b)
{
    bool r = false;
    for (int i = 0; i < b->n; i++)
        r |= clob_stmt(b->v[i]);
    return r;
}

/* The deepest nesting of active catch markers in b. */
static int depth_body(const KBody *b);

static int depth_clauses(const KClause *cs, int n)
{
    int d = 0;
    for (int i = 0; i < n; i++) {
        int x = depth_body(&cs[i].body);
        d = x > d ? x : d;
    }
    return d;
}

static int max3(int a, int b, int c) { return a > b ? (a > c ? a : c) : (b > c ? b : c); }

static int depth_body(const KBody *b)
{
    int d = 0;
    for (int i = 0; i < b->n; i++) {
        const KStmt *s = b->v[i];
        int x = 0;
        switch (s->kind) {
        case K_MATCH: case K_RECV:
            x = depth_clauses(s->clauses, s->nclauses);
            x = max3(x, depth_body(&s->alt), 0);
            break;
        case K_CATCH:
            x = 1 + depth_body(&s->body);
            break;
        case K_TRY:
            x = max3(1 + depth_body(&s->body), depth_clauses(s->clauses, s->nclauses),
                     depth_clauses(s->catches, s->ncatches));
            x = max3(x, depth_body(&s->alt), depth_body(&s->alt2));
            break;
        default:
            break;
        }
        d = x > d ? x : d;
    }
    return d;
}

static void analyse(Cg *c, KFun *kf)
{
    LV v = { c, bits_words(kf->nvars) };
    Tgt none = { NULL, 0, lv_new(&v) };
    live_body(&v, &kf->body, NULL, &none);
    clob_body(&kf->body);
    kf->catch_depth = depth_body(&kf->body);
}

/* ---- emission: registers and instructions */

#define MAXX 1024
#define R_FREE (-1)
#define R_TEMP (-2) /* a guard's temporary */
#define R_MARK (-3) /* a y register reserved for catch markers */

typedef struct Frame {
    int size;
} Frame;

/* Where every value is: the register state at one point of the code. */
typedef struct {
    int *mem;
    int *vx, *vy; /* per variable: x register, y register (-1: none) */
    int *xo, *yo; /* per register: the variable in it, or R_* */
    Frame *frame; /* NULL: no stack frame */
    int level;    /* active catch markers */
} RS;

/* Where a break delivers its values. */
typedef struct BT {
    int label;   /* 0: falls through */
    int *regs;   /* x register per value, -1: value not needed */
    int n;
    struct BT *up;
} BT;

typedef struct {
    Cg *c;
    KFun *kf;
    AstBuf *o;
    RS st;
    int nv, ycap, memn;
    int D;          /* y registers reserved for catch markers */
    Frame **frames; /* every frame of the function, to patch its size */
    int nframes, capframes;
    int cur_line;
    BT *bt;
} G;

static void rs_init(G *g, RS *r)
{
    r->mem = malloc((size_t)g->memn * sizeof(int));
    if (!r->mem) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    for (int i = 0; i < g->memn; i++)
        r->mem[i] = -1;
    r->vx = r->mem;
    r->vy = r->vx + g->nv;
    r->xo = r->vy + g->nv;
    r->yo = r->xo + MAXX;
    r->frame = NULL;
    r->level = 0;
}

static void rs_copy(G *g, RS *d, const RS *s)
{
    memcpy(d->mem, s->mem, (size_t)g->memn * sizeof(int));
    d->frame = s->frame;
    d->level = s->level;
}

static RS snapshot(G *g)
{
    RS r;
    rs_init(g, &r);
    rs_copy(g, &r, &g->st);
    return r;
}

static void emit(G *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emit(G *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *buf = cg_alloc(g->c, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ast_buf_puts(g->o, "    ");
    ast_buf_puts(g->o, buf);
    ast_buf_puts(g->o, ".\n");
}

static int new_label(G *g) { return g->c->next_label++; }
static void emit_label(G *g, int l) { ast_buf_printf(g->o, "  {label,%d}.\n", l); }

static void put_quoted_file(AstBuf *b, const char *s)
{
    ast_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            ast_buf_putc(b, '\\');
        ast_buf_putc(b, *s);
    }
    ast_buf_putc(b, '"');
}

static void emit_line(G *g, int line)
{
    if (line <= 0 || line == g->cur_line)
        return;
    g->cur_line = line;
    ast_buf_puts(g->o, "    {line,[{location,");
    put_quoted_file(g->o, g->c->filename);
    ast_buf_printf(g->o, ",%d}]}.\n", line);
}

/* ---- constants as text */

/* An atom as the assembler reads it: bare when Erlang allows, quoted
 * otherwise, and always quoted when it has bytes beyond ASCII (the
 * assembler reads UTF-8 only between quotes). */
static void put_atom(AstBuf *b, const char *name, size_t len)
{
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)name[i] < 0x80;
    if (ascii) {
        ast_buf_atom(b, name, len);
        return;
    }
    ast_buf_putc(b, '\'');
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch == '\'' || ch == '\\')
            ast_buf_putc(b, '\\');
        if (ch < 32 || ch == 127)
            ast_buf_printf(b, "\\x{%x}", ch);
        else
            ast_buf_putc(b, (char)ch);
    }
    ast_buf_putc(b, '\'');
}

static void put_term(AstBuf *b, const AstExpr *e);

static bool printable_string(const AstExpr *e)
{
    for (size_t i = 0; i < e->u.str.len; i++)
        if (e->u.str.chars[i] < 32 || e->u.str.chars[i] > 126)
            return false;
    return true;
}

static void put_list_term(AstBuf *b, const AstExpr *e)
{
    ast_buf_putc(b, '[');
    for (int i = 0; i < e->u.list.elems.n; i++) {
        if (i)
            ast_buf_putc(b, ',');
        put_term(b, e->u.list.elems.items[i]);
    }
    const AstExpr *t = e->u.list.tail;
    if (!(t->kind == AST_NIL || (t->kind == AST_STRING && t->u.str.len == 0))) {
        ast_buf_putc(b, '|');
        put_term(b, t);
    }
    ast_buf_putc(b, ']');
}

/* A constant in Erlang term syntax, as the assembler reads it. */
static void put_term(AstBuf *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT:
        if (e->u.int_.big)
            ast_buf_puts(b, e->u.int_.big);
        else
            ast_buf_printf(b, "%lld", (long long)e->u.int_.value);
        break;
    case AST_FLOAT: ast_buf_float(b, e->u.float_.value); break;
    case AST_ATOM: put_atom(b, e->u.atom.name, e->u.atom.len); break;
    case AST_NIL: ast_buf_puts(b, "[]"); break;
    case AST_STRING:
        if (printable_string(e)) {
            ast_buf_string(b, e->u.str.chars, e->u.str.len);
        } else {
            ast_buf_putc(b, '[');
            for (size_t i = 0; i < e->u.str.len; i++)
                ast_buf_printf(b, i ? ",%u" : "%u", (unsigned)e->u.str.chars[i]);
            ast_buf_putc(b, ']');
        }
        break;
    case AST_TUPLE:
        ast_buf_putc(b, '{');
        for (int i = 0; i < e->u.tuple.elems.n; i++) {
            if (i)
                ast_buf_putc(b, ',');
            put_term(b, e->u.tuple.elems.items[i]);
        }
        ast_buf_putc(b, '}');
        break;
    case AST_LIST: put_list_term(b, e); break;
    case AST_BIN: {
        uint8_t *bytes = NULL;
        size_t n = 0;
        bin_eval(e, &bytes, &n);
        ast_buf_puts(b, "<<");
        for (size_t i = 0; i < n; i++)
            ast_buf_printf(b, i ? ",%u" : "%u", bytes[i]);
        ast_buf_puts(b, ">>");
        free(bytes);
        break;
    }
    case AST_FUN_REF:
        ast_buf_puts(b, "fun ");
        put_term(b, e->u.fun_ref.mod);
        ast_buf_putc(b, ':');
        put_term(b, e->u.fun_ref.fun);
        ast_buf_putc(b, '/');
        put_term(b, e->u.fun_ref.arity);
        break;
    default:
        ast_buf_puts(b, "[]");
        break;
    }
}

static void put_lit(AstBuf *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: ast_buf_puts(b, "{integer,"); put_term(b, e); ast_buf_putc(b, '}'); return;
    case AST_FLOAT: ast_buf_puts(b, "{float,"); put_term(b, e); ast_buf_putc(b, '}'); return;
    case AST_ATOM: ast_buf_puts(b, "{atom,"); put_term(b, e); ast_buf_putc(b, '}'); return;
    case AST_NIL: ast_buf_puts(b, "nil"); return;
    case AST_STRING:
        if (e->u.str.len == 0) {
            ast_buf_puts(b, "nil");
            return;
        }
        break;
    default:
        break;
    }
    ast_buf_puts(b, "{literal,");
    put_term(b, e);
    ast_buf_putc(b, '}');
}

/* ---- operands */

typedef struct {
    char k; /* 'x', 'y' or 'l' */
    int n;
    const AstExpr *lit;
} Loc;

static Loc loc_of(G *g, KOp op)
{
    if (op.var < 0)
        return (Loc){ 'l', 0, op.lit };
    if (g->st.vx[op.var] >= 0)
        return (Loc){ 'x', g->st.vx[op.var], NULL };
    if (g->st.vy[op.var] >= 0)
        return (Loc){ 'y', g->st.vy[op.var], NULL };
    cg_error(g->c, g->kf->line, 0, "internal error: value %d of %s has no register", op.var, g->kf->name);
    return (Loc){ 'x', 0, NULL };
}

static void put_loc(AstBuf *b, Loc l)
{
    if (l.k == 'l')
        put_lit(b, l.lit);
    else
        ast_buf_printf(b, "{%c,%d}", l.k, l.n);
}

/* The operand as text (in the arena, freed with the module). */
static const char *L_(G *g, Loc l)
{
    AstBuf b = { 0 };
    put_loc(&b, l);
    char *s = cg_alloc(g->c, b.len + 1);
    memcpy(s, b.s ? b.s : "", b.len);
    s[b.len] = 0;
    free(b.s);
    return s;
}

static const char *O_(G *g, KOp op) { return L_(g, loc_of(g, op)); }
static Loc X(int n) { return (Loc){ 'x', n, NULL }; }

/* The operands as a list "[a,b,c]" (arena). */
static const char *ops_list(G *g, const KOp *ops, int n)
{
    AstBuf b = { 0 };
    ast_buf_putc(&b, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            ast_buf_putc(&b, ',');
        put_loc(&b, loc_of(g, ops[i]));
    }
    ast_buf_putc(&b, ']');
    char *s = cg_alloc(g->c, b.len + 1);
    memcpy(s, b.s, b.len);
    s[b.len] = 0;
    free(b.s);
    return s;
}

/* ---- registers */

static int alloc_x(G *g, int owner)
{
    for (int r = 0; r < MAXX; r++)
        if (g->st.xo[r] == R_FREE) {
            g->st.xo[r] = owner;
            if (owner >= 0)
                g->st.vx[owner] = r;
            return r;
        }
    cg_error(g->c, g->kf->line, 0, "function %s needs more than %d x registers", g->kf->name, MAXX);
    return MAXX - 1;
}

static void free_var(G *g, int v)
{
    if (g->st.vx[v] >= 0)
        g->st.xo[g->st.vx[v]] = R_FREE;
    if (g->st.vy[v] >= 0)
        g->st.yo[g->st.vy[v]] = R_FREE;
    g->st.vx[v] = g->st.vy[v] = -1;
}

/* Forgets the values that are not in live. */
static void free_dead(G *g, const Bits live)
{
    for (int r = 0; r < MAXX; r++) {
        int v = g->st.xo[r];
        if (v >= 0 && !bits_has(live, v))
            free_var(g, v);
    }
    for (int s = 0; s < g->ycap; s++) {
        int v = g->st.yo[s];
        if (v >= 0 && !bits_has(live, v))
            free_var(g, v);
    }
}

/* x registers do not survive calls. */
static void clear_x(G *g)
{
    for (int r = 0; r < MAXX; r++) {
        int v = g->st.xo[r];
        if (v >= 0)
            g->st.vx[v] = -1;
        g->st.xo[r] = R_FREE;
    }
}

static void release_temps(G *g)
{
    for (int r = 0; r < MAXX; r++)
        if (g->st.xo[r] == R_TEMP)
            g->st.xo[r] = R_FREE;
}

/* How many x registers a collection must keep: up to the highest in use. */
static int live_x(G *g)
{
    for (int r = MAXX; r-- > 0;)
        if (g->st.xo[r] != R_FREE)
            return r + 1;
    return 0;
}

static void bind_x(G *g, int v, int r)
{
    g->st.xo[r] = v;
    g->st.vx[v] = r;
}

static void put_frame(AstBuf *b, G *g)
{
    Frame *f = g->st.frame;
    int id = 0;
    for (; id < g->nframes; id++)
        if (g->frames[id] == f)
            break;
    ast_buf_printf(b, "\x01%d\x02", id);
}

static const char *FR(G *g)
{
    AstBuf b = { 0 };
    put_frame(&b, g);
    char *s = cg_alloc(g->c, b.len + 1);
    memcpy(s, b.s, b.len);
    s[b.len] = 0;
    free(b.s);
    return s;
}

/* Allocates the stack frame if the code has none yet: its size is patched
 * in when the function is complete. */
static void ensure_frame(G *g)
{
    if (g->st.frame)
        return;
    Frame *f = cg_alloc(g->c, sizeof *f);
    f->size = g->D;
    g->frames = grow(g->c, g->frames, g->nframes, &g->capframes, sizeof *g->frames);
    g->frames[g->nframes++] = f;
    g->st.frame = f;
    for (int s = 0; s < g->ycap; s++)
        g->st.yo[s] = s < g->D ? R_MARK : R_FREE;
    for (int v = 0; v < g->nv; v++)
        g->st.vy[v] = -1;
    emit(g, "{allocate,%s,%d}", FR(g), live_x(g));
}

static void save_y(G *g, int v)
{
    if (g->st.vy[v] >= 0 || g->st.vx[v] < 0)
        return;
    int s = g->D;
    while (s < g->ycap && g->st.yo[s] != R_FREE)
        s++;
    if (s >= g->ycap) {
        cg_error(g->c, g->kf->line, 0, "internal error: out of y registers in %s", g->kf->name);
        return;
    }
    g->st.yo[s] = v;
    g->st.vy[v] = s;
    if (s + 1 > g->st.frame->size)
        g->st.frame->size = s + 1;
    emit(g, "{move,{x,%d},{y,%d}}", g->st.vx[v], s);
}

/* Puts every value of set that is only in an x register into a y register. */
static void save_set(G *g, const Bits set)
{
    for (int r = 0; r < MAXX; r++) {
        int v = g->st.xo[r];
        if (v >= 0 && bits_has(set, v))
            save_y(g, v);
    }
}

/* ---- parallel moves into x registers */

typedef struct {
    Loc src;
    int dst;
} Mv;


static void par_move(G *g, Mv *mv, int n)
{
    /* register to register first, in an order that reads each source
     * before it is overwritten; cycles are broken with swap */
    for (;;) {
        int pending = 0, pick = -1;
        for (int i = 0; i < n; i++) {
            if (mv[i].dst < 0 || mv[i].src.k != 'x')
                continue;
            if (mv[i].src.n == mv[i].dst) {
                mv[i].dst = -1;
                continue;
            }
            pending++;
            bool blocked = false;
            for (int j = 0; j < n && !blocked; j++)
                blocked = j != i && mv[j].dst >= 0 && mv[j].src.k == 'x' && mv[j].src.n == mv[i].dst;
            if (!blocked && pick < 0)
                pick = i;
        }
        if (!pending)
            break;
        if (pick >= 0) {
            emit(g, "{move,{x,%d},{x,%d}}", mv[pick].src.n, mv[pick].dst);
            mv[pick].dst = -1;
            continue;
        }
        for (int i = 0; i < n; i++)
            if (mv[i].dst >= 0 && mv[i].src.k == 'x') {
                int a = mv[i].src.n, b = mv[i].dst;
                emit(g, "{swap,{x,%d},{x,%d}}", a, b);
                mv[i].dst = -1;
                for (int j = 0; j < n; j++)
                    if (mv[j].dst >= 0 && mv[j].src.k == 'x')
                        mv[j].src.n = mv[j].src.n == b ? a : mv[j].src.n == a ? b : mv[j].src.n;
                break;
            }
    }
    for (int i = 0; i < n; i++)
        if (mv[i].dst >= 0 && mv[i].src.k != 'x')
            emit(g, "{move,%s,{x,%d}}", L_(g, mv[i].src), mv[i].dst);
}

/* ops[i] into x(i). */
static void args_to_x(G *g, const KOp *ops, int n)
{
    Mv *mv = cg_alloc(g->c, (size_t)(n ? n : 1) * sizeof *mv);
    for (int i = 0; i < n; i++) {
        mv[i].src = loc_of(g, ops[i]);
        mv[i].dst = i;
    }
    par_move(g, mv, n);
}

/* ---- statements */

static void gen_body(G *g, KBody *b);

static bool is_build(const KStmt *s) { return s->kind == K_TUPLE || s->kind == K_CONS || s->kind == K_FUN; }

static void finish_dst(G *g, KStmt *s, int r)
{
    bind_x(g, s->dst, r);
    if (!bits_has(s->live_after, s->dst))
        free_var(g, s->dst);
}

static void gen_build(G *g, KStmt *s)
{
    const char *ops = ops_list(g, s->args, s->nargs);
    const char *a0 = s->nargs > 0 ? O_(g, s->args[0]) : "";
    const char *a1 = s->nargs > 1 ? O_(g, s->args[1]) : "";
    free_dead(g, s->live_after);
    int r = alloc_x(g, R_TEMP);
    if (s->kind == K_TUPLE) {
        emit(g, "{put_tuple2,{x,%d},{list,%s}}", r, ops);
    } else if (s->kind == K_CONS) {
        emit(g, "{put_list,%s,%s,{x,%d}}", a0, a1, r);
    } else {
        KFun *f = s->fun;
        if (f->lambda < 0)
            f->lambda = g->c->nlambdas++;
        emit(g, "{make_fun3,{f,%d},%d,0,{x,%d},{list,%s}}", f->entry_label, f->lambda, r, ops);
    }
    finish_dst(g, s, r);
}

/* A run of building statements shares one test_heap. */
static int gen_builds(G *g, KBody *b, int i)
{
    int j = i, words = 0, funs = 0;
    for (; j < b->n && is_build(b->v[j]); j++) {
        KStmt *s = b->v[j];
        if (s->kind == K_TUPLE)
            words += s->nargs + 1;
        else if (s->kind == K_CONS)
            words += 2;
        else {
            words += s->nargs;
            funs++;
        }
    }
    if (funs)
        emit(g, "{test_heap,{alloc,[{words,%d},{floats,0},{funs,%d}]},%d}", words, funs, live_x(g));
    else
        emit(g, "{test_heap,%d,%d}", words, live_x(g));
    for (int k = i; k < j; k++)
        gen_build(g, b->v[k]);
    return j;
}

static void gen_move(G *g, KStmt *s)
{
    const char *src = O_(g, s->args[0]);
    int r = alloc_x(g, R_TEMP);
    emit(g, "{move,%s,{x,%d}}", src, r);
    finish_dst(g, s, r);
    free_dead(g, s->live_after);
}

static void gen_bif(G *g, KStmt *s)
{
    const char *ops = ops_list(g, s->args, s->nargs);
    int live = live_x(g); /* keeps the arguments too: see gc_bif in interp.c */
    free_dead(g, s->live_after);
    int r = alloc_x(g, R_TEMP);
    emit_line(g, s->line);
    AstBuf name = { 0 };
    put_atom(&name, s->name, strlen(s->name));
    if (s->gc)
        emit(g, "{gc_bif,%s,{f,0},%d,%s,{x,%d}}", name.s, live, ops, r);
    else
        emit(g, "{bif,%s,{f,0},%s,{x,%d}}", name.s, ops, r);
    free(name.s);
    finish_dst(g, s, r);
}

static const char *extfunc(G *g, const char *mod, const char *name, int arity)
{
    AstBuf b = { 0 };
    ast_buf_puts(&b, "{extfunc,");
    put_atom(&b, mod, strlen(mod));
    ast_buf_putc(&b, ',');
    put_atom(&b, name, strlen(name));
    ast_buf_printf(&b, ",%d}", arity);
    char *s = cg_strdup(g->c, b.s);
    free(b.s);
    return s;
}

static void gen_call(G *g, KStmt *s)
{
    ensure_frame(g);
    Bits save = s->live_after;
    for (int r = 0; r < MAXX; r++) {
        int v = g->st.xo[r];
        if (v >= 0 && v != s->dst && bits_has(save, v))
            save_y(g, v);
    }
    args_to_x(g, s->args, s->nargs);
    emit_line(g, s->line);
    switch (s->kind == K_SEND ? -1 : s->ckind) {
    case -1: emit(g, "send"); break;
    case CT_LOCAL: emit(g, "{call,%d,{f,%d}}", s->nargs, s->fun->entry_label); break;
    case CT_EXT: emit(g, "{call_ext,%d,%s}", s->nargs, extfunc(g, s->mod, s->name, s->nargs)); break;
    case CT_FUN: emit(g, "{call_fun,%d}", s->arity); break;
    case CT_APPLY: emit(g, "{apply,%d}", s->arity); break;
    case CT_BUILD_ST: emit(g, "build_stacktrace"); break;
    }
    clear_x(g);
    free_dead(g, s->live_after);
    if (s->dst >= 0 && bits_has(s->live_after, s->dst))
        bind_x(g, s->dst, 0);
}

static void gen_return(G *g, KStmt *s)
{
    Mv mv = { loc_of(g, s->args[0]), 0 };
    par_move(g, &mv, 1);
    if (g->st.frame)
        emit(g, "{deallocate,%s}", FR(g));
    emit(g, "return");
}

static void gen_enter(G *g, KStmt *s)
{
    bool dyn = s->ckind == CT_FUN || s->ckind == CT_APPLY;
    if (dyn)
        ensure_frame(g);
    args_to_x(g, s->args, s->nargs);
    emit_line(g, s->line);
    bool fr = g->st.frame != NULL;
    switch (s->ckind) {
    case CT_LOCAL:
        if (fr)
            emit(g, "{call_last,%d,{f,%d},%s}", s->nargs, s->fun->entry_label, FR(g));
        else
            emit(g, "{call_only,%d,{f,%d}}", s->nargs, s->fun->entry_label);
        break;
    case CT_EXT:
        if (fr)
            emit(g, "{call_ext_last,%d,%s,%s}", s->nargs, extfunc(g, s->mod, s->name, s->nargs), FR(g));
        else
            emit(g, "{call_ext_only,%d,%s}", s->nargs, extfunc(g, s->mod, s->name, s->nargs));
        break;
    case CT_FUN:
        emit(g, "{call_fun,%d}", s->arity);
        emit(g, "{deallocate,%s}", FR(g));
        emit(g, "return");
        break;
    case CT_APPLY:
        emit(g, "{apply_last,%d,%s}", s->arity, FR(g));
        break;
    }
}

static void gen_error(G *g, KStmt *s)
{
    if (s->err == E_ERROR_CALL) {
        Mv mv = { loc_of(g, s->args[0]), 0 };
        par_move(g, &mv, 1);
    }
    emit_line(g, s->line);
    switch (s->err) {
    case E_BADMATCH: emit(g, "{badmatch,%s}", O_(g, s->args[0])); break;
    case E_CASE: emit(g, "{case_end,%s}", O_(g, s->args[0])); break;
    case E_IF: emit(g, "if_end"); break;
    case E_TRY_CLAUSE: emit(g, "{try_case_end,%s}", O_(g, s->args[0])); break;
    case E_FUNCTION_CLAUSE: emit(g, "{jump,{f,%d}}", g->kf->info_label); break;
    case E_RAISE: emit(g, "{bif,raise,{f,0},[%s,%s],{x,0}}", O_(g, s->args[0]), O_(g, s->args[1])); break;
    case E_ERROR_CALL:
        if (g->st.level > 0) {
            /* inside a try or catch the frame must stay: a plain call,
             * which never returns (the verifier needs the path ended) */
            emit(g, "{call_ext,1,{extfunc,erlang,error,1}}");
            emit(g, "if_end");
        } else if (g->st.frame)
            emit(g, "{call_ext_last,1,{extfunc,erlang,error,1},%s}", FR(g));
        else
            emit(g, "{call_ext_only,1,{extfunc,erlang,error,1}}");
        break;
    }
}

static void gen_break(G *g, KStmt *s)
{
    BT *t = g->bt;
    int n = s->nargs < t->n ? s->nargs : t->n;
    Mv *mv = cg_alloc(g->c, (size_t)(n ? n : 1) * sizeof *mv);
    int k = 0;
    for (int i = 0; i < n; i++)
        if (t->regs[i] >= 0) {
            mv[k].src = loc_of(g, s->args[i]);
            mv[k++].dst = t->regs[i];
        }
    par_move(g, mv, k);
    if (t->label)
        emit(g, "{jump,{f,%d}}", t->label);
}

/* ---- guards
 *
 * gtest(e, F, E) falls through when e is true, jumps to F when it is
 * false and to E when it raises or is not a boolean where one is needed
 * (at the top of a guard F and E are the same label: the next guard or
 * clause). Guard values live in temporary x registers above every value in
 * use, released when the guard ends. */

static Loc gval(G *g, const GExpr *e, int E);
static void gtest(G *g, const GExpr *e, int F, int E);

static const char *atom_text(G *g, const char *name)
{
    AstBuf b = { 0 };
    put_atom(&b, name, strlen(name));
    char *s = cg_strdup(g->c, b.s);
    free(b.s);
    return s;
}

static Loc gval_bif(G *g, const GExpr *e, int E)
{
    const char *name = e->name;
    if (strcmp(name, "is_bitstring") == 0)
        name = "is_binary";
    Loc a[3];
    AstBuf ops = { 0 };
    ast_buf_putc(&ops, '[');
    for (int i = 0; i < e->nargs && i < 3; i++) {
        a[i] = gval(g, e->args[i], E);
        if (i)
            ast_buf_putc(&ops, ',');
        put_loc(&ops, a[i]);
    }
    ast_buf_putc(&ops, ']');
    int live = live_x(g);
    int r = alloc_x(g, R_TEMP);
    if (bif_is_gc(name, e->nargs))
        emit(g, "{gc_bif,%s,{f,%d},%d,%s,{x,%d}}", atom_text(g, name), E, live, ops.s, r);
    else
        emit(g, "{bif,%s,{f,%d},%s,{x,%d}}", atom_text(g, name), E, ops.s, r);
    free(ops.s);
    return X(r);
}

/* A value computed on two paths into one register. */
static Loc gval_branch(G *g, const GExpr *e, int E)
{
    int r = alloc_x(g, R_TEMP);
    int lf = new_label(g), lend = new_label(g);
    if (e->kind == G_AND) {
        gtest(g, e->args[0], lf, E);
        Loc b = gval(g, e->args[1], E);
        emit(g, "{move,%s,{x,%d}}", L_(g, b), r);
        emit(g, "{jump,{f,%d}}", lend);
        emit_label(g, lf);
        emit(g, "{move,{atom,false},{x,%d}}", r);
    } else if (e->kind == G_OR) {
        gtest(g, e->args[0], lf, E);
        emit(g, "{move,{atom,true},{x,%d}}", r);
        emit(g, "{jump,{f,%d}}", lend);
        emit_label(g, lf);
        Loc b = gval(g, e->args[1], E);
        emit(g, "{move,%s,{x,%d}}", L_(g, b), r);
    } else {
        gtest(g, e, lf, E);
        emit(g, "{move,{atom,true},{x,%d}}", r);
        emit(g, "{jump,{f,%d}}", lend);
        emit_label(g, lf);
        emit(g, "{move,{atom,false},{x,%d}}", r);
    }
    emit_label(g, lend);
    return X(r);
}

static Loc gval(G *g, const GExpr *e, int E)
{
    switch (e->kind) {
    case G_OP:
        return loc_of(g, e->op);
    case G_BIF:
        return gval_bif(g, e, E);
    case G_TUPLE: case G_CONS: {
        Loc *a = cg_alloc(g->c, (size_t)(e->nargs ? e->nargs : 1) * sizeof *a);
        for (int i = 0; i < e->nargs; i++)
            a[i] = gval(g, e->args[i], E);
        emit(g, "{test_heap,%d,%d}", e->kind == G_CONS ? 2 : e->nargs + 1, live_x(g));
        int r = alloc_x(g, R_TEMP);
        if (e->kind == G_CONS) {
            emit(g, "{put_list,%s,%s,{x,%d}}", L_(g, a[0]), L_(g, a[1]), r);
        } else {
            AstBuf b = { 0 };
            ast_buf_putc(&b, '[');
            for (int i = 0; i < e->nargs; i++) {
                if (i)
                    ast_buf_putc(&b, ',');
                put_loc(&b, a[i]);
            }
            ast_buf_putc(&b, ']');
            emit(g, "{put_tuple2,{x,%d},{list,%s}}", r, b.s);
            free(b.s);
        }
        return X(r);
    }
    default:
        return gval_branch(g, e, E);
    }
}

static const char *cmp_test(const char *op, bool *swap)
{
    *swap = false;
    if (strcmp(op, "<") == 0) return "is_lt";
    if (strcmp(op, ">") == 0) return *swap = true, "is_lt";
    if (strcmp(op, ">=") == 0) return "is_ge";
    if (strcmp(op, "=<") == 0) return *swap = true, "is_ge";
    if (strcmp(op, "==") == 0) return "is_eq";
    if (strcmp(op, "/=") == 0) return "is_ne";
    if (strcmp(op, "=:=") == 0) return "is_eq_exact";
    if (strcmp(op, "=/=") == 0) return "is_ne_exact";
    return NULL;
}

static const char *const test_instrs[] = { "is_integer", "is_float", "is_number", "is_atom", "is_pid",
                                           "is_reference", "is_port", "is_binary", "is_list", "is_tuple",
                                           "is_function", "is_boolean", NULL };

static const char *type_test_instr(const char *name)
{
    if (strcmp(name, "is_bitstring") == 0)
        return "is_binary";
    for (int i = 0; test_instrs[i]; i++)
        if (strcmp(test_instrs[i], name) == 0)
            return test_instrs[i];
    return NULL;
}

/* A value that must be the atom true. */
static void gtest_value(G *g, const GExpr *e, int F, int E)
{
    Loc v = gval(g, e, E);
    if (F == E) {
        emit(g, "{test,is_eq_exact,{f,%d},[%s,{atom,true}]}", F, L_(g, v));
        return;
    }
    int lt = new_label(g);
    emit(g, "{select_val,%s,{f,%d},{list,[{atom,true},{f,%d},{atom,false},{f,%d}]}}", L_(g, v), E, lt, F);
    emit_label(g, lt);
}

static bool gtest_bif(G *g, const GExpr *e, int F, int E)
{
    bool swap;
    const char *cmp = e->nargs == 2 ? cmp_test(e->name, &swap) : NULL;
    if (cmp) {
        Loc a = gval(g, e->args[0], E), b = gval(g, e->args[1], E);
        emit(g, "{test,%s,{f,%d},[%s,%s]}", cmp, F, L_(g, swap ? b : a), L_(g, swap ? a : b));
        return true;
    }
    if (e->nargs == 1 && type_test_instr(e->name)) {
        Loc a = gval(g, e->args[0], E);
        emit(g, "{test,%s,{f,%d},[%s]}", type_test_instr(e->name), F, L_(g, a));
        return true;
    }
    if (e->nargs == 1 && strcmp(e->name, "is_map") == 0) {
        gval(g, e->args[0], E);
        emit(g, "{jump,{f,%d}}", F);
        return true;
    }
    if (e->nargs == 2 && strcmp(e->name, "is_function") == 0) {
        Loc a = gval(g, e->args[0], E), b = gval(g, e->args[1], E);
        emit(g, "{test,is_function2,{f,%d},[%s,%s]}", F, L_(g, a), L_(g, b));
        return true;
    }
    if (e->nargs == 1 && strcmp(e->name, "not") == 0) {
        int lt = new_label(g);
        gtest(g, e->args[0], lt, E);
        emit(g, "{jump,{f,%d}}", F);
        emit_label(g, lt);
        return true;
    }
    return false;
}

static void gtest(G *g, const GExpr *e, int F, int E)
{
    switch (e->kind) {
    case G_OP:
        if (e->op.var < 0) {
            if (!is_atom_named(e->op.lit, "true"))
                emit(g, "{jump,{f,%d}}", is_atom_named(e->op.lit, "false") ? F : E);
            return;
        }
        gtest_value(g, e, F, E);
        return;
    case G_AND:
        gtest(g, e->args[0], F, E);
        gtest(g, e->args[1], F, E);
        return;
    case G_OR: {
        int lb = new_label(g), lok = new_label(g);
        gtest(g, e->args[0], lb, E);
        emit(g, "{jump,{f,%d}}", lok);
        emit_label(g, lb);
        gtest(g, e->args[1], F, E);
        emit_label(g, lok);
        return;
    }
    case G_TAGGED: {
        Loc a = gval(g, e->args[0], E);
        emit(g, "{test,is_tagged_tuple,{f,%d},[%s,%d,%s]}", F, L_(g, a), e->n,
             L_(g, (Loc){ 'l', 0, mk_atom(g->c, e->name) }));
        return;
    }
    case G_TUPLE: case G_CONS:
        gval(g, e, E);
        emit(g, "{jump,{f,%d}}", E);
        return;
    case G_BIF:
        if (gtest_bif(g, e, F, E))
            return;
        gtest_value(g, e, F, E);
        return;
    }
}

static void gen_guard(G *g, const KGuard *gd, int fail)
{
    if (gd->n == 0)
        return;
    int ok = gd->n > 1 ? new_label(g) : 0;
    for (int i = 0; i < gd->n; i++) {
        bool last = i == gd->n - 1;
        int next = last ? fail : new_label(g);
        for (int j = 0; j < gd->alts[i].n; j++)
            gtest(g, gd->alts[i].tests[j], next, next);
        release_temps(g);
        if (!last) {
            emit(g, "{jump,{f,%d}}", ok);
            emit_label(g, next);
        }
    }
    if (ok)
        emit_label(g, ok);
}

/* ---- clauses */

static void gen_tests(G *g, KClause *kc, int from, int F)
{
    for (int i = from; i < kc->ntests; i++) {
        KTest *t = &kc->tests[i];
        switch (t->kind) {
        case T_TYPE:
            emit(g, "{test,%s,{f,%d},[%s]}", t->name, F, O_(g, t->a));
            break;
        case T_ARITY:
            emit(g, "{test,test_arity,{f,%d},[%s,%d]}", F, O_(g, t->a), t->n);
            break;
        case T_TAGGED:
            emit(g, "{test,is_tagged_tuple,{f,%d},[%s,%d,{atom,%s}]}", F, O_(g, t->a), t->n, atom_text(g, t->tag));
            break;
        case T_EQ:
            if (t->b.var < 0 && t->b.lit->kind == AST_NIL)
                emit(g, "{test,is_nil,{f,%d},[%s]}", F, O_(g, t->a));
            else
                emit(g, "{test,is_eq_exact,{f,%d},[%s,%s]}", F, O_(g, t->a), O_(g, t->b));
            break;
        case T_GET_LIST: {
            const char *src = O_(g, t->a);
            int h = t->d1 >= 0 ? alloc_x(g, t->d1) : -1;
            int tl = t->d2 >= 0 ? alloc_x(g, t->d2) : -1;
            if (h >= 0 && tl >= 0)
                emit(g, "{get_list,%s,{x,%d},{x,%d}}", src, h, tl);
            else if (h >= 0)
                emit(g, "{get_hd,%s,{x,%d}}", src, h);
            else if (tl >= 0)
                emit(g, "{get_tl,%s,{x,%d}}", src, tl);
            break;
        }
        case T_GET_ELEM: {
            const char *src = O_(g, t->a);
            int r = alloc_x(g, t->d1);
            emit(g, "{get_tuple_element,%s,%d,{x,%d}}", src, t->n, r);
            break;
        }
        }
    }
}

static bool only_function_clause(const KBody *b)
{
    return b->n == 1 && b->v[0]->kind == K_ERROR && b->v[0]->err == E_FUNCTION_CLAUSE;
}

/* The clauses in order, each starting from the state snap; a clause that
 * fails goes on with the next, the last one to fail (or to alt when given,
 * or to the function's func_info). recv: commit with remove_message. */
/* The constant a clause's first test compares a variable with, when
 * select_val can dispatch on it (an atom or a small integer). */
static const AstExpr *select_key(const KClause *kc, int var)
{
    if (kc->ntests == 0 || kc->tests[0].kind != T_EQ || kc->tests[0].a.var < 0 || kc->tests[0].b.var >= 0)
        return NULL;
    if (var >= 0 && kc->tests[0].a.var != var)
        return NULL;
    const AstExpr *k = kc->tests[0].b.lit;
    if (k->kind == AST_ATOM || (k->kind == AST_INT && !k->u.int_.big && k->u.int_.value > -(INT64_C(1) << 59) &&
                                k->u.int_.value < (INT64_C(1) << 59)))
        return k;
    return NULL;
}

static bool same_key(const AstExpr *a, const AstExpr *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind == AST_INT)
        return a->u.int_.value == b->u.int_.value;
    return a->u.atom.len == b->u.atom.len && memcmp(a->u.atom.name, b->u.atom.name, a->u.atom.len) == 0;
}

/* The end of a run of clauses from i that all start by comparing the same
 * variable with constants, at least two different ones (i if none). */
static int select_run(const KClause *cs, int i, int n)
{
    const AstExpr *k0 = select_key(&cs[i], -1);
    if (!k0)
        return i;
    int var = cs[i].tests[0].a.var, j = i + 1;
    bool distinct = false;
    for (; j < n && select_key(&cs[j], var); j++)
        distinct |= !same_key(k0, select_key(&cs[j], var));
    return distinct ? j : i;
}

/* One clause: its tests from `from` on, its guard, its body; next: where
 * it goes on failing. */
static void gen_clause(G *g, KClause *kc, int from, int next, bool recv)
{
    gen_tests(g, kc, from, next);
    gen_guard(g, &kc->guard, next);
    if (recv)
        emit(g, "remove_message");
    free_dead(g, kc->live_body);
    gen_body(g, &kc->body);
}

/* Clauses cs[i..j) dispatched with select_val on their first test; each
 * is entered only when that test holds, and on failure goes on with the
 * next clause of the run with the same constant, else to gfail. */
static void gen_select_run(G *g, KClause *cs, int i, int j, int gfail, const RS *snap, bool recv)
{
    int *lab = cg_alloc(g->c, (size_t)(j - i) * sizeof *lab);
    AstBuf list = { 0 };
    for (int m = i; m < j; m++) {
        lab[m - i] = new_label(g);
        bool first = true;
        for (int p = i; p < m && first; p++)
            first = !same_key(select_key(&cs[p], -1), select_key(&cs[m], -1));
        if (!first)
            continue;
        if (list.len)
            ast_buf_putc(&list, ',');
        put_lit(&list, select_key(&cs[m], -1));
        ast_buf_printf(&list, ",{f,%d}", lab[m - i]);
    }
    emit(g, "{select_val,%s,{f,%d},{list,[%s]}}", O_(g, cs[i].tests[0].a), gfail, list.s);
    free(list.s);
    for (int m = i; m < j; m++) {
        rs_copy(g, &g->st, snap);
        emit_label(g, lab[m - i]);
        int next = gfail;
        for (int p = m + 1; p < j && next == gfail; p++)
            if (same_key(select_key(&cs[p], -1), select_key(&cs[m], -1)))
                next = lab[p - i];
        gen_clause(g, &cs[m], 1, next, recv);
    }
}

static void gen_clauses(G *g, KClause *cs, int n, KBody *alt, int fail, const RS *snap, bool recv)
{
    bool alt_needed = true;
    if (!fail)
        fail = alt && only_function_clause(alt) ? g->kf->info_label : new_label(g);
    for (int i = 0; i < n;) {
        KClause *kc = &cs[i];
        rs_copy(g, &g->st, snap);
        int j = select_run(cs, i, n);
        if (j > i) {
            int gfail = j == n ? fail : new_label(g);
            gen_select_run(g, cs, i, j, gfail, snap, recv);
            if (j < n)
                emit_label(g, gfail);
            i = j;
            continue;
        }
        bool last = i == n - 1;
        int next = last ? fail : new_label(g);
        gen_clause(g, kc, 0, next, recv);
        if (!last)
            emit_label(g, next);
        if (kc->ntests == 0 && kc->guard.n == 0)
            alt_needed = false;
        i++;
    }
    rs_copy(g, &g->st, snap);
    if (alt && alt_needed && fail != g->kf->info_label) {
        emit_label(g, fail);
        gen_body(g, alt);
    }
}

/* Registers for a construct's results: x0, x1... after a construct that
 * may clobber registers (everything else then is in y registers), else the
 * lowest ones not holding values still needed after it. */
static BT *join_target(G *g, const int *rets, int n, bool clob, const Bits after, int label)
{
    BT *t = cg_alloc(g->c, sizeof *t);
    t->label = label;
    t->n = n;
    t->regs = cg_alloc(g->c, (size_t)(n ? n : 1) * sizeof(int));
    bool *taken = cg_alloc(g->c, MAXX * sizeof *taken);
    if (!clob)
        for (int r = 0; r < MAXX; r++) {
            int v = g->st.xo[r];
            taken[r] = v >= 0 && bits_has(after, v);
        }
    int r = 0;
    for (int i = 0; i < n; i++) {
        if (!bits_has(after, rets[i])) {
            t->regs[i] = -1;
            continue;
        }
        while (r < MAXX - 1 && taken[r])
            r++;
        t->regs[i] = r++;
    }
    return t;
}

/* The state where paths meet after a construct: the one before it, less
 * what died, with the results in their registers. */
static void join_state(G *g, const RS *snap, const BT *t, const int *rets, const Bits after, bool clob)
{
    rs_copy(g, &g->st, snap);
    if (clob)
        clear_x(g);
    free_dead(g, after);
    for (int i = 0; i < t->n; i++)
        if (t->regs[i] >= 0)
            bind_x(g, rets[i], t->regs[i]);
}

static void push_bt(G *g, BT *t)
{
    t->up = g->bt;
    g->bt = t;
}

static void gen_match(G *g, KStmt *s)
{
    BT *t = NULL;
    if (!s->terminal) {
        if (s->clob) {
            ensure_frame(g);
            save_set(g, s->live_after);
        }
        t = join_target(g, s->rets, s->nrets, s->clob, s->live_after, new_label(g));
        push_bt(g, t);
    }
    RS snap = snapshot(g);
    gen_clauses(g, s->clauses, s->nclauses, &s->alt, 0, &snap, false);
    if (t) {
        g->bt = t->up;
        emit_label(g, t->label);
        join_state(g, &snap, t, s->rets, s->live_after, s->clob);
    }
    free(snap.mem);
}

static void gen_catch(G *g, KStmt *s)
{
    ensure_frame(g);
    save_set(g, s->live_after);
    int slot = g->D - ++g->st.level;
    int lh = new_label(g);
    emit(g, "{'catch',{y,%d},{f,%d}}", slot, lh);
    RS snap = snapshot(g);
    BT *t = join_target(g, &s->dst, 1, true, s->live_after, 0);
    push_bt(g, t);
    gen_body(g, &s->body);
    g->bt = t->up;
    emit_label(g, lh);
    emit(g, "{catch_end,{y,%d}}", slot);
    join_state(g, &snap, t, &s->dst, s->live_after, true);
    g->st.level--;
    if (bits_has(s->live_after, s->dst))
        bind_x(g, s->dst, 0);
    free(snap.mem);
}

static void gen_try(G *g, KStmt *s)
{
    ensure_frame(g);
    save_set(g, s->live_before);
    int slot = g->D - ++g->st.level;
    int lh = new_label(g);
    emit(g, "{'try',{y,%d},{f,%d}}", slot, lh);
    RS snap = snapshot(g);
    snap.level--;
    /* the body passes its values to the of clauses in x0, x1... */
    BT *bt = cg_alloc(g->c, sizeof *bt);
    bt->n = s->nbody_rets;
    bt->regs = cg_alloc(g->c, (size_t)bt->n * sizeof(int));
    for (int i = 0; i < bt->n; i++)
        bt->regs[i] = i == 0 || bits_has(s->live_of, s->body_rets[i]) ? i : -1;
    push_bt(g, bt);
    gen_body(g, &s->body);
    g->bt = bt->up;
    emit(g, "{try_end,{y,%d}}", slot);
    g->st.level--;
    clear_x(g);
    for (int i = 0; i < s->nbody_rets; i++)
        bind_x(g, s->body_rets[i], i);
    free_dead(g, s->live_of);
    BT *t = NULL;
    if (!s->terminal) {
        t = join_target(g, s->rets, s->nrets, true, s->live_after, new_label(g));
        push_bt(g, t);
    }
    RS of_snap = snapshot(g);
    gen_clauses(g, s->clauses, s->nclauses, &s->alt, 0, &of_snap, false);
    free(of_snap.mem);
    emit_label(g, lh);
    emit(g, "{try_case,{y,%d}}", slot);
    rs_copy(g, &g->st, &snap);
    clear_x(g);
    bind_x(g, s->cls, 0);
    bind_x(g, s->reason, 1);
    bind_x(g, s->trace, 2);
    free_dead(g, s->live_catch);
    RS h_snap = snapshot(g);
    gen_clauses(g, s->catches, s->ncatches, &s->alt2, 0, &h_snap, false);
    free(h_snap.mem);
    if (t) {
        g->bt = t->up;
        emit_label(g, t->label);
        join_state(g, &snap, t, s->rets, s->live_after, true);
    }
    free(snap.mem);
}

static bool is_infinity(const KStmt *s)
{
    return s->timeout.var < 0 && s->timeout.lit && is_atom_named(s->timeout.lit, "infinity");
}

static void gen_recv(G *g, KStmt *s)
{
    bool any = false;
    for (int r = 0; r < MAXX && !any; r++)
        any = g->st.xo[r] >= 0 && bits_has(s->live_before, g->st.xo[r]);
    if (any)
        ensure_frame(g);
    save_set(g, s->live_before);
    BT *t = NULL;
    clear_x(g);
    const char *to = s->has_timeout ? O_(g, s->timeout) : NULL;
    if (!s->terminal) {
        t = join_target(g, s->rets, s->nrets, true, s->live_after, new_label(g));
        push_bt(g, t);
    }
    RS snap = snapshot(g);
    int lloop = new_label(g), lwait = new_label(g);
    emit_label(g, lloop);
    if (s->nclauses > 0) {
        emit(g, "{loop_rec,{f,%d},{x,0}}", lwait);
        bind_x(g, s->msg, 0);
        RS msnap = snapshot(g);
        int lnext = new_label(g);
        gen_clauses(g, s->clauses, s->nclauses, NULL, lnext, &msnap, true);
        free(msnap.mem);
        emit_label(g, lnext);
        emit(g, "{loop_rec_end,{f,%d}}", lloop);
        emit_label(g, lwait);
    }
    rs_copy(g, &g->st, &snap);
    if (s->has_timeout && !is_infinity(s)) {
        emit(g, "{wait_timeout,{f,%d},%s}", lloop, to);
        emit(g, "timeout");
        free_dead(g, s->alt.n ? s->alt.v[0]->live_before : s->live_after);
        gen_body(g, &s->alt);
    } else {
        emit(g, "{wait,{f,%d}}", lloop);
    }
    if (t) {
        g->bt = t->up;
        emit_label(g, t->label);
        join_state(g, &snap, t, s->rets, s->live_after, true);
    }
    free(snap.mem);
}

static void gen_stmt(G *g, KStmt *s)
{
    switch (s->kind) {
    case K_MOVE: gen_move(g, s); break;
    case K_BIF: gen_bif(g, s); break;
    case K_CALL: case K_SEND: gen_call(g, s); break;
    case K_MATCH: gen_match(g, s); break;
    case K_TRY: gen_try(g, s); break;
    case K_CATCH: gen_catch(g, s); break;
    case K_RECV: gen_recv(g, s); break;
    case K_RETURN: gen_return(g, s); break;
    case K_ENTER: gen_enter(g, s); break;
    case K_BREAK: gen_break(g, s); break;
    case K_ERROR: gen_error(g, s); break;
    default: gen_build(g, s); break;
    }
}

static void gen_body(G *g, KBody *b)
{
    for (int i = 0; i < b->n;) {
        if (is_build(b->v[i])) {
            i = gen_builds(g, b, i);
            continue;
        }
        gen_stmt(g, b->v[i]);
        i++;
    }
}

/* ---- functions and the module */

static void gen_function(Cg *c, KFun *kf, AstBuf *out)
{
    G g = { 0 };
    g.c = c;
    g.kf = kf;
    AstBuf text = { 0 };
    g.o = &text;
    g.nv = kf->nvars;
    g.D = kf->catch_depth;
    g.ycap = g.D + kf->nvars + 1;
    g.memn = 2 * g.nv + MAXX + g.ycap;
    g.cur_line = -1;
    c->file = kf->file;
    rs_init(&g, &g.st);
    for (int i = 0; i < kf->arity; i++)
        bind_x(&g, i, i);
    ast_buf_puts(out, "\n{function, ");
    put_atom(out, kf->name, strlen(kf->name));
    ast_buf_printf(out, ", %d, %d}.\n", kf->arity, kf->entry_label);
    emit_label(&g, kf->info_label);
    emit_line(&g, kf->line);
    emit(&g, "{func_info,{atom,%s},{atom,%s},%d}", atom_text(&g, c->module), atom_text(&g, kf->name), kf->arity);
    emit_label(&g, kf->entry_label);
    if (kf->body.n)
        free_dead(&g, kf->body.v[0]->live_before);
    gen_body(&g, &kf->body);
    /* frame sizes, now known */
    for (size_t i = 0; i < text.len; i++) {
        if (text.s[i] != '\x01') {
            ast_buf_putc(out, text.s[i]);
            continue;
        }
        int id = atoi(text.s + i + 1);
        ast_buf_printf(out, "%d", id < g.nframes ? g.frames[id]->size : 0);
        while (i < text.len && text.s[i] != '\x02')
            i++;
    }
    free(text.s);
    free(g.st.mem);
}

/* Reads the attributes codegen needs: imports and no_auto_import. */
static void read_attributes(Cg *c)
{
    const CompUnit *u = c->u;
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        if (f->kind == AST_FORM_IMPORT) {
            int cap = c->nimports;
            for (int j = 0; j < f->u.import.n; j++) {
                c->imports = grow(c, c->imports, c->nimports, &cap, sizeof *c->imports);
                c->imports[c->nimports++] =
                    (Import){ f->u.import.funs[j].name, f->u.import.funs[j].arity, f->u.import.module };
            }
        }
    }
}

/* -compile(export_all), alone or in a list of options. */
static bool has_export_all(const AstExpr *o)
{
    if (is_atom_named(o, "export_all"))
        return true;
    for (; o->kind == AST_LIST; o = o->u.list.tail)
        for (int i = 0; i < o->u.list.elems.n; i++)
            if (has_export_all(o->u.list.elems.items[i]))
                return true;
    return false;
}

static void put_exports(Cg *c, AstBuf *out)
{
    ast_buf_puts(out, "{exports, [");
    bool first = true;
    bool all = false;
    for (int i = 0; i < c->u->nforms; i++) {
        const AstForm *f = &c->u->forms[i];
        if (f->kind == AST_FORM_ATTRIBUTE && strcmp(f->u.attribute.name, "compile") == 0)
            all |= has_export_all(f->u.attribute.value);
    }
    for (int i = 0; all && i < c->nlocals; i++) {
        ast_buf_puts(out, first ? "{" : ",{");
        first = false;
        put_atom(out, c->locals[i]->name, strlen(c->locals[i]->name));
        ast_buf_printf(out, ",%d}", c->locals[i]->arity);
    }
    for (int i = 0; i < c->u->nforms; i++) {
        const AstForm *f = &c->u->forms[i];
        if (f->kind != AST_FORM_EXPORT || all)
            continue;
        for (int j = 0; j < f->u.export_.n; j++) {
            ast_buf_puts(out, first ? "{" : ",{");
            first = false;
            put_atom(out, f->u.export_.funs[j].name, strlen(f->u.export_.funs[j].name));
            ast_buf_printf(out, ",%d}", f->u.export_.funs[j].arity);
        }
    }
    ast_buf_puts(out, "]}.\n\n{attributes, []}.\n\n");
}

bool cg_generate(const CompUnit *u, Diag *d, const char *filename, StrBuf *out)
{
    Cg c = { 0 };
    c.u = u;
    c.d = d;
    c.filename = filename;
    c.ar = ast_arena_new();
    if (!c.ar)
        return false;
    c.module = u->module ? u->module : "unknown";
    c.funs_tail = &c.funs;
    c.next_label = 1;
    read_attributes(&c);
    int nf = 0;
    for (int i = 0; i < u->nforms; i++)
        nf += u->forms[i].kind == AST_FORM_FUNCTION;
    c.locals = cg_alloc(&c, (size_t)(nf ? nf : 1) * sizeof *c.locals);
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        if (f->kind != AST_FORM_FUNCTION || find_local(&c, f->u.function.name, f->u.function.arity))
            continue;
        c.file = f->file;
        KFun *kf = new_kfun(&c, f->u.function.name, f->u.function.arity, f->line);
        kf->form = f;
        c.locals[c.nlocals++] = kf;
    }
    for (int i = 0; i < c.nlocals; i++) {
        c.file = c.locals[i]->file;
        lower_function(&c, c.locals[i], c.locals[i]->form);
    }
    for (KFun *f = c.funs; f; f = f->next) {
        analyse(&c, f);
        f->info_label = c.next_label++;
        f->entry_label = c.next_label++;
    }
    AstBuf body = { 0 };
    if (!c.failed)
        for (KFun *f = c.funs; f; f = f->next)
            gen_function(&c, f, &body);
    bool ok = !c.failed;
    if (ok) {
        AstBuf head = { 0 };
        ast_buf_puts(&head, "{module, ");
        put_atom(&head, c.module, strlen(c.module));
        ast_buf_puts(&head, "}.\n\n");
        put_exports(&c, &head);
        ast_buf_printf(&head, "{labels, %d}.\n", c.next_label);
        sb_add(out, head.s, head.len);
        sb_add(out, body.s, body.len);
        free(head.s);
    }
    free(body.s);
    ast_arena_free(c.ar);
    return ok;
}
