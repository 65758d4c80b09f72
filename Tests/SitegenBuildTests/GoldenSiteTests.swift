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
            guard let built = actual[path], built != data else { continue }
            Issue.record("\(path) differs from Fixtures/expected/\(name)/\(path): \(firstDifference(built, data))")
        }
    }

    @Test(arguments: ["blog"])
    func everyInternalLinkAndAnchorLands(_ name: String) async throws {
        let scratch = try ScratchFolder()
        let output = scratch.url.appendingPathComponent("output")
        let report = try await SiteBuilder.build(BuildOptions(root: Fixtures.site(name), output: output))
        #expect(report.warnings.allSatisfy { !$0.message.contains("link to") }, "\(report.warnings)")
        #expect(brokenLinks(in: output, basePath: "/blog").isEmpty)
    }

    @Test func theExampleSiteOfTheRepositoryHasNoBrokenLinks() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scratch = try ScratchFolder()
        let output = scratch.url.appendingPathComponent("output")
        let report = try await SiteBuilder.build(BuildOptions(root: root, output: output))
        #expect(report.pageCount > 10)
        #expect(brokenLinks(in: output, basePath: "").isEmpty)
    }

    func brokenLinks(in output: URL, basePath: String) -> [BrokenLink] {
        var pages: [String: String] = [:]
        var files: Set<String> = []
        for (path, data) in tree(at: output) {
            if path.hasSuffix(".html") { pages[path] = String(decoding: data, as: UTF8.self) } else { files.insert(path) }
        }
        return LinkChecker.check(pages: pages, files: files, basePath: basePath)
    }

    func firstDifference(_ built: Data, _ expected: Data) -> String {
        let a = String(decoding: built, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            let got = index < a.count ? String(a[index]) : "(end)"
            let want = index < b.count ? String(b[index]) : "(end)"
            return "line \(index + 1): built «\(got)», expected «\(want)»"
        }
        return "same lines, different bytes"
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
