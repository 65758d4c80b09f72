import Foundation
@testable import SitegenServer
import SitegenTestSupport
import Testing

@Suite(.serialized) struct SiteWatcherTests {
    /// A site folder with `content/posts/`, removed when the test ends.
    func folder() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        return scratch
    }

    func next(_ watcher: SiteWatcher, within seconds: Double = 3) async -> Set<String>? {
        await withTaskGroup(of: Set<String>?.self) { group in
            group.addTask {
                for await batch in watcher.changes { return batch }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func aLoopingFolderLinkIsSkippedAndEditsStillShow() async throws {
        let scratch = try folder()
        let root = scratch.url
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/posts/up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/self").path, withDestinationPath: ".")
        // Before, the watcher followed `up` forever and no edit was ever reported.
        let watcher = SiteWatcher(root: root, debounce: 0.05)
        watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(300))
        try Data("edit".utf8).write(to: root.appendingPathComponent("content/posts/a.md"))
        let batch = await next(watcher, within: 10)
        #expect(batch?.contains("content/posts/a.md") == true, "\(String(describing: batch))")
    }

    @Test(arguments: [false, true])
    func aBurstOfWritesIsOneBatch(polling: Bool) async throws {
        let scratch = try folder()
        let root = scratch.url
        let watcher = SiteWatcher(root: root, debounce: 0.2)
        watcher.start(pollingOnly: polling)
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(polling ? 700 : 200))
        // An editor's save: write a temporary file, rename it over the post, touch it.
        let post = root.appendingPathComponent("content/posts/a.md")
        try Data("one".utf8).write(to: post, options: .atomic)
        try Data("two".utf8).write(to: post, options: .atomic)
        try Data("x".utf8).write(to: root.appendingPathComponent("content/posts/.a.md.swp"))
        let batch = await next(watcher)
        #expect(batch?.contains("content/posts/a.md") == true)
        #expect(batch?.contains { $0.hasSuffix(".swp") } == false)
        let quiet = await next(watcher, within: polling ? 1.2 : 0.6)
        #expect(quiet == nil || quiet?.allSatisfy({ $0 == "content/posts/a.md" }) == true)
    }

    @Test(arguments: [false, true])
    func aTemporaryFileRenamedOverThePostIsNotAChange(polling: Bool) async throws {
        let scratch = try folder()
        let root = scratch.url
        let post = root.appendingPathComponent("content/posts/a.md")
        try Data("one".utf8).write(to: post)
        let watcher = SiteWatcher(root: root, debounce: 0.2)
        watcher.start(pollingOnly: polling)
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(polling ? 700 : 200))
        // `sed -i`: a temporary file of no pattern an editor's has, written and renamed over the post.
        let temporary = root.appendingPathComponent("content/posts/sedX1b2c3")
        try Data("two".utf8).write(to: temporary)
        #expect(rename(temporary.path, post.path) == 0)
        let batch = await next(watcher)
        #expect(batch == ["content/posts/a.md"], "\(String(describing: batch))")
    }

    @Test func newFoldersAreWatchedToo() async throws {
        let scratch = try folder()
        let root = scratch.url
        let watcher = SiteWatcher(root: root, debounce: 0.1)
        watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(200))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/notes/2026"), withIntermediateDirectories: true)
        _ = await next(watcher)
        try Data("new".utf8).write(to: root.appendingPathComponent("content/notes/2026/회고.md"))
        let batch = await next(watcher)
        #expect(batch?.contains("content/notes/2026/회고.md") == true)
    }

    @Test func siteYmlCountsButOtherRootFilesDoNot() async throws {
        let scratch = try folder()
        let root = scratch.url
        let watcher = SiteWatcher(root: root, debounce: 0.1)
        watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(200))
        try Data("x".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try Data("title: x".utf8).write(to: root.appendingPathComponent("site.yml"))
        let batch = await next(watcher)
        #expect(batch == ["site.yml"])
    }
}
