import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// Renders Markdown with libcmark-gfm. This file is the only place that touches the C library:
/// it parses, walks and rewrites cmark's tree, renders, frees, and hands back Swift values.
public enum MarkdownRenderer {
    /// Renders one document body. Pure: the same body and options give the same value.
    public static func render(_ body: String, options: MarkdownOptions = MarkdownOptions()) -> Rendered {
        if let problem = InputLimits.problem(in: body) {
            return .failed(.error(at: SourceLocation(path: options.path, line: options.bodyFirstLine + problem.line - 1), problem.message))
        }
        let separator = options.excerptSeparator
        let cut = body.utf8Range(of: separator)
        let source = cut == nil ? body : body.replacingOccurrences(of: separator, with: "")
        var rendered = renderTree(source, options: options, isExcerpt: false)
        if let cut {
            rendered.excerptHTML = renderTree(String(body[..<cut.lowerBound]), options: options, isExcerpt: true).html
        }
        if rendered.html.utf8.count > InputLimits.htmlBytes {
            return .failed(.error(at: SourceLocation(path: options.path, line: options.bodyFirstLine),
                                  "the document renders to more than \(InputLimits.htmlBytes >> 20) MB of HTML, which is not built"))
        }
        var hasher = Hasher()
        hasher.combineUTF8(rendered.html)
        hasher.combineUTF8(rendered.tocHTML)
        hasher.combineUTF8(rendered.excerptHTML)
        rendered.digest = hasher.finalize()
        return rendered
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Raw HTML passes through as written unless the site says `unsafe_html: false`: then cmark's
    /// safe mode leaves it out and drops `javascript:`, `vbscript:`, `file:` and non-image `data:` links.
    private static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        options.allowsRawHTML ? CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES : CMARK_OPT_FOOTNOTES
    }

    /// cmark-gfm parses inlines with a process-wide table of special characters: each parse adds its
    /// extensions' characters (`:` and `w` for autolinks, `~` for strikethrough) and removes them when
    /// done (cmark-gfm issue #221), so two parses at once lose each other's autolinks. Inline parsing
    /// happens in `cmark_parser_finish`, which therefore runs one at a time; block parsing, tree
    /// rewriting and rendering still run on all cores.
    private static let inlineParsing = NSLock()

    /// Registers the GFM extensions once, before any parser looks them up.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// An excerpt is rendered like the body, but its headings carry no ids (they would repeat on a
    /// list page) and it has no table of contents.
    private static func renderTree(_ markdown: String, options: MarkdownOptions, isExcerpt: Bool) -> Rendered {
        precondition(extensionsRegistered)
        let cmarkOptions = cmarkOptions(options)
        guard let parser = cmark_parser_new(cmarkOptions) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        let finished = inlineParsing.withLock { cmark_parser_finish(parser) }
        guard let document = finished else { return .empty }
        defer { cmark_node_free(document) }

        let tree = Tree(document: document, options: options)
        defer { tree.releaseDetached() }
        tree.applyBlockAttributes()
        let goals = isExcerpt ? [] : tree.goals()
        let (title, titleID, headings) = tree.identifyHeadings(writeIDs: !isExcerpt)
        tree.rewriteLinks()
        let toc = options.tocLevels.map { TableOfContents.tree(headings, levels: $0) } ?? []
        let tocHTML = TableOfContents.html(toc)
        let filledMarker = tree.placeTOCMarkers(html: isExcerpt ? nil : tocHTML)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        if isExcerpt { tree.pointInPageLinksAtThePage(within: document) }
        let html = takeString(cmark_render_html(document, cmarkOptions, extensions))
        let (statistics, text) = isExcerpt ? (TextStatistics(), "") : tree.readableText()
        let excerpt = tree.firstParagraph().map { paragraph in
            tree.pointInPageLinksAtThePage(within: paragraph)
            return takeString(cmark_render_html(paragraph, cmarkOptions, extensions))
        } ?? ""
        return Rendered(
            html: html,
            title: title, titleID: titleID, headings: headings, toc: toc, tocHTML: tocHTML, excerptHTML: excerpt,
            hasOwnTOC: filledMarker || tree.hasMarkdownTOCBlock(), statistics: statistics, goals: goals,
            plainText: text, diagnostics: tree.diagnostics, resolvedLinks: tree.resolvedLinks)
    }

