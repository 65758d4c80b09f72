import SitegenCore
import CCmarkGFM
import Foundation

/// GitHub's alerts: a quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or
/// `[!CAUTION]` becomes GitHub's callout markup, titled in the site's language.
extension Tree {
    static let alertKinds = ["note", "tip", "important", "warning", "caution"]

    func renderAlerts() {
        guard source.utf8Range(of: "[!") != nil else { return }
        for quote in nodes(of: [CMARK_NODE_BLOCK_QUOTE]) {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { continue }
            // The first line: cmark splits `[!NOTE]` into text nodes at the brackets.
            var firstLine: [OpaquePointer] = []
            var text = ""
            var lineEnd: OpaquePointer?
            for child in children(paragraph) {
                let type = cmark_node_get_type(child)
                if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    lineEnd = child
                    break
                }
                guard type == CMARK_NODE_TEXT else {
                    text = ""
                    break
                }
                firstLine.append(child)
                text += literal(child)
            }
            let marker = text.trimmingCharacters(in: .whitespaces)
            guard marker.hasPrefix("[!"), marker.hasSuffix("]") else { continue }
            let kind = marker.dropFirst(2).dropLast().lowercased()
            guard Self.alertKinds.contains(kind) else { continue }
            firstLine.forEach(remove)
            if let lineEnd { remove(lineEnd) }
            if cmark_node_first_child(paragraph) == nil { remove(paragraph) }
            guard let alert = newNode(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let title = options.alertTitles[kind] ?? kind.prefix(1).uppercased() + kind.dropFirst()
            cmark_node_set_on_enter(alert, "<div class=\"markdown-alert markdown-alert-\(kind)\">\n<p class=\"markdown-alert-title\">\(escapeHTML(title))</p>\n")
            cmark_node_set_on_exit(alert, "</div>\n")
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(alert, child)
            }
            cmark_node_replace(quote, alert)
            detach(quote)
        }
    }
}
