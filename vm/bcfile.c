/* bcfile.c - reading and writing the .bc container and its operands. */
#include "bcfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rd32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

static BcSection *section_for(BcFile *f, uint32_t tag)
{
    switch (tag) {
    case BC_SEC_ATOM: return &f->atom;
    case BC_SEC_LITT: return &f->litt;
    case BC_SEC_IMPT: return &f->impt;
    case BC_SEC_EXPT: return &f->expt;
    case BC_SEC_FUNT: return &f->funt;
    case BC_SEC_LINE: return &f->line;
    case BC_SEC_CODE: return &f->code;
    default: return NULL;
    }
}

bool bc_parse(const uint8_t *data, size_t size, BcFile *f, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    if (size < BC_HEADER_SIZE || memcmp(data, BC_MAGIC, 4) != 0) {
        snprintf(err, errlen, "not a beamlet bytecode file (bad magic)");
        return false;
    }
    f->major = (uint16_t)(data[4] | data[5] << 8);
    f->minor = (uint16_t)(data[6] | data[7] << 8);
    if (f->major != BC_VERSION_MAJOR) {
        snprintf(err, errlen, "unsupported bytecode version %u.%u (expected %u.x)", f->major, f->minor,
                 BC_VERSION_MAJOR);
        return false;
    }
    uint32_t nsec = rd32(data + 8);
    size_t pos = BC_HEADER_SIZE;
    for (uint32_t i = 0; i < nsec; i++) {
        if (size - pos < 8) {
            snprintf(err, errlen, "truncated section header %u at offset %zu", i, pos);
            return false;
        }
        uint32_t tag = rd32(data + pos), len = rd32(data + pos + 4);
        pos += 8;
        if (len > size - pos) {
            snprintf(err, errlen, "section %u runs past the end of the file (%u bytes at offset %zu)", i, len,
                     pos);
            return false;
        }
        BcSection *s = section_for(f, tag);
        if (!s) {
            snprintf(err, errlen, "unknown section tag 0x%08x at offset %zu", tag, pos - 8);
            return false;
        }
        if (s->present) {
            snprintf(err, errlen, "duplicate section '%.4s'", (const char *)data + pos - 8);
            return false;
        }
        s->data = data + pos;
        s->size = len;
        s->present = true;
        pos += len;
        size_t pad = (4 - (len & 3)) & 3;
        if (pad > size - pos) {
            snprintf(err, errlen, "truncated padding after section %u", i);
            return false;
        }
        pos += pad;
    }
    if (pos != size) {
        snprintf(err, errlen, "%zu stray bytes after the last section", size - pos);
        return false;
    }
    if (!f->atom.present || !f->code.present) {
        snprintf(err, errlen, "missing %s section", f->atom.present ? "CODE" : "ATOM");
        return false;
    }
    return true;
}

uint64_t bc_get_varint(BcCursor *c)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (c->bad || c->p >= c->end) {
            c->bad = true;
            return 0;
        }
        uint8_t b = *c->p++;
        if (shift == 63 && b > 1) {
            c->bad = true;
            return 0;
        }
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    c->bad = true;
    return 0;
}

int64_t bc_get_svarint(BcCursor *c)
{
    uint64_t z = bc_get_varint(c);
    return (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
}

const uint8_t *bc_get_bytes(BcCursor *c, size_t n)
{
    if (c->bad || (size_t)(c->end - c->p) < n) {
        c->bad = true;
        return NULL;
    }
    const uint8_t *r = c->p;
    c->p += n;
    return r;
}

bool bc_get_operand(BcCursor *c, BcOperand *op)
{
    memset(op, 0, sizeof *op);
    const uint8_t *t = bc_get_bytes(c, 1);
    if (!t)
        return false;
    op->tag = *t;
    switch (op->tag) {
    case BC_NIL:
        break;
    case BC_INT:
        op->i = bc_get_svarint(c);
        break;
    case BC_FLOAT: {
        const uint8_t *b = bc_get_bytes(c, 8);
        if (!b)
            return false;
        uint64_t u = 0;
        for (int i = 7; i >= 0; i--)
            u = u << 8 | b[i];
        memcpy(&op->f, &u, 8);
        break;
    }
    default:
        if (op->tag >= BC_NTAGS) {
            c->bad = true;
            return false;
        }
        op->u = bc_get_varint(c);
        break;
    }
    return !c->bad;
}

void bc_buf_free(BcBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void bc_put_bytes(BcBuf *b, const void *p, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n)
            cap *= 2;
        uint8_t *d = realloc(b->data, cap);
        if (!d)
            abort();
        b->data = d;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
}

void bc_put_byte(BcBuf *b, uint8_t v) { bc_put_bytes(b, &v, 1); }

void bc_put_varint(BcBuf *b, uint64_t v)
{
    do {
        uint8_t byte = v & 0x7f;
        v >>= 7;
        bc_put_byte(b, byte | (v ? 0x80 : 0));
    } while (v);
}

void bc_put_svarint(BcBuf *b, int64_t v) { bc_put_varint(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63)); }

