/* codegen_emit.c - emission of K code as assembly: register state and
 * allocation, operands as text, stack frames, parallel moves, the simple
 * statements (moves, builds, BIFs, calls, returns, errors, breaks), and
 * whole functions with their frame sizes patched in. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen_emit.h"

/* ---- emission: registers and instructions */

static void rs_init(G *g, RS *r)
{
    r->mem = malloc((size_t)g->memn * sizeof(int));
    if (!r->mem) {
        fprintf(stderr, "beamlet: out of memory\n");
        abort();
    }
    for (int i = 0; i < g->memn; i++)
        r->mem[i] = -1;
    r->vx = r->mem;
    r->vy = r->vx + g->nv;
    r->xo = r->vy + g->nv;
    r->yo = r->xo + MAXX;
    r->frame = NULL;
    r->level = 0;
}

void cg_rs_copy(G *g, RS *d, const RS *s)
{
    memcpy(d->mem, s->mem, (size_t)g->memn * sizeof(int));
    d->frame = s->frame;
    d->level = s->level;
}

RS cg_snapshot(G *g)
{
    RS r;
    rs_init(g, &r);
    cg_rs_copy(g, &r, &g->st);
    return r;
}

void cg_emit(G *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ast_buf_put(g->o, "    ", 4);
    ast_buf_vprintf(g->o, fmt, ap);
    ast_buf_put(g->o, ".\n", 2);
    va_end(ap);
}

int cg_new_label(G *g) { return g->c->next_label++; }
void cg_emit_label(G *g, int l) { ast_buf_printf(g->o, "  {label,%d}.\n", l); }

static void put_quoted_file(AstBuf *b, const char *s)
{
    ast_buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            ast_buf_putc(b, '\\');
        /* control bytes escaped: the text must stay one line, and \x01
         * marks a frame size placeholder in the function's text */
        if (ch < 32 || ch == 127)
            ast_buf_printf(b, "\\%03o", ch);
        else
            ast_buf_putc(b, (char)ch);
    }
    ast_buf_putc(b, '"');
}

static void emit_line(G *g, int line)
{
    if (line <= 0 || line == g->cur_line)
        return;
    g->cur_line = line;
    ast_buf_puts(g->o, "    {line,[{location,");
    put_quoted_file(g->o, g->c->filename);
    ast_buf_printf(g->o, ",%d}]}.\n", line);
}

/* ---- operands */

Loc cg_loc_of(G *g, KOp op)
{
    if (op.var < 0)
        return (Loc){ 'l', 0, op.lit };
    if (g->st.vx[op.var] >= 0)
        return (Loc){ 'x', g->st.vx[op.var], NULL };
    if (g->st.vy[op.var] >= 0)
        return (Loc){ 'y', g->st.vy[op.var], NULL };
    cg_error(g->c, g->kf->line, 0, "internal error: value %d of %s has no register", op.var, g->kf->name);
    return (Loc){ 'x', 0, NULL };
}

void cg_put_loc(AstBuf *b, Loc l)
{
    if (l.k == 'l')
        cg_put_lit(b, l.lit);
    else
        ast_buf_printf(b, "{%c,%d}", l.k, l.n);
}

/* The operand as text (in the arena, freed with the module). */
const char *cg_loc_text(G *g, Loc l)
{
    AstBuf b = { 0 };
    cg_put_loc(&b, l);
    char *s = cg_alloc(g->c, b.len + 1);
    memcpy(s, b.s ? b.s : "", b.len);
    s[b.len] = 0;
    free(b.s);
    return s;
}

const char *cg_op_text(G *g, KOp op) { return cg_loc_text(g, cg_loc_of(g, op)); }
Loc cg_xreg(int n) { return (Loc){ 'x', n, NULL }; }

