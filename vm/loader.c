/* loader.c - turns a .bc image into a loaded module.
 *
 * The steps, each of which may refuse the file with a one-line error:
 *   1. split the container into sections (bcfile.c);
 *   2. read the atom, literal, import, export, lambda and line tables,
 *      checking every count and index;
 *   3. decode every instruction, checking each operand's tag against the
 *      kinds opcodes.def declares and every index against its table;
 *   4. find the functions and labels;
 *   5. verify each function (verify.c): stack frames, heap reservations,
 *      catch markers, jump targets;
 *   6. lay out direct-threaded code, specialising by operand kind
 *      (emit.c), then publish the exports.
 * Nothing is published until everything has been checked, so a refused file
 * leaves no trace. */
#include "loader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "ext_term.h"
#include "export.h"

void ld_error(Loader *ld, const char *fmt, ...)
{
    if (ld->failed)
        return;
    ld->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ld->err, ld->errlen, fmt, ap);
    va_end(ap);
    /* Names from the file may hold any bytes: keep the error on one line. */
    for (char *c = ld->err; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = '?';
}

/* ---- literal area: a chain of malloc'd blocks owned by the module */

typedef struct LitBlock {
    struct LitBlock *next;
    size_t used, size;
    Term words[];
} LitBlock;

Term *ld_lit_alloc(void *ctx, size_t words)
{
    Loader *ld = ctx;
    LitBlock *b = ld->lits;
    if (!b || b->size - b->used < words) {
        size_t size = words > 4096 ? words : 4096;
        b = malloc(sizeof *b + size * sizeof(Term));
        if (!b)
            return NULL;
        b->next = ld->lits;
        b->used = 0;
        b->size = size;
        ld->lits = b;
    }
    Term *r = b->words + b->used;
    b->used += words;
    return r;
}

void ld_lit_free(Loader *ld)
{
    while (ld->lits) {
        LitBlock *n = ld->lits->next;
        free(ld->lits);
        ld->lits = n;
    }
}

/* ---- tables */

static void *xcalloc(Loader *ld, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        ld_error(ld, "out of memory");
    return p;
}

/* A count read from a section must be plausible: each entry takes at least
 * `min_bytes`, so a count larger than the remaining bytes allow is bogus
 * (and would make us allocate absurd amounts). */
static uint64_t get_count(Loader *ld, BcCursor *c, size_t min_bytes, const char *what)
{
    uint64_t n = bc_get_varint(c);
    if (c->bad || n > (uint64_t)(c->end - c->p) / min_bytes) {
        ld_error(ld, "%s table count %llu is larger than its section", what, (unsigned long long)n);
        return 0;
    }
    return n;
}

static void read_atoms(Loader *ld)
{
    BcCursor c = bc_cursor(ld->file.atom);
    uint64_t n = get_count(ld, &c, 1, "atom");
    if (ld->failed)
        return;
    if (n == 0) {
        ld_error(ld, "atom table is empty (atom 0 must name the module)");
        return;
    }
    ld->atoms = xcalloc(ld, n, sizeof(Term));
    if (!ld->atoms)
        return;
    ld->natoms = (uint32_t)n;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t len = bc_get_varint(&c);
        const uint8_t *text = c.bad ? NULL : bc_get_bytes(&c, len);
        if (!text) {
            ld_error(ld, "atom %llu runs past the end of the atom table", (unsigned long long)i);
            return;
        }
        if (len > ATOM_MAX_LEN) {
            ld_error(ld, "atom %llu is %llu bytes long (at most %d)", (unsigned long long)i,
                     (unsigned long long)len, ATOM_MAX_LEN);
            return;
        }
        ld->atoms[i] = atom_intern((const char *)text, len);
        if (ld->atoms[i] == THE_NON_VALUE) {
            ld_error(ld, "atom %llu has more than %d characters, or the atom table is full", (unsigned long long)i, ATOM_MAX_CHARS);
            return;
        }
    }
    if (!bc_at_end(&c))
        ld_error(ld, "stray bytes at the end of the atom table");
    ld->module_name = ld->atoms[0];
}

