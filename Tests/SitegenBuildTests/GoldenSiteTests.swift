import Foundation
import SitegenBuild
import Testing

/// Builds each fixture site and compares the whole output tree with the checked-in expected files.
/// Run with SITEGEN_RECORD=1 to write the expected files anew after an intended change; review the diff.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["blog"])
    func outputMatchesTheExpectedTree(_ name: String) async throws {
        let scratch = try ScratchFolder()
        let output = scratch.url.appendingPathComponent("output")
        _ = try await SiteBuilder.build(BuildOptions(root: Fixtures.site(name), output: output))
        let actual = tree(at: output)
        let expectedFolder = Fixtures.expected(name)

        if ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.createDirectory(at: expectedFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: output, to: expectedFolder)
            return
        }

        let expected = tree(at: expectedFolder)
        #expect(!expected.isEmpty, "no expected files: record them with SITEGEN_RECORD=1")
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let built = actual[path] else { continue }
            #expect(built == data, "\(path) differs from Fixtures/expected/\(name)/\(path)")
        }
    }

    @Test func twoBuildsGiveTheSameBytes() async throws {
        let scratch = try ScratchFolder()
        let first = scratch.url.appendingPathComponent("one")
        let second = scratch.url.appendingPathComponent("two")
        _ = try await SiteBuilder.build(BuildOptions(root: Fixtures.site("blog"), output: first))
        _ = try await SiteBuilder.build(BuildOptions(root: Fixtures.site("blog"), output: second))
        #expect(tree(at: first) == tree(at: second))
    }
}
