import Foundation
import SitegenCore
import SitegenMarkdown
import Testing

@Suite struct HeadingIDTests {
    @Test func everyHeadingGetsAGitHubStyleID() {
        let rendered = MarkdownRenderer.render("## 아는가? : AiRSearch\n\n### 1분기 [1월~3월]\n")
        #expect(rendered.html.contains("<h2 id=\"아는가--airsearch\">아는가? : AiRSearch</h2>"))
        #expect(rendered.html.contains("<h3 id=\"1분기-1월3월\">1분기 [1월~3월]</h3>"))
    }

    @Test func repeatedHeadingsStayUnique() {
        let rendered = MarkdownRenderer.render("## Keep\n\n## Keep\n\n## Keep\n")
        #expect(rendered.headings.map(\.id) == ["keep", "keep-1", "keep-2"])
    }

    @Test func headingInlinesAreStillRenderedAndEscaped() {
        let rendered = MarkdownRenderer.render("## `<T>` and *emphasis*\n")
        #expect(rendered.html.contains("<h2 id=\"t-and-emphasis\"><code>&lt;T&gt;</code> and <em>emphasis</em></h2>"))
    }

    @Test func customIDAtTheEndWins() {
        let rendered = MarkdownRenderer.render("## 다음 목표 {#next-goals}\n")
        #expect(rendered.html.contains("<h2 id=\"next-goals\">다음 목표</h2>"))
        #expect(rendered.headings.first?.text == "다음 목표")
    }
}

@Suite struct TitleTests {
    @Test func aSingleLeadingH1BecomesTheTitleAndLeavesTheBody() {
        let rendered = MarkdownRenderer.render("# 2022 회고\n\n## 상반기\n")
        #expect(rendered.title == "2022 회고")
        #expect(rendered.titleID == "2022-회고")
        #expect(!rendered.html.contains("<h1"))
    }

    @Test func severalH1sStayUnlessTheFirstRepeatsTheFileName() {
        let body = "# 2023 1분기 회고\n\ntext\n\n# 1분기 [1월~3월]\n"
        let kept = MarkdownRenderer.render(body, options: MarkdownOptions(fileTitle: "something else"))
        #expect(kept.title == nil)
        #expect(kept.html.contains("<h1 id=\"2023-1분기-회고\">"))
        let notion = MarkdownRenderer.render(body, options: MarkdownOptions(fileTitle: "2023 1분기 회고"))
        #expect(notion.title == "2023 1분기 회고")
        #expect(notion.html.contains("<h1 id=\"1분기-1월3월\">"))
    }

    @Test func anH1RepeatingTheFrontMatterTitleIsNotShownTwice() {
        let rendered = MarkdownRenderer.render("# DEVIEW 참관기\n\ntext", options: MarkdownOptions(frontMatterTitle: "DEVIEW 참관기"))
        #expect(rendered.titleID == "deview-참관기")
        #expect(!rendered.html.contains("<h1"))
        let other = MarkdownRenderer.render("# Another\n\ntext", options: MarkdownOptions(frontMatterTitle: "DEVIEW"))
        #expect(other.title == nil)
        #expect(other.html.contains("<h1 id=\"another\">"))
    }
}