static void read_literals(Loader *ld)
{
    if (!ld->file.litt.present)
        return;
    BcCursor c = bc_cursor(ld->file.litt);
    uint64_t n = get_count(ld, &c, 2, "literal");
    if (ld->failed)
        return;
    ld->literals = xcalloc(ld, n, sizeof(Term));
    if (!ld->literals)
        return;
    ld->nliterals = (uint32_t)n;
    for (uint64_t i = 0; i < n && !ld->failed; i++) {
        uint64_t len = bc_get_varint(&c);
        const uint8_t *bytes = c.bad ? NULL : bc_get_bytes(&c, len);
        if (!bytes) {
            ld_error(ld, "literal %llu runs past the end of the literal table", (unsigned long long)i);
            return;
        }
        char msg[160];
        Term t = ext_decode(bytes, len, ld_lit_alloc, ld, msg, sizeof msg);
        if (t == THE_NON_VALUE)
            ld_error(ld, "literal %llu: %s", (unsigned long long)i, msg);
        ld->literals[i] = t;
    }
    if (!ld->failed && !bc_at_end(&c))
        ld_error(ld, "stray bytes at the end of the literal table");
}

static bool atom_index_ok(Loader *ld, uint64_t i, const char *what)
{
    if (i >= ld->natoms) {
        ld_error(ld, "%s refers to atom %llu, but there are only %u", what, (unsigned long long)i, ld->natoms);
        return false;
    }
    return true;
}

static void read_imports(Loader *ld)
{
    if (!ld->file.impt.present)
        return;
    BcCursor c = bc_cursor(ld->file.impt);
    uint64_t n = get_count(ld, &c, 3, "import");
    if (ld->failed)
        return;
    ld->imports = xcalloc(ld, n, sizeof(Export *));
    if (!ld->imports)
        return;
    ld->nimports = (uint32_t)n;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t m = bc_get_varint(&c), f = bc_get_varint(&c), a = bc_get_varint(&c);
        if (c.bad) {
            ld_error(ld, "import table truncated");
            return;
        }
        if (!atom_index_ok(ld, m, "import") || !atom_index_ok(ld, f, "import"))
            return;
        if (a > BC_MAX_ARITY) {
            ld_error(ld, "import %llu has arity %llu (at most %d)", (unsigned long long)i, (unsigned long long)a,
                     BC_MAX_ARITY);
            return;
        }
        ld->imports[i] = export_get(ld->atoms[m], ld->atoms[f], (unsigned)a);
        if (!ld->imports[i]) {
            ld_error(ld, "out of memory");
            return;
        }
    }
    if (!bc_at_end(&c))
        ld_error(ld, "stray bytes at the end of the import table");
}

static void read_exports(Loader *ld)
{
    if (!ld->file.expt.present)
        return;
    BcCursor c = bc_cursor(ld->file.expt);
    uint64_t n = get_count(ld, &c, 3, "export");
    if (ld->failed)
        return;
    ld->exports = xcalloc(ld, n, sizeof *ld->exports);
    if (!ld->exports)
        return;
    ld->nexports = (uint32_t)n;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t f = bc_get_varint(&c), a = bc_get_varint(&c), l = bc_get_varint(&c);
        if (c.bad) {
            ld_error(ld, "export table truncated");
            return;
        }
        if (!atom_index_ok(ld, f, "export"))
            return;
        ld->exports[i].name = ld->atoms[f];
        ld->exports[i].arity = (uint32_t)(a > 0xffffffffu ? 0xffffffffu : a);
        ld->exports[i].label = (uint32_t)(l > 0xffffffffu ? 0xffffffffu : l);
    }
    if (!bc_at_end(&c))
        ld_error(ld, "stray bytes at the end of the export table");
}

