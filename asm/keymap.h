/* keymap.h - a hash map from byte strings to 32-bit numbers, for the
 * assembler's and disassembler's tables (atoms, literals, labels, ...). */
#ifndef BL_KEYMAP_H
#define BL_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint8_t *key; /* NULL: an empty slot */
    size_t len;
    uint64_t hash;
    uint32_t val;
} KmSlot;

/* Zero-initialise to get an empty map. Out of memory aborts. */
typedef struct {
    KmSlot *slots;
    size_t cap, n;
} KeyMap;

bool km_get(const KeyMap *m, const void *key, size_t len, uint32_t *val);
/* Adds key (copied) or replaces its value. */
void km_put(KeyMap *m, const void *key, size_t len, uint32_t val);
void km_free(KeyMap *m);

#endif
