import Foundation
import SitegenBuild
import SitegenContent
import SitegenCore
@testable import SitegenImport
import SitegenTestSupport
import Testing

/// `sitegen import jekyll` on a blog shaped like a Chirpy one: posts keep their URLs, pages and
/// files come over as they are, and what has no place in a sitegen site is named.
@Suite struct JekyllImportTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/jekyll-chirpy")

    @Test func aChirpyBlogImportsBuildsAndKeepsItsURLs() throws {
        let scratch = try ScratchFolder()
        let site = scratch.url.appendingPathComponent("site")
        let imported = try SitegenBinary.run(["import", "jekyll", Self.fixture.path, site.path], in: scratch.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 2 posts, 1 pages and 2 other files"), "\(imported.stdout)")
        for line in [
            "site.yml  permalink: /posts/:title/  ← permalink",
            "site.yml  base_url: https://writer.github.io/  ← url",
            "site.yml  language: ko  ← lang",
            "site.yml  author: 김작가  ← author",
            "site.yml  posts_per_page: 10  ← paginate",
            "not kept: _config.yml: the plugin jekyll-redirect-from is not needed: sitegen writes the redirect_from pages itself",
            "not kept: _config.yml: the theme jekyll-theme-chirpy is not used",
            "not kept: _layouts/default.html: a layouts file of the Jekyll theme",
            "not kept: _includes/head.html: an include of the Jekyll theme, which no post uses",
            "not kept: _tabs/archives.md: its URL is one sitegen makes itself (archives)",
            "not kept: index.html: a Liquid template",
            "not kept: 404.html: a Liquid template",
            "not kept: README.md: Markdown without front matter",
            "site.yml  defaults: every document (posts): comments, layout  ← defaults",
            "site.yml  defaults: posts/drafts: draft: true  ← _drafts/ (1 draft, built with --drafts)",
        ] {
            #expect(imported.stdout.contains(line), "missing: \(line)\n\(imported.stdout)")
        }
        // Byte for byte.
        let post = "_posts/2022-12-31-year-end.md"
        #expect(try Data(contentsOf: site.appendingPathComponent("content/posts/2022-12-31-year-end.md"))
                == Data(contentsOf: Self.fixture.appendingPathComponent(post)))

        let built = try SitegenBinary.run(["build", "--strict"], in: site)
        #expect(built.status == 0, "\(built.stderr)")
        let output = site.appendingPathComponent("output")
        // The draft came over as a draft: out of the site, in it with --drafts.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/idea/index.html").path))
        let withDrafts = try SitegenBinary.run(["build", "--drafts", "--output", "with-drafts"], in: site)
        #expect(withDrafts.status == 0, "\(withDrafts.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("with-drafts/posts/idea/index.html").path))
        for path in ["posts/year-end/index.html", "posts/새해-계획/index.html", "about/index.html", "CNAME", "assets/img/banner.png"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        let redirect = try String(contentsOf: output.appendingPathComponent("2022/12/31/year-end.html"), encoding: .utf8)
        #expect(redirect.contains("url=/posts/year-end/"))
        let page = try String(contentsOf: output.appendingPathComponent("posts/year-end/index.html"), encoding: .utf8)
        #expect(page.contains("<blockquote class=\"prompt-tip\">"))
        #expect(page.contains("<img src=\"https://writer.github.io/assets/img/banner.png\" alt=\"배너\" width=\"320\""), "\(page)")
        #expect(page.contains("<pre><code class=\"language-python\"><span class=\"nb\">print</span>(<span class=\"s\">&quot;배우고 기록하는 블로그&quot;</span>)"), "\(page)")
        #expect(page.contains("템플릿 문법 {{ 이것 }}은 그대로."))
        #expect(page.contains("<a href=\"/posts/%EC%83%88%ED%95%B4-%EA%B3%84%ED%9A%8D/\">새해 계획</a>"))
        for text in ["{:", "{%", "{{ site."] { #expect(!page.contains(text), "\(text) left in the page") }
        expectNoTemplateSyntax(in: output)
        try FileManager.default.removeItem(at: site.appendingPathComponent("with-drafts"))
        try GoldenTree.compare(site, expected: Self.fixture.deletingLastPathComponent().appendingPathComponent("expected/jekyll-chirpy"),
                               ignoring: ["output/style.css", "output/search.js", "output/code.js", "output/math.js"])
    }

    @Test func aFolderThatIsNoJekyllSiteIsRefusedAndBuildingOneInPlaceNamesTheImport() throws {
        let scratch = try ScratchFolder()
        try scratch.write("plain/notes.md", "# Notes\n")
        let refused = try SitegenBinary.run(["import", "jekyll", scratch.url.appendingPathComponent("plain").path, "new"], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: not a Jekyll site: it has neither _config.yml nor a _posts/ folder"), "\(refused.stderr)")
        let copy = scratch.url.appendingPathComponent("jekyll")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        let initialized = try SitegenBinary.run(["init"], in: copy)
        #expect(initialized.status == 1)
        #expect(initialized.stderr.contains("error: this is a Jekyll site; make a sitegen site of it with 'sitegen import jekyll"), "\(initialized.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent("site.yml").path))
        let inPlace = try SitegenBinary.run(["build"], in: copy)
        #expect(inPlace.status == 1)
        #expect(inPlace.stderr.contains("_posts:1:1: error: this is a Jekyll site, which sitegen does not build in place: make a sitegen site of it with 'sitegen import jekyll"),
                "\(inPlace.stderr)")
    }

    @Test func chirpyAndMinimalMistakesCommentsComeOver() {
        let chirpy: [String: FrontMatterValue] = ["comments": .map(["provider": .string("giscus"), "giscus": .map([
            "repo": .string("me/blog"), "repo_id": .string("R_1"), "category": .string("Comments"), "category_id": .string("DIC_1"),
            "mapping": .string("title")])])]
        let (yaml, _, _) = JekyllImport.siteYAML(from: chirpy)
        #expect(yaml.contains("comments:\n  provider: giscus\n  repo: \"me/blog\"\n  repo_id: \"R_1\"\n  category: \"Comments\"\n  category_id: \"DIC_1\"\n  mapping: \"title\""), "\(yaml)")
        var diagnostics = Diagnostics()
        let config = SiteConfig.decode(yaml: yaml, path: "site.yml", into: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        #expect(config.comments?.settings["mapping"] == "title")
        let minimal: [String: FrontMatterValue] = ["repository": .string("me/mm"), "comments": .map(["provider": .string("utterances"),
            "utterances": .map(["theme": .string("github-light"), "issue_term": .string("pathname")])])]
        #expect(JekyllImport.siteYAML(from: minimal).yaml.contains("comments:\n  provider: utterances\n  repo: \"me/mm\"\n  issue_term: \"pathname\""))
        let disqus: [String: FrontMatterValue] = ["comments": .map(["provider": .string("disqus")])]
        #expect(JekyllImport.siteYAML(from: disqus).notKept.contains("_config.yml: the disqus comments are not kept: sitegen's theme has giscus and utterances"))
    }

    @Test func configKeysMapAsJekyllMeansThem() {
        let config: [String: FrontMatterValue] = [
            "url": .string("https://user.github.io/"), "baseurl": .string("/blog"), "lang": .string("en-US"),
            "author": .string("Kim"), "permalink": .string("pretty"), "paginate": .integer(5), "gems": .list([.string("jekyll-feed")]),
            "markdown": .string("kramdown"),
            "defaults": .list([.map(["scope": .map(["path": .string("_pages")]), "values": .map(["layout": .string("single")])])]),
        ]
        let (yaml, _, notKept) = JekyllImport.siteYAML(from: config)
        #expect(yaml.contains("base_url: \"https://user.github.io/blog/\""))
        #expect(yaml.contains("language: \"en\""))
        #expect(yaml.contains("permalink: \"pretty\""))
        #expect(yaml.contains("posts_per_page: 5"))
        // `_pages/` went into the content root: its defaults keep to pages, not every document there.
        #expect(yaml.contains("  - scope: {path: \"\", type: pages}\n    values:\n      \"layout\": \"single\""), "\(yaml)")
        #expect(notKept == ["_config.yml: the plugin jekyll-feed is not needed: sitegen writes feed.xml and feed.json itself", "_config.yml: not mapped: markdown"])
        var diagnostics = Diagnostics()
        let decoded = SiteConfig.decode(yaml: yaml, path: "site.yml", into: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted)")
        #expect(decoded.basePath == "/blog" && decoded.permalink == "pretty" && decoded.postsPerPage == 5)
    }
}

/// A Hugo blog (PaperMod-shaped) builds in place: its shortcodes are expanded, its config is said to be unread.
@Suite struct HugoInPlaceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hugo-papermod")

    @Test func aHugoBlogBuildsInPlaceWithItsShortcodes() throws {
        let scratch = try ScratchFolder()
        let site = scratch.url.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Self.fixture, to: site)
        let built = try SitegenBinary.run(["build"], in: site)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("hugo.toml:1:1: warning: this looks like a Hugo site: its hugo.toml is not read"), "\(built.stderr)")
        // Its params are in hugo.toml, which is not read.
        #expect(built.stderr.contains("content/about.md:4:1: warning: '{{< param author >}}': no such parameter"))
        let output = site.appendingPathComponent("output")
        // Hugo's slugs: the date stays in the URL, so the two `…-1.md` posts do not collide.
        let first = try String(contentsOf: output.appendingPathComponent("posts/2023-01-24-1/index.html"), encoding: .utf8)
        #expect(first.contains("<figure><img src=\"https://example.com/cover.png\" alt=\"표지\" loading=\"lazy\"><figcaption><p>1월의 표지</p></figcaption></figure>"), "\(first)")
        #expect(first.contains("<pre><code class=\"language-swift\"><span class=\"k\">let</span> <span class=\"nv\">goal</span> <span class=\"o\">=</span> <span class=\"s\">&quot;매주 쓰기&quot;</span>"), "\(first)")
        #expect(!first.contains("{{<"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/01/first-retro/index.html").path))

        // init keeps Hugo's ways on in the site.yml it writes.
        let initialized = try SitegenBinary.run(["init"], in: site)
        #expect(initialized.stdout.contains("This looks like a Hugo site"))
        let written = try String(contentsOf: site.appendingPathComponent("site.yml"), encoding: .utf8)
        #expect(written.contains("shortcodes: true") && written.contains("hugo_slugs: true"))

        // With site.yml saying what hugo.toml said, Hugo's URLs (the date kept in the file name) come back.
        try "title: 기록\nbase_url: https://writer.github.io/\nshortcodes: true\nhugo_slugs: true\npermalinks:\n  posts: /posts/:filename/\nparams:\n  author: 김작가\n"
            .write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let strict = try SitegenBinary.run(["build", "--strict"], in: site)
        #expect(strict.status == 0, "\(strict.stderr)")
        let page = try String(contentsOf: output.appendingPathComponent("posts/2023-01-24-1/index.html"), encoding: .utf8)
        #expect(page.contains("href=\"https://writer.github.io/posts/2023-02-01-1/\""), "\(page)")
        let about = try String(contentsOf: output.appendingPathComponent("about/index.html"), encoding: .utf8)
        #expect(about.contains("김작가의 블로그."))
        expectNoTemplateSyntax(in: output)
    }
}