/* The operands as a list "[a,b,c]" (arena). */
static const char *ops_list(G *g, const KOp *ops, int n)
{
    AstBuf b = { 0 };
    ast_buf_putc(&b, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            ast_buf_putc(&b, ',');
        cg_put_loc(&b, cg_loc_of(g, ops[i]));
    }
    ast_buf_putc(&b, ']');
    char *s = cg_alloc(g->c, b.len + 1);
    memcpy(s, b.s, b.len);
    s[b.len] = 0;
    free(b.s);
    return s;
}

/* ---- registers */

int cg_alloc_x(G *g, int owner)
{
    for (int r = 0; r < MAXX; r++)
        if (g->st.xo[r] == R_FREE) {
            g->st.xo[r] = owner;
            if (owner >= 0)
                g->st.vx[owner] = r;
            if (r >= g->xtop)
                g->xtop = r + 1;
            return r;
        }
    if (!g->x_full)
        cg_error(g->c, g->kf->line, 0, "function %s needs more than %d x registers", g->kf->name, MAXX);
    g->x_full = true; /* once per function */
    return MAXX - 1;
}

static void free_var(G *g, int v)
{
    if (g->st.vx[v] >= 0)
        g->st.xo[g->st.vx[v]] = R_FREE;
    if (g->st.vy[v] >= 0)
        g->st.yo[g->st.vy[v]] = R_FREE;
    g->st.vx[v] = g->st.vy[v] = -1;
}

/* Forgets the values that are not in live. */
void cg_free_dead(G *g, const Bits live)
{
    for (int r = 0; r < g->xtop; r++) {
        int v = g->st.xo[r];
        if (v >= 0 && !bits_has(live, v))
            free_var(g, v);
    }
    for (int s = 0; s < g->ytop; s++) {
        int v = g->st.yo[s];
        if (v >= 0 && !bits_has(live, v))
            free_var(g, v);
    }
}

/* x registers do not survive calls. */
void cg_clear_x(G *g)
{
    for (int r = 0; r < g->xtop; r++) {
        int v = g->st.xo[r];
        if (v >= 0)
            g->st.vx[v] = -1;
        g->st.xo[r] = R_FREE;
    }
}

void cg_release_temps(G *g)
{
    for (int r = 0; r < g->xtop; r++)
        if (g->st.xo[r] == R_TEMP)
            g->st.xo[r] = R_FREE;
}

/* How many x registers a collection must keep: up to the highest in use. */
int cg_live_x(G *g)
{
    for (int r = g->xtop; r-- > 0;)
        if (g->st.xo[r] != R_FREE)
            return r + 1;
    return 0;
}

void cg_bind_x(G *g, int v, int r)
{
    g->st.xo[r] = v;
    g->st.vx[v] = r;
    if (r >= g->xtop)
        g->xtop = r + 1;
}

static void put_frame(AstBuf *b, G *g)
{
    Frame *f = g->st.frame;
    int id = 0;
    for (; id < g->nframes; id++)
        if (g->frames[id] == f)
            break;
    ast_buf_printf(b, "\x01%d\x02", id);
}

static const char *FR(G *g)
{
    AstBuf b = { 0 };
    put_frame(&b, g);
    char *s = cg_alloc(g->c, b.len + 1);
    memcpy(s, b.s, b.len);
    s[b.len] = 0;
    free(b.s);
    return s;
}

/* Allocates the stack frame if the code has none yet: its size is patched
 * in when the function is complete. */
void cg_ensure_frame(G *g)
{
    if (g->st.frame)
        return;
    Frame *f = cg_alloc(g->c, sizeof *f);
    f->size = g->D;
    g->frames = cg_grow(g->c, g->frames, g->nframes, &g->capframes, sizeof *g->frames);
    g->frames[g->nframes++] = f;
    g->st.frame = f;
    for (int s = 0; s < g->ytop; s++)
        g->st.yo[s] = s < g->D ? R_MARK : R_FREE;
    for (int v = 0; v < g->nv; v++)
        g->st.vy[v] = -1;
    cg_emit(g, "{allocate,%s,%d}", FR(g), cg_live_x(g));
}

