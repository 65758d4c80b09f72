import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// kramdown block attribute lines (`{: .box-note}`) and the blocks they land on.
extension Tree {
    /// `{: .box-note}` on the line before a block applies to that block, on the line after to the
    /// block before; a line of its own applies to the next block. The attribute text never shows.
    func applyBlockAttributes() {
        // Every attribute line starts with `{:`: a body without one has nothing to walk for.
        guard source.utf8Contains("{:") else { return }
        applyTableAttributeRows()
        for paragraph in nodes(of: [CMARK_NODE_PARAGRAPH]) {
            var lines = lineGroups(paragraph)
            if lines.count == 1, let attributes = lines[0].text.flatMap(BlockAttributes.init(line:)) {
                let target = standaloneTarget(paragraph)
                remove(paragraph)
                if let target { apply(attributes, to: target) }
                continue
            }
            var found: BlockAttributes?
            if lines.count > 1, let attributes = lines[0].text.flatMap(BlockAttributes.init(line:)) {
                lines[0].nodes.forEach(remove)
                lines.removeFirst()
                found = attributes
            }
            if lines.count > 1, let last = lines.last, let attributes = last.text.flatMap(BlockAttributes.init(line:)) {
                last.nodes.forEach(remove)
                // Chirpy's `> text` then `{: .prompt-tip }`: the line without `>` continues the quote's
                // paragraph lazily, but kramdown gives it to the quote itself.
                if let quote = lazilyQuoted(paragraph) {
                    apply(attributes, to: quote)
                } else if let list = lazilyListed(paragraph) {
                    // `- item` then `{: .x }` unindented: kramdown ends the list there and gives it the list.
                    apply(attributes, to: list)
                } else {
                    found = merged(found, attributes)
                }
            }
            if let trailing = cmark_node_last_child(paragraph), cmark_node_get_type(trailing) == CMARK_NODE_SOFTBREAK {
                remove(trailing)
            }
            if let found { apply(found, to: paragraph) }
        }
    }

    /// The block a line of its own applies to: the one it touches without a blank line (the block
    /// before first, as kramdown reads a line after a block), else the next block, else the one before.
    private func standaloneTarget(_ line: OpaquePointer) -> OpaquePointer? {
        let previous = cmark_node_previous(line)
        let next = cmark_node_next(line)
        let start = cmark_node_get_start_line(line)
        if let previous, cmark_node_get_end_line(previous) + 1 == start { return previous }
        return next ?? previous
    }

