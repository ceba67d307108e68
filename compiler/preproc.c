/* preproc.c - the Erlang preprocessor, following OTP 25's epp: the same
 * directives, the same macro expansion (including its corner cases:
 * constant macros expand in isolation, function-like ones rescan with
 * what follows, circular definitions are found from each macro's uses),
 * the same messages and positions. */
#include "preproc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

/* ---- tables */

typedef struct {
    const char *name;
    int arity; /* -1: no parentheses */
} Use;

typedef struct MacDef {
    struct MacDef *next;
    int arity;           /* -1: a constant macro ?M; else ?M(A1, ..., An) */
    const char **params; /* arity names */
    Token *body;
    int nbody;
    Use *uses; /* macros its body calls, sorted, for the circularity check */
    int nuses;
    bool has_qq; /* its body has ??Var */
    unsigned verified; /* generation in which no cycle was found from here */
} MacDef;

typedef enum {
    MAC_USER,     /* -define'd: defs, one per arity */
    MAC_PREDEF,   /* predefined, with one constant def */
    MAC_UNDEF,    /* predefined but not yet defined (?MODULE before -module) */
    MAC_LINE,     /* ?LINE */
} MacKind;

typedef struct Macro {
    struct Macro *next;
    const char *name;
    MacKind kind;
    MacDef *defs;
} Macro;

#define NBUCKETS 256

typedef enum { IF_IFDEF, IF_IFNDEF, IF_IF, IF_ELSE, IF_ELIF } IfKind;

static const char *const if_names[] = {"ifdef", "ifndef", "if", "else", "elif"};

typedef struct {
    int *v;
    int n, cap;
} IntStack;

/* A file being read. */
typedef struct {
    int file;
    Lexer lx;
    const char *dir; /* its folder, for relative includes ("" = current) */
    IntStack istk;   /* open conditionals (IfKind), innermost last */
} PFile;

typedef struct {
    AstFile f;
    Diag diag;
} FileEnt;

struct Preproc {
    AstArena *a;
    Diag *main_diag;
    FrontOptions opts;
    const char *main_dir;
    FileEnt **files;
    int nfiles, capfiles;
    AstFile *files_out;
    PFile *stk[PP_MAX_INCLUDE_DEPTH + 2];
    int nstk;
    Macro *buckets[NBUCKETS];
    unsigned gen;
    TokVec raw, out;
};

static bool push_int(IntStack *s, int v)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        int *p = realloc(s->v, (size_t)cap * sizeof *p);
        if (!p)
            return false;
        s->v = p;
        s->cap = cap;
    }
    s->v[s->n++] = v;
    return true;
}

static unsigned hash_name(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % NBUCKETS;
}

static Macro *find_macro(Preproc *pp, const char *name)
{
    for (Macro *m = pp->buckets[hash_name(name)]; m; m = m->next)
        if (strcmp(m->name, name) == 0)
            return m;
    return NULL;
}

static Macro *add_macro(Preproc *pp, const char *name, MacKind kind)
{
    Macro *m = find_macro(pp, name);
    if (!m) {
        m = ast_alloc(pp->a, sizeof *m);
        if (!m)
            return NULL;
        m->name = ast_strndup(pp->a, name, strlen(name));
        unsigned h = hash_name(name);
        m->next = pp->buckets[h];
        pp->buckets[h] = m;
    }
    m->kind = kind;
    m->defs = NULL;
    return m;
}

static void remove_macro(Preproc *pp, const char *name)
{
    Macro **p = &pp->buckets[hash_name(name)];
    for (; *p; p = &(*p)->next) {
        if (strcmp((*p)->name, name) == 0) {
            *p = (*p)->next;
            return;
        }
    }
}

static bool is_defined(Preproc *pp, const char *name)
{
    Macro *m = find_macro(pp, name);
    return m && m->kind != MAC_UNDEF;
}

/* ---- reporting */

static Diag *file_diag(Preproc *pp, int file)
{
    return file == 0 ? pp->main_diag : &pp->files[file]->diag;
}

