/* asm.c - the assembler: reads erlc -S style text, checks it, and writes a
 * .bc file.
 *
 * Two passes. The first reads each form, checks it against the opcode
 * table (vm/opcodes.def) and turns it into an instruction record whose
 * operands still name atoms, literals and imports symbolically; every error
 * is reported and the reader goes on at the next form. After the whole
 * file: the checks that need all of it (undefined labels, function shapes,
 * exports, lambdas). Only an error-free file gets the second pass, which
 * numbers atoms, literals, imports, lambdas and lines in one fixed order
 * (module name; exports in their order; then each instruction's operands
 * in code order, first appearance first) and writes the sections. That
 * order depends only on the instructions, not on where the directives sit
 * in the text, so `beamlet dis` output assembles to the same bytes. */
#include "asm.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "aterm.h"
#include "diag.h"
#include "etf.h"
#include "keymap.h"
#include "term_parse.h"

enum {
    OP_LABEL = 1,
    OP_FUNC_INFO = 2,
    OP_LINE = 153,
    OPK_LINE = 100, /* operand tag before numbering: a {line,...} location */
};

/* ---- the first pass's records */

typedef struct Operand Operand;
struct Operand {
    uint8_t tag; /* BC_* or OPK_LINE */
    int line, col;
    union {
        uint64_t u;        /* X, Y, UINT, LABEL */
        int64_t i;         /* INT */
        double f;          /* FLOAT */
        const ATerm *atom; /* ATOM */
        const ATerm *lit;  /* LIT */
        struct {
            const ATerm *mod, *fun;
            unsigned arity;
        } imp;             /* IMPORT */
        struct {
            uint64_t label;
            uint32_t index, uniq, nfree;
        } lam;             /* LAMBDA */
        struct {
            size_t n;
            Operand *items;
        } list;            /* LIST */
        struct {
            const ATerm *file; /* a string; NULL for {line,[]} */
            uint32_t line;
        } loc;             /* OPK_LINE */
    };
};

typedef struct {
    const BcOpInfo *op;
    int line, col;
    Operand *ops; /* one per operand letter, in the arena */
} Insn;

typedef struct {
    const ATerm *name;
    unsigned arity;
    uint64_t entry;
    int line, col;
    size_t first, end; /* its instructions: insns[first, end) */
} Func;

typedef struct {
    const ATerm *name;
    unsigned arity;
    int line, col;
} Export;

typedef struct {
    uint64_t label;
    bool defined, used;
    int def_line, use_line, use_col;
} LabelInfo;

typedef struct {
    Diag diag;
    AtArena arena;
    TermParser tp;
    const ATerm *erlang; /* the atom 'erlang', for BIF imports */
    const ATerm *module;
    bool have_exports;
    Export *exports;
    size_t nexports, cap_exports;
    Func *funcs;
    size_t nfuncs, cap_funcs;
    KeyMap func_by_name;  /* arity byte + name -> function index */
    bool in_func;         /* after a {function,...} directive */
    bool broken_func;     /* ... a malformed one: check but drop its code */
    bool outside_reported;
    Insn *insns;
    size_t ninsns, cap_insns;
    LabelInfo *labels;
    size_t nlabels, cap_labels;
    KeyMap label_index;   /* label number -> index into labels */
    KeyMap func_by_entry; /* entry label -> function index (after the checks) */
    uint64_t max_label;
} Asm;

/* ---- helpers for messages */

/* A term as printed, for messages: 'a b', foo, {x,1}. */
static const char *show(const ATerm *t, char *buf, size_t n)
{
    at_describe(t, buf, n);
    return buf;
}

/* An atom in quotes for messages: 'foo', 'a b' (quoted once). */
static const char *quoted(const ATerm *t, char *buf, size_t n)
{
    at_describe(t, buf + 1, n - 2);
    if (buf[1] == '\'')
        return buf + 1;
    buf[0] = '\'';
    strcat(buf, "'");
    return buf;
}

static const char *func_desc(const ATerm *name, unsigned arity, char *buf, size_t n)
{
    char nm[80];
    snprintf(buf, n, "%s/%u", show(name, nm, sizeof nm), arity);
    return buf;
}

