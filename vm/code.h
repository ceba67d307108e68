/* code.h - loaded, direct-threaded code.
 *
 * A loaded instruction is a handler address (Instr) followed by its operands,
 * each one Instr wide and decoded by the loader: register numbers, terms,
 * code addresses, pointers to exports and BIFs. */
#ifndef BL_CODE_H
#define BL_CODE_H

#include <stdint.h>

typedef uintptr_t Instr;

#endif
