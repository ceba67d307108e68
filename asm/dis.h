/* dis.h - the disassembler: .bc back to assembly text. */
#ifndef BL_DIS_H
#define BL_DIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Prints the module in the assembler's syntax (the header, the exports,
 * then each function with its instructions indented as erlc does), so
 * that assembling the text gives back the same bytes for any .bc the
 * assembler wrote. Checks the whole file before printing anything: a
 * malformed or inconsistent file gets a one-line message in err (no
 * newline) and false, never a crash. */
bool dis_disassemble(const uint8_t *bc, size_t len, FILE *out, char *err, size_t errlen);

#endif