static void perr(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void perr(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(file_diag(pp, f->file), "error", line, col, fmt, ap);
    va_end(ap);
}

static void pwarn(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void pwarn(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(file_diag(pp, f->file), "warning", line, col, fmt, ap);
    va_end(ap);
}

/* ---- tokens */

static Token make_tok(TokKind kind, int line, int col)
{
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = (uint8_t)kind;
    t.line = line;
    t.col = col;
    return t;
}

static bool is_name_tok(const Token *t)
{
    return t->kind == TOK_ATOM || t->kind == TOK_VAR;
}

/* A STRING token holding the UTF-8 text s. */
static bool string_tok(AstArena *a, Token *t, const char *s, size_t n)
{
    uint32_t *chars = ast_alloc(a, (n + 1) * sizeof *chars);
    if (!chars)
        return false;
    size_t k = 0, i = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < n) {
        uint32_t c = u[i];
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (more && i + (size_t)more < n) {
            c &= 0x3Fu >> more;
            for (int j = 1; j <= more; j++)
                c = (c << 6) | (u[i + (size_t)j] & 0x3F);
            i += (size_t)more + 1;
        } else {
            i++;
        }
        chars[k++] = c;
    }
    t->kind = TOK_STRING;
    t->u.str.chars = chars;
    t->u.str.len = (uint32_t)k;
    return true;
}

/* Tokens of a text (for -D values and predefined macros), without dot. */
static int lex_text(Preproc *pp, const char *text, TokVec *out)
{
    Lexer lx;
    lex_init(&lx, pp->a, text, strlen(text));
    LexStatus st = lex_form(&lx, out);
    lex_free(&lx);
    if (st == LEX_FORM && out->n > 0)
        out->n--; /* a trailing dot */
    return st == LEX_ERROR || st == LEX_FATAL ? -1 : out->n;
}

static Token *copy_toks(AstArena *a, const Token *t, int n)
{
    if (n == 0)
        return NULL;
    Token *c = ast_alloc(a, (size_t)n * sizeof *c);
    if (c)
        memcpy(c, t, (size_t)n * sizeof *c);
    return c;
}

/* ---- predefined macros */

static void def_constant(Preproc *pp, const char *name, MacKind kind, const Token *body, int nbody)
{
    Macro *m = add_macro(pp, name, kind);
    if (!m || kind != MAC_PREDEF)
        return;
    MacDef *d = ast_alloc(pp->a, sizeof *d);
    if (!d)
        return;
    d->arity = -1;
    d->body = copy_toks(pp->a, body, nbody);
    d->nbody = nbody;
    m->defs = d;
}

static void set_file_macro(Preproc *pp, const char *name)
{
    Token t = make_tok(TOK_STRING, 1, 1);
    if (string_tok(pp->a, &t, name, strlen(name)))
        def_constant(pp, "FILE", MAC_PREDEF, &t, 1);
}

/* ?FEATURE_AVAILABLE(F) and ?FEATURE_ENABLED(F), as OTP 25's epp has
 * them: maybe_expr is the one feature available; none is enabled. */
static void def_feature_macros(Preproc *pp)
{
    static const char *const param[] = {"X"};
    Token avail[5], *enabled = avail;
    avail[0] = make_tok(TOK_LPAREN, 1, 1);
    avail[1] = make_tok(TOK_VAR, 1, 1);
    avail[1].u.name.s = "X";
    avail[1].u.name.len = 1;
    avail[2] = make_tok(TOK_EQEQ, 1, 1);
    avail[3] = make_tok(TOK_ATOM, 1, 1);
    avail[3].u.name.s = "maybe_expr";
    avail[3].u.name.len = 10;
    avail[4] = make_tok(TOK_RPAREN, 1, 1);
    Token f = make_tok(TOK_ATOM, 1, 1);
    f.u.name.s = "false";
    f.u.name.len = 5;
    for (int i = 0; i < 2; i++) {
        Macro *m = add_macro(pp, i ? "FEATURE_ENABLED" : "FEATURE_AVAILABLE", MAC_USER);
        MacDef *d = m ? ast_alloc(pp->a, sizeof *d) : NULL;
        if (!d)
            return;
        d->arity = 1;
        d->params = (const char **)param;
        d->body = copy_toks(pp->a, i ? &f : enabled, i ? 1 : 5);
        d->nbody = i ? 1 : 5;
        m->defs = d;
    }
}

static void predefine(Preproc *pp, const char *filename)
{
    set_file_macro(pp, filename);
    add_macro(pp, "LINE", MAC_LINE);
    add_macro(pp, "MODULE", MAC_UNDEF);
    add_macro(pp, "MODULE_STRING", MAC_UNDEF);
    add_macro(pp, "BASE_MODULE", MAC_UNDEF);
    add_macro(pp, "BASE_MODULE_STRING", MAC_UNDEF);
    add_macro(pp, "FUNCTION_NAME", MAC_UNDEF);
    add_macro(pp, "FUNCTION_ARITY", MAC_UNDEF);
    def_feature_macros(pp);
    Token t = make_tok(TOK_ATOM, 1, 1);
    t.u.name.s = "BEAM";
    t.u.name.len = 4;
    def_constant(pp, "MACHINE", MAC_PREDEF, &t, 1);
    t.u.name.s = "true";
    def_constant(pp, "BEAM", MAC_PREDEF, &t, 1);
    t = make_tok(TOK_INT, 1, 1);
    t.u.i.v = 25;
    def_constant(pp, "OTP_RELEASE", MAC_PREDEF, &t, 1);
}

/* -DNAME or -DNAME=VALUE from the options: user macros, as erlc's. */
static void user_defines(Preproc *pp)
{
    for (int i = 0; i < pp->opts.n_defines; i++) {
        const char *d = pp->opts.defines[i];
        const char *eq = strchr(d, '=');
        char *name = ast_strndup(pp->a, d, eq ? (size_t)(eq - d) : strlen(d));
        TokVec tv = {0};
        int n;
        if (eq) {
            n = lex_text(pp, eq + 1, &tv);
        } else {
            Token t = make_tok(TOK_ATOM, 1, 1);
            t.u.name.s = "true";
            t.u.name.len = 4;
            n = tokvec_push(&tv, &t) ? 1 : -1;
        }
        Macro *m = name && n >= 0 ? add_macro(pp, name, MAC_USER) : NULL;
        MacDef *def = m ? ast_alloc(pp->a, sizeof *def) : NULL;
        if (def) {
            def->arity = -1;
            def->body = copy_toks(pp->a, tv.v, n);
            def->nbody = n;
            m->defs = def;
        }
        tokvec_free(&tv);
    }
    pp->gen++;
}

/* ---- files */

static char *dirname_of(AstArena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ast_strndup(a, "", 0);
    if (slash == path)
        return ast_strndup(a, "/", 1);
    return ast_strndup(a, path, (size_t)(slash - path));
}

/* Larger include files are refused (as not found), so that an -include
 * of something endless such as /dev/zero cannot eat all memory. */
#define MAX_INCLUDE_BYTES ((size_t)256 * 1024 * 1024)

static char *default_read(void *ctx, const char *path, size_t *len)
{
    (void)ctx;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (cap > MAX_INCLUDE_BYTES) {
            free(buf);
            buf = NULL;
            break;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (n < cap) {
            if (ferror(fp)) {
                free(buf);
                buf = NULL;
            }
            break;
        }
        char *b2 = realloc(buf, cap * 2);
        if (!b2) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = b2;
        cap *= 2;
    }
    fclose(fp);
    *len = n;
    return buf;
}

/* Registers a file's text (copied into the arena) and returns its index. */
static int add_file(Preproc *pp, const char *name, const char *src, size_t len)
{
    if (pp->nfiles == pp->capfiles) {
        int cap = pp->capfiles ? pp->capfiles * 2 : 8;
        FileEnt **p = realloc(pp->files, (size_t)cap * sizeof *p);
        if (!p)
            return -1;
        pp->files = p;
        pp->capfiles = cap;
    }
    FileEnt *e = ast_alloc(pp->a, sizeof *e);
    if (!e)
        return -1;
    e->f.name = ast_strndup(pp->a, name, strlen(name));
    e->f.src = src;
    e->f.len = len;
    diag_init(&e->diag, e->f.name, src, len, pp->main_diag->out);
    pp->files[pp->nfiles] = e;
    return pp->nfiles++;
}

static bool open_file(Preproc *pp, int file, const char *dir)
{
    PFile *f = calloc(1, sizeof *f);
    if (!f)
        return false;
    f->file = file;
    f->dir = dir;
    lex_init(&f->lx, pp->a, pp->files[file]->f.src, pp->files[file]->f.len);
    pp->stk[pp->nstk++] = f;
    return true;
}

static void close_file(PFile *f)
{
    lex_free(&f->lx);
    free(f->istk.v);
    free(f);
}

/* End of a file: open conditionals are errors; back to the includer. */
static void leave_file(Preproc *pp)
{
    PFile *f = pp->stk[pp->nstk - 1];
    for (int i = f->istk.n; i-- > 0;)
        perr(pp, f, f->lx.line, f->lx.col, "unterminated '-%s'", if_names[f->istk.v[i]]);
    pp->nstk--;
    close_file(f);
    if (pp->nstk > 0)
        set_file_macro(pp, pp->files[pp->stk[pp->nstk - 1]->file]->f.name);
}

/* Reads name relative to each folder of the search path in turn. */
static int find_include(Preproc *pp, PFile *f, const char *name)
{
    const char *dirs[64];
    int nd = 0;
    if (name[0] == '/') {
        dirs[nd++] = "";
    } else {
        dirs[nd++] = f->dir;
        dirs[nd++] = pp->main_dir;
        for (int i = 0; i < pp->opts.n_include_paths && nd < 64; i++)
            dirs[nd++] = pp->opts.include_paths[i];
    }
    for (int i = 0; i < nd; i++) {
        AstBuf path = {0};
        if (dirs[i][0] && name[0] != '/')
            ast_buf_printf(&path, "%s/%s", dirs[i], name);
        else
            ast_buf_puts(&path, name);
        if (!path.s)
            return -1;
        size_t len = 0;
        char *text = pp->opts.read_file(pp->opts.read_ctx, path.s, &len);
        if (text) {
            char *copy = ast_alloc(pp->a, len + 1);
            int file = -1;
            if (copy) {
                memcpy(copy, text, len);
                file = add_file(pp, path.s, copy, len);
            }
            free(text);
            free(path.s);
            return file;
        }
        free(path.s);
    }
    return -1;
}

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
        if (spans && (!push_int(spans, k) || !push_int(spans, e)))
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
static bool body_uses(Preproc *pp, const Token *body, int n, MacDef *d, int *errk, const char **errname)
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
        if (!is_name_tok(&body[k + 1]))
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
    bool in_form; /* ?FUNCTION_NAME is allowed (a form, not a directive) */
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
    return make_tok(TOK_END, 0, 0);
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
            perr(e->pp, e->f, t->line, t->col, "too many tokens from macro expansion");
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
    diag_vreport(file_diag(e->pp, e->f->file), "error", at->line, at->col, fmt, ap);
    va_end(ap);
    e->failed = true;
}