    /// What libcmark-gfm alone makes of `markdown`, with the extensions and options a site renders
    /// with: our passes (heading ids, attribute lines, links, markers) must not change standard
    /// Markdown, and the CommonMark/GFM spec test holds them to this.
    public static func libraryHTML(_ markdown: String, allowsRawHTML: Bool = true) -> String {
        precondition(extensionsRegistered)
        let options = cmarkOptions(MarkdownOptions(allowsRawHTML: allowsRawHTML))
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = inlineParsing.withLock({ cmark_parser_finish(parser) }) else { return "" }
        defer { cmark_node_free(document) }
        return takeString(cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)))
    }

    /// Copies and frees a string cmark allocated.
    fileprivate static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// One parsed document's tree and the rewrites made to it. Lives only inside one render call.
private final class Tree {
    let document: OpaquePointer
    let options: MarkdownOptions
    var diagnostics: [Diagnostic] = []
    var resolvedLinks: [ResolvedLink] = []
    /// Attributes from kramdown lines meant for headings, applied when the heading is rewritten.
    var headingAttributes: [OpaquePointer: BlockAttributes] = [:]
    /// Paragraphs that became custom blocks to carry attributes; they still count as paragraphs.
    var attributedParagraphs: Set<OpaquePointer> = []
    /// Blocks taken out of the tree whose inlines moved elsewhere. cmark's text literals point into
    /// their block's content buffer, so these are freed only after rendering.
    private var detached: [OpaquePointer] = []

    init(document: OpaquePointer, options: MarkdownOptions) {
        self.document = document
        self.options = options
    }

    // MARK: Walking

