import Foundation
import SitegenCore
import Testing

@Suite struct FileTreeReadTests {
    func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        return try FileTree.readAll(fd).get()
    }

    @Test func readsAFileWhole() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: url)
        #expect(try read(url.path) == bytes)
        try Data().write(to: url)
        #expect(try read(url.path) == [])
    }

    /// A file whose length `stat` does not tell (procfs says 0) is read to its end all the same.
    @Test func readsAFileOfUnknownLength() throws {
        let status = try read("/proc/self/status")
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        // Longer than the first buffer: read on past it.
        let maps = try read("/proc/self/maps")
        #expect(maps.count > 4096)
        #expect(String(decoding: maps, as: UTF8.self).split(separator: "\n").count > 20)
    }
}
