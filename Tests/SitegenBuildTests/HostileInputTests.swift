import Foundation
import SitegenBuild
import Testing

/// Content written carelessly or with ill intent: nothing lands outside the output, no crash, no
/// runaway time or memory, and every refusal names the line that caused it.
@Suite struct HostileInputTests {
    // MARK: Output safety

    @Test func aPermalinkThatClimbsOutOfTheOutputIsALocatedErrorAndWritesNothing() throws {
        let scratch = try ScratchFolder()
        try scratch.write("site/content/posts/2024-01-01-a.md", "---\ntitle: A\npermalink: /../../victim/\n---\nbody\n")
        let run = try SitegenBinary.run(["build", "--source", "site"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:3:12: error: this document's URL /../../victim/ cannot be written: a '..' segment"),
                "\(run.stderr)")
        #expect(!scratch.exists("victim"))
        #expect(!scratch.exists("site/output"))
    }

    @Test func aSlugTooLongForAFileNameIsAnErrorAtItsLine() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\nslug: \(String(repeating: "긴", count: 90))\n---\nbody\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:3:7: error: this document's URL"), "\(run.stderr)")
        #expect(run.stderr.contains("a segment of 270 bytes (at most 255 fit in a file name)"))
        #expect(!run.stderr.contains("staging"))
    }