static void read_lambdas(Loader *ld)
{
    if (!ld->file.funt.present)
        return;
    BcCursor c = bc_cursor(ld->file.funt);
    uint64_t n = get_count(ld, &c, 6, "lambda");
    if (ld->failed)
        return;
    ld->lambdas = xcalloc(ld, n, sizeof *ld->lambdas);
    ld->lambda_labels = xcalloc(ld, n, sizeof(uint32_t));
    if (!ld->lambdas || !ld->lambda_labels)
        return;
    ld->nlambdas = (uint32_t)n;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t name = bc_get_varint(&c), arity = bc_get_varint(&c), label = bc_get_varint(&c);
        uint64_t nfree = bc_get_varint(&c), index = bc_get_varint(&c), uniq = bc_get_varint(&c);
        if (c.bad) {
            ld_error(ld, "lambda table truncated");
            return;
        }
        if (!atom_index_ok(ld, name, "lambda"))
            return;
        if (index > UINT32_MAX || uniq > UINT32_MAX) {
            ld_error(ld, "lambda %llu: index or uniq does not fit in 32 bits", (unsigned long long)i);
            return;
        }
        if (arity > BC_MAX_ARITY || nfree > BC_MAX_ARITY || arity + nfree > BC_MAX_ARITY) {
            ld_error(ld, "lambda %llu has arity %llu and %llu free variables (at most %d together)",
                     (unsigned long long)i, (unsigned long long)arity, (unsigned long long)nfree, BC_MAX_ARITY);
            return;
        }
        FunEntry *fe = &ld->lambdas[i];
        fe->name = ld->atoms[name];
        fe->arity = (unsigned)arity;
        fe->nfree = (unsigned)nfree;
        fe->index = (uint32_t)index;
        fe->uniq = (uint32_t)uniq;
        ld->lambda_labels[i] = (uint32_t)(label > 0xffffffffu ? 0xffffffffu : label);
    }
    if (!bc_at_end(&c))
        ld_error(ld, "stray bytes at the end of the lambda table");
}

static void read_lines(Loader *ld)
{
    if (!ld->file.line.present)
        return;
    BcCursor c = bc_cursor(ld->file.line);
    uint64_t nf = get_count(ld, &c, 1, "line file");
    if (ld->failed)
        return;
    ld->files = xcalloc(ld, nf, sizeof(Term));
    if (!ld->files)
        return;
    ld->nfiles = (uint32_t)nf;
    for (uint64_t i = 0; i < nf; i++) {
        uint64_t len = bc_get_varint(&c);
        const uint8_t *text = c.bad ? NULL : bc_get_bytes(&c, len);
        if (!text || len > ATOM_MAX_LEN) {
            ld_error(ld, "bad file name %llu in the line table", (unsigned long long)i);
            return;
        }
        ld->files[i] = atom_intern((const char *)text, len);
        if (ld->files[i] == THE_NON_VALUE) {
            ld_error(ld, "bad file name %llu in the line table (too long)", (unsigned long long)i);
            return;
        }
    }
    uint64_t ne = get_count(ld, &c, 2, "line");
    if (ld->failed)
        return;
    ld->line_entries = xcalloc(ld, ne + 1, sizeof *ld->line_entries);
    if (!ld->line_entries)
        return;
    ld->nline_entries = (uint32_t)ne + 1; /* entry 0: no location */
    for (uint64_t i = 1; i <= ne; i++) {
        uint64_t file = bc_get_varint(&c), line = bc_get_varint(&c);
        if (c.bad || file >= nf || line > 0xffffffffu) {
            ld_error(ld, "bad line table entry %llu", (unsigned long long)i);
            return;
        }
        ld->line_entries[i].file = (uint32_t)file;
        ld->line_entries[i].line = (uint32_t)line;
    }
    if (!bc_at_end(&c))
        ld_error(ld, "stray bytes at the end of the line table");
}

/* ---- instructions */

static bool push_operand(Loader *ld, const BcOperand *op)
{
    if (ld->nops == ld->ops_cap) {
        size_t cap = ld->ops_cap ? ld->ops_cap * 2 : 1024;
        BcOperand *o = realloc(ld->ops, cap * sizeof *o);
        if (!o) {
            ld_error(ld, "out of memory");
            return false;
        }
        ld->ops = o;
        ld->ops_cap = cap;
    }
    ld->ops[ld->nops++] = *op;
    return true;
}

