import Foundation
import SitegenTestSupport
import Testing

/// Blogs in the shape of the Jekyll themes Korean developers use — leonids (a sub-path, date
/// permalinks, an include with parameters, `{% highlight linenos %}`, kramdown `$$` math) and Hydejack
/// (category permalinks, `redirect_from`, `{:.lead}`, kramdown's `{:toc}`, a theme layout) — import,
/// build, keep every old URL and leave no Liquid or kramdown syntax in a page.
@Suite struct JekyllThemeImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Blog: Sendable, CustomTestStringConvertible {
        var name: String
        /// The report lines the import must print.
        var reported: [String]
        /// The build's warnings, all of them.
        var warnings: [String]
        /// Every URL the Jekyll site had, as files of the output: a page or a redirect.
        var oldURLs: [String]
        var testDescription: String { name }
    }

    static let blogs = [
        Blog(name: "jekyll-leonids",
             reported: ["site.yml  base_url: https://writer.github.io/blog/  ← url", "site.yml  permalink: /:year/:month/:day/:title/  ← permalink",
                        "not kept: _includes/head.html: an include of the Jekyll theme, which no post uses",
                        "not kept: _config.yml: the plugin jekyll-sitemap is not needed: sitegen writes sitemap.xml itself",
                        "Imported 2 posts, 1 pages and 3 other files"],
             warnings: [],
             oldURLs: ["2019/01/02/first-post/index.html", "2019/12/31/2019-retrospective/index.html", "about/index.html",
                       "assets/images/banner@2x.jpg", "assets/images/desk.jpg"]),
        Blog(name: "jekyll-hydejack",
             reported: ["site.yml  permalink: /:categories/:year-:month-:day-:title/  ← permalink",
                        "not kept: _config.yml: the plugin jekyll-redirect-from is not needed: sitegen writes the redirect_from pages itself",
                        "not kept: _includes/my-comments.html: an include of the Jekyll theme, which no post uses"],
             warnings: ["content/about.md:2:9: warning: the Jekyll layout 'about' is not in the theme 'default': the page is drawn with 'document'"],
             oldURLs: ["ml/2020-05-01-backprop/index.html", "dev/2020-06-10-tools/index.html", "about/index.html",
                       "backprop/index.html", "2020/05/01/backprop.html", "assets/img/screen.png"]),
    ]

    @Test(arguments: blogs)
    func importsBuildsAndKeepsEveryOldURL(_ blog: Blog) throws {
        let scratch = try ScratchFolder()
        let site = scratch.url.appendingPathComponent("site")
        let imported = try SitegenBinary.run(["import", "jekyll", Self.fixtures.appendingPathComponent(blog.name).path, site.path], in: scratch.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        for line in blog.reported { #expect(imported.stdout.contains(line), "missing: \(line)\n\(imported.stdout)") }
        let built = try SitegenBinary.run(["build"], in: site)
        #expect(built.status == 0, "\(built.stderr)")
        let warnings = built.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
        #expect(warnings == blog.warnings)
        let output = site.appendingPathComponent("output")
        for path in blog.oldURLs {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path) no longer answers")
        }
        expectNoTemplateSyntax(in: output)
        // `check` is strict: a warning meant to be shown fails it, nothing else does.
        let checked = try SitegenBinary.run(["check"], in: site)
        #expect(checked.status == (blog.warnings.isEmpty ? 0 : 1), "\(checked.stderr)")
        try GoldenTree.compare(site, expected: Self.fixtures.appendingPathComponent("expected").appendingPathComponent(blog.name),
                               ignoring: ["output/style.css", "output/search.js", "output/code.js", "output/math.js"])
    }

    @Test func anIncludeRendersWithItsParametersAndTheLinesAfterItKeepTheirNumbers() throws {
        let scratch = try ScratchFolder()
        let site = scratch.url.appendingPathComponent("site")
        _ = try SitegenBinary.run(["import", "jekyll", Self.fixtures.appendingPathComponent("jekyll-leonids").path, site.path], in: scratch.url)
        // Only the include a post uses came over, byte for byte.
        #expect(try Data(contentsOf: site.appendingPathComponent("_includes/image.html"))
                == Data(contentsOf: Self.fixtures.appendingPathComponent("jekyll-leonids/_includes/image.html")))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("_includes/head.html").path))
        let post = site.appendingPathComponent("content/posts/2019-01-02-first-post.md")
        try (String(contentsOf: post, encoding: .utf8) + "\n{% include missing.html %}\n\n[broken](nowhere.md)\n").write(to: post, atomically: true, encoding: .utf8)
        let built = try SitegenBinary.run(["build"], in: site)
        #expect(built.stderr.contains("content/posts/2019-01-02-first-post.md:22:1: warning: '{% include missing.html %}': there is no _includes/missing.html in the site; left as written"), "\(built.stderr)")
        #expect(built.stderr.contains("content/posts/2019-01-02-first-post.md:24:"), "the link after the includes keeps its line: \(built.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("output/2019/01/02/first-post/index.html"), encoding: .utf8)
        #expect(page.contains("<figure class=\"image\"> <img src=\"/blog/assets/images/desk.jpg\" alt=\"책상 사진\"> <figcaption>작업 공간</figcaption> </figure>"))
        #expect(page.contains("<figure class=\"image\"> <img src=\"/blog/assets/images/desk.jpg\" alt=\"캡션 없는 사진\"> </figure>"))
    }
}

/// No Liquid, shortcode or kramdown syntax outside code in any page of an imported blog.
func expectNoTemplateSyntax(in output: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    for (path, data) in tree(at: output) where path.hasSuffix(".html") {
        let page = String(decoding: data, as: UTF8.self).replacing(#/<pre[\s\S]*?</pre>|<code>[\s\S]*?</code>/#, with: "")
        for syntax in ["{%", "{{ site.", "{{<", "{{%", "{:"] {
            #expect(!page.contains(syntax), "\(syntax) in \(path)", sourceLocation: sourceLocation)
        }
    }
}
