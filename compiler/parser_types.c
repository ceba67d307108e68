/* parser_types.c - the type language of -spec, -callback, -type, -opaque
 * and typed record fields: parsed and checked as erl_parse does, then
 * dropped (the tree keeps no types). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "parser_int.h"

/* ---- types (checked, not kept)
 *
 * The type language of -spec, -callback, -type, -opaque and typed record
 * fields, as erl_parse has it: top_type is `Var :: top_type`,
 * `type | top_type` or `type`; type operators are '..' (200,
 * non-associative), the additive (400) and multiplicative (500) operators
 * and the prefix ones (600). Its own few checks ("bad type variable",
 * "unsupported constraint", "Bad binary type") are made too. */

static void parse_top_types(Parser *p)
{
    parse_top_type(p);
    while (accept(p, TOK_COMMA))
        parse_top_type(p);
}

static int type_binop_prec(TokKind k)
{
    switch (k) {
    case TOK_DOTDOT: return 200;
    case TOK_PLUS:
    case TOK_MINUS:
    case TOK_BOR:
    case TOK_BXOR:
    case TOK_BSL:
    case TOK_BSR:
    case TOK_OR:
    case TOK_XOR: return 400;
    case TOK_STAR:
    case TOK_SLASH:
    case TOK_DIV:
    case TOK_REM:
    case TOK_BAND:
    case TOK_AND: return 500;
    default: return 0;
    }
}

/* Can the token follow a type (FOLLOW(type), operators aside)? */
static bool follows_type(TokKind k)
{
    switch (k) {
    case TOK_BAR:
    case TOK_COMMA:
    case TOK_RPAREN:
    case TOK_RBRACK:
    case TOK_RBRACE:
    case TOK_GTGT:
    case TOK_DOT:
    case TOK_SEMI:
    case TOK_WHEN:
    case TOK_DARROW:
    case TOK_COLONEQ: return true;
    default: return false;
    }
}

/* '(' ['...' | top_types] ')' '->' top_type; the '(' is current. */
static void parse_fun_type(Parser *p)
{
    parse_expect(p, TOK_LPAREN);
    if (accept(p, TOK_DOTDOTDOT)) {
        parse_expect(p, TOK_RPAREN);
    } else if (!accept(p, TOK_RPAREN)) {
        parse_top_types(p);
        parse_expect(p, TOK_RPAREN);
    }
    parse_expect(p, TOK_ARROW);
    parse_top_type(p);
}

/* A binary type's variables must be `_` (checked, as erl_parse does,
 * once the type after them is parsed). */
static void check_binary_type_var(Parser *p, const Token *v)
{
    if (strcmp(v->u.name.s, "_") != 0)
        parse_fail_at(p, v->line, v->col, "Bad binary type");
}

static void parse_type(Parser *p, int minprec);

/* <<>>, <<_:B>>, <<_:_*U>>, <<_:B, _:_*U>>; the '<<' is current. */
static void parse_binary_type(Parser *p)
{
    advance(p);
    if (accept(p, TOK_GTGT))
        return;
    const Token *v1 = parse_expect(p, TOK_VAR);
    parse_expect(p, TOK_COLON);
    if (kind(p) == TOK_VAR && kind_at(p, 1) == TOK_STAR) {
        /* bin_unit_type */
        const Token *v2 = advance(p);
        advance(p);
        parse_type(p, 0);
        check_binary_type_var(p, v1);
        check_binary_type_var(p, v2);
        parse_expect(p, TOK_GTGT);
        return;
    }
    parse_type(p, 0);
    check_binary_type_var(p, v1);
    if (accept(p, TOK_COMMA)) {
        const Token *v3 = parse_expect(p, TOK_VAR);
        parse_expect(p, TOK_COLON);
        const Token *v4 = parse_expect(p, TOK_VAR);
        parse_expect(p, TOK_STAR);
        parse_type(p, 0);
        check_binary_type_var(p, v3);
        check_binary_type_var(p, v4);
    }
    parse_expect(p, TOK_GTGT);
}

/* '#' '{' [T => T | T := T, ...] '}' or '#' Name '{' [F :: T, ...] '}' */
static void parse_hash_type(Parser *p)
{
    advance(p);
    if (accept(p, TOK_LBRACE)) {
        if (accept(p, TOK_RBRACE))
            return;
        do {
            parse_top_type(p);
            if (!accept(p, TOK_DARROW) && !accept(p, TOK_COLONEQ))
                parse_syntax_error(p);
            parse_top_type(p);
        } while (accept(p, TOK_COMMA));
        parse_expect(p, TOK_RBRACE);
        return;
    }
    parse_expect(p, TOK_ATOM);
    parse_expect(p, TOK_LBRACE);
    if (accept(p, TOK_RBRACE))
        return;
    do {
        parse_expect(p, TOK_ATOM);
        parse_expect(p, TOK_COLONCOLON);
        parse_top_type(p);
    } while (accept(p, TOK_COMMA));
    parse_expect(p, TOK_RBRACE);
}

