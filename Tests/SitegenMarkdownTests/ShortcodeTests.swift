@testable import SitegenMarkdown
import SitegenCore
import Testing

/// Hugo's built-in shortcodes, as posts of a Hugo blog use them.
@Suite struct ShortcodeTests {
    let context = LiquidContext(site: ["url": "https://writer.github.io", "baseurl": "", "params.author": "김작가"],
                                page: ["title": "글", "mood": "좋음"])
    let targets = LinkTargets(documents: ["posts/2023-01-24-1.md": "/posts/2023-01-24-1/", "about.md": "/about/"], files: [], basePath: "")

    func expand(_ body: String) -> (String, [String]) {
        var diagnostics = Diagnostics()
        let text = Shortcodes.expand(body, context: context, targets: targets, path: "content/posts/a.md", firstLine: 4, into: &diagnostics)
        return (text, diagnostics.sorted.map(\.description))
    }

    @Test(arguments: [
        ("{{< figure src=\"/img/a.png\" alt=\"그림\" caption=\"설명 & 출처\" width=\"300\" >}}",
         "<figure><img src=\"/img/a.png\" alt=\"그림\" width=\"300\" loading=\"lazy\"><figcaption><p>설명 &amp; 출처</p></figcaption></figure>"),
        ("{{< youtube dQw4w9WgXcQ >}}",
         "<div class=\"video\"><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"YouTube video\" allowfullscreen loading=\"lazy\"></iframe></div>"),
        ("{{< gist writer abc123 >}}", "<script src=\"https://gist.github.com/writer/abc123.js\"></script>"),
        ("{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}", "```go {linenos=\"table\"}\nfunc main() {}\n```"),
        ("[첫 글]({{< ref \"posts/2023-01-24-1.md\" >}}) [소개]({{% relref \"about\" %}}#me)",
         "[첫 글](https://writer.github.io/posts/2023-01-24-1/) [소개](/about/#me)"),
        ("{{< param mood >}} · {{< param author >}}", "좋음 · 김작가"),
        ("{{</* figure src=\"x\" */>}} shows how", "{{< figure src=\"x\" >}} shows how"),
        ("{{ .Title }} is Go template text, not a shortcode", "{{ .Title }} is Go template text, not a shortcode"),
    ])
    func expandsWhatPostsUse(_ body: String, _ expected: String) {
        let (text, problems) = expand(body)
        #expect(text == expected)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func anUnknownShortcodeStaysWithALocatedWarning() {
        let (text, problems) = expand("intro\n\n  {{< tweet user=\"x\" id=\"1\" >}}\n{{< ref \"nowhere.md\" >}}\n")
        #expect(text == "intro\n\n  {{< tweet user=\"x\" id=\"1\" >}}\n{{< ref \"nowhere.md\" >}}\n")
        #expect(problems == [
            "content/posts/a.md:6:3: warning: unknown shortcode 'tweet': it is left as written",
            "content/posts/a.md:7:1: warning: '{{< ref \"nowhere.md\" >}}': no such document in the site; left as written",
        ])
    }
}