/// `sitegen import hugo` on the same PaperMod-shaped blog: its config read, its URLs kept.
@Suite struct HugoImportTests {
    @Test func aPaperModBlogImportsAndKeepsItsURLs() throws {
        let scratch = try ScratchFolder()
        let site = scratch.url.appendingPathComponent("site")
        let imported = try SitegenBinary.run(["import", "hugo", HugoInPlaceTests.fixture.path, site.path], in: scratch.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        for line in [
            "site.yml  title: 기록  ← title",
            "site.yml  base_url: https://writer.github.io/  ← baseURL",
            "site.yml  language: ko  ← languageCode",
            "site.yml  author: 김작가  ← params.author",
            "site.yml  posts_per_page: 5  ← paginate",
            "site.yml  permalinks.posts: /posts/:filename/  ← permalinks",
            "not kept: content/posts/_index.md: a section's own page",
            "not kept: layouts/: Hugo's layouts",
            "not kept: hugo.toml: params not kept (not plain values): homeInfoParams",
            "not kept: hugo.toml: the theme PaperMod is not used",
            "not kept: hugo.toml: not mapped: enableRobotsTXT",
            "Imported 3 posts, 1 pages and 2 other files",
        ] {
            #expect(imported.stdout.contains(line), "missing: \(line)\n\(imported.stdout)")
        }
        let built = try SitegenBinary.run(["build", "--strict"], in: site)
        #expect(built.status == 0, "\(built.stderr)")
        let output = site.appendingPathComponent("output")
        for path in ["posts/2023-01-24-1/index.html", "posts/2023-02-01-1/index.html", "posts/bundle/index.html",
                     "posts/bundle/cover.png", "images/logo.png", "2023/01/first-retro/index.html", "about/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        let about = try String(contentsOf: output.appendingPathComponent("about/index.html"), encoding: .utf8)
        #expect(about.contains("김작가의 블로그."))
        expectNoTemplateSyntax(in: output)
        try GoldenTree.compare(site, expected: HugoInPlaceTests.fixture.deletingLastPathComponent().appendingPathComponent("expected/hugo-papermod"),
                               ignoring: ["output/style.css", "output/search.js", "output/code.js", "output/math.js"])
    }
}
