import CCmarkGFM
import SitegenCore

/// Code blocks and math: highlighted code, math spans and blocks, mermaid diagrams.
extension Tree {
    /// Puts back the stand-ins of `\(` `\)` `\[` `\]` that did not delimit math (see `Math`).
    func restoreMathDelimiters() {
        // An autolink (`<http://x/\(y>`) keeps its backslashes: its text is its URL, unescaped by no one.
        var autolinkTexts = Set<OpaquePointer>()
        for node in nodes(of: [CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
                               CMARK_NODE_HTML_INLINE, CMARK_NODE_LINK, CMARK_NODE_IMAGE]) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let children = children(node)
                let onlyText = children.count == 1 && cmark_node_get_type(children[0]) == CMARK_NODE_TEXT ? literal(children[0]) : nil
                let isAutolink = type == CMARK_NODE_LINK && onlyText.map { url == $0 || url == "mailto:" + $0 } == true
                if isAutolink { autolinkTexts.insert(children[0]) }
                cmark_node_set_url(node, Math.restore(url, unescaped: !isAutolink))
                if let title = cmark_node_get_title(node).map({ String(cString: $0) }) { cmark_node_set_title(node, Math.restore(title, unescaped: true)) }
                continue
            }
            if type == CMARK_NODE_CODE, cmark_node_get_user_data(node) != nil { continue }
            let text = literal(node)
            let restored = Math.restore(text, unescaped: type == CMARK_NODE_TEXT && !autolinkTexts.contains(node))
            if restored != text { cmark_node_set_literal(node, restored) }
            if type == CMARK_NODE_CODE_BLOCK, let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }) {
                cmark_node_set_fence_info(node, Math.restore(info, unescaped: true))
            }
        }
    }

    /// The math the parser found becomes HTML: display math standing alone in its paragraph as a
    /// `div`, everything else as an inline `span`. Returns whether there was any.
    func renderMath() -> Bool {
        var found = false
        for node in nodes(of: [CMARK_NODE_CODE]) {
            guard let tag = cmark_node_get_user_data(node), let form = Math.Form(rawValue: Int(bitPattern: tag)) else { continue }
            found = true
            let tex = literal(node)
            if form != .inline, let paragraph = cmark_node_parent(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
               children(paragraph).allSatisfy({ $0 == node || isBlank($0) }) {
                replace(paragraph, withHTML: Math.html(tex, display: true))
                continue
            }
            let html = form == .display
                ? "<span class=\"math display\">\\[\(escapeHTML(tex))\\]</span>" : Math.html(tex, display: false)
            guard let span = newNode(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(span, html)
            cmark_node_set_on_exit(span, "")
            if cmark_node_replace(node, span) == 1 {
                cmark_node_free(node)
            } else {
                // A table cell takes no custom inline: the code node stays, holding a marker that
                // becomes the math once the HTML is written (`placeMarkedAttributes`).
                cmark_node_free(span)
                cmark_node_set_literal(node, Self.htmlMarker(markedHTML.count))
                markedHTML.append(html)
            }
        }
        return found
    }

    private func isBlank(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { return true }
        return type == CMARK_NODE_TEXT && literal(node).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" }
    }

    /// Fenced and indented code: `math` fences are display math, `mermaid` fences diagrams, and code
    /// in a language the highlighter knows gets token spans; line numbers and marked lines where the
    /// info string asks (`{linenos=true hl_lines=[2]}`). What the blocks hold is reported back.
    func renderCodeBlocks() -> (math: Bool, mermaid: Bool) {
        var math = false, mermaid = false
        for node in nodes(of: [CMARK_NODE_CODE_BLOCK]) {
            let info = FenceInfo(cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "")
            let code = literal(node)
            switch info.language.lowercased() {
            case "math" where options.math:
                math = true
                var tex = Substring(code)
                if tex.hasSuffix("\n") { tex = tex.dropLast() }
                replace(node, withHTML: Math.html(String(tex), display: true))
            case "mermaid":
                mermaid = true
                replace(node, withHTML: "<pre class=\"mermaid\">\(escapeHTML(code))</pre>\n")
            default:
                let highlighted = options.highlightsCode ? SyntaxHighlighter.highlight(code, language: info.language, cache: options.highlightCache) : nil
                guard highlighted != nil || info.lineNumbers || !info.highlightedLines.isEmpty else { continue }
                let body = highlighted ?? escapeHTML(code)
                let language = info.language.isEmpty ? "" : " class=\"language-\(escapeHTML(info.language))\""
                replace(node, withHTML: "<pre><code\(language)>\(Self.numbered(body, info))</code></pre>\n")
            }
        }
        return (math, mermaid)
    }

    /// Each line wrapped in `<span class="line">` (`line hl` when marked), with its number in
    /// `<span class="ln">` when asked; untouched when neither is.
    static func numbered(_ body: String, _ info: FenceInfo) -> String {
        guard info.lineNumbers || !info.highlightedLines.isEmpty else { return body }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var out = ""
        for (index, line) in lines.enumerated() {
            out += info.highlightedLines.contains(index + 1) ? "<span class=\"line hl\">" : "<span class=\"line\">"
            if info.lineNumbers { out += "<span class=\"ln\">\(info.firstLineNumber + index)</span>" }
            out += line
            out += "\n</span>"
        }
        return out
    }
}
