import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// Heading ids, the leading H1 as the title, `{#custom-id}`.
extension Tree {
    /// Gives every heading its id (kramdown `#id`, then `{#id}`, then GitHub's slug), takes the
    /// leading H1 out as the title when it is one, and returns the rest in order.
    func identifyHeadings(writeIDs: Bool) -> (title: String?, titleID: String?, headings: [Heading]) {
        let headingNodes = nodes(of: [CMARK_NODE_HEADING])
        let titleNode = leadingTitle(headingNodes)
        var ids = UniqueSlugs(capacity: headingNodes.count)
        var headings: [Heading] = []
        var title: String?
        var titleID: String?
        for node in headingNodes {
            var text = plainText(node)
            let customID = takeCustomID(node, text: &text)
            let attributes = headingAttributes[node]
            let id = ids.claim(attributes?.id ?? customID ?? Slug.heading(text))
            let level = Int(cmark_node_get_heading_level(node))
            if node == titleNode {
                (title, titleID) = (text, id)
                continue
            }
            headings.append(Heading(level: level, id: id, text: text))
            if writeIDs {
                var html = attributes ?? BlockAttributes()
                html.id = id
                replaceInlineContainer(node, open: "<h\(level)\(html.html(safe: !options.allowsRawHTML))>", close: "</h\(level)>")
            }
        }
        if let titleNode { remove(titleNode) }
        return (title, titleID, headings)
    }

    /// The first block when it is an H1 that names the page. With a front matter title, only an H1
    /// that repeats it; else the only H1, or one that says what the file name says (a Notion export,
    /// whose body may hold more H1s).
    private func leadingTitle(_ headingNodes: [OpaquePointer]) -> OpaquePointer? {
        guard let first = cmark_node_first_child(document),
              cmark_node_get_type(first) == CMARK_NODE_HEADING, cmark_node_get_heading_level(first) == 1 else { return nil }
        var text = plainText(first)
        if text.hasSuffix("}"), let range = text.range(of: " {#", options: .backwards) { text.removeSubrange(range.lowerBound...) }
        let name = normalized(text)
        if let title = options.frontMatterTitle { return name == normalized(title) ? first : nil }
        let h1Count = headingNodes.count { cmark_node_get_heading_level($0) == 1 }
        return h1Count == 1 || name == normalized(options.fileTitle) ? first : nil
    }

    private func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
    }

    /// Removes a trailing `{#custom-id}` from the heading's last text and returns the id.
    private func takeCustomID(_ heading: OpaquePointer, text: inout String) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return nil }
        let value = literal(last)
        guard value.hasSuffix("}"), let open = value.range(of: "{#", options: .backwards) else { return nil }
        let id = String(value[open.upperBound..<value.index(before: value.endIndex)])
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        var remaining = String(value[..<open.lowerBound])
        while remaining.last == " " { remaining.removeLast() }
        cmark_node_set_literal(last, remaining)
        if let textRange = text.range(of: "{#" + id + "}", options: .backwards) {
            text.removeSubrange(textRange)
            while text.last == " " { text.removeLast() }
        }
        return id
    }
}
