/// Counts what a reader reads: Hangul and other CJK characters one by one, other text by words.
public struct TextStatistics: Sendable, Hashable {
    public var cjkCharacters = 0
    public var words = 0

    public init() {}

    /// CJK characters read at about 500 a minute, other words at about 230.
    public static let cjkPerMinute = 500.0
    public static let wordsPerMinute = 230.0

    public mutating func add(_ text: String) {
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let separates: Bool
            if value < 0x80 {
                // ASCII, most of any text: letters and digits make words, everything else parts them.
                let lower = value | 0x20
                separates = !((0x30...0x39).contains(value) || (0x61...0x7A).contains(lower))
            } else if Self.isCJK(scalar) {
                cjkCharacters += 1
                inWord = false
                continue
            } else {
                separates = scalar.properties.isWhitespace
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

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F,  // Hangul syllables and jamo
             0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF,  // CJK ideographs
             0x3040...0x30FF:                                      // kana
            return true
        default:
            return false
        }
    }
}
