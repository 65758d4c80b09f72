import SitegenCore
/// The places a writer marks for a table of contents, and markdown-toc blocks that already hold one.
enum TOCMarker {
    /// `[TOC]`, `[[toc]]` or `[[_TOC_]]` as a paragraph of its own.
    static func isMarker(paragraph text: String) -> Bool {
        guard text.utf8.count <= 16 else { return false }
        return ["[toc]", "[[toc]]", "[[_toc_]]"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// An HTML block's comment markers, spaces ignored: `<!-- toc -->` opens, `<!-- /toc -->` or
    /// `<!-- tocstop -->` closes.
    static func opens(html: String) -> Bool { mentionsTOC(html) && squeezed(html).utf8Contains("<!--toc-->") }

    static func closes(html: String) -> Bool {
        guard mentionsTOC(html) else { return false }
        let text = squeezed(html)
        return text.utf8Contains("<!--/toc-->") || text.utf8Contains("<!--tocstop-->")
    }

    /// Whether the bytes hold `toc` in any case, spaces ignored: a cheap test before lowercasing the whole block.
    private static func mentionsTOC(_ html: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in html.utf8 where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
            let lower = byte | 0x20
            if previous == (UInt8(ascii: "t"), UInt8(ascii: "o")), lower == UInt8(ascii: "c") { return true }
            previous = (previous.1, lower)
        }
        return false
    }

    private static func squeezed(_ html: String) -> String {
        html.lowercased().filter { !$0.isWhitespace }
    }
}