static void save_y(G *g, int v)
{
    if (g->st.vy[v] >= 0 || g->st.vx[v] < 0)
        return;
    int s = g->D;
    while (s < g->ycap && g->st.yo[s] != R_FREE)
        s++;
    if (s >= g->ycap) {
        cg_error(g->c, g->kf->line, 0, "internal error: out of y registers in %s", g->kf->name);
        return;
    }
    g->st.yo[s] = v;
    g->st.vy[v] = s;
    if (s >= g->ytop)
        g->ytop = s + 1;
    if (s + 1 > g->st.frame->size)
        g->st.frame->size = s + 1;
    cg_emit(g, "{move,{x,%d},{y,%d}}", g->st.vx[v], s);
}

/* Puts every value of set that is only in an x register into a y register. */
void cg_save_set(G *g, const Bits set)
{
    for (int r = 0; r < g->xtop; r++) {
        int v = g->st.xo[r];
        if (v >= 0 && bits_has(set, v))
            save_y(g, v);
    }
}

/* ---- parallel moves into x registers */

typedef struct {
    Loc src;
    int dst;
} Mv;

/* Carries out the moves mv[0..n) as if all at once. Linear work per move
 * emitted: readers[r] counts the pending register moves that still read
 * x(r), so a move is free to go when nobody reads its destination. */
static void par_move(G *g, Mv *mv, int n)
{
    int readers[MAXX];
    memset(readers, 0, sizeof readers);
    for (int i = 0; i < n; i++)
        if (mv[i].dst >= 0 && mv[i].src.k == 'x')
            readers[mv[i].src.n]++;
    /* register to register first, in an order that reads each source
     * before it is overwritten; cycles are broken with swap */
    for (;;) {
        int pending = 0, pick = -1;
        for (int i = 0; i < n; i++) {
            if (mv[i].dst < 0 || mv[i].src.k != 'x')
                continue;
            if (mv[i].src.n == mv[i].dst) {
                readers[mv[i].src.n]--;
                mv[i].dst = -1;
                continue;
            }
            pending++;
            if (pick < 0 && readers[mv[i].dst] == 0)
                pick = i;
        }
        if (!pending)
            break;
        if (pick >= 0) {
            cg_emit(g, "{move,{x,%d},{x,%d}}", mv[pick].src.n, mv[pick].dst);
            readers[mv[pick].src.n]--;
            mv[pick].dst = -1;
            continue;
        }
        for (int i = 0; i < n; i++)
            if (mv[i].dst >= 0 && mv[i].src.k == 'x') {
                int a = mv[i].src.n, b = mv[i].dst;
                cg_emit(g, "{swap,{x,%d},{x,%d}}", a, b);
                readers[a]--;
                mv[i].dst = -1;
                for (int j = 0; j < n; j++) {
                    if (mv[j].dst < 0 || mv[j].src.k != 'x')
                        continue;
                    int r = mv[j].src.n, to = r == b ? a : r == a ? b : r;
                    readers[r]--;
                    readers[to]++;
                    mv[j].src.n = to;
                }
                break;
            }
    }
    for (int i = 0; i < n; i++)
        if (mv[i].dst >= 0 && mv[i].src.k != 'x')
            cg_emit(g, "{move,%s,{x,%d}}", cg_loc_text(g, mv[i].src), mv[i].dst);
}

/* ops[i] into x(i). */
static void args_to_x(G *g, const KOp *ops, int n)
{
    Mv *mv = cg_alloc(g->c, (size_t)(n ? n : 1) * sizeof *mv);
    for (int i = 0; i < n; i++) {
        mv[i].src = cg_loc_of(g, ops[i]);
        mv[i].dst = i;
    }
    par_move(g, mv, n);
}

/* ---- statements */

