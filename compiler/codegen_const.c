/* codegen_const.c - constants for the code generator: building tree
 * nodes, evaluating constant binaries to bytes, folding integer arithmetic
 * in patterns, and writing constants as the assembler reads them. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>
#include <limits.h>
#include <math.h>

#include "codegen_int.h"
#include "lexer.h"

/* ---- constants */

AstExpr *cg_mk_node(Cg *c, AstKind k, int line)
{
    AstExpr *e = cg_alloc(c, sizeof *e);
    e->kind = k;
    e->line = line;
    e->col = 1;
    return e;
}

const AstExpr *cg_mk_atom(Cg *c, const char *name)
{
    AstExpr *e = cg_mk_node(c, AST_ATOM, 0);
    e->u.atom.name = name;
    e->u.atom.len = strlen(name);
    return e;
}

const AstExpr *cg_mk_int(Cg *c, int64_t v)
{
    AstExpr *e = cg_mk_node(c, AST_INT, 0);
    e->u.int_.value = v;
    return e;
}

static bool is_var_named(const AstExpr *e, const char *name)
{
    return e->kind == AST_VAR && strcmp(e->u.var.name, name) == 0;
}
bool cg_is_wild(const AstExpr *e) { return is_var_named(e, "_"); }
bool cg_is_atom_named(const AstExpr *e, const char *name)
{
    return e && e->kind == AST_ATOM && strcmp(e->u.atom.name, name) == 0;
}

/* A binary being evaluated at compile time, bit by bit. */
typedef struct {
    uint8_t *b;
    size_t nbits, cap;
} BitBuf;

static bool bb_bit(BitBuf *bb, int bit)
{
    if (bb->nbits / 8 >= bb->cap) {
        size_t nc = bb->cap ? bb->cap * 2 : 16;
        uint8_t *nb = realloc(bb->b, nc);
        if (!nb)
            return false;
        memset(nb + bb->cap, 0, nc - bb->cap);
        bb->b = nb;
        bb->cap = nc;
    }
    if (bit)
        bb->b[bb->nbits / 8] |= (uint8_t)(0x80 >> (bb->nbits % 8));
    bb->nbits++;
    return true;
}

/* Appends the low n bits of v, most significant first. */
static bool bb_bits(BitBuf *bb, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; i--)
        if (!bb_bit(bb, i < 64 ? (int)(v >> i & 1) : (int)(((int64_t)v < 0) ? 1 : 0)))
            return false;
    return true;
}

/* An integer of n bits (n a multiple of 8 when little-endian). */
static bool bb_int(BitBuf *bb, int64_t v, int n, bool little)
{
    if (!little || n % 8 != 0)
        return bb_bits(bb, (uint64_t)v, n);
    for (int i = 0; i < n / 8; i++)
        if (!bb_bits(bb, i < 8 ? (uint64_t)v >> (8 * i) & 0xff : (v < 0 ? 0xff : 0), 8))
            return false;
    return true;
}

static bool bb_utf(BitBuf *bb, int64_t cp, int kind, bool little)
{
    if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return false;
    if (kind == 8) {
        if (cp < 0x80)
            return bb_bits(bb, (uint64_t)cp, 8);
        if (cp < 0x800)
            return bb_bits(bb, 0xc0 | (uint64_t)cp >> 6, 8) && bb_bits(bb, 0x80 | ((uint64_t)cp & 0x3f), 8);
        if (cp < 0x10000)
            return bb_bits(bb, 0xe0 | (uint64_t)cp >> 12, 8) && bb_bits(bb, 0x80 | ((uint64_t)cp >> 6 & 0x3f), 8) &&
                   bb_bits(bb, 0x80 | ((uint64_t)cp & 0x3f), 8);
        return bb_bits(bb, 0xf0 | (uint64_t)cp >> 18, 8) && bb_bits(bb, 0x80 | ((uint64_t)cp >> 12 & 0x3f), 8) &&
               bb_bits(bb, 0x80 | ((uint64_t)cp >> 6 & 0x3f), 8) && bb_bits(bb, 0x80 | ((uint64_t)cp & 0x3f), 8);
    }
    if (kind == 16) {
        if (cp < 0x10000)
            return bb_int(bb, cp, 16, little);
        int64_t v = cp - 0x10000;
        return bb_int(bb, 0xd800 | (v >> 10), 16, little) && bb_int(bb, 0xdc00 | (v & 0x3ff), 16, little);
    }
    return bb_int(bb, cp, 32, little);
}

