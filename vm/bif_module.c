/* bif_module.c - BIFs about loaded modules and their code:
 * erlang:get_module_info/1,2 (what every module's module_info/0,1 calls,
 * as erlc generates them), function_exported/3, module_loaded/1 and
 * fun_info/1,2.
 *
 * Shapes and order follow OTP 25: exports and functions in code order,
 * module_info/0's list {module, exports, attributes, compile, md5}. The
 * .bc format keeps no attributes or compiler options, so attributes is
 * [{vsn, [Md5AsInteger]}] (what erlc gives a module without -vsn) and
 * compile is [{version, BytecodeVersion}, {options, []}, {source, File}],
 * File being the file the module was loaded from. */
#include <string.h>

#include "atom.h"
#include "bcfile.h"
#include "bif.h"
#include "bignum.h"
#include "binary.h"
#include "module.h"

typedef enum { I_MODULE, I_EXPORTS, I_FUNCTIONS, I_ATTRIBUTES, I_COMPILE, I_MD5, I_NATIVE, I_BAD } Item;

static Item item_of(Term key)
{
    static const char *const names[] = { "module", "exports", "functions", "attributes", "compile", "md5", "native" };
    if (!is_atom(key))
        return I_BAD;
    const char *s = atom_cstr(key);
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i]) == 0)
            return (Item)i;
    return I_BAD;
}

static bool is_exported(const Module *m, const FuncInfo *f)
{
    Export *e = export_find(m->name, f->name, f->arity);
    const Instr *code = e ? export_code(e) : NULL;
    return code && code >= f->start && code < f->end;
}

/* The version of the code: that of the bytecode format it was loaded from. */
static const char *code_version(void)
{
#define STR2(x) #x
#define STR(x) STR2(x)
    return STR(BC_VERSION_MAJOR) "." STR(BC_VERSION_MINOR);
#undef STR
#undef STR2
}

static size_t count_funcs(const Module *m, bool exported_only)
{
    size_t n = 0;
    for (unsigned i = 0; i < m->nfuncs; i++)
        n += !exported_only || is_exported(m, &m->funcs[i]);
    return n;
}

/* Heap words each item takes (nexp: the exported functions). */
static size_t item_words(const Module *m, Item it, size_t nexp)
{
    switch (it) {
    case I_EXPORTS: return 5 * nexp;
    case I_FUNCTIONS: return 5 * (size_t)m->nfuncs;
    case I_ATTRIBUTES: return 2 + 3 + 2 + big_words(2);
    case I_COMPILE: return 3 * (2 + 3) + 2 * (strlen(code_version()) + strlen(m->source ? m->source : ""));
    case I_MD5: return bin_words(16);
    default: return 0;
    }
}

static Term pair(Process *p, Term a, Term b)
{
    Term t[2] = { a, b };
    return proc_tuple(p, 2, t);
}

static Term string(Process *p, const char *s)
{
    Term r = NIL;
    for (size_t i = strlen(s); i-- > 0;)
        r = proc_cons(p, make_small((unsigned char)s[i]), r);
    return r;
}

static Term func_list(Process *p, const Module *m, bool exported_only)
{
    Term r = NIL;
    for (unsigned i = m->nfuncs; i-- > 0;) {
        const FuncInfo *f = &m->funcs[i];
        if (!exported_only || is_exported(m, f))
            r = proc_cons(p, pair(p, f->name, make_small(f->arity)), r);
    }
    return r;
}

/* The digest read as a big-endian 128-bit integer, as OTP's vsn. */
static Term md5_integer(Process *p, const Module *m)
{
    uint64_t limbs[2] = { 0, 0 };
    for (int i = 0; i < 16; i++)
        limbs[1 - i / 8] = limbs[1 - i / 8] << 8 | m->md5[i];
    size_t used;
    Term r = big_make(p->htop, limbs, 2, false, &used);
    proc_alloc(p, used);
    return r;
}