/* The definition ?name(arity args) uses, as epp's get_macro_uses. */
static MacDef *uses_def(Preproc *pp, const char *name, int arity)
{
    Macro *m = find_macro(pp, name);
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
                perr(pp, e->f, at->line, at->col, "%s", b.s ? b.s : "circular macro");
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
    *out = make_tok(TOK_STRING, line, col);
    bool ok = b.s && string_tok(e->pp->a, out, b.s, b.len);
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
    Macro *m = find_macro(e->pp, name);
    if ((at.kind == TOK_VAR && strcmp(name, "LINE") == 0) || (m && m->kind == MAC_LINE)) {
        /* ?LINE works even after -undef(LINE); epp's table entry, reached
         * by ?'LINE', holds the integer 1 */
        exp_skip(e, 1);
        Token t = make_tok(TOK_INT, at.line, at.col);
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
static bool expand(Preproc *pp, PFile *f, const Token *toks, int n, TokVec *out, bool *has_marks)
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
        if (is_name_tok(nm)) {
            expand_call(&e);
            continue;
        }
        AstBuf b = {0};
        ast_buf_putc(&b, '?');
        lex_token_symbol(&b, nm);
        perr(pp, f, nm->line, nm->col, "illegal macro call '%s'", b.s ? b.s : "?");
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
static bool fix_function_marks(Preproc *pp, PFile *f, TokVec *out)
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
            perr(pp, f, t[first].line, t[first].col, "?%s must not begin a form", macro);
        else
            perr(pp, f, t[first].line, t[first].col, "?%s can only be used within a function", macro);
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
            t[i] = make_tok(TOK_INT, line, col);
            t[i].u.i.v = arity;
        }
    }
    return true;
}