static bool is_const_tag(uint8_t t)
{
    return t == BC_INT || t == BC_ATOM || t == BC_NIL || t == BC_LIT || t == BC_FLOAT;
}

static const char *tag_name(uint8_t t)
{
    static const char *names[] = { "x register", "y register", "integer", "atom", "nil", "literal",
                                   "label", "unsigned", "import", "lambda", "list", "float" };
    return t < BC_NTAGS ? names[t] : "unknown operand";
}

/* Checks an operand's value against its table (registers, indices). */
static bool operand_in_range(Loader *ld, const BcOperand *op, const char *where)
{
    switch (op->tag) {
    case BC_X:
        if (op->u >= BC_MAX_X) {
            ld_error(ld, "%s: x register %llu out of range (at most %d)", where, (unsigned long long)op->u,
                     BC_MAX_X - 1);
            return false;
        }
        if (op->u + 1 > ld->max_x)
            ld->max_x = (unsigned)op->u + 1;
        return true;
    case BC_Y:
        if (op->u >= BC_MAX_Y) {
            ld_error(ld, "%s: y register %llu out of range", where, (unsigned long long)op->u);
            return false;
        }
        return true;
    case BC_ATOM:
        return atom_index_ok(ld, op->u, where);
    case BC_LIT:
        if (op->u >= ld->nliterals) {
            ld_error(ld, "%s: literal %llu out of range (%u literals)", where, (unsigned long long)op->u,
                     ld->nliterals);
            return false;
        }
        return true;
    case BC_IMPORT:
        if (op->u >= ld->nimports) {
            ld_error(ld, "%s: import %llu out of range (%u imports)", where, (unsigned long long)op->u,
                     ld->nimports);
            return false;
        }
        return true;
    case BC_LAMBDA:
        if (op->u >= ld->nlambdas) {
            ld_error(ld, "%s: lambda %llu out of range (%u lambdas)", where, (unsigned long long)op->u,
                     ld->nlambdas);
            return false;
        }
        return true;
    case BC_LABEL:
        if (op->u >= ld->nlabels) {
            ld_error(ld, "%s: label %llu out of range (%u labels)", where, (unsigned long long)op->u, ld->nlabels);
            return false;
        }
        return true;
    case BC_FLOAT:
        if (op->f != op->f || op->f - op->f != 0) {
            ld_error(ld, "%s: float operand is not finite", where);
            return false;
        }
        return true;
    default:
        return true;
    }
}

/* Does the operand's tag fit the kind letter? For list kinds, the items are
 * checked by check_list_items. */
static bool tag_fits(char kind, uint8_t tag)
{
    switch (kind) {
    case 's': return tag == BC_X || tag == BC_Y || is_const_tag(tag);
    case 'd': return tag == BC_X || tag == BC_Y;
    case 'x': return tag == BC_X;
    case 'y': return tag == BC_Y;
    case 'u': return tag == BC_UINT;
    case 'f': case 'j': return tag == BC_LABEL;
    case 'a': return tag == BC_ATOM;
    case 'e': case 'b': return tag == BC_IMPORT;
    case 'F': return tag == BC_LAMBDA;
    case 't': return tag == BC_LABEL || tag == BC_ATOM;
    case 'S': case 'A': case 'V': case 'Y': return tag == BC_LIST;
    default: return false;
    }
}

static bool list_item_fits(char kind, size_t i, uint8_t tag)
{
    switch (kind) {
    case 'S': return i % 2 == 0 ? is_const_tag(tag) : tag == BC_LABEL;
    case 'A': return i % 2 == 0 ? tag == BC_UINT : tag == BC_LABEL;
    case 'V': return tag == BC_X || tag == BC_Y || is_const_tag(tag);
    case 'Y': return tag == BC_Y;
    default: return false;
    }
}

