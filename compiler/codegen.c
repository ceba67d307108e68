/* codegen.c - the back end of the Erlang-subset compiler: a checked module
 * tree (ast.h) to assembly text in erlc -S syntax (docs/asm.md). This file
 * holds the driver (cg_generate: every function through the three passes,
 * then the module's header and export list) and the context utilities.
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
 *    thousand computed elements) is reported as an error, not spilled.
 *
 * Files (internal headers: codegen_int.h for what every pass shares,
 * codegen_lower.h for the lowering files, codegen_emit.h for emission):
 *   codegen.c         the driver, allocation and error reporting
 *   codegen_bif.c     which calls are BIFs, guard BIFs, gc_bifs
 *   codegen_const.c   constants: building, evaluating, printing as text
 *   codegen_lower.c   lowering infrastructure: environment, K statements
 *   codegen_expr.c    lowering of expressions, calls, terms, funs
 *   codegen_match.c   lowering of patterns, guards, clauses, case, if, =
 *   codegen_try.c     lowering of try, catch and receive
 *   codegen_lc.c      lowering of list comprehensions
 *   codegen_live.c    liveness and the other per-function analyses
 *   codegen_emit.c    emission: registers, operands, moves, statements
 *   codegen_branch.c  emission of guards, clause selection and the
 *                     structured statements (match, try, catch, receive) */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_int.h"

#include "parser.h"

/* ---- the module context */

void *cg_alloc(Cg *c, size_t n)
{
    void *p = ast_alloc(c->ar, n ? n : 1);
    if (!p) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    return p;
}

char *cg_strdup(Cg *c, const char *s) { return ast_strndup(c->ar, s, strlen(s)); }

char *cg_printf(Cg *c, const char *fmt, ...)
{
    AstBuf b = { 0 };
    va_list ap;
    va_start(ap, fmt);
    ast_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    char *s = ast_strndup(c->ar, b.s ? b.s : "", b.len);
    free(b.s);
    if (!s) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    return s;
}

/* Grows an arena array of elements of size sz to hold n + 1 of them. */
void *cg_grow(Cg *c, void *v, int n, int *cap, size_t sz)
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

/* Reports an error on the current form's file; the module then fails. */
void cg_error(Cg *c, int line, int col, const char *fmt, ...)
{
    AstBuf b = { 0 };
    va_list ap;
    va_start(ap, fmt);
    ast_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    front_report(c->u, c->d, c->file, "error", line, col, "%s", b.s ? b.s : "out of memory");
    free(b.s);
    c->failed = true;
}

/* ---- functions and the module */

/* Reads the attributes codegen needs: imports and no_auto_import. */
static void read_attributes(Cg *c)
{
    const CompUnit *u = c->u;
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        if (f->kind == AST_FORM_IMPORT) {
            int cap = c->nimports;
            for (int j = 0; j < f->u.import.n; j++) {
                c->imports = cg_grow(c, c->imports, c->nimports, &cap, sizeof *c->imports);
                c->imports[c->nimports++] =
                    (Import){ f->u.import.funs[j].name, f->u.import.funs[j].arity, f->u.import.module };
            }
        }
    }
}

/* -compile(export_all), alone or in a list of options. */
static bool has_export_all(const AstExpr *o)
{
    if (cg_is_atom_named(o, "export_all"))
        return true;
    for (; o->kind == AST_LIST; o = o->u.list.tail)
        for (int i = 0; i < o->u.list.elems.n; i++)
            if (has_export_all(o->u.list.elems.items[i]))
                return true;
    return false;
}


typedef struct {
    const char *name;
    int arity;
} ExportEnt;

static int export_cmp(const void *a, const void *b)
{
    const ExportEnt *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : x->arity - y->arity;
}

/* The export list as erlc writes it: sorted, each function once, with
 * module_info/0,1. */
