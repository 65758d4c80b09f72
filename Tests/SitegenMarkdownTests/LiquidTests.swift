@testable import SitegenMarkdown
import SitegenCore
import Testing

/// The Liquid that Jekyll posts use, on a site imported from Jekyll.
@Suite struct LiquidTests {
    let context = LiquidContext(site: ["url": "https://writer.github.io", "baseurl": "/blog", "title": "블로그"],
                                page: ["title": "연말 회고", "date": "2022-12-31T22:00:00+09:00"])
    let targets = LinkTargets(documents: ["posts/2023-01-05-새해-계획.md": "/posts/새해-계획/", "about.md": "/about/"],
                              files: ["assets/img/banner.png"], basePath: "/blog")

    func expand(_ body: String) -> (String, [String]) {
        var diagnostics = Diagnostics()
        let text = Liquid.expand(body, context: context, targets: targets, path: "content/posts/a.md", firstLine: 5, into: &diagnostics)
        return (text, diagnostics.sorted.map(\.description))
    }

    @Test(arguments: [
        ("![b]({{ site.url }}{{ site.baseurl }}/assets/img/banner.png)", "![b](https://writer.github.io/blog/assets/img/banner.png)"),
        ("{{ \"/assets/x.png\" | relative_url }} {{ 'a/b' | absolute_url }}", "/blog/assets/x.png https://writer.github.io/blog/a/b"),
        ("{{ page.title | escape }} · {{site.title}}", "연말 회고 · 블로그"),
        ("{{ page.date | date: \"%Y년 %-m월 %-d일 %H:%M\" }}", "2022년 12월 31일 22:00"),
        ("[새해]({{ site.baseurl }}{% post_url 2023-01-05-새해-계획 %}) [나]({% link _tabs/about.md %})", "[새해](/blog/posts/새해-계획/) [나](/about/)"),
        ("{% raw %}{{ kept }} {% if %}{% endraw %}", "{{ kept }} {% if %}"),
        ("a{% comment %}gone\nstill gone{% endcomment %}b", "a\nb"),
        ("{% highlight python linenos %}\nprint(1)\n{% endhighlight %}", "```python {linenos=true}\nprint(1)\n```"),
        ("{% gist writer/abc123 notes.md %}", "<script src=\"https://gist.github.com/writer/abc123.js?file=notes.md\"></script>"),
        ("no liquid { here } at all", "no liquid { here } at all"),
    ])
    func evaluatesWhatPostsUse(_ body: String, _ expected: String) {
        let (text, problems) = expand(body)
        #expect(text == expected)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func whatIsNotUnderstoodStaysAsWrittenWithALocatedWarning() {
        let (text, problems) = expand("first line\n  {% assign x = 1 %} and {{ vue.message }}\n{% include toc.html %}\n")
        #expect(text == "first line\n  {% assign x = 1 %} and {{ vue.message }}\n{% include toc.html %}\n")
        #expect(problems == [
            "content/posts/a.md:6:3: warning: unknown Liquid tag 'assign': it is left as written",
            "content/posts/a.md:6:26: warning: Liquid output '{{ vue.message }}' is not understood here: it is left as written",
            "content/posts/a.md:7:1: warning: unknown Liquid tag 'include': it is left as written",
        ])
    }

    @Test func linesStayWhereTheyWere() {
        let body = "a {% comment %}\n\n{% endcomment %}\n{% raw %}\n{{ x }}\n{% endraw %}\n{% highlight sh %}\nls\n{% endhighlight %}\nend {{ site.title }}"
        let (text, _) = expand(body)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == body.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(text.hasSuffix("end 블로그"))
    }

    @Test func withoutLiquidTheBracesAreText() {
        let html = MarkdownRenderer.render("{{ site.url }} {% raw %}", options: MarkdownOptions()).html
        #expect(html == "<p>{{ site.url }} {% raw %}</p>\n")
    }
}