/* ---- directives */

/* epp's find_mismatch over a few expected token kinds (TOK_ATOM standing
 * for "atom or variable", TOK_END for "the dot"): the first token that
 * does not fit, or the last one when they run out. */
static const Token *mismatch(const Token *toks, int n, const TokKind *want, int nwant, const Token *t0)
{
    for (int i = 0; i < nwant; i++) {
        if (i >= n)
            return t0;
        bool ok = want[i] == TOK_ATOM ? is_name_tok(&toks[i]) : toks[i].kind == want[i];
        if (!ok)
            return &toks[i];
        t0 = &toks[i];
    }
    return &toks[nwant < n ? nwant : n - 1];
}

/* Matches `( Name ) .` after a directive word; returns the name or NULL
 * (then *bad is the token to blame). */
static const char *paren_name(const Token *toks, int n, const Token *word, const Token **bad)
{
    static const TokKind want[] = {TOK_LPAREN, TOK_ATOM, TOK_RPAREN, TOK_DOT};
    if (n == 4 && toks[0].kind == TOK_LPAREN && is_name_tok(&toks[1]) && toks[2].kind == TOK_RPAREN &&
        toks[3].kind == TOK_DOT)
        return toks[1].u.name.s;
    *bad = mismatch(toks, n, want, 4, word);
    return NULL;
}

/* epp's no_match: the first token of toks, or t0 when there is none. */
static const Token *first_or(const Token *toks, int n, const Token *t0)
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
                const Token *b = first_or(toks + *k, n - *k, last);
                perr(pp, f, b->line, b->col, "badly formed 'define'");
                return -1;
            }
            for (int q = 0; q < arity; q++) {
                if (strcmp(ps[q], v->u.name.s) == 0) {
                    perr(pp, f, v->line, v->col, "argument '%s' already used", v->u.name.s);
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
                const Token *b = first_or(toks + *k, n - *k, last);
                perr(pp, f, b->line, b->col, "badly formed 'define'");
                return -1;
            }
            last = &toks[(*k)++];
        }
    }
    if (*k >= n || toks[*k].kind != TOK_COMMA) {
        const Token *b = first_or(toks + *k, n - *k, last);
        perr(pp, f, b->line, b->col, "badly formed define: missing comma");
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
            perr(pp, f, toks[j].line, toks[j].col, "badly formed define: missing closing right parenthesis");
            return -1;
        }
        if (toks[j].kind == TOK_END)
            break;
    }
    const Token *last = &toks[n - 1];
    if (last->kind == TOK_END && n > 1)
        last--;
    perr(pp, f, last->line, last->col, "premature end");
    return -1;
}

/* Adds a definition of mac, unless that name and arity is taken. */
static void add_definition(Preproc *pp, PFile *f, const Token *mac, MacDef *d)
{
    const char *name = mac->u.name.s;
    Macro *m = find_macro(pp, name);
    if (m && m->kind != MAC_USER) {
        perr(pp, f, mac->line, mac->col, "redefining predefined macro '%s'", name);
        return;
    }
    for (MacDef *x = m ? m->defs : NULL; x; x = x->next) {
        if (x->arity == d->arity) {
            perr(pp, f, mac->line, mac->col, "redefining macro '%s'", name);
            return;
        }
    }
    int errk = 0;
    const char *errname = NULL;
    if (!body_uses(pp, d->body, d->nbody, d, &errk, &errname)) {
        if (errname)
            perr(pp, f, d->body[errk].line, d->body[errk].col, "badly formed argument for macro '%s'", errname);
        return;
    }
    if (!m)
        m = add_macro(pp, name, MAC_USER);
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
    if (n < 2 || toks[0].kind != TOK_LPAREN || !is_name_tok(&toks[1])) {
        const Token *b = mismatch(toks, n, want, 2, word);
        perr(pp, f, b->line, b->col, "badly formed 'define'");
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
        const Token *b = first_or(toks + k, n - k, word);
        perr(pp, f, b->line, b->col, "badly formed 'define'");
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
    d->body = copy_toks(pp->a, toks + k, d->nbody);
    add_definition(pp, f, &toks[1], d);
}

static void do_undef(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    const Token *bad = NULL;
    const char *name = paren_name(toks, n, word, &bad);
    if (!name) {
        perr(pp, f, bad->line, bad->col, "badly formed 'undef'");
        return;
    }
    remove_macro(pp, name);
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
        perr(pp, f, bad->line, bad->col, "badly formed '%s'", what);
        return;
    }
    if (pp->nstk > PP_MAX_INCLUDE_DEPTH) {
        const Token *at = lib ? word : st;
        perr(pp, f, at->line, at->col, "%s too deep", what);
        return;
    }
    int file = find_include(pp, f, name);
    if (file < 0) {
        perr(pp, f, st->line, st->col, "can't find include %s \"%s\"", lib ? "lib" : "file", name);
        return;
    }
    if (!open_file(pp, file, dirname_of(pp->a, pp->files[file]->f.name)))
        return;
    set_file_macro(pp, pp->files[file]->f.name);
}

