/* dis.c - the disassembler: prints a .bc file as assembly text that the
 * assembler turns back into the same bytes.
 *
 * First every section is decoded and checked (indexes, registers, labels,
 * operand kinds against vm/opcodes.def, UTF-8 of names, the shape of
 * functions), then the text is built in memory and written out, so a bad
 * file prints nothing but a one-line reason. Functions are not marked in
 * the code section: each one is found by its func_info, starting at the
 * labels and lines just before it (the shape the assembler enforces). */
#include "dis.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "asm.h"
#include "aterm.h"
#include "bcfile.h"
#include "etf.h"
#include "keymap.h"
#include "utf8.h"

enum { OP_LABEL = 1, OP_FUNC_INFO = 2, OP_LINE = 153, MAX_OPERANDS = 8 };

typedef struct {
    const char *text;
    size_t len;
} DName;

typedef struct DOp DOp;
struct DOp {
    BcOperand v;
    DOp *items; /* BC_LIST: v.u items */
};

typedef struct {
    const BcOpInfo *op;
    DOp ops[MAX_OPERANDS];
} DInsn;

typedef struct {
    uint64_t mod, fun, arity;
} DImport;

typedef struct {
    uint64_t name, arity, label;
} DExport;

typedef struct {
    uint64_t name, arity, label, nfree, index, uniq;
} DLambda;

typedef struct {
    uint64_t file, line;
} DLine;

typedef struct {
    size_t fi;      /* index of its func_info */
    size_t start;   /* its first instruction */
    uint64_t entry;
} DFunc;

typedef struct {
    char *err;
    size_t errlen;
    bool failed;
    AtArena arena;
    DName *atoms;
    size_t natoms;
    ATerm **lits;
    size_t nlits;
    DImport *imps;
    size_t nimps;
    DExport *exps;
    size_t nexps;
    DLambda *lams;
    size_t nlams;
    DName *files;
    size_t nfiles;
    DLine *lines;
    size_t nlines;
    uint64_t label_count, func_count;
    DInsn *insns;
    size_t ninsns, cap_insns;
    DFunc *funcs;
    size_t nfuncs;
    KeyMap func_by_entry; /* entry label -> index into funcs */
} Dis;

