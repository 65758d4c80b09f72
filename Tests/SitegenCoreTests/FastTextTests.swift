import Foundation
import SitegenCore
import Testing

@Suite struct FastTextTests {
    @Test func findsTheFirstOccurrenceByBytes() {
        let text = "머리말 <!--more--> 본문 <!--more--> 끝"
        let range = text.utf8Range(of: "<!--more-->")
        #expect(range.map { String(text[..<$0.lowerBound]) } == "머리말 ")
        #expect(range.map { String(text[$0]) } == "<!--more-->")
        #expect("abc".utf8Range(of: "abcd") == nil)
        #expect("aab".utf8Range(of: "ab").map { "aab".utf8.distance(from: "aab".startIndex, to: $0.lowerBound) } == 1)
        #expect("abc".utf8Range(of: "") == nil)
        #expect("".utf8Range(of: "a") == nil)
    }

    @Test func digestsTellBytesApart() {
        func digest(_ parts: [String]) -> Int {
            var hasher = Hasher()
            for part in parts { hasher.combineUTF8(part) }
            return hasher.finalize()
        }
        #expect(digest(["회고"]) == digest(["회고"]))
        #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
        // NFC and NFD spell the same text with different bytes: pages written from them differ too.
        #expect(digest(["\u{D68C}"]) != digest(["\u{1112}\u{116C}"]))
    }

    @Test func replacesAndFindsBytes() {
        #expect("a\r\nb\r\n".utf8Replacing("\r\n", with: "\n") == "a\nb\n")
        #expect("회고<!--break-->본문<!--break-->".utf8Replacing("<!--break-->", with: "") == "회고본문")
        #expect("nothing".utf8Replacing("x", with: "y") == "nothing")
        #expect("aaa".utf8Replacing("aa", with: "b") == "ba")
        #expect("{: .note}".utf8Contains("{:") && !"{ :".utf8Contains("{:"))
        #expect("a|b".utf8Contains(byte: UInt8(ascii: "|")) && !"".utf8Contains(byte: 0))
    }

    /// Trimming with Foundation is skipped only where it would change nothing.
    @Test func whitespaceAtTheEndsIsNeverMissed() {
        let spaces = (0...0x3000).compactMap(Unicode.Scalar.init).filter { $0.properties.generalCategory == .spaceSeparator } + ["\t"]
        for space in spaces {
            for text in ["\(space)제목", "제목\(space)", "\(space)", "title\(space)"] {
                #expect(text.mayHaveWhitespaceAtEnds, "U+\(String(space.value, radix: 16)) in \(text.debugDescription)")
                #expect(text.trimmingWhitespaceAtEnds() == text.trimmingCharacters(in: .whitespaces))
            }
        }
        for text in ["제목", "title", "2026-11-23", "é", ""] {
            #expect(!text.mayHaveWhitespaceAtEnds || text.trimmingCharacters(in: .whitespaces) == text)
        }
    }

    @Test func theWhitespaceListIsUnicodes() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(UnicodeWhitespace.contains(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}
