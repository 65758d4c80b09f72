import Foundation
@testable import SitegenContent
import SitegenCore
import Testing

/// Property lines under a Notion page's title, read as front matter.
@Suite struct NotionPropertiesTests {
    let notionFile = "retrospectives/2024 3분기 회고 0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e.md"

    func parse(_ text: String, _ path: String? = nil, options: NotionProperties.Options = .standard,
               database: NotionDatabase? = nil) -> (SourceDocument?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let document = SourceDocument.parse(text: text, relativePath: path ?? notionFile, properties: options, database: database,
                                            into: &diagnostics)
        return (document, diagnostics.all)
    }

    @Test(arguments: [
        ("2024년 9월 30일", DocumentDate(year: 2024, month: 9, day: 30, hour: 0, minute: 0)),
        ("2024년 9월 30일 오후 10:00", DocumentDate(year: 2024, month: 9, day: 30, hour: 22, minute: 0)),
        ("2024년 9월 30일 오전 12:05", DocumentDate(year: 2024, month: 9, day: 30, hour: 0, minute: 5)),
        ("2024년 10월 1일 21:30", DocumentDate(year: 2024, month: 10, day: 1, hour: 21, minute: 30)),
        ("September 30, 2024", DocumentDate(year: 2024, month: 9, day: 30, hour: 0, minute: 0)),
        ("September 30, 2024 10:00 PM", DocumentDate(year: 2024, month: 9, day: 30, hour: 22, minute: 0)),
        ("Sep 3, 2024 12:30 AM", DocumentDate(year: 2024, month: 9, day: 3, hour: 0, minute: 30)),
        ("2024-09-30", DocumentDate(year: 2024, month: 9, day: 30, hour: 0, minute: 0)),
        ("2024/09/30", DocumentDate(year: 2024, month: 9, day: 30, hour: 0, minute: 0)),
        ("2024-09-30T22:00:00+09:00", DocumentDate(year: 2024, month: 9, day: 30, hour: 22, minute: 0)),
        ("September 30, 2024 → October 6, 2024", DocumentDate(year: 2024, month: 9, day: 30, hour: 0, minute: 0)),
    ])
    func everyDateFormNotionWritesIsRead(_ text: String, _ expected: DocumentDate) throws {
        let (document, diagnostics) = parse("# 2024 3분기 회고\n\n날짜: \(text)\n\n본문\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let date = try #require(document?.date)
        #expect((date.year, date.month, date.day, date.hour, date.minute) == (expected.year, expected.month, expected.day, expected.hour, expected.minute))
    }

    @Test func tagsStatusAndOtherKeysBecomeFrontMatterAndLeaveTheBody() throws {
        let text = "# 2024 3분기 회고\n\nCreated: September 30, 2024 10:00 PM\nTags: retro, 분기\nStatus: Done\n분위기: 좋음\n\n## 잘한 점\n\n본문\n"
        let (document, diagnostics) = parse(text)
        let page = try #require(document)
        #expect(diagnostics.isEmpty)
        #expect(page.tags == ["retro", "분기"])
        #expect(!page.isDraft)
        #expect(page.frontMatter["분위기"] == .string("좋음"))
        #expect(page.frontMatter["status"] == .string("Done"))
        #expect(!page.body.contains("Tags:") && !page.body.contains("분위기"))
        // The lines become blank lines: the heading below still stands on line 8.
        #expect(page.body.split(separator: "\n", omittingEmptySubsequences: false)[7] == "## 잘한 점")
    }

    @Test(arguments: ["Draft", "작성 중", "Not started", "진행 중"])
    func aDraftStatusMakesADraft(_ status: String) throws {
        let (document, _) = parse("# 11월 회고\n\n상태: \(status)\n\n본문\n")
        #expect(try #require(document).isDraft)
    }

    @Test func aDateItCannotReadIsALocatedWarning() throws {
        let (document, diagnostics) = parse("# 2024 3분기 회고\n\n날짜: 지난주 금요일\n\n본문\n")
        #expect(document?.date == nil)
        #expect(diagnostics.map(\.description) == ["content/\(notionFile):3:5: warning: cannot read '지난주 금요일' as a date: write it as 2024년 9월 30일, September 30, 2024 or 2024-09-30"])
    }

    @Test func aSiteMayNameMoreDateKeysOrTurnThemOff() throws {
        var options = NotionProperties.Options()
        options.dateKeys.insert("회고일", at: 0)
        #expect(parse("# 회고\n\n회고일: 2024년 9월 30일\n\n본문\n", options: options).0?.date?.day == 30)
        options.enabled = false
        let (document, _) = parse("# 회고\n\n날짜: 2024년 9월 30일\n\n본문\n", options: options)
        #expect(document?.date == nil)
        #expect(document?.body.contains("날짜: 2024년 9월 30일") == true)
    }

    @Test func aNoteOutsideNotionKeepsItsColonLinesAsProse() throws {
        let (document, _) = parse("# 회의록\n\nNote: 다음 주에 다시\nOwner: 나\n\n본문\n", "posts/2024-01-01-meeting.md")
        #expect(document?.body.contains("Note: 다음 주에 다시") == true)
        // A known key is enough outside a Notion file name.
        let (dated, _) = parse("# 회고\n\n날짜: 2024년 9월 30일\n\n본문\n", "retrospectives/회고.md")
        #expect(dated?.date?.month == 9)
    }

    @Test func linesThatRunIntoProseAreNotProperties() throws {
        let (document, _) = parse("# 회고\n\n날짜: 2024년 9월 30일\n그리고 이어지는 문장\n")
        #expect(document?.date == nil)
    }

    @Test func frontMatterWinsOverPropertyLines() throws {
        let (document, _) = parse("---\ntitle: 회고\ndate: 2023-01-01\n---\n# 회고\n\n날짜: 2024년 9월 30일\n\n본문\n")
        #expect(document?.date?.year == 2023)
        #expect(document?.body.contains("날짜: 2024년 9월 30일") == true)
    }

    @Test func aDatabaseRowGivesWhatThePageLacks() throws {
        let csv = "\u{FEFF}이름,날짜,태그,상태\n2024 3분기 회고,2024년 9월 30일,\"회고, 분기\",완료\n다른 글,2024년 1월 1일,x,작성 중\n"
        var problems = Diagnostics()
        let database = NotionDatabase.read(csv, path: "content/retrospectives/DB 0123456789abcdef0123456789abcdef.csv",
                                           folder: "retrospectives/DB 0123456789abcdef0123456789abcdef", into: &problems)
        #expect(problems.isEmpty)
        let (document, diagnostics) = parse("# 2024 3분기 회고\n\n태그: 직접\n\n본문\n", database: database)
        let page = try #require(document)
        #expect(diagnostics.isEmpty)
        #expect(page.date?.day == 30)
        #expect(page.tags == ["직접"], "the page's own line wins")
        #expect(page.frontMatter["status"] == .string("완료"))
        #expect(NotionDatabase.folder(ofCSV: "a/DB 0123456789abcdef0123456789abcdef_all.csv") == "a/DB 0123456789abcdef0123456789abcdef")
        #expect(NotionDatabase.folder(ofCSV: "a/export.csv") == nil)
    }
}
