import SitegenCore

/// A file's text as the later phases want it: valid UTF-8, no byte-order mark, `\n` line ends.
public enum SourceText {
    /// Decodes `bytes`, or says in `diagnostics` where they stop being text and gives nil.
    public static func decode(_ bytes: [UInt8], path: String, into diagnostics: inout Diagnostics) -> String? {
        // memchr: a byte-at-a-time search was a percent of a 10,000-post build.
        if let nul = bytes.withUnsafeBufferPointer({ $0.offset(of: 0) }) {
            let (line, column) = position(ofByte: nul, in: bytes)
            diagnostics.error(at: SourceLocation(path: path, line: line, column: column), "this looks like a binary file, not Markdown (a NUL byte)")
            return nil
        }
        // The library checks the bytes once, as it makes the string; where they fail, find the byte.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes) ?? 0
            let (line, column) = position(ofByte: bad, in: bytes)
            diagnostics.error(at: SourceLocation(path: path, line: line, column: column),
                              "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save the file as UTF-8")
            return nil
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if text.utf8Contains(byte: UInt8(ascii: "\r")) {
            text = text.utf8Replacing("\r\n", with: "\n").utf8Replacing("\r", with: "\n")
        }
        return text
    }

    /// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80
            var maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            guard bytes[i + 1] >= minSecond, bytes[i + 1] <= maxSecond else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return (line, prefix.count + 1)
    }
}