static void parse_type_primary(Parser *p)
{
    switch (kind(p)) {
    case TOK_LPAREN:
        advance(p);
        parse_top_type(p);
        parse_expect(p, TOK_RPAREN);
        break;
    case TOK_VAR:
    case TOK_INT:
    case TOK_CHAR: advance(p); break;
    case TOK_ATOM:
        advance(p);
        if (accept(p, TOK_COLON)) {
            parse_expect(p, TOK_ATOM);
            if (kind(p) != TOK_LPAREN)
                parse_syntax_error(p);
        }
        if (accept(p, TOK_LPAREN) && !accept(p, TOK_RPAREN)) {
            parse_top_types(p);
            parse_expect(p, TOK_RPAREN);
        }
        break;
    case TOK_LBRACK:
        advance(p);
        if (accept(p, TOK_RBRACK))
            break;
        parse_top_type(p);
        if (accept(p, TOK_COMMA))
            parse_expect(p, TOK_DOTDOTDOT);
        parse_expect(p, TOK_RBRACK);
        break;
    case TOK_LBRACE:
        advance(p);
        if (!accept(p, TOK_RBRACE)) {
            parse_top_types(p);
            parse_expect(p, TOK_RBRACE);
        }
        break;
    case TOK_HASH: parse_hash_type(p); break;
    case TOK_LTLT: parse_binary_type(p); break;
    case TOK_FUN:
        advance(p);
        parse_expect(p, TOK_LPAREN);
        if (!accept(p, TOK_RPAREN)) {
            parse_fun_type(p);
            parse_expect(p, TOK_RPAREN);
        }
        break;
    default: parse_syntax_error(p);
    }
}

static void parse_type(Parser *p, int minprec)
{
    parse_enter(p);
    if (parse_is_prefix_op(kind(p))) {
        advance(p);
        parse_type(p, 600);
    } else {
        parse_type_primary(p);
    }
    int prec, extra = 0;
    while ((prec = type_binop_prec(kind(p))) != 0 && prec >= minprec) {
        advance(p);
        parse_enter(p);
        extra++;
        parse_type(p, prec + 1);
        if (prec == 200 && (kind(p) == TOK_DOTDOT || (!type_binop_prec(kind(p)) && !follows_type(kind(p)))))
            parse_syntax_error(p); /* non-associative, without default reduction */
    }
    p->depth -= extra;
    parse_leave(p);
}

/* top_type: [Var ::] type [| top_type]; the annotations and unions
 * chain to the right, which a loop does without recursion. */
void parse_top_type(Parser *p)
{
    for (;;) {
        if (kind(p) == TOK_VAR && kind_at(p, 1) == TOK_COLONCOLON) {
            advance(p);
            advance(p);
            continue;
        }
        parse_type(p, 0);
        if (!accept(p, TOK_BAR))
            return;
    }
}

/* A constraint of a spec's `when`: Var :: Type, or the old
 * is_subtype(Var, Type). */
static void parse_type_guard(Parser *p)
{
    const Token *t = cur(p);
    if (t->kind == TOK_VAR) {
        advance(p);
        parse_expect(p, TOK_COLONCOLON);
        parse_top_type(p);
        if (strcmp(t->u.name.s, "_") == 0)
            parse_fail_at(p, t->line, t->col, "bad type variable");
        return;
    }
    parse_expect(p, TOK_ATOM);
    parse_expect(p, TOK_LPAREN);
    const Token *first = cur(p);
    int n = 1;
    parse_top_type(p);
    while (accept(p, TOK_COMMA)) {
        parse_top_type(p);
        n++;
    }
    parse_expect(p, TOK_RPAREN);
    if (strcmp(t->u.name.s, "is_subtype") != 0 || n != 2) {
        AstBuf b = {0};
        ast_buf_puts(&b, "unsupported constraint ");
        ast_buf_atom(&b, t->u.name.s, t->u.name.len);
        diag_error(p->d, t->line, t->col, "%s", b.s ? b.s : "unsupported constraint");
        free(b.s);
        longjmp(p->fail, 1);
    }
    if (first->kind != TOK_VAR || kind_at(p, 0) == TOK_END)
        parse_fail_at(p, first->line, first->col, "bad type variable");
}

/* -spec / -callback: [ '(' ] Name [':' Name] Sigs [ ')' ] */
void parse_type_spec(Parser *p)
{
    bool paren = accept(p, TOK_LPAREN);
    parse_expect(p, TOK_ATOM);
    if (accept(p, TOK_COLON))
        parse_expect(p, TOK_ATOM);
    do {
        parse_fun_type(p);
        if (accept(p, TOK_WHEN)) {
            parse_type_guard(p);
            while (accept(p, TOK_COMMA))
                parse_type_guard(p);
        }
    } while (accept(p, TOK_SEMI));
    if (paren)
        parse_expect(p, TOK_RPAREN);
}

/* The checks of -type / -opaque Name(Vars) :: Type (erl_parse's
 * build_typed_attribute): the head must be a name applied to distinct
 * type variables. */
void parse_check_type_def(Parser *p, const Token *attr, AstExpr *head)
{
    if (head->kind != AST_CALL || head->u.call.mod || head->u.call.fun->kind != AST_ATOM) {
        AstBuf b = {0};
        ast_buf_puts(&b, "bad ");
        ast_buf_atom(&b, attr->u.name.s, attr->u.name.len);
        ast_buf_puts(&b, " declaration");
        diag_error(p->d, attr->line, attr->col, "%s", b.s ? b.s : "bad type declaration");
        free(b.s);
        longjmp(p->fail, 1);
    }
    for (int i = 0; i < head->u.call.args.n; i++) {
        AstExpr *a = head->u.call.args.items[i];
        if (a->kind != AST_VAR || strcmp(a->u.var.name, "_") == 0)
            parse_fail_first(p, a, "bad type variable");
    }
}
