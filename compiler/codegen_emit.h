/* codegen_emit.h - shared by the emission files (codegen_emit.c,
 * codegen_branch.c): register state, break targets, operand locations,
 * and the emission functions they call in each other. */
#ifndef BL_CODEGEN_EMIT_H
#define BL_CODEGEN_EMIT_H

#include "codegen_int.h"

#define MAXX 1024
#define R_FREE (-1)
#define R_TEMP (-2) /* a guard's temporary */
#define R_MARK (-3) /* a y register reserved for catch markers */

typedef struct Frame {
    int size;
} Frame;

/* Where every value is: the register state at one point of the code. */
typedef struct {
    int *mem;
    int *vx, *vy; /* per variable: x register, y register (-1: none) */
    int *xo, *yo; /* per register: the variable in it, or R_* */
    Frame *frame; /* NULL: no stack frame */
    int level;    /* active catch markers */
} RS;

/* Where a break delivers its values. */
typedef struct BT {
    int label;   /* 0: falls through */
    int *regs;   /* x register per value, -1: value not needed */
    int n;
    struct BT *up;
} BT;

typedef struct {
    Cg *c;
    KFun *kf;
    AstBuf *o;
    RS st;
    int nv, ycap, memn;
    /* bounds on the registers ever used in this function (all states):
     * x(xtop) and above, y(ytop) and above are free everywhere, so scans
     * stop there rather than at MAXX and ycap */
    int xtop, ytop;
    bool x_full; /* out of x registers: reported */
    int D;          /* y registers reserved for catch markers */
    Frame **frames; /* every frame of the function, to patch its size */
    int nframes, capframes;
    int cur_line;
    BT *bt;
} G;

typedef struct {
    char k; /* 'x', 'y' or 'l' */
    int n;
    const AstExpr *lit;
} Loc;

/* ---- codegen_emit.c */

void cg_rs_copy(G *g, RS *d, const RS *s);
RS cg_snapshot(G *g);
void cg_emit(G *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cg_new_label(G *g);
void cg_emit_label(G *g, int l);
Loc cg_loc_of(G *g, KOp op);
void cg_put_loc(AstBuf *b, Loc l);
/* The operand as text (in the arena, freed with the module). */
const char *cg_loc_text(G *g, Loc l);
const char *cg_op_text(G *g, KOp op);
Loc cg_xreg(int n);
int cg_alloc_x(G *g, int owner);
/* Forgets the values that are not in live. */
void cg_free_dead(G *g, const Bits live);
/* x registers do not survive calls. */
void cg_clear_x(G *g);
void cg_release_temps(G *g);
/* How many x registers a collection must keep: up to the highest in use. */
int cg_live_x(G *g);
void cg_bind_x(G *g, int v, int r);
/* Allocates the stack frame if the code has none yet: its size is patched
 * in when the function is complete. */
void cg_ensure_frame(G *g);
/* Puts every value of set that is only in an x register into a y register. */
void cg_save_set(G *g, const Bits set);
void cg_gen_body(G *g, KBody *b);

/* ---- codegen_branch.c */

const char *cg_atom_text(G *g, const char *name);
void cg_gen_match(G *g, KStmt *s);
void cg_gen_catch(G *g, KStmt *s);
void cg_gen_try(G *g, KStmt *s);
void cg_gen_recv(G *g, KStmt *s);

#endif