@Suite struct TableOfContentsTests {
    @Test func nestsLevelsTwoAndThree() {
        let rendered = MarkdownRenderer.render("## A\n### A1\n#### deep\n### A2\n## B\n")
        #expect(rendered.toc.map(\.text) == ["A", "B"])
        #expect(rendered.toc[0].children.map(\.id) == ["a1", "a2"])
        #expect(rendered.tocHTML == """
            <ul>
            <li><a href="#a">A</a>
            <ul>
            <li><a href="#a1">A1</a></li>
            <li><a href="#a2">A2</a></li>
            </ul>
            </li>
            <li><a href="#b">B</a></li>
            </ul>

            """)
    }

    @Test func koreanIDsArePercentEncodedInLinks() {
        let rendered = MarkdownRenderer.render("## 들어가며\n")
        #expect(rendered.tocHTML.contains("href=\"#%EB%93%A4%EC%96%B4%EA%B0%80%EB%A9%B0\""))
    }

    @Test func aMarkdownTOCBlockIsTheBodysOwn() {
        let body = "<!-- TOC -->\n\n- [A](#a)\n\n<!-- /TOC -->\n\n## A\n"
        #expect(MarkdownRenderer.render(body).hasOwnTOC)
        #expect(!MarkdownRenderer.render("## A\n").hasOwnTOC)
    }
}

@Suite struct ExcerptTests {
    @Test func firstParagraphByDefault() {
        let rendered = MarkdownRenderer.render("# Title\n\nFirst *one*.\n\nSecond.\n")
        #expect(rendered.excerptHTML == "<p>First <em>one</em>.</p>\n")
    }

    @Test func separatorEndsTheExcerptAndNeverShows() {
        let body = "Intro one.\n\n<div align=\"center\">raw</div>\n\n<!--break-->\n\nRest.\n"
        let rendered = MarkdownRenderer.render(body, options: MarkdownOptions(excerptSeparator: "<!--break-->"))
        #expect(rendered.excerptHTML == "<p>Intro one.</p>\n<div align=\"center\">raw</div>\n")
        #expect(!rendered.html.contains("<!--break-->"))
        #expect(rendered.html.contains("<p>Rest.</p>"))
    }
}

@Suite struct GFMTests {
    @Test func rawHTMLPassesThrough() {
        let body = "<div align=\"center\"><img src=\"a.png\" width=\"300\"></div>\n\n<iframe src=\"https://example.com\"></iframe>\n"
        let rendered = MarkdownRenderer.render(body)
        #expect(rendered.html.contains("<div align=\"center\"><img src=\"a.png\" width=\"300\"></div>"))
        #expect(rendered.html.contains("<iframe src=\"https://example.com\"></iframe>"))
    }

    @Test func extensionsAreOn() {
        let body = """
            | a | b |
            | - | - |
            | 1 | 2 |

            ~~gone~~ https://www.notion.so/page

            - [x] done

            note[^1]

            [^1]: the footnote
            """
        let html = MarkdownRenderer.render(body).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://www.notion.so/page\">"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test func aFootnotesWayBackIsLabelledInTheSitesLanguage() {
        var options = MarkdownOptions()
        options.footnoteBackLabel = "본문으로 돌아가기"
        let html = MarkdownRenderer.render("글[^1]\n\n[^1]: 각주\n", options: options).html
        #expect(html.contains("aria-label=\"본문으로 돌아가기\""))
        #expect(!html.contains("Back to content"))
    }

    @Test func anExcerptIsNotALinkAlone() {
        let body = "## 지난 회고의 목표\n\n[47주차 회고](../2026-11-22-w47.md)\n\n- [ ] 운동\n\n## Keep\n\n매일 썼다.\n"
        #expect(MarkdownRenderer.render(body).excerptHTML == "<p>매일 썼다.</p>\n")
        #expect(MarkdownRenderer.render("[링크](x) 와 글.\n").excerptHTML == "<p><a href=\"x\">링크</a> 와 글.</p>\n")
    }

    @Test func fencedCodeKeepsItsLanguage() {
        let html = MarkdownRenderer.render("```swift\nlet a = 1\n```\n").html
        #expect(html == "<pre><code class=\"language-swift\"><span class=\"k\">let</span> <span class=\"nv\">a</span> <span class=\"o\">=</span> <span class=\"m\">1</span>\n</code></pre>\n")
        var plain = MarkdownOptions()
        plain.highlightsCode = false
        #expect(MarkdownRenderer.render("```swift\nlet a = 1\n```\n", options: plain).html == "<pre><code class=\"language-swift\">let a = 1\n</code></pre>\n")
    }

    @Test func noSourcePositionsLeak() {
        #expect(!MarkdownRenderer.render("## A\n\ntext\n").html.contains("data-sourcepos"))
    }
}

@Suite struct ConcurrentRenderingTests {
    /// cmark-gfm keeps the extensions' inline characters in one global table that each parse fills
    /// and empties; parsing on several threads at once lost autolinks and strikethrough.
    @Test func parallelRendersKeepEveryExtension() async {
        let bodies = (0..<2000).map { "문단 \($0 % 400): https://www.notion.so/page-\($0 % 400) 그리고 ~~지움~~ | 표가 아님\n\n- [ ] 할 일\n" }
        let pages = await bodies.parallelMap { MarkdownRenderer.render($0).html }
        let broken = pages.enumerated().filter { !$0.element.contains("<a href=\"https://www.notion.so/page-\($0.offset % 400)\">") || !$0.element.contains("<del>지움</del>") }
        #expect(broken.isEmpty, "\(broken.count) of \(pages.count) lost an extension")
    }
}

/// Images of the site's own files carry their size and load lazily; a titled image alone in its
/// paragraph is a figure. Images whose file is unknown stay as cmark writes them (the spec test).
@Suite struct ImageTests {
    func options(_ sizes: [String: ImageSize] = [:]) throws -> MarkdownOptions {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [String: URL] = [:]
        for (path, size) in sizes {
            let url = folder.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_"))
            try Data("<svg width=\"\(size.width)\" height=\"\(size.height)\"></svg>".utf8).write(to: url)
            files[path] = url
        }
        var options = MarkdownOptions(path: "content/posts/a.md", folder: "posts",
                                      linkTargets: LinkTargets(files: Set(sizes.keys).union(["posts/plain.txt"]), basePath: "/blog"))
        options.imageSizes = ImageSizes(files: files)
        return options
    }

    @Test func aLocalImageGetsItsSizeAndLoadsLazily() throws {
        let options = try options(["posts/img/a b.svg": ImageSize(width: 640, height: 480)])
        let rendered = MarkdownRenderer.render("보세요 ![그림](img/a%20b.svg) 여기.\n", options: options)
        #expect(rendered.html == "<p>보세요 <img src=\"/blog/posts/img/a%20b.svg\" alt=\"그림\" width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\" /> 여기.</p>\n")
        #expect(rendered.measuredImages == ["posts/img/a b.svg": ImageSize(width: 640, height: 480)])
        #expect(rendered.plainText == "보세요 그림 여기.")
        // Written site-absolute, with or without the base path, it is the same file.
        let absolute = MarkdownRenderer.render("![x](/posts/img/a%20b.svg)\n", options: options)
        #expect(absolute.html.contains("width=\"640\" height=\"480\" loading=\"lazy\""))
        // So is one written with the site's origin, as Jekyll posts write `{{ site.url }}{{ site.baseurl }}/…`.
        var published = options
        published.linkTargets?.origin = "https://me.github.io"
        let withOrigin = MarkdownRenderer.render("![x](https://me.github.io/blog/posts/img/a%20b.svg)\n", options: published)
        #expect(withOrigin.html == "<p><img src=\"https://me.github.io/blog/posts/img/a%20b.svg\" alt=\"x\" width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\" /></p>\n")
        #expect(MarkdownRenderer.render("![x](https://other.example/blog/posts/img/a%20b.svg)\n", options: published).html
                == MarkdownRenderer.libraryHTML("![x](https://other.example/blog/posts/img/a%20b.svg)\n"))
    }

    @Test func aTitledImageAloneIsAFigure() throws {
        let options = try options(["posts/a.svg": ImageSize(width: 10, height: 20)])
        let rendered = MarkdownRenderer.render("![알트](a.svg \"캡션 <1>\")\n\n![원격](https://example.com/r.png \"원격 캡션\")\n", options: options)
        #expect(rendered.html == """
            <figure><img src="/blog/posts/a.svg" alt="알트" width="10" height="20" loading="lazy" decoding="async" /><figcaption>캡션 &lt;1&gt;</figcaption></figure>
            <figure><img src="https://example.com/r.png" alt="원격" /><figcaption>원격 캡션</figcaption></figure>

            """)
        #expect(rendered.plainText == "알트 캡션 <1> 원격 원격 캡션")
    }

    @Test func chirpysItalicLineUnderAnImageIsItsCaption() throws {
        let rendered = MarkdownRenderer.render("![화면](a.svg)\n_첫 화면_\n", options: try options(["posts/a.svg": ImageSize(width: 1, height: 1)]))
        #expect(rendered.html.hasPrefix("<figure><img src=\"/blog/posts/a.svg\" alt=\"화면\""))
        #expect(rendered.html.hasSuffix("<figcaption>첫 화면</figcaption></figure>\n"))
    }

    @Test func imagesWhoseFileIsUnknownStayAsCmarkWritesThem() throws {
        let options = try options()
        for markdown in ["![foo](/url \"title\")\n", "![a](https://example.com/x.png)\n", "text ![t](https://e.com/y.png \"t\") text\n"] {
            #expect(MarkdownRenderer.render(markdown, options: options).html == MarkdownRenderer.libraryHTML(markdown))
        }
    }

    @Test func kramdownSizesWinAndTheImageStillLoadsLazily() throws {
        let options = try options(["posts/a.svg": ImageSize(width: 10, height: 20)])
        let rendered = MarkdownRenderer.render("![a](a.svg){: width=\"300\"}\n", options: options)
        #expect(rendered.html == "<p><img src=\"/blog/posts/a.svg\" alt=\"a\" width=\"300\" loading=\"lazy\" decoding=\"async\" /></p>\n")
    }
}
