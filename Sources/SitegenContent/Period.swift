import Foundation
import SitegenCore

/// The stretch of time a retrospective looks back on: a year, a half-year, a quarter, a month, a
/// week, or a run of weeks (`2021-W19..2021-W21`).
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Cadence: String, Sendable, Hashable, CaseIterable, Comparable {
        case weekly, monthly, quarterly, halfyearly, yearly

        public static func < (lhs: Cadence, rhs: Cadence) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var cadence: Cadence
    public var year: Int
    /// The quarter, month or week the period starts with (1-based); 1 for a year.
    public var first: Int
    /// The quarter, month or week it ends with; `first` unless it is a range.
    public var last: Int

    public init(_ cadence: Cadence, year: Int, first: Int = 1, last: Int? = nil) {
        self.cadence = cadence
        self.year = year
        self.first = first
        self.last = last ?? first
    }

    /// The canonical text, as front matter writes it: `2022`, `2023-Q2`, `2023-06`, `2021-W19`, `2021-W19..2021-W21`.
    public var description: String {
        func one(_ n: Int) -> String {
            switch cadence {
            case .yearly: return "\(year)"
            case .quarterly: return "\(year)-Q\(n)"
            case .halfyearly: return "\(year)-H\(n)"
            case .monthly: return "\(year)-\(n < 10 ? "0" : "")\(n)"
            case .weekly: return "\(year)-W\(n < 10 ? "0" : "")\(n)"
            }
        }
        return first == last ? one(first) : "\(one(first))..\(one(last))"
    }

    /// What a reader sees: `2022년`, `2023년 2분기`, `2023년 6월`, `2021년 19주차`, `2021년 19–21주차`;
    /// in English `2022`, `Q2 2023`, `June 2023`, `Week 19, 2021`, `Weeks 19–21, 2021`.
    public func label(language: String) -> String {
        let korean = SiteLanguage.isKorean(language)
        let span = first == last ? "\(first)" : "\(first)–\(last)"
        switch cadence {
        case .yearly: return korean ? "\(year)년" : "\(year)"
        case .quarterly: return korean ? "\(year)년 \(span)분기" : "Q\(span) \(year)"
        case .halfyearly:
            let halves = korean ? ["상반기", "하반기"] : ["H1", "H2"]
            let name = first == last ? halves[max(0, min(first, 2) - 1)] : halves.joined(separator: "–")
            return korean ? "\(year)년 \(name)" : "\(name) \(year)"
        case .monthly:
            return korean ? "\(year)년 \(span)월" : (first == last ? "\(Self.monthNames[first - 1]) \(year)" : "\(Self.monthNames[first - 1])–\(Self.monthNames[last - 1]) \(year)")
        case .weekly: return korean ? "\(year)년 \(span)주차" : (first == last ? "Week \(span), \(year)" : "Weeks \(span), \(year)")
        }
    }

    /// The first and last day of the period (ISO weeks start on Monday).
    public var startDay: DocumentDate { day(of: first, end: false) }
    public var endDay: DocumentDate { day(of: last, end: true) }

    /// The same period a year before.
    public var yearBefore: Period { Period(cadence, year: year - 1, first: first, last: last) }

    /// Whether it covers the ISO week `week` of `year`, or month `month` of `year`.
    public func covers(week: Int, of weekYear: Int) -> Bool {
        let start = Period(.weekly, year: weekYear, first: week).startDay
        let end = Period(.weekly, year: weekYear, first: week).endDay
        return startDay.secondsSinceEpoch(defaultOffset: 0) <= end.secondsSinceEpoch(defaultOffset: 0)
            && endDay.secondsSinceEpoch(defaultOffset: 0) >= start.secondsSinceEpoch(defaultOffset: 0)
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        let (l, r) = (lhs.endDay.secondsSinceEpoch(defaultOffset: 0), rhs.endDay.secondsSinceEpoch(defaultOffset: 0))
        return l != r ? l < r : lhs.cadence < rhs.cadence
    }

    private func day(of n: Int, end: Bool) -> DocumentDate {
        switch cadence {
        case .yearly:
            return end ? DocumentDate(year: year, month: 12, day: 31) : DocumentDate(year: year, month: 1, day: 1)
        case .halfyearly:
            let month = end ? n * 6 : n * 6 - 5
            return DocumentDate(year: year, month: month, day: end ? DocumentDate.daysIn(month: month, year: year) : 1)
        case .quarterly:
            let month = end ? n * 3 : n * 3 - 2
            return DocumentDate(year: year, month: month, day: end ? DocumentDate.daysIn(month: month, year: year) : 1)
        case .monthly:
            return DocumentDate(year: year, month: n, day: end ? DocumentDate.daysIn(month: n, year: year) : 1)
        case .weekly:
            let monday = Self.isoWeekMonday(year: year, week: n) + (end ? 6 : 0)
            return DocumentDate(daysSinceEpoch: monday)
        }
    }

    /// Days since 1970-01-01 of the Monday of ISO week `week` of `year`.
    static func isoWeekMonday(year: Int, week: Int) -> Int {
        let jan4 = DocumentDate.daysFromCivil(year: year, month: 1, day: 4)
        let weekday = ((jan4 % 7) + 7 + 3) % 7  // 0 = Monday; 1970-01-01 was a Thursday
        return jan4 - weekday + (week - 1) * 7
    }

    /// The ISO week of a day, with its week-numbering year.
    public static func isoWeek(of date: DocumentDate) -> (year: Int, week: Int) {
        let days = DocumentDate.daysFromCivil(year: date.year, month: date.month, day: date.day)
        for year in [date.year + 1, date.year, date.year - 1] {
            let monday = isoWeekMonday(year: year, week: 1)
            if days >= monday { return (year, (days - monday) / 7 + 1) }
        }
        return (date.year, 1)
    }

    /// How many ISO weeks the period's year has (52 or 53).
    public var weeksInYear: Int { Self.weeksIn(year: year) }

    static func weeksIn(year: Int) -> Int {
        isoWeek(of: DocumentDate(year: year, month: 12, day: 28)).week
    }

    static let monthNames = MonthNames.english
}

extension DocumentDate {
    /// The day `days` after this one.
    public func adding(days: Int) -> DocumentDate {
        DocumentDate(daysSinceEpoch: DocumentDate.daysFromCivil(year: year, month: month, day: day) + days)
    }

    /// The day `days` after 1970-01-01.
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
