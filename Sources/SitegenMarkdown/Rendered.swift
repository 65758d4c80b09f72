import SitegenCore

/// How to render one document's Markdown.
public struct MarkdownOptions: Sendable {
    /// The front matter's title. A leading `# H1` that says the same is the title, not a second H1;
    /// without one, a leading H1 may become the title.
    public var frontMatterTitle: String?
    /// The title the file name gives; a leading H1 that says the same is the title even when the
    /// body has more H1s (Notion exports).
    public var fileTitle: String
    /// The marker that ends the excerpt (`<!--more-->`, Jekyll's `excerpt_separator`).
    public var excerptSeparator: String
    /// Heading levels that make the table of contents; nil when the page wants none (`toc: false`).
    public var tocLevels: ClosedRange<Int>?
    /// Where the document is, for located warnings and relative links: its path from the site root,
    /// the file line its body starts on, its folder under `content/`.
    public var path: String
    public var bodyFirstLine: Int
    public var folder: String
    /// What relative links may point at; nil leaves links as written.
    public var linkTargets: LinkTargets?
    /// Headings whose list items are the writer's goals (`다음 목표`, `Try`), compared without case.
    public var goalHeadings: [String]
    /// The href of the document's own page; in-page links of its excerpt are made to point there,
    /// since the excerpt is shown on other pages.
    public var pageHref: String?
    /// Whether raw HTML and every attribute pass through (`unsafe_html`, on unless a site turns it off).
    public var allowsRawHTML = true
    /// What Liquid reads, on a site imported from Jekyll; nil: `{{` and `{%` are text, as anywhere else.
    public var liquid: LiquidContext?
    /// What Hugo shortcodes read, on a Hugo site; nil: `{{<` is text.
    public var shortcodes: LiquidContext?
    /// Whether `$…$`, `$$…$$`, `\(…\)`, `\[…\]` and `math` fences are math (`math: false` turns it off).
    public var math = true
    /// Whether code in a language the highlighter knows gets token spans (`highlight: false` turns it off).
    public var highlightsCode = true
    /// The sizes of the site's image files, for `width` and `height`; nil writes none.
    public var imageSizes: ImageSizes?
    /// Highlighted blocks kept between builds (`serve`); nil in a one-off build.
    public var highlightCache: HighlightCache?
    /// The titles of GitHub alerts by kind (`note`, `tip`, `important`, `warning`, `caution`), in the
    /// site's language; English where one is missing.
    public var alertTitles: [String: String] = [:]
    /// On a retrospective: the heading of the section of last time's goals (`지난 회고의 목표`). The
    /// section leaves the body and its ticks go to `previousGoalTicks`, for the theme's goals box.
    public var previousGoalsHeading: String?
    /// The label of a footnote's link back to the text (cmark writes `Back to content`), in the site's language.
    public var footnoteBackLabel: String?

    public init(frontMatterTitle: String? = nil, fileTitle: String = "", excerptSeparator: String = "<!--more-->",
                tocLevels: ClosedRange<Int>? = 2...3, path: String = "", bodyFirstLine: Int = 1, folder: String = "",
                linkTargets: LinkTargets? = nil, pageHref: String? = nil, goalHeadings: [String] = [], allowsRawHTML: Bool = true) {
        self.frontMatterTitle = frontMatterTitle
        self.fileTitle = fileTitle
        self.excerptSeparator = excerptSeparator
        self.tocLevels = tocLevels
        self.path = path
        self.bodyFirstLine = bodyFirstLine
        self.folder = folder
        self.linkTargets = linkTargets
        self.pageHref = pageHref
        self.goalHeadings = goalHeadings
        self.allowsRawHTML = allowsRawHTML
    }
}

/// A heading of the page, with the id its HTML carries.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    /// The heading's text without markup.
    public var text: String
}

/// One entry of a table of contents, with the entries nested under it.
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
    public var children: [TOCEntry]
}

