import Mustache

/// HTML made by the Markdown stage (a body, a table of contents), carried with a digest so that a
/// rebuild can tell whether a page changed without reading the HTML again.
public struct HTMLFragment: MustacheCustomRenderable, CustomStringConvertible, Sendable {
    public var html: String
    public var digest: Int

    public init(_ html: String, digest: Int) {
        self.html = html
        self.digest = digest
    }

    public var renderText: String { html }
    public var isNull: Bool { false }
    public var description: String { html }
}
