/* parser_forms.c - the forms of a module: attributes (-module, -export,
 * -import, -record, -spec and -type skipped, any other attribute with a
 * term value) and function definitions, with erl_parse's checks and
 * messages ("bad export declaration", "head mismatch"...). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "parser_int.h"

/* ---- forms */

/* A Name/Arity list of -export and -import (erl_parse's farity_list). */
static void farity_list(Parser *p, AstExpr *e, AstFunName **out, int *n)
{
    Vec v = {.sz = sizeof(AstFunName)};
    int l, c;
    while (e->kind == AST_LIST) {
        for (int i = 0; i < e->u.list.elems.n; i++) {
            AstExpr *x = e->u.list.elems.items[i];
            if (x->kind != AST_BINOP || x->u.binop.op != AST_OP_FDIV) {
                if (i == 0)
                    ast_first_pos(e, &l, &c);
                else
                    ast_first_pos(x, &l, &c);
                parse_fail_at(p, l, c, "bad Name/Arity");
            }
            AstExpr *name = x->u.binop.lhs, *ar = x->u.binop.rhs;
            if (name->kind != AST_ATOM) {
                ast_first_pos(name, &l, &c);
                parse_fail_at(p, l, c, "bad function name");
            }
            if (ar->kind != AST_INT || ar->u.int_.is_char || ar->u.int_.big || ar->u.int_.value < 0 ||
                ar->u.int_.value > 255) {
                ast_first_pos(ar, &l, &c);
                parse_fail_at(p, l, c, "bad function arity");
            }
            AstFunName *f = parse_vec_push(p, &v);
            f->name = name->u.atom.name;
            f->arity = (int)ar->u.int_.value;
            f->line = name->line;
            f->col = name->col;
        }
        e = e->u.list.tail;
    }
    if (e->kind != AST_NIL) {
        ast_first_pos(e, &l, &c);
        parse_fail_at(p, l, c, "bad Name/Arity");
    }
    *out = v.v;
    *n = v.n;
}

/* Is e a literal term (erl_parse's normalise)? Name/Arity pairs become
 * tuples on the way (attribute_farity). */
static bool literal_term(Parser *p, AstExpr *e)
{
    switch (e->kind) {
    case AST_INT:
    case AST_FLOAT:
    case AST_ATOM:
    case AST_STRING:
    case AST_NIL: return true;
    case AST_TUPLE:
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            if (!literal_term(p, e->u.tuple.elems.items[i]))
                return false;
        return true;
    case AST_LIST:
        for (int i = 0; i < e->u.list.elems.n; i++)
            if (!literal_term(p, e->u.list.elems.items[i]))
                return false;
        return literal_term(p, e->u.list.tail);
    case AST_BIN:
        for (int i = 0; i < e->u.bin.nsegs; i++) {
            const AstBinSeg *s = &e->u.bin.segs[i];
            AstKind k = s->value->kind;
            if (k != AST_INT && k != AST_FLOAT && k != AST_STRING)
                return false;
            if (s->size && s->size->kind != AST_INT)
                return false;
        }
        return true;
    case AST_BINOP:
        if (e->u.binop.op == AST_OP_FDIV && e->u.binop.lhs->kind == AST_ATOM &&
            e->u.binop.rhs->kind == AST_INT && !e->u.binop.rhs->u.int_.is_char) {
            AstExpr **items = parse_xalloc(p, 2 * sizeof *items);
            items[0] = e->u.binop.lhs;
            items[1] = e->u.binop.rhs;
            e->kind = AST_TUPLE;
            e->u.tuple.elems = (AstExprList){items, 2};
            return true;
        }
        return false;
    default: return false;
    }
}

/* '{' typed_exprs '}' of a record declaration: a tuple whose elements may
 * carry `:: Type`. typed[i] says which did; *any when one did. */
static AstExpr *parse_typed_tuple(Parser *p, Vec *typed, bool *any)
{
    const Token *lb = advance(p);
    AstExpr *e = parse_node_at(p, AST_TUPLE, lb);
    Vec v = {.sz = sizeof(AstExpr *)};
    *any = false;
    if (!accept(p, TOK_RBRACE)) {
        do {
            parse_list_push(p, &v, parse_expr(p));
            bool *t = parse_vec_push(p, typed);
            if (accept(p, TOK_COLONCOLON)) {
                parse_top_type(p);
                *t = true;
                *any = true;
            }
        } while (accept(p, TOK_COMMA));
        parse_expect(p, TOK_RBRACE);
    }
    e->u.tuple.elems = parse_to_list(&v);
    return e;
}

