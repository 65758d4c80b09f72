import Foundation
@testable import SitegenCore
import SitegenTestSupport
import Testing

@Suite struct HeadingSlugTests {
    @Test(arguments: [
        ("아는가? : AiRSearch", "아는가--airsearch"),
        ("Scavenger - 당신의", "scavenger---당신의"),
        ("ML/AI 개발자", "mlai-개발자"),
        ("ML/AI 개발자를 위한", "mlai-개발자를-위한"),
        ("1분기 [1월~3월]", "1분기-1월3월"),
        ("Hello, World!", "hello-world"),
        ("snake_case and-dash", "snake_case-and-dash"),
        ("Keep", "keep"),
    ])
    func followsGitHubRules(_ heading: String, _ expected: String) {
        #expect(Slug.heading(heading) == expected)
    }

    @Test func normalizesNFDHangulFirst() {
        let nfd = "회고".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != "회고".unicodeScalars.count)
        #expect(Slug.heading(nfd) == "회고")
    }

    /// The byte-wise path for ASCII and Hangul syllables gives what the scalar-wise one gives, and
    /// leaves every other text to it.
    @Test func theFastPathAgreesWithTheScalarPath() {
        let pieces = ["회고", " ", "A", "z", "9", "-", "_", "?", ":", "[", "~", "/", "\t", "가", "힣", "ㄱ", "é", "Ä", "日", "😀", "\u{1100}\u{1161}", "!", "Q"]
        var random = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let text = random.text(of: pieces, count: 12)
            let simple = text.unicodeScalars.allSatisfy { $0.isASCII || (0xAC00...0xD7A3).contains($0.value) }
            #expect((Slug.simpleHeading(text) != nil) == simple, "\(text)")
            #expect(Slug.heading(text) == Slug.scalarHeading(text), "\(text)")
        }
    }

    @Test func repeatsGetNumberedSuffixes() {
        var slugs = UniqueSlugs()
        #expect(slugs.claim("keep") == "keep")
        #expect(slugs.claim("keep") == "keep-1")
        #expect(slugs.claim("keep") == "keep-2")
        #expect(slugs.claim("keep-1") == "keep-1-1")
        #expect(slugs.claim("try") == "try")
    }

    /// Slugs are told apart as strings are: an NFD id is the NFC one it reads as.
    @Test func canonicallyEqualSlugsAreOneSlug() {
        var slugs = UniqueSlugs(capacity: 4)
        #expect(slugs.claim("회고") == "회고")
        #expect(slugs.claim("회고".decomposedStringWithCanonicalMapping) == "회고".decomposedStringWithCanonicalMapping + "-1")
        #expect(slugs.claim("cafe\u{301}") == "cafe\u{301}")
        #expect(slugs.claim("caf\u{e9}") == "caf\u{e9}-1")
    }
}

@Suite struct SegmentSlugTests {
    @Test(arguments: [
        ("2023 1분기 회고", "2023-1분기-회고"),
        ("Why I built  my own -- generator", "why-i-built-my-own-generator"),
        ("[Week 19] 주간 회고", "week-19-주간-회고"),
        (" Diary ", "diary"),
        ("???", ""),
    ])
    func foldsSpacesAndDashes(_ text: String, _ expected: String) {
        #expect(Slug.segment(text) == expected)
    }
}

@Suite struct URLPathTests {
    @Test func encodesKoreanAndKeepsSlashes() {
        #expect(URLPath.encode("/tags/회고/") == "/tags/%ED%9A%8C%EA%B3%A0/")
        #expect(URLPath.encode("/posts/a b/") == "/posts/a%20b/")
    }

    @Test func decodesWhatItEncodes() {
        let path = "/retrospectives/2023-1분기-회고/"
        #expect(URLPath.decode(URLPath.encode(path)) == path)
        #expect(URLPath.decode("%ZZ") == nil)
        #expect(URLPath.decode("%FF") == nil)
    }
}

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic.error(at: SourceLocation(path: "content/posts/a.md", line: 3, column: 8), "bad date")
        #expect(diagnostic.description == "content/posts/a.md:3:8: error: bad date")
        #expect(Diagnostic.warning(at: .whole("output"), "x").description == "output: warning: x")
    }

    @Test func failuresSortByPathThenLine() {
        let failure = BuildFailure([
            .error(at: SourceLocation(path: "b.md", line: 1), "b"),
            .error(at: SourceLocation(path: "a.md", line: 9), "a9"),
            .warning(at: SourceLocation(path: "a.md", line: 2), "a2"),
        ])
        #expect(failure.diagnostics.map(\.message) == ["a2", "a9", "b"])
        #expect(failure.errors.count == 2)
    }
}

@Suite struct ParallelMapTests {
    @Test func keepsOrder() async {
        let numbers = Array(0..<1000)
        let doubled = await numbers.parallelMap { $0 * 2 }
        #expect(doubled == numbers.map { $0 * 2 })
    }
}

/// The byte-wise fold for ASCII and Hangul syllables gives what Foundation's NFC + lower case gives.
@Suite struct SlugFoldTests {
    @Test(arguments: ["", "Hello World", "ML/AI 개발자를 위한", "1분기 [1월~3월]", "아는가? : AiRSearch", "ALL CAPS_123",
                      "\u{1112}\u{1161}\u{11AB}", "Café", "ÉCOLE", "İstanbul", "ǅ title", "ＡＢＣ", "한글 ONLY"])
    func foldsAsFoundationDoes(_ text: String) {
        #expect(Slug.folded(text) == text.precomposedStringWithCanonicalMapping.lowercased())
    }
}