/* Builds one item; item_words(m, it) words are reserved. */
static Term build_item(Process *p, const Module *m, Item it)
{
    switch (it) {
    case I_MODULE: return m->name;
    case I_EXPORTS: return func_list(p, m, true);
    case I_FUNCTIONS: return func_list(p, m, false);
    case I_ATTRIBUTES: {
        Term vsn = proc_cons(p, md5_integer(p, m), NIL);
        return proc_cons(p, pair(p, atom_intern("vsn", 3), vsn), NIL);
    }
    case I_COMPILE: {
        Term src = pair(p, atom_intern("source", 6), string(p, m->source ? m->source : ""));
        Term l = proc_cons(p, src, NIL);
        l = proc_cons(p, pair(p, atom_intern("options", 7), NIL), l);
        return proc_cons(p, pair(p, atom_intern("version", 7), string(p, code_version())), l);
    }
    case I_MD5: return bin_new(p, m->md5, 16);
    case I_NATIVE: return ATOM_false;
    default: return NIL;
    }
}

static Module *module_arg(Term t)
{
    return is_atom(t) ? code_find_module(t) : NULL;
}

/* get_module_info(Module): module_info/0's list. */
Term bif_get_module_info_1(Process *p, Term *args, unsigned live)
{
    Module *m = module_arg(args[0]);
    if (!m)
        return bif_badarg(p);
    static const Item items[] = { I_MODULE, I_EXPORTS, I_ATTRIBUTES, I_COMPILE, I_MD5 };
    static const char *const keys[] = { "module", "exports", "attributes", "compile", "md5" };
    enum { N = sizeof items / sizeof items[0] };
    size_t nexp = count_funcs(m, true), need = N * (2 + 3);
    for (unsigned i = 0; i < N; i++)
        need += item_words(m, items[i], nexp);
    if (!proc_reserve(p, need, live))
        return bif_heap_exhausted(p);
    Term r = NIL;
    for (unsigned i = N; i-- > 0;) {
        Term v = build_item(p, m, items[i]);
        if (v == THE_NON_VALUE)
            return bif_heap_exhausted(p);
        r = proc_cons(p, pair(p, atom_intern(keys[i], strlen(keys[i])), v), r);
    }
    return r;
}

/* get_module_info(Module, Item): module_info/1. */
Term bif_get_module_info_2(Process *p, Term *args, unsigned live)
{
    Module *m = module_arg(args[0]);
    Item it = item_of(args[1]);
    if (!m || it == I_BAD)
        return bif_badarg(p);
    size_t nexp = it == I_EXPORTS ? count_funcs(m, true) : 0;
    if (!proc_reserve(p, item_words(m, it, nexp), live))
        return bif_heap_exhausted(p);
    Term r = build_item(p, m, it);
    return r == THE_NON_VALUE ? bif_heap_exhausted(p) : r;
}

/* function_exported(M, F, A): true if M is loaded and exports F/A, or F/A
 * is a BIF of M. Loads nothing, as OTP. */
Term bif_function_exported_3(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]) || !is_atom(args[1]) || !is_small(args[2]) || small_val(args[2]) < 0)
        return bif_badarg(p);
    if (small_val(args[2]) > 255)
        return ATOM_false;
    Export *e = export_find(args[0], args[1], (unsigned)small_val(args[2]));
    return atom_bool(e && (e->bif || export_code(e)));
}

/* module_loaded(M): is M loaded (without loading it)? */
Term bif_module_loaded_1(Process *p, Term *args, unsigned live)
{
    if (!is_atom(args[0]))
        return bif_badarg(p);
    return atom_bool(code_find_module(args[0]) != NULL);
}

/* ---- fun_info/1,2 --------------------------------------------------------- */

typedef enum { F_PID, F_MODULE, F_NEW_INDEX, F_NEW_UNIQ, F_INDEX, F_UNIQ, F_NAME, F_ARITY, F_ENV, F_TYPE, F_BAD } FunItem;

