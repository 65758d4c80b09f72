@testable import SitegenContent
import Testing
import Yams

/// Front matter skips Yams' resolver (regular expressions) for plain scalars it can tell are text:
/// that shortcut must agree with the resolver on every word it takes.
@Suite struct FrontMatterResolverTests {
    /// What the shortcut may stand for: text, or a timestamp (kept as text).
    let textual: [Yams.Tag.Name] = [.str, .timestamp]

    func resolved(_ text: String) -> Yams.Tag.Name {
        Resolver.default.resolveTag(of: Node(text, Yams.Tag(.implicit), .plain))
    }

    @Test func wordsAndDaysTheShortcutTakesAreTextToYams() {
        let taken = ["post", "draft", "ko", "ko_KR", "tech-blog", "Swift", "e5", "E", "y", "n", "nan", "NaN", "inf", "Inf", "x0",
                     "oN", "nULL", "yES", "offline", "Nope", "trueish", "ja-JP", "2024-01-31", "1999-12-31"]
        for word in taken {
            #expect(FrontMatter.surelyText(word), "\(word)")
            #expect(textual.contains(resolved(word)), "\(word) is \(resolved(word))")
        }
        let left = ["yes", "Yes", "NO", "true", "False", "on", "OFF", "null", "Null", "~", "", "0x1F", "1_000", "12:30", "1.5", ".inf",
                    "-.INF", ".NaN", "+1", "2024-1-31", "2024-01-31T10:00:00", "20240131", "<<", "="]
        for word in left { #expect(!FrontMatter.surelyText(word), "\(word)") }
    }

    @Test func randomWordsOfTheTypedAlphabet() {
        // Letters YAML's typed forms use most, digits and `+-._:~`: whatever the shortcut calls
        // text, the resolver must too.
        let alphabet = Array("aeflnorstuxyEFINOSTY0123456789+-._:~")
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...10, using: &generator)
            let word = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            guard FrontMatter.surelyText(word) else { continue }
            taken += 1
            #expect(textual.contains(resolved(word)), "\(word) is \(resolved(word))")
        }
        #expect(taken > 1000)
    }
}
