import SitegenMarkdown
import Testing

/// Build-time highlighting, math, GitHub alerts and mermaid in the Markdown stage (issue 13).
@Suite struct HighlightingTests {
    static let languages = ["Python", "Java", "Kotlin", "Swift", "JavaScript", "TypeScript", "Go", "Rust", "C", "C++", "C#", "SQL",
                            "shell", "bash", "zsh", "console", "YAML", "JSON", "TOML", "HTML", "CSS", "Dockerfile", "Makefile",
                            "Markdown", "diff", "Erlang", "Ruby", "PHP", "py", "js", "ts", "sh", "yml", "kt", "PYTHON", "golang", "rs", "cpp", "cs"]

    @Test(arguments: languages)
    func everyLanguageABlogWritesIsKnown(_ language: String) {
        #expect(SyntaxHighlighter.definition(for: language) != nil, "\(language)")
    }

    @Test func aliasesLandOnTheLanguage() {
        #expect(SyntaxHighlighter.definition(for: "py") == "Python")
        #expect(SyntaxHighlighter.definition(for: "JS") == "JavaScript")
        #expect(SyntaxHighlighter.definition(for: "ts") == "TypeScript")
        #expect(SyntaxHighlighter.definition(for: "yml") == "YAML")
        #expect(SyntaxHighlighter.definition(for: "kt") == "Kotlin")
        #expect(SyntaxHighlighter.definition(for: "console") == "Bash")
        #expect(SyntaxHighlighter.definition(for: "text") == nil)
        #expect(SyntaxHighlighter.definition(for: "no-such-language") == nil)
    }

    @Test func tokensGetShortClassesAndTheTextStaysEscaped() {
        let html = MarkdownRenderer.render("```python\nif a < b: print(\"x & y\")  # done\n```\n").html
        #expect(html.hasPrefix("<pre><code class=\"language-python\">"))
        #expect(html.contains("<span class=\"k\">if</span>"))
        #expect(html.contains("<span class=\"o\">&lt;</span>"))
        #expect(html.contains("<span class=\"s\">&quot;x &amp; y&quot;</span>"))
        #expect(html.contains("<span class=\"c\"># done</span>"))
    }

    @Test(arguments: ["Kotlin", "Swift", "TypeScript", "YAML", "Dockerfile", "Erlang", "Go", "Rust", "SQL", "diff"])
    func languagesWithoutASourceHighlightDefinitionAreColouredToo(_ language: String) {
        let samples = ["Kotlin": "fun main() { val x = 1 }", "Swift": "let x = \"s\"", "TypeScript": "const x: number = 1;",
                       "YAML": "key: value # note", "Dockerfile": "FROM debian:bookworm\nRUN apt-get update", "Erlang": "-module(x).",
                       "Go": "func main() { return }", "Rust": "fn main() { let x = 1; }", "SQL": "SELECT * FROM t;", "diff": "+added\n-removed"]
        let html = MarkdownRenderer.render("```\(language)\n\(samples[language] ?? "")\n```\n").html
        #expect(html.contains("<span class="), "\(language): \(html)")
    }

    @Test func unknownAndPlainFencesStayPlainAndEscaped() {
        #expect(MarkdownRenderer.render("```klingon\na < b\n```\n").html == "<pre><code class=\"language-klingon\">a &lt; b\n</code></pre>\n")
        #expect(MarkdownRenderer.render("```\na < b\n```\n").html == "<pre><code>a &lt; b\n</code></pre>\n")
        #expect(MarkdownRenderer.render("    indented <code>\n").html == "<pre><code>indented &lt;code&gt;\n</code></pre>\n")
    }

    @Test func lineNumbersAndMarkedLinesAsHugoWritesThem() {
        let html = MarkdownRenderer.render("```go {linenos=true hl_lines=[2,\"3-3\"] linenostart=10}\na := 1\nb := 2\nc := 3\n```\n").html
        #expect(html.contains("<span class=\"line\"><span class=\"ln\">10</span>"), "\(html)")
        #expect(html.contains("<span class=\"line hl\"><span class=\"ln\">11</span>"))
        #expect(html.contains("<span class=\"line hl\"><span class=\"ln\">12</span>"))
        #expect(!html.contains("<span class=\"ln\">13</span>"))
        // Plain text can be numbered too.
        let plain = MarkdownRenderer.render("```text {linenos=true}\none\n```\n").html
        #expect(plain == "<pre><code class=\"language-text\"><span class=\"line\"><span class=\"ln\">1</span>one\n</span></code></pre>\n")
    }

