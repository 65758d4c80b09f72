import SitegenCore
import CCmarkGFM
import CMarkdownArena

/// TeX math as blogs write it, recognised while cmark parses inlines, so emphasis, entities and
/// backslash escapes never touch it: `$…$` (pandoc's rule: no space inside either `$`, no `$` after a space inside, and no digit
/// right after the closing one, so `$5 and $10` stay money), `$$…$$` (kramdown's rule: display when
/// it is its paragraph's only content, inline otherwise), `\(…\)` inline and `\[…\]` display.
///
/// `$` is an inline extension character of cmark-gfm. A backslash is not: cmark turns `\(` into `(`
/// before any extension sees it. So before parsing, `\(` `\)` `\[` `\]` become the C1 control
/// characters U+0080–U+0083 (two UTF-8 bytes, like the pair they stand for, so columns stay put);
/// the extension reads them as delimiters, and `restoreMathDelimiters` puts back what is left of
/// them: the bracket where cmark would have unescaped it (text, link targets), the backslash and the
/// bracket where it would have kept it (code, raw HTML).
enum Math {
    enum Form: Int {
        /// `$…$`, `\(…\)`, and `$$…$$` inside a sentence.
        case inline = 1
        /// `$$…$$`: display when alone in its paragraph.
        case doubleDollar = 2
        /// `\[…\]`.
        case display = 3
    }

    /// The stand-ins for `\(`, `\)`, `\[`, `\]`.
    static let openInline: Character = "\u{80}", closeInline: Character = "\u{81}"
    static let openDisplay: Character = "\u{82}", closeDisplay: Character = "\u{83}"
    static let standIns: [Character: (literal: String, unescaped: String)] = [
        openInline: ("\\(", "("), closeInline: ("\\)", ")"), openDisplay: ("\\[", "["), closeDisplay: ("\\]", "]"),
    ]

    /// Whether `markdown` may hold math at all: most documents are spared the extension and the rewrite.
    static func mayHoldMath(_ markdown: String) -> Bool {
        markdown.utf8Contains(byte: UInt8(ascii: "$")) || markdown.utf8Range(of: "\\(") != nil || markdown.utf8Range(of: "\\[") != nil
    }