static void error_at(Asm *A, const ATerm *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void error_at(Asm *A, const ATerm *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(&A->diag, "error", t->line, t->col, fmt, ap);
    va_end(ap);
}

static const char *kind_desc(char k)
{
    switch (k) {
    case 's': return "a source ({x,N}, {y,N}, {integer,I}, {float,F}, {atom,A}, nil or {literal,T})";
    case 'd': return "a register {x,N} or {y,N}";
    case 'x': return "an x register {x,N}";
    case 'y': return "a y register {y,N}";
    case 'u': return "a non-negative integer";
    case 'f': return "a label {f,N} ({f,0} for none)";
    case 'j': return "a label {f,N}";
    case 'a': return "an atom {atom,A}";
    case 'e': return "an external function {extfunc,M,F,A}";
    case 'b': return "a BIF {extfunc,M,F,A}";
    case 'F': return "a lambda";
    case 'S': return "a select list {list,[Value,{f,L},...]}";
    case 'A': return "an arity list {list,[Arity,{f,L},...]}";
    case 'V': return "a list of sources {list,[...]}";
    case 'Y': return "a list of y registers {list,[{y,N},...]}";
    case 't': return "a tag {f,N} or {atom,A}";
    default: return "?";
    }
}

static void kind_error(Asm *A, const Insn *in, unsigned k, char kind, const ATerm *t)
{
    char got[64];
    error_at(A, t, "operand %u of '%s' must be %s, got %s", k + 1, in->op->name, kind_desc(kind),
             show(t, got, sizeof got));
}

/* ---- term shapes */

static bool is_tuple_tag(const ATerm *t, const char *tag, size_t n)
{
    return t->kind == AT_TUPLE && t->tuple.n == n && at_is_atom(t->tuple.items[0], tag);
}

static const ATerm *elem(const ATerm *t, size_t i) { return t->tuple.items[i]; }

/* The items of a proper list term ([] included); false if t is not one. */
static bool list_items(const ATerm *t, ATerm *const **items, size_t *n)
{
    static ATerm *const none[1] = { NULL };
    if (t->kind == AT_NIL || (t->kind == AT_STRING && t->str.n == 0)) {
        *items = none;
        *n = 0;
        return true;
    }
    if (t->kind == AT_LIST && !t->list.tail) {
        *items = t->list.items;
        *n = t->list.n;
        return true;
    }
    return false;
}

static bool small_uint(const ATerm *t, uint64_t max, uint64_t *v)
{
    return at_get_u64(t, v) && *v <= max;
}

/* ---- labels */

static LabelInfo *label_info(Asm *A, uint64_t label)
{
    uint32_t idx;
    if (km_get(&A->label_index, &label, sizeof label, &idx))
        return &A->labels[idx];
    A->labels = at_grow(A->labels, &A->cap_labels, A->nlabels + 1, sizeof *A->labels);
    LabelInfo *l = &A->labels[A->nlabels];
    memset(l, 0, sizeof *l);
    l->label = label;
    km_put(&A->label_index, &label, sizeof label, (uint32_t)A->nlabels++);
    return l;
}

static void use_label(Asm *A, uint64_t label, const ATerm *where)
{
    LabelInfo *l = label_info(A, label);
    if (!l->used) {
        l->used = true;
        l->use_line = where->line;
        l->use_col = where->col;
    }
}

/* ---- operands */

/* {x,N}, {y,N} or {tr,Reg,Type}: 'x' or 'y' with the number in *n, 0 if t
 * is no register, -1 if it is a register with a bad number (reported). */
static int reg_of(Asm *A, const ATerm *t, uint64_t *n)
{
    if (is_tuple_tag(t, "tr", 3))
        t = elem(t, 1);
    bool x = is_tuple_tag(t, "x", 2), y = is_tuple_tag(t, "y", 2);
    if (!x && !y)
        return 0;
    uint64_t max = x ? BC_MAX_X : BC_MAX_Y;
    if (!at_get_u64(elem(t, 1), n) || *n >= max) {
        char got[64];
        error_at(A, t, "%s register number %s is out of range (0 to %llu)", x ? "x" : "y",
                 show(elem(t, 1), got, sizeof got), (unsigned long long)max - 1);
        return -1;
    }
    return x ? 'x' : 'y';
}

/* A constant source: nil, {integer,I}, {float,F}, {atom,A}, {literal,T}. */
static bool conv_const(Asm *A, const ATerm *t, Operand *o)
{
    if (at_is_atom(t, "nil")) {
        o->tag = BC_NIL;
        return true;
    }
    if (t->kind != AT_TUPLE || t->tuple.n != 2)
        return false;
    const ATerm *v = elem(t, 1);
    if (is_tuple_tag(t, "integer", 2) && (v->kind == AT_INT || v->kind == AT_BIG)) {
        if (v->kind == AT_INT) {
            o->tag = BC_INT;
            o->i = v->i;
        } else {
            o->tag = BC_LIT; /* beyond 64 bits: a bignum in the literal table */
            o->lit = v;
        }
        return true;
    }
    if (is_tuple_tag(t, "float", 2) && v->kind == AT_FLOAT) {
        o->tag = BC_FLOAT;
        o->f = v->f;
        return true;
    }
    if (is_tuple_tag(t, "atom", 2) && v->kind == AT_ATOM) {
        o->tag = BC_ATOM;
        o->atom = v;
        return true;
    }
    if (is_tuple_tag(t, "literal", 2)) {
        const ATerm *bad;
        const char *why = etf_check(v, &bad);
        if (why) {
            error_at(A, bad, "%s", why);
            o->tag = BC_NTAGS; /* reported */
            return true;
        }
        o->tag = BC_LIT;
        o->lit = v;
        return true;
    }
    return false;
}

/* {alloc,[{words,W},{floats,F},{funs,N}]}: erlc's heap need, in words. */
static bool conv_alloc(Asm *A, const ATerm *t, uint64_t *words)
{
    ATerm *const *items;
    size_t n;
    if (!is_tuple_tag(t, "alloc", 2) || !list_items(elem(t, 1), &items, &n))
        return false;
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const ATerm *it = items[i];
        uint64_t v, mul;
        if (it->kind != AT_TUPLE || it->tuple.n != 2 || !small_uint(elem(it, 1), 1u << 30, &v))
            return false;
        if (at_is_atom(elem(it, 0), "words"))
            mul = 1;
        else if (at_is_atom(elem(it, 0), "floats"))
            mul = ASM_ALLOC_FLOAT_WORDS;
        else if (at_is_atom(elem(it, 0), "funs"))
            mul = ASM_ALLOC_FUN_WORDS;
        else
            return false;
        total += v * mul;
    }
    *words = total;
    return true;
}

/* Whether operand k of op may be a heap size written {alloc,...}. */
static bool heap_operand(const BcOpInfo *op, unsigned k)
{
    if (strcmp(op->name, "test_heap") == 0)
        return k == 0;
    if (strcmp(op->name, "allocate_heap") == 0 || strcmp(op->name, "allocate_heap_zero") == 0)
        return k == 1;
    return false;
}

/* {f,N}: a label, 0 allowed only when zero_ok. */
static bool conv_label(Asm *A, const ATerm *t, bool zero_ok, Operand *o)
{
    uint64_t n;
    if (!is_tuple_tag(t, "f", 2) || !at_get_u64(elem(t, 1), &n))
        return false;
    if (n > ASM_MAX_LABEL || (n == 0 && !zero_ok)) {
        if (n)
            error_at(A, t, "label %llu is too large (at most %d)", (unsigned long long)n, ASM_MAX_LABEL);
        else
            error_at(A, t, "label 0 is not allowed here");
        o->tag = BC_NTAGS;
        return true;
    }
    o->tag = BC_LABEL;
    o->u = n;
    if (n)
        use_label(A, n, t);
    return true;
}

