import CCmarkGFM
import Foundation
import Glibc
import SitegenCore

/// Table-of-contents markers, the excerpt's paragraph, readable text and statistics, goals.
extension Tree {
    /// Fills `[TOC]`, `[[toc]]` and lone `<!-- toc -->` markers with the table of contents (or
    /// removes them when there is none to show); returns whether one was filled.
    /// kramdown's table of contents: a one-item list whose item ends with `{:toc}` (Hydejack and
    /// Minimal Mistakes posts write `* this list will be replaced by the toc` and `{:toc}` under it).
    func isKramdownTOCList(_ list: OpaquePointer) -> Bool {
        let items = children(list)
        guard items.count == 1, let paragraph = cmark_node_last_child(items[0]), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return false }
        let text = plainText(paragraph).replacingOccurrences(of: " ", with: "")
        return text.hasSuffix("{:toc}")
    }

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
                let startsWithBracket = first.map { cmark_node_get_type($0) == CMARK_NODE_TEXT && literal($0, startsWith: UInt8(ascii: "[")) } ?? false
                isMarker = startsWithBracket && TOCMarker.isMarker(paragraph: plainText(node))
            } else if type == CMARK_NODE_LIST {
                isMarker = isKramdownTOCList(node)
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
                    diagnostics.add(.error(at: SourceLocation(path: options.path, line: fileLine(of: node)),
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
    /// The excerpt's paragraph: the first one that says something — a paragraph that is only a link
    /// (`[지난 회고](…)`, as `new retro` starts the goals section with) is no summary.
    func firstParagraph() -> OpaquePointer? {
        children(document).first { node in
            guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH || attributedParagraphs.contains(node) else { return false }
            return !isOnlyALink(node)
        }
    }

    private func isOnlyALink(_ paragraph: OpaquePointer) -> Bool {
        var container = paragraph
        // An attributed paragraph is a custom block holding a custom inline that holds the inlines.
        if attributedParagraphs.contains(paragraph), let inline = cmark_node_first_child(paragraph) { container = inline }
        let inlines = children(container).filter { node in
            let type = cmark_node_get_type(node)
            return !(type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || (type == CMARK_NODE_TEXT && literal(node).allSatisfy { $0 == " " || $0 == "\t" }))
        }
        return inlines.count == 1 && cmark_node_get_type(inlines[0]) == CMARK_NODE_LINK
    }

    /// What a reader reads, counted and joined: text and inline code, not code blocks or raw HTML.
    func readableText() -> (TextStatistics, String) {
        var statistics = TextStatistics()
        // Gathered as UTF-8 straight from cmark's literals, made a string once at the end.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.utf8.count)
        // Every block starts with a space, so that a heading, list item or table cell does not run
        // into the text before it ("점구분내용잘한 점"); so do line breaks.
        walk(from: document) { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                withLiteral(node) { literal in
                    statistics.add(literal)
                    bytes.append(contentsOf: literal)
                }
            } else if let custom = customText[node] {
                if type == CMARK_NODE_CUSTOM_BLOCK, !bytes.isEmpty, bytes.last != 0x20 { bytes.append(0x20) }
                statistics.add(custom)
                bytes.append(contentsOf: custom.utf8)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK || type.rawValue & UInt32(CMARK_NODE_TYPE_BLOCK) != 0 {
                if !bytes.isEmpty, bytes.last != 0x20 { bytes.append(0x20) }
            }
        }
        // Trimmed by hand: Foundation's trimming goes through NSString, slow on a whole body. The
        // spaces are cut from the bytes when ASCII or a Hangul syllable stands beside them (then each
        // space is a character of its own); else as characters.
        let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.endIndex
        let end = (bytes.lastIndex { $0 != 0x20 } ?? start - 1) + 1
        func standsAlone(_ index: Int) -> Bool {
            if bytes[index] < 0x80 { return true }
            var lead = index
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let value = bytes.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: &lead) }
            return (0xAC00...0xD7A3).contains(value)
        }
        if start == bytes.endIndex || (standsAlone(start) && standsAlone(end - 1)) {
            return (statistics, String(decoding: bytes[start..<max(start, end)], as: UTF8.self))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.last == " " { text.removeLast() }
        return (statistics, text.drop { $0 == " " }.description)
    }

    // MARK: Goals

    /// The top-level items of the lists under a goal heading, up to the next heading of its level or above.
    /// Takes the section under a top-level heading named `heading` (compared as goal headings are)
    /// out of the body: the heading and everything up to the next heading of its level or above.
    /// Returns the task items of its lists, or nil when there is no such section.
    func takeSection(_ heading: String) -> [Goal]? {
        let name = GoalHeading.normalized(heading)
        let blocks = children(document)
        guard let start = blocks.firstIndex(where: { cmark_node_get_type($0) == CMARK_NODE_HEADING && GoalHeading.normalized(plainText($0)) == name })
        else { return nil }
        let level = cmark_node_get_heading_level(blocks[start])
        var section = [blocks[start]]
        for node in blocks[(start + 1)...] {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) <= level { break }
            section.append(node)
        }
        let items = section.filter { cmark_node_get_type($0) == CMARK_NODE_LIST }.flatMap(listGoals)
        // Text nodes point into their block's buffer: the blocks are kept until rendering is done.
        for node in section {
            cmark_node_unlink(node)
            detach(node)
        }
        return items
    }

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
                goals += listGoals(node)
            }
        }
        return goals
    }

    /// A list's items as goals: each item's first block as text, ticked when its task box is.
    private func listGoals(_ list: OpaquePointer) -> [Goal] {
        children(list).compactMap { item in
            let text = children(item).first.map(plainText)?.trimmingCharacters(in: .whitespaces) ?? ""
            return text.isEmpty ? nil : Goal(text: text, done: cmark_gfm_extensions_get_tasklist_item_checked(item))
        }
    }
}
