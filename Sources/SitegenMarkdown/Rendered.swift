/// How to render one document's Markdown.
public struct MarkdownOptions: Sendable, Hashable {
    /// The front matter's title. A leading `# H1` that says the same is the title, not a second H1;
    /// without one, a leading H1 may become the title.
    public var frontMatterTitle: String?
    /// The title the file name gives; a leading H1 that says the same is the title even when the
    /// body has more H1s (Notion exports).
    public var fileTitle: String
    /// The marker that ends the excerpt (`<!--more-->`, Jekyll's `excerpt_separator`).
    public var excerptSeparator: String
    /// Heading levels that make the table of contents.
    public var tocLevels: ClosedRange<Int>

    public init(frontMatterTitle: String? = nil, fileTitle: String = "", excerptSeparator: String = "<!--more-->",
                tocLevels: ClosedRange<Int> = 2...3) {
        self.frontMatterTitle = frontMatterTitle
        self.fileTitle = fileTitle
        self.excerptSeparator = excerptSeparator
        self.tocLevels = tocLevels
    }
}

/// A heading of the page, with the id its HTML carries.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    /// The heading's text without markup.
    public var text: String
    /// The line of the body on which it stands (1-based).
    public var line: Int
}

/// One entry of a table of contents, with the entries nested under it.
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
    public var children: [TOCEntry]
}

/// All the Markdown stage makes of one body: one value, so later phases never parse again.
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
    /// Whether the body carries a table of contents of its own (a markdown-toc `<!-- TOC -->` block).
    public var hasOwnTOC: Bool
}