static bool conv_extfunc(const ATerm *t, Operand *o)
{
    uint64_t ar;
    if (!is_tuple_tag(t, "extfunc", 4) || elem(t, 1)->kind != AT_ATOM || elem(t, 2)->kind != AT_ATOM ||
        !small_uint(elem(t, 3), BC_MAX_ARITY, &ar))
        return false;
    o->tag = BC_IMPORT;
    o->imp.mod = elem(t, 1);
    o->imp.fun = elem(t, 2);
    o->imp.arity = (unsigned)ar;
    return true;
}

static bool conv_one(Asm *A, const Insn *in, unsigned k, char kind, const ATerm *t, Operand *o);

/* {list,[...]} for the S, A, V and Y kinds: the items are checked one by
 * one with the item kinds (value and label pairs for S and A). */
static bool conv_list(Asm *A, const Insn *in, unsigned k, char kind, const ATerm *t, Operand *o)
{
    ATerm *const *items;
    size_t n;
    if (!is_tuple_tag(t, "list", 2) || !list_items(elem(t, 1), &items, &n))
        return false;
    if (n > BC_MAX_LIST) {
        error_at(A, t, "list of %zu items is too long (at most %d)", n, BC_MAX_LIST);
        o->tag = BC_NTAGS;
        return true;
    }
    if ((kind == 'S' || kind == 'A') && n % 2) {
        error_at(A, t, "%s needs pairs: it has an odd number of items", kind == 'S' ? "a select list" : "an arity list");
        o->tag = BC_NTAGS;
        return true;
    }
    o->tag = BC_LIST;
    o->list.n = n;
    o->list.items = at_alloc(&A->arena, n * sizeof(Operand));
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char ik = kind == 'V' ? 's' : kind == 'Y' ? 'y' : i % 2 ? 'j' : kind == 'S' ? 'c' : 'u';
        if (!conv_one(A, in, k, ik, items[i], &o->list.items[i]))
            ok = false;
    }
    if (!ok)
        o->tag = BC_NTAGS;
    return true;
}

/* Converts t as an operand of kind `kind` (a letter of opcodes.def, or 'c'
 * for a constant in a select list). Returns false after reporting an
 * error. */
static bool conv_one(Asm *A, const Insn *in, unsigned k, char kind, const ATerm *t, Operand *o)
{
    memset(o, 0, sizeof *o);
    o->line = t->line;
    o->col = t->col;
    bool shape = false; /* t had the right shape (errors inside reported) */
    uint64_t n;
    switch (kind) {
    case 's':
    case 'd':
    case 'x':
    case 'y':
    case 'c': {
        int r = reg_of(A, t, &n);
        if (r < 0)
            return false;
        if (r && kind != 'c' && (kind == 's' || kind == 'd' || kind == r)) {
            o->tag = r == 'x' ? BC_X : BC_Y;
            o->u = n;
            return true;
        }
        if (!r && (kind == 's' || kind == 'c'))
            shape = conv_const(A, t, o);
        break;
    }
    case 'u':
        if (at_get_u64(t, &o->u)) {
            o->tag = BC_UINT;
            return true;
        }
        if (heap_operand(in->op, k) && conv_alloc(A, t, &o->u)) {
            o->tag = BC_UINT;
            return true;
        }
        break;
    case 'f':
    case 'j': shape = conv_label(A, t, kind == 'f', o); break;
    case 'a':
        if (is_tuple_tag(t, "atom", 2) && elem(t, 1)->kind == AT_ATOM) {
            o->tag = BC_ATOM;
            o->atom = elem(t, 1);
            return true;
        }
        break;
    case 'e':
    case 'b': shape = conv_extfunc(t, o); break;
    case 't':
        if (is_tuple_tag(t, "atom", 2) && elem(t, 1)->kind == AT_ATOM) {
            o->tag = BC_ATOM;
            o->atom = elem(t, 1);
            return true;
        }
        shape = conv_label(A, t, true, o);
        break;
    case 'S':
    case 'A':
    case 'V':
    case 'Y': shape = conv_list(A, in, k, kind, t, o); break;
    default: break;
    }
    if (!shape) {
        kind_error(A, in, k, kind == 'c' ? 'S' : kind, t);
        return false;
    }
    return o->tag != BC_NTAGS;
}

/* Fills in->ops from args, one per operand letter of the instruction, the
 * first `skip` operands being filled already. */
static bool conv_args(Asm *A, Insn *in, unsigned skip, ATerm *const *args)
{
    bool ok = true;
    const char *kinds = in->op->operands;
    for (unsigned k = skip; kinds[k]; k++)
        if (!conv_one(A, in, k, kinds[k], args[k - skip], &in->ops[k]))
            ok = false;
    return ok;
}

/* ---- instructions */

static void start_insn(Asm *A, Insn *in, const BcOpInfo *op, const ATerm *form)
{
    size_t n = strlen(op->operands);
    memset(in, 0, sizeof *in);
    in->ops = at_alloc(&A->arena, (n ? n : 1) * sizeof(Operand));
    in->op = op;
    in->line = form->line;
    in->col = form->col;
}