static bool fail(Dis *D, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(Dis *D, const char *fmt, ...)
{
    if (!D->failed && D->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(D->err, D->errlen, fmt, ap);
        va_end(ap);
    }
    D->failed = true;
    return false;
}

/* A cursor over a section; an absent one reads as empty (bc_cursor would
 * compute NULL + 0, which sanitizers reject). */
static BcCursor cursor(BcSection s)
{
    if (!s.present)
        return (BcCursor){ NULL, NULL, false };
    return bc_cursor(s);
}

/* A count read from a section, checked against the bytes left (each entry
 * takes at least min_bytes), so that no hostile count makes us allocate
 * more than the file's size. */
static bool read_count(Dis *D, BcCursor *c, size_t min_bytes, const char *sec, size_t *n)
{
    uint64_t v = bc_get_varint(c);
    if (c->bad)
        return fail(D, "truncated %s section", sec);
    if (v > (uint64_t)(c->end - c->p) / min_bytes)
        return fail(D, "%s section: count %llu is larger than the section", sec, (unsigned long long)v);
    *n = (size_t)v;
    return true;
}

/* Names (atoms, file names): varint length and UTF-8 bytes. */
static bool read_names(Dis *D, BcSection s, const char *sec, DName **out, size_t *n, BcCursor *cur)
{
    *cur = cursor(s);
    *n = 0;
    if (!s.present)
        return true;
    if (!read_count(D, cur, 1, sec, n))
        return false;
    *out = at_alloc(&D->arena, *n * sizeof **out);
    for (size_t i = 0; i < *n; i++) {
        uint64_t len = bc_get_varint(cur);
        const uint8_t *b = cur->bad || len > (uint64_t)(cur->end - cur->p) ? NULL : bc_get_bytes(cur, (size_t)len);
        if (!b)
            return fail(D, "truncated %s section (entry %zu)", sec, i);
        if (!utf8_valid(b, (size_t)len))
            return fail(D, "%s entry %zu is not valid UTF-8", sec, i);
        (*out)[i] = (DName){ (const char *)b, (size_t)len };
    }
    return true;
}

static bool section_end(Dis *D, BcCursor *c, const char *sec)
{
    if (c->bad)
        return fail(D, "truncated %s section", sec);
    if (!bc_at_end(c))
        return fail(D, "%zu stray bytes at the end of the %s section", (size_t)(c->end - c->p), sec);
    return true;
}

static bool read_atoms(Dis *D, const BcFile *f)
{
    BcCursor c;
    if (!read_names(D, f->atom, "ATOM", &D->atoms, &D->natoms, &c) || !section_end(D, &c, "ATOM"))
        return false;
    if (D->natoms == 0)
        return fail(D, "the ATOM section is empty (atom 0 must be the module name)");
    for (size_t i = 0; i < D->natoms; i++)
        if (D->atoms[i].len > 255)
            return fail(D, "atom %zu is too long (%zu bytes)", i, D->atoms[i].len);
    return true;
}

static bool read_literals(Dis *D, const BcFile *f)
{
    BcCursor c = cursor(f->litt);
    if (!f->litt.present)
        return true;
    if (!read_count(D, &c, 1, "LITT", &D->nlits))
        return false;
    D->lits = at_alloc(&D->arena, D->nlits * sizeof *D->lits);
    for (size_t i = 0; i < D->nlits; i++) {
        uint64_t len = bc_get_varint(&c);
        const uint8_t *b = c.bad || len > (uint64_t)(c.end - c.p) ? NULL : bc_get_bytes(&c, (size_t)len);
        if (!b)
            return fail(D, "truncated LITT section (literal %zu)", i);
        char why[160];
        D->lits[i] = etf_decode(&D->arena, b, (size_t)len, why, sizeof why);
        if (!D->lits[i])
            return fail(D, "literal %zu: %s", i, why);
        const ATerm *bad;
        if (etf_check(D->lits[i], &bad))
            return fail(D, "literal %zu cannot be written as text", i);
    }
    return section_end(D, &c, "LITT");
}

/* Fixed-shape entries of varints: n fields each, the i-th field at most
 * max[i] (UINT64_MAX: any). */
static bool read_records(Dis *D, BcSection s, const char *sec, size_t nfields, const uint64_t *max, uint64_t **out,
                         size_t *n)
{
    BcCursor c = cursor(s);
    *n = 0;
    if (!s.present)
        return true;
    if (!read_count(D, &c, nfields, sec, n))
        return false;
    *out = at_alloc(&D->arena, *n * nfields * sizeof(uint64_t));
    for (size_t i = 0; i < *n; i++) {
        for (size_t k = 0; k < nfields; k++) {
            uint64_t v = bc_get_varint(&c);
            if (c.bad)
                return fail(D, "truncated %s section (entry %zu)", sec, i);
            if (v > max[k])
                return fail(D, "%s entry %zu: field %zu is out of range (%llu)", sec, i, k + 1,
                            (unsigned long long)v);
            (*out)[i * nfields + k] = v;
        }
    }
    return section_end(D, &c, sec);
}

static bool read_tables(Dis *D, const BcFile *f)
{
    uint64_t na = D->natoms - 1, *recs;
    const uint64_t imp_max[] = { na, na, BC_MAX_ARITY };
    if (!read_records(D, f->impt, "IMPT", 3, imp_max, &recs, &D->nimps))
        return false;
    D->imps = (DImport *)recs;
    const uint64_t exp_max[] = { na, BC_MAX_ARITY, UINT64_MAX };
    if (!read_records(D, f->expt, "EXPT", 3, exp_max, &recs, &D->nexps))
        return false;
    D->exps = (DExport *)recs;
    const uint64_t lam_max[] = { na, BC_MAX_ARITY, UINT64_MAX, BC_MAX_ARITY, UINT32_MAX, UINT32_MAX };
    if (!read_records(D, f->funt, "FUNT", 6, lam_max, &recs, &D->nlams))
        return false;
    D->lams = (DLambda *)recs;
    return true;
}

static bool read_lines(Dis *D, const BcFile *f)
{
    BcCursor c;
    if (!read_names(D, f->line, "LINE", &D->files, &D->nfiles, &c))
        return false;
    if (!f->line.present)
        return true;
    if (!read_count(D, &c, 2, "LINE", &D->nlines))
        return false;
    D->lines = at_alloc(&D->arena, D->nlines * sizeof *D->lines);
    for (size_t i = 0; i < D->nlines; i++) {
        D->lines[i].file = bc_get_varint(&c);
        D->lines[i].line = bc_get_varint(&c);
        if (c.bad)
            return fail(D, "truncated LINE section");
        if (D->lines[i].file >= D->nfiles || D->lines[i].line > UINT32_MAX)
            return fail(D, "line entry %zu is out of range", i + 1);
    }
    return section_end(D, &c, "LINE");
}

/* ---- code */

/* Whether operand v may stand where the kind letter says ('c': a constant
 * of a select list), with its index or number in range. */
static bool operand_ok(const Dis *D, char kind, const BcOperand *v)
{
    switch (v->tag) {
    case BC_X: return (kind == 's' || kind == 'd' || kind == 'x') && v->u < BC_MAX_X;
    case BC_Y: return (kind == 's' || kind == 'd' || kind == 'y') && v->u < BC_MAX_Y;
    case BC_INT:
    case BC_NIL: return kind == 's' || kind == 'c';
    case BC_FLOAT: return (kind == 's' || kind == 'c') && isfinite(v->f);
    case BC_ATOM: return (kind == 's' || kind == 'c' || kind == 'a' || kind == 't') && v->u < D->natoms;
    case BC_LIT: return (kind == 's' || kind == 'c') && v->u < D->nlits;
    case BC_LABEL: return (kind == 'f' || kind == 'j' || kind == 't') && v->u < D->label_count && (kind != 'j' || v->u != 0);
    case BC_UINT: return kind == 'u';
    case BC_IMPORT: return (kind == 'e' || kind == 'b') && v->u < D->nimps;
    case BC_LAMBDA: return kind == 'F' && v->u < D->nlams;
    case BC_LIST: return kind == 'S' || kind == 'A' || kind == 'V' || kind == 'Y';
    default: return false;
    }
}

static bool read_operand(Dis *D, BcCursor *c, char kind, DOp *o, size_t at)
{
    if (!bc_get_operand(c, &o->v))
        return fail(D, "truncated or bad operand in the instruction at code offset %zu", at);
    if (!operand_ok(D, kind, &o->v))
        return fail(D, "bad operand (tag %u) for kind '%c' in the instruction at code offset %zu", o->v.tag, kind,
                    at);
    if (o->v.tag != BC_LIST)
        return true;
    uint64_t n = o->v.u;
    if (n > BC_MAX_LIST || n > (uint64_t)(c->end - c->p) || ((kind == 'S' || kind == 'A') && n % 2))
        return fail(D, "bad list operand of %llu items at code offset %zu", (unsigned long long)n, at);
    o->items = at_alloc(&D->arena, (size_t)n * sizeof(DOp));
    for (size_t i = 0; i < n; i++) {
        char ik = kind == 'V' ? 's' : kind == 'Y' ? 'y' : i % 2 ? 'j' : kind == 'S' ? 'c' : 'u';
        if (!read_operand(D, c, ik, &o->items[i], at))
            return false;
    }
    return true;
}

static bool read_code(Dis *D, const BcFile *f)
{
    BcCursor c = cursor(f->code);
    D->label_count = bc_get_varint(&c);
    D->func_count = bc_get_varint(&c);
    if (c.bad)
        return fail(D, "truncated CODE section");
    if (D->label_count == 0 || D->label_count > (uint64_t)ASM_MAX_LABEL + 1)
        return fail(D, "bad label count %llu", (unsigned long long)D->label_count);
    while (!bc_at_end(&c)) {
        size_t at = (size_t)(c.p - f->code.data);
        uint64_t num = bc_get_varint(&c);
        if (c.bad)
            return fail(D, "truncated instruction at code offset %zu", at);
        const BcOpInfo *op = num <= BC_MAX_OPCODE ? bc_op_info((unsigned)num) : NULL;
        if (!op)
            return fail(D, "unknown opcode %llu at code offset %zu", (unsigned long long)num, at);
        D->insns = at_grow(D->insns, &D->cap_insns, D->ninsns + 1, sizeof *D->insns);
        DInsn *in = &D->insns[D->ninsns++];
        memset(in, 0, sizeof *in);
        in->op = op;
        for (size_t k = 0; op->operands[k]; k++)
            if (!read_operand(D, &c, op->operands[k], &in->ops[k], at))
                return false;
    }
    return true;
}

/* ---- structure */

static bool same_name(const Dis *D, uint64_t a, uint64_t b)
{
    return D->atoms[a].len == D->atoms[b].len && memcmp(D->atoms[a].text, D->atoms[b].text, D->atoms[a].len) == 0;
}

/* Labels defined once each, the label count right, line indexes in
 * range: what the assembler would recompute the same way. */
static bool check_labels(Dis *D)
{
    uint64_t max = 0;
    for (size_t i = 0; i < D->ninsns; i++)
        if (D->insns[i].op->number == OP_LABEL && D->insns[i].ops[0].v.u > max)
            max = D->insns[i].ops[0].v.u;
    if (max + 1 != D->label_count)
        return fail(D, "label count %llu does not match the highest label %llu", (unsigned long long)D->label_count,
                    (unsigned long long)max);
    uint8_t *seen = calloc((size_t)D->label_count, 1);
    if (!seen)
        return fail(D, "label count %llu is too large", (unsigned long long)D->label_count);
    bool ok = true;
    for (size_t i = 0; i < D->ninsns && ok; i++) {
        const DInsn *in = &D->insns[i];
        uint64_t v = in->ops[0].v.u;
        if (in->op->number == OP_LABEL) {
            if (v == 0 || seen[v])
                ok = fail(D, "label %llu is out of range or defined twice", (unsigned long long)v);
            else
                seen[v] = 1;
        } else if (in->op->number == OP_LINE && v > D->nlines) {
            ok = fail(D, "line index %llu is out of range", (unsigned long long)v);
        }
    }
    for (size_t i = 0; i < D->ninsns && ok; i++)
        for (size_t k = 0; D->insns[i].op->operands[k] && ok; k++) {
            const DOp *o = &D->insns[i].ops[k];
            for (size_t j = 0; j < (o->v.tag == BC_LIST ? o->v.u : 1) && ok; j++) {
                const BcOperand *v = o->v.tag == BC_LIST ? &o->items[j].v : &o->v;
                if (v->tag == BC_LABEL && v->u && !seen[v->u])
                    ok = fail(D, "label %llu is used but never defined", (unsigned long long)v->u);
            }
        }
    free(seen);
    return ok;
}

/* Finds the functions: each func_info, followed by its entry label, with
 * the labels and lines just before it. */
static bool find_functions(Dis *D)
{
    D->funcs = at_alloc(&D->arena, D->ninsns * sizeof *D->funcs);
    size_t lower = 0;
    for (size_t i = 0; i < D->ninsns; i++) {
        if (D->insns[i].op->number != OP_FUNC_INFO)
            continue;
        if (i + 1 >= D->ninsns || D->insns[i + 1].op->number != OP_LABEL)
            return fail(D, "the func_info at instruction %zu is not followed by a label", i);
        size_t start = i;
        while (start > lower && (D->insns[start - 1].op->number == OP_LABEL || D->insns[start - 1].op->number == OP_LINE))
            start--;
        if (D->nfuncs == 0 && start != 0)
            return fail(D, "instructions before the first function");
        D->funcs[D->nfuncs++] = (DFunc){ i, start, D->insns[i + 1].ops[0].v.u };
        lower = i + 2;
    }
    if (D->nfuncs == 0 && D->ninsns > 0)
        return fail(D, "code without any function (no func_info)");
    KeyMap names = { 0 };
    bool ok = true;
    for (size_t i = 0; i < D->nfuncs && ok; i++) {
        const DInsn *fi = &D->insns[D->funcs[i].fi];
        const DName *name = &D->atoms[fi->ops[1].v.u];
        if (!same_name(D, fi->ops[0].v.u, 0) || fi->ops[2].v.u > BC_MAX_ARITY) {
            ok = fail(D, "the func_info at instruction %zu does not name a function of this module",
                      D->funcs[i].fi);
            break;
        }
        char key[260]; /* arity byte, then the name (at most 255 bytes) */
        uint32_t prev;
        key[0] = (char)fi->ops[2].v.u;
        memcpy(key + 1, name->text, name->len);
        if (km_get(&names, key, name->len + 1, &prev))
            ok = fail(D, "two functions with the same name and arity (func_info at instruction %zu)",
                      D->funcs[i].fi);
        km_put(&names, key, name->len + 1, (uint32_t)i);
        km_put(&D->func_by_entry, &D->funcs[i].entry, sizeof(uint64_t), (uint32_t)i);
    }
    km_free(&names);
    if (!ok)
        return false;
    if (D->nfuncs != D->func_count)
        return fail(D, "the CODE section counts %llu functions but has %zu", (unsigned long long)D->func_count,
                    D->nfuncs);
    return true;
}

/* The function whose entry is label, or NULL. */
static const DFunc *func_at(const Dis *D, uint64_t label)
{
    uint32_t i;
    return km_get(&D->func_by_entry, &label, sizeof label, &i) ? &D->funcs[i] : NULL;
}

/* Exports and lambdas name functions by their entry labels; the text names
 * them by name and arity, so the two must agree. */
static bool check_refs(Dis *D)
{
    KeyMap exported = { 0 };
    bool ok = true;
    for (size_t i = 0; i < D->nexps && ok; i++) {
        const DExport *e = &D->exps[i];
        const DFunc *f = func_at(D, e->label);
        const DInsn *fi = f ? &D->insns[f->fi] : NULL;
        uint32_t j;
        if (!f || !same_name(D, fi->ops[1].v.u, e->name) || fi->ops[2].v.u != e->arity)
            ok = fail(D, "export %zu does not match the function at its label %llu", i,
                      (unsigned long long)e->label);
        else if (km_get(&exported, &e->label, sizeof e->label, &j))
            ok = fail(D, "export %zu repeats export %u", i, j);
        km_put(&exported, &e->label, sizeof e->label, (uint32_t)i);
    }
    km_free(&exported);
    if (!ok)
        return false;
    for (size_t i = 0; i < D->ninsns; i++) {
        const DInsn *in = &D->insns[i];
        if (strcmp(in->op->name, "make_fun3") != 0)
            continue;
        const DLambda *l = &D->lams[in->ops[0].v.u];
        const DFunc *f = func_at(D, l->label);
        const DInsn *fi = f ? &D->insns[f->fi] : NULL;
        if (!f || !same_name(D, fi->ops[1].v.u, l->name) || fi->ops[2].v.u != l->arity + l->nfree ||
            l->nfree != in->ops[2].v.u)
            return fail(D, "lambda %llu does not match the function at its label %llu",
                        (unsigned long long)in->ops[0].v.u, (unsigned long long)l->label);
    }
    return true;
}

/* ---- printing */

static void put(BcBuf *b, const char *s) { bc_put_bytes(b, s, strlen(s)); }

static void put_u(BcBuf *b, uint64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
    put(b, buf);
}

static void put_atom(BcBuf *b, const Dis *D, uint64_t idx) { at_print_atom(b, D->atoms[idx].text, D->atoms[idx].len); }

static void print_op(BcBuf *b, const Dis *D, const DOp *o)
{
    const BcOperand *v = &o->v;
    switch (v->tag) {
    case BC_X: put(b, "{x,"), put_u(b, v->u), put(b, "}"); break;
    case BC_Y: put(b, "{y,"), put_u(b, v->u), put(b, "}"); break;
    case BC_INT: put(b, "{integer,"), at_print_int64(b, v->i), put(b, "}"); break;
    case BC_ATOM: put(b, "{atom,"), put_atom(b, D, v->u), put(b, "}"); break;
    case BC_NIL: put(b, "nil"); break;
    case BC_LIT: {
        const ATerm *t = D->lits[v->u];
        put(b, t->kind == AT_BIG ? "{integer," : "{literal,");
        at_print(b, t);
        put(b, "}");
        break;
    }
    case BC_FLOAT: put(b, "{float,"), at_print_float(b, v->f), put(b, "}"); break;
    case BC_LABEL: put(b, "{f,"), put_u(b, v->u), put(b, "}"); break;
    case BC_UINT: put_u(b, v->u); break;
    case BC_IMPORT: {
        const DImport *im = &D->imps[v->u];
        put(b, "{extfunc,"), put_atom(b, D, im->mod), put(b, ","), put_atom(b, D, im->fun), put(b, ",");
        put_u(b, im->arity), put(b, "}");
        break;
    }
    case BC_LIST:
        put(b, "{list,[");
        for (size_t i = 0; i < v->u; i++) {
            if (i)
                put(b, ",");
            print_op(b, D, &o->items[i]);
        }
        put(b, "]}");
        break;
    default: put(b, "?"); break;
    }
}

/* Operands from..to-1 separated by commas. */
static void print_ops(BcBuf *b, const Dis *D, const DInsn *in, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        if (k > from)
            put(b, ",");
        print_op(b, D, &in->ops[k]);
    }
}

