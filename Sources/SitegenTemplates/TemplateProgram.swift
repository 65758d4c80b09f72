/// A template's nodes laid out flat for rendering, in memory the program owns and as plain values:
/// the renderer reads an operation, a name or a piece of text in place, and copies no
/// reference-counted value out of the template. Every core renders the same few templates at once,
/// and retaining a value that another core retains too waits on that core's cache: walking the
/// nodes as Swift enums retained each node's box, about 4% of a cold build's CPU at 10,000 posts.
///
/// A section's body, a block's defaults and a parent tag's overrides follow their operation; the
/// operation says where the next one at its own level starts.
final class TemplateProgram: @unchecked Sendable {
    // @unchecked: the buffers are filled in `init`, never written after, and freed in `deinit`.

    struct Operation {
        enum Kind: UInt8 { case text, variable, section, invertedSection, partial, block, escaping }
        var kind: Kind
        /// A variable: escaped. Escaping: on.
        var flag = false
        /// Text: the first byte. Variable, section: the name. Partial, block: its entry.
        var first: Int32 = 0
        /// Text: how many bytes. Section, partial, block: the operation after its body.
        var second: Int32 = 0
    }

    /// A name as a tag writes it (see `TemplateName`): its parts and transforms among `words`.
    struct Name {
        var root: TemplateName.Root
        var parts: Range<Int32>
        var transforms: Range<Int32>
    }

    /// `{{> name}}`, `{{< parent}}`: rendered a few times a page, so kept as Swift values.
    struct Partial {
        var name: String
        var dynamic: Bool
        var indentation: String?
        /// The overrides of a `{{<parent}}`: each block's body among this program's operations.
        var overrides: [String: Range<Int32>]?
    }

    struct Block {
        var name: String
        var defaults: Range<Int32>
        var indentation: String
    }

    let operations: UnsafeMutableBufferPointer<Operation>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Name>
    /// The names' parts and transforms.
    let words: UnsafeMutableBufferPointer<String>
    let partials: [Partial]
    let blocks: [Block]
    /// The template's own operations, from the first: all of them.
    var main: Range<Int32> { 0..<Int32(operations.count) }

    init(_ nodes: [Node]) {
        var compiler = Compiler()
        compiler.emit(nodes)
        operations = .allocate(capacity: compiler.operations.count)
        _ = operations.initialize(from: compiler.operations)
        bytes = .allocate(capacity: compiler.bytes.count)
        _ = bytes.initialize(from: compiler.bytes)
        names = .allocate(capacity: compiler.names.count)
        _ = names.initialize(from: compiler.names)
        words = .allocate(capacity: compiler.words.count)
        _ = words.initialize(from: compiler.words)
        partials = compiler.partials
        blocks = compiler.blocks
    }

    deinit {
        operations.deallocate()
        bytes.deallocate()
        names.deallocate()
        words.deinitialize().deallocate()
    }

    /// The bytes of a text operation.
    func text(_ operation: Operation) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(operation.first)..<Int(operation.first + operation.second)])
    }

    private struct Compiler {
        var operations: [Operation] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var words: [String] = []
        var partials: [Partial] = []
        var blocks: [Block] = []

        mutating func emit(_ nodes: [Node]) {
            for node in nodes { emit(node) }
        }

        private mutating func emit(_ node: Node) {
            switch node {
            case .text(let text):
                guard !text.isEmpty else { return }
                operations.append(Operation(kind: .text, first: Int32(bytes.count), second: Int32(text.utf8.count)))
                bytes += text.utf8
            case .variable(let name, let escaped):
                operations.append(Operation(kind: .variable, flag: escaped, first: add(name)))
            case .section(let name, let inverted, let body):
                let at = operations.count
                operations.append(Operation(kind: inverted ? .invertedSection : .section, first: add(name)))
                emit(body)
                operations[at].second = Int32(operations.count)
            case .partial(let name, let dynamic, let indentation, let overrides):
                let at = operations.count
                operations.append(Operation(kind: .partial, first: Int32(partials.count)))
                partials.append(Partial(name: name, dynamic: dynamic, indentation: indentation))
                if let overrides {
                    var bodies: [String: Range<Int32>] = [:]
                    for (block, body) in overrides.sorted(by: { $0.key < $1.key }) {
                        let start = Int32(operations.count)
                        emit(body)
                        bodies[block] = start..<Int32(operations.count)
                    }
                    partials[Int(operations[at].first)].overrides = bodies
                }
                operations[at].second = Int32(operations.count)
            case .block(let name, let defaults, let indentation):
                let at = operations.count
                operations.append(Operation(kind: .block, first: Int32(blocks.count)))
                blocks.append(Block(name: name, defaults: 0..<0, indentation: indentation))
                let start = Int32(operations.count)
                emit(defaults)
                blocks[Int(operations[at].first)].defaults = start..<Int32(operations.count)
                operations[at].second = Int32(operations.count)
            case .blockOverride:
                // Outside a parent tag an override shows nothing.
                break
            case .escaping(let on):
                operations.append(Operation(kind: .escaping, flag: on))
            }
        }

        private mutating func add(_ name: TemplateName) -> Int32 {
            let parts = Int32(words.count)..<Int32(words.count + name.parts.count)
            words += name.parts
            let transforms = Int32(words.count)..<Int32(words.count + name.transforms.count)
            words += name.transforms
            names.append(Name(root: name.root, parts: parts, transforms: transforms))
            return Int32(names.count - 1)
        }
    }
}
