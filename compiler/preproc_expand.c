/* preproc_expand.c - macro expansion as epp does it: the circularity check
 * over each macro body's uses, the splitting of macro arguments, and the
 * expansion of ?M and ?M(Args) (constant macros in isolation, function-
 * like ones rescanned with what follows, ??Arg stringified), with the
 * predefined ?LINE, ?FUNCTION_NAME and ?FUNCTION_ARITY. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "preproc_int.h"

/* ---- the uses of a macro body (for the circularity check) */

static int cmp_use(const void *x, const void *y)
{
    const Use *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    /* Erlang orders integers before the atom none */
    int aa = a->arity < 0 ? 1 << 30 : a->arity, bb = b->arity < 0 ? 1 << 30 : b->arity;
    return (aa > bb) - (aa < bb);
}

/* ---- macro arguments over a flat token array */

/* Where one macro argument starting at toks[k] ends: the index of the ','
 * or ')' that closes it at nesting 0, or n when the tokens run out. The
 * nesting rules are epp's: brackets, and begin/if/case/receive/try/cond
 * and fun( or fun Name( opening an 'end'. */
typedef const Token *(*PeekFn)(void *ctx, int k);

static int arg_end(PeekFn peek, void *ctx, int k)
{
    TokKind closers[256];
    int nc = 0, overflow = 0;
    for (;; k++) {
        const Token *t = peek(ctx, k);
        if (!t)
            return k;
        TokKind tk = (TokKind)t->kind;
        if (nc == 0 && overflow == 0 && (tk == TOK_COMMA || tk == TOK_RPAREN))
            return k;
        TokKind push = TOK_END;
        switch (tk) {
        case TOK_LPAREN: push = TOK_RPAREN; break;
        case TOK_LTLT: push = TOK_GTGT; break;
        case TOK_LBRACK: push = TOK_RBRACK; break;
        case TOK_LBRACE: push = TOK_RBRACE; break;
        case TOK_BEGIN:
        case TOK_IF:
        case TOK_CASE:
        case TOK_RECEIVE:
        case TOK_TRY:
        case TOK_COND: push = TOK_KEND; break;
        case TOK_FUN: {
            const Token *n1 = peek(ctx, k + 1), *n2 = peek(ctx, k + 2);
            if ((n1 && n1->kind == TOK_LPAREN) || (n1 && n1->kind == TOK_VAR && n2 && n2->kind == TOK_LPAREN))
                push = TOK_KEND;
            break;
        }
        default: break;
        }
        if (push != TOK_END) {
            if (nc < 256)
                closers[nc++] = push;
            else
                overflow++;
        } else if (overflow > 0) {
            /* deeper than we track: assume the closers match */
            if (tk == TOK_RPAREN || tk == TOK_GTGT || tk == TOK_RBRACK || tk == TOK_RBRACE || tk == TOK_KEND)
                overflow--;
        } else if (nc > 0 && tk == closers[nc - 1]) {
            nc--;
        }
    }
}

typedef enum { ARGS_NONE = -1, ARGS_BAD = -2 } ArgCount;

/* epp's count_args on the tokens after a macro name (k0 is the first):
 * the number of arguments, ARGS_NONE when no '(' follows, ARGS_BAD for a
 * badly formed list. When spans is not NULL it gets each argument's
 * start and end index; *after gets the index after the ')'. */
static int count_args(PeekFn peek, void *ctx, int k0, IntStack *spans, int *after)
{
    const Token *t = peek(ctx, k0);
    if (!t || t->kind != TOK_LPAREN)
        return ARGS_NONE;
    t = peek(ctx, k0 + 1);
    if (t && t->kind == TOK_RPAREN) {
        *after = k0 + 2;
        return 0;
    }
    if (t && t->kind == TOK_COMMA)
        return ARGS_BAD;
    int k = k0 + 1, n = 0;
    for (;;) {
        int e = arg_end(peek, ctx, k);
        if (spans && (!pp_push_int(spans, k) || !pp_push_int(spans, e)))
            return ARGS_BAD;
        n++;
        t = peek(ctx, e);
        if (!t)
            return ARGS_BAD;
        if (t->kind == TOK_RPAREN) {
            *after = e + 1;
            return n;
        }
        const Token *t2 = peek(ctx, e + 1);
        if (t2 && t2->kind == TOK_RPAREN)
            return ARGS_BAD;
        k = e + 1;
    }
}