/* Whether import idx is erlang:Name/arity, so that erlc's bif forms can
 * name it (raise/2 excepted: {bif,raise,...} means the raise instruction). */
static bool is_bif_import(const Dis *D, uint64_t idx, size_t arity)
{
    const DImport *im = &D->imps[idx];
    const DName *m = &D->atoms[im->mod], *f = &D->atoms[im->fun];
    if (im->arity != arity || m->len != 6 || memcmp(m->text, "erlang", 6) != 0)
        return false;
    return !(arity == 2 && f->len == 5 && memcmp(f->text, "raise", 5) == 0);
}

/* erlc's special forms; false if the instruction prints generically. */
static bool print_special(BcBuf *b, const Dis *D, const DInsn *in)
{
    const char *name = in->op->name;
    size_t n = strlen(in->op->operands);
    if (in->op->number == OP_LINE) {
        const DLine *l = in->ops[0].v.u ? &D->lines[in->ops[0].v.u - 1] : NULL;
        put(b, "{line,[");
        if (l) {
            put(b, "{location,");
            at_print_utf8_string(b, (const uint8_t *)D->files[l->file].text, D->files[l->file].len);
            put(b, ","), put_u(b, l->line), put(b, "}");
        }
        put(b, "]}");
    } else if (in->op->operands[0] == 'f' && (strncmp(name, "is_", 3) == 0 || strcmp(name, "test_arity") == 0)) {
        put(b, "{test,"), put(b, name), put(b, ","), print_op(b, D, &in->ops[0]), put(b, ",[");
        print_ops(b, D, in, 1, n), put(b, "]}");
    } else if (strcmp(name, "raise") == 0) {
        put(b, "{bif,raise,{f,0},["), print_ops(b, D, in, 0, 2), put(b, "],{x,0}}");
    } else if (strcmp(name, "bif0") == 0 && is_bif_import(D, in->ops[0].v.u, 0)) {
        put(b, "{bif,"), put_atom(b, D, D->imps[in->ops[0].v.u].fun), put(b, ",{f,0},[],");
        print_op(b, D, &in->ops[1]), put(b, "}");
    } else if ((strcmp(name, "bif1") == 0 || strcmp(name, "bif2") == 0) && is_bif_import(D, in->ops[1].v.u, n - 3)) {
        put(b, "{bif,"), put_atom(b, D, D->imps[in->ops[1].v.u].fun), put(b, ","), print_op(b, D, &in->ops[0]);
        put(b, ",["), print_ops(b, D, in, 2, n - 1), put(b, "],"), print_op(b, D, &in->ops[n - 1]), put(b, "}");
    } else if (strncmp(name, "gc_bif", 6) == 0 && is_bif_import(D, in->ops[2].v.u, n - 4)) {
        put(b, "{gc_bif,"), put_atom(b, D, D->imps[in->ops[2].v.u].fun), put(b, ",");
        print_ops(b, D, in, 0, 2), put(b, ",["), print_ops(b, D, in, 3, n - 1), put(b, "],");
        print_op(b, D, &in->ops[n - 1]), put(b, "}");
    } else if (strcmp(name, "make_fun3") == 0) {
        const DLambda *l = &D->lams[in->ops[0].v.u];
        put(b, "{make_fun3,{f,"), put_u(b, l->label), put(b, "},"), put_u(b, l->index), put(b, ",");
        put_u(b, l->uniq), put(b, ","), print_ops(b, D, in, 1, 3), put(b, "}");
    } else {
        return false;
    }
    return true;
}