static void build_record(Parser *p, AstForm *f, const Token *attr, AstExprList vals, const bool *typed,
                         bool is_typed)
{
    if (vals.n != 2 || vals.items[0]->kind != AST_ATOM) {
        if (is_typed)
            parse_fail_at(p, attr->line, attr->col, "bad record declaration");
        parse_fail_first(p, vals.items[0], "bad record declaration");
    }
    AstExpr *tup = vals.items[1];
    if (tup->kind != AST_TUPLE)
        parse_fail_first(p, tup, "bad record declaration");
    f->kind = AST_FORM_RECORD;
    f->u.record.name = vals.items[0]->u.atom.name;
    int n = tup->u.tuple.elems.n;
    AstFieldDecl *fs = n ? parse_xalloc(p, (size_t)n * sizeof *fs) : NULL;
    for (int i = 0; i < n; i++) {
        AstExpr *x = tup->u.tuple.elems.items[i];
        AstExpr *name = x;
        if (x->kind == AST_MATCH) {
            name = x->u.match.pat;
            fs[i].init = x->u.match.expr;
        }
        if (name->kind != AST_ATOM)
            parse_fail_first(p, x, "bad record field");
        fs[i].name = name->u.atom.name;
        fs[i].line = name->line;
        fs[i].col = name->col;
        fs[i].typed = typed && typed[i];
    }
    f->u.record.fields = fs;
    f->u.record.nfields = n;
}

typedef enum {
    AV_PLAIN,        /* attr_val: E | E, E... | (E, E...) */
    AV_TYPED_RECORD, /* E, {F :: T, ...} (typed_attr_val) */
    AV_TYPE_DEF,     /* E :: Type (typed_attr_val) */
} AttrShape;

/* The attribute's values, erl_parse's attr_val and typed_attr_val, with
 * or without parentheses around them. For a typed record, typed[i] says
 * which fields had a type. */
static AttrShape parse_attr_vals(Parser *p, AstExprList *out, Vec *typed)
{
    Vec v = {.sz = sizeof(AstExpr *)};
    bool paren = false;
    AttrShape shape = AV_PLAIN;
    AstExpr *e1;
    if (kind(p) == TOK_LPAREN) {
        advance(p);
        e1 = parse_expr(p);
        if (accept(p, TOK_RPAREN))
            e1 = parse_binary_from(p, parse_postfix_from(p, e1), 0, false); /* (E) + 1 */
        else
            paren = true;
    } else {
        e1 = parse_expr(p);
    }
    parse_list_push(p, &v, e1);
    if (accept(p, TOK_COLONCOLON)) {
        parse_top_type(p);
        shape = AV_TYPE_DEF;
    } else if (paren || kind(p) == TOK_COMMA) {
        parse_expect(p, TOK_COMMA);
        AstExpr *e2;
        bool any = false;
        if (kind(p) == TOK_LBRACE) {
            e2 = parse_typed_tuple(p, typed, &any);
            if (!any)
                e2 = parse_binary_from(p, parse_postfix_from(p, e2), 0, false);
        } else {
            e2 = parse_expr(p);
        }
        parse_list_push(p, &v, e2);
        if (any)
            shape = AV_TYPED_RECORD;
        else
            while (accept(p, TOK_COMMA))
                parse_list_push(p, &v, parse_expr(p));
    }
    if (paren)
        parse_expect(p, TOK_RPAREN);
    *out = parse_to_list(&v);
    return shape;
}

static void build_attribute(Parser *p, AstForm *f, const Token *attr, AstExprList vals, const bool *typed,
                            bool is_typed);

static bool is_type_attr(const char *name)
{
    return strcmp(name, "type") == 0 || strcmp(name, "opaque") == 0;
}

/* -Name(...). Returns false when the attribute is dropped (types). The
 * attribute's checks come before the check of the dot: yecc reduces the
 * attribute, running them, before it looks at the token after it. */
static bool parse_attribute(Parser *p, AstForm *f)
{
    const Token *minus = advance(p);
    f->line = minus->line;
    f->col = minus->col;
    if (kind(p) != TOK_ATOM)
        parse_syntax_error(p);
    const Token *attr = advance(p);
    const char *name = attr->u.name.s;
    if (strcmp(name, "spec") == 0 || strcmp(name, "callback") == 0) {
        parse_type_spec(p);
        parse_expect(p, TOK_DOT);
        return false;
    }
    Vec typed = {.sz = sizeof(bool)};
    AstExprList vals;
    AttrShape shape = parse_attr_vals(p, &vals, &typed);
    bool keep = true;
    if (shape == AV_TYPE_DEF) {
        if (is_type_attr(name))
            parse_check_type_def(p, attr, vals.items[0]);
        else if (strcmp(name, "record") == 0)
            parse_fail_at(p, attr->line, attr->col, "bad record declaration");
        else
            parse_fail_at(p, attr->line, attr->col, "bad attribute");
        keep = false;
    } else if (shape == AV_TYPED_RECORD && strcmp(name, "record") != 0) {
        if (is_type_attr(name))
            parse_fail_at(p, attr->line, attr->col, name[0] == 'o' ? "bad opaque declaration" : "bad type declaration");
        parse_fail_at(p, attr->line, attr->col, "bad attribute");
    } else {
        build_attribute(p, f, attr, vals, typed.v, shape == AV_TYPED_RECORD);
        keep = !is_type_attr(name);
    }
    if (kind(p) != TOK_DOT)
        parse_syntax_error(p);
    return keep;
}

