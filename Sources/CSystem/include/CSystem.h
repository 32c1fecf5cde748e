#ifndef SMFKIT_CSYSTEM_H
#define SMFKIT_CSYSTEM_H

/* System calls Swift's Glibc module does not show (they need _GNU_SOURCE). */

/* Swaps two directory entries in one step (Linux renameat2 RENAME_EXCHANGE,
   macOS renamex_np RENAME_SWAP). 0 on success; -1 with errno set, EINVAL or
   ENOSYS where the system or the filesystem cannot do it. */
int smfkit_exchange(const char *first, const char *second);

/* Writes to disk everything cached for the file system holding the open
   file DESCRIPTOR (Linux syncfs(2)). 0 on success; -1 with errno set, ENOSYS
   where the system has no such call. */
int smfkit_syncfs(int descriptor);

#endif