typedef struct {
    const Token *t;
    int n;
} Flat;

static const Token *flat_peek(void *ctx, int k)
{
    Flat *f = ctx;
    return k < f->n ? &f->t[k] : NULL;
}

/* The sorted uses of a body, or false (with *errk and *msg) when a call in
 * it has a badly formed argument list. */
bool pp_body_uses(Preproc *pp, const Token *body, int n, MacDef *d, int *errk, const char **errname)
{
    Flat fl = {body, n};
    Use *uses = NULL;
    int nu = 0;
    for (int k = 0; k + 1 < n; k++) {
        if (body[k].kind != TOK_QMARK)
            continue;
        if (body[k + 1].kind == TOK_QMARK) {
            if (k + 2 < n && body[k + 2].kind == TOK_VAR)
                d->has_qq = true;
            k++;
            continue;
        }
        if (!pp_is_name_tok(&body[k + 1]))
            continue;
        int after;
        int ar = count_args(flat_peek, &fl, k + 2, NULL, &after);
        if (ar == ARGS_BAD) {
            *errk = k + 1;
            *errname = body[k + 1].u.name.s;
            return false;
        }
        if (nu % 16 == 0) {
            Use *u2 = ast_alloc(pp->a, (size_t)(nu + 16) * sizeof *u2);
            if (!u2)
                return false;
            if (nu)
                memcpy(u2, uses, (size_t)nu * sizeof *u2);
            uses = u2;
        }
        uses[nu].name = body[k + 1].u.name.s;
        uses[nu].arity = ar;
        nu++;
    }
    if (nu > 1)
        qsort(uses, (size_t)nu, sizeof *uses, cmp_use);
    int w = 0;
    for (int i = 0; i < nu; i++)
        if (w == 0 || cmp_use(&uses[w - 1], &uses[i]) != 0)
            uses[w++] = uses[i];
    d->uses = uses;
    d->nuses = w;
    return true;
}

/* ---- expansion */

typedef struct {
    const Token *t;
    int n, i;
    bool isolated; /* a constant macro's body: arguments are not looked
                    * for beyond its end */
    bool reanno;   /* its tokens read as being at line:col (a macro body
                    * used as it is, without a copy) */
    int line, col;
    Token *owned;
} Src;

typedef struct {
    Preproc *pp;
    PFile *f;
    Src *s;
    int ns, cap;
    TokVec *out;
    bool failed;
    bool has_marks;
    bool in_form; /* ?FUNCTION_NAME is allowed (a form, not a pp_directive) */
    int limit;    /* tokens the output may have: the form's own, plus
                   * PP_MAX_FORM_TOKENS from macros */
} Exp;

static void pop_src(Exp *e)
{
    free(e->s[e->ns - 1].owned);
    e->ns--;
}

static bool push_src(Exp *e, const Token *t, int n, bool isolated, Token *owned)
{
    if (e->ns == e->cap) {
        int cap = e->cap ? e->cap * 2 : 16;
        if (cap > 1000000) {
            free(owned);
            return false;
        }
        Src *s = realloc(e->s, (size_t)cap * sizeof *s);
        if (!s) {
            free(owned);
            return false;
        }
        e->s = s;
        e->cap = cap;
    }
    e->s[e->ns++] = (Src){t, n, 0, isolated, false, 0, 0, owned};
    return true;
}

