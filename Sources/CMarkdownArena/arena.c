#include "CMarkdownArena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// A chunk of the arena: blocks are laid out from `data` on, each after a header giving its size.
typedef struct chunk {
    struct chunk *next;
    size_t capacity;
    size_t used;
    size_t padding;
    unsigned char data[];
} chunk;

typedef struct {
    size_t size;
    size_t padding;
} header;

enum { chunk_size = 256 * 1024, alignment = 16, kept_when_empty = 8 * 1024 * 1024 };

// The thread's chunks: `first` on, `current` the one allocated from; those after `current` are
// empty and reused before a new one is made.
static __thread chunk *first;
static __thread chunk *current;

static size_t rounded(size_t size) { return (size + alignment - 1) & ~(size_t)(alignment - 1); }

static chunk *new_chunk(size_t least) {
    size_t capacity = least > chunk_size ? least : chunk_size;
    chunk *made = malloc(sizeof(chunk) + capacity);
    if (!made) abort();  // as cmark's own allocator does when calloc fails
    made->next = NULL;
    made->capacity = capacity;
    made->used = 0;
    return made;
}

static void *allocate(size_t size) {
    size_t need = sizeof(header) + rounded(size);
    if (need < size) abort();
    if (!current) {
        first = current = new_chunk(need);
    }
    while (current->capacity - current->used < need) {
        chunk *next = current->next;
        if (!next || next->capacity < need) {
            // A chunk too small for this block stays where it is; a new one goes before it.
            chunk *made = new_chunk(need);
            made->next = next;
            current->next = made;
            next = made;
        }
        current = next;
        current->used = 0;
    }
    header *block = (header *)(current->data + current->used);
    block->size = size;
    current->used += need;
    return block + 1;
}

static header *header_of(void *pointer) { return (header *)pointer - 1; }

static int is_last(void *pointer) {
    header *block = header_of(pointer);
    return current && (unsigned char *)pointer + rounded(block->size) == current->data + current->used;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *pointer = allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    header *block = header_of(pointer);
    if (is_last(pointer)) {
        size_t grown = rounded(size), had = rounded(block->size);
        if (grown <= had || current->capacity - current->used >= grown - had) {
            current->used = current->used - had + grown;
            block->size = size;
            return pointer;
        }
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, block->size < size ? block->size : size);
    return moved;
}

static void arena_free(void *pointer) {
    if (!pointer || !is_last(pointer)) return;
    current->used -= sizeof(header) + rounded(header_of(pointer)->size);
}

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *sitegen_arena_allocator(void) { return &allocator; }

sitegen_arena_mark sitegen_arena_take_mark(void) {
    sitegen_arena_mark mark = {current, current ? current->used : 0};
    return mark;
}

size_t sitegen_arena_capacity(void) {
    size_t total = 0;
    for (chunk *each = first; each; each = each->next) total += each->capacity;
    return total;
}

void sitegen_arena_rewind(sitegen_arena_mark mark) {
    if (!mark.chunk || (mark.chunk == first && mark.used == 0)) {
        // Back to empty: the chunks are kept for the next document, up to a bound.
        size_t kept = 0;
        chunk **link = &first;
        while (*link) {
            chunk *each = *link;
            if (kept + each->capacity > kept_when_empty) {
                *link = each->next;
                free(each);
                continue;
            }
            kept += each->capacity;
            each->used = 0;
            link = &each->next;
        }
        current = first;  // none left: the next allocation makes one
        return;
    }
    current = mark.chunk;
    current->used = mark.used;
}
