/* preproc_directive.c - the directives: -define and -undef, -include and
 * -include_lib, -file, -error and -warning, and the conditionals -ifdef,
 * -ifndef, -if, -elif, -else and -endif (regions skipped token by token,
 * as epp skips them), each with epp's checks and messages. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "preproc_int.h"

#include "parser.h"

/* ---- directives */

/* epp's find_mismatch over a few expected token kinds (TOK_ATOM standing
 * for "atom or variable", TOK_END for "the dot"): the first token that
 * does not fit, or the last one when they run out. */
static const Token *mismatch(const Token *toks, int n, const TokKind *want, int nwant, const Token *t0)
{
    for (int i = 0; i < nwant; i++) {
        if (i >= n)
            return t0;
        bool ok = want[i] == TOK_ATOM ? pp_is_name_tok(&toks[i]) : toks[i].kind == want[i];
        if (!ok)
            return &toks[i];
        t0 = &toks[i];
    }
    return &toks[nwant < n ? nwant : n - 1];
}

/* Matches `( Name ) .` after a pp_directive word; returns the name or NULL
 * (then *bad is the token to blame). */
static const char *paren_name(const Token *toks, int n, const Token *word, const Token **bad)
{
    static const TokKind want[] = {TOK_LPAREN, TOK_ATOM, TOK_RPAREN, TOK_DOT};
    if (n == 4 && toks[0].kind == TOK_LPAREN && pp_is_name_tok(&toks[1]) && toks[2].kind == TOK_RPAREN &&
        toks[3].kind == TOK_DOT)
        return toks[1].u.name.s;
    *bad = mismatch(toks, n, want, 4, word);
    return NULL;
}

/* epp's no_match: the first token of toks, or t0 when there is none. */
const Token *pp_first_or(const Token *toks, int n, const Token *t0)
{
    return n > 0 ? &toks[0] : t0;
}

static bool only_dot(const Token *toks, int n)
{
    return n == 1 && toks[0].kind == TOK_DOT;
}

/* The parameters of -define(Name(P1, ..., Pn), ...): toks[*k] is the
 * '('. Returns the arity (with *k after the ',' that ends the head), or
 * -1 after reporting what is wrong, as epp's macro_pars does. */
static int define_params(Preproc *pp, PFile *f, const Token *toks, int n, int *k, const char ***params)
{
    const Token *last = &toks[(*k)++];
    int arity = 0;
    const char **ps = ast_alloc(pp->a, (size_t)(n + 1) * sizeof *ps);
    if (!ps)
        return -1;
    if (*k < n && toks[*k].kind == TOK_RPAREN) {
        last = &toks[(*k)++];
    } else {
        for (;;) {
            const Token *v = *k < n ? &toks[*k] : NULL;
            if (!v || v->kind != TOK_VAR) {
                const Token *b = pp_first_or(toks + *k, n - *k, last);
                pp_perr(pp, f, b->line, b->col, "badly formed 'define'");
                return -1;
            }
            for (int q = 0; q < arity; q++) {
                if (strcmp(ps[q], v->u.name.s) == 0) {
                    pp_perr(pp, f, v->line, v->col, "argument '%s' already used", v->u.name.s);
                    return -1;
                }
            }
            ps[arity++] = v->u.name.s;
            last = &toks[(*k)++];
            if (*k < n && toks[*k].kind == TOK_RPAREN) {
                last = &toks[(*k)++];
                break;
            }
            if (!(*k + 1 < n && toks[*k].kind == TOK_COMMA && toks[*k + 1].kind == TOK_VAR)) {
                const Token *b = pp_first_or(toks + *k, n - *k, last);
                pp_perr(pp, f, b->line, b->col, "badly formed 'define'");
                return -1;
            }
            last = &toks[(*k)++];
        }
    }
    if (*k >= n || toks[*k].kind != TOK_COMMA) {
        const Token *b = pp_first_or(toks + *k, n - *k, last);
        pp_perr(pp, f, b->line, b->col, "badly formed define: missing comma");
        return -1;
    }
    (*k)++;
    *params = ps;
    return arity;
}

/* Where a macro body starting at toks[start] ends: at the `)` of the
 * closing `) .` (epp's macro_expansion); -1 after reporting. */