/* Keeps a converted instruction, defining its label if it is one. */
static void add_insn(Asm *A, Insn *in)
{
    if (!A->in_func) {
        if (!A->outside_reported)
            diag_error(&A->diag, in->line, in->col, "instruction outside a function");
        A->outside_reported = true;
        return;
    }
    if (in->op->number == OP_LABEL) {
        uint64_t n = in->ops[0].u;
        if (n == 0 || n > ASM_MAX_LABEL) {
            diag_error(&A->diag, in->ops[0].line, in->ops[0].col, "label number %llu is out of range (1 to %d)",
                       (unsigned long long)n, ASM_MAX_LABEL);
            return;
        }
        LabelInfo *l = label_info(A, n);
        if (l->defined) {
            diag_error(&A->diag, in->ops[0].line, in->ops[0].col, "label %llu is defined twice (first at line %d)",
                       (unsigned long long)n, l->def_line);
            return;
        }
        l->defined = true;
        l->def_line = in->line;
        if (n > A->max_label)
            A->max_label = n;
    }
    if (A->broken_func)
        return;
    A->insns = at_grow(A->insns, &A->cap_insns, A->ninsns + 1, sizeof *A->insns);
    A->insns[A->ninsns++] = *in;
}

static bool count_ok(Asm *A, const ATerm *form, const char *what, size_t want, size_t got)
{
    if (want == got)
        return true;
    error_at(A, form, "'%s' expects %zu operand%s, got %zu", what, want, want == 1 ? "" : "s", got);
    return false;
}

/* The instructions written {test,Op,{f,L},[Args]}: a fail label first. */
static bool is_test_op(const BcOpInfo *op)
{
    return op->operands[0] == 'f' && (strncmp(op->name, "is_", 3) == 0 || strcmp(op->name, "test_arity") == 0);
}

/* The instruction named by an atom, or NULL. */
static const BcOpInfo *op_named(const ATerm *name)
{
    if (name->kind != AT_ATOM || strlen(name->atom.text) != name->atom.len)
        return NULL;
    return bc_op_by_name(name->atom.text);
}

/* {test,Op,{f,L},[Args...]} */
static void asm_test(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    ATerm *const *targs;
    size_t ntargs;
    char nm[80];
    const BcOpInfo *op = nargs ? op_named(args[0]) : NULL;
    if (nargs && (!op || !is_test_op(op))) {
        error_at(A, args[0], "unknown test %s", quoted(args[0], nm, sizeof nm));
        return;
    }
    if (!count_ok(A, form, "test", 3, nargs))
        return;
    if (!list_items(args[2], &targs, &ntargs)) {
        error_at(A, args[2], "the arguments of a test must be a list");
        return;
    }
    size_t want = strlen(op->operands) - 1;
    if (ntargs != want) {
        error_at(A, args[2], "test '%s' expects %zu argument%s, got %zu", op->name, want, want == 1 ? "" : "s",
                 ntargs);
        return;
    }
    Insn in;
    start_insn(A, &in, op, form);
    bool ok = conv_one(A, &in, 0, 'f', args[1], &in.ops[0]);
    if (conv_args(A, &in, 1, targs) && ok)
        add_insn(A, &in);
}

/* The import erlang:Name/Arity as the b operand k of in. */
static bool bif_import(Asm *A, Insn *in, unsigned k, const ATerm *name, size_t arity)
{
    char nm[80];
    if (name->kind != AT_ATOM) {
        error_at(A, name, "a BIF name must be an atom, got %s", show(name, nm, sizeof nm));
        return false;
    }
    Operand *o = &in->ops[k];
    o->tag = BC_IMPORT;
    o->line = name->line;
    o->col = name->col;
    o->imp.mod = A->erlang;
    o->imp.fun = name;
    o->imp.arity = (unsigned)arity;
    return true;
}

/* Checks that t is {f,0}, where erlc's form has a fail label that the
 * instruction does not. */
static bool no_fail_label(Asm *A, const ATerm *t, const char *msg)
{
    uint64_t n;
    if (is_tuple_tag(t, "f", 2) && at_get_u64(elem(t, 1), &n) && n == 0)
        return true;
    error_at(A, t, "%s", msg);
    return false;
}

/* {bif,Name,{f,L},[Args],Dst} -> bif0, bif1, bif2, or raise for
 * {bif,raise,{f,0},[Stacktrace,Reason],Dst} (as erlc writes it). */
static void asm_bif(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    ATerm *const *bargs;
    size_t n;
    if (!count_ok(A, form, "bif", 4, nargs))
        return;
    if (!list_items(args[2], &bargs, &n)) {
        error_at(A, args[2], "the arguments of a bif must be a list");
        return;
    }
    Insn in;
    bool ok = true;
    if (at_is_atom(args[0], "raise") && n == 2) {
        start_insn(A, &in, bc_op_by_name("raise"), form);
        Operand dst;
        ok = no_fail_label(A, args[1], "raise cannot have a fail label: use {f,0}");
        ok = conv_one(A, &in, 0, 'd', args[3], &dst) && ok;
        if (conv_args(A, &in, 0, bargs) && ok)
            add_insn(A, &in);
        return;
    }
    if (n > 2) {
        error_at(A, args[2], "'bif' takes at most 2 arguments, got %zu (gc_bif takes 3)", n);
        return;
    }
    static const char *const names[] = { "bif0", "bif1", "bif2" };
    start_insn(A, &in, bc_op_by_name(names[n]), form);
    if (n == 0) {
        ok = no_fail_label(A, args[1], "a BIF without arguments cannot fail: use {f,0}");
        ok = bif_import(A, &in, 0, args[0], 0) && ok;
        ok = conv_one(A, &in, 1, 'd', args[3], &in.ops[1]) && ok;
    } else {
        ok = conv_one(A, &in, 0, 'f', args[1], &in.ops[0]);
        ok = bif_import(A, &in, 1, args[0], n) && ok;
        ATerm *rest[3] = { bargs[0], n > 1 ? bargs[1] : args[3], args[3] };
        ok = conv_args(A, &in, 2, rest) && ok;
    }
    if (ok)
        add_insn(A, &in);
}

