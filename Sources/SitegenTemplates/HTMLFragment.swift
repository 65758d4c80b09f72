import Mustache

/// HTML made by the Markdown stage (a body), written into a page as it is: `{{page.content}}`
/// needs no triple braces.
public struct HTMLFragment: MustacheCustomRenderable, CustomStringConvertible, Sendable {
    public var html: String

    public init(_ html: String) {
        self.html = html
    }

    public var renderText: String { html }
    public var isNull: Bool { false }
    public var description: String { html }
}
