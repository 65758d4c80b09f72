import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// One parsed document's tree and the rewrites made to it. Lives only inside one render call; its
/// passes are in the `Tree+…` files beside this one, all of them inside the C boundary of this module.
final class Tree {
    let document: OpaquePointer
    let options: MarkdownOptions
    var diagnostics = Diagnostics()
    var resolvedLinks: [ResolvedLink] = []
    /// The site's image files the body shows, with the size each had (see `Rendered.measuredImages`).
    var measuredImages: [String: ImageSize?] = [:]
    /// The first Markdown image's address (a kramdown-attributed one included).
    var firstImage: String?
    /// The readable text of custom nodes that took the place of text (an image's alt, a figure's
    /// caption), for the search index and reading time.
    var customText: [OpaquePointer: String] = [:]
    /// Attributes from kramdown lines meant for headings, applied when the heading is rewritten.
    var headingAttributes: [OpaquePointer: BlockAttributes] = [:]
    /// Paragraphs that became custom blocks to carry attributes; they still count as paragraphs.
    var attributedParagraphs: Set<OpaquePointer> = []
    /// Attributes for lists, tables and code blocks, whose opening tag cmark writes itself: each is
    /// marked in the tree and moved onto that tag once the HTML is written (`placeMarkedAttributes`).
    var markedAttributes: [String] = []
    /// HTML for inline code nodes that hold `htmlMarker(i)`, put in place of `<code>marker</code>`
    /// once the HTML is written (math in a table cell, where cmark allows no custom inline).
    var markedHTML: [String] = []
    /// Blocks taken out of the tree whose inlines moved elsewhere. cmark's text literals point into
    /// their block's content buffer, so these are freed only after rendering.
    private(set) var detached: [OpaquePointer] = []

    /// The Markdown the tree was parsed from, for what the tree does not keep (a quote's `>`).
    let source: String
    /// The allocator the tree was parsed with: cmark joins only nodes made with the same one.
    let allocator: UnsafeMutablePointer<cmark_mem>

    init(document: OpaquePointer, options: MarkdownOptions, source: String, allocator: UnsafeMutablePointer<cmark_mem>) {
        self.document = document
        self.options = options
        self.source = source
        self.allocator = allocator
    }

    /// A new node to put in this tree.
    func newNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new_with_mem(type, allocator)
    }

    /// Line `number` (1-based) of the source.
    func sourceLine(_ number: Int) -> Substring {
        var rest = Substring(source)
        for _ in 1..<max(number, 1) {
            guard let newline = rest.firstIndex(of: "\n") else { return "" }
            rest = rest[rest.index(after: newline)...]
        }
        return rest.prefix { $0 != "\n" }
    }

    // MARK: Walking

    /// Every node of `types` in document order. Collected first: the tree must not change while it is walked.
    func nodes(of types: [cmark_node_type]) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        walk(from: document) { node in
            if types.contains(cmark_node_get_type(node)) { found.append(node) }
        }
        return found
    }

    /// Visits `root` and every node under it, in document order (as cmark's iterator enters them),
    /// by the tree's links: an iterator costs a few calls per node and event, and the passes walk
    /// every body several times. `visit` must not change the tree.
    func walk(from root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        var next: OpaquePointer? = root
        while let node = next {
            visit(node)
            if let child = cmark_node_first_child(node) {
                next = child
                continue
            }
            next = nil
            var climbing = node
            while climbing != root {
                if let sibling = cmark_node_next(climbing) {
                    next = sibling
                    break
                }
                guard let parent = cmark_node_parent(climbing) else { break }
                climbing = parent
            }
        }
    }

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Whether a node's literal starts with `byte`, read in place (no string is made).
    func literal(_ node: OpaquePointer, startsWith byte: UInt8) -> Bool {
        cmark_node_get_literal(node).map { UInt8(bitPattern: $0.pointee) == byte } ?? false
    }

    /// A node's literal as UTF-8, read in place; nothing is called for a node without one.
    func withLiteral(_ node: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let count = strlen(literal)
        literal.withMemoryRebound(to: UInt8.self, capacity: count) { body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The text of a node's inlines without markup.
    func plainText(_ node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        appendPlainText(node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Gathered as UTF-8 from cmark's literals: a string is made once, not one per text node.
    private func appendPlainText(_ node: OpaquePointer, to bytes: inout [UInt8]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                withLiteral(current) { bytes.append(contentsOf: $0) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                bytes.append(0x20)
            } else {
                appendPlainText(current, to: &bytes)
            }
            child = cmark_node_next(current)
        }
    }

    /// The file line of a node: its own, or its closest block ancestor's.
    func fileLine(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return options.bodyFirstLine + line - 1 }
            current = cmark_node_parent(candidate)
        }
        return options.bodyFirstLine
    }

    func remove(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Replaces a paragraph or heading with `open` + its inlines + `close`, cmark still rendering
    /// and escaping the inlines: a custom block holding a custom inline.
    @discardableResult
    func replaceInlineContainer(_ node: OpaquePointer, open: String, close: String) -> OpaquePointer? {
        // The block's own enter and exit stay unset: cmark writes nothing for an empty one.
        guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK), let inline = newNode(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(inline, open)
        cmark_node_set_on_exit(inline, close)
        cmark_node_append_child(block, inline)
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(inline, child)
        }
        cmark_node_replace(node, block)
        detached.append(node)
        return block
    }

    /// Keeps a node taken out of the tree until rendering is done (see `detached`).
    func detach(_ node: OpaquePointer) {
        detached.append(node)
    }

    func releaseDetached() {
        detached.forEach { cmark_node_free($0) }
        detached.removeAll()
    }

    /// Puts `html` in place of `node`.
    func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }
}