static int define_body_end(Preproc *pp, PFile *f, const Token *toks, int n, int start)
{
    for (int j = start; j < n; j++) {
        if (toks[j].kind == TOK_RPAREN && j + 2 == n && toks[j + 1].kind == TOK_DOT)
            return j;
        if (toks[j].kind == TOK_DOT) {
            pp_perr(pp, f, toks[j].line, toks[j].col, "badly formed define: missing closing right parenthesis");
            return -1;
        }
        if (toks[j].kind == TOK_END)
            break;
    }
    const Token *last = &toks[n - 1];
    if (last->kind == TOK_END && n > 1)
        last--;
    pp_perr(pp, f, last->line, last->col, "premature end");
    return -1;
}

/* Adds a definition of mac, unless that name and arity is taken. */
static void add_definition(Preproc *pp, PFile *f, const Token *mac, MacDef *d)
{
    const char *name = mac->u.name.s;
    Macro *m = pp_find_macro(pp, name);
    if (m && m->kind != MAC_USER) {
        pp_perr(pp, f, mac->line, mac->col, "redefining predefined macro '%s'", name);
        return;
    }
    for (MacDef *x = m ? m->defs : NULL; x; x = x->next) {
        if (x->arity == d->arity) {
            pp_perr(pp, f, mac->line, mac->col, "redefining macro '%s'", name);
            return;
        }
    }
    int errk = 0;
    const char *errname = NULL;
    if (!pp_body_uses(pp, d->body, d->nbody, d, &errk, &errname)) {
        if (errname)
            pp_perr(pp, f, d->body[errk].line, d->body[errk].col, "badly formed argument for macro '%s'", errname);
        return;
    }
    if (!m)
        m = pp_add_macro(pp, name, MAC_USER);
    if (!m)
        return;
    d->next = m->defs;
    m->defs = d;
    pp->gen++;
}

/* -define(Name, Body). / -define(Name(P1, ..., Pn), Body). */
static void do_define(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    static const TokKind want[] = {TOK_LPAREN, TOK_ATOM};
    if (n < 2 || toks[0].kind != TOK_LPAREN || !pp_is_name_tok(&toks[1])) {
        const Token *b = mismatch(toks, n, want, 2, word);
        pp_perr(pp, f, b->line, b->col, "badly formed 'define'");
        return;
    }
    int k = 2, arity = -1;
    const char **params = NULL;
    if (k < n && toks[k].kind == TOK_LPAREN) {
        arity = define_params(pp, f, toks, n, &k, &params);
        if (arity < 0)
            return;
    } else if (k < n && toks[k].kind == TOK_COMMA) {
        k++;
    } else {
        const Token *b = pp_first_or(toks + k, n - k, word);
        pp_perr(pp, f, b->line, b->col, "badly formed 'define'");
        return;
    }
    int end = define_body_end(pp, f, toks, n, k);
    if (end < 0)
        return;
    MacDef *d = ast_alloc(pp->a, sizeof *d);
    if (!d)
        return;
    d->arity = arity;
    d->params = params;
    d->nbody = end - k;
    d->body = pp_copy_toks(pp->a, toks + k, d->nbody);
    add_definition(pp, f, &toks[1], d);
}

static void do_undef(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    const Token *bad = NULL;
    const char *name = paren_name(toks, n, word, &bad);
    if (!name) {
        pp_perr(pp, f, bad->line, bad->col, "badly formed 'undef'");
        return;
    }
    pp_remove_macro(pp, name);
    pp->gen++;
}

/* epp's coalesce_strings: adjacent strings become one (at the first's
 * position). */
static void coalesce(AstArena *a, const Token *toks, int n, TokVec *out)
{
    for (int i = 0; i < n; i++) {
        if (toks[i].kind != TOK_STRING || i + 1 >= n || toks[i + 1].kind != TOK_STRING) {
            tokvec_push(out, &toks[i]);
            continue;
        }
        int j = i;
        size_t len = 0;
        while (j < n && toks[j].kind == TOK_STRING)
            len += toks[j++].u.str.len;
        Token t = toks[i];
        uint32_t *chars = ast_alloc(a, (len + 1) * sizeof *chars);
        if (!chars)
            return;
        size_t k = 0;
        for (int q = i; q < j; q++)
            for (uint32_t c = 0; c < toks[q].u.str.len; c++)
                chars[k++] = toks[q].u.str.chars[c];
        t.u.str.chars = chars;
        t.u.str.len = (uint32_t)len;
        tokvec_push(out, &t);
        i = j - 1;
    }
}

/* The file name of `( "..." ) .`, or NULL (then *bad is the token to
 * blame); *strtok is the string token. */
