import SitegenContent
import SitegenCore
import Testing

@Suite struct FrontMatterBlockTests {
    @Test func splitsAndKeepsLineNumbers() throws {
        let block = try split("---\ntitle: A\n---\n\nBody", path: "a.md")
        #expect(block.yaml == "title: A")
        #expect(block.yamlFirstLine == 2)
        #expect(block.body == "\nBody")
        #expect(block.bodyFirstLine == 4)
    }

    @Test func noFrontMatterLeavesTheBodyWhole() throws {
        let block = try split("# Title\n\ntext", path: "a.md")
        #expect(block.yaml == nil)
        #expect(block.body == "# Title\n\ntext")
    }

    @Test(arguments: ["---\n\nA paragraph after a thematic break.\n", "---\nJust prose, no key.\n"])
    func firstLineBreakBeforeProseIsAThematicBreak(_ text: String) throws {
        let block = try split(text, path: "a.md")
        #expect(block.yaml == nil)
        #expect(block.body == text)
    }

    @Test func unterminatedBlockIsLocatedAtItsOpening() {
        #expect(throws: Diagnostic.error(at: SourceLocation(path: "a.md", line: 1, column: 1),
                                         "front matter is never closed: add a line '---' after its last key")) {
            try split("---\ntitle: A\ntags: [x]\n\nBody", path: "a.md")
        }
    }

    @Test func emptyFrontMatterIsAllowed() throws {
        let block = try split("---\n---\nBody", path: "a.md")
        #expect(block.yaml == "")
        #expect(block.body == "Body")
    }
}

@Suite struct FrontMatterDecodingTests {
    @Test func readsJekyllKeysAndKeepsUnknownOnes() throws {
        let yaml = """
        layout: post
        title: 2022년 회고
        tags: [Diary]
        comments: true
        excerpt_separator: <!--break-->
        gh-repo: kimhoego/blog
        date  : 2022-12-31 10:00:00 +0900
        """
        let matter = try decode(yaml: yaml, firstLine: 2, path: "a.md")
        #expect(matter["layout"] == .string("post"))
        #expect(matter["tags"] == .list([.string("Diary")]))
        #expect(matter["comments"] == .bool(true))
        #expect(matter["excerpt_separator"] == .string("<!--break-->"))
        #expect(matter["gh-repo"] == .string("kimhoego/blog"))
        #expect(matter["date"] == .string("2022-12-31 10:00:00 +0900"))
        #expect(matter.locations["title"] == SourceLocation(path: "a.md", line: 3, column: 8))
    }

    @Test func scalarsKeepTheirTextForTitles() throws {
        let matter = try decode(yaml: "title: 2022\nflag: yes\nq: \"5\"", firstLine: 1, path: "a.md")
        #expect(matter["title"]?.scalarText == "2022")
        #expect(matter["q"] == .string("5"))
    }

    @Test func invalidYAMLIsLocatedOnTheFileLine() {
        do {
            _ = try decode(yaml: "layout: post\ntitle: Hello: World", firstLine: 2, path: "p.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.location.path == "p.md")
            #expect(error.location.line == 3)
            #expect(error.location.column == 13)
            #expect(error.message.hasPrefix("invalid YAML"))
        }
    }

    @Test func tabIndentationIsLocated() {
        do {
            _ = try decode(yaml: "tags:\n\t- a", firstLine: 2, path: "p.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.location.line == 3)
        }
    }
}

@Suite struct DocumentDateTests {
    @Test(arguments: [
        ("2022-12-31", DocumentDate(year: 2022, month: 12, day: 31)),
        ("2022-12-31 10:00:00 +0900", DocumentDate(year: 2022, month: 12, day: 31, hour: 10, utcOffset: 32400)),
        ("2022-12-31T10:00:00+09:00", DocumentDate(year: 2022, month: 12, day: 31, hour: 10, utcOffset: 32400)),
        ("2022-12-31 10:00", DocumentDate(year: 2022, month: 12, day: 31, hour: 10)),
        ("2021-5-3", DocumentDate(year: 2021, month: 5, day: 3)),
        ("2020-01-01T00:00:00Z", DocumentDate(year: 2020, month: 1, day: 1, utcOffset: 0)),
    ])
    func parsesTheFormsWritersUse(_ text: String, _ expected: DocumentDate) {
        #expect(DocumentDate(parsing: text) == expected)
    }

    @Test(arguments: ["yesterday", "2022-13-01", "2022-02-30", "2022-12-31 25:00", "2022/12/31", "31-12-2022"])
    func rejectsWhatIsNoDate(_ text: String) {
        #expect(DocumentDate(parsing: text) == nil)
    }

    @Test func formatsRFC3339() throws {
        let date = try #require(DocumentDate(parsing: "2022-12-31 22:00:00 +0900"))
        #expect(date.rfc3339(defaultOffset: 0) == "2022-12-31T22:00:00+09:00")
        #expect(DocumentDate(year: 2022, month: 1, day: 2).rfc3339(defaultOffset: 0) == "2022-01-02T00:00:00+00:00")
        #expect(date.secondsSinceEpoch(defaultOffset: 0) == 1_672_491_600)
    }
}

@Suite struct TOCLevelsTests {
    @Test(arguments: [
        (FrontMatterValue.string("2-4"), 2...4), (.string("1..3"), 1...3), (.integer(4), 2...4), (.list([.integer(3), .integer(5)]), 3...5),
    ])
    func readsTheWrittenForms(_ value: FrontMatterValue, _ expected: ClosedRange<Int>) {
        #expect(TOCLevels.parse(value) == expected)
    }

    @Test(arguments: [FrontMatterValue.string("deep"), .string("4-2"), .integer(9), .bool(true)])
    func rejectsOthers(_ value: FrontMatterValue) {
        #expect(TOCLevels.parse(value) == nil)
    }
}

/// The readers' first problem, thrown, as these tests look at it.
func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatterBlock {
    var diagnostics = Diagnostics()
    guard let block = FrontMatterBlock.split(text, path: path, into: &diagnostics) else { throw diagnostics.all[0] }
    return block
}

func decode(yaml: String, firstLine: Int, path: String) throws(Diagnostic) -> FrontMatter {
    var diagnostics = Diagnostics()
    guard let matter = FrontMatter.decode(yaml: yaml, firstLine: firstLine, path: path, into: &diagnostics) else { throw diagnostics.all[0] }
    return matter
}
