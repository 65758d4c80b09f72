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
            "content/posts/a.md:7:1: warning: '{% include toc.html %}': there is no _includes/toc.html in the site; left as written",
        ])
    }

    @Test func aBlockSitegenDoesNotEvaluateStaysWholeWithOneWarning() {
        let (text, problems) = expand("before\n{% for tag in page.tags %}\n- {{ tag }}\n{% endfor %}\nafter\n")
        #expect(text == "before\n{% for tag in page.tags %}\n- {{ tag }}\n{% endfor %}\nafter\n")
        #expect(problems == ["content/posts/a.md:6:1: warning: unknown Liquid tag 'for': the block up to '{% endfor %}' is left as written"])
    }

    func include(_ tag: String, _ files: [String: String]) -> (String, [String]) {
        var withIncludes = context
        withIncludes.includes = files
        var diagnostics = Diagnostics()
        let text = Liquid.expand(tag, context: withIncludes, targets: targets, path: "content/posts/a.md", firstLine: 1, into: &diagnostics)
        return (text, diagnostics.sorted.map(\.description))
    }

    @Test func includesRenderWithTheirParameters() {
        let figure = """
            <figure>
              {% assign src = include.url | relative_url %}<img src="{{ src }}" alt="{{ include.alt | escape }}">
              {% if include.caption and include.caption != "" %}<figcaption>{{ include.caption }}</figcaption>{% elsif include.credit %}<small>{{ include.credit }}</small>{% else %}<!-- none -->{% endif %}
              {% unless include.plain %}<span>{{ page.title }} · {{ include.n }}</span>{% endunless %}{% comment %} note {% endcomment %}
            </figure>
            """
        let files = ["figure.html": figure, "outer.html": "<div>{% include figure.html url=include.u alt=\"x\" %}</div>",
                     "loop.html": "{% for i in (1..3) %}{{ i }}{% endfor %}", "self.html": "{% include self.html %}"]
        #expect(include("{% include figure.html url=\"/a.png\" alt='A \"B\"' caption=\"캡션\" n=3 %}", files).0
            == "<figure> <img src=\"/blog/a.png\" alt=\"A &quot;B&quot;\"> <figcaption>캡션</figcaption> <span>연말 회고 · 3</span> </figure>")
        #expect(include("{%- include figure.html url=page.image credit=site.title plain=true -%}", files).0
            == "<figure> <img src=\"/blog/\" alt=\"\"> <small>블로그</small> </figure>")
        #expect(include("{% include outer.html u=\"/b.png\" %}", files).0 == "<div><figure> <img src=\"/blog/b.png\" alt=\"x\"> <!-- none --> <span>연말 회고 · </span> </figure></div>")
        let (loop, loopProblems) = include("{% include loop.html %}", files)
        #expect(loop == "{% include loop.html %}")
        #expect(loopProblems == ["content/posts/a.md:1:1: warning: '{% include loop.html %}': _includes/loop.html uses '{% for %}', which sitegen does not evaluate; left as written"])
        #expect(include("{% include self.html %}", files).1.first?.contains("includes nest more than 10 deep") == true)
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
