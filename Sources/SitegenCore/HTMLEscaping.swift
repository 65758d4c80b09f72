/// Escaping for HTML text and attribute values: `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`
/// (the entities Mustache's HTML escaping writes, so theme output is unchanged). Read as UTF-8
/// bytes; a text with nothing to escape — nearly every one — is appended as it is.
extension String {
    public mutating func appendEscapingHTML(_ text: String) {
        var text = text
        guard let escaped = text.withUTF8({ bytes -> String? in
            guard let first = bytes.firstIndex(where: Self.needsEscaping) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }) else {
            self += text
            return
        }
        self += escaped
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}

/// `text` escaped for HTML content and attribute values.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.appendEscapingHTML(text)
    return out
}
