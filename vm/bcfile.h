/* bcfile.h - the .bc container format: reading and writing sections and
 * tagged operands. Knows nothing of the VM: the assembler, disassembler and
 * loader all share it. The format is described in docs/bc-format.md. */
#ifndef BL_BCFILE_H
#define BL_BCFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BC_MAGIC "BLBC"
#define BC_VERSION_MAJOR 1
#define BC_VERSION_MINOR 0
#define BC_HEADER_SIZE 16

/* Limits the loader enforces (and the assembler respects). */
#define BC_MAX_X 1024          /* x registers x0..x1023 */
#define BC_MAX_Y 65536         /* y registers in one frame */
#define BC_MAX_ARITY 255       /* function arity */
#define BC_MAX_LIST 65536      /* items in one list operand */

/* Section tags, as 32-bit little-endian values of four ASCII letters. */
#define BC_TAG(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)
#define BC_SEC_ATOM BC_TAG('A', 'T', 'O', 'M')
#define BC_SEC_LITT BC_TAG('L', 'I', 'T', 'T')
#define BC_SEC_IMPT BC_TAG('I', 'M', 'P', 'T')
#define BC_SEC_EXPT BC_TAG('E', 'X', 'P', 'T')
#define BC_SEC_FUNT BC_TAG('F', 'U', 'N', 'T')
#define BC_SEC_LINE BC_TAG('L', 'I', 'N', 'E')
#define BC_SEC_CODE BC_TAG('C', 'O', 'D', 'E')

/* Operand tags. */
enum {
    BC_X = 0,      /* varint register number */
    BC_Y = 1,      /* varint register number */
    BC_INT = 2,    /* zigzag varint: an integer that fits in 64 bits */
    BC_ATOM = 3,   /* varint atom index */
    BC_NIL = 4,    /* [] */
    BC_LIT = 5,    /* varint literal index */
    BC_LABEL = 6,  /* varint label number, 0 = none */
    BC_UINT = 7,   /* varint */
    BC_IMPORT = 8, /* varint import index */
    BC_LAMBDA = 9, /* varint lambda index */
    BC_LIST = 10,  /* varint count, then that many operands (no nested lists) */
    BC_FLOAT = 11, /* 8 bytes, IEEE double, little-endian */
    BC_NTAGS
};

typedef struct {
    const uint8_t *data;
    size_t size;
    bool present;
} BcSection;

typedef struct {
    uint16_t major, minor;
    BcSection atom, litt, impt, expt, funt, line, code;
} BcFile;

/* A read position inside a section. Every read checks bounds; after the
 * first failure `bad` stays set and reads return zeros. */
typedef struct {
    const uint8_t *p, *end;
    bool bad;
} BcCursor;

typedef struct {
    uint8_t tag;
    uint64_t u;  /* register, index, label, unsigned value, list count */
    int64_t i;   /* BC_INT */
    double f;    /* BC_FLOAT */
} BcOperand;

/* Splits a file into sections. Returns false and writes a one-line message
 * into err on any malformation (bad magic, version, truncated or duplicate
 * section, unknown section tag, missing ATOM or CODE). */
bool bc_parse(const uint8_t *data, size_t size, BcFile *out, char *err, size_t errlen);

static inline BcCursor bc_cursor(BcSection s) { return (BcCursor){ s.data, s.data ? s.data + s.size : NULL, false }; }
uint64_t bc_get_varint(BcCursor *c);
int64_t bc_get_svarint(BcCursor *c);
const uint8_t *bc_get_bytes(BcCursor *c, size_t n);
bool bc_get_operand(BcCursor *c, BcOperand *op);
static inline bool bc_at_end(const BcCursor *c) { return c->p >= c->end; }

/* A growable byte buffer for writers. Out-of-memory aborts. */
typedef struct {
    uint8_t *data;
    size_t len, cap;
} BcBuf;

void bc_buf_free(BcBuf *b);
void bc_put_bytes(BcBuf *b, const void *p, size_t n);
void bc_put_byte(BcBuf *b, uint8_t v);
void bc_put_varint(BcBuf *b, uint64_t v);
void bc_put_svarint(BcBuf *b, int64_t v);
void bc_put_u32(BcBuf *b, uint32_t v);
void bc_put_u16(BcBuf *b, uint16_t v);
void bc_put_double(BcBuf *b, double d);

/* Operand writers. */
void bc_put_op(BcBuf *b, uint8_t tag, uint64_t u);
void bc_put_op_int(BcBuf *b, int64_t v);
void bc_put_op_float(BcBuf *b, double d);

/* Writes a whole file: the header, then each non-empty section given, in
 * the canonical order ATOM LITT IMPT EXPT FUNT LINE CODE. */
void bc_write_file(BcBuf *out, const BcBuf *atom, const BcBuf *litt, const BcBuf *impt,
                   const BcBuf *expt, const BcBuf *funt, const BcBuf *line, const BcBuf *code);

/* Opcode metadata from opcodes.def, by .bc opcode number. */
typedef struct {
    const char *name;
    const char *operands; /* kind letters, see opcodes.def */
    const char *doc;
    int number;
} BcOpInfo;

#define BC_MAX_OPCODE 255
/* NULL for numbers that are no instruction. */
const BcOpInfo *bc_op_info(unsigned number);
/* Looks an instruction up by name; NULL if none. */
const BcOpInfo *bc_op_by_name(const char *name);

#endif
