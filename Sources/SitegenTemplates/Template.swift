/// A parsed Mustache template: the dialect themes are written in (the Mustache spec with partials,
/// inheritance — `{{<parent}}`, `{{$block}}` — set delimiters and comments, plus swift-mustache's
/// transforms `{{name(value)}}` and `{{% CONTENT_TYPE: TEXT }}` pragma, which themes written for
/// sitegen before used). Names are split into their dotted parts once, here, not on every lookup.
public final class Template: Sendable, CustomStringConvertible {
    /// The nodes, laid out for rendering.
    let program: TemplateProgram
    /// The template's text as written.
    public let description: String
    /// Its partial and parent tags (`{{> name}}`, `{{< name}}`) as the parser read them, with where
    /// each stands: set delimiters and comments are what they are to the renderer.
    let partials: [PartialReference]

    init(nodes: [Node], text: String, partials: [PartialReference] = []) {
        self.program = TemplateProgram(nodes)
        self.description = text
        self.partials = partials
    }

    /// Parses `text`; a mistake throws where it stands.
    public convenience init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        let nodes = try parser.parseAll()
        self.init(nodes: nodes, text: text, partials: parser.references)
    }

    /// Renders with `values` as the root of the context; partials are looked up in `partials`.
    public func render(_ values: TemplateData, partials: [String: Template] = [:]) -> String {
        String(decoding: renderBytes(values, partials: partials), as: UTF8.self)
    }

    /// The same, as UTF-8: what a page is written as.
    public func renderBytes(_ values: TemplateData, partials: [String: Template] = [:]) -> [UInt8] {
        var renderer = TemplateRenderer(root: values, partials: partials)
        renderer.render(self)
        return renderer.output
    }
}

/// A name as a tag writes it: `page.title`, `.` (the current value), `.title` (only the current
/// value's), with transforms `short(page.date)` applied innermost first.
struct TemplateName: Sendable, Equatable {
    enum Root: Sendable, Equatable {
        /// Looked up from the innermost value outwards.
        case stack
        /// `.` and `.name`: the innermost value only.
        case current
        /// `index()`, `first()`: the position in the list a section walks.
        case position
    }

    var root: Root
    var parts: [String]
    /// Outermost first, as written: `a(b(x))` is `["a", "b"]`.
    var transforms: [String]
    /// As written, for matching a section's closing tag.
    var written: String
}

indirect enum Node: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, inverted: Bool, body: [Node])
    /// `{{> name}}` (standalone: with the indentation before it), or `{{< name}}` with its block overrides.
    case partial(name: String, dynamic: Bool, indentation: String?, overrides: [String: [Node]]?)
    /// `{{$name}}default{{/name}}` in a template others inherit from.
    case block(name: String, defaults: [Node], indentation: String)
    /// `{{$name}}…{{/name}}` inside `{{<parent}}`: an override.
    case blockOverride(name: String, body: [Node])
    /// `{{% CONTENT_TYPE: TEXT }}` (no escaping) or `HTML`.
    case escaping(Bool)
}

/// A template mistake, where it stands.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, invalidSetDelimiter
        case transformAppliedToInheritanceSection, illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax, unrecognisedConfigVariable
    }

    public var reason: Reason
    public var line: Int
    public var column: Int

    public var message: String {
        switch reason {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not finished: '}}' is missing"
        case .expectedSectionEnd: return "a section is never closed: add its {{/name}}"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "malformed {{% config }} tag"
        case .unrecognisedConfigVariable: return "unknown {{% config }} variable"
        }
    }
}