static void build_attribute(Parser *p, AstForm *f, const Token *attr, AstExprList vals, const bool *typed,
                            bool is_typed)
{
    const char *name = attr->u.name.s;
    if (strcmp(name, "record") == 0) {
        build_record(p, f, attr, vals, typed, is_typed);
        return;
    }
    if (is_typed)
        parse_fail_at(p, attr->line, attr->col, "bad attribute");
    if (strcmp(name, "module") == 0) {
        if (vals.items[0]->kind != AST_ATOM || vals.n > 2)
            parse_fail_first(p, vals.items[0], "bad module declaration");
        if (vals.n == 2) {
            /* -module(M, [Var, ...]) of old parameterised modules */
            AstExpr *l = vals.items[1];
            while (l->kind == AST_LIST) {
                for (int i = 0; i < l->u.list.elems.n; i++)
                    if (l->u.list.elems.items[i]->kind != AST_VAR)
                        parse_fail_first(p, i == 0 ? l : l->u.list.elems.items[i], "bad variable list");
                l = l->u.list.tail;
            }
            if (l->kind != AST_NIL)
                parse_fail_first(p, l, "bad variable list");
        }
        f->kind = AST_FORM_MODULE;
        f->u.module.name = vals.items[0]->u.atom.name;
        return;
    }
    if (strcmp(name, "export") == 0) {
        if (vals.n != 1)
            parse_fail_first(p, vals.items[1], "bad export declaration");
        f->kind = AST_FORM_EXPORT;
        farity_list(p, vals.items[0], &f->u.export_.funs, &f->u.export_.n);
        return;
    }
    if (strcmp(name, "import") == 0) {
        if (vals.n != 2 || vals.items[0]->kind != AST_ATOM)
            parse_fail_first(p, vals.items[vals.n > 1 ? 1 : 0], "bad import declaration");
        f->kind = AST_FORM_IMPORT;
        f->u.import.module = vals.items[0]->u.atom.name;
        farity_list(p, vals.items[1], &f->u.import.funs, &f->u.import.n);
        return;
    }
    if (vals.n != 1)
        parse_fail_first(p, vals.items[1], "bad attribute");
    if (!literal_term(p, vals.items[0]))
        parse_fail_first(p, vals.items[0], "bad attribute");
    f->kind = AST_FORM_ATTRIBUTE;
    f->u.attribute.name = name;
    f->u.attribute.value = vals.items[0];
}

/* Name(Args) [when G] -> Body; ... . All clauses must share the first
 * one's name and arity (erl_parse's build_function: "head mismatch"). */
static bool parse_function(Parser *p, AstForm *f)
{
    Vec v = {.sz = sizeof(AstClause)};
    Vec names = {.sz = sizeof(const char *)};
    do {
        if (kind(p) != TOK_ATOM)
            parse_syntax_error(p);
        const Token *nt = advance(p);
        AstClause *c = parse_vec_push(p, &v);
        *(const char **)parse_vec_push(p, &names) = nt->u.name.s;
        c->line = nt->line;
        c->col = nt->col;
        c->pats = parse_args(p, true);
        parse_clause_tail(p, c);
    } while (accept(p, TOK_SEMI));
    /* the function is reduced, and its heads checked, before the token
     * after the last body is looked at */
    AstClause *cs = v.v;
    const char **ns = names.v;
    for (int i = 1; i < v.n; i++)
        if (strcmp(ns[i], ns[0]) != 0 || cs[i].pats.n != cs[0].pats.n)
            parse_fail_at(p, cs[i].line, cs[i].col, "head mismatch");
    if (kind(p) != TOK_DOT)
        parse_syntax_error(p);
    f->kind = AST_FORM_FUNCTION;
    f->line = cs[0].line;
    f->col = cs[0].col;
    f->u.function.name = ns[0];
    f->u.function.arity = cs[0].pats.n;
    f->u.function.clauses = cs;
    f->u.function.nclauses = v.n;
    return true;
}

/* One form; false when it had an error (reported) or is dropped. */
bool parse_form(Parser *p, AstForm *f)
{
    if (setjmp(p->fail))
        return false;
    if (kind(p) == TOK_MINUS)
        return parse_attribute(p, f);
    if (kind(p) == TOK_ATOM)
        return parse_function(p, f);
    parse_syntax_error(p);
}
