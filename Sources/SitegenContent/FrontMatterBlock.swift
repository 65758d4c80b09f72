import SitegenCore

/// A document split into its YAML front matter and its Markdown body, with line numbers kept.
public struct FrontMatterBlock: Sendable, Equatable {
    /// The YAML text between the `---` lines; nil when the file has no front matter.
    public var yaml: String?
    /// The file line on which the YAML text starts.
    public var yamlFirstLine: Int
    public var body: String
    /// The file line on which the body starts.
    public var bodyFirstLine: Int

    /// Splits `text`. A first line `---` opens front matter only when YAML follows it (`key:`, a
    /// comment, or the closing line); before a blank line or prose it is a thematic break.
    /// Nil, with the error added to `diagnostics`, when the front matter is never closed.
    public static func split(_ text: String, path: String, into diagnostics: inout Diagnostics) -> FrontMatterBlock? {
        let noFrontMatter = FrontMatterBlock(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        // Walks line by line only as far as the closing line: the body is taken whole, never split.
        var lineStart = text.startIndex
        func nextLine() -> Substring? {
            guard lineStart < text.endIndex else { return nil }
            let end = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<end]
            lineStart = end < text.endIndex ? text.index(after: end) : end
            return line
        }
        guard let first = nextLine(), isFence(first) else { return noFrontMatter }
        let yamlStart = lineStart
        guard let second = nextLine(), opensYAML(second) else { return noFrontMatter }
        var line: Substring? = second
        var number = 2
        while let current = line, !(isFence(current) || isDocumentEnd(current)) {
            line = nextLine()
            number += 1
        }
        guard let closing = line else {
            diagnostics.error(at: SourceLocation(path: path, line: 1, column: 1), "front matter is never closed: add a line '---' after its last key")
            return nil
        }
        let yaml = yamlStart < closing.startIndex ? String(text[yamlStart..<text.index(before: closing.startIndex)]) : ""
        // A file that ends right after the closing line has an empty body, as one ending in a newline does.
        let body = closing.endIndex == text.endIndex ? "" : String(text[lineStart...])
        return FrontMatterBlock(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: number + 1)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isDocumentEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Whether the line after an opening `---` reads as YAML: a key, a comment or the closing line.
    private static func opensYAML(_ line: Substring) -> Bool {
        if isFence(line) || line.hasPrefix("#") { return true }
        // An indented key is still meant as YAML: let YAML say what is wrong with it (tabs).
        let line = line.drop { $0 == " " || $0 == "\t" }
        guard line.first != nil else { return false }
        guard let colon = line.firstIndex(of: ":") else { return false }
        let after = line[line.index(after: colon)...]
        return after.isEmpty || after.first == " " || after.first == "\t"
    }
}