/* ---- -if / -elif conditions */

typedef enum { V_FAIL, V_BAD, V_INT, V_FLOAT, V_ATOM, V_LIST, V_TUPLE, V_BIN, V_OTHER } VKind;

typedef struct {
    VKind k;
    int64_t i;
    double f;
    const char *a;
} Val;

static Val vfail(void)
{
    return (Val){V_FAIL, 0, 0, NULL};
}

static Val vatom(const char *a)
{
    return (Val){V_ATOM, 0, 0, a};
}

static Val vbool(bool b)
{
    return vatom(b ? "true" : "false");
}

static int is_bool(Val v)
{
    if (v.k != V_ATOM)
        return -1;
    if (strcmp(v.a, "true") == 0)
        return 1;
    if (strcmp(v.a, "false") == 0)
        return 0;
    return -1;
}

static bool is_num(Val v)
{
    return v.k == V_INT || v.k == V_FLOAT;
}

static double num(Val v)
{
    return v.k == V_INT ? (double)v.i : v.f;
}

/* Term order on what we can compare: numbers < atoms; -2 when unknown. */
static int compare(Val x, Val y, bool exact)
{
    if (is_num(x) && is_num(y)) {
        if (exact && x.k != y.k)
            return x.k == V_INT ? -1 : 1; /* only for =:= / =/= */
        if (x.k == V_INT && y.k == V_INT)
            return (x.i > y.i) - (x.i < y.i);
        double a = num(x), b = num(y);
        return (a > b) - (a < b);
    }
    if (x.k == V_ATOM && y.k == V_ATOM) {
        int c = strcmp(x.a, y.a);
        return (c > 0) - (c < 0);
    }
    if (is_num(x) && y.k == V_ATOM)
        return -1;
    if (x.k == V_ATOM && is_num(y))
        return 1;
    return -2;
}

static Val eval(Preproc *pp, const AstExpr *e, int depth);

/* Auto-imported functions that are not allowed in guards: epp rejects
 * them in -if conditions ("badly formed 'if'"). A sample of the common
 * ones; other unknown calls only make the condition false. */
static bool is_non_guard_bif(const char *f)
{
    static const char *const names[] = {
        "apply", "atom_to_binary", "atom_to_list", "binary_to_atom", "binary_to_list", "binary_to_term",
        "erase", "error", "exit", "get", "group_leader", "halt", "integer_to_binary", "integer_to_list",
        "link", "list_to_atom", "list_to_binary", "list_to_integer", "list_to_tuple", "make_ref", "monitor",
        "process_flag", "put", "register", "send", "spawn", "spawn_link", "term_to_binary", "throw",
        "tuple_to_list", "unlink", "unregister", "whereis",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], f) == 0)
            return true;
    return false;
}

static Val eval_call(Preproc *pp, const AstExpr *e, int depth)
{
    const AstExpr *fe = e->u.call.fun, *me = e->u.call.mod;
    if (fe->kind != AST_ATOM || (me && (me->kind != AST_ATOM || strcmp(me->u.atom.name, "erlang") != 0)))
        return (Val){V_BAD, 0, 0, NULL};
    const char *f = fe->u.atom.name;
    const AstExprList *as = &e->u.call.args;
    if (is_non_guard_bif(f))
        return (Val){V_BAD, 0, 0, NULL};
    if (strcmp(f, "defined") == 0 && as->n == 1) {
        const AstExpr *a = as->items[0];
        if (a->kind == AST_VAR)
            return vbool(is_defined(pp, a->u.var.name));
        if (a->kind == AST_ATOM)
            return vbool(is_defined(pp, a->u.atom.name));
        return (Val){V_BAD, 0, 0, NULL};
    }
    static const struct {
        const char *name;
        VKind k;
    } tests[] = {{"is_atom", V_ATOM},   {"is_integer", V_INT}, {"is_float", V_FLOAT},
                 {"is_list", V_LIST},   {"is_tuple", V_TUPLE}, {"is_binary", V_BIN},
                 {"is_number", V_OTHER}, {"is_boolean", V_OTHER}};
    if (as->n == 1) {
        for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
            if (strcmp(f, tests[i].name) != 0)
                continue;
            Val v = eval(pp, as->items[0], depth + 1);
            if (v.k == V_FAIL || v.k == V_BAD)
                return v;
            if (strcmp(f, "is_number") == 0)
                return vbool(is_num(v));
            if (strcmp(f, "is_boolean") == 0)
                return vbool(is_bool(v) >= 0);
            return vbool(v.k == tests[i].k);
        }
        if (strcmp(f, "abs") == 0) {
            Val v = eval(pp, as->items[0], depth + 1);
            if (v.k == V_INT && v.i != INT64_MIN)
                v.i = v.i < 0 ? -v.i : v.i;
            else if (v.k == V_FLOAT)
                v.f = v.f < 0 ? -v.f : v.f;
            else if (v.k != V_BAD)
                v = vfail();
            return v;
        }
    }
    /* any other call: its arguments must be guard expressions; calling it
     * fails, which makes the condition false */
    for (int i = 0; i < as->n; i++)
        if (eval(pp, as->items[i], depth + 1).k == V_BAD)
            return (Val){V_BAD, 0, 0, NULL};
    return vfail();
}

