/* preproc.c - the Erlang preprocessor, following OTP 25's epp: the same
 * directives, the same macro expansion (including its corner cases:
 * constant macros expand in isolation, function-like ones rescan with
 * what follows, circular definitions are found from each macro's uses),
 * the same messages and positions.
 *
 * Files (preproc_int.h holds what they share): preproc.c the macro
 * table, predefined macros, files and the interface (pp_new, pp_next);
 * preproc_directive.c the directives and conditional compilation;
 * preproc_expand.c macro expansion; preproc_eval.c the conditions of -if
 * and -elif. */
#include "preproc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "preproc_int.h"

#include "parser.h"

/* ---- tables */

const char *const pp_if_names[] = {"ifdef", "ifndef", "if", "else", "elif"};

bool pp_push_int(IntStack *s, int v)
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

Macro *pp_find_macro(Preproc *pp, const char *name)
{
    for (Macro *m = pp->buckets[hash_name(name)]; m; m = m->next)
        if (strcmp(m->name, name) == 0)
            return m;
    return NULL;
}

Macro *pp_add_macro(Preproc *pp, const char *name, MacKind kind)
{
    Macro *m = pp_find_macro(pp, name);
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

void pp_remove_macro(Preproc *pp, const char *name)
{
    Macro **p = &pp->buckets[hash_name(name)];
    for (; *p; p = &(*p)->next) {
        if (strcmp((*p)->name, name) == 0) {
            *p = (*p)->next;
            return;
        }
    }
}

bool pp_is_defined(Preproc *pp, const char *name)
{
    Macro *m = pp_find_macro(pp, name);
    return m && m->kind != MAC_UNDEF;
}

/* ---- reporting */

Diag *pp_file_diag(Preproc *pp, int file)
{
    return file == 0 ? pp->main_diag : &pp->files[file]->diag;
}

void pp_perr(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(pp_file_diag(pp, f->file), "error", line, col, fmt, ap);
    va_end(ap);
}

void pp_pwarn(Preproc *pp, PFile *f, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(pp_file_diag(pp, f->file), "warning", line, col, fmt, ap);
    va_end(ap);
}

/* ---- tokens */

Token pp_make_tok(TokKind kind, int line, int col)
{
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = (uint8_t)kind;
    t.line = line;
    t.col = col;
    return t;
}

bool pp_is_name_tok(const Token *t)
{
    return t->kind == TOK_ATOM || t->kind == TOK_VAR;
}

/* A STRING token holding the UTF-8 text s. */
bool pp_string_tok(AstArena *a, Token *t, const char *s, size_t n)
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

Token *pp_copy_toks(AstArena *a, const Token *t, int n)
{
    if (n == 0)
        return NULL;
    Token *c = ast_alloc(a, (size_t)n * sizeof *c);
    if (c)
        memcpy(c, t, (size_t)n * sizeof *c);
    return c;
}

/* ---- predefined macros */

void pp_def_constant(Preproc *pp, const char *name, MacKind kind, const Token *body, int nbody)
{
    Macro *m = pp_add_macro(pp, name, kind);
    if (!m || kind != MAC_PREDEF)
        return;
    MacDef *d = ast_alloc(pp->a, sizeof *d);
    if (!d)
        return;
    d->arity = -1;
    d->body = pp_copy_toks(pp->a, body, nbody);
    d->nbody = nbody;
    m->defs = d;
}

void pp_set_file_macro(Preproc *pp, const char *name)
{
    Token t = pp_make_tok(TOK_STRING, 1, 1);
    if (pp_string_tok(pp->a, &t, name, strlen(name)))
        pp_def_constant(pp, "FILE", MAC_PREDEF, &t, 1);
}

/* ?FEATURE_AVAILABLE(F) and ?FEATURE_ENABLED(F), as OTP 25's epp has
 * them: maybe_expr is the one feature available; none is enabled. */
static void def_feature_macros(Preproc *pp)
{
    static const char *const param[] = {"X"};
    Token avail[5], *enabled = avail;
    avail[0] = pp_make_tok(TOK_LPAREN, 1, 1);
    avail[1] = pp_make_tok(TOK_VAR, 1, 1);
    avail[1].u.name.s = "X";
    avail[1].u.name.len = 1;
    avail[2] = pp_make_tok(TOK_EQEQ, 1, 1);
    avail[3] = pp_make_tok(TOK_ATOM, 1, 1);
    avail[3].u.name.s = "maybe_expr";
    avail[3].u.name.len = 10;
    avail[4] = pp_make_tok(TOK_RPAREN, 1, 1);
    Token f = pp_make_tok(TOK_ATOM, 1, 1);
    f.u.name.s = "false";
    f.u.name.len = 5;
    for (int i = 0; i < 2; i++) {
        Macro *m = pp_add_macro(pp, i ? "FEATURE_ENABLED" : "FEATURE_AVAILABLE", MAC_USER);
        MacDef *d = m ? ast_alloc(pp->a, sizeof *d) : NULL;
        if (!d)
            return;
        d->arity = 1;
        d->params = (const char **)param;
        d->body = pp_copy_toks(pp->a, i ? &f : enabled, i ? 1 : 5);
        d->nbody = i ? 1 : 5;
        m->defs = d;
    }
}

static void predefine(Preproc *pp, const char *filename)
{
    pp_set_file_macro(pp, filename);
    pp_add_macro(pp, "LINE", MAC_LINE);
    pp_add_macro(pp, "MODULE", MAC_UNDEF);
    pp_add_macro(pp, "MODULE_STRING", MAC_UNDEF);
    pp_add_macro(pp, "BASE_MODULE", MAC_UNDEF);
    pp_add_macro(pp, "BASE_MODULE_STRING", MAC_UNDEF);
    pp_add_macro(pp, "FUNCTION_NAME", MAC_UNDEF);
    pp_add_macro(pp, "FUNCTION_ARITY", MAC_UNDEF);
    def_feature_macros(pp);
    Token t = pp_make_tok(TOK_ATOM, 1, 1);
    t.u.name.s = "BEAM";
    t.u.name.len = 4;
    pp_def_constant(pp, "MACHINE", MAC_PREDEF, &t, 1);
    t.u.name.s = "true";
    pp_def_constant(pp, "BEAM", MAC_PREDEF, &t, 1);
    t = pp_make_tok(TOK_INT, 1, 1);
    t.u.i.v = 25;
    pp_def_constant(pp, "OTP_RELEASE", MAC_PREDEF, &t, 1);
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
            Token t = pp_make_tok(TOK_ATOM, 1, 1);
            t.u.name.s = "true";
            t.u.name.len = 4;
            n = tokvec_push(&tv, &t) ? 1 : -1;
        }
        Macro *m = name && n >= 0 ? pp_add_macro(pp, name, MAC_USER) : NULL;
        MacDef *def = m ? ast_alloc(pp->a, sizeof *def) : NULL;
        if (def) {
            def->arity = -1;
            def->body = pp_copy_toks(pp->a, tv.v, n);
            def->nbody = n;
            m->defs = def;
        }
        tokvec_free(&tv);
    }
    pp->gen++;
}