static char *include_name(Preproc *pp, const Token *toks, int n, const Token *word, const Token **bad,
                          const Token **strtok)
{
    static const TokKind want[] = {TOK_LPAREN, TOK_STRING, TOK_RPAREN, TOK_DOT};
    TokVec co = {0};
    coalesce(pp->a, toks, n, &co);
    char *name = NULL;
    if (co.n == 4 && co.v[0].kind == TOK_LPAREN && co.v[1].kind == TOK_STRING && co.v[2].kind == TOK_RPAREN &&
        co.v[3].kind == TOK_DOT) {
        AstBuf b = {0};
        ast_buf_puts(&b, "");
        for (uint32_t i = 0; i < co.v[1].u.str.len; i++)
            ast_buf_utf8(&b, co.v[1].u.str.chars[i]);
        name = b.s ? ast_strndup(pp->a, b.s, b.len) : NULL;
        free(b.s);
        *strtok = &toks[1];
    } else {
        const Token *m = mismatch(co.v, co.n, want, 4, word);
        /* point into toks, which outlive co */
        *bad = word;
        for (int i = 0; i < n; i++)
            if (toks[i].line == m->line && toks[i].col == m->col)
                *bad = &toks[i];
    }
    tokvec_free(&co);
    return name;
}

static void do_include(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n, bool lib)
{
    const Token *bad = NULL, *st = NULL;
    char *name = include_name(pp, toks, n, word, &bad, &st);
    const char *what = lib ? "include_lib" : "include";
    if (!name) {
        pp_perr(pp, f, bad->line, bad->col, "badly formed '%s'", what);
        return;
    }
    if (pp->nstk > PP_MAX_INCLUDE_DEPTH) {
        const Token *at = lib ? word : st;
        pp_perr(pp, f, at->line, at->col, "%s too deep", what);
        return;
    }
    int file = pp_find_include(pp, f, name);
    if (file < 0) {
        pp_perr(pp, f, st->line, st->col, "can't find include %s \"%s\"", lib ? "lib" : "file", name);
        return;
    }
    if (!pp_open_file(pp, file, pp_dirname_of(pp->a, pp->files[file]->f.name)))
        return;
    pp_set_file_macro(pp, pp->files[file]->f.name);
}

/* ---- -error and -warning */

/* Writes a literal term as io_lib's ~tp does for small terms. */
static bool print_term(AstBuf *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT:
        if (e->u.int_.big)
            ast_buf_puts(b, e->u.int_.big);
        else
            ast_buf_printf(b, "%lld", (long long)e->u.int_.value);
        return true;
    case AST_FLOAT:
    case AST_ATOM:
    case AST_STRING:
    case AST_NIL: ast_print_expr(b, e); return true;
    case AST_TUPLE:
    case AST_LIST: {
        bool tuple = e->kind == AST_TUPLE;
        const AstExprList *l = tuple ? &e->u.tuple.elems : &e->u.list.elems;
        ast_buf_putc(b, tuple ? '{' : '[');
        for (int i = 0; i < l->n; i++) {
            if (i)
                ast_buf_putc(b, ',');
            if (!print_term(b, l->items[i]))
                return false;
        }
        if (!tuple && e->u.list.tail->kind != AST_NIL) {
            ast_buf_putc(b, '|');
            if (!print_term(b, e->u.list.tail))
                return false;
        }
        ast_buf_putc(b, tuple ? '}' : ']');
        return true;
    }
    default: return false;
    }
}

static void do_error_warning(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    bool warn = word->u.name.s[0] == 'w';
    const char *tag = warn ? "warning" : "error";
    if (n == 0 || toks[0].kind != TOK_LPAREN) {
        const Token *b = pp_first_or(toks, n, word);
        pp_perr(pp, f, b->line, b->col, "badly formed '%s'", tag);
        return;
    }
    TokVec ex = {0};
    AstExprList es;
    Diag quiet;
    diag_init(&quiet, "", NULL, 0, NULL);
    bool ok = pp_expand(pp, f, toks, n, &ex, NULL) && parse_exprs_from_tokens(pp->a, &quiet, ex.v, ex.n, &es) &&
              es.n == 1;
    tokvec_free(&ex);
    AstBuf b = {0};
    if (ok)
        ok = print_term(&b, es.items[0]);
    if (!ok)
        pp_perr(pp, f, word->line, word->col, "badly formed '%s'", tag);
    else if (warn)
        pp_pwarn(pp, f, word->line, word->col, "-%s(%s).", tag, b.s);
    else
        pp_perr(pp, f, word->line, word->col, "-%s(%s).", tag, b.s);
    free(b.s);
}

