/// Reads a template's text into nodes. Whitespace follows the Mustache spec's rules for standalone
/// lines, as swift-mustache applied them (themes were written against it, and pages must come out
/// byte for byte as they did): a section, comment, partial, block or delimiter tag alone on its line
/// takes the line's indentation and line break with it; a standalone partial indents every line it
/// writes after its first by that indentation; lines inside `{{$block}}` overrides lose the
/// indentation of the override's first line.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0
    /// Every `{{> name}}` and `{{< name}}` read, where its tag opens; dynamic names left out.
    private(set) var references: [PartialReference] = []

    init(_ text: String) {
        characters = Array(text)
    }

    private struct State {
        var section: TemplateName?
        var newLine = true
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        /// Inside `{{<parent}}`: at its top level, or anywhere within.
        var inInheritance = false
        var atInheritanceTop = false
        /// Inside an override: the first line's indentation, taken off every line.
        var overrideIndent: Int?
    }

    mutating func parseAll() throws(TemplateSyntaxError) -> [Node] {
        try parse(State())
    }

    // MARK: - The text

    private var atEnd: Bool { position >= characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private static func isNewline(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }

    @discardableResult
    private mutating func skip(while test: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, test(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func skipSpaces() -> String { skip { $0 == " " || $0 == "\t" } }

    private mutating func take(_ expected: [Character]) -> Bool {
        guard position + expected.count <= characters.count, Array(characters[position..<position + expected.count]) == expected else { return false }
        position += expected.count
        return true
    }

    private func error(_ reason: TemplateSyntaxError.Reason, at index: Int? = nil) -> TemplateSyntaxError {
        let (line, column) = location(of: index ?? position)
        return TemplateSyntaxError(reason: reason, line: line, column: column)
    }

    /// The line and column of the character at `index`, counting from 1.
    private func location(of index: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in characters[..<min(index, characters.count)] {
            if Self.isNewline(character) {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    private mutating func noteReference(_ name: String, dynamic: Bool, tagStart: Int) {
        guard !dynamic, !name.isEmpty else { return }
        let (line, column) = location(of: tagStart)
        references.append(PartialReference(name: name, line: line, column: column))
    }

    // MARK: - Tags

    private mutating func parse(_ entered: State) throws(TemplateSyntaxError) -> [Node] {
        var nodes: [Node] = []
        var state = entered
        var indent = ""
        while !atEnd {
            if state.newLine {
                let spaces = skipSpaces()
                if state.inInheritance, !state.atInheritanceTop {
                    if let taken = state.overrideIndent {
                        indent = String(spaces.dropFirst(taken))
                    } else {
                        state.overrideIndent = spaces.count
                    }
                } else {
                    indent = spaces
                }
            }
            let text = readText(state)
            if Self.isNewline(current) {
                nodes.append(.text(indent + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(indent + text))
                indent = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = position - state.open.count

            func flushIndent() {
                if !indent.isEmpty { nodes.append(.text(indent)) }
                indent = ""
            }
            var standalone = false
            let sigil = current
            switch sigil {
            case "#", "^":
                position += 1
                let name = try readName(state)
                if isStandalone(state) { standalone = true } else { flushIndent() }
                var inner = state
                inner.section = name
                inner.atInheritanceTop = false
                if !standalone { inner.newLine = false }
                let body = try parse(inner)
                nodes.append(.section(name, inverted: sigil == "^", body: body))

            case "/":
                position += 1
                let start = position
                let name = try readName(state)
                guard let open = state.section, name.written == open.written else {
                    throw error(.sectionCloseNameIncorrect, at: start)
                }
                if !isStandalone(state) { flushIndent() }
                return nodes

            case "!":
                position += 1
                guard skip(untilAfter: state.close) else { throw error(.unfinishedName) }
                standalone = isStandalone(state)

            case "{", "&":
                flushIndent()
                position += 1
                let name = try readName(state)
                if sigil == "{" { guard take(["}"]) else { throw error(.unfinishedName) } }
                nodes.append(.variable(name, escaped: false))

            case ">":
                position += 1
                skip { $0.isWhitespace }
                let dynamic = take(["*"])
                let name = try readPartialName(state)
                noteReference(name, dynamic: dynamic, tagStart: tagStart)
                if !indent.isEmpty { nodes.append(.text(indent)) }
                standalone = isStandalone(state)
                nodes.append(.partial(name: name, dynamic: dynamic, indentation: standalone ? indent : nil, overrides: nil))
                indent = ""

            case "<":
                position += 1
                skip { $0.isWhitespace }
                let written = try readPartialName(state)
                noteReference(written, dynamic: written.hasPrefix("*"), tagStart: tagStart)
                if !indent.isEmpty { nodes.append(.text(indent)) }
                standalone = isStandalone(state)
                var inner = state
                inner.section = TemplateName(root: .stack, parts: [], transforms: [], written: written)
                inner.newLine = true
                inner.inInheritance = true
                inner.atInheritanceTop = true
                var overrides: [String: [Node]] = [:]
                for node in try parse(inner) {
                    switch node {
                    case .blockOverride(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw error(.illegalTokenInsideInheritSection)
                    }
                }
                let dynamic = written.hasPrefix("*")
                nodes.append(.partial(name: dynamic ? String(written.dropFirst()) : written, dynamic: dynamic, indentation: indent, overrides: overrides))
                indent = ""

            case "$":
                position += 1
                let name = try readName(state)
                guard name.transforms.isEmpty else { throw error(.transformAppliedToInheritanceSection) }
                let blockName = name.written
                if state.atInheritanceTop {
                    standalone = isStandalone(state)
                    var inner = state
                    inner.section = name
                    inner.atInheritanceTop = false
                    if !standalone { inner.newLine = false }
                    nodes.append(.blockOverride(name: blockName, body: try parse(inner)))
                } else {
                    if !indent.isEmpty { nodes.append(.text(indent)) }
                    standalone = isStandalone(state)
                    var inner = state
                    inner.section = name
                    inner.atInheritanceTop = false
                    if !standalone { inner.newLine = false }
                    nodes.append(.block(name: blockName, defaults: try parse(inner), indentation: indent))
                    indent = ""
                }

            case "=":
                position += 1
                try readDelimiters(&state)
                standalone = isStandalone(state)

            case "%":
                position += 1
                nodes.append(try readPragma(state))
                standalone = isStandalone(state)

            default:
                flushIndent()
                nodes.append(.variable(try readName(state), escaped: true))
            }
            state.newLine = standalone
        }
        if state.section != nil { throw error(.expectedSectionEnd) }
        return nodes
    }

    /// Text up to a line break (left unread) or past the next opening delimiter.
    private mutating func readText(_ state: State) -> String {
        var text = ""
        while !atEnd {
            let character = characters[position]
            if Self.isNewline(character) { break }
            if character == state.open[0], take(state.open) { break }
            text.append(character)
            position += 1
        }
        return text
    }

    /// After a tag: whether its line holds nothing else. If so, the line's break is read too.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        guard probe < characters.count, Self.isNewline(characters[probe]) else { return false }
        position = probe + 1
        return true
    }

    private mutating func skip(untilAfter delimiter: [Character]) -> Bool {
        while !atEnd {
            if take(delimiter) { return true }
            position += 1
        }
        return false
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".-_?*".contains(character))
    }

    /// A tag's name up to the closing delimiter: `page.title`, `short(page.date)`, `index()`.
    private mutating func readName(_ state: State) throws(TemplateSyntaxError) -> TemplateName {
        skip { $0.isWhitespace }
        let written = skip { Self.isNameCharacter($0) || $0 == "(" || $0 == ")" }
        skip { $0.isWhitespace }
        guard take(state.close) else { throw error(.unfinishedName) }
        var transforms: [String] = []
        var name = Substring(written)
        if written.contains("(") || written.contains(")") {
            // `a(b(x))`: the transforms outermost first, then the value, then one `)` for each.
            var rest = Substring(written)
            while let open = rest.firstIndex(of: "(") {
                let transform = rest[..<open]
                guard !transform.contains(")") else { throw error(.unfinishedName) }
                transforms.append(String(transform))
                rest = rest[rest.index(after: open)...]
            }
            let value = rest.prefix { $0 != ")" }
            let closing = rest.dropFirst(value.count)
            guard !transforms.isEmpty, closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else {
                throw error(.unfinishedName)
            }
            name = value
        }
        let root: TemplateName.Root
        if name == "." || name.hasPrefix(".") {
            root = .current
        } else if name.isEmpty, !transforms.isEmpty {
            root = .position
        } else {
            root = .stack
        }
        let parts = name.split(separator: ".").map(String.init)
        return TemplateName(root: root, parts: parts, transforms: transforms, written: written)
    }

    private mutating func readPartialName(_ state: State) throws(TemplateSyntaxError) -> String {
        skip { $0.isWhitespace }
        let name = skip { Self.isNameCharacter($0) || $0 == "(" || $0 == ")" || $0 == "/" }
        skip { $0.isWhitespace }
        guard take(state.close) else { throw error(.unfinishedName) }
        return name
    }

    /// `{{=<% %>=}}`.
    private mutating func readDelimiters(_ state: inout State) throws(TemplateSyntaxError) {
        skip { $0.isWhitespace }
        let open = skip { !$0.isWhitespace }
        guard !atEnd else { throw error(.invalidSetDelimiter) }
        skip { $0.isWhitespace }
        let close = skip { !$0.isWhitespace && $0 != "=" }
        guard !atEnd else { throw error(.invalidSetDelimiter) }
        skip { $0.isWhitespace }
        guard take(["="]), take(state.close), !open.isEmpty, !close.isEmpty else { throw error(.invalidSetDelimiter) }
        state.open = Array(open)
        state.close = Array(close)
        state.atInheritanceTop = false
    }

    /// `{{% CONTENT_TYPE: TEXT }}` or `HTML` (and `SITEGEN_HTML`, which themes could name before).
    private mutating func readPragma(_ state: State) throws(TemplateSyntaxError) -> Node {
        let word = { (character: Character) in Self.isNameCharacter(character) }
        skip { $0.isWhitespace }
        let variable = skip(while: word)
        skip { $0.isWhitespace }
        guard take([":"]) else { throw error(.invalidConfigVariableSyntax) }
        skip { $0.isWhitespace }
        let value = skip(while: word)
        skip { $0.isWhitespace }
        guard take(state.close), !variable.isEmpty, !value.isEmpty else { throw error(.invalidConfigVariableSyntax) }
        switch (variable, value) {
        case ("CONTENT_TYPE", "HTML"), ("CONTENT_TYPE", "SITEGEN_HTML"): return .escaping(true)
        case ("CONTENT_TYPE", "TEXT"): return .escaping(false)
        default: throw error(.unrecognisedConfigVariable)
        }
    }
}