static bool is_build(const KStmt *s) { return s->kind == K_TUPLE || s->kind == K_CONS || s->kind == K_FUN; }

static void finish_dst(G *g, KStmt *s, int r)
{
    cg_bind_x(g, s->dst, r);
    if (!bits_has(s->live_after, s->dst))
        free_var(g, s->dst);
}

static void gen_build(G *g, KStmt *s)
{
    const char *ops = ops_list(g, s->args, s->nargs);
    const char *a0 = s->nargs > 0 ? cg_op_text(g, s->args[0]) : "";
    const char *a1 = s->nargs > 1 ? cg_op_text(g, s->args[1]) : "";
    cg_free_dead(g, s->live_after);
    int r = cg_alloc_x(g, R_TEMP);
    if (s->kind == K_TUPLE) {
        cg_emit(g, "{put_tuple2,{x,%d},{list,%s}}", r, ops);
    } else if (s->kind == K_CONS) {
        cg_emit(g, "{put_list,%s,%s,{x,%d}}", a0, a1, r);
    } else {
        KFun *f = s->fun;
        if (f->lambda < 0)
            f->lambda = g->c->nlambdas++;
        cg_emit(g, "{make_fun3,{f,%d},%d,0,{x,%d},{list,%s}}", f->entry_label, f->lambda, r, ops);
    }
    finish_dst(g, s, r);
}

/* A run of building statements shares one test_heap. */
static int gen_builds(G *g, KBody *b, int i)
{
    int j = i, words = 0, funs = 0;
    for (; j < b->n && is_build(b->v[j]); j++) {
        KStmt *s = b->v[j];
        if (s->kind == K_TUPLE)
            words += s->nargs + 1;
        else if (s->kind == K_CONS)
            words += 2;
        else {
            words += s->nargs;
            funs++;
        }
    }
    if (funs)
        cg_emit(g, "{test_heap,{alloc,[{words,%d},{floats,0},{funs,%d}]},%d}", words, funs, cg_live_x(g));
    else
        cg_emit(g, "{test_heap,%d,%d}", words, cg_live_x(g));
    for (int k = i; k < j; k++)
        gen_build(g, b->v[k]);
    return j;
}

static void gen_move(G *g, KStmt *s)
{
    const char *src = cg_op_text(g, s->args[0]);
    int r = cg_alloc_x(g, R_TEMP);
    cg_emit(g, "{move,%s,{x,%d}}", src, r);
    finish_dst(g, s, r);
    cg_free_dead(g, s->live_after);
}

static void gen_bif(G *g, KStmt *s)
{
    const char *ops = ops_list(g, s->args, s->nargs);
    int live = cg_live_x(g); /* keeps the arguments too: see gc_bif in interp.c */
    cg_free_dead(g, s->live_after);
    int r = cg_alloc_x(g, R_TEMP);
    emit_line(g, s->line);
    AstBuf name = { 0 };
    cg_put_atom(&name, s->name, strlen(s->name));
    if (s->gc)
        cg_emit(g, "{gc_bif,%s,{f,0},%d,%s,{x,%d}}", name.s, live, ops, r);
    else
        cg_emit(g, "{bif,%s,{f,0},%s,{x,%d}}", name.s, ops, r);
    free(name.s);
    finish_dst(g, s, r);
}

static const char *extfunc(G *g, const char *mod, const char *name, int arity)
{
    AstBuf b = { 0 };
    ast_buf_puts(&b, "{extfunc,");
    cg_put_atom(&b, mod, strlen(mod));
    ast_buf_putc(&b, ',');
    cg_put_atom(&b, name, strlen(name));
    ast_buf_printf(&b, ",%d}", arity);
    char *s = cg_strdup(g->c, b.s);
    free(b.s);
    return s;
}