/* -file(Name, Line).: checked, then ignored. */
static void do_file(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    TokVec ex = {0};
    if (!pp_expand(pp, f, toks, n, &ex, NULL)) {
        tokvec_free(&ex);
        return;
    }
    const Token *t = ex.v;
    int k = 1;
    while (k < ex.n && t[k].kind == TOK_STRING)
        k++;
    bool ok = ex.n > 0 && t[0].kind == TOK_LPAREN && k > 1 && k + 4 == ex.n && t[k].kind == TOK_COMMA &&
              t[k + 1].kind == TOK_INT && t[k + 2].kind == TOK_RPAREN && t[k + 3].kind == TOK_DOT;
    if (!ok) {
        static const TokKind want[] = {TOK_LPAREN, TOK_STRING, TOK_COMMA, TOK_INT, TOK_RPAREN, TOK_DOT};
        /* after coalescing the strings, as epp does */
        TokVec co = {0};
        for (int i = 0; i < ex.n; i++)
            if (!(i > 0 && t[i].kind == TOK_STRING && t[i - 1].kind == TOK_STRING))
                tokvec_push(&co, &t[i]);
        const Token *b = mismatch(co.v, co.n, want, 6, word);
        pp_perr(pp, f, b->line, b->col, "badly formed 'file'");
        tokvec_free(&co);
    }
    tokvec_free(&ex);
}

/* ---- conditional compilation */

/* Skips forms until the conditional that made us skip ends (epp's
 * skip_toks). stack holds the open conditionals being skipped. */
static void skip_forms(Preproc *pp, PFile *f, IntStack *stack)
{
    for (;;) {
        LexStatus st = lex_form(&f->lx, &pp->raw);
        if (st == LEX_ERROR)
            continue;
        if (st == LEX_FATAL)
            pp_perr(pp, f, f->lx.err_line, f->lx.err_col, "%s", f->lx.err_msg);
        if (st == LEX_EOF || st == LEX_FATAL) {
            /* epp replaces the open conditionals with those skipped */
            free(f->istk.v);
            f->istk = *stack;
            *stack = (IntStack){0};
            pp_leave_file(pp);
            return;
        }
        const Token *t = pp->raw.v;
        int n = pp->raw.n;
        if (n < 2 || t[0].kind != TOK_MINUS)
            continue;
        const char *w = t[1].kind == TOK_ATOM ? t[1].u.name.s : t[1].kind == TOK_IF ? "if" : "";
        int top = stack->v[stack->n - 1];
        if (strcmp(w, "ifdef") == 0 || strcmp(w, "ifndef") == 0 || strcmp(w, "if") == 0) {
            pp_push_int(stack, w[2] == 'd' ? IF_IFDEF : w[2] == 'n' ? IF_IFNDEF : IF_IF);
        } else if (strcmp(w, "else") == 0) {
            if (top == IF_ELSE) {
                pp_perr(pp, f, t[1].line, t[1].col, "repeated '-else'");
            } else if (top == IF_ELIF) {
                stack->v[stack->n - 1] = IF_ELSE;
            } else if (stack->n == 1) {
                pp_push_int(&f->istk, IF_ELSE);
                break;
            }
        } else if (strcmp(w, "elif") == 0) {
            if (top == IF_ELSE) {
                pp_perr(pp, f, t[1].line, t[1].col, "'elif' following 'else'");
            } else if (stack->n == 1) {
                int r = pp_eval_condition(pp, f, &t[1], t + 2, n - 2);
                if (r == 1) {
                    pp_push_int(&f->istk, IF_IF);
                    break;
                }
                stack->v[0] = IF_IF;
            }
        } else if (strcmp(w, "endif") == 0) {
            if (--stack->n == 0)
                break;
        }
    }
    free(stack->v);
    *stack = (IntStack){0};
}

static void start_skip(Preproc *pp, PFile *f, IfKind why)
{
    IntStack s = {0};
    if (pp_push_int(&s, why))
        skip_forms(pp, f, &s);
    free(s.v);
}

static void do_ifdef(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n, bool negate)
{
    IfKind kind = negate ? IF_IFNDEF : IF_IFDEF;
    const Token *bad = NULL;
    const char *name = paren_name(toks, n, word, &bad);
    if (!name) {
        pp_perr(pp, f, bad->line, bad->col, "badly formed '%s'", pp_if_names[kind]);
        start_skip(pp, f, kind);
        return;
    }
    if (pp_is_defined(pp, name) != negate)
        pp_push_int(&f->istk, kind);
    else
        start_skip(pp, f, kind);
}