static bool bin_eval_into(const AstExpr *e, BitBuf *bb);

/* One segment Value:Size/Types of a constant binary. */
static bool bin_seg_eval(const AstBinSeg *s, BitBuf *bb)
{
    const char *type = "integer";
    bool little = false;
    int64_t unit = -1;
    for (int i = 0; i < s->ntypes; i++) {
        const char *t = s->types[i].name;
        if (strcmp(t, "little") == 0 || strcmp(t, "native") == 0)
            little = true;
        else if (strcmp(t, "big") == 0 || strcmp(t, "signed") == 0 || strcmp(t, "unsigned") == 0)
            ;
        else if (strcmp(t, "unit") == 0 && s->types[i].has_value)
            unit = s->types[i].value;
        else if (!s->types[i].has_value)
            type = t;
        else
            return false;
    }
    if (s->size && s->size->kind != AST_INT)
        return false;
    int64_t size = s->size ? s->size->u.int_.value : -1;
    const AstExpr *v = s->value;
    bool utf = strncmp(type, "utf", 3) == 0;
    int uk = utf ? atoi(type + 3) : 0;
    if (utf && uk != 8 && uk != 16 && uk != 32)
        return false;
    if (v->kind == AST_STRING) {
        for (size_t i = 0; i < v->u.str.len; i++) {
            int64_t ch = v->u.str.chars[i];
            if (utf ? !bb_utf(bb, ch, uk, little)
                    : strcmp(type, "integer") != 0 || !bb_int(bb, ch,
                                                              (int)((size < 0 ? 8 : size) * (unit < 0 ? 1 : unit)), little))
                return false;
        }
        return true;
    }
    if (utf)
        return v->kind == AST_INT && !v->u.int_.big && !s->size && bb_utf(bb, v->u.int_.value, uk, little);
    if (strcmp(type, "integer") == 0) {
        int64_t n = (size < 0 ? 8 : size) * (unit < 0 ? 1 : unit);
        if (v->kind != AST_INT || v->u.int_.big || n < 0 || n > 4096)
            return false;
        return bb_int(bb, v->u.int_.value, (int)n, little);
    }
    if (strcmp(type, "float") == 0) {
        int64_t n = (size < 0 ? 64 : size) * (unit < 0 ? 1 : unit);
        double d;
        if (v->kind == AST_FLOAT)
            d = v->u.float_.value;
        else if (v->kind == AST_INT && !v->u.int_.big)
            d = (double)v->u.int_.value;
        else
            return false;
        if (n == 64) {
            uint64_t w;
            memcpy(&w, &d, 8);
            return bb_int(bb, (int64_t)w, 64, little);
        }
        if (n == 32) {
            float f = (float)d;
            uint32_t w;
            memcpy(&w, &f, 4);
            return bb_int(bb, (int64_t)w, 32, little);
        }
        return false;
    }
    if (strcmp(type, "binary") == 0 || strcmp(type, "bytes") == 0 || strcmp(type, "bitstring") == 0 ||
        strcmp(type, "bits") == 0) {
        if (v->kind != AST_BIN)
            return false;
        BitBuf sub = { 0 };
        bool ok = bin_eval_into(v, &sub);
        int64_t want = size < 0 ? (int64_t)sub.nbits : size * (unit < 0 ? (type[0] == 'b' && type[3] == 's' ? 1 : 8) : unit);
        if (ok && want <= (int64_t)sub.nbits)
            for (int64_t i = 0; i < want && ok; i++)
                ok = bb_bit(bb, sub.b[i / 8] >> (7 - i % 8) & 1);
        else
            ok = false;
        free(sub.b);
        return ok;
    }
    return false;
}

static bool bin_eval_into(const AstExpr *e, BitBuf *bb)
{
    for (int i = 0; i < e->u.bin.nsegs; i++)
        if (!bin_seg_eval(&e->u.bin.segs[i], bb))
            return false;
    return true;
}

/* The bytes of a binary with constant segments (malloc'd into *out), or
 * false if it is not one this compiler can evaluate. */
static bool bin_eval(const AstExpr *e, uint8_t **out, size_t *len)
{
    BitBuf bb = { 0 };
    if (!bin_eval_into(e, &bb) || bb.nbits % 8 != 0) {
        free(bb.b);
        return false;
    }
    *out = bb.b;
    *len = bb.nbits / 8;
    return true;
}

