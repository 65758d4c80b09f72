@testable import SitegenMarkdown
import SitegenTestSupport
import Testing

@Suite struct GoalHeadingTests {
    @Test(arguments: [
        ("다음 목표", "다음 목표"),
        ("Next Goals!", "next goals"),
        ("  Try (다음 주)  ", "try 다음 주"),
        ("🎯 목표", "목표"),
        ("1분기 [1월~3월]", "1분기 1월 3월"),
        ("Ärger—Ende", "ärger ende"),
    ])
    func keepsWordsLowerCased(_ heading: String, _ expected: String) {
        #expect(GoalHeading.normalized(heading) == expected)
    }

    /// The byte-wise path for ASCII and Hangul syllables gives what the scalar-wise one gives, and
    /// leaves every other text to it.
    @Test func theFastPathAgreesWithTheScalarPath() {
        let pieces = ["목표", " ", "A", "z", "9", "-", "_", "?", "(", "~", "\t", "가", "힣", "ㄱ", "é", "Ä", "日", "😀", "\u{1100}\u{1161}",
                      "\u{301}", "½", "٣", "!", "Q"]
        var random = SplitMix(seed: 11)
        for _ in 0..<2_000 {
            let text = random.text(of: pieces, count: 10)
            let simple = text.unicodeScalars.allSatisfy { $0.isASCII || (0xAC00...0xD7A3).contains($0.value) }
            #expect((GoalHeading.simpleNormalized(text) != nil) == simple, "\(text)")
            #expect(GoalHeading.normalized(text) == GoalHeading.scalarNormalized(text), "\(text)")
        }
    }
}