static bool read_list(Loader *ld, BcCursor *c, char kind, const BcOperand *head, const char *where)
{
    if (head->u > BC_MAX_LIST || ((kind == 'S' || kind == 'A') && head->u % 2)) {
        ld_error(ld, "%s: bad list length %llu", where, (unsigned long long)head->u);
        return false;
    }
    for (uint64_t i = 0; i < head->u; i++) {
        BcOperand item;
        if (!bc_get_operand(c, &item)) {
            ld_error(ld, "%s: truncated list operand", where);
            return false;
        }
        if (!list_item_fits(kind, i, item.tag)) {
            ld_error(ld, "%s: list item %llu is a %s, which does not fit here", where, (unsigned long long)i,
                     tag_name(item.tag));
            return false;
        }
        if (!operand_in_range(ld, &item, where) || !push_operand(ld, &item))
            return false;
    }
    return true;
}

static bool push_instr(Loader *ld, const DInstr *in)
{
    if (ld->ninstrs == ld->instrs_cap) {
        size_t cap = ld->instrs_cap ? ld->instrs_cap * 2 : 256;
        DInstr *d = realloc(ld->instrs, cap * sizeof *d);
        if (!d) {
            ld_error(ld, "out of memory");
            return false;
        }
        ld->instrs = d;
        ld->instrs_cap = cap;
    }
    ld->instrs[ld->ninstrs++] = *in;
    return true;
}

/* x registers an instruction may read without naming them: arguments of
 * calls and function heads, live registers kept by a collection, and the
 * values an exception handler receives. The interpreter keeps every register
 * below the highest such number a valid term (see interp.c: clear_x). */
static void note_x_use(Loader *ld, const DInstr *in)
{
    uint64_t n = 4; /* x0..x3: what an exception handler receives */
    switch (in->op) {
    case 2: n = ld->ops[in->arg[2]].u; break;                /* func_info arity */
    case 4: case 5: case 6: case 7: case 8: case 78: case 75:
        n = ld->ops[in->arg[0]].u + 1; break;                /* call arity (+ the fun) */
    case 112: case 113: n = ld->ops[in->arg[0]].u + 2; break; /* apply: + module, function */
    case 178: n = ld->ops[in->arg[1]].u + 1; break;
    case 12: case 14: n = ld->ops[in->arg[1]].u; break;      /* allocate live */
    case 13: case 15: n = ld->ops[in->arg[2]].u; break;
    case 16: n = ld->ops[in->arg[1]].u; break;               /* test_heap live */
    case 124: case 125: case 152: n = ld->ops[in->arg[1]].u + 3; break; /* gc_bif live + args */
    default: break;
    }
    if (n > BC_MAX_X)
        n = BC_MAX_X;
    if (n > ld->max_x)
        ld->max_x = (unsigned)n;
}

static void read_code(Loader *ld)
{
    BcCursor c = bc_cursor(ld->file.code);
    uint64_t nlabels = bc_get_varint(&c), nfuncs = bc_get_varint(&c);
    if (c.bad || nlabels > ld->file.code.size + 1 || nfuncs > ld->file.code.size) {
        ld_error(ld, "code header: implausible label or function count");
        return;
    }
    ld->nlabels = (uint32_t)nlabels;
    ld->nfuncs_declared = (uint32_t)nfuncs;
    while (!bc_at_end(&c) && !ld->failed) {
        char where[96];
        size_t offset = (size_t)(c.p - ld->file.code.data);
        uint64_t opnum = bc_get_varint(&c);
        const BcOpInfo *info = c.bad ? NULL : bc_op_info(opnum > 0xffff ? 0xffff : (unsigned)opnum);
        if (!info) {
            ld_error(ld, "code offset %zu: unknown opcode %llu", offset, (unsigned long long)opnum);
            return;
        }
        snprintf(where, sizeof where, "code offset %zu (%s)", offset, info->name);
        DInstr in = { .op = (uint16_t)opnum, .first = (uint32_t)ld->nops, .n = 0, .offset = (uint32_t)offset };
        for (const char *k = info->operands; *k; k++) {
            BcOperand op;
            if (!bc_get_operand(&c, &op)) {
                ld_error(ld, "%s: truncated instruction", where);
                return;
            }
            if (!tag_fits(*k, op.tag)) {
                ld_error(ld, "%s: operand %d is a %s, which does not fit here", where, in.n + 1, tag_name(op.tag));
                return;
            }
            if (!operand_in_range(ld, &op, where))
                return;
            in.arg[in.n++] = (uint32_t)ld->nops;
            if (!push_operand(ld, &op))
                return;
            if (op.tag == BC_LIST && !read_list(ld, &c, *k, &op, where))
                return;
        }
        note_x_use(ld, &in);
        if (!push_instr(ld, &in))
            return;
    }
}