    /// `\(` `\)` `\[` `\]` → their stand-ins; `\\` is kept as the escaped backslash it is. Nil when
    /// there is no `\(` or `\[`, or when the document already holds one of the stand-in characters
    /// (its `\(` is then not math).
    static func markBackslashDelimiters(_ markdown: String) -> String? {
        guard markdown.utf8Range(of: "\\(") != nil || markdown.utf8Range(of: "\\[") != nil,
              !markdown.unicodeScalars.contains(where: { (0x80...0x83).contains($0.value) }) else { return nil }
        var out = ""
        out.reserveCapacity(markdown.utf8.count)
        var escaped = false
        for character in markdown {
            if escaped {
                escaped = false
                switch character {
                case "(": out.append(openInline)
                case ")": out.append(closeInline)
                case "[": out.append(openDisplay)
                case "]": out.append(closeDisplay)
                default:
                    out.append("\\")
                    out.append(character)
                }
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// The stand-ins in `text` put back as written (`\(`) or as cmark unescapes them (`(`).
    static func restore(_ text: String, unescaped: Bool) -> String {
        guard text.unicodeScalars.contains(where: { (0x80...0x83).contains($0.value) }) else { return text }
        var out = ""
        for character in text {
            if let pair = standIns[character] { out += unescaped ? pair.unescaped : pair.literal } else { out.append(character) }
        }
        return out
    }

    /// The cmark-gfm inline extension: made once, attached to each parser of a document that may hold math.
    nonisolated(unsafe) static let syntaxExtension: OpaquePointer? = {
        guard let syntax = cmark_syntax_extension_new("sitegen-math") else { return nil }
        var specials: UnsafeMutablePointer<cmark_llist>?
        for byte in [UInt8(ascii: "$"), 0xC2] {
            specials = cmark_llist_append(cmark_get_default_mem_allocator(), specials, UnsafeMutableRawPointer(bitPattern: Int(byte)))
        }
        cmark_syntax_extension_set_special_inline_chars(syntax, specials)
        cmark_syntax_extension_set_match_inline_func(syntax) { _, _, _, character, inline in
            guard let inline else { return nil }
            return Math.match(character, inline)
        }
        return syntax
    }()

    /// A math span starting at the parser's offset becomes an inline code node holding the TeX as
    /// written, tagged by its form in the node's user data (the tree pass `renderMath` turns it into
    /// the HTML); anything else is left to cmark as text.
    private static func match(_ character: UInt8, _ inline: OpaquePointer) -> OpaquePointer? {
        let start = Int(cmark_inline_parser_get_offset(inline))
        func byte(_ position: Int) -> UInt8 { cmark_inline_parser_peek_at(inline, Int32(position)) }
        var contentStart: Int, contentEnd: Int, end: Int
        let form: Form
        if character == UInt8(ascii: "$") {
            if byte(start + 1) == UInt8(ascii: "$") {
                guard let close = find(from: start + 2, byte, matching: { position in
                    byte(position) == UInt8(ascii: "$") && byte(position + 1) == UInt8(ascii: "$")
                }), close > start + 2 else { return nil }
                (contentStart, contentEnd, end, form) = (start + 2, close, close + 2, .doubleDollar)
            } else {
                let first = byte(start + 1)
                guard first != 0, !isSpace(first) else { return nil }
                // pandoc's rule, as pandoc applies it: the first unescaped `$` ends the span; one after
                // a space, or one followed by a digit, means there was no math here at all.
                // A backtick inside would open a code span that wins: `$30, and `$HOME`` is money and code.
                guard let close = find(from: start + 1, byte, matching: { byte($0) == UInt8(ascii: "$") || byte($0) == UInt8(ascii: "`") }),
                      byte(close) == UInt8(ascii: "$"), !isSpace(byte(close - 1)) else { return nil }
                let after = byte(close + 1)
                guard !(after >= UInt8(ascii: "0") && after <= UInt8(ascii: "9")) else { return nil }
                (contentStart, contentEnd, end, form) = (start + 1, close, close + 1, .inline)
            }
        } else {
            // 0xC2: a stand-in is C2 80…83.
            let second = byte(start + 1)
            guard second == 0x80 || second == 0x82 else { return nil }
            let closing: UInt8 = second + 1
            guard let close = find(from: start + 2, byte, matching: { byte($0) == 0xC2 && byte($0 + 1) == closing }) else { return nil }
            (contentStart, contentEnd, end, form) = (start + 2, close, close + 2, second == 0x80 ? .inline : .display)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(contentEnd - contentStart)
        for position in contentStart..<contentEnd { bytes.append(byte(position)) }
        // Math names something: a letter, a digit or a symbol beyond ASCII. `\(\)` and `\[\\\]` are
        // escaped punctuation, as in CommonMark's own examples.
        guard bytes.contains(where: { $0 >= 0x80 || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z"))
            || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) else { return nil }
        let tex = restore(String(decoding: bytes, as: UTF8.self), unescaped: false)
        // The extension is attached only to `renderTree`'s parsers, which allocate from this
        // thread's arena, and cmark adds a node to a tree only if both have the same allocator.
        guard let node = cmark_node_new_with_mem(CMARK_NODE_CODE, sitegen_arena_allocator()) else { return nil }
        cmark_node_set_literal(node, tex)
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: form.rawValue))
        cmark_inline_parser_set_offset(inline, Int32(end))
        return node
    }

    /// The first position from `start` that `matches`, skipping backslash-escaped bytes; nil at the
    /// end of the paragraph.
    private static func find(from start: Int, _ byte: (Int) -> UInt8, matching matches: (Int) -> Bool) -> Int? {
        var position = start
        while true {
            let current = byte(position)
            if current == 0 { return nil }
            if current == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if matches(position) { return position }
            position += 1
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// `<span class="math inline">\(…\)</span>` / `<div class="math display">\[…\]</div>`, the TeX escaped for HTML only.
    static func html(_ tex: String, display: Bool) -> String {
        display ? "<div class=\"math display\">\\[\(escapeHTML(tex))\\]</div>\n" : "<span class=\"math inline\">\\(\(escapeHTML(tex))\\)</span>"
    }
}
