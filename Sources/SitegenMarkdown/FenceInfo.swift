import Foundation

/// What a code fence's info string asks for: its language, and Hugo's options for line numbers and
/// highlighted lines, ```` ```go {linenos=true hl_lines=[2,"4-5"] linenostart=10} ````
/// (`{% highlight go linenos %}` and the `highlight` shortcode become fences of this form).
public struct FenceInfo: Equatable, Sendable {
    public var language: String
    public var lineNumbers = false
    public var firstLineNumber = 1
    /// Lines to mark, counted from the block's first line as 1.
    public var highlightedLines: Set<Int> = []

    public init(language: String, lineNumbers: Bool = false, firstLineNumber: Int = 1, highlightedLines: Set<Int> = []) {
        self.language = language
        self.lineNumbers = lineNumbers
        self.firstLineNumber = firstLineNumber
        self.highlightedLines = highlightedLines
    }

    public init(_ info: String) {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        let brace = trimmed.firstIndex(of: "{")
        let head = trimmed[..<(brace ?? trimmed.endIndex)]
        language = String(head.prefix { $0 != " " && $0 != "\t" })
        guard let brace, let close = trimmed[brace...].lastIndex(of: "}") else { return }
        for (key, value) in Self.options(trimmed[trimmed.index(after: brace)..<close]) {
            switch key.lowercased() {
            case "linenos":
                lineNumbers = !["false", "none", "0", "no"].contains(value.lowercased())
            case "linenostart":
                firstLineNumber = Int(value) ?? 1
            case "hl_lines":
                highlightedLines = Self.lines(value)
            default:
                break
            }
        }
    }

    /// Hugo's option string `linenos=table,hl_lines=8 15-17` as the braces of a fence's info string.
    static func braced(hugoOptions: String) -> String {
        let pairs = hugoOptions.split(separator: ",").map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 ? "\(parts[0])=\"\(parts[1])\"" : parts.joined()
        }
        return pairs.isEmpty ? "" : " {" + pairs.joined(separator: " ") + "}"
    }

    /// `key=value` pairs separated by spaces or commas; a value may be quoted or a `[…]` list.
    static func options(_ text: Substring) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var rest = text[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "," || $0 == "\t" }
            guard !rest.isEmpty else { break }
            let key = rest.prefix { $0 != "=" && $0 != " " && $0 != "," }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else {
                if !key.isEmpty { pairs.append((String(key), "true")) }
                rest = rest.dropFirst()
                continue
            }
            rest = rest.dropFirst()
            var value: Substring
            if let open = rest.first, open == "[" || open == "\"" || open == "'" {
                let closer: Character = open == "[" ? "]" : open
                let body = rest.dropFirst()
                let end = body.firstIndex(of: closer) ?? body.endIndex
                value = body[..<end]
                rest = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
            } else {
                value = rest.prefix { $0 != " " && $0 != "," }
                rest = rest.dropFirst(value.count)
            }
            pairs.append((String(key), String(value)))
        }
        return pairs
    }

    /// `2 4-5`, `2,"4-5"` → {2, 4, 5}.
    static func lines(_ value: String) -> Set<Int> {
        var lines: Set<Int> = []
        for part in value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\"" || $0 == "'" }) {
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 10_000 {
                lines.formUnion(bounds[0]...bounds[1])
            } else if bounds.count == 1 {
                lines.insert(bounds[0])
            }
        }
        return lines
    }
}
