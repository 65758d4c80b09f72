#ifndef SITEGEN_MARKDOWN_ARENA_H
#define SITEGEN_MARKDOWN_ARENA_H

#include <stddef.h>
#include <cmark-gfm.h>

/// A bump allocator for libcmark-gfm, one per thread: a document's parser, nodes and rendered HTML
/// are allocated from it and all let go at once when the document is done. cmark allocates each
/// node, literal and buffer on its own and frees them one by one; through glibc's malloc that was
/// about a sixteenth of a cold build's CPU.
///
/// Use: take a mark, create the parser with `sitegen_arena_allocator()`, and when every node,
/// parser and string of that document is done with (freed or not), rewind to the mark. Marks nest.
/// `free` is a no-op but for the last block (whose space is reused), and `realloc` grows the last
/// block in place.

typedef struct {
    void *chunk;
    size_t used;
} sitegen_arena_mark;

/// The calling thread's allocator (the same functions on every thread; each thread's own arena).
cmark_mem *_Nonnull sitegen_arena_allocator(void);

sitegen_arena_mark sitegen_arena_take_mark(void);

/// Everything allocated on this thread since `mark` is gone. Back at the start of the arena (the
/// outermost document done), the chunks kept for the next document are cut to a bound (8 MB).
void sitegen_arena_rewind(sitegen_arena_mark mark);

/// The bytes this thread's arena holds, used or not.
size_t sitegen_arena_capacity(void);

#endif
