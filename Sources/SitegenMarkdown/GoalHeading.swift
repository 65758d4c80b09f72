import SitegenCore

/// Whether a heading names the writer's goals: its words equal a goal heading's (`다음 목표`,
/// `Next goals`, `Try`), case, punctuation and emoji aside, or begin with them (`Try (다음 주)`).
public enum GoalHeading {
    public static func normalized(_ text: String) -> String {
        simpleNormalized(text) ?? scalarNormalized(text)
    }

    /// `normalized` for any text, a scalar at a time.
    static func scalarNormalized(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? Character(scalar) : " "
        }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    /// `normalized` read byte-wise, for headings of ASCII and Hangul syllables only (most of them):
    /// there letters and digits are kept, lower-cased, and every run of anything else is one space
    /// between words. Nil for any other text.
    static func simpleNormalized(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var gap = false
            var index = 0
            while index < bytes.count {
                let start = index
                var byte = bytes[index]
                let kept: Bool
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A { byte += 32 }
                    kept = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    index += 1
                } else {
                    guard (0xAC00...0xD7A3).contains(UTF8Scalar.decode(bytes, at: &index)) else { return nil }
                    kept = true
                }
                guard kept else {
                    gap = true
                    continue
                }
                if gap, !out.isEmpty { out.append(0x20) }
                gap = false
                if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: bytes[start..<index]) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func matches(_ heading: String, names: Set<String>) -> Bool {
        let text = normalized(heading)
        return names.contains(text) || names.contains { !$0.isEmpty && text.hasPrefix($0 + " ") }
    }
}
