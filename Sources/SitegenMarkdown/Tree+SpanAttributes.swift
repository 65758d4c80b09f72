import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// kramdown span attribute lists right after a link or an image, as Jekyll posts write them:
/// `![banner](a.png){: width="720"}`, `[site](https://x){:target="_blank"}`.
extension Tree {
    /// The list leaves the text and its attributes land on the link or image.
    func applySpanAttributes() {
        // Most documents have no list at all: no second walk of their tree for them.
        guard source.utf8Range(of: "{:") != nil else { return }
        for node in nodes(of: [CMARK_NODE_LINK, CMARK_NODE_IMAGE]) {
            guard let (attributes, consumed) = attributeList(after: node) else { continue }
            for (text, rest) in consumed {
                if rest.isEmpty { remove(text) } else { cmark_node_set_literal(text, rest) }
            }
            replaceWithAttributes(node, attributes)
        }
    }

    /// The `{: … }` list that starts the text after `node` (cmark may split that text into several
    /// nodes at `:` or `w`), and each text node it takes from, with what is left of it.
    private func attributeList(after node: OpaquePointer) -> (BlockAttributes, [(OpaquePointer, String)])? {
        var texts: [(node: OpaquePointer, literal: String)] = []
        var next = cmark_node_next(node)
        var joined = ""
        while let current = next, cmark_node_get_type(current) == CMARK_NODE_TEXT, !joined.contains("}") {
            let text = literal(current)
            texts.append((current, text))
            joined += text
            if !joined.hasPrefix("{") || (joined.count >= 2 && !joined.hasPrefix("{:")) { return nil }
            next = cmark_node_next(current)
        }
        guard joined.hasPrefix("{:"), let close = joined.firstIndex(of: "}"),
              let attributes = BlockAttributes(line: String(joined[...close])) else { return nil }
        var remaining = joined.distance(from: joined.startIndex, to: close) + 1
        var consumed: [(OpaquePointer, String)] = []
        for (text, literal) in texts where remaining > 0 {
            let taken = min(remaining, literal.count)
            consumed.append((text, String(literal.dropFirst(taken))))
            remaining -= taken
        }
        return (attributes, consumed)
    }

    /// The link or image written as HTML with its attributes, the link's text still rendered by cmark.
    private func replaceWithAttributes(_ node: OpaquePointer, _ attributes: BlockAttributes) {
        guard let element = newNode(CMARK_NODE_CUSTOM_INLINE) else { return }
        let safe = !options.allowsRawHTML
        var url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if safe && !BlockAttributes.isSafe(key: "href", value: url) { url = "" }
        let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
        let titleAttribute = title.isEmpty ? "" : " title=\"\(escapeHTML(title))\""
        if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
            let alt = plainText(node)
            customText[element] = alt
            cmark_node_set_on_enter(element, imageTag(url: url, file: options.linkTargets?.siteFile(at: url), alt: alt, title: title, attributes: attributes))
            cmark_node_set_on_exit(element, "")
        } else {
            cmark_node_set_on_enter(element, "<a href=\"\(escapeHTML(url))\"\(titleAttribute)\(attributes.html(safe: safe))>")
            cmark_node_set_on_exit(element, "</a>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(element, child)
            }
        }
        cmark_node_replace(node, element)
        detach(node)
    }
}
