/// Escaping for HTML text and attribute values: `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`
/// (the entities Mustache's HTML escaping writes, so theme output is unchanged). Read as UTF-8
/// bytes; a text with nothing to escape — nearly every one — is appended as it is.
extension String {
    public mutating func appendEscapingHTML(_ text: String) {
        var text = text
        guard let escaped = text.withUTF8({ bytes -> String? in
            guard bytes.contains(where: HTMLEscaping.needsEscaping) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.appendEscapingHTML(bytes)
            return String(decoding: out, as: UTF8.self)
        }) else {
            self += text
            return
        }
        self += escaped
    }
}

/// The same for UTF-8 output, as templates write pages.
extension Array where Element == UInt8 {
    public mutating func appendEscapingHTML(_ text: String) {
        var text = text
        text.withUTF8 { appendEscapingHTML($0) }
    }

    /// `text`'s UTF-8 as it is.
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    mutating func appendEscapingHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in bytes.indices {
            guard let entity = HTMLEscaping.entity(for: bytes[index]) else { continue }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            entity.withUTF8Buffer { append(contentsOf: $0) }
            start = index + 1
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}

private enum HTMLEscaping {
    static func needsEscaping(_ byte: UInt8) -> Bool { entity(for: byte) != nil }

    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }
}

/// `text` escaped for HTML content and attribute values.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.appendEscapingHTML(text)
    return out
}
