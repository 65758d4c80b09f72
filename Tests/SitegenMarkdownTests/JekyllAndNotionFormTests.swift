import SitegenMarkdown
import Testing

@Suite struct BlockAttributeLineTests {
    @Test func parsesIDsClassesAndPairs() throws {
        let attributes = try #require(BlockAttributes(line: "{: #intro .box-note .wide data-x=\"a b\" lang=ko}"))
        #expect(attributes.id == "intro")
        #expect(attributes.classes == ["box-note", "wide"])
        #expect(attributes.pairs.map(\.key) == ["data-x", "lang"])
        #expect(attributes.html() == " id=\"intro\" class=\"box-note wide\" data-x=\"a b\" lang=\"ko\"")
    }

    @Test(arguments: ["{: }", "{ .box-note }", "{: .box-note", "text {: .a}", "{: x=\"open}"])
    func otherLinesAreNoAttributes(_ line: String) {
        #expect(BlockAttributes(line: line) == nil)
    }

    @Test func theLineBeforeAParagraphAppliesToIt() {
        let html = MarkdownRenderer.render("{: .box-note}\n**이직**, **이사**. 한 해.\n").html
        #expect(html == "<p class=\"box-note\"><strong>이직</strong>, <strong>이사</strong>. 한 해.</p>\n")
    }

    @Test func theLineAfterAParagraphAppliesToIt() {
        let html = MarkdownRenderer.render("Careful here.\n{: .box-warning}\n").html
        #expect(html == "<p class=\"box-warning\">Careful here.</p>\n")
    }

    @Test func aLineOfItsOwnAppliesToTheNextBlock() {
        let html = MarkdownRenderer.render("{: .box-error}\n\n- one\n- two\n").html
        #expect(html.hasPrefix("<ul class=\"box-error\">\n<li>"))
        #expect(!html.contains("{:"))
    }

    @Test func aLineRightAfterAHeadingAppliesToTheHeading() {
        let html = MarkdownRenderer.render("## 다음 목표\n{: .goals #goals}\n\ntext\n").html
        #expect(html.hasPrefix("<h2 id=\"goals\" class=\"goals\">다음 목표</h2>\n<p>text</p>"))
    }

    @Test func manyAttributedBlocksRenderIntact() {
        // cmark's inline text points into its block's buffer: replaced blocks must outlive rendering.
        let body = (1...200).map { "{: .box-note}\n문단 \($0) **굵게** 그리고 `코드`.\n\n## 제목 \($0)\n" }.joined(separator: "\n")
        let html = MarkdownRenderer.render(body).html
        for n in [1, 100, 200] {
            #expect(html.contains("<p class=\"box-note\">문단 \(n) <strong>굵게</strong> 그리고 <code>코드</code>.</p>"))
            #expect(html.contains("<h2 id=\"제목-\(n)\">제목 \(n)</h2>"))
        }
    }
}

@Suite struct TOCPlacementTests {
    @Test(arguments: ["[TOC]", "[[toc]]", "<!-- toc -->"])
    func aMarkerPutsTheTOCThere(_ marker: String) {
        let rendered = MarkdownRenderer.render("intro\n\n\(marker)\n\n## A\n\n## B\n")
        #expect(rendered.html.contains("<p>intro</p>\n<nav class=\"toc\">\n<ul>\n<li><a href=\"#a\">A</a></li>"))
        #expect(!rendered.html.lowercased().contains("[toc]"))
        #expect(rendered.hasOwnTOC)
    }

    @Test func tocOffRemovesTheMarker() {
        let rendered = MarkdownRenderer.render("[TOC]\n\n## A\n", options: MarkdownOptions(tocLevels: nil))
        #expect(rendered.toc.isEmpty)
        #expect(rendered.html == "<h2 id=\"a\">A</h2>\n")
    }

    @Test func levelsAreAnOption() {
        let rendered = MarkdownRenderer.render("## A\n### B\n#### C\n", options: MarkdownOptions(tocLevels: 2...4))
        #expect(rendered.toc[0].children[0].children.map(\.text) == ["C"])
    }
}

@Suite struct ReadingTimeTests {
    @Test func countsHangulByCharacterAndOtherTextByWord() {
        var statistics = TextStatistics()
        statistics.add("회고를 씁니다. Swift is fast, 2023!")
        #expect(statistics.cjkCharacters == 6)
        #expect(statistics.words == 4)
        #expect(statistics.wordCount == 10)
    }

    @Test func minutesFollowTheTwoRates() {
        var korean = TextStatistics()
        korean.add(String(repeating: "가", count: 1500))
        #expect(korean.readingMinutes == 3)
        var english = TextStatistics()
        english.add(Array(repeating: "word", count: 460).joined(separator: " "))
        #expect(english.readingMinutes == 2)
        #expect(TextStatistics().readingMinutes == 0)
    }

    @Test func codeBlocksAndHTMLAreNotRead() {
        let rendered = MarkdownRenderer.render("한글 text\n\n```\nlots of code here\n```\n\n<div>html words</div>\n")
        #expect(rendered.statistics.wordCount == 3)
    }
}

@Suite struct RelativeLinkTests {
    let targets = LinkTargets(
        documents: ["posts/2022-12-31-foo.md": "/posts/foo/", "Some Page 8f3a2c1d9b7e4f60a1b2c3d4e5f60718.md": "/some-page/"],
        files: ["images/a.png", "posts/2022-12-31-foo/cover.png"], basePath: "/blog")