/* ---- module structure: functions and labels */

static void find_structure(Loader *ld)
{
    ld->label_at = xcalloc(ld, ld->nlabels, sizeof(uint32_t));
    ld->label_func = xcalloc(ld, ld->nlabels, sizeof(uint32_t));
    ld->funcs = xcalloc(ld, ld->ninstrs + 1, sizeof *ld->funcs);
    if (ld->failed)
        return;
    for (uint32_t i = 0; i < ld->nlabels; i++)
        ld->label_at[i] = UINT32_MAX;
    uint32_t cur = UINT32_MAX;
    for (uint32_t i = 0; i < ld->ninstrs; i++) {
        DInstr *in = &ld->instrs[i];
        if (in->op == 2) { /* func_info */
            const BcOperand *m = &ld->ops[in->arg[0]], *f = &ld->ops[in->arg[1]], *a = &ld->ops[in->arg[2]];
            if (ld->atoms[m->u] != ld->module_name) {
                ld_error(ld, "code offset %u: func_info names module '%s', not '%s'", in->offset,
                         atom_cstr(ld->atoms[m->u]), atom_cstr(ld->module_name));
                return;
            }
            if (a->u > BC_MAX_ARITY) {
                ld_error(ld, "code offset %u: function arity %llu too large", in->offset, (unsigned long long)a->u);
                return;
            }
            /* The function starts at the labels just before func_info. */
            uint32_t start = i;
            while (start > 0 && (ld->instrs[start - 1].op == 1 || ld->instrs[start - 1].op == 153))
                start--;
            cur = ld->nfuncs++;
            LdFunc *fn = &ld->funcs[cur];
            fn->name = ld->atoms[f->u];
            fn->arity = (unsigned)a->u;
            fn->first = start;
            fn->info = i;
            fn->entry_label = 0;
            if (i + 1 < ld->ninstrs && ld->instrs[i + 1].op == 1)
                fn->entry_label = (uint32_t)ld->ops[ld->instrs[i + 1].arg[0]].u;
            if (cur > 0)
                ld->funcs[cur - 1].end = start;
            /* Relabel the labels before func_info as belonging to it. */
            for (uint32_t j = start; j < i; j++)
                if (ld->instrs[j].op == 1)
                    ld->label_func[ld->ops[ld->instrs[j].arg[0]].u] = cur;
        }
        if (in->op == 1) {
            uint64_t l = ld->ops[in->arg[0]].u;
            if (l == 0 || l >= ld->nlabels) {
                ld_error(ld, "code offset %u: label %llu out of range", in->offset, (unsigned long long)l);
                return;
            }
            if (ld->label_at[l] != UINT32_MAX) {
                ld_error(ld, "code offset %u: label %llu defined twice", in->offset, (unsigned long long)l);
                return;
            }
            ld->label_at[l] = i;
            ld->label_func[l] = cur;
        } else if (cur == UINT32_MAX && in->op != 153 && in->op != 3) {
            ld_error(ld, "code offset %u: instruction outside any function", in->offset);
            return;
        }
    }
    if (ld->nfuncs > 0)
        ld->funcs[ld->nfuncs - 1].end = ld->ninstrs;
    if (ld->nfuncs != ld->nfuncs_declared) {
        ld_error(ld, "code header declares %u functions, the code has %u", ld->nfuncs_declared, ld->nfuncs);
        return;
    }
    for (uint32_t f = 0; f < ld->nfuncs; f++) {
        LdFunc *fn = &ld->funcs[f];
        if (!fn->entry_label) {
            ld_error(ld, "function %s/%u has no entry label after func_info", atom_cstr(fn->name), fn->arity);
            return;
        }
    }
}

