/* ext_encode.h - encoding a term in Erlang's external term format, byte
 * for byte as Erlang/OTP 25's term_to_binary/1 (minor version 1: atoms
 * that fit latin-1 as ATOM_EXT, others as UTF-8; lists of bytes as
 * STRING_EXT; floats as NEW_FLOAT_EXT). Pids, references and closures
 * are encoded as OTP's NEW_PID_EXT, NEWER_REFERENCE_EXT and NEW_FUN_EXT
 * from what beamlet knows of them (node nonode@nohost, creation 0). */
#ifndef BL_EXT_ENCODE_H
#define BL_EXT_ENCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term.h"

/* Encodes t, version byte 131 first, into a malloc'd buffer of *len
 * bytes; *nodes gets the subterms visited (for charging reductions).
 * NULL if memory ran out. */
uint8_t *ext_encode(Term t, size_t *len, size_t *nodes);

#endif