    @Test func fenceInfoReadsHugosAndJekyllsOptions() {
        #expect(FenceInfo("go {linenos=table,hl_lines=[8,\"15-17\"]}") == FenceInfo(language: "go", lineNumbers: true, highlightedLines: [8, 15, 16, 17]))
        #expect(FenceInfo("python {hl_lines=\"2 4-5\" linenos=false}") == FenceInfo(language: "python", highlightedLines: [2, 4, 5]))
        #expect(FenceInfo("ruby linenos") == FenceInfo(language: "ruby"))
        #expect(FenceInfo("") == FenceInfo(language: ""))
    }

    @Test func liquidHighlightWithLineNumbers() {
        var options = MarkdownOptions()
        options.liquid = LiquidContext(site: [:], page: [:])
        let html = MarkdownRenderer.render("{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n", options: options).html
        #expect(html.contains("<code class=\"language-ruby\"><span class=\"line\"><span class=\"ln\">1</span>"), "\(html)")
    }

    @Test func hugoHighlightShortcodeWithOptions() {
        var options = MarkdownOptions()
        options.shortcodes = LiquidContext(site: [:], page: [:])
        let html = MarkdownRenderer.render("{{< highlight go \"linenos=table,hl_lines=2\" >}}\na := 1\nb := 2\n{{< /highlight >}}\n", options: options).html
        #expect(html.contains("<span class=\"line hl\"><span class=\"ln\">2</span>"), "\(html)")
    }

    @Test func aCacheGivesTheSameHTMLAndKeepsWhatTheLastBuildsUsed() {
        let cache = HighlightCache()
        var options = MarkdownOptions()
        options.highlightCache = cache
        let markdown = "```swift\nlet a = 1\n```\n"
        let first = MarkdownRenderer.render(markdown, options: options).html
        #expect(cache.count == 1)
        #expect(MarkdownRenderer.render(markdown, options: options).html == first)
        #expect(first == MarkdownRenderer.render(markdown).html)
        cache.nextGeneration()
        cache.nextGeneration()
        #expect(cache.count == 0)
    }
}

@Suite struct MathTests {
    func html(_ markdown: String, math: Bool = true) -> String {
        var options = MarkdownOptions()
        options.math = math
        return MarkdownRenderer.render(markdown, options: options).html
    }

