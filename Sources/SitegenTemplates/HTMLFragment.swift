import SitegenCore

/// HTML made by the Markdown stage (a body), written into a page with `{{{page.content}}}`.
public struct HTMLFragment: TemplateObject, TemplateDataConvertible, CustomStringConvertible, Sendable, Hashable {
    public var html: String
    /// A digest of `html` made before (a rendering's), hashed in its place: `serve` fingerprints
    /// every page on each rebuild, and bodies are most of a site's bytes.
    public var digest: Int?

    public init(_ html: String, digest: Int? = nil) {
        self.html = html
        self.digest = digest
    }

    public static func == (lhs: HTMLFragment, rhs: HTMLFragment) -> Bool { lhs.digest == rhs.digest && lhs.html == rhs.html }

    public func hash(into hasher: inout Hasher) {
        if let digest { hasher.combine(digest) } else { hasher.combineUTF8(html) }
    }

    /// `{{page.content}}` escapes it, as any value; `{{{page.content}}}` writes it as it is.
    public var templateText: String { html }
    public func child(named name: String) -> TemplateData { name == "html" ? .text(html) : .none }
    public var templateData: TemplateData { .object(self) }
    public var description: String { html }
}
