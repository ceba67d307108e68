/* md5.h - the MD5 message digest (RFC 1321): erlang:md5/1,
 * md5_init/update/final, and the digest of each loaded module (its
 * module_info(md5) and vsn). */
#ifndef BL_MD5_H
#define BL_MD5_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[4];
    uint64_t len;     /* bytes hashed so far */
    uint8_t buf[64];  /* a partial block */
} Md5;

void md5_init(Md5 *m);
void md5_update(Md5 *m, const void *data, size_t n);
void md5_final(Md5 *m, uint8_t out[16]);

/* The digest of n bytes at data, in one call. */
void md5_digest(const void *data, size_t n, uint8_t out[16]);

#endif
