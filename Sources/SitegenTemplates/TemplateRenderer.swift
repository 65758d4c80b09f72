import SitegenCore

/// Renders parsed templates into one string. The context is a stack of values, innermost last:
/// a name is looked up from the innermost value outwards, as Mustache does; sections push and pop
/// instead of copying the stack.
struct TemplateRenderer {
    let partials: [String: Template]
    private var stack: [TemplateData]
    /// Where a list section stands (`{{index()}}`, `{{#first()}}`).
    private var position: ListPosition?
    /// A standalone partial's indentation, put before each line it writes after its first.
    private var indentation: String?
    /// The block overrides of the `{{<parent}}` tags being rendered, outermost first to win.
    private var overrides: [String: [Node]]?
    private var escapes = true
    private(set) var output = ""

    init(root: TemplateData, partials: [String: Template]) {
        self.partials = partials
        self.stack = [root]
        output.reserveCapacity(16 * 1024)
    }

    mutating func render(_ template: Template) {
        render(template.nodes)
    }

    private mutating func render(_ nodes: [Node]) {
        let escaping = escapes
        defer { escapes = escaping }
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node) }
            return
        }
        // Indented: each node's output goes after the indentation when what this list of nodes
        // wrote so far ends a line.
        // The page so far is swapped out while a node writes, not copied: a copy kept alive would
        // make the append below copy the whole page again, once per node of every indented partial.
        var endsLine = false
        var outer = ""
        for node in nodes {
            swap(&outer, &output)
            render(node)
            var piece = ""
            swap(&piece, &output)
            swap(&output, &outer)
            guard !piece.isEmpty else { continue }
            if endsLine { output += indentation }
            output += piece
            endsLine = piece.utf8.last == UInt8(ascii: "\n")
        }
    }

    private mutating func render(_ node: Node) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            let value = lookUp(name)
            if case .text(let text) = value {
                write(text, escaped: escaped)
            } else if !value.isNone {
                write(value.text, escaped: escaped)
            }
        case .section(let name, let inverted, let body):
            let value = lookUp(name)
            if inverted { renderInverted(value, body) } else { renderSection(value, body) }
        case .partial(let name, let dynamic, let indented, let inherits):
            var partialName = name
            if dynamic {
                guard case .text(let named) = lookUp(TemplateName(root: .stack, parts: name.split(separator: ".").map(String.init),
                                                                  transforms: [], written: name)) else { return }
                partialName = named
            }
            guard let template = partials[partialName] else { return }
            let saved = (indentation, overrides, position, escapes)
            if let indented { indentation = (indentation ?? "") + indented }
            if let inherits {
                overrides = overrides.map { $0.merging(inherits) { outer, _ in outer } } ?? inherits
            }
            position = nil
            escapes = true
            render(template.nodes)
            (indentation, overrides, position, escapes) = saved
        case .block(let name, let defaults, let indented):
            let saved = (indentation, position)
            indentation = (indentation ?? "") + indented
            position = nil
            render(overrides?[name] ?? defaults)
            (indentation, position) = saved
        case .blockOverride:
            break
        case .escaping(let escaping):
            escapes = escaping
        }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        if escaped && escapes { output.appendEscapingHTML(text) } else { output += text }
    }

    private mutating func renderSection(_ value: TemplateData, _ body: [Node]) {
        switch value {
        case .none:
            return
        case .bool(let shown):
            if shown { render(body) }
        case .list(let list):
            let count = list.count
            guard count > 0 else { return }
            let outer = position
            for index in 0..<count {
                stack.append(list.item(index))
                position = ListPosition(first: index == 0, last: index == count - 1, index: index)
                render(body)
                stack.removeLast()
            }
            position = outer
        default:
            render(body, inside: value)
        }
    }

    /// The body with `value` as the innermost value, outside any list position.
    private mutating func render(_ body: [Node], inside value: TemplateData) {
        let outer = position
        stack.append(value)
        position = nil
        render(body)
        stack.removeLast()
        position = outer
    }

    private mutating func renderInverted(_ value: TemplateData, _ body: [Node]) {
        switch value {
        case .none:
            render(body)
        case .bool(let shown):
            if !shown { render(body) }
        case .list(let list):
            if list.count == 0 { render(body, inside: value) }
        default:
            return
        }
    }

    private func lookUp(_ name: TemplateName) -> TemplateData {
        var value: TemplateData
        switch name.root {
        case .position:
            value = position.map { .object($0) } ?? .none
        case .current:
            value = stack[stack.count - 1]
            for part in name.parts {
                value = value.child(named: part)
                if value.isNone { return .none }
            }
        case .stack:
            guard let first = name.parts.first else {
                value = stack[stack.count - 1]
                break
            }
            value = .none
            var level = stack.count - 1
            while level >= 0 {
                value = stack[level].child(named: first)
                if !value.isNone { break }
                level -= 1
            }
            if value.isNone { return .none }
            for part in name.parts.dropFirst() {
                value = value.child(named: part)
                if value.isNone { return .none }
            }
        }
        for transform in name.transforms.reversed() {
            value = value.transform(transform)
            if value.isNone { return .none }
        }
        return value
    }
}

/// The place of an item in the list a section walks: transforms `first`, `last`, `index`, `even`, `odd`.
struct ListPosition: TemplateObject, Hashable {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> TemplateData {
        switch name {
        case "first": return .bool(first)
        case "last": return .bool(last)
        case "index": return .int(index)
        case "even": return .bool(index & 1 == 0)
        case "odd": return .bool(index & 1 == 1)
        default: return .none
        }
    }

    var templateText: String { "MustacheSequenceContext(first: \(first), last: \(last), index: \(index))" }
}
