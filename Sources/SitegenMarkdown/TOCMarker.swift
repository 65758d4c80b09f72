/// The places a writer marks for a table of contents, and markdown-toc blocks that already hold one.
enum TOCMarker {
    /// `[TOC]`, `[[toc]]` or `[[_TOC_]]` as a paragraph of its own.
    static func isMarker(paragraph text: String) -> Bool {
        guard text.utf8.count <= 16 else { return false }
        return ["[toc]", "[[toc]]", "[[_toc_]]"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// An HTML block's comment markers, spaces ignored: `<!-- toc -->` opens, `<!-- /toc -->` or
    /// `<!-- tocstop -->` closes.
    static func opens(html: String) -> Bool { squeezed(html).contains("<!--toc-->") }

    static func closes(html: String) -> Bool {
        let text = squeezed(html)
        return text.contains("<!--/toc-->") || text.contains("<!--tocstop-->")
    }

    private static func squeezed(_ html: String) -> String {
        html.lowercased().filter { !$0.isWhitespace }
    }
}