/* {gc_bif,Name,{f,L},Live,[Args],Dst} -> gc_bif1, gc_bif2 or gc_bif3. */
static void asm_gc_bif(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    ATerm *const *bargs;
    size_t n;
    if (!count_ok(A, form, "gc_bif", 5, nargs))
        return;
    if (!list_items(args[3], &bargs, &n)) {
        error_at(A, args[3], "the arguments of a gc_bif must be a list");
        return;
    }
    if (n < 1 || n > 3) {
        error_at(A, args[3], "'gc_bif' takes 1 to 3 arguments, got %zu", n);
        return;
    }
    static const char *const names[] = { "gc_bif1", "gc_bif2", "gc_bif3" };
    Insn in;
    start_insn(A, &in, bc_op_by_name(names[n - 1]), form);
    bool ok = conv_one(A, &in, 0, 'f', args[1], &in.ops[0]);
    ok = conv_one(A, &in, 1, 'u', args[2], &in.ops[1]) && ok;
    ok = bif_import(A, &in, 2, args[0], n) && ok;
    ATerm *rest[4];
    for (size_t i = 0; i < n; i++)
        rest[i] = bargs[i];
    rest[n] = args[4];
    ok = conv_args(A, &in, 3, rest) && ok;
    if (ok)
        add_insn(A, &in);
}

/* A string term as UTF-8 text, for file names; false if t is no string. */
static bool string_term(const ATerm *t)
{
    if (t->kind == AT_NIL)
        return true;
    if (t->kind == AT_STRING) {
        for (size_t i = 0; i < t->str.n; i++)
            if (t->str.chars[i] > 0x10FFFF || (t->str.chars[i] >= 0xD800 && t->str.chars[i] <= 0xDFFF))
                return false;
        return true;
    }
    return false;
}

/* {line,[]} or {line,[{location,File,Line}]}; other items in the list
 * (erlc's {scope,...}) are ignored. */
static void asm_line(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    ATerm *const *items;
    size_t n;
    uint64_t line = 0;
    const ATerm *loc = NULL;
    Insn in;
    start_insn(A, &in, bc_op_by_name("line"), form);
    bool ok = nargs == 1 && list_items(args[0], &items, &n);
    for (size_t i = 0; ok && i < n; i++) {
        if (is_tuple_tag(items[i], "location", 3)) {
            ok = !loc && string_term(elem(items[i], 1)) && small_uint(elem(items[i], 2), UINT32_MAX, &line);
            loc = items[i];
        }
    }
    if (!ok) {
        error_at(A, form, "malformed line: expected {line,[]} or {line,[{location,File,Line}]}");
        return;
    }
    Operand *o = &in.ops[0];
    o->tag = OPK_LINE;
    o->line = form->line;
    o->col = form->col;
    o->loc.file = loc ? elem(loc, 1) : NULL;
    o->loc.line = (uint32_t)line;
    add_insn(A, &in);
}

/* {make_fun3,{f,L},Index,Uniq,Dst,{list,Env}}: L is the entry of the
 * function holding the fun's code; the lambda gets its name and arity
 * from that function when the file is written. */
static void asm_make_fun3(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    if (nargs != 5) {
        error_at(A, form, "'make_fun3' expects 5 operands {make_fun3,{f,L},Index,Uniq,Dst,{list,Env}}, got %zu",
                 nargs);
        return;
    }
    Insn in;
    start_insn(A, &in, bc_op_by_name("make_fun3"), form);
    Operand lab, idx, uniq;
    bool ok = conv_one(A, &in, 0, 'j', args[0], &lab);
    if (!small_uint(args[1], UINT32_MAX, &idx.u)) {
        error_at(A, args[1], "the lambda index must be an integer from 0 to 4294967295");
        ok = false;
    }
    if (!small_uint(args[2], UINT32_MAX, &uniq.u)) {
        error_at(A, args[2], "the lambda uniq must be an integer from 0 to 4294967295");
        ok = false;
    }
    ok = conv_one(A, &in, 1, 'd', args[3], &in.ops[1]) && ok;
    ok = conv_one(A, &in, 2, 'V', args[4], &in.ops[2]) && ok;
    if (!ok)
        return;
    Operand *f = &in.ops[0];
    f->tag = BC_LAMBDA;
    f->line = lab.line;
    f->col = lab.col;
    f->lam.label = lab.u;
    f->lam.index = (uint32_t)idx.u;
    f->lam.uniq = (uint32_t)uniq.u;
    f->lam.nfree = (uint32_t)in.ops[2].list.n;
    add_insn(A, &in);
}

static void asm_generic(Asm *A, const ATerm *form, const ATerm *name, ATerm *const *args, size_t nargs)
{
    char nm[80];
    const BcOpInfo *op = op_named(name);
    if (!op) {
        error_at(A, name, "unknown instruction %s", quoted(name, nm, sizeof nm));
        return;
    }
    if (!count_ok(A, form, op->name, strlen(op->operands), nargs))
        return;
    if (strchr(op->operands, 'F')) {
        error_at(A, form, "'%s' has no generic form", op->name);
        return;
    }
    Insn in;
    start_insn(A, &in, op, form);
    if (conv_args(A, &in, 0, args))
        add_insn(A, &in);
}

/* ---- directives */

static void dir_module(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    if (nargs != 1 || args[0]->kind != AT_ATOM) {
        error_at(A, form, "malformed module directive: expected {module, Name}");
        return;
    }
    if (A->module) {
        error_at(A, form, "duplicate module directive");
        return;
    }
    A->module = args[0];
}

/* The key of a function in func_by_name: its arity byte, then its name. */
static size_t func_key(const ATerm *name, unsigned arity, char *key, size_t max)
{
    size_t n = name->atom.len + 1 < max ? name->atom.len + 1 : max;
    key[0] = (char)arity;
    memcpy(key + 1, name->atom.text, n - 1);
    return n;
}

