// glibc calls that Swift's Glibc module leaves out: malloc_trim (<malloc.h>), and renameat2 with
// RENAME_EXCHANGE, which swaps two folders in one step (declared only under _GNU_SOURCE).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>

/// Exchanges the paths `a` and `b` atomically (both must exist); 0, or -1 with errno set
/// (EINVAL or ENOSYS where the file system or kernel cannot).
static inline int sitegen_exchange_paths(const char *a, const char *b) {
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}
