import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// Relative links to the site's documents and files, and in-page links of excerpts.
extension Tree {
    /// Relative links to other Markdown files become links to their pages, and relative links to
    /// files become site paths; a link to a file that is not there is a located warning.
    func rewriteLinks() {
        guard let targets = options.linkTargets else { return }
        for node in nodes(of: [CMARK_NODE_LINK, CMARK_NODE_IMAGE]) {
            guard let pointer = cmark_node_get_url(node) else { continue }
            let url = String(cString: pointer)
            let resolution = targets.resolve(url, from: options.folder)
            if resolution != .unchanged { resolvedLinks.append(ResolvedLink(url: url, resolution: resolution)) }
            if firstImage == nil, cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                if case .rewritten(let href) = resolution { firstImage = href } else { firstImage = url }
            }
            switch resolution {
            case .unchanged:
                continue
            case .rewritten(let href):
                cmark_node_set_url(node, href)
            case .missing(let path):
                let what = cmark_node_get_type(node) == CMARK_NODE_IMAGE ? "image" : "link"
                diagnostics.add(.warning(at: SourceLocation(path: options.path, line: fileLine(of: node)),
                                            "\(what) to '\(url)': there is no content/\(path)"))
            }
        }
    }

    /// Every link and image as the page will have it, with its file line: Markdown ones by their
    /// node, raw HTML ones by their attribute's place in the node's text.
    func links() -> [BodyLink] {
        var links: [BodyLink] = []
        for node in nodes(of: [CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE]) {
            let line = fileLine(of: node)
            let column = max(1, Int(cmark_node_get_start_column(node)))
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                guard let pointer = cmark_node_get_url(node) else { continue }
                links.append(BodyLink(url: String(cString: pointer), line: line, column: column))
                continue
            }
            let html = literal(node)
            guard html.utf8Contains(byte: UInt8(ascii: "=")) else { continue }
            for (value, offset) in HTMLAttributes.values(named: ["href", "src"], in: html) {
                let before = html.utf8.prefix(offset)
                let newlines = before.count { $0 == UInt8(ascii: "\n") }
                let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
                let columnInLine = String(decoding: before.dropFirst(lineStart), as: UTF8.self).count + 1
                links.append(BodyLink(url: value, line: line + newlines, column: newlines == 0 ? column + columnInLine - 1 : columnInLine))
            }
        }
        return links
    }

    /// `#section` → `/posts/x/#section`, for text shown away from its page.
    func pointInPageLinksAtThePage(within root: OpaquePointer) {
        guard let page = options.pageHref else { return }
        var links: [OpaquePointer] = []
        walk(from: root) { node in
            if cmark_node_get_type(node) == CMARK_NODE_LINK { links.append(node) }
        }
        for link in links {
            guard let url = cmark_node_get_url(link).map({ String(cString: $0) }), url.hasPrefix("#") else { continue }
            cmark_node_set_url(link, page + url)
        }
    }
}