/* Is e a constant term (a literal the assembler can hold)? */
bool cg_is_const(const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_NIL:
        return true;
    case AST_TUPLE:
        for (int i = 0; i < e->u.tuple.elems.n; i++)
            if (!cg_is_const(e->u.tuple.elems.items[i]))
                return false;
        return true;
    case AST_LIST:
        for (int i = 0; i < e->u.list.elems.n; i++)
            if (!cg_is_const(e->u.list.elems.items[i]))
                return false;
        return cg_is_const(e->u.list.tail);
    case AST_BIN: {
        uint8_t *b;
        size_t n;
        if (!bin_eval(e, &b, &n))
            return false;
        free(b);
        return true;
    }
    case AST_FUN_REF:
        return e->u.fun_ref.mod && e->u.fun_ref.mod->kind == AST_ATOM && e->u.fun_ref.fun->kind == AST_ATOM &&
               e->u.fun_ref.arity->kind == AST_INT;
    default:
        return false;
    }
}

/* Folds integer arithmetic on constants (patterns such as 1 + 2 or
 * -(3)); false when e is not such an expression. */
bool cg_fold_int(const AstExpr *e, int64_t *out)
{
    int64_t a, b;
    switch (e->kind) {
    case AST_INT:
        if (e->u.int_.big)
            return false;
        *out = e->u.int_.value;
        return true;
    case AST_UNOP:
        if (!cg_fold_int(e->u.unop.arg, &a))
            return false;
        if (e->u.unop.op == AST_OP_NEG)
            return !__builtin_sub_overflow((int64_t)0, a, out);
        if (e->u.unop.op == AST_OP_PLUS)
            return (*out = a), true;
        if (e->u.unop.op == AST_OP_BNOT)
            return (*out = ~a), true;
        return false;
    case AST_BINOP:
        if (!cg_fold_int(e->u.binop.lhs, &a) || !cg_fold_int(e->u.binop.rhs, &b))
            return false;
        switch (e->u.binop.op) {
        case AST_OP_ADD: return !__builtin_add_overflow(a, b, out);
        case AST_OP_SUB: return !__builtin_sub_overflow(a, b, out);
        case AST_OP_MUL: return !__builtin_mul_overflow(a, b, out);
        case AST_OP_DIV:
            if (b == 0 || (a == INT64_MIN && b == -1))
                return false;
            *out = a / b;
            return true;
        case AST_OP_REM:
            if (b == 0 || b == -1)
                return b == -1 ? (*out = 0, true) : false;
            *out = a % b;
            return true;
        case AST_OP_BAND: *out = a & b; return true;
        case AST_OP_BOR: *out = a | b; return true;
        case AST_OP_BXOR: *out = a ^ b; return true;
        case AST_OP_BSL:
            if (b < 0 || b > 62 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b))))
                return false;
            *out = (int64_t)((uint64_t)a << b);
            return true;
        case AST_OP_BSR:
            *out = b >= 63 ? (a < 0 ? -1 : 0) : b < 0 ? 0 : a >> b;
            return b >= 0;
        default:
            return false;
        }
    default:
        return false;
    }
}

/* A number being folded: an integer (GMP, any size) or a float. */
typedef struct {
    bool is_float;
    double f;
    mpz_t z;
} Num;

static bool fold_num(const AstExpr *e, Num *out);

/* Erlang's arithmetic on two folded numbers into r (initialised); false
 * where Erlang raises (badarith) or the result would not fit beamlet's
 * bytecode (an integer of more than LEX_MAX_INT_BITS bits). */
