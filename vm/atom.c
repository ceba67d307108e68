/* atom.c - the global atom table: chunked storage plus an open-addressing
 * hash index. Readers of atom_text never lock: an entry, once published by
 * incrementing the count with release order, never moves or changes. */
#include "atom.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_BITS 12
#define CHUNK_SIZE (1u << CHUNK_BITS)
#define MAX_CHUNKS (ATOM_MAX_COUNT / CHUNK_SIZE)

typedef struct {
    const char *text; /* NUL-terminated copy */
    uint32_t len;
    uint32_t hash;
} AtomEntry;

static AtomEntry *chunks[MAX_CHUNKS];
static _Atomic uint32_t count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Hash index: slots hold index+1, 0 is empty. Guarded by lock for writes;
 * lookups also take the lock (they are rare on hot paths: only
 * list_to_atom and the loader intern atoms). */
static uint32_t *slots;
static uint32_t slot_mask;

static uint32_t hash_text(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static AtomEntry *entry(uint32_t i) { return &chunks[i >> CHUNK_BITS][i & (CHUNK_SIZE - 1)]; }

static void grow_slots(void)
{
    uint32_t n = slot_mask ? (slot_mask + 1) * 2 : 4096;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s)
        abort();
    uint32_t c = atomic_load_explicit(&count, memory_order_relaxed);
    for (uint32_t i = 0; i < c; i++) {
        uint32_t h = entry(i)->hash & (n - 1);
        while (s[h])
            h = (h + 1) & (n - 1);
        s[h] = i + 1;
    }
    free(slots);
    slots = s;
    slot_mask = n - 1;
}

/* Finds the slot for text; returns the atom index or UINT32_MAX, and the
 * empty slot where it would go in *where. Caller holds the lock. */
static uint32_t find(const char *text, size_t len, uint32_t h, uint32_t *where)
{
    uint32_t i = h & slot_mask;
    while (slots[i]) {
        AtomEntry *e = entry(slots[i] - 1);
        if (e->hash == h && e->len == len && memcmp(e->text, text, len) == 0)
            return slots[i] - 1;
        i = (i + 1) & slot_mask;
    }
    *where = i;
    return UINT32_MAX;
}

static Term insert_locked(const char *text, size_t len, bool create)
{
    uint32_t h = hash_text(text, len), where = 0;
    uint32_t found = find(text, len, h, &where);
    if (found != UINT32_MAX)
        return make_atom(found);
    if (!create)
        return THE_NON_VALUE;
    uint32_t c = atomic_load_explicit(&count, memory_order_relaxed);
    if (c >= ATOM_MAX_COUNT)
        return THE_NON_VALUE;
    if (!chunks[c >> CHUNK_BITS]) {
        chunks[c >> CHUNK_BITS] = calloc(CHUNK_SIZE, sizeof(AtomEntry));
        if (!chunks[c >> CHUNK_BITS])
            abort();
    }
    char *copy = malloc(len + 1);
    if (!copy)
        abort();
    memcpy(copy, text, len);
    copy[len] = 0;
    AtomEntry *e = entry(c);
    e->text = copy;
    e->len = (uint32_t)len;
    e->hash = h;
    if ((c + 1) * 2 > slot_mask) {
        atomic_store_explicit(&count, c + 1, memory_order_release);
        grow_slots();
    } else {
        slots[where] = c + 1;
        atomic_store_explicit(&count, c + 1, memory_order_release);
    }
    return make_atom(c);
}

void atom_init(void)
{
    pthread_mutex_lock(&lock);
    if (!slots) {
        grow_slots();
#define X(id, text) insert_locked(text, sizeof(text) - 1, true);
#include "atoms.def"
#undef X
    }
    pthread_mutex_unlock(&lock);
}

/* Characters in UTF-8 text: bytes that do not continue a sequence. */
static size_t char_count(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

Term atom_intern(const char *text, size_t len)
{
    if (len > ATOM_MAX_LEN || char_count(text, len) > ATOM_MAX_CHARS)
        return THE_NON_VALUE;
    pthread_mutex_lock(&lock);
    Term a = insert_locked(text, len, true);
    pthread_mutex_unlock(&lock);
    return a;
}

Term atom_lookup(const char *text, size_t len)
{
    if (len > ATOM_MAX_LEN)
        return THE_NON_VALUE;
    pthread_mutex_lock(&lock);
    Term a = insert_locked(text, len, false);
    pthread_mutex_unlock(&lock);
    return a;
}

const char *atom_text(Term atom, size_t *len)
{
    AtomEntry *e = entry(atom_index(atom));
    if (len)
        *len = e->len;
    return e->text;
}

const char *atom_cstr(Term atom) { return entry(atom_index(atom))->text; }

uint32_t atom_count(void) { return atomic_load_explicit(&count, memory_order_acquire); }