static void gen_call(G *g, KStmt *s)
{
    cg_ensure_frame(g);
    Bits save = s->live_after;
    for (int r = 0; r < g->xtop; r++) {
        int v = g->st.xo[r];
        if (v >= 0 && v != s->dst && bits_has(save, v))
            save_y(g, v);
    }
    args_to_x(g, s->args, s->nargs);
    emit_line(g, s->line);
    switch (s->kind == K_SEND ? -1 : s->ckind) {
    case -1: cg_emit(g, "send"); break;
    case CT_LOCAL: cg_emit(g, "{call,%d,{f,%d}}", s->nargs, s->fun->entry_label); break;
    case CT_EXT: cg_emit(g, "{call_ext,%d,%s}", s->nargs, extfunc(g, s->mod, s->name, s->nargs)); break;
    case CT_FUN: cg_emit(g, "{call_fun,%d}", s->arity); break;
    case CT_APPLY: cg_emit(g, "{apply,%d}", s->arity); break;
    case CT_BUILD_ST: cg_emit(g, "build_stacktrace"); break;
    }
    cg_clear_x(g);
    cg_free_dead(g, s->live_after);
    if (s->dst >= 0 && bits_has(s->live_after, s->dst))
        cg_bind_x(g, s->dst, 0);
}

static void gen_return(G *g, KStmt *s)
{
    Mv mv = { cg_loc_of(g, s->args[0]), 0 };
    par_move(g, &mv, 1);
    if (g->st.frame)
        cg_emit(g, "{deallocate,%s}", FR(g));
    cg_emit(g, "return");
}

static void gen_enter(G *g, KStmt *s)
{
    bool dyn = s->ckind == CT_FUN || s->ckind == CT_APPLY;
    if (dyn)
        cg_ensure_frame(g);
    args_to_x(g, s->args, s->nargs);
    emit_line(g, s->line);
    bool fr = g->st.frame != NULL;
    switch (s->ckind) {
    case CT_LOCAL:
        if (fr)
            cg_emit(g, "{call_last,%d,{f,%d},%s}", s->nargs, s->fun->entry_label, FR(g));
        else
            cg_emit(g, "{call_only,%d,{f,%d}}", s->nargs, s->fun->entry_label);
        break;
    case CT_EXT:
        if (fr)
            cg_emit(g, "{call_ext_last,%d,%s,%s}", s->nargs, extfunc(g, s->mod, s->name, s->nargs), FR(g));
        else
            cg_emit(g, "{call_ext_only,%d,%s}", s->nargs, extfunc(g, s->mod, s->name, s->nargs));
        break;
    case CT_FUN:
        cg_emit(g, "{call_fun,%d}", s->arity);
        cg_emit(g, "{deallocate,%s}", FR(g));
        cg_emit(g, "return");
        break;
    case CT_APPLY:
        cg_emit(g, "{apply_last,%d,%s}", s->arity, FR(g));
        break;
    }
}

static void gen_error(G *g, KStmt *s)
{
    if (s->err == E_ERROR_CALL) {
        Mv mv = { cg_loc_of(g, s->args[0]), 0 };
        par_move(g, &mv, 1);
    }
    emit_line(g, s->line);
    switch (s->err) {
    case E_BADMATCH: cg_emit(g, "{badmatch,%s}", cg_op_text(g, s->args[0])); break;
    case E_CASE: cg_emit(g, "{case_end,%s}", cg_op_text(g, s->args[0])); break;
    case E_IF: cg_emit(g, "if_end"); break;
    case E_TRY_CLAUSE: cg_emit(g, "{try_case_end,%s}", cg_op_text(g, s->args[0])); break;
    case E_FUNCTION_CLAUSE: cg_emit(g, "{jump,{f,%d}}", g->kf->info_label); break;
    case E_RAISE: cg_emit(g, "{bif,raise,{f,0},[%s,%s],{x,0}}", cg_op_text(g, s->args[0]), cg_op_text(g,
                                                                                                      s->args[1])); break;
    case E_ERROR_CALL:
        if (g->st.level > 0) {
            /* inside a try or catch the frame must stay: a plain call,
             * which never returns (the verifier needs the path ended) */
            cg_emit(g, "{call_ext,1,{extfunc,erlang,error,1}}");
            cg_emit(g, "if_end");
        } else if (g->st.frame)
            cg_emit(g, "{call_ext_last,1,{extfunc,erlang,error,1},%s}", FR(g));
        else
            cg_emit(g, "{call_ext_only,1,{extfunc,erlang,error,1}}");
        break;
    }
}

