import Foundation
import SitegenContent
import SitegenCore
import Testing

@Suite struct SourceDocumentTests {
    func parse(_ text: String, _ path: String) -> (SourceDocument?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let document = SourceDocument.parse(text: text, relativePath: path, into: &diagnostics)
        return (document, diagnostics.all)
    }

    @Test func jekyllPostTakesDateAndSlugFromTheFileName() throws {
        let (document, diagnostics) = parse("---\ntitle: 연말 회고\ntags: [Diary]\n---\nBody", "posts/2022-12-31-year-end.md")
        let post = try #require(document)
        #expect(diagnostics.isEmpty)
        #expect(post.kind == .post)
        #expect(post.title == "연말 회고")
        #expect(post.slug == "year-end")
        #expect(post.date == DocumentDate(year: 2022, month: 12, day: 31))
        #expect(post.tags == ["Diary"])
        #expect(post.bodyFirstLine == 5)
    }

    @Test func notionExportLosesItsIdAndLeavesItsDateToItsPeriod() throws {
        let (document, diagnostics) = parse("# 2023 1분기 회고\n\ntext", "retrospectives/2023 1분기 회고 8f3a2c1d9b7e4f60a1b2c3d4e5f60718.md")
        let retro = try #require(document)
        #expect(retro.kind == .retrospective)
        #expect(retro.title == nil)
        #expect(retro.fileTitle == "2023 1분기 회고")
        #expect(retro.slug == "2023-1분기-회고")
        #expect(retro.date == nil)
        #expect(diagnostics.isEmpty, "a retrospective's period dates it when the site is assembled")
    }

    @Test func nfdFileNamesGiveNFCSlugs() throws {
        let nfd = "posts/2021-01-01-회고.md".decomposedStringWithCanonicalMapping
        let (document, _) = parse("text", nfd.precomposedStringWithCanonicalMapping)
        #expect(document?.slug == "회고")
    }

    @Test func typeRetrospectiveAnywhereMakesARetrospective() {
        let (document, _) = parse("---\ntype: retrospective\ndate: 2021-01-01\n---\n", "notes/a.md")
        #expect(document?.kind == .retrospective)
        let (page, _) = parse("text", "about.md")
        #expect(page?.kind == .page)
    }

    @Test func tagsFromACommaSeparatedStringGroupCaseInsensitively() {
        let (document, _) = parse("---\ntags: 회고, Diary , diary,\n---\n", "posts/2021-01-01-a.md")
        #expect(document?.tags == ["회고", "Diary"])
    }

    @Test func frontMatterSlugAndDraft() {
        let (document, _) = parse("---\nslug: My Slug\ndraft: true\n---\n", "posts/2021-01-01-a.md")
        #expect(document?.slug == "my-slug")
        #expect(document?.isDraft == true)
        let (unpublished, _) = parse("---\npublished: false\n---\n", "posts/2021-01-01-b.md")
        #expect(unpublished?.isDraft == true)
    }

    @Test func badDateIsLocatedAtItsValue() {
        let (document, diagnostics) = parse("---\ntitle: A\ndate: yesterday\n---\n", "posts/a.md")
        #expect(document == nil)
        #expect(diagnostics.first?.description
            == "content/posts/a.md:3:7: error: 'yesterday' is not a date: write it as 2022-12-31 or 2022-12-31 10:00:00 +0900")
    }

    @Test(arguments: ["tags: 5", "tags: {a: b}", "tags: [[a]]"])
    func tagsThatAreNeitherListNorStringAreErrors(_ line: String) {
        let (document, diagnostics) = parse("---\n\(line)\n---\n", "posts/2021-01-01-a.md")
        #expect(document == nil)
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func aListWhereTextBelongsIsAnError() {
        let (document, diagnostics) = parse("---\ntitle: [a, b]\n---\n", "posts/2021-01-01-a.md")
        #expect(document == nil)
        #expect(diagnostics.first?.message == "'title' must be text, found a list")
    }
}