    @Test func inlineDollarsKeepTheirTeXWhole() {
        #expect(html("Let $x^*, y^*$ be $a_1 * b_2$.\n")
            == "<p>Let <span class=\"math inline\">\\(x^*, y^*\\)</span> be <span class=\"math inline\">\\(a_1 * b_2\\)</span>.</p>\n")
        #expect(html("Sets $\\{a\\}$ and $a<b$\n") == "<p>Sets <span class=\"math inline\">\\(\\{a\\}\\)</span> and <span class=\"math inline\">\\(a&lt;b\\)</span></p>\n")
    }

    @Test func moneyIsNotMath() {
        #expect(html("It costs $5 and $10.\n") == "<p>It costs $5 and $10.</p>\n")
        #expect(html("From $20,000 to $30,000.\n") == "<p>From $20,000 to $30,000.</p>\n")
        #expect(html("$ ls $HOME\n") == "<p>$ ls $HOME</p>\n")
        #expect(html("From $30,000 up.\nThe variable `$HOME` is code.\n") == "<p>From $30,000 up.\nThe variable <code>$HOME</code> is code.</p>\n")
        #expect(html("Escaped \\$x\\$ stays.\n") == "<p>Escaped $x$ stays.</p>\n")
    }

    @Test func doubleDollarsInASentenceAreInlineAndAloneAreDisplay() {
        #expect(html("z 부분은 $$\\frac{∂f}{∂z}$$ = 3\n") == "<p>z 부분은 <span class=\"math inline\">\\(\\frac{∂f}{∂z}\\)</span> = 3</p>\n")
        #expect(html("$$\nx^*, y^* = \\{a\\}_1\n$$\n") == "<div class=\"math display\">\\[\nx^*, y^* = \\{a\\}_1\n\\]</div>\n")
        #expect(html("$$ E = mc^2 $$\n") == "<div class=\"math display\">\\[ E = mc^2 \\]</div>\n")
    }

    @Test func backslashDelimiters() {
        #expect(html("Inline \\(a_1 \\{b\\}\\) here.\n") == "<p>Inline <span class=\"math inline\">\\(a_1 \\{b\\}\\)</span> here.</p>\n")
        #expect(html("\\[\n\\int_0^1 f(x)\\,dx\n\\]\n") == "<div class=\"math display\">\\[\n\\int_0^1 f(x)\\,dx\n\\]</div>\n")
        // Not math: escaped brackets and a lone `\(` are what CommonMark makes of them.
        #expect(html("\\(\\) and \\[x\\\n") == "<p>() and [x\\</p>\n")
        #expect(html("`\\(x\\)` and <http://a.example/\\(x\\)>\n")
            == "<p><code>\\(x\\)</code> and <a href=\"http://a.example/%5C(x%5C)\">http://a.example/\\(x\\)</a></p>\n")
    }

    @Test func mathFencesAreDisplayMath() {
        #expect(html("```math\na^2 + b^2 = c^2\n```\n") == "<div class=\"math display\">\\[a^2 + b^2 = c^2\\]</div>\n")
    }

    @Test func mathInsideListsTablesAndQuotes() {
        #expect(html("- item $x_1$\n    - nested $$y_2$$\n").contains("<li>item <span class=\"math inline\">\\(x_1\\)</span>"))
        #expect(html("- item $x_1$\n    - nested $$y_2$$\n").contains("<li>nested <span class=\"math inline\">\\(y_2\\)</span></li>"))
        #expect(html("- item\n\n    $$y_2$$\n").contains("<div class=\"math display\">\\[y_2\\]</div>"))
        #expect(html("| a | b |\n| - | - |\n| $x_1$ | $$y$$ |\n").contains("<td><span class=\"math inline\">\\(x_1\\)</span></td>\n<td><span class=\"math inline\">\\(y\\)</span></td>"))
        #expect(html("> quoted $a*b*c$  \n> next\n").contains("<span class=\"math inline\">\\(a*b*c\\)</span><br />"))
    }

    @Test func codeIsNeverMath() {
        #expect(html("`$x$` and\n\n```\n$y$\n```\n") == "<p><code>$x$</code> and</p>\n<pre><code>$y$\n</code></pre>\n")
    }

    @Test func aPageOrSiteCanTurnMathOff() {
        #expect(html("$a *b* c$\n", math: false) == "<p>$a <em>b</em> c$</p>\n")
        #expect(html("```math\nx\n```\n", math: false) == "<pre><code class=\"language-math\">x\n</code></pre>\n")
    }

    @Test func theRenderingSaysWhetherThereWasMath() {
        #expect(MarkdownRenderer.render("$x$\n").usesMath)
        #expect(MarkdownRenderer.render("```math\nx\n```\n").usesMath)
        #expect(!MarkdownRenderer.render("$5 and $6\n").usesMath)
        #expect(!MarkdownRenderer.render("plain\n").usesMath)
    }
}

@Suite struct AlertAndDiagramTests {
    @Test(arguments: [("NOTE", "note", "Note"), ("TIP", "tip", "Tip"), ("IMPORTANT", "important", "Important"),
                      ("WARNING", "warning", "Warning"), ("caution", "caution", "Caution")])
    func githubAlerts(_ marker: String, _ kind: String, _ title: String) {
        let html = MarkdownRenderer.render("> [!\(marker)]\n> Read *this*.\n").html
        #expect(html == "<div class=\"markdown-alert markdown-alert-\(kind)\">\n<p class=\"markdown-alert-title\">\(title)</p>\n<p>Read <em>this</em>.</p>\n</div>\n")
    }

    @Test func alertTitlesInTheSitesLanguage() {
        var options = MarkdownOptions()
        options.alertTitles = ["warning": "경고"]
        let html = MarkdownRenderer.render("> [!WARNING]\n>\n> 조심하세요.\n", options: options).html
        #expect(html == "<div class=\"markdown-alert markdown-alert-warning\">\n<p class=\"markdown-alert-title\">경고</p>\n<p>조심하세요.</p>\n</div>\n")
    }

    @Test func otherQuotesStayQuotes() {
        #expect(MarkdownRenderer.render("> [!UNKNOWN]\n> text\n").html == "<blockquote>\n<p>[!UNKNOWN]\ntext</p>\n</blockquote>\n")
        #expect(MarkdownRenderer.render("> [!NOTE] and more\n").html == "<blockquote>\n<p>[!NOTE] and more</p>\n</blockquote>\n")
    }

    @Test func mermaidFencesBecomeDiagrams() {
        let rendered = MarkdownRenderer.render("```mermaid\ngraph TD; A-->B\n```\n")
        #expect(rendered.html == "<pre class=\"mermaid\">graph TD; A--&gt;B\n</pre>\n")
        #expect(rendered.usesMermaid)
        #expect(!MarkdownRenderer.render("```\ngraph\n```\n").usesMermaid)
    }
}