static void dir_exports(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    ATerm *const *items;
    size_t n;
    if (nargs != 1 || !list_items(args[0], &items, &n)) {
        error_at(A, form, "malformed exports directive: expected {exports, [{Name,Arity},...]}");
        return;
    }
    if (A->have_exports) {
        error_at(A, form, "duplicate exports directive");
        return;
    }
    A->have_exports = true;
    KeyMap seen = { 0 };
    for (size_t i = 0; i < n; i++) {
        const ATerm *e = items[i];
        uint64_t ar;
        char fd[100];
        if (e->kind != AT_TUPLE || e->tuple.n != 2 || elem(e, 0)->kind != AT_ATOM ||
            !small_uint(elem(e, 1), BC_MAX_ARITY, &ar)) {
            error_at(A, e, "malformed export: expected {Name,Arity} with an arity from 0 to %d", BC_MAX_ARITY);
            continue;
        }
        char key[260];
        size_t klen = func_key(elem(e, 0), (unsigned)ar, key, sizeof key);
        uint32_t prev;
        if (km_get(&seen, key, klen, &prev)) {
            diag_warning(&A->diag, e->line, e->col, "function %s is exported twice",
                         func_desc(elem(e, 0), (unsigned)ar, fd, sizeof fd));
            continue;
        }
        km_put(&seen, key, klen, 0);
        A->exports = at_grow(A->exports, &A->cap_exports, A->nexports + 1, sizeof *A->exports);
        A->exports[A->nexports++] = (Export){ elem(e, 0), (unsigned)ar, e->line, e->col };
    }
    km_free(&seen);
}

static void end_function(Asm *A)
{
    if (A->in_func && !A->broken_func)
        A->funcs[A->nfuncs - 1].end = A->ninsns;
}

static void dir_function(Asm *A, const ATerm *form, ATerm *const *args, size_t nargs)
{
    uint64_t arity, entry;
    end_function(A);
    A->in_func = true;
    A->broken_func = true;
    if (nargs != 3 || args[0]->kind != AT_ATOM || !small_uint(args[1], BC_MAX_ARITY, &arity) ||
        !at_get_u64(args[2], &entry) || entry == 0 || entry > ASM_MAX_LABEL) {
        error_at(A, form, "malformed function directive: expected {function, Name, Arity, EntryLabel}");
        return;
    }
    char key[260], fd[100];
    size_t klen = func_key(args[0], (unsigned)arity, key, sizeof key);
    uint32_t prev;
    if (km_get(&A->func_by_name, key, klen, &prev)) {
        error_at(A, form, "function %s is defined twice (first at line %d)",
                 func_desc(args[0], (unsigned)arity, fd, sizeof fd), A->funcs[prev].line);
        return;
    }
    A->broken_func = false;
    km_put(&A->func_by_name, key, klen, (uint32_t)A->nfuncs);
    A->funcs = at_grow(A->funcs, &A->cap_funcs, A->nfuncs + 1, sizeof *A->funcs);
    A->funcs[A->nfuncs++] = (Func){ args[0], (unsigned)arity, entry, form->line, form->col, A->ninsns, A->ninsns };
}

/* One form of the file: a directive or an instruction. */
static void handle_form(Asm *A, const ATerm *form)
{
    const ATerm *name;
    ATerm *const *args;
    size_t nargs;
    char got[64];
    if (form->kind == AT_ATOM) {
        name = form;
        args = NULL;
        nargs = 0;
    } else if (form->kind == AT_TUPLE && form->tuple.n >= 1 && elem(form, 0)->kind == AT_ATOM) {
        name = elem(form, 0);
        args = form->tuple.items + 1;
        nargs = form->tuple.n - 1;
    } else {
        error_at(A, form, "expected an instruction or a directive, got %s", show(form, got, sizeof got));
        return;
    }
    static const struct {
        const char *name;
        void (*fn)(Asm *, const ATerm *, ATerm *const *, size_t);
    } special[] = {
        { "module", dir_module }, { "exports", dir_exports }, { "function", dir_function },
        { "test", asm_test },     { "bif", asm_bif },         { "gc_bif", asm_gc_bif },
        { "line", asm_line },
    };
    if (at_is_atom(name, "attributes") || at_is_atom(name, "labels") || at_is_atom(name, "%"))
        return;
    for (size_t i = 0; i < sizeof special / sizeof *special; i++) {
        if (at_is_atom(name, special[i].name)) {
            special[i].fn(A, form, args, nargs);
            return;
        }
    }
    if (at_is_atom(name, "make_fun3"))
        asm_make_fun3(A, form, args, nargs);
    else
        asm_generic(A, form, name, args, nargs);
}

/* ---- whole-file checks */

static bool same_atom(const ATerm *a, const ATerm *b)
{
    return a->atom.len == b->atom.len && memcmp(a->atom.text, b->atom.text, a->atom.len) == 0;
}

/* A function is: labels and lines, its func_info, its entry label, then
 * the body (BEAM's shape; the disassembler finds functions by it). */
static void check_function(Asm *A, const Func *f)
{
    char fd[100];
    func_desc(f->name, f->arity, fd, sizeof fd);
    size_t i = f->first;
    while (i < f->end && (A->insns[i].op->number == OP_LABEL || A->insns[i].op->number == OP_LINE))
        i++;
    if (i == f->end) {
        diag_error(&A->diag, f->line, f->col, "function %s has no func_info", fd);
        return;
    }
    const Insn *fi = &A->insns[i];
    if (fi->op->number != OP_FUNC_INFO) {
        diag_error(&A->diag, fi->line, fi->col, "expected the func_info of %s before this instruction", fd);
        return;
    }
    if ((A->module && !same_atom(fi->ops[0].atom, A->module)) || !same_atom(fi->ops[1].atom, f->name) ||
        fi->ops[2].u != f->arity) {
        char m[80];
        diag_error(&A->diag, fi->line, fi->col, "func_info does not match function %s of module %s", fd,
                   A->module ? show(A->module, m, sizeof m) : "?");
    }
    if (i + 1 >= f->end || A->insns[i + 1].op->number != OP_LABEL || A->insns[i + 1].ops[0].u != f->entry)
        diag_error(&A->diag, f->line, f->col, "entry label %llu of function %s must come right after its func_info",
                   (unsigned long long)f->entry, fd);
    for (size_t j = i + 1; j < f->end; j++)
        if (A->insns[j].op->number == OP_FUNC_INFO)
            diag_error(&A->diag, A->insns[j].line, A->insns[j].col, "a second func_info in function %s", fd);
}