@Suite struct FileNameTests {
    @Test(arguments: [
        ("2022-12-31-slug", "slug"),
        ("Page title 8f3a2c1d9b7e4f60a1b2c3d4e5f60718", "Page title"),
        ("2023 1분기 회고", "2023 1분기 회고"),
        ("8f3a2c1d9b7e4f60a1b2c3d4e5f60718", "8f3a2c1d9b7e4f60a1b2c3d4e5f60718"),
        ("2022-12-31-_ 회고 -_\t", "회고"),
        ("\u{3000}-a b-\u{A0}", "a b"),
        ("--_--", "--_--"),
    ])
    func titleDropsDatePrefixAndNotionID(_ stem: String, _ expected: String) {
        #expect(FileName.title(stem) == expected)
    }
}

@Suite struct SourceTextTests {
    @Test func stripsTheBOMAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8)
        var diagnostics = Diagnostics()
        let text = try #require(SourceText.decode(bytes, path: "a.md", into: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(text == "---\ntitle: A\n---\nBody\n")
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("line one\n한글 ok ".utf8) + [0xC3, 0x28] + Array(" rest".utf8)
        var diagnostics = Diagnostics()
        guard SourceText.decode(bytes, path: "a.md", into: &diagnostics) == nil, let diagnostic = diagnostics.all.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.location == SourceLocation(path: "a.md", line: 2, column: 7))
        #expect(diagnostic.message.contains("invalid UTF-8"))
    }

    @Test func nulBytesMeanABinaryFile() {
        var diagnostics = Diagnostics()
        guard SourceText.decode([0x89, 0x50, 0x4E, 0x47, 0x00], path: "a.md", into: &diagnostics) == nil,
              let diagnostic = diagnostics.all.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message.contains("binary"))
    }
}

@Suite struct SiteConfigTests {
    func decodeConfig(yaml: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let config = SiteConfig.decode(yaml: yaml, path: path, into: &diagnostics)
        return (config, diagnostics.all)
    }

    @Test func readsKeysAndWarnsAboutUnknownOnes() {
        let (config, diagnostics) = decodeConfig(yaml: """
            title: 회고
            base_url: https://user.github.io/blog
            timezone: Asia/Seoul
            posts_per_page: 5
            colour: blue
            """, path: "site.yml")
        #expect(config.title == "회고")
        #expect(config.baseURL == "https://user.github.io/blog/")
        #expect(config.basePath == "/blog")
        #expect(config.origin == "https://user.github.io")
        #expect(config.utcOffset == 32400)
        #expect(config.postsPerPage == 5)
        #expect(config.language == "ko")
        #expect(diagnostics.map(\.description) == ["site.yml:5:9: warning: unknown key 'colour' in site.yml (ignored)"])
    }

    @Test func badValuesAreLocatedErrors() {
        let (_, diagnostics) = decodeConfig(yaml: "posts_per_page: many\ntimezone: Mars/Base", path: "site.yml")
        #expect(diagnostics.map(\.location.line) == [1, 2])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }
}

/// Jekyll's front matter defaults in site.yml: a folder's documents get what their own front matter lacks.
@Suite struct FrontMatterDefaultTests {
    @Test func theClosestRuleFillsWhatTheDocumentDoesNotSay() throws {
        var diagnostics = Diagnostics()
        let config = SiteConfig.decode(yaml: """
            defaults:
              - scope: {path: ""}
                values: {comments: true, layout: page}
              - scope: {path: posts, type: posts}
                values: {layout: post, toc: false}
              - scope: {path: "posts/drafts"}
                values: {draft: true}
            """, path: "site.yml", into: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted)")
        func parse(_ path: String, _ text: String) throws -> SourceDocument {
            try #require(SourceDocument.parse(text: text, relativePath: path, defaults: config.defaults, into: &diagnostics))
        }
        let post = try parse("posts/2024-01-01-a.md", "---\ntitle: A\n---\nBody\n")
        #expect(post.frontMatter["layout"]?.scalarText == "post" && post.frontMatter["comments"]?.flag == true && !post.showsTOC)
        let own = try parse("posts/2024-01-02-b.md", "---\nlayout: wide\n---\nBody\n")
        #expect(own.frontMatter["layout"]?.scalarText == "wide")
        #expect(try parse("posts/drafts/idea.md", "Body\n").isDraft)
        let page = try parse("about.md", "About\n")
        #expect(page.frontMatter["layout"]?.scalarText == "page" && !page.isDraft)
    }
}