static void gen_break(G *g, KStmt *s)
{
    BT *t = g->bt;
    int n = s->nargs < t->n ? s->nargs : t->n;
    Mv *mv = cg_alloc(g->c, (size_t)(n ? n : 1) * sizeof *mv);
    int k = 0;
    for (int i = 0; i < n; i++)
        if (t->regs[i] >= 0) {
            mv[k].src = cg_loc_of(g, s->args[i]);
            mv[k++].dst = t->regs[i];
        }
    par_move(g, mv, k);
    if (t->label)
        cg_emit(g, "{jump,{f,%d}}", t->label);
}

static void gen_stmt(G *g, KStmt *s)
{
    switch (s->kind) {
    case K_MOVE: gen_move(g, s); break;
    case K_BIF: gen_bif(g, s); break;
    case K_CALL: case K_SEND: gen_call(g, s); break;
    case K_MATCH: cg_gen_match(g, s); break;
    case K_TRY: cg_gen_try(g, s); break;
    case K_CATCH: cg_gen_catch(g, s); break;
    case K_RECV: cg_gen_recv(g, s); break;
    case K_RETURN: gen_return(g, s); break;
    case K_ENTER: gen_enter(g, s); break;
    case K_BREAK: gen_break(g, s); break;
    case K_ERROR: gen_error(g, s); break;
    default: gen_build(g, s); break;
    }
}
void cg_gen_body(G *g, KBody *b)
{
    for (int i = 0; i < b->n;) {
        if (is_build(b->v[i])) {
            i = gen_builds(g, b, i);
            continue;
        }
        gen_stmt(g, b->v[i]);
        i++;
    }
}
void cg_gen_function(Cg *c, KFun *kf, AstBuf *out)
{
    G g = { 0 };
    g.c = c;
    g.kf = kf;
    AstBuf text = { 0 };
    g.o = &text;
    g.nv = kf->nvars;
    g.D = kf->catch_depth;
    g.ycap = g.D + kf->nvars + 1;
    g.memn = 2 * g.nv + MAXX + g.ycap;
    g.ytop = g.D;
    g.cur_line = -1;
    c->file = kf->file;
    rs_init(&g, &g.st);
    for (int i = 0; i < kf->arity; i++)
        cg_bind_x(&g, i, i);
    ast_buf_puts(out, "\n{function, ");
    cg_put_atom(out, kf->name, strlen(kf->name));
    ast_buf_printf(out, ", %d, %d}.\n", kf->arity, kf->entry_label);
    cg_emit_label(&g, kf->info_label);
    emit_line(&g, kf->line);
    cg_emit(&g, "{func_info,{atom,%s},{atom,%s},%d}", cg_atom_text(&g, c->module), cg_atom_text(&g, kf->name),
            kf->arity);
    cg_emit_label(&g, kf->entry_label);
    if (kf->body.n)
        cg_free_dead(&g, kf->body.v[0]->live_before);
    cg_gen_body(&g, &kf->body);
    /* frame sizes, now known */
    for (size_t i = 0; i < text.len; i++) {
        if (text.s[i] != '\x01') {
            ast_buf_putc(out, text.s[i]);
            continue;
        }
        int id = atoi(text.s + i + 1);
        ast_buf_printf(out, "%d", id < g.nframes ? g.frames[id]->size : 0);
        while (i < text.len && text.s[i] != '\x02')
            i++;
    }
    free(text.s);
    free(g.st.mem);
}
