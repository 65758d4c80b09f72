import Foundation
extension Hasher {
    /// Combines a string by its UTF-8 bytes. `combine(_: String)` hashes the canonical (NFC) form,
    /// scalar by scalar, which is slow on Korean text; digests of output only need "same bytes".
    public mutating func combineUTF8(_ text: String) {
        var text = text
        combine(text.utf8.count)
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// The first occurrence of `needle`, byte for byte (`memchr` for its first byte, then `memcmp`):
    /// Foundation's `range(of:)` goes through NSString and UTF-16, slow on whole bodies.
    public func utf8Range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var haystack = self
        var needle = needle
        let offset: Int? = haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress, pin.count <= hay.count else { return nil }
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    guard let hit = memchr(base + start, Int32(pin[0]), last - start + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pinBase, pin.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether `needle` occurs, byte for byte.
    public func utf8Contains(_ needle: String) -> Bool { utf8Range(of: needle) != nil }

    /// Every occurrence of `needle` replaced, byte for byte.
    public func utf8Replacing(_ needle: String, with replacement: String) -> String {
        guard utf8Range(of: needle) != nil else { return self }
        let text = Array(utf8)
        let pin = Array(needle.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == pin[0], index + pin.count <= text.count, text[index..<index + pin.count].elementsEqual(pin) {
                out.append(contentsOf: replacement.utf8)
                index += pin.count
            } else {
                out.append(text[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the text holds `byte` (`memchr`: the generic `utf8.contains` walks byte by byte).
    public func utf8Contains(byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the text starts or ends with a character of Foundation's `CharacterSet.whitespaces`
    /// (tab, and Unicode's space separators). When not, trimming would change nothing and need not
    /// go through Foundation.
    public var mayHaveWhitespaceAtEnds: Bool {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return false }
        return Self.isSpaceSeparatorOrTab(first) || Self.isSpaceSeparatorOrTab(last)
    }

    /// `trimmingCharacters(in: .whitespaces)`, without going through Foundation when the ends are not whitespace.
    public func trimmingWhitespaceAtEnds() -> String {
        mayHaveWhitespaceAtEnds ? trimmingCharacters(in: .whitespaces) : self
    }

    private static func isSpaceSeparatorOrTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// Unicode's White_Space scalars: a fixed list, read without looking properties up per scalar.
public enum UnicodeWhitespace {
    public static func contains(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `byte` is first found from `start` on, by memchr (whole bodies and files are searched).
    @inlinable
    public func offset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

/// Reading UTF-8 a byte at a time, as the passes over whole bodies do: ASCII without decoding.
public enum UTF8Scalar {
    /// Whether every non-ASCII scalar of `text` passes `test`; ASCII passes without being decoded.
    @inlinable
    public static func allNonASCII(of text: String, _ test: (UInt32) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    index += 1
                } else if !test(decode(bytes, at: &index)) {
                    return false
                }
            }
            return true
        }
    }

    /// The scalar whose UTF-8 starts at `index` (a lead byte, not ASCII), moving `index` past it.
    /// The bytes are a Swift string's or cmark's, so valid UTF-8.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        index += length
        return value
    }
}
