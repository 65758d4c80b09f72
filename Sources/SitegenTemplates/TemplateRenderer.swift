import SitegenCore

/// Renders compiled templates (`TemplateProgram`) into UTF-8 bytes. The context is a stack of values,
/// innermost last: a name is looked up from the innermost value outwards, as Mustache does; sections
/// push and pop instead of copying the stack.
struct TemplateRenderer {
    let partials: [String: Template]
    private var stack: [TemplateData]
    /// Where a list section stands (`{{index()}}`, `{{#first()}}`).
    private var position: ListPosition?
    /// A standalone partial's indentation, put before each line it writes after its first.
    private var indentation: String?
    /// The block overrides of the `{{<parent}}` tags being rendered, outermost first to win: each a
    /// body in the program of the template that wrote it.
    private var overrides: [String: (program: TemplateProgram, body: Range<Int32>)]?
    private var escapes = true
    private(set) var output: [UInt8] = []

    init(root: TemplateData, partials: [String: Template]) {
        self.partials = partials
        self.stack = [root]
        output.reserveCapacity(16 * 1024)
    }

    mutating func render(_ template: Template) {
        render(template.program, template.program.main)
    }

    /// The operations in `range` of `program`, those at its top level one after another.
    private mutating func render(_ program: TemplateProgram, _ range: Range<Int32>) {
        let escaping = escapes
        defer { escapes = escaping }
        guard let indentation, !indentation.isEmpty else {
            var index = range.lowerBound
            while index < range.upperBound { index = render(program, at: index) }
            return
        }
        // Indented: each operation's output goes after the indentation when what this range wrote
        // so far ends a line. The page so far is swapped out while an operation writes, not copied.
        var endsLine = false
        var outer: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            swap(&outer, &output)
            index = render(program, at: index)
            var piece: [UInt8] = []
            swap(&piece, &output)
            swap(&output, &outer)
            guard !piece.isEmpty else { continue }
            if endsLine { output += indentation.utf8 }
            output += piece
            endsLine = piece.last == UInt8(ascii: "\n")
        }
    }

    /// Renders the operation at `index`; returns where the next one at its level starts.
    private mutating func render(_ program: TemplateProgram, at index: Int32) -> Int32 {
        let operation = program.operations[Int(index)]
        switch operation.kind {
        case .text:
            output.append(contentsOf: program.text(operation))
        case .variable:
            let value = lookUp(program, program.names[Int(operation.first)])
            if case .text(let text) = value {
                write(text, escaped: operation.flag)
            } else if !value.isNone {
                write(value.text, escaped: operation.flag)
            }
        case .section, .invertedSection:
            let value = lookUp(program, program.names[Int(operation.first)])
            let body = index + 1..<operation.second
            if operation.kind == .invertedSection { renderInverted(value, program, body) } else { renderSection(value, program, body) }
            return operation.second
        case .partial:
            let partial = program.partials[Int(operation.first)]
            var partialName = partial.name
            if partial.dynamic {
                let parts = partial.name.split(separator: ".").map(String.init)
                let value = parts.withUnsafeBufferPointer { lookUp(root: .stack, parts: $0, transforms: UnsafeBufferPointer(start: nil, count: 0)) }
                guard case .text(let named) = value else { return operation.second }
                partialName = named
            }
            guard let template = partials[partialName] else { return operation.second }
            let saved = (indentation, overrides, position, escapes)
            if let indented = partial.indentation { indentation = (indentation ?? "") + indented }
            if let inherits = partial.overrides {
                let bodies = inherits.mapValues { (program: program, body: $0) }
                overrides = overrides.map { $0.merging(bodies) { outer, _ in outer } } ?? bodies
            }
            position = nil
            escapes = true
            render(template.program, template.program.main)
            (indentation, overrides, position, escapes) = saved
            return operation.second
        case .block:
            let block = program.blocks[Int(operation.first)]
            let saved = (indentation, position)
            indentation = (indentation ?? "") + block.indentation
            position = nil
            if let override = overrides?[block.name] {
                render(override.program, override.body)
            } else {
                render(program, block.defaults)
            }
            (indentation, position) = saved
            return operation.second
        case .escaping:
            escapes = operation.flag
        }
        return index + 1
    }

    private mutating func write(_ text: String, escaped: Bool) {
        if escaped && escapes { output.appendEscapingHTML(text) } else { output.appendUTF8(text) }
    }

    private mutating func renderSection(_ value: TemplateData, _ program: TemplateProgram, _ body: Range<Int32>) {
        switch value {
        case .none:
            return
        case .bool(let shown):
            if shown { render(program, body) }
        case .list(let list):
            let count = list.count
            guard count > 0 else { return }
            let outer = position
            for index in 0..<count {
                stack.append(list.item(index))
                position = ListPosition(first: index == 0, last: index == count - 1, index: index)
                render(program, body)
                stack.removeLast()
            }
            position = outer
        default:
            render(program, body, inside: value)
        }
    }

    /// The body with `value` as the innermost value, outside any list position.
    private mutating func render(_ program: TemplateProgram, _ body: Range<Int32>, inside value: TemplateData) {
        let outer = position
        stack.append(value)
        position = nil
        render(program, body)
        stack.removeLast()
        position = outer
    }

    private mutating func renderInverted(_ value: TemplateData, _ program: TemplateProgram, _ body: Range<Int32>) {
        switch value {
        case .none:
            render(program, body)
        case .bool(let shown):
            if !shown { render(program, body) }
        case .list(let list):
            if list.count == 0 { render(program, body, inside: value) }
        default:
            return
        }
    }

    private func lookUp(_ program: TemplateProgram, _ name: TemplateProgram.Name) -> TemplateData {
        lookUp(root: name.root, parts: UnsafeBufferPointer(rebasing: program.words[Int(name.parts.lowerBound)..<Int(name.parts.upperBound)]),
               transforms: UnsafeBufferPointer(rebasing: program.words[Int(name.transforms.lowerBound)..<Int(name.transforms.upperBound)]))
    }

    private func lookUp(root: TemplateName.Root, parts: UnsafeBufferPointer<String>, transforms: UnsafeBufferPointer<String>) -> TemplateData {
        var value: TemplateData
        switch root {
        case .position:
            value = position.map { .object($0) } ?? .none
        case .current:
            value = stack[stack.count - 1]
            for part in parts {
                value = value.child(named: part)
                if value.isNone { return .none }
            }
        case .stack:
            guard let first = parts.first else {
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
            for part in parts.dropFirst() {
                value = value.child(named: part)
                if value.isNone { return .none }
            }
        }
        for transform in transforms.reversed() {
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