/* ---- files */

char *pp_dirname_of(AstArena *a, const char *path)
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

bool pp_open_file(Preproc *pp, int file, const char *dir)
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
void pp_leave_file(Preproc *pp)
{
    PFile *f = pp->stk[pp->nstk - 1];
    for (int i = f->istk.n; i-- > 0;)
        pp_perr(pp, f, f->lx.line, f->lx.col, "unterminated '-%s'", pp_if_names[f->istk.v[i]]);
    pp->nstk--;
    close_file(f);
    if (pp->nstk > 0)
        pp_set_file_macro(pp, pp->files[pp->stk[pp->nstk - 1]->file]->f.name);
}

/* Reads name relative to each folder of the search path in turn. */
int pp_find_include(Preproc *pp, PFile *f, const char *name)
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
    pp->main_dir = pp_dirname_of(arena, filename);
    if (!pp->main_dir || add_file(pp, filename, src, len) != 0 || !pp_open_file(pp, 0, pp->main_dir)) {
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
            pp_leave_file(pp);
            continue;
        }
        if (st == LEX_ERROR || st == LEX_FATAL) {
            pp_perr(pp, f, f->lx.err_line, f->lx.err_col, "%s", f->lx.err_msg);
            if (st == LEX_FATAL)
                pp_leave_file(pp);
            continue;
        }
        if (st == LEX_PARTIAL) {
            const Token *last = &pp->raw.v[pp->raw.n - 1];
            Token end = pp_make_tok(TOK_END, last->line, last->col);
            tokvec_push(&pp->raw, &end);
        }
        if (pp_directive(pp, f))
            continue;
        bool marks = false;
        if (!pp_expand(pp, f, pp->raw.v, pp->raw.n, &pp->out, &marks))
            continue;
        if (marks && !pp_fix_function_marks(pp, f, &pp->out))
            continue;
        pp_scan_module(pp, &pp->out);
        out->toks = pp->out.v;
        out->n = pp->out.n;
        out->file = f->file;
        out->diag = pp_file_diag(pp, f->file);
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
