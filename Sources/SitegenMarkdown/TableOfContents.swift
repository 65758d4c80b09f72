import SitegenCore

/// Builds a page's table of contents from its headings.
public enum TableOfContents {
    /// Nests the headings within `levels`: a deeper heading goes under the closest shallower one.
    public static func tree(_ headings: [Heading], levels: ClosedRange<Int>) -> [TOCEntry] {
        var roots: [TOCEntry] = []
        for heading in headings where levels.contains(heading.level) {
            insert(TOCEntry(level: heading.level, id: heading.id, text: heading.text, children: []), into: &roots)
        }
        return roots
    }

    private static func insert(_ entry: TOCEntry, into siblings: inout [TOCEntry]) {
        if let last = siblings.indices.last, siblings[last].level < entry.level {
            insert(entry, into: &siblings[last].children)
        } else {
            siblings.append(entry)
        }
    }

    /// The tree as nested lists of links; a tiny fragment, so it is made here and not in a template.
    public static func html(_ entries: [TOCEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "<ul>\n"
        for entry in entries {
            out += "<li><a href=\"#\(URLPath.encode(entry.id))\">\(escapeHTML(entry.text))</a>"
            if !entry.children.isEmpty { out += "\n" + html(entry.children) }
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }
}