    @Test func markdownLinksBecomePageLinks() {
        #expect(targets.resolve("../posts/2022-12-31-foo.md", from: "retrospectives") == .rewritten("/blog/posts/foo/"))
        #expect(targets.resolve("2022-12-31-foo.md#들어가며", from: "posts") == .rewritten("/blog/posts/foo/#들어가며"))
        #expect(targets.resolve("Some%20Page%208f3a2c1d9b7e4f60a1b2c3d4e5f60718.md", from: "") == .rewritten("/blog/some-page/"))
    }

    @Test func fileLinksBecomeSitePaths() {
        #expect(targets.resolve("../images/a.png", from: "posts") == .rewritten("/blog/images/a.png"))
        #expect(targets.resolve("2022-12-31-foo/cover.png", from: "posts") == .rewritten("/blog/posts/2022-12-31-foo/cover.png"))
    }

    @Test func otherLinksStayAsWritten() {
        for url in ["https://www.notion.so/x", "/about/", "#section", "mailto:a@b.c", "../about/"] {
            #expect(targets.resolve(url, from: "posts") == .unchanged, "\(url)")
        }
    }

    @Test func aMissingFileIsAWarningAtItsLine() {
        let options = MarkdownOptions(path: "content/posts/a.md", bodyFirstLine: 5, folder: "posts", linkTargets: targets)
        let rendered = MarkdownRenderer.render("intro\n\nsee [x](gone.md) and ![](../images/a.png)\n", options: options)
        #expect(rendered.diagnostics.map(\.description) == ["content/posts/a.md:7:1: warning: link to 'gone.md': there is no content/posts/gone.md"])
        #expect(rendered.html.contains("<img src=\"/blog/images/a.png\""))
    }
}

/// kramdown span attribute lists after links and images, and a quote's lazy attribute line (Chirpy).
@Suite struct SpanAttributeTests {
    func render(_ markdown: String, safe: Bool = false) -> String {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(frontMatterTitle: "T", allowsRawHTML: !safe)).html
    }

    @Test func anAttributeListAfterAnImageOrALinkLandsOnIt() {
        let html = render("![banner](/images/a.png){: width=\"720\"} and [site](https://example.com \"Ex\"){:target=\"_blank\"} rest.\n")
        #expect(html == "<p><img src=\"/images/a.png\" alt=\"banner\" width=\"720\" /> and <a href=\"https://example.com\" title=\"Ex\" target=\"_blank\">site</a> rest.</p>\n")
    }

    @Test func aListThatDoesNotTouchTheLinkStaysText() {
        #expect(render("[plain](https://example.com) {: .x}\n") == "<p><a href=\"https://example.com\">plain</a> {: .x}</p>\n")
        #expect(render("[plain](https://example.com){ .x}\n") == "<p><a href=\"https://example.com\">plain</a>{ .x}</p>\n")
    }

    @Test func aLinkWithAttributesStaysSafeWithRawHTMLOff() {
        let html = render("[x](javascript:alert(1)){: onclick=\"alert(2)\" .y}\n", safe: true)
        #expect(html == "<p><a href=\"\" class=\"y\">x</a></p>\n")
    }

    @Test func aLazyAttributeLineAfterAQuoteLandsOnTheQuote() {
        let html = render("> An example showing the `tip` type prompt.\n{: .prompt-tip }\n")
        #expect(html == "<blockquote class=\"prompt-tip\">\n<p>An example showing the <code>tip</code> type prompt.</p>\n</blockquote>\n")
        // Written inside the quote, it stays with the quote's paragraph.
        #expect(render("> inside\n> {: .inner}\n") == "<blockquote>\n<p class=\"inner\">inside</p>\n</blockquote>\n")
    }
}

/// A kramdown block attribute line after a list, a table or a fenced code block lands on that
/// element's own tag, as kramdown writes it — not on a wrapper.
@Suite struct BlockAttributeElementTests {
    func html(_ markdown: String) -> String { MarkdownRenderer.render(markdown, options: MarkdownOptions()).html }

    @Test func aListATableAndCodeCarryTheirAttributes() {
        #expect(html("- one\n- two\n{: .checklist }\n") == "<ul class=\"checklist\">\n<li>one</li>\n<li>two</li>\n</ul>\n")
        #expect(html("3. three\n4. four\n\n{: #steps }\n") == "<ol id=\"steps\" start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n")
        #expect(html("| a | b |\n| - | - |\n| 1 | 2 |\n{: .table-striped }\n").hasPrefix("<table class=\"table-striped\">\n<thead>"))
        #expect(html("```text\nlet x = 1\n```\n{: .numbered }\n") == "<pre class=\"numbered\"><code class=\"language-text\">let x = 1\n</code></pre>\n")
        #expect(html("```swift\nlet x = 1\n```\n{: .numbered }\n").hasPrefix("<pre class=\"numbered\"><code class=\"language-swift\"><span class=\"k\">let</span>"))
    }

    @Test func theListStaysTightAndTheLineBeforeAppliesToo() {
        #expect(html("{: .steps }\n1. a\n2. b\n") == "<ol class=\"steps\">\n<li>a</li>\n<li>b</li>\n</ol>\n")
    }
}