static void do_if(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (pp_eval_condition(pp, f, word, toks, n) == 1)
        pp_push_int(&f->istk, IF_IF);
    else
        start_skip(pp, f, IF_IF);
}

static void do_else(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (!only_dot(toks, n)) {
        const Token *b = pp_first_or(toks, n, word);
        pp_perr(pp, f, b->line, b->col, "badly formed 'else'");
        return;
    }
    if (f->istk.n == 0) {
        pp_perr(pp, f, word->line, word->col, "unbalanced '-else'");
        return;
    }
    int top = f->istk.v[--f->istk.n];
    if (top == IF_ELSE)
        pp_perr(pp, f, word->line, word->col, "repeated '-else'");
    start_skip(pp, f, IF_ELSE);
}

static void do_elif(Preproc *pp, PFile *f, const Token *word)
{
    if (f->istk.n == 0) {
        pp_perr(pp, f, word->line, word->col, "unbalanced '-elif'");
        return;
    }
    int top = f->istk.v[--f->istk.n];
    if (top == IF_ELSE) {
        pp_perr(pp, f, word->line, word->col, "unbalanced '-elif'");
        start_skip(pp, f, IF_ELSE);
    } else {
        start_skip(pp, f, IF_ELIF);
    }
}

static void do_endif(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (!only_dot(toks, n)) {
        const Token *b = pp_first_or(toks, n, word);
        pp_perr(pp, f, b->line, b->col, "badly formed 'endif'");
        return;
    }
    if (f->istk.n == 0)
        pp_perr(pp, f, word->line, word->col, "unbalanced '-endif'");
    else
        f->istk.n--;
}

/* Carries out a pp_directive form; false when the form is not one. */
bool pp_directive(Preproc *pp, PFile *f)
{
    const Token *t = pp->raw.v;
    int n = pp->raw.n;
    if (n < 2 || t[0].kind != TOK_MINUS)
        return false;
    const Token *w = &t[1], *rest = t + 2;
    int nr = n - 2;
    if (w->kind == TOK_IF) {
        do_if(pp, f, w, rest, nr);
        return true;
    }
    if (w->kind != TOK_ATOM)
        return false;
    const char *s = w->u.name.s;
    if (strcmp(s, "define") == 0)
        do_define(pp, f, w, rest, nr);
    else if (strcmp(s, "undef") == 0)
        do_undef(pp, f, w, rest, nr);
    else if (strcmp(s, "include") == 0)
        do_include(pp, f, w, rest, nr, false);
    else if (strcmp(s, "include_lib") == 0)
        do_include(pp, f, w, rest, nr, true);
    else if (strcmp(s, "ifdef") == 0)
        do_ifdef(pp, f, w, rest, nr, false);
    else if (strcmp(s, "ifndef") == 0)
        do_ifdef(pp, f, w, rest, nr, true);
    else if (strcmp(s, "else") == 0)
        do_else(pp, f, w, rest, nr);
    else if (strcmp(s, "elif") == 0)
        do_elif(pp, f, w);
    else if (strcmp(s, "endif") == 0)
        do_endif(pp, f, w, rest, nr);
    else if (strcmp(s, "error") == 0 || strcmp(s, "warning") == 0)
        do_error_warning(pp, f, w, rest, nr);
    else if (strcmp(s, "file") == 0)
        do_file(pp, f, w, rest, nr);
    else
        return false;
    return true;
}

/* After -module(M): ?MODULE and ?MODULE_STRING. */
void pp_scan_module(Preproc *pp, const TokVec *tv)
{
    const Token *t = tv->v;
    if (tv->n < 5 || t[0].kind != TOK_MINUS || t[1].kind != TOK_ATOM || strcmp(t[1].u.name.s, "module") != 0 ||
        t[2].kind != TOK_LPAREN || t[3].kind != TOK_ATOM ||
        (t[4].kind != TOK_RPAREN && t[4].kind != TOK_COMMA))
        return;
    pp_def_constant(pp, "MODULE", MAC_PREDEF, &t[3], 1);
    Token s = t[3];
    if (pp_string_tok(pp->a, &s, t[3].u.name.s, t[3].u.name.len))
        pp_def_constant(pp, "MODULE_STRING", MAC_PREDEF, &s, 1);
    pp->gen++;
}
