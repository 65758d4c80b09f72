import SitegenContent
import SitegenCore
import SitegenMarkdown

/// What the fuzz target runs on one input: the whole content pipeline, short of the disk.
public enum FuzzEntry {
    public static func run(_ bytes: [UInt8]) {
        var diagnostics = Diagnostics()
        guard let text = SourceText.decode(bytes, path: "content/posts/fuzz.md", into: &diagnostics) else { return }
        let document = SourceDocument.parse(text: text, relativePath: "posts/2024-01-01-fuzz.md", into: &diagnostics)
        let body = document?.body ?? text
        let targets = LinkTargets(documents: ["posts/a.md": "/posts/a/"], files: ["images/x.png"], basePath: "/blog")
        let options = MarkdownOptions(frontMatterTitle: document?.title, fileTitle: "fuzz", excerptSeparator: "<!--more-->",
                                      tocLevels: 1...6, path: "content/posts/fuzz.md", bodyFirstLine: document?.bodyFirstLine ?? 1,
                                      folder: "posts", linkTargets: targets, pageHref: "/blog/posts/fuzz/",
                                      goalHeadings: ["다음 목표", "Try"])
        let rendered = MarkdownRenderer.render(body, options: options)
        _ = Slug.heading(text)
        _ = Slug.segment(text)
        _ = DocumentDate(parsing: text)
        _ = Period(parsing: text)
        _ = Period.inferred(from: text, date: DocumentDate(year: 2024, month: 1, day: 1))
        _ = BlockAttributes(line: text)
        _ = Slug.tag(text)
        _ = OutputPath.problem(text)
        _ = BaseURL.normalize(text, allowingPath: true)
        precondition(!rendered.html.contains("data-sourcepos"))
        // The same bytes as front matter and as site.yml: nesting, aliases and scalars reach YAML whole.
        _ = SourceDocument.parse(text: "---\n" + text + "\n---\nbody\n", relativePath: "posts/2024-01-02-yaml.md", into: &diagnostics)
        _ = SiteConfig.decode(yaml: text, path: "site.yml", into: &diagnostics)
        // And as a document on a site with raw HTML turned off.
        var safe = options
        safe.allowsRawHTML = false
        let safeHTML = MarkdownRenderer.render(body, options: safe).html
        precondition(!safeHTML.contains("<script"), "raw HTML passed with unsafe_html: false")
    }
}
