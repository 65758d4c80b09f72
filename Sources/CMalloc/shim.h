// glibc's <malloc.h>, for malloc_trim: Swift's Glibc module leaves it out.
#include <malloc.h>