void bc_put_u32(BcBuf *b, uint32_t v)
{
    uint8_t x[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    bc_put_bytes(b, x, 4);
}

void bc_put_u16(BcBuf *b, uint16_t v)
{
    uint8_t x[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
    bc_put_bytes(b, x, 2);
}

void bc_put_double(BcBuf *b, double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    for (int i = 0; i < 8; i++)
        bc_put_byte(b, (uint8_t)(u >> (8 * i)));
}

void bc_put_op(BcBuf *b, uint8_t tag, uint64_t u)
{
    bc_put_byte(b, tag);
    if (tag != BC_NIL)
        bc_put_varint(b, u);
}

void bc_put_op_int(BcBuf *b, int64_t v)
{
    bc_put_byte(b, BC_INT);
    bc_put_svarint(b, v);
}

void bc_put_op_float(BcBuf *b, double d)
{
    bc_put_byte(b, BC_FLOAT);
    bc_put_double(b, d);
}

static void put_section(BcBuf *out, uint32_t tag, const BcBuf *s, uint32_t *count)
{
    if (!s || !s->len)
        return;
    bc_put_u32(out, tag);
    bc_put_u32(out, (uint32_t)s->len);
    bc_put_bytes(out, s->data, s->len);
    static const uint8_t zero[3];
    bc_put_bytes(out, zero, (4 - (s->len & 3)) & 3);
    (*count)++;
}

void bc_write_file(BcBuf *out, const BcBuf *atom, const BcBuf *litt, const BcBuf *impt, const BcBuf *expt,
                   const BcBuf *funt, const BcBuf *line, const BcBuf *code)
{
    bc_put_bytes(out, BC_MAGIC, 4);
    bc_put_u16(out, BC_VERSION_MAJOR);
    bc_put_u16(out, BC_VERSION_MINOR);
    size_t count_at = out->len;
    bc_put_u32(out, 0);
    bc_put_u32(out, 0);
    uint32_t n = 0;
    put_section(out, BC_SEC_ATOM, atom, &n);
    put_section(out, BC_SEC_LITT, litt, &n);
    put_section(out, BC_SEC_IMPT, impt, &n);
    put_section(out, BC_SEC_EXPT, expt, &n);
    put_section(out, BC_SEC_FUNT, funt, &n);
    put_section(out, BC_SEC_LINE, line, &n);
    put_section(out, BC_SEC_CODE, code, &n);
    for (int i = 0; i < 4; i++)
        out->data[count_at + i] = (uint8_t)(n >> (8 * i));
}

/* Indexed by opcode number; unused numbers have a NULL name. */
static const BcOpInfo op_table[BC_MAX_OPCODE + 1] = {
#define OP(name, num, ops, doc) [num] = { #name, ops, doc, num },
#include "opcodes.def"
#undef OP
};

const BcOpInfo *bc_op_info(unsigned number)
{
    return number <= BC_MAX_OPCODE && op_table[number].name ? &op_table[number] : NULL;
}

const BcOpInfo *bc_op_by_name(const char *name)
{
    for (unsigned i = 0; i <= BC_MAX_OPCODE; i++)
        if (op_table[i].name && strcmp(op_table[i].name, name) == 0)
            return &op_table[i];
    return NULL;
}
