import SitegenCore
/// Counts what a reader reads: Hangul and other CJK characters one by one, other text by words.
public struct TextStatistics: Sendable, Hashable {
    public var cjkCharacters = 0
    public var words = 0

    public init() {}

    /// CJK characters read at about 500 a minute, other words at about 230.
    public static let cjkPerMinute = 500.0
    public static let wordsPerMinute = 230.0

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// A text's words and CJK characters, from its UTF-8; a word never runs on into the next text added.
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Read as UTF-8 bytes: ASCII, most of any text, without decoding; other scalars decoded by hand.
        var inWord = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let separates: Bool
            if byte < 0x80 {
                // Letters and digits make words, everything else parts them.
                let lower = byte | 0x20
                separates = !((0x30...0x39).contains(byte) || (0x61...0x7A).contains(lower))
                index += 1
            } else {
                let value = UTF8Scalar.decode(bytes, at: &index)
                if Self.isCJK(value) {
                    cjkCharacters += 1
                    inWord = false
                    continue
                }
                separates = UnicodeWhitespace.contains(value)
            }
            if separates {
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
    }

    /// What a reader counts as words: each CJK character, and each other word.
    public var wordCount: Int { cjkCharacters + words }

    /// Whole minutes to read, at least one for any text.
    public var readingMinutes: Int {
        guard wordCount > 0 else { return 0 }
        let minutes = Double(cjkCharacters) / Self.cjkPerMinute + Double(words) / Self.wordsPerMinute
        return max(1, Int(minutes.rounded()))
    }

    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F,  // Hangul syllables and jamo
             0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF,  // CJK ideographs
             0x3040...0x30FF:                                      // kana
            return true
        default:
            return false
        }
    }
}
