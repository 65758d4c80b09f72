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
}