static bool fold_binop(AstOp op, Num *a, Num *b, Num *r)
{
    bool ints = !a->is_float && !b->is_float;
    if (!ints || op == AST_OP_FDIV) {
        double x = a->is_float ? a->f : mpz_get_d(a->z), y = b->is_float ? b->f : mpz_get_d(b->z);
        r->is_float = true;
        switch (op) {
        case AST_OP_ADD: r->f = x + y; break;
        case AST_OP_SUB: r->f = x - y; break;
        case AST_OP_MUL: r->f = x * y; break;
        case AST_OP_FDIV:
            if (y == 0)
                return false;
            r->f = x / y;
            break;
        default: return false; /* div, rem, bit operations need integers */
        }
        return isfinite(r->f);
    }
    r->is_float = false;
    switch (op) {
    case AST_OP_ADD: mpz_add(r->z, a->z, b->z); break;
    case AST_OP_SUB: mpz_sub(r->z, a->z, b->z); break;
    case AST_OP_MUL:
        if (mpz_sizeinbase(a->z, 2) + mpz_sizeinbase(b->z, 2) > LEX_MAX_INT_BITS + 1)
            return false;
        mpz_mul(r->z, a->z, b->z);
        break;
    case AST_OP_DIV:
    case AST_OP_REM:
        if (mpz_sgn(b->z) == 0)
            return false;
        if (op == AST_OP_DIV)
            mpz_tdiv_q(r->z, a->z, b->z);
        else
            mpz_tdiv_r(r->z, a->z, b->z);
        break;
    case AST_OP_BAND: mpz_and(r->z, a->z, b->z); break;
    case AST_OP_BOR: mpz_ior(r->z, a->z, b->z); break;
    case AST_OP_BXOR: mpz_xor(r->z, a->z, b->z); break;
    case AST_OP_BSL:
    case AST_OP_BSR: {
        /* X bsl -N is X bsr N */
        if (!mpz_fits_slong_p(b->z))
            return false;
        long n = mpz_get_si(b->z);
        if (op == AST_OP_BSR)
            n = -n;
        if (n > 0 && mpz_sgn(a->z) != 0 && mpz_sizeinbase(a->z, 2) + (unsigned long)n > LEX_MAX_INT_BITS + 1)
            return false;
        if (n >= 0)
            mpz_mul_2exp(r->z, a->z, (mp_bitcnt_t)n);
        else
            mpz_fdiv_q_2exp(r->z, a->z, (mp_bitcnt_t)(n == LONG_MIN ? LONG_MAX : -n));
        break;
    }
    default: return false;
    }
    return mpz_sizeinbase(r->z, 2) <= LEX_MAX_INT_BITS;
}

/* Evaluates a constant arithmetic expression into out (initialised). */
static bool fold_num(const AstExpr *e, Num *out)
{
    switch (e->kind) {
    case AST_INT:
        out->is_float = false;
        if (e->u.int_.big)
            return mpz_set_str(out->z, e->u.int_.big, 10) == 0;
        mpz_set_ui(out->z, (unsigned long)(e->u.int_.value < 0 ? -(uint64_t)e->u.int_.value
                                                               : (uint64_t)e->u.int_.value));
        if (e->u.int_.value < 0)
            mpz_neg(out->z, out->z);
        return true;
    case AST_FLOAT:
        out->is_float = true;
        out->f = e->u.float_.value;
        return true;
    case AST_UNOP:
        if (!fold_num(e->u.unop.arg, out))
            return false;
        switch (e->u.unop.op) {
        case AST_OP_PLUS: return true;
        case AST_OP_NEG:
            if (out->is_float)
                out->f = -out->f;
            else
                mpz_neg(out->z, out->z);
            return true;
        case AST_OP_BNOT:
            if (out->is_float)
                return false;
            mpz_com(out->z, out->z);
            return true;
        default: return false;
        }
    case AST_BINOP: {
        Num a, b;
        a.is_float = b.is_float = false;
        mpz_init(a.z);
        mpz_init(b.z);
        bool ok = fold_num(e->u.binop.lhs, &a) && fold_num(e->u.binop.rhs, &b) &&
                  fold_binop(e->u.binop.op, &a, &b, out);
        mpz_clear(a.z);
        mpz_clear(b.z);
        return ok;
    }
    default:
        return false;
    }
}

/* Folds the arithmetic of a pattern such as 1 bsl 100 or 2.0 * 3 (which
 * erl_lint allows) into a literal node; NULL when e is not a constant
 * expression, raises, or gives an integer beyond beamlet's literals. */
const AstExpr *cg_fold_number(Cg *c, const AstExpr *e)
{
    Num n;
    n.is_float = false;
    mpz_init(n.z);
    const AstExpr *r = NULL;
    if (fold_num(e, &n)) {
        AstExpr *lit = cg_mk_node(c, n.is_float ? AST_FLOAT : AST_INT, e->line);
        lit->col = e->col;
        if (n.is_float) {
            lit->u.float_.value = n.f;
        } else if (mpz_fits_slong_p(n.z) && sizeof(long) == sizeof(int64_t)) {
            lit->u.int_.value = mpz_get_si(n.z);
        } else {
            char *text = mpz_get_str(NULL, 10, n.z);
            lit->u.int_.big = text ? cg_strdup(c, text) : "0";
            free(text);
        }
        r = lit;
    }
    mpz_clear(n.z);
    return r;
}

/* ---- constants as text */

/* An atom as the assembler reads it: bare when Erlang allows, quoted
 * otherwise, and always quoted when it has bytes beyond ASCII (the
 * assembler reads UTF-8 only between quotes). */