/// All the Markdown stage makes of one body: one value, so later phases never parse again.
/// A link or image of a body, as the page will have it (relative links to documents and files
/// already rewritten), with where the writer wrote it: Markdown links and images, and the `href`
/// and `src` of raw HTML. `check` reports a broken one at this line.
public struct BodyLink: Sendable, Hashable {
    public var url: String
    public var line: Int
    public var column: Int

    public init(url: String, line: Int, column: Int) {
        self.url = url
        self.line = line
        self.column = column
    }
}

public struct Rendered: Sendable, Hashable {
    public var html: String
    /// The text of the leading H1 that became the title, and its id.
    public var title: String?
    public var titleID: String?
    public var headings: [Heading]
    public var toc: [TOCEntry]
    /// The table of contents as a nested `<ul>`; empty when there are no entries.
    public var tocHTML: String
    public var excerptHTML: String
    /// Whether the body carries its table of contents itself: a markdown-toc `<!-- TOC -->` block,
    /// or a `[TOC]` marker that sitegen filled in. The theme then adds none.
    public var hasOwnTOC: Bool
    public var statistics: TextStatistics
    /// The items under the goal headings, in order.
    public var goals: [Goal]
    /// The body's text without markup, for the search index.
    public var plainText: String
    /// Warnings about the body (a link to a file that is not there), located in the file.
    public var diagnostics: Diagnostics
    /// Every relative link the body had resolved against the site's files, with what it became: the
    /// rendering stays right for as long as these resolve the same.
    public var resolvedLinks: [ResolvedLink] = []
    /// The site's image files the body shows, by their path under `content/`, with the size each
    /// had when it was rendered (nil: not an image whose header says): the rendering stays right
    /// for as long as they keep it.
    public var measuredImages: [String: ImageSize?] = [:]
    /// The address of the body's first Markdown image as the page has it, for the preview card of a
    /// page whose front matter names no picture.
    public var firstImage: String?
    /// The body's links and images, with their lines (not the excerpt's, nor a table of contents' own).
    public var links: [BodyLink] = []
    /// Whether Liquid or a shortcode wrote another document's URL into the body (`{% post_url %}`,
    /// `{% link %}`, `ref`, `relref`): when the site's URLs move, the rendering may be stale.
    public var refersToSiteURLs = false
    /// The items of the section of last time's goals, with their ticks; nil when there is no such section.
    public var previousGoalTicks: [Goal]?
    /// Whether the body holds math or a mermaid diagram: the page then loads their renderers.
    public var usesMath = false
    public var usesMermaid = false
    /// A digest of `html`, `tocHTML` and `excerptHTML`, for telling within one process whether pages
    /// that show them changed. Worked out by `withDigest()` where renderings are kept (`serve`); nil in a cold build.
    public var digest: Int?

    /// This rendering with its digest.
    public func withDigest() -> Rendered {
        var hasher = Hasher()
        hasher.combineUTF8(html)
        hasher.combineUTF8(tocHTML)
        hasher.combineUTF8(excerptHTML)
        var rendered = self
        rendered.digest = hasher.finalize()
        return rendered
    }

    /// The value of a document that could not be rendered: no HTML, and why.
    static func failed(_ diagnostic: Diagnostic) -> Rendered {
        var rendered = empty
        rendered.diagnostics = Diagnostics([diagnostic])
        return rendered
    }

    static let empty = Rendered(html: "", title: nil, titleID: nil, headings: [], toc: [], tocHTML: "",
                                excerptHTML: "", hasOwnTOC: false, statistics: TextStatistics(), goals: [], plainText: "",
                                diagnostics: Diagnostics())
}

/// A goal a retrospective sets: a list item under a goal heading, or a front matter `goals` entry.
public struct Goal: Sendable, Hashable {
    public var text: String
    /// Whether its task-list box is ticked.
    public var done: Bool

    public init(text: String, done: Bool = false) {
        self.text = text
        self.done = done
    }
}

/// A relative link and what it resolved to.
public struct ResolvedLink: Sendable, Hashable {
    public var url: String
    public var resolution: LinkTargets.Resolution
}
