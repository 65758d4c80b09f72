import Foundation
@testable import SitegenBuild
import SitegenContent
import SitegenCore
import SitegenTestSupport
import Testing

/// Old URLs keep working: Jekyll's and Hugo's permalink patterns, `.html` pages, and redirects.
@Suite struct PermalinkTests {
    func document(_ path: String, _ text: String) throws -> SourceDocument {
        var diagnostics = Diagnostics()
        let document = SourceDocument.parse(text: text, relativePath: path, into: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return try #require(document)
    }

    func config(_ yaml: String) -> SiteConfig {
        var diagnostics = Diagnostics()
        let config = SiteConfig.decode(yaml: yaml, path: "site.yml", into: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted)")
        return config
    }

    @Test(arguments: [
        ("pretty", "/diary/life/2022/12/31/Year-End_Review!/"),
        ("date", "/diary/life/2022/12/31/Year-End_Review!.html"),
        ("none", "/diary/life/Year-End_Review!.html"),
        ("ordinal", "/diary/life/2022/365/Year-End_Review!.html"),
        ("weekdate", "/diary/life/2022/W52/Sat/Year-End_Review!.html"),
        ("/:year/:i_month/:i_day/:slug/", "/2022/12/31/year-end-review/"),
        ("/blog/:short_year/:month/:title", "/blog/22/12/Year-End_Review!/"),
    ])
    func jekyllPatternsGiveJekyllsURLs(_ pattern: String, _ expected: String) throws {
        let post = try document("posts/2022-12-31-Year-End_Review!.md", "---\ntitle: 연말 회고\ncategories: [Diary, life]\n---\nBody\n")
        #expect(Permalinks.url(of: post, config: config("permalink: \"\(pattern)\"")) == expected)
    }

    @Test func koreanFileNamesKeepTheirLetters() throws {
        let post = try document("posts/2024-09-30-3분기 회고 [7월~9월].md", "---\ncategory: 회고\n---\nBody\n")
        #expect(Permalinks.url(of: post, config: config("permalink: pretty")) == "/회고/2024/09/30/3분기-회고-7월~9월/")
        #expect(Permalinks.url(of: post, config: config("permalink: /:year/:slug/")) == "/2024/3분기-회고-7월-9월/")
    }

    @Test func hugoPatternsGoBySection() throws {
        let post = try document("posts/2023-01-24-1.md", "---\ntitle: Hello World\ndate: 2023-01-24\n---\nBody\n")
        let site = config("permalinks:\n  posts: /:year/:month/:slug/\n")
        #expect(Permalinks.url(of: post, config: site) == "/2023/01/hello-world/")
        #expect(Permalinks.url(of: post, config: config("permalinks:\n  posts: /:section/:filename/\n")) == "/posts/2023-01-24-1/")
        let page = try document("about.md", "---\ntitle: About\n---\nMe\n")
        #expect(Permalinks.url(of: page, config: site) == "/about/")
    }

    @Test func frontMatterWinsAndHTMLEndingsAreFiles() throws {
        let post = try document("posts/2022-12-31-a.md", "---\npermalink: /2019/01/02/old-name.html\n---\nBody\n")
        #expect(Permalinks.url(of: post, config: config("permalink: pretty")) == "/2019/01/02/old-name.html")
        #expect(RenderPages.outputPath(of: "/2019/01/02/old-name.html") == "2019/01/02/old-name.html")
    }

    @Test func aSiteKeepsItsOldURLsAndRedirectsTheOlderOnes() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "title: T\nbase_url: https://example.com/blog/\npermalink: /:year/:month/:day/:title.html\n")
        try scratch.write("content/posts/2022-12-31-year-end.md", """
            ---
            title: 연말
            redirect_from:
              - /old/year-end/
              - /2022/12/year-end.html
            ---
            Body, and [the other](2023-01-01-new-year.md).
            """)
        try scratch.write("content/posts/2023-01-01-new-year.md", "---\ntitle: 새해\naliases: [ny, /posts/new-year/]\n---\nBody\n")
        let generation = try await SiteBuilder.generate(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
        var files: [String: String] = [:]
        for file in generation.files { if case .bytes(let bytes) = file.contents { files[file.path] = String(decoding: bytes, as: UTF8.self) } }
        #expect(files["2022/12/31/year-end.html"]?.contains("Body, and") == true)
        #expect(files["2023/01/01/new-year.html"] != nil)
        for old in ["old/year-end/index.html", "2022/12/year-end.html"] {
            let page = try #require(files[old], "no redirect at \(old)")
            #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/blog/2022/12/31/year-end.html\">"))
            #expect(page.contains("<link rel=\"canonical\" href=\"https://example.com/blog/2022/12/31/year-end.html\">"))
        }
        // A relative alias is taken from the folder of the page's own URL.
        #expect(files["2023/01/01/ny/index.html"]?.contains("url=/blog/2023/01/01/new-year.html") == true)
        #expect(files["posts/new-year/index.html"] != nil)
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("2022/12/31/year-end.html") && !sitemap.contains("old/year-end"))
        #expect(SiteCheck.brokenLinks(in: generation).isEmpty, "\(SiteCheck.brokenLinks(in: generation))")
    }

    @Test func anOldURLThatIsAnotherPagesIsALocatedError() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2022-12-31-a.md", "---\ntitle: A\n---\nBody\n")
        try scratch.write("content/posts/2023-01-01-b.md", "---\ntitle: B\nredirect_from: /posts/a/\n---\nBody\n")
        do {
            _ = try await SiteBuilder.generate(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
            Issue.record("expected a failure")
        } catch {
            #expect(error.errors.map(\.description) == [
                "content/posts/2023-01-01-b.md:3:16: error: the old URL /posts/a/ is also the URL of content/posts/2022-12-31-a.md: a page there cannot redirect here",
            ])
        }
    }
}