static void print_insn(BcBuf *b, const Dis *D, const DInsn *in)
{
    size_t n = strlen(in->op->operands);
    put(b, in->op->number == OP_LABEL ? "  " : "    ");
    if (!print_special(b, D, in)) {
        if (n)
            put(b, "{");
        at_print_atom(b, in->op->name, strlen(in->op->name));
        if (n)
            put(b, ","), print_ops(b, D, in, 0, n), put(b, "}");
    }
    put(b, ".\n");
}

static void print_module(BcBuf *b, const Dis *D)
{
    put(b, "{module, "), put_atom(b, D, 0), put(b, "}.\n\n{exports, [");
    for (size_t i = 0; i < D->nexps; i++) {
        if (i)
            put(b, ",\n           ");
        put(b, "{"), put_atom(b, D, D->exps[i].name), put(b, ","), put_u(b, D->exps[i].arity), put(b, "}");
    }
    put(b, "]}.\n\n{attributes, []}.\n\n{labels, "), put_u(b, D->label_count), put(b, "}.\n");
    for (size_t f = 0; f < D->nfuncs; f++) {
        const DFunc *fn = &D->funcs[f];
        const DInsn *fi = &D->insns[fn->fi];
        put(b, "\n\n{function, "), put_atom(b, D, fi->ops[1].v.u), put(b, ", "), put_u(b, fi->ops[2].v.u);
        put(b, ", "), put_u(b, fn->entry), put(b, "}.\n");
        size_t end = f + 1 < D->nfuncs ? D->funcs[f + 1].start : D->ninsns;
        for (size_t i = fn->start; i < end; i++)
            print_insn(b, D, &D->insns[i]);
    }
}

bool dis_disassemble(const uint8_t *bc, size_t len, FILE *out, char *err, size_t errlen)
{
    Dis *D = calloc(1, sizeof *D);
    if (!D)
        abort();
    D->err = err;
    D->errlen = errlen;
    if (errlen)
        err[0] = 0;
    at_arena_init(&D->arena);
    BcFile f;
    bool ok = bc_parse(bc, len, &f, err, errlen);
    ok = ok && read_atoms(D, &f) && read_literals(D, &f) && read_tables(D, &f) && read_lines(D, &f) &&
         read_code(D, &f) && check_labels(D) && find_functions(D) && check_refs(D);
    if (ok) {
        BcBuf text = { 0 };
        print_module(&text, D);
        if (text.len && fwrite(text.data, 1, text.len, out) != text.len)
            ok = fail(D, "write error");
        bc_buf_free(&text);
    }
    free(D->insns);
    km_free(&D->func_by_entry);
    at_arena_free(&D->arena);
    free(D);
    return ok;
}
