import Foundation

/// The slug rules of the site: heading ids as GitHub and markdown-toc tools make them, and the URL
/// segments of documents and tags.
public enum Slug {
    /// GitHub's heading slug: NFC, lower-case, every character that is not a letter, mark, number,
    /// space, `-` or `_` dropped, each space turned into `-`. `아는가? : AiRSearch` → `아는가--airsearch`.
    public static func heading(_ text: String) -> String {
        simpleHeading(text) ?? scalarHeading(text)
    }

    /// `heading` for any text, scalar by scalar.
    static func scalarHeading(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in folded(text).unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || isLetterMarkOrNumber(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `heading` for text of ASCII and precomposed Hangul syllables (most headings here), worked
    /// on its UTF-8 without Unicode property lookups: syllables are letters and already NFC, and
    /// only ASCII letters have case. Nil for any other text.
    static func simpleHeading(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x20: bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "-"), UInt8(ascii: "_"), 0x30...0x39, 0x61...0x7A: bytes.append(byte)
            case 0x41...0x5A: bytes.append(byte + 0x20)
            case 0..<0x80: continue
            case 0xEA...0xED:
                // A three-byte scalar: kept when it is a syllable (U+AC00–U+D7A3), else the slow path.
                guard let second = utf8.next(), let third = utf8.next() else { return nil }
                let value = (UInt32(byte & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
                guard (0xAC00...0xD7A3).contains(value) else { return nil }
                bytes.append(contentsOf: [byte, second, third])
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// NFC and lower case. Text of ASCII and precomposed Hangul syllables — most headings here — is
    /// already NFC and only ASCII letters have case, so it is folded byte by byte without Foundation.
    static func folded(_ text: String) -> String {
        let simple = text.unicodeScalars.allSatisfy { $0.isASCII || (0xAC00...0xD7A3).contains($0.value) }
        guard simple else { return text.precomposedStringWithCanonicalMapping.lowercased() }
        guard text.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return text }
        return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The URL segment of a document or tag: the heading rules, with any run of white space or
    /// dashes folded into one `-` and no dash at either end. `2022 회고  [연말]` → `2022-회고-연말`.
    public static func segment(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in folded(text).unicodeScalars {
            if scalar == "-" || scalar.properties.isWhitespace {
                pendingDash = !result.isEmpty
            } else if scalar == "_" || isLetterMarkOrNumber(scalar) {
                if pendingDash { result.append("-") }
                pendingDash = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The URL segment of a tag: as `segment`, but a `+` or `#` that ends a word is spelled out, so
    /// `C++`, `C#` and `C` stay three tags: `c-plus-plus`, `c-sharp`, `c`. A leading `#` (`#회고`) is dropped.
    public static func tag(_ name: String) -> String {
        guard name.contains(where: { $0 == "+" || $0 == "#" }) else { return segment(name) }
        var spelled = ""
        var afterWord = false
        for character in name {
            if (character == "+" || character == "#") && afterWord {
                spelled += character == "+" ? " plus " : " sharp "
                // `C++`: the second sign follows the first and is spelled out too.
                afterWord = character == "+"
            } else {
                spelled.append(character)
                afterWord = character.isLetter || character.isNumber
            }
        }
        return segment(spelled)
    }

    private static func isLetterMarkOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

/// Hands out unique heading ids within one page: the second `intro` is `intro-1`, then `intro-2`.
public struct UniqueSlugs: Sendable {
    private var used: [Key: Int]

    /// Room for `capacity` slugs before the table grows.
    public init(capacity: Int = 0) {
        used = Dictionary(minimumCapacity: capacity)
    }

    /// Reserves `slug` or, when it is taken, the first free `slug-N`.
    public mutating func claim(_ slug: String) -> String {
        let key = Key(slug)
        guard let count = used.updateValue(0, forKey: key) else { return slug }
        var n = count + 1
        while used[Key("\(slug)-\(n)")] != nil { n += 1 }
        used[key] = n
        used[Key("\(slug)-\(n)")] = 0
        return "\(slug)-\(n)"
    }

    /// A slug as a key, equal as strings are (canonically), hashed from its NFC bytes: a heading's
    /// slug is NFC already when it is ASCII and Hangul syllables, and is hashed as it is, where
    /// `String` would check every non-ASCII scalar first.
    struct Key: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (a: Key, b: Key) -> Bool { a.text == b.text }

        func hash(into hasher: inout Hasher) {
            let composed = UTF8Scalar.allNonASCII(of: text) { (0xAC00...0xD7A3).contains($0) }
            hasher.combineUTF8(composed ? text : text.precomposedStringWithCanonicalMapping)
        }
    }
}
