import SitegenCore
import Testing

/// The one collector problems travel in: sorted and said once where they are shown, capped there.
@Suite struct DiagnosticsTests {
    @Test func sortsSaysEachOnceAndCapsWhatIsShown() throws {
        var diagnostics = Diagnostics()
        diagnostics.warning(at: SourceLocation(path: "b.md", line: 2), "later")
        diagnostics.error(at: SourceLocation(path: "a.md", line: 9), "first")
        diagnostics += [.warning(at: SourceLocation(path: "b.md", line: 2), "later")]
        #expect(diagnostics.sorted.map(\.description) == ["a.md:9:1: error: first", "b.md:2:1: warning: later"])
        #expect(throws: BuildFailure.self) { try diagnostics.stopIfErrors() }
        let many = (1...(Diagnostics.shownLimit + 5)).map { Diagnostic.warning(at: SourceLocation(path: "a.md", line: $0), "w") }
        let shown = Diagnostics.shown(many)
        #expect(shown.count == Diagnostics.shownLimit + 1)
        #expect(shown.last == "… and 5 more")
        #expect(BuildFailure(many + many).diagnostics.count == many.count)
    }
}

/// What the commands say about a site follows its language.
@Suite struct SiteMessagesTests {
    @Test func koreanForKoAndEnglishOtherwise() {
        let korean = SiteMessages(language: "ko-KR"), english = SiteMessages(language: "en")
        #expect(korean.built(pages: 3, files: 9, seconds: 0.5, output: "/o") == "페이지 3개(파일 9개)를 0.50초 만에 만들었습니다 → /o")
        #expect(english.built(pages: 3, files: 9, seconds: 0.5, output: "/o") == "Built 3 pages (9 files) in 0.50 s → /o")
        #expect(korean.rebuilt(pages: 2, of: 40, markdown: 1, milliseconds: 35, after: ["a.md", "b.md", "c.md", "d.md"])
                == "다시 만들었습니다: 페이지 2/40개 (Markdown 1개), 35 ms, a.md, b.md, c.md 외 1개 바뀜")
        #expect(english.rebuilt(pages: 2, of: 40, markdown: 1, milliseconds: 35, after: ["a.md"]) == "Rebuilt 2 of 40 pages (1 Markdown) in 35 ms after a.md")
        #expect(english.heldBack(2) == "Held back 2 documents dated after now; --future builds them.")
        #expect(SiteMessages(language: "ja").serving("http://x/").hasPrefix("Serving at http://x/"))
        #expect(korean.lastGoodSiteServed != english.lastGoodSiteServed && korean.nothingServedYet.contains("오류를 고치고"))
    }
}
