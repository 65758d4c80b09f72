import SitegenCore

/// Bounds on the YAML of front matter and `site.yml`, checked before and while it is decoded:
/// deep nesting crashes a recursive parser, and a few lines of aliases (`b: [*a, *a, …]`) expand
/// to billions of values. Real front matter is a few levels deep and a few hundred values large.
public enum YAMLLimits {
    /// The deepest nesting of lists and mappings, block or flow (`[[[…]]]`).
    public static let depth = 64
    /// Values (scalars, lists, mappings) once every alias is expanded.
    public static let values = 100_000
    /// Bytes of scalar text once every alias is expanded.
    public static let textBytes = 8 << 20

    /// The first line (1-based, within `yaml`) where nesting goes deeper than `depth`, with that depth.
    /// A scan, not a parse: brackets inside quotes, comments and block scalars do not count.
    static func tooDeep(_ yaml: String) -> (line: Int, column: Int)? {
        var flow = 0
        var quote: UInt8? = nil
        var indents: [Int] = []
        var blockScalarIndent: Int? = nil
        var lineNumber = 0
        for line in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            let blank = bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if let scalarIndent = blockScalarIndent {
                if blank || indent > scalarIndent { continue }
                blockScalarIndent = nil
            }
            if blank { continue }
            var column = 0
            if quote == nil && flow == 0 {
                if bytes[indent] == UInt8(ascii: "#") { continue }
                // Block nesting: each deeper indentation, and each `- ` that opens a list on the line.
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
                var dashes = 0
                column = indent
                while column + 1 < bytes.count, bytes[column] == UInt8(ascii: "-"), bytes[column + 1] == UInt8(ascii: " ") {
                    dashes += 1
                    column += 2
                    while column < bytes.count, bytes[column] == UInt8(ascii: " ") { column += 1 }
                }
                if indents.count + dashes > depth { return (lineNumber, column + 1) }
            }
            var previous: UInt8 = UInt8(ascii: " ")
            var index = column
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) {
                    break
                } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && opensScalar(before: bytes[column..<index]) {
                    quote = byte
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    flow += 1
                    if indents.count + flow > depth { return (lineNumber, index + 1) }
                } else if (byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")) && flow > 0 {
                    flow -= 1
                }
                previous = byte
                index += 1
            }
            // `key: |` or `key: >-`: the lines below, more indented, are text.
            if quote == nil && flow == 0, let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) {
                let tail = bytes[...last].suffix(3)
                if tail.contains(UInt8(ascii: "|")) || tail.contains(UInt8(ascii: ">")),
                   tail.allSatisfy({ [UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: " "), UInt8(ascii: ":")].contains($0) || ($0 >= 0x30 && $0 <= 0x39) }) {
                    blockScalarIndent = indent
                }
            }
        }
        return nil
    }

    /// Whether a quote after `before` (the line so far) starts a quoted scalar rather than sitting inside plain text.
    private static func opensScalar(before: ArraySlice<UInt8>) -> Bool {
        guard let last = before.last(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return true }
        return [UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "-"),
                UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: "!")].contains(last)
    }
}
