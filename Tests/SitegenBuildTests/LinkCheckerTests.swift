@testable import SitegenBuild
import SitegenCore
import Testing

@Suite struct LinkCheckerTests {
    let pages = [
        "index.html": "<a href=\"/blog/posts/a/\">a</a> <a href=\"/blog/posts/a/#%EB%93%A4%EC%96%B4%EA%B0%80%EB%A9%B0\">x</a> <img src=\"/blog/style.css\">",
        "posts/a/index.html": "<h2 id=\"들어가며\">들어가며</h2><a href=\"#들어가며\">self</a> <a href=\"../../tags/\">tags</a>",
        "tags/index.html": "<a href=\"https://example.com/\">out</a> <a href=\"mailto:a@b.c\">mail</a>",
    ]

    @Test func aSiteWhoseLinksAllLandHasNoneBroken() {
        #expect(LinkChecker.check(pages: pages, files: ["style.css"], basePath: "/blog").isEmpty)
    }

    @Test func missingPagesFilesAndAnchorsAreEachNamed() {
        var broken = pages
        broken["posts/a/index.html"]! += "<a href=\"#nowhere\">x</a><a href=\"/blog/posts/b/\">b</a><img src=\"cover.png\"><a href=\"/posts/a/\">no base</a>"
        let found = LinkChecker.check(pages: broken, files: ["style.css"], basePath: "/blog")
        #expect(found.map(\.target) == ["#nowhere", "/blog/posts/b/", "/posts/a/", "cover.png"])
        #expect(found[0].reason == "no element with id 'nowhere' on posts/a/index.html")
        #expect(found[2].reason == "outside the site's base path /blog/")
    }

    @Test func readsOnlyRealAttributes() {
        let html = "<pre><code>href=&quot;x&quot;</code></pre><a class=\"x\" href='/a/' data-href=\"/b/\">"
        #expect(HTMLAttributes.values(named: ["href"], in: html).map(\.value) == ["/a/"])
    }
}

/// `check` takes a body's links from the Markdown stage, each at the line and column it was written.
@Suite struct SiteCheckLocationTests {
    func problems(_ files: [String: String]) async throws -> [String] {
        let scratch = try ScratchFolder()
        for (path, text) in files { try scratch.write(path, text) }
        let generation = try await SiteBuilder.generate(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
        return SiteCheck.brokenLinks(in: generation).map(\.description)
    }

    @Test func bodyLinksAreLocatedWhereTheyWereWrittenEvenWhenRepeated() async throws {
        let found = try await problems([
            "content/posts/2024-01-01-a.md": """
            ---
            title: A
            ---
            [first](/gone/) here.

            - item with ![pic](/missing.png)

            <div align="center">
              <img alt="x"
                   src="/raw.png">
            </div>

            [again](/gone/) later, and [no anchor](#nowhere).
            """,
        ])
        #expect(found.contains { $0.hasPrefix("content/posts/2024-01-01-a.md:4:1: error: broken link '/gone/'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/posts/2024-01-01-a.md:13:1: error: broken link '/gone/'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/posts/2024-01-01-a.md:6:13: error: broken link '/missing.png'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/posts/2024-01-01-a.md:10:13: error: broken link '/raw.png'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/posts/2024-01-01-a.md:13:28: error: broken link '#nowhere'") }, "\(found)")
        // The first paragraph is the excerpt on the lists, which the theme writes.
        #expect(found.filter { $0.hasPrefix("(generated)") }.sorted() == [
            "(generated) index.html: error: broken link '/gone/' on index.html: no such page or file (it comes from the theme or a list)",
            "(generated) posts/index.html: error: broken link '/gone/' on posts/index.html: no such page or file (it comes from the theme or a list)",
        ])
        #expect(found.count == 7, "\(found)")
    }

    @Test func aThemesOwnBrokenLinkIsNamedAsGenerated() async throws {
        let found = try await problems([
            "content/posts/2024-01-01-a.md": "---\ntitle: A\n---\nbody [ok](/posts/a/)\n",
            "site.yml": "title: T\ntheme: mine\n",
            "themes/mine/templates/document.mustache": "<a href=\"/no-such-page/\">x</a>{{{page.content}}}",
        ])
        #expect(found == ["(generated) posts/a/index.html: error: broken link '/no-such-page/' on posts/a/index.html: no such page or file (it comes from the theme or a list)"],
                "\(found)")
    }
}
