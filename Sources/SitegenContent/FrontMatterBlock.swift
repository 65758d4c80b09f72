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
    public static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatterBlock {
        let noFrontMatter = FrontMatterBlock(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else { return noFrontMatter }
        guard lines.count > 1, opensYAML(lines[1]) else { return noFrontMatter }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || isDocumentEnd(lines[$0]) }) else {
            throw .error(at: SourceLocation(path: path, line: 1, column: 1),
                         "front matter is never closed: add a line '---' after its last key")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        lines.removeFirst(close + 1)
        return FrontMatterBlock(yaml: yaml, yamlFirstLine: 2, body: lines.joined(separator: "\n"), bodyFirstLine: close + 2)
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