void cg_put_atom(AstBuf *b, const char *name, size_t len)
{
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)name[i] < 0x80;
    if (ascii) {
        ast_buf_atom(b, name, len);
        return;
    }
    ast_buf_putc(b, '\'');
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch == '\'' || ch == '\\')
            ast_buf_putc(b, '\\');
        if (ch < 32 || ch == 127)
            ast_buf_printf(b, "\\x{%x}", ch);
        else
            ast_buf_putc(b, (char)ch);
    }
    ast_buf_putc(b, '\'');
}

static void put_term(AstBuf *b, const AstExpr *e);

static bool printable_string(const AstExpr *e)
{
    for (size_t i = 0; i < e->u.str.len; i++)
        if (e->u.str.chars[i] < 32 || e->u.str.chars[i] > 126)
            return false;
    return true;
}

static void put_list_term(AstBuf *b, const AstExpr *e)
{
    ast_buf_putc(b, '[');
    for (int i = 0; i < e->u.list.elems.n; i++) {
        if (i)
            ast_buf_putc(b, ',');
        put_term(b, e->u.list.elems.items[i]);
    }
    const AstExpr *t = e->u.list.tail;
    if (!(t->kind == AST_NIL || (t->kind == AST_STRING && t->u.str.len == 0))) {
        ast_buf_putc(b, '|');
        put_term(b, t);
    }
    ast_buf_putc(b, ']');
}

/* A constant in Erlang term syntax, as the assembler reads it. */
static void put_term(AstBuf *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT:
        if (e->u.int_.big)
            ast_buf_puts(b, e->u.int_.big);
        else
            ast_buf_printf(b, "%lld", (long long)e->u.int_.value);
        break;
    case AST_FLOAT: ast_buf_float(b, e->u.float_.value); break;
    case AST_ATOM: cg_put_atom(b, e->u.atom.name, e->u.atom.len); break;
    case AST_NIL: ast_buf_puts(b, "[]"); break;
    case AST_STRING:
        if (printable_string(e)) {
            ast_buf_string(b, e->u.str.chars, e->u.str.len);
        } else {
            ast_buf_putc(b, '[');
            for (size_t i = 0; i < e->u.str.len; i++)
                ast_buf_printf(b, i ? ",%u" : "%u", (unsigned)e->u.str.chars[i]);
            ast_buf_putc(b, ']');
        }
        break;
    case AST_TUPLE:
        ast_buf_putc(b, '{');
        for (int i = 0; i < e->u.tuple.elems.n; i++) {
            if (i)
                ast_buf_putc(b, ',');
            put_term(b, e->u.tuple.elems.items[i]);
        }
        ast_buf_putc(b, '}');
        break;
    case AST_LIST: put_list_term(b, e); break;
    case AST_BIN: {
        uint8_t *bytes = NULL;
        size_t n = 0;
        bin_eval(e, &bytes, &n);
        ast_buf_puts(b, "<<");
        for (size_t i = 0; i < n; i++)
            ast_buf_printf(b, i ? ",%u" : "%u", bytes[i]);
        ast_buf_puts(b, ">>");
        free(bytes);
        break;
    }
    case AST_FUN_REF:
        ast_buf_puts(b, "fun ");
        put_term(b, e->u.fun_ref.mod);
        ast_buf_putc(b, ':');
        put_term(b, e->u.fun_ref.fun);
        ast_buf_putc(b, '/');
        put_term(b, e->u.fun_ref.arity);
        break;
    default:
        ast_buf_puts(b, "[]");
        break;
    }
}

void cg_put_lit(AstBuf *b, const AstExpr *e)
{
    switch (e->kind) {
    case AST_INT: ast_buf_puts(b, "{integer,"); put_term(b, e); ast_buf_putc(b, '}'); return;
    case AST_FLOAT: ast_buf_puts(b, "{float,"); put_term(b, e); ast_buf_putc(b, '}'); return;
    case AST_ATOM: ast_buf_puts(b, "{atom,"); put_term(b, e); ast_buf_putc(b, '}'); return;
    case AST_NIL: ast_buf_puts(b, "nil"); return;
    case AST_STRING:
        if (e->u.str.len == 0) {
            ast_buf_puts(b, "nil");
            return;
        }
        break;
    default:
        break;
    }
    ast_buf_puts(b, "{literal,");
    put_term(b, e);
    ast_buf_putc(b, '}');
}