static Val eval_arith(AstOp op, Val x, Val y)
{
    if (x.k == V_INT && y.k == V_INT) {
        int64_t r;
        switch (op) {
        case AST_OP_ADD: return __builtin_add_overflow(x.i, y.i, &r) ? vfail() : (Val){V_INT, r, 0, NULL};
        case AST_OP_SUB: return __builtin_sub_overflow(x.i, y.i, &r) ? vfail() : (Val){V_INT, r, 0, NULL};
        case AST_OP_MUL: return __builtin_mul_overflow(x.i, y.i, &r) ? vfail() : (Val){V_INT, r, 0, NULL};
        case AST_OP_DIV:
        case AST_OP_REM:
            if (y.i == 0 || (x.i == INT64_MIN && y.i == -1))
                return vfail();
            return (Val){V_INT, op == AST_OP_DIV ? x.i / y.i : x.i % y.i, 0, NULL};
        case AST_OP_BAND: return (Val){V_INT, x.i & y.i, 0, NULL};
        case AST_OP_BOR: return (Val){V_INT, x.i | y.i, 0, NULL};
        case AST_OP_BXOR: return (Val){V_INT, x.i ^ y.i, 0, NULL};
        default: break;
        }
    }
    if (is_num(x) && is_num(y)) {
        double a = num(x), b = num(y);
        switch (op) {
        case AST_OP_ADD: return (Val){V_FLOAT, 0, a + b, NULL};
        case AST_OP_SUB: return (Val){V_FLOAT, 0, a - b, NULL};
        case AST_OP_MUL: return (Val){V_FLOAT, 0, a * b, NULL};
        case AST_OP_FDIV: return b == 0 ? vfail() : (Val){V_FLOAT, 0, a / b, NULL};
        default: break;
        }
    }
    return vfail();
}

static Val eval_binop(Preproc *pp, const AstExpr *e, int depth)
{
    AstOp op = e->u.binop.op;
    Val x = eval(pp, e->u.binop.lhs, depth + 1);
    if (x.k == V_BAD)
        return x;
    if (op == AST_OP_SEND)
        return (Val){V_BAD, 0, 0, NULL};
    if (op == AST_OP_ANDALSO || op == AST_OP_ORELSE) {
        int b = is_bool(x);
        if (b < 0)
            return x.k == V_FAIL ? x : vfail();
        if ((op == AST_OP_ANDALSO && !b) || (op == AST_OP_ORELSE && b))
            return x;
        return eval(pp, e->u.binop.rhs, depth + 1);
    }
    Val y = eval(pp, e->u.binop.rhs, depth + 1);
    if (y.k == V_BAD)
        return y;
    if (x.k == V_FAIL || y.k == V_FAIL)
        return vfail();
    switch (op) {
    case AST_OP_AND:
    case AST_OP_OR:
    case AST_OP_XOR: {
        int a = is_bool(x), b = is_bool(y);
        if (a < 0 || b < 0)
            return vfail();
        return vbool(op == AST_OP_AND ? (a && b) : op == AST_OP_OR ? (a || b) : (a != b));
    }
    case AST_OP_EQ:
    case AST_OP_NE:
    case AST_OP_LT:
    case AST_OP_LE:
    case AST_OP_GT:
    case AST_OP_GE:
    case AST_OP_EXACT_EQ:
    case AST_OP_EXACT_NE: {
        bool exact = op == AST_OP_EXACT_EQ || op == AST_OP_EXACT_NE;
        int c = compare(x, y, exact);
        if (c == -2)
            return vfail();
        switch (op) {
        case AST_OP_EQ:
        case AST_OP_EXACT_EQ: return vbool(c == 0);
        case AST_OP_NE:
        case AST_OP_EXACT_NE: return vbool(c != 0);
        case AST_OP_LT: return vbool(c < 0);
        case AST_OP_LE: return vbool(c <= 0);
        case AST_OP_GT: return vbool(c > 0);
        default: return vbool(c >= 0);
        }
    }
    default: return eval_arith(op, x, y);
    }
}

/* Evaluates a -if condition: V_BAD when it is not a guard expression
 * (badly formed 'if'), V_FAIL when evaluating it raises (false). */
static Val eval(Preproc *pp, const AstExpr *e, int depth)
{
    if (depth > 200)
        return vfail();
    switch (e->kind) {
    case AST_INT: return e->u.int_.big ? (Val){V_OTHER, 0, 0, NULL} : (Val){V_INT, e->u.int_.value, 0, NULL};
    case AST_FLOAT: return (Val){V_FLOAT, 0, e->u.float_.value, NULL};
    case AST_ATOM: return vatom(e->u.atom.name);
    case AST_STRING:
    case AST_NIL:
    case AST_LIST: return (Val){V_LIST, 0, 0, NULL};
    case AST_TUPLE: return (Val){V_TUPLE, 0, 0, NULL};
    case AST_BIN: return (Val){V_BIN, 0, 0, NULL};
    case AST_VAR: return vfail();
    case AST_CALL: return eval_call(pp, e, depth);
    case AST_BINOP: return eval_binop(pp, e, depth);
    case AST_UNOP: {
        Val v = eval(pp, e->u.unop.arg, depth + 1);
        if (v.k == V_BAD || v.k == V_FAIL)
            return v;
        switch (e->u.unop.op) {
        case AST_OP_NOT: return is_bool(v) < 0 ? vfail() : vbool(!is_bool(v));
        case AST_OP_NEG:
            if (v.k == V_INT && v.i != INT64_MIN)
                return (Val){V_INT, -v.i, 0, NULL};
            return v.k == V_FLOAT ? (Val){V_FLOAT, 0, -v.f, NULL} : vfail();
        case AST_OP_PLUS: return is_num(v) ? v : vfail();
        case AST_OP_BNOT: return v.k == V_INT ? (Val){V_INT, ~v.i, 0, NULL} : vfail();
        default: return vfail();
        }
    }
    case AST_RECORD_INDEX:
    case AST_RECORD_FIELD:
    case AST_RECORD: return vfail();
    default: return (Val){V_BAD, 0, 0, NULL};
    }
}

