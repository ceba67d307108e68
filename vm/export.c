/* export.c - the global export table: a hash of module:function/arity to
 * Export entries. Entries are allocated once and never move or die, so
 * pointers to them are kept in loaded code. One lock guards inserts and
 * lookups; hot paths never look up (the loader resolves imports to Export
 * pointers once). */
#include "export.h"

#include <pthread.h>
#include <stdlib.h>

#include "atom.h"

typedef struct Node {
    Export e;
    struct Node *next;
} Node;

#define NBUCKETS 8192

static Node *buckets[NBUCKETS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned bucket(Term m, Term f, unsigned a)
{
    uint64_t h = (m * 0x9E3779B97F4A7C15u) ^ (f * 0xC2B2AE3D27D4EB4Fu) ^ a;
    h ^= h >> 29;
    return (unsigned)(h % NBUCKETS);
}

static Export *find_locked(Term m, Term f, unsigned a)
{
    for (Node *n = buckets[bucket(m, f, a)]; n; n = n->next)
        if (n->e.module == m && n->e.name == f && n->e.arity == a)
            return &n->e;
    return NULL;
}

void export_init(void) {}

Export *export_get(Term module, Term name, unsigned arity)
{
    pthread_mutex_lock(&lock);
    Export *e = find_locked(module, name, arity);
    if (!e) {
        Node *n = calloc(1, sizeof *n);
        if (n) {
            n->e.module = module;
            n->e.name = name;
            n->e.arity = arity;
            unsigned b = bucket(module, name, arity);
            n->next = buckets[b];
            buckets[b] = n;
            e = &n->e;
        }
    }
    pthread_mutex_unlock(&lock);
    return e;
}

Export *export_find(Term module, Term name, unsigned arity)
{
    pthread_mutex_lock(&lock);
    Export *e = find_locked(module, name, arity);
    pthread_mutex_unlock(&lock);
    return e;
}