static void check_lambdas(Asm *A)
{
    KeyMap *entries = &A->func_by_entry;
    for (size_t i = 0; i < A->nfuncs; i++)
        km_put(entries, &A->funcs[i].entry, sizeof(uint64_t), (uint32_t)i);
    for (size_t i = 0; i < A->ninsns; i++) {
        const Operand *o = &A->insns[i].ops[0];
        if (o->tag != BC_LAMBDA)
            continue;
        uint32_t fi;
        char fd[100];
        if (!label_info(A, o->lam.label)->defined)
            continue; /* reported as undefined */
        if (!km_get(entries, &o->lam.label, sizeof(uint64_t), &fi)) {
            diag_error(&A->diag, o->line, o->col, "make_fun3 label %llu is not the entry label of a function",
                       (unsigned long long)o->lam.label);
        } else if (o->lam.nfree > A->funcs[fi].arity) {
            diag_error(&A->diag, o->line, o->col, "make_fun3 captures %u variables but function %s takes only %u",
                       o->lam.nfree, func_desc(A->funcs[fi].name, A->funcs[fi].arity, fd, sizeof fd),
                       A->funcs[fi].arity);
        }
    }
}

static void check_file(Asm *A)
{
    if (!A->module)
        diag_error(&A->diag, 0, 0, "missing {module, Name} directive");
    for (size_t i = 0; i < A->nfuncs; i++)
        check_function(A, &A->funcs[i]);
    for (size_t i = 0; i < A->nlabels; i++) {
        const LabelInfo *l = &A->labels[i];
        if (l->used && !l->defined)
            diag_error(&A->diag, l->use_line, l->use_col, "label %llu is used but never defined",
                       (unsigned long long)l->label);
    }
    check_lambdas(A);
    for (size_t i = 0; i < A->nexports; i++) {
        const Export *e = &A->exports[i];
        char key[260], fd[100];
        uint32_t fi;
        size_t klen = func_key(e->name, e->arity, key, sizeof key);
        if (!km_get(&A->func_by_name, key, klen, &fi))
            diag_error(&A->diag, e->line, e->col, "function %s is exported but not defined",
                       func_desc(e->name, e->arity, fd, sizeof fd));
    }
}

/* ---- the second pass: numbering and writing */

/* A table of the file: a map from keys to first-appearance indexes and
 * the encoded entries, in index order. */
typedef struct {
    KeyMap map;
    BcBuf body;
    uint32_t count;
} Table;

/* The index of key, adding it (and setting *fresh) if it is new. */
static uint32_t table_index(Table *t, const void *key, size_t len, bool *fresh)
{
    uint32_t idx;
    *fresh = !km_get(&t->map, key, len, &idx);
    if (*fresh) {
        idx = t->count++;
        km_put(&t->map, key, len, idx);
    }
    return idx;
}

typedef struct {
    Asm *A;
    Table atoms, lits, imps, lams, files, lines;
    BcBuf code;
} Emit;

static uint32_t atom_index(Emit *E, const ATerm *a)
{
    bool fresh;
    uint32_t idx = table_index(&E->atoms, a->atom.text, a->atom.len, &fresh);
    if (fresh) {
        bc_put_varint(&E->atoms.body, a->atom.len);
        bc_put_bytes(&E->atoms.body, a->atom.text, a->atom.len);
    }
    return idx;
}

static uint32_t literal_index(Emit *E, const ATerm *t)
{
    BcBuf enc = { 0 };
    bool fresh;
    etf_encode(&enc, t);
    uint32_t idx = table_index(&E->lits, enc.data, enc.len, &fresh);
    if (fresh) {
        bc_put_varint(&E->lits.body, enc.len);
        bc_put_bytes(&E->lits.body, enc.data, enc.len);
    }
    bc_buf_free(&enc);
    return idx;
}

static uint32_t import_index(Emit *E, const Operand *o)
{
    uint32_t key[3] = { atom_index(E, o->imp.mod), atom_index(E, o->imp.fun), o->imp.arity };
    bool fresh;
    uint32_t idx = table_index(&E->imps, key, sizeof key, &fresh);
    if (fresh)
        for (int i = 0; i < 3; i++)
            bc_put_varint(&E->imps.body, key[i]);
    return idx;
}

static uint32_t lambda_index(Emit *E, const Operand *o)
{
    uint64_t key[4] = { o->lam.label, o->lam.index, o->lam.uniq, o->lam.nfree };
    bool fresh;
    uint32_t idx = table_index(&E->lams, key, sizeof key, &fresh);
    if (fresh) {
        uint32_t fi = 0;
        km_get(&E->A->func_by_entry, &o->lam.label, sizeof(uint64_t), &fi);
        const Func *f = &E->A->funcs[fi];
        bc_put_varint(&E->lams.body, atom_index(E, f->name));
        bc_put_varint(&E->lams.body, f->arity - o->lam.nfree);
        bc_put_varint(&E->lams.body, o->lam.label);
        bc_put_varint(&E->lams.body, o->lam.nfree);
        bc_put_varint(&E->lams.body, o->lam.index);
        bc_put_varint(&E->lams.body, o->lam.uniq);
    }
    return idx;
}

