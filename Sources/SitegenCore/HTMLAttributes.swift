/// Attribute values in HTML text, found without parsing it: `name="…"` and `name='…'` after a
/// space or line break. Enough for the links a theme or a writer's raw HTML writes.
public enum HTMLAttributes {
    /// The values of the named attributes (lower-case names), in order, with the byte offset of each value in `html`.
    public static func values(named names: Set<String>, in html: String) -> [(value: String, offset: Int)] {
        var values: [(value: String, offset: Int)] = []
        var html = html
        html.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count,
                      bytes[i + 1] == UInt8(ascii: "\"") || bytes[i + 1] == UInt8(ascii: "'") else { i += 1; continue }
                var start = i
                while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).lowercased()
                let quote = bytes[i + 1]
                var end = i + 2
                while end < bytes.count, bytes[end] != quote { end += 1 }
                if start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n"), names.contains(name) {
                    values.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<min(end, bytes.count)]), as: UTF8.self), i + 2))
                }
                i = end + 1
            }
        }
        return values
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }
}