    /// A paragraph's lines: the inline nodes of each, with the break that ends it, and its text
    /// when the line is plain text only.
    private func lineGroups(_ paragraph: OpaquePointer) -> [(nodes: [OpaquePointer], text: String?)] {
        var groups: [(nodes: [OpaquePointer], text: String?)] = [([], "")]
        for child in children(paragraph) {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                // The break goes with the line after it, so dropping the first line keeps the rest joined
                // and dropping the last line drops the break before it.
                groups.append(([child], ""))
                continue
            }
            let index = groups.count - 1
            groups[index].nodes.append(child)
            if type == CMARK_NODE_TEXT, let text = groups[index].text {
                groups[index].text = text + literal(child)
            } else {
                groups[index].text = nil
            }
        }
        if groups.count > 1, let firstBreak = groups[1].nodes.first {
            // Move the first break to the first line: removing that line then removes its break too.
            groups[1].nodes.removeFirst()
            groups[0].nodes.append(firstBreak)
        }
        return groups
    }

    private func merged(_ a: BlockAttributes?, _ b: BlockAttributes) -> BlockAttributes {
        guard var result = a else { return b }
        result.id = b.id ?? result.id
        result.classes += b.classes
        result.pairs += b.pairs
        return result
    }

    /// A table whose last row is only an attribute line (`{: .x }` right under the table, which GFM
    /// reads as one more row): the row goes, and the table takes the attributes.
    private func applyTableAttributeRows() {
        for table in allTables() {
            guard let row = cmark_node_last_child(table), row != cmark_node_first_child(table) else { continue }
            let cells = children(row)
            guard let first = cells.first, cells.dropFirst().allSatisfy({ cmark_node_first_child($0) == nil }),
                  let attributes = BlockAttributes(line: plainText(first)) else { continue }
            remove(row)
            apply(attributes, to: table)
        }
    }

    private func allTables() -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        walk(from: document) { node in
            if Self.isTable(node) { found.append(node) }
        }
        return found
    }

    /// The list whose last item's last paragraph ends in a line written at the list's own indent or less.
    private func lazilyListed(_ paragraph: OpaquePointer) -> OpaquePointer? {
        guard let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
              cmark_node_last_child(item) == paragraph, let list = cmark_node_parent(item),
              cmark_node_last_child(list) == item else { return nil }
        let line = sourceLine(Int(cmark_node_get_end_line(paragraph)))
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        return indent < Int(cmark_node_get_start_column(paragraph)) - 1 ? list : nil
    }

    /// The block quote whose last paragraph ends in a line written without `>`.
    private func lazilyQuoted(_ paragraph: OpaquePointer) -> OpaquePointer? {
        guard let quote = cmark_node_parent(paragraph), cmark_node_get_type(quote) == CMARK_NODE_BLOCK_QUOTE,
              cmark_node_last_child(quote) == paragraph else { return nil }
        let line = sourceLine(Int(cmark_node_get_end_line(paragraph)))
        return line.drop { $0 == " " || $0 == "\t" }.first == ">" ? nil : quote
    }

    static func isTable(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type_string(node).map { String(cString: $0) } == "table"
    }

    static func attributeMarker(_ index: Int) -> String { "<!--sitegen-attributes-\(index)-->" }

    /// Moves each marked list's, table's and code block's attributes onto its opening tag, which
    /// follows the marker in cmark's HTML.
    static func htmlMarker(_ index: Int) -> String { "\u{2}sitegen-html-\(index)\u{3}" }

    func placeMarkedAttributes(in html: String) -> String {
        var html = html
        for (index, replacement) in markedHTML.enumerated() {
            html = html.utf8Replacing("<code>" + Self.htmlMarker(index) + "</code>", with: replacement)
        }
        guard !markedAttributes.isEmpty else { return html }
        for (index, attributes) in markedAttributes.enumerated() {
            guard let marker = html.utf8Range(of: Self.attributeMarker(index)) else { continue }
            var end = marker.upperBound
            while end < html.endIndex, html[end] == "\n" { end = html.index(after: end) }
            let rest = html[end...]
            var replacement = ""
            for tag in ["<ul", "<ol", "<table", "<pre"] where rest.hasPrefix(tag) {
                replacement = tag + attributes
                end = html.index(end, offsetBy: tag.count)
                break
            }
            html.replaceSubrange(marker.lowerBound..<end, with: replacement)
        }
        return html
    }

    private func apply(_ attributes: BlockAttributes, to node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_BLOCK_QUOTE, let quote = newNode(CMARK_NODE_CUSTOM_BLOCK) {
            // The quote itself carries them, as cmark writes a quote: `<blockquote>`, its blocks, `</blockquote>`.
            cmark_node_set_on_enter(quote, "<blockquote\(attributes.html(safe: !options.allowsRawHTML))>")
            cmark_node_set_on_exit(quote, "</blockquote>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(quote, child)
            }
            cmark_node_replace(node, quote)
            detach(node)
        } else if type == CMARK_NODE_PARAGRAPH {
            if let block = replaceInlineContainer(node, open: "<p\(attributes.html(safe: !options.allowsRawHTML))>", close: "</p>") {
                attributedParagraphs.insert(block)
            }
        } else if type == CMARK_NODE_HEADING {
            headingAttributes[node] = merged(headingAttributes[node], attributes)
        } else if type == CMARK_NODE_LIST || type == CMARK_NODE_CODE_BLOCK || Self.isTable(node),
                  let marker = newNode(CMARK_NODE_CUSTOM_BLOCK) {
            // kramdown puts them on the element itself: `<ul class="…">`, `<table …>`, `<pre …>`.
            cmark_node_set_on_enter(marker, Self.attributeMarker(markedAttributes.count))
            cmark_node_set_on_exit(marker, "")
            markedAttributes.append(attributes.html(safe: !options.allowsRawHTML))
            cmark_node_insert_before(node, marker)
        } else if let wrapper = newNode(CMARK_NODE_CUSTOM_BLOCK) {
            cmark_node_set_on_enter(wrapper, "<div\(attributes.html(safe: !options.allowsRawHTML))>")
            cmark_node_set_on_exit(wrapper, "</div>")
            cmark_node_insert_before(node, wrapper)
            cmark_node_unlink(node)
            cmark_node_append_child(wrapper, node)
        }
    }
}
