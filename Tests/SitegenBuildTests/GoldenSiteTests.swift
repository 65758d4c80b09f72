import Foundation
import SitegenBuild
import Testing

/// Builds each fixture site and compares the whole output tree with the checked-in expected files.
/// Run with SITEGEN_RECORD=1 to write the expected files anew after an intended change (the run then fails,
/// naming the changed files); review the diff and run again.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["blog", "devblog"])
    func outputMatchesTheExpectedTree(_ name: String) async throws {
        let scratch = try ScratchFolder()
        let output = scratch.url.appendingPathComponent("output")
        _ = try await SiteBuilder.build(BuildOptions(root: Fixtures.site(name), output: output))
        // The theme's own files are compared once, with the first site.
        try GoldenTree.compare(output, expected: Fixtures.expected(name),
                               ignoring: name == "blog" ? [] : ["style.css", "search.js", "code.js", "math.js"])
    }

    @Test(arguments: ["blog", "devblog"])
    func everyInternalLinkAndAnchorLands(_ name: String) async throws {
        let scratch = try ScratchFolder()
        let output = scratch.url.appendingPathComponent("output")
        let report = try await SiteBuilder.build(BuildOptions(root: Fixtures.site(name), output: output))
        #expect(report.warnings.allSatisfy { !$0.message.contains("link to") }, "\(report.warnings)")
        #expect(brokenLinks(in: output, basePath: name == "blog" ? "/blog" : "").isEmpty)
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

    @Test func twoBuildsGiveTheSameBytes() async throws {
        let scratch = try ScratchFolder()
        let first = scratch.url.appendingPathComponent("one")
        let second = scratch.url.appendingPathComponent("two")
        _ = try await SiteBuilder.build(BuildOptions(root: Fixtures.site("blog"), output: first))
        _ = try await SiteBuilder.build(BuildOptions(root: Fixtures.site("blog"), output: second))
        #expect(tree(at: first) == tree(at: second))
    }
}
