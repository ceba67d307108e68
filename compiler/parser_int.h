/* parser_int.h - what the parser's files share (parser.c, parser_primary.c,
 * parser_types.c, parser_forms.c): the parser's state over one form's
 * tokens, growable arrays, error reporting, token access, and the parsing
 * functions they call in each other. Internal to compiler/parser*.c. */
#ifndef BL_PARSER_INT_H
#define BL_PARSER_INT_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "diag.h"
#include "lexer.h"

typedef struct {
    AstArena *a;
    Diag *d;
    const Token *t; /* the form's tokens; the last is a DOT or an END */
    int n, i;
    int depth;
    jmp_buf fail;
} Parser;

static inline const Token *cur(const Parser *p)
{
    return &p->t[p->i];
}

static inline TokKind kind(const Parser *p)
{
    return (TokKind)p->t[p->i].kind;
}

static inline TokKind kind_at(const Parser *p, int ahead)
{
    int j = p->i + ahead;
    return (TokKind)p->t[j < p->n ? j : p->n - 1].kind;
}

static inline const Token *advance(Parser *p)
{
    const Token *t = &p->t[p->i];
    if (p->i < p->n - 1)
        p->i++;
    return t;
}

static inline bool accept(Parser *p, TokKind k)
{
    if (kind(p) != k)
        return false;
    advance(p);
    return true;
}

/* A growable array in the arena (outgrown blocks are left behind: at most
 * as much again as the final size). */
typedef struct {
    void *v;
    int n, cap;
    size_t sz;
} Vec;

/* ---- parser.c */

_Noreturn void parse_fail_at(Parser *p, int line, int col, const char *msg);
/* "syntax error before: X" at the current token. */
_Noreturn void parse_syntax_error(Parser *p);
/* An integer literal beamlet cannot hold (lexer.h: too_big). */
void parse_check_int(Parser *p, const Token *t);
const Token *parse_expect(Parser *p, TokKind k);
void parse_enter(Parser *p);
void parse_leave(Parser *p);
void *parse_xalloc(Parser *p, size_t size);
void *parse_vec_push(Parser *p, Vec *vec);
void parse_list_push(Parser *p, Vec *vec, AstExpr *e);
AstExprList parse_to_list(const Vec *vec);
AstExpr *parse_node(Parser *p, AstKind k, int line, int col);
AstExpr *parse_node_at(Parser *p, AstKind k, const Token *t);
bool parse_is_prefix_op(TokKind k);
/* -N and +N on a number literal become the literal. */
AstExpr *parse_make_unop(Parser *p, const Token *optok, AstExpr *arg);
/* The operator loop of precedence climbing, from a parsed left operand.
 * Each operator of a chain counts one level of nesting. */
AstExpr *parse_binary_from(Parser *p, AstExpr *lhs, int minprec, bool pat);
AstExpr *parse_expr(Parser *p);
AstExpr *parse_pat(Parser *p);
AstExprList parse_exprs(Parser *p);
/* '(' [exprs] ')' */
AstExprList parse_args(Parser *p, bool pat);
/* What may follow an expr_max: ':' (remote), an argument list, or a chain
 * of record operations. */
AstExpr *parse_postfix_from(Parser *p, AstExpr *e);

/* ---- parser_primary.c */

/* [when Guard] -> Body */
void parse_clause_tail(Parser *p, AstClause *c);
AstExpr *parse_max(Parser *p);
/* pat_expr_max in patterns: lists, binaries and tuples hold full
 * expressions (as in erl_parse), but no comprehensions. */
AstExpr *parse_pat_max(Parser *p);
_Noreturn void parse_fail_first(Parser *p, AstExpr *e, const char *msg);

/* ---- parser_types.c */

/* top_type: [Var ::] type [| top_type]; the annotations and unions
 * chain to the right, which a loop does without recursion. */
void parse_top_type(Parser *p);
/* -spec / -callback: [ '(' ] Name [':' Name] Sigs [ ')' ] */
void parse_type_spec(Parser *p);
/* The checks of -type / -opaque Name(Vars) :: Type (erl_parse's
 * build_typed_attribute): the head must be a name applied to distinct
 * type variables. */
void parse_check_type_def(Parser *p, const Token *attr, AstExpr *head);

/* ---- parser_forms.c */

/* One form; false when it had an error (reported) or is dropped. */
bool parse_form(Parser *p, AstForm *f);

#endif