/* Pushes a constant macro's stored body, read as being at `at`. */
static bool push_body(Exp *e, const MacDef *d, const Token *at)
{
    if (!push_src(e, d->body, d->nbody, true, NULL))
        return false;
    Src *s = &e->s[e->ns - 1];
    s->reanno = true;
    s->line = at->line;
    s->col = at->col;
    return true;
}

/* Drops exhausted sources from the top. */
static void settle(Exp *e)
{
    while (e->ns > 0 && e->s[e->ns - 1].i >= e->s[e->ns - 1].n)
        pop_src(e);
}

static const Token *exp_peek(void *ctx, int k)
{
    Exp *e = ctx;
    for (int j = e->ns - 1; j >= 0; j--) {
        Src *s = &e->s[j];
        int avail = s->n - s->i;
        if (k < avail)
            return &s->t[s->i + k];
        k -= avail;
        if (s->isolated)
            return NULL;
    }
    return NULL;
}

/* The k-th token ahead, which exists, with its position (exp_peek's
 * pointer may show a macro body's stored one). */
static Token exp_get(Exp *e, int k)
{
    for (int j = e->ns - 1; j >= 0; j--) {
        Src *s = &e->s[j];
        int avail = s->n - s->i;
        if (k < avail) {
            Token t = s->t[s->i + k];
            if (s->reanno) {
                t.line = s->line;
                t.col = s->col;
            }
            return t;
        }
        k -= avail;
    }
    return pp_make_tok(TOK_END, 0, 0);
}

static bool exp_next(Exp *e, Token *t)
{
    settle(e);
    if (e->ns == 0)
        return false;
    *t = exp_get(e, 0);
    e->s[e->ns - 1].i++;
    settle(e);
    return true;
}

static void exp_skip(Exp *e, int n)
{
    Token t;
    while (n-- > 0 && exp_next(e, &t)) {
    }
}

static bool emit(Exp *e, const Token *t)
{
    if (e->out->n >= e->limit) {
        if (!e->failed)
            pp_perr(e->pp, e->f, t->line, t->col, "too many tokens from macro expansion");
        e->failed = true;
        return false;
    }
    if (!tokvec_push(e->out, t)) {
        e->failed = true;
        return false;
    }
    return true;
}

