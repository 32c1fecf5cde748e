#ifndef SMFKIT_CSYSTEM_H
#define SMFKIT_CSYSTEM_H

/* System calls Swift's Glibc module does not show (they need _GNU_SOURCE). */

/* Swaps two directory entries in one step (Linux renameat2 RENAME_EXCHANGE,
   macOS renamex_np RENAME_SWAP). 0 on success; -1 with errno set, EINVAL or
   ENOSYS where the system or the filesystem cannot do it. */
int smfkit_exchange(const char *first, const char *second);

#endif