static const char *const fun_items[] = { "pid", "module", "new_index", "new_uniq", "index",
                                         "uniq", "name", "arity", "env", "type" };

static FunItem fun_item(Term key)
{
    for (unsigned i = 0; is_atom(key) && i < F_BAD; i++)
        if (strcmp(atom_cstr(key), fun_items[i]) == 0)
            return (FunItem)i;
    return F_BAD;
}

/* Heap words of one item's value. A closure's creator is not recorded:
 * its pid is undefined, as OTP says of an external fun. */
static size_t fun_item_words(Term f, FunItem it)
{
    bool local = is_boxed_sub(f, SUB_FUN);
    if (it == F_ENV && local)
        return 2 * (header_arity(boxed_header(f)) - 1);
    if (it == F_NEW_UNIQ && local)
        return bin_words(16);
    return 0;
}

static Term fun_item_value(Process *p, Term f, FunItem it)
{
    const Term *o = boxed_ptr(f);
    if (header_sub(o[0]) == SUB_EXPORT) {
        const Export *e = (const Export *)(uintptr_t)o[1];
        switch (it) {
        case F_MODULE: return e->module;
        case F_NAME: return e->name;
        case F_ARITY: return make_small(e->arity);
        case F_ENV: return NIL;
        case F_TYPE: return atom_intern("external", 8);
        default: return ATOM_undefined;
        }
    }
    const FunEntry *fe = (const FunEntry *)(uintptr_t)o[1];
    switch (it) {
    case F_PID: return ATOM_undefined;
    case F_MODULE: return fe->module->name;
    case F_NEW_INDEX:
    case F_INDEX: return make_small(fe->index);
    case F_NEW_UNIQ: return bin_new(p, fe->module->md5, 16);
    case F_UNIQ: return make_small(fe->uniq);
    case F_NAME: return fe->name;
    case F_ARITY: return make_small(fe->arity);
    case F_TYPE: return atom_intern("local", 5);
    default: {
        Term env = NIL;
        for (uint64_t i = header_arity(o[0]); i >= 2; i--)
            env = proc_cons(p, o[i], env);
        return env;
    }
    }
}

/* fun_info(Fun, Item): {Item, Value}. */
Term bif_fun_info_2(Process *p, Term *args, unsigned live)
{
    FunItem it = fun_item(args[1]);
    if (!is_fun(args[0]) || it == F_BAD)
        return bif_badarg(p);
    if (!proc_reserve(p, fun_item_words(args[0], it) + 3, live))
        return bif_heap_exhausted(p);
    Term v = fun_item_value(p, args[0], it);
    return v == THE_NON_VALUE ? bif_heap_exhausted(p) : pair(p, args[1], v);
}

/* fun_info(Fun): every item, in OTP's order; an external fun has only
 * module, name, arity, env and type. */
Term bif_fun_info_1(Process *p, Term *args, unsigned live)
{
    if (!is_fun(args[0]))
        return bif_badarg(p);
    bool local = is_boxed_sub(args[0], SUB_FUN);
    FunItem first = local ? F_PID : F_MODULE;
    size_t need = 0;
    for (FunItem it = first; it < F_BAD; it++)
        if (local || it == F_MODULE || it >= F_NAME)
            need += fun_item_words(args[0], it) + 3 + 2;
    if (!proc_reserve(p, need, live))
        return bif_heap_exhausted(p);
    Term r = NIL;
    for (FunItem it = F_TYPE;; it--) {
        if (local || it == F_MODULE || it >= F_NAME) {
            Term v = fun_item_value(p, args[0], it);
            if (v == THE_NON_VALUE)
                return bif_heap_exhausted(p);
            Term key = atom_intern(fun_items[it], strlen(fun_items[it]));
            r = proc_cons(p, pair(p, key, v), r);
        }
        if (it == first)
            break;
    }
    return r;
}
