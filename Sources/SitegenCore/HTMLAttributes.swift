/// Attribute values in HTML text, found without parsing it: `name="…"` and `name='…'` after a
/// space or line break. Enough for the links a theme or a writer's raw HTML writes.
public enum HTMLAttributes {
    /// The values of the named attributes (lower-case names), in order, with the byte offset of each value in `html`.
    public static func values(named names: Set<String>, in html: String) -> [(value: String, offset: Int)] {
        scan(html, keeping: names.contains).map { ($0.value, $0.offset) }
    }

    /// Every quoted attribute in `html`, in order: its lower-cased name, its value, and the byte offset of the value.
    public static func all(in html: String) -> [(name: String, value: String, offset: Int)] {
        scan(html, keeping: { _ in true })
    }

    private static func scan(_ html: String, keeping wanted: (String) -> Bool) -> [(name: String, value: String, offset: Int)] {
        var found: [(name: String, value: String, offset: Int)] = []
        var html = html
        html.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count,
                      bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "'") else { i += 1; continue }
                var start = i
                while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
                let quote = bytes[i + 1]
                var end = i + 2
                while end < bytes.count, bytes[end] != quote { end += 1 }
                if start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n") || bytes[start - 1] == UInt8(ascii: "\t") {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).lowercased()
                    if wanted(name) { found.append((name, String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<min(end, bytes.count)]), as: UTF8.self), i + 2)) }
                }
                i = end + 1
            }
        }
        return found
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }
}