static void exp_fail(Exp *e, const Token *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void exp_fail(Exp *e, const Token *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(pp_file_diag(e->pp, e->f->file), "error", at->line, at->col, fmt, ap);
    va_end(ap);
    e->failed = true;
}

/* The definition ?name(arity args) uses, as epp's get_macro_uses. */
static MacDef *uses_def(Preproc *pp, const char *name, int arity)
{
    Macro *m = pp_find_macro(pp, name);
    if (!m)
        return NULL;
    MacDef *none = NULL;
    for (MacDef *d = m->defs; d; d = d->next) {
        if (d->arity == arity)
            return d;
        if (d->arity < 0)
            none = d;
    }
    return none;
}

/* epp's check_uses: a depth-first walk of what the macro calls, failing
 * when a macro (name and arity) calls itself through any path. */
static bool check_circular(Exp *e, const Token *at, const char *name, int arity)
{
    typedef struct {
        const char *name;
        int arity;
        MacDef *def;
        int next;
    } Frame;
    Preproc *pp = e->pp;
    MacDef *start = uses_def(pp, name, arity);
    if (!start || start->verified == pp->gen)
        return true; /* known to reach no cycle */
    int cap = 32, n = 0;
    Frame *st = malloc((size_t)cap * sizeof *st);
    if (!st)
        return false;
    st[n++] = (Frame){name, arity, start, 0};
    bool ok = true;
    while (n > 0 && ok) {
        Frame *top = &st[n - 1];
        if (!top->def || top->def->verified == pp->gen || top->next >= top->def->nuses) {
            if (top->def)
                top->def->verified = pp->gen;
            n--;
            continue;
        }
        Use u = top->def->uses[top->next++];
        for (int i = 0; i < n; i++) {
            if (st[i].arity == u.arity && strcmp(st[i].name, u.name) == 0) {
                AstBuf b = {0};
                if (u.arity < 0)
                    ast_buf_printf(&b, "circular macro '%s'", u.name);
                else
                    ast_buf_printf(&b, "circular macro '%s/%d'", u.name, u.arity);
                pp_perr(pp, e->f, at->line, at->col, "%s", b.s ? b.s : "circular macro");
                free(b.s);
                e->failed = true;
                ok = false;
                break;
            }
        }
        if (!ok)
            break;
        MacDef *d = uses_def(pp, u.name, u.arity);
        if (d && d->verified != pp->gen) {
            if (n == cap) {
                Frame *s2 = realloc(st, (size_t)cap * 2 * sizeof *s2);
                if (!s2) {
                    ok = false;
                    break;
                }
                st = s2;
                cap *= 2;
            }
            st[n++] = (Frame){u.name, u.arity, d, 0};
        }
    }
    free(st);
    return ok;
}

/* ??Arg: the argument's tokens written as epp's token_src, spaced. */
static bool stringify(Exp *e, const Token *arg, int n, int line, int col, Token *out)
{
    AstBuf b = {0};
    ast_buf_puts(&b, "");
    for (int i = 0; i < n; i++) {
        if (i)
            ast_buf_putc(&b, ' ');
        lex_token_src(&b, &arg[i]);
    }
    *out = pp_make_tok(TOK_STRING, line, col);
    bool ok = b.s && pp_string_tok(e->pp->a, out, b.s, b.len);
    free(b.s);
    return ok;
}

/* A macro's body with its arguments substituted (epp's expand_macro):
 * body tokens take the call's position, or that of the last token of the
 * argument before them; ??Param becomes a string, ??Other just Other. A
 * constant macro has no arguments (args NULL). */
static bool substitute(Exp *e, const MacDef *d, const Token *at, Token **args, const int *argn, TokVec *res)
{
    int line = at->line, col = at->col;
    for (int j = 0; j < d->nbody; j++) {
        const Token *b = &d->body[j];
        int p = -1;
        if (b->kind == TOK_VAR)
            for (int q = 0; q < d->arity; q++)
                if (strcmp(d->params[q], b->u.name.s) == 0)
                    p = q;
        if (p >= 0) {
            for (int i = 0; i < argn[p]; i++)
                if (!tokvec_push(res, &args[p][i]))
                    return false;
            line = args[p][argn[p] - 1].line;
            col = args[p][argn[p] - 1].col;
            continue;
        }
        if (b->kind == TOK_QMARK && j + 2 < d->nbody && d->body[j + 1].kind == TOK_QMARK &&
            d->body[j + 2].kind == TOK_VAR) {
            const Token *v = &d->body[j + 2];
            for (int q = 0; q < d->arity; q++)
                if (strcmp(d->params[q], v->u.name.s) == 0)
                    p = q;
            Token t = *v;
            if (p >= 0 && !stringify(e, args[p], argn[p], line, col, &t))
                return false;
            t.line = line;
            t.col = col;
            if (!tokvec_push(res, &t))
                return false;
            j += 2;
            continue;
        }
        Token t = *b;
        t.line = line;
        t.col = col;
        if (!tokvec_push(res, &t))
            return false;
    }
    return true;
}

/* Collects the arguments of a call (the cursor is on the '(') and pushes
 * the substituted body. */
static bool expand_function(Exp *e, const MacDef *d, const Token *at, const char *name)
{
    IntStack spans = {0};
    int after = 0;
    int n = count_args(exp_peek, e, 0, &spans, &after);
    Token **args = calloc((size_t)(n > 0 ? n : 1), sizeof *args);
    int *argn = calloc((size_t)(n > 0 ? n : 1), sizeof *argn);
    bool ok = args && argn;
    if (ok && n != d->arity) {
        exp_fail(e, at, "argument mismatch for macro '%s'", name);
        ok = false;
    }
    for (int i = 0; ok && i < n; i++) {
        int s = spans.v[2 * i], t = spans.v[2 * i + 1];
        argn[i] = t - s;
        if (argn[i] == 0) {
            exp_fail(e, at, "argument mismatch for macro '%s'", name);
            ok = false;
            break;
        }
        args[i] = malloc((size_t)argn[i] * sizeof **args);
        if (!args[i]) {
            ok = false;
            break;
        }
        for (int k = 0; k < argn[i]; k++)
            args[i][k] = exp_get(e, s + k);
    }
    TokVec res = {0};
    if (ok)
        ok = tokvec_reserve(&res, d->nbody + 16) && substitute(e, d, at, args, argn, &res);
    for (int i = 0; i < n && args; i++)
        free(args[i]);
    free(args);
    free(argn);
    free(spans.v);
    if (!ok) {
        tokvec_free(&res);
        e->failed = true;
        return false;
    }
    exp_skip(e, after);
    if (res.n == 0) {
        tokvec_free(&res);
        return true;
    }
    return push_src(e, res.v, res.n, false, res.v) || (e->failed = true, false);
}

/* ?Name: the cursor is on the name token. */
static bool expand_call(Exp *e)
{
    Token at = exp_get(e, 0);
    const char *name = at.u.name.s;
    Macro *m = pp_find_macro(e->pp, name);
    if ((at.kind == TOK_VAR && strcmp(name, "LINE") == 0) || (m && m->kind == MAC_LINE)) {
        /* ?LINE works even after -undef(LINE); epp's table entry, reached
         * by ?'LINE', holds the integer 1 */
        exp_skip(e, 1);
        Token t = pp_make_tok(TOK_INT, at.line, at.col);
        t.u.i.v = at.kind == TOK_VAR ? at.line : 1;
        return emit(e, &t);
    }
    /* arguments are looked for before the name is consumed, so that the
     * end of a constant macro's body still bounds them */
    int after;
    int arity = count_args(exp_peek, e, 1, NULL, &after);
    exp_skip(e, 1);
    if (arity == ARGS_BAD) {
        exp_fail(e, &at, "badly formed argument for macro '%s'", name);
        return false;
    }
    if (!m || m->kind == MAC_UNDEF) {
        if (arity >= 0)
            exp_fail(e, &at, "undefined macro '%s/%d'", name, arity);
        else
            exp_fail(e, &at, "undefined macro '%s'", name);
        return false;
    }
    MacDef *d = NULL;
    if (m->defs && !m->defs->next && m->defs->arity < 0) {
        d = m->defs;
    } else {
        for (MacDef *x = m->defs; x; x = x->next)
            if (x->arity == arity)
                d = x;
    }
    if (!d) {
        exp_fail(e, &at, "argument mismatch for macro '%s'", name);
        return false;
    }
    if (!check_circular(e, &at, name, d->arity))
        return false;
    if (d->arity >= 0)
        return expand_function(e, d, &at, name);
    /* a constant macro: its body (where ??Var is just Var, as in epp),
     * expanded on its own */
    if (!d->has_qq)
        return push_body(e, d, &at) || (e->failed = true, false);
    TokVec body = {0};
    if (!substitute(e, d, &at, NULL, NULL, &body)) {
        tokvec_free(&body);
        e->failed = true;
        return false;
    }
    if (body.n == 0) {
        tokvec_free(&body);
        return true;
    }
    return push_src(e, body.v, body.n, true, body.v) || (e->failed = true, false);
}

/* Expands the macros of toks[0..n) into out. Returns false after
 * reporting an error. */
bool pp_expand(Preproc *pp, PFile *f, const Token *toks, int n, TokVec *out, bool *has_marks)
{
    Exp e = {0};
    e.pp = pp;
    e.f = f;
    e.out = out;
    e.in_form = has_marks != NULL;
    e.limit = n + PP_MAX_FORM_TOKENS;
    out->n = 0;
    if (!push_src(&e, toks, n, false, NULL))
        return false;
    Token t;
    while (!e.failed && exp_next(&e, &t)) {
        if (t.kind != TOK_QMARK) {
            emit(&e, &t);
            continue;
        }
        if (!exp_peek(&e, 0)) {
            emit(&e, &t);
            continue;
        }
        Token name = exp_get(&e, 0);
        const Token *nm = &name;
        if (nm->kind == TOK_VAR &&
            (strcmp(nm->u.name.s, "FUNCTION_NAME") == 0 || strcmp(nm->u.name.s, "FUNCTION_ARITY") == 0)) {
            if (!e.in_form) {
                exp_fail(&e, nm, "?%s can only be used within a function", nm->u.name.s);
                break;
            }
            Token mk = *nm;
            mk.kind = nm->u.name.s[9] == 'N' ? TOK_FNAME_MARK : TOK_FARITY_MARK;
            exp_skip(&e, 1);
            emit(&e, &mk);
            e.has_marks = true;
            continue;
        }
        if (pp_is_name_tok(nm)) {
            expand_call(&e);
            continue;
        }
        AstBuf b = {0};
        ast_buf_putc(&b, '?');
        lex_token_symbol(&b, nm);
        pp_perr(pp, f, nm->line, nm->col, "illegal macro call '%s'", b.s ? b.s : "?");
        free(b.s);
        e.failed = true;
    }
    while (e.ns > 0)
        pop_src(&e);
    free(e.s);
    if (has_marks)
        *has_marks = e.has_marks;
    return !e.failed;
}

/* ?FUNCTION_NAME / ?FUNCTION_ARITY: the name and arity of the function
 * whose head starts the form (epp's update_fun_name). */
bool pp_fix_function_marks(Preproc *pp, PFile *f, TokVec *out)
{
    Token *t = out->v;
    int n = out->n;
    int first = -1;
    for (int i = 0; i < n && first < 0; i++)
        if (t[i].kind == TOK_FNAME_MARK || t[i].kind == TOK_FARITY_MARK)
            first = i;
    if (first < 0)
        return true;
    const char *macro = t[first].kind == TOK_FNAME_MARK ? "FUNCTION_NAME" : "FUNCTION_ARITY";
    if (n < 2 || t[0].kind != TOK_ATOM || t[1].kind != TOK_LPAREN) {
        if (first == 0)
            pp_perr(pp, f, t[first].line, t[first].col, "?%s must not begin a form", macro);
        else
            pp_perr(pp, f, t[first].line, t[first].col, "?%s can only be used within a function", macro);
        return false;
    }
    int depth = 1, arity = 0;
    for (int i = 2; i < n; i++) {
        TokKind k = (TokKind)t[i].kind;
        if (k == TOK_COMMA) {
            if (depth == 1)
                arity++;
        } else if (k == TOK_LPAREN || k == TOK_LBRACE || k == TOK_LBRACK || k == TOK_LTLT) {
            depth++;
        } else if (k == TOK_RPAREN || k == TOK_RBRACE || k == TOK_RBRACK || k == TOK_GTGT) {
            if (depth == 1)
                break;
            depth--;
        } else if (arity == 0) {
            arity = 1;
        }
    }
    for (int i = 0; i < n; i++) {
        if (t[i].kind == TOK_FNAME_MARK) {
            int line = t[i].line, col = t[i].col;
            t[i] = t[0];
            t[i].line = line;
            t[i].col = col;
        } else if (t[i].kind == TOK_FARITY_MARK) {
            int line = t[i].line, col = t[i].col;
            t[i] = pp_make_tok(TOK_INT, line, col);
            t[i].u.i.v = arity;
        }
    }
    return true;
}
