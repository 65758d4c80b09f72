import Foundation
@testable import SitegenBuild
import SitegenCore
import Testing

/// `serve`'s patch: an edit that leaves every document in its place remakes only the pages that
/// show it. Whatever it makes must be, byte for byte and warning for warning, what a fresh build
/// of the same files makes; and an edit that could move anything else is left to the full rebuild.
@Suite struct PatchBuildTests {
    /// Writes `text` at `path` under the site (the file of that name, NFC or NFD) and moves its modification time on.
    func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = FileTree.locate(path, under: root) ?? root.appendingPathComponent(path)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(Double.random(in: 5...500))], ofItemAtPath: url.path)
    }

    func edit(_ root: URL, _ path: String, _ change: (String) -> String) throws {
        let url = FileTree.locate(path, under: root) ?? root.appendingPathComponent(path)
        try write(root, path, change(try String(contentsOf: url, encoding: .utf8)))
    }

    /// Patches `last` after the edit at `paths`, and holds the result against a fresh build: the
    /// files, the warnings, and what the patch says it changed.
    func patched(_ paths: Set<String>, after last: Generation, options: BuildOptions,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> Generation {
        let patch = try #require(await SiteBuilder.patch(after: paths, cache: last.cache), sourceLocation: sourceLocation)
        let fresh = try await SiteBuilder.generate(options)
        let (made, expected, before) = (bytes(patch), bytes(fresh), bytes(last))
        #expect(made.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (path, page) in expected where made[path] != page {
            Issue.record("\(path) differs from a fresh build's:\n\(String(decoding: made[path] ?? [], as: UTF8.self).prefix(3000))",
                         sourceLocation: sourceLocation)
        }
        #expect(patch.report.warnings == fresh.report.warnings, sourceLocation: sourceLocation)
        #expect(patch.changedPaths == Set(expected.keys.filter { expected[$0] != before[$0] }), sourceLocation: sourceLocation)
        #expect(patch.renderedDocuments == paths.count, sourceLocation: sourceLocation)
        #expect(patch.bodies.mapValues { $0.html } == fresh.bodies.mapValues { $0.html }, sourceLocation: sourceLocation)
        return patch
    }

    @Test func editsPatchedOneAfterAnotherGiveTheSiteAFreshBuildGives() async throws {
        let scratch = try ScratchFolder()
        let root = try scratch.copySite("blog")
        let options = BuildOptions(root: root, output: scratch.url.appendingPathComponent("unused"))
        var last = try await SiteBuilder.generate(options, cache: BuildCache())
        let english = "content/posts/2023-09-01-english.md", week19 = "content/retrospectives/2021-05-16-week-19.md"

        // A dated post's title: its page, its neighbours, the lists, feeds and search index that show it.
        try edit(root, english) { $0.replacingOccurrences(of: "A post in English", with: "An edited title 바뀐 제목") }
        last = try await patched([english], after: last, options: options)
        #expect(last.renderedPages < last.report.pageCount / 2)
        #expect(last.changedPaths.contains("index.html") || last.changedPaths.contains("posts/index.html"))
        #expect(last.changedPaths.contains { $0.hasPrefix("search-index/g/") })

        // Its body: new words in, old words out of the search index; the excerpt on the lists.
        try edit(root, english) { $0.replacingOccurrences(of: "Text with a footnote.", with: "완전히 새로운 문장 with zebra quokka.") }
        last = try await patched([english], after: last, options: options)

        // A retrospective's title and goals: the next one's page shows both.
        try edit(root, week19) {
            $0.replacingOccurrences(of: "주간 회고", with: "고친 회고").replacingOccurrences(of: "운동 세 번", with: "운동 네 번")
        }
        last = try await patched([week19], after: last, options: options)

        // Two files at once, one emptied (the load warns of an empty file), then written again.
        let conference = "content/posts/2023-08-01-no-toc.md"
        let saved = try String(contentsOf: root.appendingPathComponent(conference), encoding: .utf8)
        try write(root, conference, "")
        try edit(root, english) { $0 + "\n\n## 새 절\n\n본문이 늘었다.\n" }
        last = try await patched([conference, english], after: last, options: options)
        #expect(last.report.warnings.contains { $0.location.path == conference })
        try write(root, conference, saved)
        last = try await patched([conference], after: last, options: options)
        #expect(!last.report.warnings.contains { $0.location.path == conference })

        // A saved file that did not change, and the full rebuild that follows a chain of patches.
        last = try await patched([english], after: last, options: options)
        let rebuilt = try await SiteBuilder.generate(options, cache: last.cache)
        #expect(bytes(rebuilt) == bytes(try await SiteBuilder.generate(options)))
    }

    @Test func aBlogWithLiquidRedirectsMenuAndRelatedPostsPatchesAsItBuilds() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "title: 블로그\nliquid: true\nposts_per_page: 3\nbase_url: https://example.com/blog/\n")
        try scratch.write("content/about.md", "---\ntitle: 소개\nmenu: main\n---\n나는 {{ site.title }}를 쓴다.\n")
        for day in 1...9 {
            let tags = ["일기", "Swift", "회고"].prefix(day % 3 + 1).joined(separator: ", ")
            try scratch.write("content/posts/2024-01-0\(day)-post-\(day).md",
                              "---\ntitle: 글 \(day)\ntags: [\(tags)]\nredirect_from: /old/\(day)/\n---\n첫 문단 \(day).\n\n<!--more-->\n\n[다음]({% post_url 2024-01-0\(day % 9 + 1)-post-\(day % 9 + 1) %})\n")
        }
        try scratch.write("content/retrospectives/2024-01-07-week-1.md", "---\ntitle: 1주차 회고\n---\n## Try\n\n- [ ] 달리기\n")
        try scratch.write("content/retrospectives/2024-01-14-week-2.md", "---\ntitle: 2주차 회고\n---\n## Try\n\n- [x] 독서\n")
        let options = BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("unused"))
        var last = try await SiteBuilder.generate(options, cache: BuildCache())

        // A post in the middle: its neighbours, related posts, tag pages, the redirect page that names it.
        let post = "content/posts/2024-01-05-post-5.md"
        try edit(scratch.url, post) { $0.replacingOccurrences(of: "title: 글 5", with: "title: \"글 5: 고침\"") }
        last = try await patched([post], after: last, options: options)
        #expect(String(decoding: bytes(last)["old/5/index.html"] ?? [], as: UTF8.self).contains("글 5: 고침"))

        // A Liquid tag it does not know: a warning, kept with the file until the tag goes.
        try edit(scratch.url, post) { $0 + "\n{% unknowntag %}\n" }
        last = try await patched([post], after: last, options: options)
        #expect(last.report.warnings.contains { $0.location.path == post })
        try edit(scratch.url, post) { $0.replacingOccurrences(of: "{% unknowntag %}", with: "") }
        last = try await patched([post], after: last, options: options)
        #expect(last.report.warnings.isEmpty)

        // Goals the next retrospective inherits; the page in the menu, edited but for its title.
        try edit(scratch.url, "content/retrospectives/2024-01-07-week-1.md") { $0.replacingOccurrences(of: "달리기", with: "수영") }
        last = try await patched(["content/retrospectives/2024-01-07-week-1.md"], after: last, options: options)
        #expect(String(decoding: bytes(last)["retrospectives/week-2/index.html"] ?? [], as: UTF8.self).contains("수영"))
        try edit(scratch.url, "content/about.md") { $0.replacingOccurrences(of: "나는", with: "저는") }
        last = try await patched(["content/about.md"], after: last, options: options)
    }

    @Test func aFileNamedOnMacOSIsServedQuicklyAndPatched() async throws {
        let scratch = try ScratchFolder()
        let root = try scratch.copySite("blog")
        let options = BuildOptions(root: root, output: scratch.url.appendingPathComponent("unused"))
        let first = try await SiteBuilder.generate(options, cache: BuildCache())
        // Its name is NFD on disk, as macOS writes Hangul; the watcher and the build name it NFC.
        let path = "content/retrospectives/2023 1분기 회고 8f3a2c1d9b7e4f60a1b2c3d4e5f60718.md".precomposedStringWithCanonicalMapping
        let url = try #require(FileTree.locate(path, under: root))
        #expect(Array(url.lastPathComponent.utf8) != Array((path as NSString).lastPathComponent.utf8))
        try edit(root, path) { $0 + "\n\n맥에서 고친 줄\n" }
        let quick = SiteBuilder.quickPages(after: [path], cache: first.cache)
        #expect(quick.count == 1)
        let patch = try await patched([path], after: first, options: options)
        #expect(patch.changedPaths.contains { $0.hasPrefix("retrospectives/") })
    }

    @Test func aQuickPageMeasuresItsPicturesAsTheBuildDoes() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2020-01-01-first.md", "---\ntitle: 그림\n---\n![그림](a.svg)\n")
        try scratch.write("content/posts/a.svg", "<svg width=\"40\" height=\"30\"></svg>")
        let options = BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("unused"))
        let first = try await SiteBuilder.generate(options, cache: BuildCache())
        try edit(scratch.url, "content/posts/2020-01-01-first.md") { $0 + "\n고친 줄\n" }
        let quick = SiteBuilder.quickPages(after: ["content/posts/2020-01-01-first.md"], cache: first.cache)
        let fresh = bytes(try await SiteBuilder.generate(options))
        guard case .bytes(let page)? = quick.first?.contents else {
            Issue.record("no quick page")
            return
        }
        #expect(String(decoding: page, as: UTF8.self).contains("width=\"40\" height=\"30\""))
        #expect(page == fresh["posts/first/index.html"])
    }

    @Test func editsThatMoveADocumentAreLeftToTheFullRebuild() async throws {
        let scratch = try ScratchFolder()
        let root = try scratch.copySite("blog")
        let options = BuildOptions(root: root, output: scratch.url.appendingPathComponent("unused"))
        let first = try await SiteBuilder.generate(options, cache: BuildCache())
        let english = "content/posts/2023-09-01-english.md"
        let original = try String(contentsOf: root.appendingPathComponent(english), encoding: .utf8)
        for (what, change) in [("tags", { (text: String) in text.replacingOccurrences(of: "tags: [Swift", with: "tags: [Kotlin") }),
                               ("date", { $0.replacingOccurrences(of: "date: 2023-09-01", with: "date: 2023-09-02") }),
                               ("URL", { $0.replacingOccurrences(of: "title: A post", with: "slug: moved\ntitle: A post") }),
                               ("layout", { $0.replacingOccurrences(of: "title: A post", with: "layout: page\ntitle: A post") }),
                               ("draft", { $0.replacingOccurrences(of: "title: A post", with: "draft: true\ntitle: A post") }),
                               ("error", { $0.replacingOccurrences(of: "date: 2023-09-01", with: "date: 2023-19-41") })] {
            try write(root, english, change(original))
            #expect(await SiteBuilder.patch(after: [english], cache: first.cache) == nil, "a change of \(what)")
        }
        try write(root, english, original)
        try edit(root, "content/posts/undated-note.md") { $0.replacingOccurrences(of: "날짜 없는 메모", with: "다른 제목") }
        #expect(await SiteBuilder.patch(after: ["content/posts/undated-note.md"], cache: first.cache) == nil, "an undated title orders it")
        try scratch.write("blog/content/posts/2024-01-01-new.md", "---\ntitle: 새 글\n---\n본문")
        #expect(await SiteBuilder.patch(after: ["content/posts/2024-01-01-new.md"], cache: first.cache) == nil)
        #expect(await SiteBuilder.patch(after: ["site.yml"], cache: first.cache) == nil)
        #expect(await SiteBuilder.patch(after: ["content"], cache: first.cache) == nil)
        try edit(root, "content/about.md") { $0.replacingOccurrences(of: "title: ", with: "menu: main\ntitle: ") }
        #expect(await SiteBuilder.patch(after: ["content/about.md"], cache: first.cache) == nil, "the menu is on every page")
        #expect(await SiteBuilder.patch(after: ["content/posts/2023-10-01-draft.md"], cache: first.cache) == nil, "a draft is not built")
        #expect(await SiteBuilder.patch(after: [english], cache: BuildCache()) == nil, "no generation to start from")
    }

    /// The fixture blogs (Jekyll-style front matter, BOM and CRLF files, Notion names, retrospectives;
    /// code, math and callouts), each edited at random, every edit one that moves nothing.
    @Test(arguments: [("blog", 14 as UInt64), ("devblog", 15)])
    func seededRandomEditsPatchAsAFreshBuildMakesThem(site: String, seed: UInt64) async throws {
        let scratch = try ScratchFolder()
        let root = try scratch.copySite(site)
        let options = BuildOptions(root: root, output: scratch.url.appendingPathComponent("unused"))
        var last = try await SiteBuilder.generate(options, cache: BuildCache())
        var problems = Diagnostics()
        // Named as the watcher names them (NFC), though a file from macOS is NFD on disk.
        let documents = try FileTree.regularFiles(under: root.appendingPathComponent("content"), problems: &problems)
            .filter { $0.path.hasSuffix(".md") }
            .filter { !(try String(contentsOf: $0.url, encoding: .utf8)).contains("draft: true") }
            .map { "content/" + $0.path }
        #expect(documents.count >= 4)
        // A dated post's title moves nothing (a retrospective's can name its period).
        let retitled = try documents.filter { path in
            let text = try String(contentsOf: try #require(FileTree.locate(path, under: root)), encoding: .utf8)
            return path.contains("posts/") && path.split(separator: "/").last?.first?.isNumber == true && text.contains("\ntitle: ")
        }
        let pieces = ["회고를 썼다", "zebra quokka", "## 새 절", "### 1분기 [1월~3월]", "- [ ] 할 일\n- [x] 한 일", "```swift\nlet x = 1\n```",
                      "[소개](../about.md)", "**굵게** 그리고 _기울여_", "$x^2$ 수식", "> 인용  \n> 둘째 줄", "<!--more-->", "| a | b |\n|---|---|\n| 1 | 2 |",
                      "각주[^n]\n\n[^n]: 각주 본문", "<div align=\"center\">가운데</div>", "> [!NOTE]\n> 알림", "```mermaid\ngraph TD; A-->B\n```"]
        var random = SplitMix(seed: seed)
        for round in 0..<24 {
            let path = documents.randomElement(using: &random) ?? documents[0]
            let piece = pieces.randomElement(using: &random) ?? ""
            let choice = Int.random(in: 0..<3, using: &random)
            try edit(root, path) { text in
                if choice == 0, retitled.contains(path) {
                    return text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: \(round) ")
                }
                let newline = text.contains("\r\n") ? "\r\n" : "\n"
                var lines = text.components(separatedBy: newline)
                // Past the front matter (after a byte order mark, with CRLF or not), where there is one.
                let isFence = { (line: String) in line.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")) == "---" }
                let bodyStart = lines.first.map(isFence) == true ? (lines.dropFirst().firstIndex(where: isFence).map { $0 + 1 } ?? 0) : 0
                // An undated document's first heading can title it, and its title orders it: it only grows at the end.
                let dated = path.split(separator: "/").last?.first?.isNumber == true
                if choice == 1, dated, lines.count > bodyStart + 1 {
                    lines.remove(at: Int.random(in: bodyStart..<lines.count, using: &random))
                } else {
                    lines.insert("\n" + piece + "\n", at: dated ? Int.random(in: bodyStart...lines.count, using: &random) : lines.count)
                }
                return lines.joined(separator: newline)
            }
            last = try await patched([path], after: last, options: options)
        }
    }

    @Test func aShardReadBackIsTheShardWritten() throws {
        let grams: [UInt64: [UInt8]] = [
            UInt64(Character("가").unicodeScalars.first?.value ?? 0) << 21: Array("0A".utf8),
            UInt64(0x22) << 21 | 0x5C: Array("3".utf8),  // `"\`
            UInt64(0x01) << 21: Array("7".utf8),  // a control character, written \u0001
            UInt64(0x41) << 21 | 0x1F600: Array("Zz".utf8),
        ]
        let json = SearchIndex.shardJSON(grams)
        #expect(SearchIndex.readShard(json) == grams)
        #expect(SearchIndex.readShard(Array("{}".utf8)) == [:])
        #expect(SearchIndex.readShard(Array("{\"a\":\"0\"".utf8)) == nil)
        var list = SearchIndex.PostingList()
        for (number, fields) in [(0, UInt8(4)), (3, 1), (40, 6)] { list.append(number, fields: fields) }
        let added = SearchIndex.setting(7, fields: 2, in: list.bytes)
        #expect(SearchIndex.decode(added).map { [$0.number, Int($0.fields)] } == [[0, 4], [3, 1], [7, 2], [40, 6]])
        #expect(SearchIndex.decode(SearchIndex.setting(3, fields: 0, in: added)).map(\.number) == [0, 7, 40])
        #expect(SearchIndex.decode(SearchIndex.setting(41, fields: 5, in: list.bytes)).map(\.number) == [0, 3, 40, 41])
        #expect(SearchIndex.setting(0, fields: 0, in: SearchIndex.setting(0, fields: 3, in: [])).isEmpty)
    }
}
