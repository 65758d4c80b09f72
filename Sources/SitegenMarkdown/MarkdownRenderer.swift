import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// Renders Markdown with libcmark-gfm. This file is the only place that touches the C library:
/// it parses, walks and rewrites cmark's tree, renders, frees, and hands back Swift values.
public enum MarkdownRenderer {
    /// Renders one document body. Pure: the same body and options give the same value.
    public static func render(_ body: String, options: MarkdownOptions = MarkdownOptions()) -> Rendered {
        let separator = options.excerptSeparator
        let hasSeparator = !separator.isEmpty && body.contains(separator)
        let source = hasSeparator ? body.replacingOccurrences(of: separator, with: "") : body
        var rendered = renderTree(source, options: options, headingIDs: true)
        if hasSeparator, let cut = body.range(of: separator) {
            rendered.excerptHTML = renderTree(String(body[..<cut.lowerBound]), options: options, headingIDs: false).html
        }
        return rendered
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    private static let parseOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
    private static let renderOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    /// Registers the GFM extensions once, before any parser looks them up.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static func renderTree(_ markdown: String, options: MarkdownOptions, headingIDs: Bool) -> Rendered {
        precondition(extensionsRegistered)
        guard let parser = cmark_parser_new(parseOptions) else { return emptyRendering }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return emptyRendering }
        defer { cmark_node_free(document) }

        let headingNodes = collectHeadings(document)
        var ids = UniqueSlugs()
        var headings: [Heading] = []
        var title: String?
        var titleID: String?
        let titleNode = leadingTitle(document, headingNodes: headingNodes, options: options)
        for node in headingNodes {
            var text = plainText(node)
            let customID = takeCustomID(node, text: &text)
            let id = ids.claim(customID ?? Slug.heading(text))
            let level = Int(cmark_node_get_heading_level(node))
            if node == titleNode {
                title = text
                titleID = id
                continue
            }
            headings.append(Heading(level: level, id: id, text: text, line: Int(cmark_node_get_start_line(node))))
            if headingIDs { replaceWithIdentifiedHeading(node, level: level, id: id) }
        }
        if let titleNode {
            cmark_node_unlink(titleNode)
            cmark_node_free(titleNode)
        }

        let extensions = cmark_parser_get_syntax_extensions(parser)
        let html = takeString(cmark_render_html(document, renderOptions, extensions))
        var excerpt = ""
        var child = cmark_node_first_child(document)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                excerpt = takeString(cmark_render_html(node, renderOptions, extensions))
                break
            }
            child = cmark_node_next(node)
        }
        let toc = TableOfContents.tree(headings, levels: options.tocLevels)
        return Rendered(html: html, title: title, titleID: titleID, headings: headings, toc: toc,
                        tocHTML: TableOfContents.html(toc), excerptHTML: excerpt, hasOwnTOC: hasOwnTOC(document))
    }

    private static let emptyRendering = Rendered(html: "", title: nil, titleID: nil, headings: [], toc: [],
                                                 tocHTML: "", excerptHTML: "", hasOwnTOC: false)

    /// Every heading in document order. Collected first: the tree must not change while an iterator runs.
    private static func collectHeadings(_ document: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var headings: [OpaquePointer] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_HEADING {
                headings.append(node)
            }
        }
        return headings
    }

    /// The first block when it is an H1 that names the page: the only H1, or one that says what
    /// the file name says (a Notion export, whose body may hold more H1s).
    /// With a front matter title, only an H1 that repeats it.
    private static func leadingTitle(_ document: OpaquePointer, headingNodes: [OpaquePointer], options: MarkdownOptions) -> OpaquePointer? {
        guard let first = cmark_node_first_child(document),
              cmark_node_get_type(first) == CMARK_NODE_HEADING, cmark_node_get_heading_level(first) == 1 else { return nil }
        let text = normalized(plainText(first))
        if let title = options.frontMatterTitle { return text == normalized(title) ? first : nil }
        let h1Count = headingNodes.count { cmark_node_get_heading_level($0) == 1 }
        return h1Count == 1 || text == normalized(options.fileTitle) ? first : nil
    }

    private static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
    }

    /// Whether a top-level HTML block opens a markdown-toc table of contents and another closes it.
    private static func hasOwnTOC(_ document: OpaquePointer) -> Bool {
        var opened = false
        var child = cmark_node_first_child(document)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(node) {
                let html = String(cString: literal).lowercased().filter { !$0.isWhitespace }
                if html.contains("<!--toc-->") { opened = true }
                if opened, html.contains("<!--/toc-->") || html.contains("<!--tocstop-->") { return true }
            }
            child = cmark_node_next(node)
        }
        return false
    }

    /// The text of a node's inlines without markup.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else {
                text += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// Removes a trailing `{#custom-id}` from the heading's last text and returns the id.
    private static func takeCustomID(_ heading: OpaquePointer, text: inout String) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(last) else { return nil }
        let value = String(cString: literal)
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

    /// cmark's HTML renderer has no heading attributes: a custom block holding a custom inline
    /// writes `<hN id="…">`, and cmark still renders and escapes the heading's own inlines.
    private static func replaceWithIdentifiedHeading(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(escapeHTML(id))\">")
        cmark_node_set_on_exit(inline, "</h\(level)>")
        cmark_node_append_child(block, inline)
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(inline, child)
        }
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// Copies and frees a string cmark allocated.
    private static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