/* -if(Cond). / -elif(Cond).: 1 true, 0 false, -1 error (reported). */
static int eval_condition(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (n == 0 || toks[0].kind != TOK_LPAREN) {
        const Token *b = first_or(toks, n, word);
        perr(pp, f, b->line, b->col, "badly formed 'if'");
        return -1;
    }
    TokVec ex = {0};
    if (!expand(pp, f, toks, n, &ex, NULL)) {
        tokvec_free(&ex);
        return -1;
    }
    AstExprList es;
    bool ok = parse_exprs_from_tokens(pp->a, file_diag(pp, f->file), ex.v, ex.n, &es);
    tokvec_free(&ex);
    if (!ok)
        return -1;
    Val v = es.n == 1 ? eval(pp, es.items[0], 0) : (Val){V_BAD, 0, 0, NULL};
    if (v.k == V_BAD) {
        perr(pp, f, word->line, word->col, "badly formed 'if'");
        return -1;
    }
    return is_bool(v) == 1;
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
        const Token *b = first_or(toks, n, word);
        perr(pp, f, b->line, b->col, "badly formed '%s'", tag);
        return;
    }
    TokVec ex = {0};
    AstExprList es;
    Diag quiet;
    diag_init(&quiet, "", NULL, 0, NULL);
    bool ok = expand(pp, f, toks, n, &ex, NULL) && parse_exprs_from_tokens(pp->a, &quiet, ex.v, ex.n, &es) &&
              es.n == 1;
    tokvec_free(&ex);
    AstBuf b = {0};
    if (ok)
        ok = print_term(&b, es.items[0]);
    if (!ok)
        perr(pp, f, word->line, word->col, "badly formed '%s'", tag);
    else if (warn)
        pwarn(pp, f, word->line, word->col, "-%s(%s).", tag, b.s);
    else
        perr(pp, f, word->line, word->col, "-%s(%s).", tag, b.s);
    free(b.s);
}