/* The line table index for a location: 0 for none, entries from 1. */
static uint32_t line_index(Emit *E, const Operand *o)
{
    if (!o->loc.file)
        return 0;
    BcBuf name = { 0 };
    bool fresh;
    if (o->loc.file->kind == AT_STRING)
        for (size_t i = 0; i < o->loc.file->str.n; i++)
            at_put_utf8(&name, o->loc.file->str.chars[i]);
    uint32_t file = table_index(&E->files, name.len ? (void *)name.data : (void *)"", name.len, &fresh);
    if (fresh) {
        bc_put_varint(&E->files.body, name.len);
        bc_put_bytes(&E->files.body, name.data, name.len);
    }
    bc_buf_free(&name);
    uint32_t key[2] = { file, o->loc.line };
    uint32_t idx = table_index(&E->lines, key, sizeof key, &fresh);
    if (fresh) {
        bc_put_varint(&E->lines.body, file);
        bc_put_varint(&E->lines.body, o->loc.line);
    }
    return idx + 1;
}

static void emit_operand(Emit *E, const Operand *o)
{
    BcBuf *c = &E->code;
    switch (o->tag) {
    case BC_INT: bc_put_op_int(c, o->i); break;
    case BC_FLOAT: bc_put_op_float(c, o->f); break;
    case BC_NIL: bc_put_op(c, BC_NIL, 0); break;
    case BC_ATOM: bc_put_op(c, BC_ATOM, atom_index(E, o->atom)); break;
    case BC_LIT: bc_put_op(c, BC_LIT, literal_index(E, o->lit)); break;
    case BC_IMPORT: bc_put_op(c, BC_IMPORT, import_index(E, o)); break;
    case BC_LAMBDA: bc_put_op(c, BC_LAMBDA, lambda_index(E, o)); break;
    case OPK_LINE: bc_put_op(c, BC_UINT, line_index(E, o)); break;
    case BC_LIST:
        bc_put_op(c, BC_LIST, o->list.n);
        for (size_t i = 0; i < o->list.n; i++)
            emit_operand(E, &o->list.items[i]);
        break;
    default: bc_put_op(c, o->tag, o->u); break; /* X Y UINT LABEL */
    }
}

/* varint count, then the entries */
static void finish_table(BcBuf *sec, const Table *t)
{
    if (!t->count)
        return;
    bc_put_varint(sec, t->count);
    bc_put_bytes(sec, t->body.data, t->body.len);
}

static void free_table(Table *t)
{
    km_free(&t->map);
    bc_buf_free(&t->body);
}

static void emit_file(Asm *A, BcBuf *out)
{
    Emit E;
    memset(&E, 0, sizeof E);
    E.A = A;
    atom_index(&E, A->module);
    BcBuf expt = { 0 }, atom = { 0 }, litt = { 0 }, impt = { 0 }, funt = { 0 }, line = { 0 }, code = { 0 };
    if (A->nexports) {
        bc_put_varint(&expt, A->nexports);
        for (size_t i = 0; i < A->nexports; i++) {
            const Export *e = &A->exports[i];
            char key[260];
            uint32_t fi = 0;
            km_get(&A->func_by_name, key, func_key(e->name, e->arity, key, sizeof key), &fi);
            bc_put_varint(&expt, atom_index(&E, e->name));
            bc_put_varint(&expt, e->arity);
            bc_put_varint(&expt, A->funcs[fi].entry);
        }
    }
    for (size_t i = 0; i < A->ninsns; i++) {
        const Insn *in = &A->insns[i];
        bc_put_varint(&E.code, (uint64_t)in->op->number);
        for (size_t k = 0; in->op->operands[k]; k++)
            emit_operand(&E, &in->ops[k]);
    }
    bc_put_varint(&code, A->max_label + 1);
    bc_put_varint(&code, A->nfuncs);
    bc_put_bytes(&code, E.code.data, E.code.len);
    finish_table(&atom, &E.atoms);
    finish_table(&litt, &E.lits);
    finish_table(&impt, &E.imps);
    finish_table(&funt, &E.lams);
    if (E.lines.count) {
        finish_table(&line, &E.files);
        finish_table(&line, &E.lines);
    }
    bc_write_file(out, &atom, &litt, &impt, &expt, &funt, &line, &code);
    BcBuf *bufs[] = { &expt, &atom, &litt, &impt, &funt, &line, &code, &E.code };
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
        bc_buf_free(bufs[i]);
    Table *tabs[] = { &E.atoms, &E.lits, &E.imps, &E.lams, &E.files, &E.lines };
    for (size_t i = 0; i < sizeof tabs / sizeof *tabs; i++)
        free_table(tabs[i]);
}

static void free_asm(Asm *A)
{
    free(A->exports);
    free(A->funcs);
    free(A->insns);
    free(A->labels);
    km_free(&A->func_by_name);
    km_free(&A->label_index);
    km_free(&A->func_by_entry);
    at_arena_free(&A->arena);
}

bool asm_assemble(const char *src, size_t len, const char *filename, BcBuf *out, FILE *errs)
{
    Asm *A = calloc(1, sizeof *A);
    if (!A)
        abort();
    diag_init(&A->diag, filename, src, len, errs);
    at_arena_init(&A->arena);
    A->erlang = at_atom(&A->arena, "erlang", 6);
    tp_init(&A->tp, src, len, &A->arena, &A->diag);
    ATerm *form;
    int r;
    while ((r = tp_next_form(&A->tp, &form)) != 0)
        if (r > 0)
            handle_form(A, form);
    end_function(A);
    check_file(A);
    bool ok = A->diag.errors == 0;
    if (ok)
        emit_file(A, out);
    free_asm(A);
    free(A);
    return ok;
}