/* The function whose entry is label l, or -1. */
int ld_entry_func(Loader *ld, uint64_t l)
{
    if (l == 0 || l >= ld->nlabels || ld->label_at[l] == UINT32_MAX)
        return -1;
    uint32_t f = ld->label_func[l];
    if (f == UINT32_MAX || ld->funcs[f].entry_label != l)
        return -1;
    return (int)f;
}

static void check_tables(Loader *ld)
{
    for (uint32_t i = 0; i < ld->nexports; i++) {
        int f = ld_entry_func(ld, ld->exports[i].label);
        if (f < 0 || ld->funcs[f].name != ld->exports[i].name || ld->funcs[f].arity != ld->exports[i].arity) {
            ld_error(ld, "export %s/%u: label %u is not the entry of that function", atom_cstr(ld->exports[i].name),
                     ld->exports[i].arity, ld->exports[i].label);
            return;
        }
    }
    for (uint32_t i = 0; i < ld->nlambdas; i++) {
        FunEntry *fe = &ld->lambdas[i];
        int f = ld_entry_func(ld, ld->lambda_labels[i]);
        if (f < 0 || ld->funcs[f].arity != fe->arity + fe->nfree) {
            ld_error(ld, "lambda %u: label %u is not the entry of a function of arity %u", i, ld->lambda_labels[i],
                     fe->arity + fe->nfree);
            return;
        }
    }
}

void ld_free_module(Module *m)
{
    if (!m)
        return;
    LitBlock *b = (LitBlock *)m->literal_area;
    while (b) {
        LitBlock *n = b->next;
        free(b);
        b = n;
    }
    free(m->code);
    free(m->funcs);
    free(m->lines);
    free(m->files);
    free(m->lambdas);
    free(m);
}

/* ---- the whole load */

static void free_loader(Loader *ld)
{
    free(ld->atoms);
    free(ld->literals);
    free(ld->imports);
    free(ld->exports);
    free(ld->lambda_labels);
    free(ld->files);
    free(ld->line_entries);
    free(ld->ops);
    free(ld->instrs);
    free(ld->label_at);
    free(ld->label_func);
    free(ld->funcs);
    free(ld->code);
    free(ld->fixups);
    free(ld->back_refs);
    free(ld->line_marks);
    free(ld->catch_fixups);
}

Module *ld_load(const unsigned char *data, size_t size, Term expect_name, char *err, size_t errlen,
                LdExport **exports, unsigned *nexports, const Instr ***entries)
{
    Loader ld;
    memset(&ld, 0, sizeof ld);
    ld.err = err;
    ld.errlen = errlen;
    if (!bc_parse(data, size, &ld.file, err, errlen))
        return NULL;
    read_atoms(&ld);
    if (!ld.failed && expect_name != THE_NON_VALUE && ld.module_name != expect_name)
        ld_error(&ld, "file holds module '%s', not '%s'", atom_cstr(ld.module_name), atom_cstr(expect_name));
    if (!ld.failed)
        read_literals(&ld);
    if (!ld.failed)
        read_imports(&ld);
    if (!ld.failed)
        read_exports(&ld);
    if (!ld.failed)
        read_lambdas(&ld);
    if (!ld.failed)
        read_lines(&ld);
    if (!ld.failed)
        read_code(&ld);
    if (!ld.failed)
        find_structure(&ld);
    if (!ld.failed)
        check_tables(&ld);
    if (!ld.failed)
        ld_verify(&ld);
    Module *m = NULL;
    if (!ld.failed)
        m = ld_emit(&ld);
    if (!m) {
        free(ld.lambdas);
        ld_lit_free(&ld);
        free(ld.export_entries);
    } else {
        *exports = ld.exports;
        *nexports = ld.nexports;
        *entries = ld.export_entries;
        ld.exports = NULL;
    }
    free_loader(&ld);
    return m;
}
