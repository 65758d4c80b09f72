import Foundation
@testable import SitegenBuild
import SitegenCore
import Testing

/// `serve` rebuilds with a cache: it must redo only what a change touches, and give exactly the
/// site a fresh build gives.
@Suite struct IncrementalBuildTests {
    func setUp() async throws -> (ScratchFolder, BuildOptions, Generation) {
        let scratch = try ScratchFolder()
        let site = try scratch.copySite("blog")
        let options = BuildOptions(root: site, output: scratch.url.appendingPathComponent("unused"))
        return (scratch, options, try await SiteBuilder.generate(options, cache: BuildCache()))
    }

    /// Changes a file and makes sure its modification time moves, even on coarse clocks.
    func edit(_ scratch: ScratchFolder, _ path: String, _ change: (String) -> String) throws {
        let url = scratch.url.appendingPathComponent("blog/" + path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: url.path)
    }

    @Test func anEditedPostHighlightsOnlyTheCodeItChanged() async throws {
        let scratch = try ScratchFolder()
        let site = try scratch.copySite("devblog")
        let options = BuildOptions(root: site, output: scratch.url.appendingPathComponent("unused"))
        let first = try await SiteBuilder.generate(options, cache: BuildCache())
        let highlighted = first.cache.highlights.highlightedCount
        #expect(highlighted > 28)
        let post = site.appendingPathComponent("content/posts/2024-03-01-languages.md")
        let text = try String(contentsOf: post, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: 언어별 코드 모음", with: "title: 언어별 코드")
            .replacingOccurrences(of: "return f.read()", with: "return f.read().strip()").utf8).write(to: post)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: post.path)
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(second.renderedDocuments == 1)
        // The one changed block was highlighted again; the other thirty came from the cache.
        #expect(second.cache.highlights.highlightedCount == highlighted + 1)
        #expect(bytes(second) == bytes(try await SiteBuilder.generate(options, cache: BuildCache())))
    }

    @Test func aPostWhoseLiquidNamesAnotherPostFollowsThatPostsNewURL() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "liquid: true\n")
        try scratch.write("content/posts/2020-01-01-first.md", "---\ntitle: 첫 글\n---\n본문\n")
        try scratch.write("content/posts/2020-01-02-second.md", "---\ntitle: 둘째 글\n---\n[앞 글]({% post_url 2020-01-01-first %})\n")
        let options = BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("unused"))
        let first = try await SiteBuilder.generate(options, cache: BuildCache())
        let url = scratch.url.appendingPathComponent("content/posts/2020-01-01-first.md")
        try Data("---\ntitle: 첫 글\npermalink: /moved/\n---\n본문\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: url.path)
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(bytes(second)["posts/second/index.html"].map { String(decoding: $0, as: UTF8.self).contains("href=\"/moved/\"") } == true)
        #expect(bytes(second) == bytes(try await SiteBuilder.generate(options, cache: BuildCache())))
    }

    @Test func anImageReplacedByOneOfAnotherSizeRerendersThePagesShowingIt() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2020-01-01-first.md", "---\ntitle: 그림\n---\n![그림](a.svg)\n")
        try scratch.write("content/posts/2020-01-02-second.md", "---\ntitle: 글\n---\n본문\n")
        try scratch.write("content/posts/a.svg", "<svg width=\"40\" height=\"30\"></svg>")
        let options = BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("unused"))
        let first = try await SiteBuilder.generate(options, cache: BuildCache())
        let page = { (generation: Generation) in bytes(generation)["posts/first/index.html"].map { String(decoding: $0, as: UTF8.self) } ?? "" }
        #expect(page(first).contains("width=\"40\" height=\"30\""))
        try scratch.write("content/posts/a.svg", "<svg width=\"400\" height=\"300\"></svg>")
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(second.renderedDocuments == 1)
        #expect(page(second).contains("width=\"400\" height=\"300\""))
        #expect(bytes(second) == bytes(try await SiteBuilder.generate(options, cache: BuildCache())))
    }

    @Test func nothingChangedRendersNothing() async throws {
        let (scratch, options, first) = try await setUp()
        _ = scratch
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(second.renderedDocuments == 0)
        #expect(second.renderedPages == 0)
        #expect(second.changedPaths.isEmpty)
        #expect(bytes(second) == bytes(first))
    }

    @Test func editingOnePostRedoesThatPostAndTheListsItIsIn() async throws {
        let (scratch, options, first) = try await setUp()
        try edit(scratch, "content/posts/2023-09-01-english.md") { $0.replacingOccurrences(of: "A post in English", with: "An edited title") }
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(second.renderedDocuments == 1)
        #expect(second.changedPaths.contains("posts/english/index.html"))
        #expect(second.changedPaths.contains("tags/swift/index.html"))
        #expect(second.changedPaths.contains("feed.xml"))
        // Its neighbours in time and the post that lists it as related show its title; others do not change.
        #expect(second.changedPaths.isSuperset(of: ["posts/no-toc/index.html", "posts/thematic-break/index.html", "posts/conference/index.html"]))
        #expect(!second.changedPaths.contains("posts/forms/index.html"))
        #expect(!second.changedPaths.contains("tags/컨퍼런스/index.html"))
        #expect(second.renderedPages < first.renderedPages / 2)
        let fresh = try await SiteBuilder.generate(options)
        #expect(bytes(second) == bytes(fresh))
    }

    @Test func aTemplateChangeRedoesThePagesThatUseIt() async throws {
        let (scratch, options, first) = try await setUp()
        try scratch.write("blog/themes/default/templates/tags.mustache", "TAGS {{#tags}}{{name}} {{/tags}}")
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(second.changedPaths.contains("tags/index.html"))
        #expect(second.renderedPages == 1)
        #expect(bytes(second)["tags/index.html"].map { String(decoding: $0, as: UTF8.self).hasPrefix("TAGS ") } == true)
        #expect(bytes(second) == bytes(try await SiteBuilder.generate(options)))
    }

    @Test func aSiteSettingChangeRedoesEverythingThatShowsIt() async throws {
        let (scratch, options, first) = try await setUp()
        try edit(scratch, "site.yml") { $0.replacingOccurrences(of: "title: 회고 픽스처", with: "title: 새 제목") }
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        // Every HTML page shows the site's title; the search index, which does not, is kept.
        let pages = first.files.map(\.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 20 && pages.allSatisfy(second.changedPaths.contains))
        #expect(second.renderedPages >= pages.count)
        #expect(first.files.contains { $0.path == "search-index/meta.json" })
        #expect(!second.changedPaths.contains { $0.hasPrefix("search-index/") })
        #expect(bytes(second) == bytes(try await SiteBuilder.generate(options)))
    }

    @Test func addingAndRemovingDocumentsMatchesAFreshBuild() async throws {
        let (scratch, options, first) = try await setUp()
        try scratch.write("blog/content/posts/2024-01-01-new.md", "---\ntitle: 새 글\ntags: [Swift]\n---\n새 글 본문")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("blog/content/posts/2023-08-01-no-toc.md"))
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(second.renderedDocuments == 1)
        #expect(bytes(second) == bytes(try await SiteBuilder.generate(options)))
        #expect(bytes(second)["posts/no-toc/index.html"] == nil)
    }

    @Test func editingARetrospectiveRedoesTheNeighboursThatShowItsTitleAndGoals() async throws {
        let (scratch, options, first) = try await setUp()
        try edit(scratch, "content/retrospectives/2021-05-16-week-19.md") {
            $0.replacingOccurrences(of: "주간 회고", with: "바뀐 회고").replacingOccurrences(of: "운동 세 번", with: "운동 네 번")
        }
        let second = try await SiteBuilder.generate(options, cache: first.cache)
        #expect(second.renderedDocuments == 1)
        let next = bytes(second)["retrospectives/week-20/index.html"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(next.contains("바뀐 회고") && next.contains("운동 네 번"))
        #expect(second.changedPaths.contains("retrospectives/index.html"))
        #expect(!second.changedPaths.contains("posts/english/index.html"))
        #expect(bytes(second) == bytes(try await SiteBuilder.generate(options)))
    }

    @Test func anEditedDocumentsOwnPageIsMadeQuicklyAsTheFullBuildMakesIt() async throws {
        let (scratch, options, first) = try await setUp()
        let path = "content/posts/2023-09-01-english.md"
        try edit(scratch, path) { $0.replacingOccurrences(of: "A post in English", with: "An edited title") }
        let quick = SiteBuilder.quickPages(after: [path], cache: first.cache)
        #expect(quick.map(\.path) == ["posts/english/index.html"])
        let full = bytes(try await SiteBuilder.generate(options))
        if case .bytes(let page)? = quick.first?.contents {
            #expect(String(decoding: page, as: UTF8.self).contains("An edited title"))
            #expect(page == full["posts/english/index.html"])
        } else {
            Issue.record("no quick page")
        }
    }

    @Test func changesThatMoveOtherPagesWaitForTheFullBuild() async throws {
        let (scratch, _, first) = try await setUp()
        try edit(scratch, "content/posts/2023-09-01-english.md") { $0.replacingOccurrences(of: "tags: [Swift", with: "tags: [Kotlin") }
        #expect(SiteBuilder.quickPages(after: ["content/posts/2023-09-01-english.md"], cache: first.cache).isEmpty)
        try scratch.write("blog/content/posts/2024-01-01-new.md", "---\ntitle: 새 글\n---\n본문")
        #expect(SiteBuilder.quickPages(after: ["content/posts/2024-01-01-new.md"], cache: first.cache).isEmpty)
        #expect(SiteBuilder.quickPages(after: ["site.yml"], cache: first.cache).isEmpty)
    }

    @Test func aBuildWrittenAsItGoesEqualsTheSiteMadeInMemory() async throws {
        let (scratch, options, inMemory) = try await setUp()
        let output = scratch.url.appendingPathComponent("out")
        _ = try await SiteBuilder.build(BuildOptions(root: options.root, output: output))
        var written: [String: [UInt8]] = [:]
        var problems = Diagnostics()
        for file in FileTree.regularFiles(under: output, problems: &problems) where file.path != OutputWriter.marker {
            written[file.path] = Array(try Data(contentsOf: file.url))
        }
        #expect(written == bytes(inMemory))
        #expect(written["search-index/meta.json"]?.isEmpty == false)
    }
}
