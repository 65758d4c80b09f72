import SitegenCore
/// A kramdown block attribute list, `{: #id .class key="value"}`, as Jekyll writers put on the line
/// before or after a block.
public struct BlockAttributes: Sendable, Hashable {
    public var id: String?
    public var classes: [String] = []
    public var pairs: [(key: String, value: String)] = []

    public static func == (lhs: BlockAttributes, rhs: BlockAttributes) -> Bool {
        lhs.id == rhs.id && lhs.classes == rhs.classes && lhs.pairs.map(\.key) == rhs.pairs.map(\.key)
            && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(classes)
    }

    public init(id: String? = nil, classes: [String] = [], pairs: [(key: String, value: String)] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    /// Reads a whole line `{: … }`; nil when the line is something else.
    public init?(line: String) {
        // Most lines are prose: tell them apart by their first bytes before any trimming.
        guard let first = line.utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), line.utf8[first] == UInt8(ascii: "{"),
              line.utf8.index(after: first) < line.utf8.endIndex, line.utf8[line.utf8.index(after: first)] == UInt8(ascii: ":")
        else { return nil }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{:"), trimmed.hasSuffix("}"), trimmed.count >= 3 else { return nil }
        var rest = Substring(trimmed.dropFirst(2).dropLast())
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { break }
            let token = rest.prefix { $0 != " " && $0 != "\t" && $0 != "=" }
            if first == "." || first == "#" {
                let name = String(token.dropFirst())
                guard !name.isEmpty, name.allSatisfy(Self.isNameCharacter) else { return nil }
                if first == "." { classes.append(name) } else { id = name }
                rest = rest.dropFirst(token.count)
            } else {
                let key = String(token)
                guard !key.isEmpty, key.allSatisfy(Self.isNameCharacter) else { return nil }
                rest = rest.dropFirst(token.count)
                guard rest.first == "=" else { return nil }
                rest = rest.dropFirst()
                let value: Substring
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    guard let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
                    value = rest[rest.index(after: rest.startIndex)..<close]
                    rest = rest[rest.index(after: close)...]
                } else {
                    value = rest.prefix { $0 != " " && $0 != "\t" }
                    rest = rest.dropFirst(value.count)
                }
                pairs.append((key, String(value)))
            }
        }
        guard id != nil || !classes.isEmpty || !pairs.isEmpty else { return nil }
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == ":"
    }

    /// ` id="…" class="…" key="…"`, escaped, with a leading space. `safe` (a site with
    /// `unsafe_html: false`) leaves out event handlers (`onclick`), `style`, and values that are
    /// `javascript:`, `vbscript:` or `data:` URLs.
    public func html(safe: Bool = false) -> String {
        var out = ""
        if let id { out += " id=\"\(escapeHTML(id))\"" }
        if !classes.isEmpty { out += " class=\"\(escapeHTML(classes.joined(separator: " ")))\"" }
        for (key, value) in pairs where key != "id" && key != "class" {
            if safe && !Self.isSafe(key: key, value: value) { continue }
            out += " \(key)=\"\(escapeHTML(value))\""
        }
        return out
    }

    static func isSafe(key: String, value: String) -> Bool {
        let name = key.lowercased()
        if name.hasPrefix("on") || name == "style" || name.contains(":") { return false }
        let scheme = value.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
            .prefix { $0 != ":" }.map(Character.init)
        let url = String(scheme).lowercased()
        return !(value.contains(":") && ["javascript", "vbscript", "data"].contains(url))
    }
}
