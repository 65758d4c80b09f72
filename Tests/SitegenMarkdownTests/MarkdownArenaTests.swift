import CMarkdownArena
import Testing

/// The per-thread bump allocator cmark parses with (CMarkdownArena): what cmark asks of an
/// allocator (zeroed calloc, realloc keeping the bytes, free), and marks that nest.
@Suite struct MarkdownArenaTests {
    let allocator = sitegen_arena_allocator()

    func bytes(_ pointer: UnsafeMutableRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count))
    }

    func fill(_ pointer: UnsafeMutableRawPointer, _ count: Int, with byte: UInt8) {
        pointer.initializeMemory(as: UInt8.self, repeating: byte, count: count)
    }

    @Test func callocIsZeroedEvenWhereEarlierBlocksWere() throws {
        let mark = sitegen_arena_take_mark()
        let first = try #require(allocator.pointee.calloc(100, 1))
        fill(first, 100, with: 0xAB)
        sitegen_arena_rewind(mark)
        let again = try #require(allocator.pointee.calloc(10, 10))
        #expect(again == first, "the rewound space is reused")
        #expect(bytes(again, 100) == [UInt8](repeating: 0, count: 100))
        sitegen_arena_rewind(mark)
    }

    @Test func reallocKeepsTheBytesInPlaceOrMoved() throws {
        let mark = sitegen_arena_take_mark()
        defer { sitegen_arena_rewind(mark) }
        let last = try #require(allocator.pointee.realloc(nil, 16))
        fill(last, 16, with: 7)
        let grown = try #require(allocator.pointee.realloc(last, 4000))
        #expect(grown == last, "the last block grows where it is")
        #expect(bytes(grown, 16) == [UInt8](repeating: 7, count: 16))
        let other = try #require(allocator.pointee.calloc(1, 8))
        fill(grown, 4000, with: 9)
        let moved = try #require(allocator.pointee.realloc(grown, 8000))
        #expect(moved != grown && moved != other)
        #expect(bytes(moved, 4000) == [UInt8](repeating: 9, count: 4000))
        #expect(bytes(other, 8) == [UInt8](repeating: 0, count: 8), "a block after it is untouched")
    }

    @Test func freeingTheLastBlockMakesRoomAndOthersStay() throws {
        let mark = sitegen_arena_take_mark()
        defer { sitegen_arena_rewind(mark) }
        let kept = try #require(allocator.pointee.calloc(1, 32))
        fill(kept, 32, with: 1)
        let dropped = try #require(allocator.pointee.calloc(1, 64))
        allocator.pointee.free(dropped)
        let next = try #require(allocator.pointee.calloc(1, 64))
        #expect(next == dropped)
        allocator.pointee.free(kept)  // not the last: nothing happens to it
        #expect(bytes(kept, 32) == [UInt8](repeating: 1, count: 32))
        allocator.pointee.free(nil)
    }

    @Test func blocksLargerThanAChunkAndMarksThatNest() throws {
        let outer = sitegen_arena_take_mark()
        let small = try #require(allocator.pointee.calloc(1, 24))
        fill(small, 24, with: 3)
        let inner = sitegen_arena_take_mark()
        // Past the 256 KB chunks, several times: each goes where there is room.
        var large: [UnsafeMutableRawPointer] = []
        for index in 0..<5 {
            let block = try #require(allocator.pointee.calloc(1, 700_000))
            fill(block, 700_000, with: UInt8(index + 10))
            large.append(block)
        }
        for (index, block) in large.enumerated() {
            #expect(bytes(block, 700_000).allSatisfy { $0 == UInt8(index + 10) })
        }
        sitegen_arena_rewind(inner)
        #expect(bytes(small, 24) == [UInt8](repeating: 3, count: 24), "the outer document's blocks outlive the inner one's")
        let after = try #require(allocator.pointee.calloc(1, 8))
        #expect(after == small + 24 + 8 + 16, "allocation goes on right after the mark")  // 24 rounds to 32, then a 16-byte header
        sitegen_arena_rewind(outer)
    }

    @Test func aDocumentDoneLeavesAtMostEightMegabytesForTheNext() throws {
        // At a test's start no document is being rendered on this thread: the mark is the arena's start.
        let start = sitegen_arena_take_mark()
        let inner = sitegen_arena_take_mark()
        for _ in 0..<6 { _ = try #require(allocator.pointee.calloc(1, 3 << 20)) }
        #expect(sitegen_arena_capacity() >= 18 << 20)
        sitegen_arena_rewind(inner)
        sitegen_arena_rewind(start)
        #expect(sitegen_arena_capacity() <= 8 << 20)
        // And what is kept is used again.
        let block = try #require(allocator.pointee.calloc(1, 64))
        #expect(bytes(block, 64) == [UInt8](repeating: 0, count: 64))
        sitegen_arena_rewind(start)
    }
}
