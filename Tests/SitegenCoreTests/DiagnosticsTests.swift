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