/* -file(Name, Line).: checked, then ignored. */
static void do_file(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    TokVec ex = {0};
    if (!expand(pp, f, toks, n, &ex, NULL)) {
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
        perr(pp, f, b->line, b->col, "badly formed 'file'");
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
            perr(pp, f, f->lx.err_line, f->lx.err_col, "%s", f->lx.err_msg);
        if (st == LEX_EOF || st == LEX_FATAL) {
            /* epp replaces the open conditionals with those skipped */
            free(f->istk.v);
            f->istk = *stack;
            *stack = (IntStack){0};
            leave_file(pp);
            return;
        }
        const Token *t = pp->raw.v;
        int n = pp->raw.n;
        if (n < 2 || t[0].kind != TOK_MINUS)
            continue;
        const char *w = t[1].kind == TOK_ATOM ? t[1].u.name.s : t[1].kind == TOK_IF ? "if" : "";
        int top = stack->v[stack->n - 1];
        if (strcmp(w, "ifdef") == 0 || strcmp(w, "ifndef") == 0 || strcmp(w, "if") == 0) {
            push_int(stack, w[2] == 'd' ? IF_IFDEF : w[2] == 'n' ? IF_IFNDEF : IF_IF);
        } else if (strcmp(w, "else") == 0) {
            if (top == IF_ELSE) {
                perr(pp, f, t[1].line, t[1].col, "repeated '-else'");
            } else if (top == IF_ELIF) {
                stack->v[stack->n - 1] = IF_ELSE;
            } else if (stack->n == 1) {
                push_int(&f->istk, IF_ELSE);
                break;
            }
        } else if (strcmp(w, "elif") == 0) {
            if (top == IF_ELSE) {
                perr(pp, f, t[1].line, t[1].col, "'elif' following 'else'");
            } else if (stack->n == 1) {
                int r = eval_condition(pp, f, &t[1], t + 2, n - 2);
                if (r == 1) {
                    push_int(&f->istk, IF_IF);
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
    if (push_int(&s, why))
        skip_forms(pp, f, &s);
    free(s.v);
}

static void do_ifdef(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n, bool negate)
{
    IfKind kind = negate ? IF_IFNDEF : IF_IFDEF;
    const Token *bad = NULL;
    const char *name = paren_name(toks, n, word, &bad);
    if (!name) {
        perr(pp, f, bad->line, bad->col, "badly formed '%s'", if_names[kind]);
        start_skip(pp, f, kind);
        return;
    }
    if (is_defined(pp, name) != negate)
        push_int(&f->istk, kind);
    else
        start_skip(pp, f, kind);
}

static void do_if(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (eval_condition(pp, f, word, toks, n) == 1)
        push_int(&f->istk, IF_IF);
    else
        start_skip(pp, f, IF_IF);
}

static void do_else(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (!only_dot(toks, n)) {
        const Token *b = first_or(toks, n, word);
        perr(pp, f, b->line, b->col, "badly formed 'else'");
        return;
    }
    if (f->istk.n == 0) {
        perr(pp, f, word->line, word->col, "unbalanced '-else'");
        return;
    }
    int top = f->istk.v[--f->istk.n];
    if (top == IF_ELSE)
        perr(pp, f, word->line, word->col, "repeated '-else'");
    start_skip(pp, f, IF_ELSE);
}

static void do_elif(Preproc *pp, PFile *f, const Token *word)
{
    if (f->istk.n == 0) {
        perr(pp, f, word->line, word->col, "unbalanced '-elif'");
        return;
    }
    int top = f->istk.v[--f->istk.n];
    if (top == IF_ELSE) {
        perr(pp, f, word->line, word->col, "unbalanced '-elif'");
        start_skip(pp, f, IF_ELSE);
    } else {
        start_skip(pp, f, IF_ELIF);
    }
}

static void do_endif(Preproc *pp, PFile *f, const Token *word, const Token *toks, int n)
{
    if (!only_dot(toks, n)) {
        const Token *b = first_or(toks, n, word);
        perr(pp, f, b->line, b->col, "badly formed 'endif'");
        return;
    }
    if (f->istk.n == 0)
        perr(pp, f, word->line, word->col, "unbalanced '-endif'");
    else
        f->istk.n--;
}

/* Carries out a directive form; false when the form is not one. */
static bool directive(Preproc *pp, PFile *f)
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
static void scan_module(Preproc *pp, const TokVec *tv)
{
    const Token *t = tv->v;
    if (tv->n < 5 || t[0].kind != TOK_MINUS || t[1].kind != TOK_ATOM || strcmp(t[1].u.name.s, "module") != 0 ||
        t[2].kind != TOK_LPAREN || t[3].kind != TOK_ATOM ||
        (t[4].kind != TOK_RPAREN && t[4].kind != TOK_COMMA))
        return;
    def_constant(pp, "MODULE", MAC_PREDEF, &t[3], 1);
    Token s = t[3];
    if (string_tok(pp->a, &s, t[3].u.name.s, t[3].u.name.len))
        def_constant(pp, "MODULE_STRING", MAC_PREDEF, &s, 1);
    pp->gen++;
}

/* ---- the interface */

Preproc *pp_new(AstArena *arena, Diag *diag, const char *filename, const char *src, size_t len,
                const FrontOptions *opts)
{
    Preproc *pp = calloc(1, sizeof *pp);
    if (!pp)
        return NULL;
    pp->a = arena;
    pp->main_diag = diag;
    if (opts)
        pp->opts = *opts;
    if (!pp->opts.read_file)
        pp->opts.read_file = default_read;
    if (!filename)
        filename = "<input>";
    pp->main_dir = dirname_of(arena, filename);
    if (!pp->main_dir || add_file(pp, filename, src, len) != 0 || !open_file(pp, 0, pp->main_dir)) {
        pp_free(pp);
        return NULL;
    }
    predefine(pp, filename);
    user_defines(pp);
    return pp;
}

bool pp_next(Preproc *pp, PpForm *out)
{
    while (pp->nstk > 0) {
        PFile *f = pp->stk[pp->nstk - 1];
        LexStatus st = lex_form(&f->lx, &pp->raw);
        if (st == LEX_EOF) {
            leave_file(pp);
            continue;
        }
        if (st == LEX_ERROR || st == LEX_FATAL) {
            perr(pp, f, f->lx.err_line, f->lx.err_col, "%s", f->lx.err_msg);
            if (st == LEX_FATAL)
                leave_file(pp);
            continue;
        }
        if (st == LEX_PARTIAL) {
            const Token *last = &pp->raw.v[pp->raw.n - 1];
            Token end = make_tok(TOK_END, last->line, last->col);
            tokvec_push(&pp->raw, &end);
        }
        if (directive(pp, f))
            continue;
        bool marks = false;
        if (!expand(pp, f, pp->raw.v, pp->raw.n, &pp->out, &marks))
            continue;
        if (marks && !fix_function_marks(pp, f, &pp->out))
            continue;
        scan_module(pp, &pp->out);
        out->toks = pp->out.v;
        out->n = pp->out.n;
        out->file = f->file;
        out->diag = file_diag(pp, f->file);
        return true;
    }
    return false;
}

AstFile *pp_files(Preproc *pp, int *n)
{
    AstFile *fs = ast_alloc(pp->a, (size_t)pp->nfiles * sizeof *fs);
    if (fs)
        for (int i = 0; i < pp->nfiles; i++)
            fs[i] = pp->files[i]->f;
    *n = fs ? pp->nfiles : 0;
    return fs;
}

void pp_free(Preproc *pp)
{
    if (!pp)
        return;
    while (pp->nstk > 0)
        close_file(pp->stk[--pp->nstk]);
    for (int i = 1; i < pp->nfiles; i++) {
        pp->main_diag->errors += pp->files[i]->diag.errors;
        pp->main_diag->warnings += pp->files[i]->diag.warnings;
    }
    free(pp->files);
    tokvec_free(&pp->raw);
    tokvec_free(&pp->out);
    free(pp);
}
