/* keymap.c - open addressing with linear probing; the table doubles when
 * half full. */
#include "keymap.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: short keys, good enough spread. */
static uint64_t hash_bytes(const void *k, size_t n)
{
    const uint8_t *p = k;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* The slot holding key, or the empty slot where it would go. */
static KmSlot *find(const KeyMap *m, const void *key, size_t len, uint64_t h)
{
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        KmSlot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

bool km_get(const KeyMap *m, const void *key, size_t len, uint32_t *val)
{
    if (!m->cap)
        return false;
    KmSlot *s = find(m, key, len, hash_bytes(key, len));
    if (!s->key)
        return false;
    *val = s->val;
    return true;
}

static void grow_map(KeyMap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    KeyMap big = { calloc(cap, sizeof(KmSlot)), cap, m->n };
    if (!big.slots)
        abort();
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find(&big, m->slots[i].key, m->slots[i].len, m->slots[i].hash) = m->slots[i];
    free(m->slots);
    *m = big;
}

void km_put(KeyMap *m, const void *key, size_t len, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap)
        grow_map(m);
    uint64_t h = hash_bytes(key, len);
    KmSlot *s = find(m, key, len, h);
    if (!s->key) {
        s->key = malloc(len + 1);
        if (!s->key)
            abort();
        if (len)
            memcpy(s->key, key, len);
        s->len = len;
        s->hash = h;
        m->n++;
    }
    s->val = val;
}

void km_free(KeyMap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}
