import SitegenContent
import Testing

@Suite struct PeriodParsingTests {
    @Test(arguments: [
        ("2022", Period(.yearly, year: 2022)),
        ("2023-Q2", Period(.quarterly, year: 2023, first: 2)),
        ("2026-H1", Period(.halfyearly, year: 2026, first: 1)),
        ("2026-H2", Period(.halfyearly, year: 2026, first: 2)),
        ("2023-06", Period(.monthly, year: 2023, first: 6)),
        ("2021-W19", Period(.weekly, year: 2021, first: 19)),
        ("2021-W19..2021-W21", Period(.weekly, year: 2021, first: 19, last: 21)),
    ])
    func frontMatterForms(_ text: String, _ expected: Period) {
        #expect(Period(parsing: text) == expected)
        #expect(expected.description == text)
    }

    @Test func halfYearsRoundTripThroughLabelsAndDays() throws {
        let first = try #require(Period(parsing: "2026-h1"))
        #expect(first.label(language: "ko") == "2026년 상반기")
        #expect(first.label(language: "en") == "H1 2026")
        #expect(Period(.halfyearly, year: 2026, first: 2).label(language: "ko") == "2026년 하반기")
        #expect((first.startDay.isoDay, first.endDay.isoDay) == ("2026-01-01", "2026-06-30"))
        #expect(Period(.halfyearly, year: 2026, first: 2).endDay.isoDay == "2026-12-31")
        #expect(Period.inferred(from: "2026년 상반기 회고", date: nil) == first)
        #expect(Period.inferred(from: "하반기 회고", date: DocumentDate(year: 2026, month: 12, day: 30)) == Period(.halfyearly, year: 2026, first: 2))
        #expect(Period.inferred(from: "2025 H2 review", date: nil) == Period(.halfyearly, year: 2025, first: 2))
        // A half-year is shorter than a year and longer than a quarter.
        #expect(Period(.quarterly, year: 2026, first: 2) < first && first < Period(.yearly, year: 2026))
    }

    @Test(arguments: ["2023-Q5", "2023-13", "2026-H3", "2025-W53", "2021-W54", "21-W19", "2021-W21..2021-W19", "2021-W19..2022-W02", "soon"])
    func rejectsWhatIsNoPeriod(_ text: String) {
        #expect(Period(parsing: text) == nil)
    }

    static let may2021 = DocumentDate(year: 2021, month: 5, day: 16)

    @Test(arguments: [
        ("2022년 회고", nil, Period(.yearly, year: 2022)),
        ("2022 회고", nil, Period(.yearly, year: 2022)),
        ("2022-retrospective", nil, Period(.yearly, year: 2022)),
        ("2023 2분기", nil, Period(.quarterly, year: 2023, first: 2)),
        ("2023 1분기 회고", nil, Period(.quarterly, year: 2023, first: 1)),
        ("2023 Q2", nil, Period(.quarterly, year: 2023, first: 2)),
        ("[Week 19-21] 회고", may2021, Period(.weekly, year: 2021, first: 19, last: 21)),
        ("[Week 19] 주간 회고", may2021, Period(.weekly, year: 2021, first: 19)),
        ("week-19", may2021, Period(.weekly, year: 2021, first: 19)),
        ("Week 19", may2021, Period(.weekly, year: 2021, first: 19)),
        ("19주차 회고", may2021, Period(.weekly, year: 2021, first: 19)),
        ("6월 회고", DocumentDate(year: 2023, month: 7, day: 2), Period(.monthly, year: 2023, first: 6)),
        ("2023년 6월", nil, Period(.monthly, year: 2023, first: 6)),
        ("June retrospective", DocumentDate(year: 2023, month: 7, day: 1), Period(.monthly, year: 2023, first: 6)),
    ] as [(String, DocumentDate?, Period)])
    func titleForms(_ title: String, _ date: DocumentDate?, _ expected: Period) {
        #expect(Period.inferred(from: title, date: date) == expected)
    }

    @Test func aDecemberRetrospectiveWrittenInJanuaryBelongsToTheYearBefore() {
        #expect(Period.inferred(from: "12월 회고", date: DocumentDate(year: 2023, month: 1, day: 3)) == Period(.monthly, year: 2022, first: 12))
        #expect(Period.inferred(from: "[Week 52]", date: DocumentDate(year: 2023, month: 1, day: 1)) == Period(.weekly, year: 2022, first: 52))
    }

    @Test(arguments: ["DEVIEW 2023 참관기", "Why I built my own generator", "Maybe next time", "1:1 미팅 정리"])
    func titlesThatNameNoPeriod(_ title: String) {
        #expect(Period.inferred(from: title, date: DocumentDate(year: 2023, month: 6, day: 10)) == nil)
    }

    @Test func weekWithoutAYearNeedsADate() {
        #expect(Period.inferred(from: "Week 19", date: nil) == nil)
    }
}

@Suite struct PeriodCalendarTests {
    @Test func boundaries() {
        #expect(Period(.quarterly, year: 2023, first: 2).startDay == DocumentDate(year: 2023, month: 4, day: 1))
        #expect(Period(.quarterly, year: 2023, first: 2).endDay == DocumentDate(year: 2023, month: 6, day: 30))
        #expect(Period(.monthly, year: 2024, first: 2).endDay == DocumentDate(year: 2024, month: 2, day: 29))
        // ISO week 1 of 2021 starts on Monday 4 January; week 53 of 2020 ends on Sunday 3 January.
        #expect(Period(.weekly, year: 2021, first: 1).startDay == DocumentDate(year: 2021, month: 1, day: 4))
        #expect(Period(.weekly, year: 2020, first: 53).endDay == DocumentDate(year: 2021, month: 1, day: 3))
        #expect(Period(.weekly, year: 2021, first: 19, last: 21).endDay == DocumentDate(year: 2021, month: 5, day: 30))
    }

    @Test func isoWeeks() {
        #expect(Period.isoWeek(of: DocumentDate(year: 2021, month: 1, day: 3)) == (2020, 53))
        #expect(Period.isoWeek(of: DocumentDate(year: 2021, month: 5, day: 16)) == (2021, 19))
        #expect(Period.isoWeek(of: DocumentDate(year: 2026, month: 11, day: 22)) == (2026, 47))
    }

    @Test func labels() {
        #expect(Period(.quarterly, year: 2023, first: 2).label(language: "ko") == "2023년 2분기")
        #expect(Period(.weekly, year: 2021, first: 19, last: 21).label(language: "ko") == "2021년 19–21주차")
        #expect(Period(.monthly, year: 2023, first: 6).label(language: "en") == "June 2023")
        #expect(Period(.yearly, year: 2022).yearBefore == Period(.yearly, year: 2021))
    }
}