    /// Every node of `types` in document order. Collected first: the tree must not change while an iterator runs.
    func nodes(of types: [cmark_node_type]) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if types.contains(cmark_node_get_type(node)) { found.append(node) }
        }
        return found
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

    /// The text of a node's inlines without markup.
    func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        for child in children(node) {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += literal(child)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else {
                text += plainText(child)
            }
        }
        return text
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
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
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

    func releaseDetached() {
        detached.forEach { cmark_node_free($0) }
        detached.removeAll()
    }

    /// Puts `html` in place of `node`.
    func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    // MARK: kramdown block attributes

    /// `{: .box-note}` on the line before a block applies to that block, on the line after to the
    /// block before; a line of its own applies to the next block. The attribute text never shows.
    func applyBlockAttributes() {
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
                found = merged(found, attributes)
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

    private func apply(_ attributes: BlockAttributes, to node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_PARAGRAPH {
            if let block = replaceInlineContainer(node, open: "<p\(attributes.html(safe: !options.allowsRawHTML))>", close: "</p>") {
                attributedParagraphs.insert(block)
            }
        } else if type == CMARK_NODE_HEADING {
            headingAttributes[node] = merged(headingAttributes[node], attributes)
        } else if let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
            cmark_node_set_on_enter(wrapper, "<div\(attributes.html(safe: !options.allowsRawHTML))>")
            cmark_node_set_on_exit(wrapper, "</div>")
            cmark_node_insert_before(node, wrapper)
            cmark_node_unlink(node)
            cmark_node_append_child(wrapper, node)
        }
    }

    // MARK: Headings

    /// Gives every heading its id (kramdown `#id`, then `{#id}`, then GitHub's slug), takes the
    /// leading H1 out as the title when it is one, and returns the rest in order.
    func identifyHeadings(writeIDs: Bool) -> (title: String?, titleID: String?, headings: [Heading]) {
        let headingNodes = nodes(of: [CMARK_NODE_HEADING])
        let titleNode = leadingTitle(headingNodes)
        var ids = UniqueSlugs()
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
        if let range = text.range(of: " {#", options: .backwards), text.hasSuffix("}") { text.removeSubrange(range.lowerBound...) }
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

    // MARK: Links

    /// Relative links to other Markdown files become links to their pages, and relative links to
    /// files become site paths; a link to a file that is not there is a located warning.
    func rewriteLinks() {
        guard let targets = options.linkTargets else { return }
        for node in nodes(of: [CMARK_NODE_LINK, CMARK_NODE_IMAGE]) {
            guard let pointer = cmark_node_get_url(node) else { continue }
            let url = String(cString: pointer)
            let resolution = targets.resolve(url, from: options.folder)
            if resolution != .unchanged { resolvedLinks.append(ResolvedLink(url: url, resolution: resolution)) }
            switch resolution {
            case .unchanged:
                continue
            case .rewritten(let href):
                cmark_node_set_url(node, href)
            case .missing(let path):
                let what = cmark_node_get_type(node) == CMARK_NODE_IMAGE ? "image" : "link"
                diagnostics.append(.warning(at: SourceLocation(path: options.path, line: fileLine(of: node)),
                                            "\(what) to '\(url)': there is no content/\(path)"))
            }
        }
    }

    /// `#section` → `/posts/x/#section`, for text shown away from its page.
    func pointInPageLinksAtThePage(within root: OpaquePointer) {
        guard let page = options.pageHref, let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var links: [OpaquePointer] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
               cmark_node_get_type(node) == CMARK_NODE_LINK {
                links.append(node)
            }
        }
        for link in links {
            guard let url = cmark_node_get_url(link).map({ String(cString: $0) }), url.hasPrefix("#") else { continue }
            cmark_node_set_url(link, page + url)
        }
    }

    // MARK: Table of contents

    /// Fills `[TOC]`, `[[toc]]` and lone `<!-- toc -->` markers with the table of contents (or
    /// removes them when there is none to show); returns whether one was filled.
    func placeTOCMarkers(html tocHTML: String?) -> Bool {
        var filled = false
        let blocks = children(document)
        // Each marker gets the whole table, so many markers on a page of many headings multiply: bounded.
        var budget = InputLimits.tocMarkerBytes
        let lastClosing = blocks.lastIndex {
            cmark_node_get_type($0) == CMARK_NODE_HTML_BLOCK && TOCMarker.closes(html: literal($0))
        } ?? -1
        for (index, node) in blocks.enumerated() {
            let type = cmark_node_get_type(node)
            let isMarker: Bool
            if type == CMARK_NODE_PARAGRAPH {
                // Cheap test first: a marker paragraph is short text that begins with `[`.
                let first = cmark_node_first_child(node)
                let startsWithBracket = first.map { cmark_node_get_type($0) == CMARK_NODE_TEXT && literal($0).hasPrefix("[") } ?? false
                isMarker = startsWithBracket && TOCMarker.isMarker(paragraph: plainText(node))
            } else if type == CMARK_NODE_HTML_BLOCK, TOCMarker.opens(html: literal(node)) {
                // A markdown-toc block has its closing marker after it: that one is the writer's own.
                isMarker = index >= lastClosing
            } else {
                isMarker = false
            }
            guard isMarker else { continue }
            if let tocHTML, !tocHTML.isEmpty {
                budget -= tocHTML.utf8.count
                if budget < 0 {
                    diagnostics.append(.error(at: SourceLocation(path: options.path, line: fileLine(of: node)),
                                              "table-of-contents markers that expand past \(InputLimits.tocMarkerBytes >> 20) MB of HTML: keep one marker"))
                    remove(node)
                    continue
                }
                replace(node, withHTML: "<nav class=\"toc\">\n\(tocHTML)</nav>")
                filled = true
            } else {
                remove(node)
            }
        }
        return filled
    }

    func hasMarkdownTOCBlock() -> Bool {
        var opened = false
        for node in children(document) where cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
            let html = literal(node)
            if TOCMarker.opens(html: html) { opened = true }
            if opened, TOCMarker.closes(html: html) { return true }
        }
        return false
    }

    // MARK: Excerpt and statistics

    /// The first top-level paragraph, with or without attributes.
    func firstParagraph() -> OpaquePointer? {
        children(document).first { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH || attributedParagraphs.contains($0) }
    }

    /// What a reader reads, counted and joined: text and inline code, not code blocks or raw HTML.
    func readableText() -> (TextStatistics, String) {
        var statistics = TextStatistics()
        var text = ""
        for node in nodes(of: [CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH]) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                let literal = literal(node)
                statistics.add(literal)
                text += literal
            } else if !text.isEmpty, text.last != " " {
                text += " "
            }
        }
        // Trimmed by hand: Foundation's trimming goes through NSString, slow on a whole body.
        while text.last == " " { text.removeLast() }
        return (statistics, text.drop { $0 == " " }.description)
    }

    // MARK: Goals

    /// The top-level items of the lists under a goal heading, up to the next heading of its level or above.
    func goals() -> [Goal] {
        let names = Set(options.goalHeadings.map(GoalHeading.normalized))
        guard !names.isEmpty else { return [] }
        var goals: [Goal] = []
        var openLevel: Int32?
        for node in children(document) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                let level = cmark_node_get_heading_level(node)
                if let open = openLevel, level > open { continue }
                openLevel = GoalHeading.matches(plainText(node), names: names) ? level : nil
            } else if openLevel != nil, type == CMARK_NODE_LIST {
                for item in children(node) {
                    let text = children(item).first.map(plainText)?.trimmingCharacters(in: .whitespaces) ?? ""
                    if !text.isEmpty { goals.append(Goal(text: text, done: cmark_gfm_extensions_get_tasklist_item_checked(item))) }
                }
            }
        }
        return goals
    }
}
