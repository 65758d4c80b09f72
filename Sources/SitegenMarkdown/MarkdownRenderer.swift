import CCmarkGFM
import CMarkdownArena
import Foundation
import Glibc
import SitegenCore

/// Renders Markdown with libcmark-gfm. This file is the only place that touches the C library:
/// it parses, walks and rewrites cmark's tree, renders, frees, and hands back Swift values.
public enum MarkdownRenderer {
    /// Renders one document body. Pure: the same body and options give the same value.
    public static func render(_ written: String, options: MarkdownOptions = MarkdownOptions()) -> Rendered {
        if let problem = InputLimits.problem(in: written) {
            return .failed(.error(at: SourceLocation(path: options.path, line: options.bodyFirstLine + problem.line - 1), problem.message))
        }
        var liquidProblems = Diagnostics()
        var body = options.liquid.map {
            Liquid.expand(written, context: $0, targets: options.linkTargets, path: options.path, firstLine: options.bodyFirstLine, into: &liquidProblems)
        } ?? written
        if let context = options.shortcodes {
            body = Shortcodes.expand(body, context: context, targets: options.linkTargets, path: options.path, firstLine: options.bodyFirstLine,
                                     into: &liquidProblems)
        }
        let separator = options.excerptSeparator
        let cut = body.utf8Range(of: separator)
        let source = cut == nil ? body : body.utf8Replacing(separator, with: "")
        var rendered = renderTree(source, options: options, isExcerpt: false)
        if let cut {
            rendered.excerptHTML = renderTree(String(body[..<cut.lowerBound]), options: options, isExcerpt: true).html
        }
        if rendered.html.utf8.count > InputLimits.htmlBytes {
            return .failed(.error(at: SourceLocation(path: options.path, line: options.bodyFirstLine),
                                  "the document renders to more than \(InputLimits.htmlBytes >> 20) MB of HTML, which is not built"))
        }
        rendered.diagnostics += liquidProblems
        rendered.refersToSiteURLs = (options.liquid != nil && (written.utf8Contains("post_url") || written.utf8Contains("link ")))
            || (options.shortcodes != nil && written.utf8Contains("ref "))
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
        // The document's parser, tree and HTML come from this thread's arena, let go of at once
        // when all below is done (this `defer` runs last).
        let mark = sitegen_arena_take_mark()
        defer { sitegen_arena_rewind(mark) }
        let arena = sitegen_arena_allocator()
        guard let parser = cmark_parser_new_with_mem(cmarkOptions, arena) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        let mayHoldMath = options.math && Math.mayHoldMath(markdown)
        // Only a document whose `\(` or `\[` became stand-ins has anything to put back after parsing.
        let marked = mayHoldMath ? Math.markBackslashDelimiters(markdown) : nil
        let hasStandIns = marked != nil
        let markdown = marked ?? markdown
        if mayHoldMath, let math = Math.syntaxExtension { cmark_parser_attach_syntax_extension(parser, math) }
        feed(parser, markdown)
        let finished = inlineParsing.withLock { cmark_parser_finish(parser) }
        guard let document = finished else { return .empty }
        defer { cmark_node_free(document) }

        let tree = Tree(document: document, options: options, source: markdown, allocator: arena)
        defer { tree.releaseDetached() }
        if hasStandIns { tree.restoreMathDelimiters() }
        let inlineMath = mayHoldMath && tree.renderMath()
        let previousGoalTicks = isExcerpt ? nil : options.previousGoalsHeading.flatMap(tree.takeSection)
        tree.applyBlockAttributes()
        tree.renderAlerts()
        let (blockMath, mermaid) = tree.renderCodeBlocks()
        let goals = isExcerpt ? [] : tree.goals()
        let (title, titleID, headings) = tree.identifyHeadings(writeIDs: !isExcerpt)
        tree.rewriteLinks()
        tree.applySpanAttributes()
        tree.decorateImages()
        let links = isExcerpt ? [] : tree.links()
        let toc = options.tocLevels.map { TableOfContents.tree(headings, levels: $0) } ?? []
        let tocHTML = TableOfContents.html(toc)
        let filledMarker = tree.placeTOCMarkers(html: isExcerpt ? nil : tocHTML)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        if isExcerpt { tree.pointInPageLinksAtThePage(within: document) }
        var html = tree.placeMarkedAttributes(in: takeString(cmark_render_html(document, cmarkOptions, extensions), allocator: arena))
        if let label = options.footnoteBackLabel, html.utf8Range(of: "data-footnote-backref") != nil {
            html = html.replacingOccurrences(of: "aria-label=\"Back to content\"", with: "aria-label=\"\(escapeHTML(label))\"")
        }
        let (statistics, text) = isExcerpt ? (TextStatistics(), "") : tree.readableText()
        let excerpt = tree.firstParagraph().map { paragraph in
            tree.pointInPageLinksAtThePage(within: paragraph)
            return takeString(cmark_render_html(paragraph, cmarkOptions, extensions), allocator: arena)
        } ?? ""
        return Rendered(
            html: html,
            title: title, titleID: titleID, headings: headings, toc: toc, tocHTML: tocHTML, excerptHTML: excerpt,
            hasOwnTOC: filledMarker || tree.hasMarkdownTOCBlock(), statistics: statistics, goals: goals,
            plainText: text, diagnostics: tree.diagnostics, resolvedLinks: tree.resolvedLinks, measuredImages: tree.measuredImages, firstImage: tree.firstImage, links: links,
            previousGoalTicks: previousGoalTicks, usesMath: inlineMath || blockMath, usesMermaid: mermaid)
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
        feed(parser, markdown)
        guard let document = inlineParsing.withLock({ cmark_parser_finish(parser) }) else { return "" }
        defer { cmark_node_free(document) }
        return takeString(cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)), allocator: cmark_get_default_mem_allocator())
    }

    /// Hands the text's UTF-8 to the parser in place: passing a `String` where C wants a pointer
    /// copies the whole body first.
    static func feed(_ parser: OpaquePointer, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
    }

    /// Copies and frees a string cmark rendered, with the allocator of the tree it rendered.
    static func takeString(_ pointer: UnsafeMutablePointer<CChar>?, allocator: UnsafeMutablePointer<cmark_mem>) -> String {
        guard let pointer else { return "" }
        defer { allocator.pointee.free(pointer) }
        return String(cString: pointer)
    }
}