    @Test func aPermalinkOnAGeneratedFileIsAnErrorAtItsLineNotAStagingPath() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\npermalink: /robots.txt\n---\nbody\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:3:12: error: this document's page robots.txt/index.html needs a folder robots.txt/"),
                "\(run.stderr)")
        #expect(!run.stderr.contains("staging"))
    }

    @Test func anOutputFolderThatHoldsTheSiteIsRefusedMarkerOrNot() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        try scratch.write("site.yml", "title: Mine\n")
        try scratch.write(".sitegen-output", "")
        let run = try SitegenBinary.run(["build", "--output", "."], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("refusing to write the site here: it holds the site itself"), "\(run.stderr)")
        #expect(scratch.exists("content/posts/2024-01-01-a.md") && scratch.exists("site.yml"))

        // Another site's root, given as the output of this one.
        try scratch.write("other/content/posts/b.md", "# B\n")
        try scratch.write("other/.sitegen-output", "")
        let other = try SitegenBinary.run(["build", "--output", "other"], in: scratch.url)
        #expect(other.status == 1)
        #expect(other.stderr.contains("it holds 'content/posts/b.md', so it looks like a site root"), "\(other.stderr)")
        #expect(scratch.exists("other/content/posts/b.md"))
    }

    @Test func aBuiltSiteWithPagesInContentOrThemesFoldersIsStillItsOwnOutput() throws {
        // Pages under content/themes/ and content/content/ become output/themes/ and output/content/:
        // the next build must still replace that output.
        let scratch = try ScratchFolder()
        try scratch.write("content/themes/dark-mode.md", "# 다크 모드 테마\n")
        try scratch.write("content/content/guide.md", "# 글쓰기 안내\n")
        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        for _ in 0..<2 {
            let run = try SitegenBinary.run(["build"], in: scratch.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(scratch.exists("output/themes/dark-mode/index.html") && scratch.exists("output/content/guide/index.html"))
    }

    @Test func anOutputFolderInsideContentIsRefused() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        let run = try SitegenBinary.run(["build", "--output", "content/site"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("it is inside content/, so the next build would read the site back as content"), "\(run.stderr)")
        #expect(!scratch.exists("content/site"))
    }

    @Test func anOutputThatIsASymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let scratch = try ScratchFolder()
        try scratch.write("site/content/posts/2024-01-01-a.md", "# A\n")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("published"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("site/output").path, withDestinationPath: "../published")
        for _ in 0..<2 {
            let run = try SitegenBinary.run(["build", "--source", "site"], in: scratch.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.url.appendingPathComponent("site/output").path)
        #expect(link == "../published")
        #expect(try scratch.read("published/posts/a/index.html").contains("A"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("sitegen-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func anOutputThisUserCannotRemoveIsRefusedAndNothingIsLeftBehind() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        // The output is root's; the next build runs as another user who may write the site root only.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: scratch.url.path)
        guard let run = try SitegenBinary.runAsNobody(["build"], in: scratch.url) else { return }
        #expect(run.status == 1)
        #expect(run.stderr.contains("is not writable by this user, so the old site could not be removed"), "\(run.stderr)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(entries.filter { $0.contains("sitegen-old") || $0.contains("sitegen-staging") }.isEmpty, "\(entries)")
        #expect(scratch.exists("output/index.html"))
    }

    @Test func anUnreadableFolderUnderContentIsAnError() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        try scratch.write("content/private/2024-01-02-b.md", "# B\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: scratch.url.appendingPathComponent("content/private").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: scratch.url.path)
        guard let run = try SitegenBinary.runAsNobody(["build"], in: scratch.url) else { return }
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/private: error: cannot read this folder: permission denied"), "\(run.stderr)")
    }

    // MARK: Bombs

    @Test func deeplyNestedYAMLIsALocatedErrorNotACrash() throws {
        let scratch = try ScratchFolder()
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\nvalue: \(deep)\n---\nbody\n")
        var run = try #require(try SitegenBinary.measure(["build"], in: scratch.url))
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:3:71: error: YAML nested more than 64 levels deep"), "\(run.stderr)")

        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        try scratch.write("site.yml", "title: x\nparams:\n  v: \(deep)\n")
        run = try #require(try SitegenBinary.measure(["build"], in: scratch.url))
        #expect(run.status == 1)
        #expect(run.stderr.contains("site.yml:3:"), "\(run.stderr)")

        // Block nesting, by indentation, is bounded the same way.
        let block = (0..<200).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x"
        try scratch.write("site.yml", "params:\n" + block.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n")
        run = try #require(try SitegenBinary.measure(["build"], in: scratch.url))
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: YAML nested more than 64 levels deep"), "\(run.stderr)")
    }

    @Test func aYAMLAliasBombFailsInUnderASecondAndAHundredMegabytes() throws {
        let scratch = try ScratchFolder()
        var lines = ["title: bomb", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        try scratch.write("content/posts/2024-01-01-a.md", "---\n" + lines.joined(separator: "\n") + "\n---\nbody\n")
        var run = try #require(try SitegenBinary.measure(["build"], in: scratch.url))
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:") && run.stderr.contains("YAML that expands to more than 100000 values"), "\(run.stderr)")
        #expect(run.seconds < 1, "took \(run.seconds) s")
        #expect(run.peakMegabytes < 100, "peaked at \(run.peakMegabytes) MB")

        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        try scratch.write("site.yml", "params:\n" + lines.dropFirst().map { "  " + $0 }.joined(separator: "\n") + "\n")
        run = try #require(try SitegenBinary.measure(["build"], in: scratch.url))
        #expect(run.status == 1)
        #expect(run.stderr.contains("site.yml:2:") && run.stderr.contains("YAML that expands"), "\(run.stderr)")
        #expect(run.seconds < 1 && run.peakMegabytes < 100, "\(run.seconds) s, \(run.peakMegabytes) MB")
    }

    @Test func aTableOfMillionsOfCellsFailsInUnderASecondAndAHundredMegabytes() throws {
        let scratch = try ScratchFolder()
        let columns = 5_000
        let table = "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "|x\n", count: 5_000)
        #expect(table.utf8.count < 50_000)
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: Table\n---\n\nintro\n\n> " + table)
        let run = try #require(try SitegenBinary.measure(["build"], in: scratch.url))
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:7:1: error: tables of more than 100000 cells"), "\(run.stderr)")
        #expect(run.seconds < 1, "took \(run.seconds) s")
        #expect(run.peakMegabytes < 100, "peaked at \(run.peakMegabytes) MB")
    }

    @Test func manyTableOfContentsMarkersAreBounded() throws {
        let scratch = try ScratchFolder()
        let headings = (0..<2_000).map { "## 제목 \($0)\n" }.joined()
        let markers = String(repeating: "[TOC]\n\n", count: 5_000)
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: Markers\ntoc_levels: 2-2\n---\n" + headings + "\n" + markers)
        let run = try #require(try SitegenBinary.measure(["build"], in: scratch.url))
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: table-of-contents markers that expand past 32 MB of HTML"), "\(run.stderr)")
        #expect(run.peakMegabytes < 600, "peaked at \(run.peakMegabytes) MB")
    }

    @Test func ordinaryTablesStillBuild() throws {
        let scratch = try ScratchFolder()
        let rows = (1...300).map { "| \($0)주차 | 운동 | 독서 | 회고 |" }.joined(separator: "\n")
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: Table\n---\n\n| 주 | 1 | 2 | 3 |\n|---|:-:|--:|---|\n\(rows)\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try scratch.read("output/posts/a/index.html").contains("<td>300주차</td>"))
    }

    // MARK: Careless input

    @Test func anEmptyDateWarnsAsAMissingOneDoes() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/undated.md", "---\ntitle: Undated\ndate:\n---\nbody\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("content/posts/undated.md:3:") && run.stderr.contains("warning: no date: 'date:' is empty"), "\(run.stderr)")
        #expect(try !scratch.read("output/feed.xml").contains("1970"))
        #expect(try !scratch.read("output/feed.json").contains("1970"))
    }

    @Test func scalarsKeepTheTextTheyWereWrittenWith() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: 1.5e3\nsubtitle: 0x1F\n---\nbody\n")
        try scratch.write("content/posts/2024-01-02-b.md", "---\ntitle: B\ndate: +0900\n---\nbody\n")
        var run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-02-b.md:3:7: error: '+0900' is not a date"), "\(run.stderr)")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("content/posts/2024-01-02-b.md"))
        run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try scratch.read("output/posts/a/index.html")
        #expect(page.contains("1.5e3") && !page.contains("1500.0"))
        #expect(page.contains("0x1F"))
    }

    @Test func tagsThatDifferOnlyBySignsKeepTheirOwnPagesAndCollisionsAreNamed() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\ntags: [C++, C#, C, c]\n---\nbody\n")
        try scratch.write("content/posts/2024-01-02-b.md", "---\ntitle: B\ntags: [Swift UI]\n---\nbody\n")
        try scratch.write("content/posts/2024-01-03-c.md", "---\ntitle: C\ntags: [swift-ui]\n---\nbody\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        for slug in ["c-plus-plus", "c-sharp", "c"] { #expect(scratch.exists("output/tags/\(slug)/index.html"), "\(slug)") }
        #expect(try scratch.read("output/tags/c-plus-plus/index.html").contains("C++"))
        #expect(run.stderr.contains("warning: tags '") && run.stderr.contains("share the URL /tags/swift-ui/"), "\(run.stderr)")
        #expect(!run.stderr.contains("'C' and 'c'"))
    }

    @Test func everyFeedEntryHasAtMostOneSummary() throws {
        let scratch = try ScratchFolder()
        let site = try scratch.copySite("blog")
        #expect(try SitegenBinary.run(["build"], in: site).status == 0)
        let output = site.appendingPathComponent("output")
        for (path, data) in tree(at: output) where path.hasSuffix("feed.xml") {
            for entry in String(decoding: data, as: UTF8.self).components(separatedBy: "<entry>").dropFirst() {
                #expect(entry.components(separatedBy: "<summary").count <= 2, "\(path)")
            }
        }
    }

    @Test(arguments: ["javascript://example.com/", "42", "ftp://example.com/", "https://", "/blog/"])
    func aBaseURLMustBeAnAbsoluteWebURL(_ value: String) throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        let run = try SitegenBinary.run(["build", "--base-url", value], in: scratch.url)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("is not a base URL: give an absolute http:// or https:// URL"), "\(run.stderr)")
    }

    @Test func aBaseURLIsTrimmedAndSiteYmlChecksItsOwnAtItsLine() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "# A\n")
        var run = try SitegenBinary.run(["build", "--base-url", "  https://me.github.io/blog  "], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try scratch.read("output/feed.xml").contains("https://me.github.io/blog/posts/a/"))
        try scratch.write("site.yml", "title: T\nbase_url: javascript:alert(1)\n")
        run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("site.yml:2:11: error: 'base_url': 'javascript:alert(1)' is not a base URL"), "\(run.stderr)")
        try scratch.write("site.yml", "baseurl: /blog\n")
        run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func rawHTMLPassesByDefaultAndUnsafeHTMLFalseDropsItWithScriptLinksAndHandlers() throws {
        let scratch = try ScratchFolder()
        let body = """
            <div align="center"><img src="a.png" onerror="alert(1)"></div>

            [click](javascript:alert(2)) and <script>alert(3)</script>

            {: onclick="alert(4)" .box-note title="ok"}
            A note.
            """
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\n---\n" + body + "\n")
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        var page = try scratch.read("output/posts/a/index.html")
        #expect(page.contains("<div align=\"center\">"))
        #expect(page.contains("<script>alert(3)</script>"))

        try scratch.write("site.yml", "unsafe_html: false\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        page = try scratch.read("output/posts/a/index.html")
        // The body, not the theme's own scripts around it.
        let content = page.components(separatedBy: "<div class=\"entry-content\">").dropFirst().first?.components(separatedBy: "</article>").first ?? ""
        #expect(!content.isEmpty)
        for needle in ["alert(1)", "alert(2)", "<script>", "alert(4)", "javascript:", "onerror"] { #expect(!content.contains(needle), "\(needle)") }
        for needle in ["alert(1)", "alert(2)", "alert(4)", "javascript:", "onerror"] { #expect(!page.contains(needle), "\(needle) in the page") }
        #expect(page.contains("<p class=\"box-note\" title=\"ok\">A note.</p>"))
        #expect(page.contains("<a href=\"\">click</a>"))
    }

    @Test func tooManyOpenFilesIsSaidAsSuchNotAsPermissions() throws {
        let prlimit = try #require(["/usr/bin/prlimit", "/bin/prlimit"].first(where: FileManager.default.isExecutableFile(atPath:)))
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "title: Mine\n")
        for index in 0..<20 { try scratch.write("content/posts/2024-01-\(String(format: "%02d", index + 1))-p\(index).md", "# P\(index)\n") }
        // How many descriptors the runtime takes before sitegen reads the site differs by machine: try a
        // range of limits; the ones that starve the read must say so in those words.
        var said: [String] = []
        for limit in 4...16 {
            let stderr = try SitegenBinary.launch(URL(fileURLWithPath: prlimit), ["--nofile=\(limit):\(limit)", SitegenBinary.url.path, "check"],
                                                  in: scratch.url).stderr
            #expect(!stderr.contains("check its permissions"), "at \(limit) descriptors: \(stderr)")
            if stderr.contains("error: cannot read") { said.append(stderr) }
        }
        #expect(!said.isEmpty, "no limit starved the read of the site")
        #expect(said.allSatisfy { $0.contains("too many open files") }, "\(said)")
    }
}