static void put_exports(Cg *c, AstBuf *out)
{
    bool all = false;
    int n = 2;
    for (int i = 0; i < c->u->nforms; i++) {
        const AstForm *f = &c->u->forms[i];
        if (f->kind == AST_FORM_ATTRIBUTE && strcmp(f->u.attribute.name, "compile") == 0)
            all |= has_export_all(f->u.attribute.value);
        if (f->kind == AST_FORM_EXPORT)
            n += f->u.export_.n;
    }
    if (all)
        n = c->nlocals;
    ExportEnt *v = cg_alloc(c, (size_t)n * sizeof *v);
    int k = 0;
    if (all) {
        for (int i = 0; i < c->nlocals; i++)
            v[k++] = (ExportEnt){ c->locals[i]->name, c->locals[i]->arity };
    } else {
        for (int i = 0; i < c->u->nforms; i++) {
            const AstForm *f = &c->u->forms[i];
            for (int j = 0; f->kind == AST_FORM_EXPORT && j < f->u.export_.n; j++)
                v[k++] = (ExportEnt){ f->u.export_.funs[j].name, f->u.export_.funs[j].arity };
        }
        v[k++] = (ExportEnt){ "module_info", 0 };
        v[k++] = (ExportEnt){ "module_info", 1 };
    }
    qsort(v, (size_t)k, sizeof *v, export_cmp);
    ast_buf_puts(out, "{exports, [");
    for (int i = 0; i < k; i++) {
        if (i && export_cmp(&v[i - 1], &v[i]) == 0)
            continue;
        ast_buf_puts(out, i ? ",{" : "{");
        cg_put_atom(out, v[i].name, strlen(v[i].name));
        ast_buf_printf(out, ",%d}", v[i].arity);
    }
    ast_buf_puts(out, "]}.\n\n{attributes, []}.\n\n");
}

/* module_info/0,1, which erlc adds to every module (and exports):
 *     module_info() -> erlang:get_module_info(Module).
 *     module_info(What) -> erlang:get_module_info(Module, What).
 * They come after the source functions, without line numbers. */
static AstExpr *atom_node(Cg *c, const char *name)
{
    AstExpr *e = cg_mk_node(c, AST_ATOM, 0);
    e->u.atom.name = name;
    e->u.atom.len = strlen(name);
    return e;
}

static void add_module_info(Cg *c)
{
    c->file = 0;
    for (int arity = 0; arity <= 1; arity++) {
        if (cg_find_local(c, "module_info", arity))
            continue; /* defined in the source: sema reported it */
        AstExpr *call = cg_mk_node(c, AST_CALL, 0);
        call->u.call.mod = atom_node(c, "erlang");
        call->u.call.fun = atom_node(c, "get_module_info");
        call->u.call.args.n = 1 + arity;
        call->u.call.args.items = cg_alloc(c, 2 * sizeof(AstExpr *));
        call->u.call.args.items[0] = atom_node(c, c->module);
        AstClause *cl = cg_alloc(c, sizeof *cl);
        if (arity) {
            AstExpr *v = cg_mk_node(c, AST_VAR, 0);
            v->u.var.name = "What";
            call->u.call.args.items[1] = v;
            cl->pats.n = 1;
            cl->pats.items = cg_alloc(c, sizeof(AstExpr *));
            cl->pats.items[0] = cg_mk_node(c, AST_VAR, 0);
            cl->pats.items[0]->u.var.name = "What";
        }
        cl->body.n = 1;
        cl->body.items = cg_alloc(c, sizeof(AstExpr *));
        cl->body.items[0] = call;
        AstForm *f = cg_alloc(c, sizeof *f);
        f->kind = AST_FORM_FUNCTION;
        f->u.function.name = "module_info";
        f->u.function.arity = arity;
        f->u.function.clauses = cl;
        f->u.function.nclauses = 1;
        KFun *kf = cg_new_kfun(c, "module_info", arity, 0);
        kf->form = f;
        c->locals[c->nlocals++] = kf;
    }
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
    c.locals = cg_alloc(&c, (size_t)(nf + 2) * sizeof *c.locals);
    for (int i = 0; i < u->nforms; i++) {
        const AstForm *f = &u->forms[i];
        if (f->kind != AST_FORM_FUNCTION || cg_find_local(&c, f->u.function.name, f->u.function.arity))
            continue;
        c.file = f->file;
        KFun *kf = cg_new_kfun(&c, f->u.function.name, f->u.function.arity, f->line);
        kf->form = f;
        c.locals[c.nlocals++] = kf;
    }
    add_module_info(&c);
    for (int i = 0; i < c.nlocals; i++) {
        c.file = c.locals[i]->file;
        c.capture_reported = false;
        cg_lower_function(&c, c.locals[i], c.locals[i]->form);
    }
    for (KFun *f = c.funs; f; f = f->next) {
        cg_analyse(&c, f);
        f->info_label = c.next_label++;
        f->entry_label = c.next_label++;
    }
    AstBuf body = { 0 };
    if (!c.failed)
        for (KFun *f = c.funs; f; f = f->next)
            cg_gen_function(&c, f, &body);
    bool ok = !c.failed;
    if (ok) {
        AstBuf head = { 0 };
        ast_buf_puts(&head, "{module, ");
        cg_put_atom(&head, c.module, strlen(c.module));
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
