import Foundation
import SitegenBuild
import SitegenContent
import SitegenCore
import Testing

/// Issue 15's first hour: a menu that links the writer's pages, and the default theme copied out to change.
@Suite struct WritersWeekTests {
    func nav(_ html: String) -> [String] {
        guard let start = html.range(of: "<nav aria-label="), let end = html[start.upperBound...].range(of: "</nav>") else { return [] }
        return html[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("<a ") }.map(String.init)
    }

    @Test func aPageWithMenuMainJoinsTheUsualLinks() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/about.md", "---\ntitle: 소개\nmenu: main\n---\n안녕하세요.\n")
        try scratch.write("content/now.md", "---\ntitle: 요즘\nmenu:\n  main:\n    name: 지금\n    weight: 15\n---\n")
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: 글\n---\n")
        _ = try await SiteBuilder.build(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
        #expect(nav(try scratch.read("output/index.html")) == [
            "<a href=\"/posts/\">글 목록</a>", "<a href=\"/now/\">지금</a>", "<a href=\"/retrospectives/\">회고</a>",
            "<a href=\"/archive/\">아카이브</a>", "<a href=\"/tags/\">태그</a>", "<a href=\"/search/\">검색</a>", "<a href=\"/about/\">소개</a>",
        ])
    }

    @Test func siteYmlsMenuReplacesThemByWeight() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "base_url: https://me.example/blog/\nmenu:\n  - {name: 회고, url: /retrospectives/}\n  - {name: GitHub, url: https://github.com/me, weight: 99}\n  - {name: 소개, page: about.md}\n")
        try scratch.write("content/about.md", "---\ntitle: 소개\npermalink: /me/\n---\n")
        _ = try await SiteBuilder.build(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
        #expect(nav(try scratch.read("output/index.html")) == [
            "<a href=\"/blog/retrospectives/\">회고</a>", "<a href=\"/blog/me/\">소개</a>", "<a href=\"https://github.com/me\">GitHub</a>",
        ])
    }

    @Test func aCoverAsEachThemeWritesItAndTheFirstPictureAsThePreviewCard() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "base_url: https://me.example/\n")
        try scratch.write("content/posts/2024-01-01-chirpy.md", "---\ntitle: a\nimage:\n  path: /img/a.png\n  alt: 표지 A\n---\n")
        try scratch.write("content/posts/2024-01-02-papermod.md", "---\ntitle: b\ncover:\n  image: img/b.png\n  alt: 표지 B\n  caption: 사진 B\n---\n")
        try scratch.write("content/posts/2024-01-03-mm.md", "---\ntitle: c\nheader:\n  overlay_image: https://cdn.example/c.jpg\n  teaser: /img/t.jpg\n---\n")
        try scratch.write("content/posts/2024-01-04-body.md", "---\ntitle: d\n---\n글.\n\n![첫 그림](d.svg)\n\n![둘째](https://cdn.example/e.png)\n")
        try scratch.write("content/posts/d.svg", "<svg width=\"8\" height=\"4\"></svg>")
        _ = try await SiteBuilder.build(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
        let a = try scratch.read("output/posts/chirpy/index.html")
        #expect(a.contains("<figure class=\"cover\"><img src=\"/img/a.png\" alt=\"표지 A\">\n</figure>"))
        #expect(a.contains("<meta property=\"og:image\" content=\"https://me.example/img/a.png\">"))
        #expect(try scratch.read("output/posts/papermod/index.html").contains(
            "<figure class=\"cover\"><img src=\"/img/b.png\" alt=\"표지 B\">\n<figcaption>사진 B</figcaption>\n</figure>"))
        let c = try scratch.read("output/posts/mm/index.html")
        #expect(c.contains("<img src=\"https://cdn.example/c.jpg\" alt=\"\">"))
        #expect(c.contains("<meta property=\"og:image\" content=\"https://cdn.example/c.jpg\">"))
        // No cover: the body's first picture is the card's, and nothing is drawn twice.
        let d = try scratch.read("output/posts/body/index.html")
        #expect(d.contains("<meta property=\"og:image\" content=\"https://me.example/posts/d.svg\">"))
        #expect(!d.contains("class=\"cover\""))
    }

    @Test func aFaviconAnEditLinkAndAPreviewImage() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "base_url: https://me.example/blog/\nrepo_url: https://github.com/me/blog/blob/main\n")
        try scratch.write("content/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: 글\nimage:\n  path: /assets/cover.png\n---\n본문\n")
        try scratch.write("content/posts/2024-01-02-b.md", "---\ntitle: 둘\n---\n본문\n")
        _ = try await SiteBuilder.build(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
        let page = try scratch.read("output/posts/a/index.html")
        #expect(page.contains("<link rel=\"icon\" href=\"/blog/favicon.svg\">"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://me.example/blog/assets/cover.png\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(page.contains("<a href=\"https://github.com/me/blog/blob/main/content/posts/2024-01-01-a.md\">이 글 고치기</a>"), "\(page)")
        #expect(try scratch.read("output/posts/b/index.html").contains("<meta name=\"twitter:card\" content=\"summary\">"))
    }

    @Test func theAuthorsProfileIsOnTheHomePageAndTheAddressesInEveryFooter() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "author: 김작가\navatar: me.png\nbio: 매주 회고를 쓴다\nsocial:\n  email: me@example.com\n  blog2: https://b.example\n  github: https://github.com/me\n")
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: 글\n---\n")
        _ = try await SiteBuilder.build(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("output")))
        let home = try scratch.read("output/index.html")
        #expect(home.contains("<img class=\"avatar\" src=\"/me.png\" alt=\"\" width=\"72\" height=\"72\">"))
        #expect(home.contains("<p class=\"profile-bio\">매주 회고를 쓴다</p>"))
        // The usual networks first, by their names; an email is a mailto link.
        let links = ["<a href=\"https://github.com/me\" rel=\"me\">GitHub</a>", "<a href=\"mailto:me@example.com\" rel=\"me\">Email</a>",
                     "<a href=\"https://b.example\" rel=\"me\">blog2</a>"].compactMap { home.range(of: $0)?.lowerBound }
        #expect(links.count == 3 && links == links.sorted(), "\(home)")
        #expect(try scratch.read("output/posts/a/index.html").contains("<ul class=\"social-links\">"))
        var diagnostics = Diagnostics()
        _ = SiteConfig.decode(yaml: "social: [github]\n", path: "site.yml", into: &diagnostics)
        #expect(diagnostics.sorted.first?.message.contains("'social' must map networks to addresses") == true)
    }

    @Test func aBadMenuIsALocatedError() {
        var diagnostics = Diagnostics()
        _ = SiteConfig.decode(yaml: "title: x\nmenu:\n  - {name: a}\n", path: "site.yml", into: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == ["site.yml:3:3: error: 'menu' entry 1 needs a name and a url or a page"])
    }

    @Test func ejectCopiesTheDefaultThemesFilesIntoATheme() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: 글\n---\n")
        let ejected = try SitegenBinary.run(["theme", "eject", "base", "static/style.css", "--theme", "my"], in: scratch.url)
        #expect(ejected.status == 0, "\(ejected.stderr)")
        #expect(ejected.stdout.contains("wrote themes/my/templates/base.mustache") && ejected.stdout.contains("wrote themes/my/static/style.css"))
        #expect(try scratch.read("themes/my/theme.yml").contains("extends: default"))
        // The copy is the default's file, and a change to it shows.
        let base = try scratch.read("themes/my/templates/base.mustache")
        #expect(base.contains("{{$content}}{{/content}}"))
        try scratch.write("themes/my/templates/base.mustache", base.replacingOccurrences(of: "<main id=\"main\">", with: "<main id=\"main\" data-mine>"))
        try scratch.write("site.yml", "theme: my\n")
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        #expect(try scratch.read("output/posts/a/index.html").contains("data-mine"))
        // Never over what is there; an unknown name lists what there is.
        #expect(try SitegenBinary.run(["theme", "eject", "base", "--theme", "my"], in: scratch.url).status == 1)
        let unknown = try SitegenBinary.run(["theme", "eject", "nosuch", "--theme", "my"], in: scratch.url)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("the default theme has no 'nosuch'; its templates:") && unknown.stderr.contains("document"), "\(unknown.stderr)")
        let all = try SitegenBinary.run(["theme", "eject", "--theme", "all"], in: scratch.url)
        #expect(all.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("themes/all/i18n/ko.yml").path))
    }
}
