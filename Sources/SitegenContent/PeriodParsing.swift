import Foundation
import SitegenCore

/// Reading a period from what writers write: front matter `period`, or a title or file name that
/// names one.
extension Period {
    /// `2022`, `2023-H1`, `2023-Q2`, `2023-06`, `2021-W19`, `2021-W19..2021-W21`; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
        guard (1...2).contains(parts.count), let first = Self.single(parts[0]) else { return nil }
        guard parts.count == 2 else {
            self = first
            return
        }
        guard let last = Self.single(parts[1]), last.cadence == first.cadence, last.year == first.year, last.first >= first.first else { return nil }
        self.init(first.cadence, year: first.year, first: first.first, last: last.first)
    }

    private static func single(_ text: String) -> Period? {
        let text = text.trimmingCharacters(in: .whitespaces).uppercased()
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = Int(pieces[0]), pieces[0].count == 4 else { return nil }
        if pieces.count == 1 { return Period(.yearly, year: year) }
        guard pieces.count == 2 else { return nil }
        let rest = pieces[1]
        if rest.hasPrefix("Q"), let q = Int(rest.dropFirst()), (1...4).contains(q) { return Period(.quarterly, year: year, first: q) }
        if rest.hasPrefix("H"), let h = Int(rest.dropFirst()), (1...2).contains(h) { return Period(.halfyearly, year: year, first: h) }
        if rest.hasPrefix("W"), let w = Int(rest.dropFirst()), (1...weeksIn(year: year)).contains(w) { return Period(.weekly, year: year, first: w) }
        if let m = Int(rest), rest.count == 2, (1...12).contains(m) { return Period(.monthly, year: year, first: m) }
        return nil
    }

    /// The period a title names (`2022년 회고`, `2023 2분기`, `2023 Q2`, `[Week 19-21]`, `Week 19`,
    /// `6월 회고`), the year taken from the text or else from `date`. When the date falls before the
    /// period would start, the period is the one of the year before (a December retrospective
    /// written in January).
    public static func inferred(from title: String, date: DocumentDate?) -> Period? {
        let scanner = TitleScanner(title)
        let explicitYear = scanner.year()
        let dateYear = date?.year

        func resolve(_ make: (Int) -> Period) -> Period? {
            if let year = explicitYear { return make(year) }
            guard let date, let year = dateYear else { return nil }
            let period = make(year)
            let written = date.secondsSinceEpoch(defaultOffset: 0)
            return period.startDay.secondsSinceEpoch(defaultOffset: 0) > written ? make(year - 1) : period
        }

        if let quarter = scanner.quarter() { return resolve { Period(.quarterly, year: $0, first: quarter) } }
        if let half = scanner.half() { return resolve { Period(.halfyearly, year: $0, first: half) } }
        if let (first, last) = scanner.weeks() { return resolve { Period(.weekly, year: $0, first: first, last: last) } }
        if let month = scanner.month() { return resolve { Period(.monthly, year: $0, first: month) } }
        if let year = explicitYear, scanner.namesAYear() { return Period(.yearly, year: year) }
        return nil
    }
}

/// Looks for the period words of a title, Korean and English.
private struct TitleScanner {
    let text: String
    let lower: String

    /// Runs of ASCII digits with the text that follows each, found once.
    private let numbers: [(value: Int, digits: Int, after: Substring, before: Substring)]

    init(_ text: String) {
        self.text = text
        self.lower = text.lowercased()
        self.numbers = Self.numbers(in: lower)
    }

    private static func numbers(in lower: String) -> [(value: Int, digits: Int, after: Substring, before: Substring)] {
        var found: [(Int, Int, Substring, Substring)] = []
        var index = lower.startIndex
        while index < lower.endIndex {
            guard lower[index].isASCII, lower[index].isNumber else {
                index = lower.index(after: index)
                continue
            }
            let start = index
            while index < lower.endIndex, lower[index].isASCII, lower[index].isNumber { index = lower.index(after: index) }
            let digits = lower[start..<index]
            if let value = Int(digits) { found.append((value, digits.count, lower[index...], lower[..<start])) }
        }
        return found
    }

    /// A four-digit year between 1900 and 2999.
    func year() -> Int? {
        numbers.first { $0.digits == 4 && (1900...2999).contains($0.value) }?.value
    }

    /// `2분기`, `Q2`, `2Q`.
    func quarter() -> Int? {
        for number in numbers where (1...4).contains(number.value) && number.digits == 1 {
            let after = number.after.drop { $0 == " " }
            if after.hasPrefix("분기") || after.hasPrefix("q") && !(after.dropFirst().first?.isLetter ?? false) { return number.value }
            if number.before.hasSuffix("q") { return number.value }
        }
        return nil
    }

    /// `상반기`, `하반기`, `H1`, `H2`, `first half`, `second half`.
    func half() -> Int? {
        if lower.utf8Contains("상반기") || lower.utf8Contains("first half") { return 1 }
        if lower.utf8Contains("하반기") || lower.utf8Contains("second half") { return 2 }
        for number in numbers where (1...2).contains(number.value) && number.digits == 1 && number.before.hasSuffix("h") {
            let previous = number.before.dropLast().last
            if !(previous?.isLetter ?? false) { return number.value }
        }
        return nil
    }

    /// `Week 19`, `[Week 19-21]`, `W19`, `19주차`, `19-21주차`.
    func weeks() -> (Int, Int)? {
        let all = numbers
        for (index, number) in all.enumerated() where (1...53).contains(number.value) && number.digits <= 2 {
            let before = number.before.reversed().drop { " -_[".contains($0) }
            let isWeekPrefix = String(before.prefix(4).reversed()) == "week" || (before.first == "w" && !(before.dropFirst().first?.isLetter ?? false))
            let after = number.after.drop { $0 == " " }
            var last = number.value
            if after.hasPrefix("-") || after.hasPrefix("~") || after.hasPrefix("–"), index + 1 < all.count {
                let next = all[index + 1]
                if (number.value...53).contains(next.value), next.digits <= 2 { last = next.value }
            }
            let lastAfter = last == number.value ? after : all[index + 1].after.drop { $0 == " " }
            if isWeekPrefix || lastAfter.hasPrefix("주차") || lastAfter.hasPrefix("주") && !lastAfter.hasPrefix("주간") {
                return (number.value, last)
            }
        }
        return nil
    }

    /// `6월`, `2023년 6월`, `June`.
    func month() -> Int? {
        for number in numbers where (1...12).contains(number.value) && number.digits <= 2 {
            let after = number.after.drop { $0 == " " }
            if after.hasPrefix("월") { return number.value }
        }
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        for (index, name) in Period.monthNames.enumerated() where words.contains(name.lowercased()) { return index + 1 }
        return nil
    }

    /// `2022년`, `2022 회고`, `2022 retrospective`, `2022-retrospective`, `2022 review`.
    func namesAYear() -> Bool {
        guard let number = numbers.first(where: { $0.digits == 4 && (1900...2999).contains($0.value) }) else { return false }
        let after = number.after.drop { $0 == " " || $0 == "-" || $0 == "_" }
        let before = number.before.trimmingCharacters(in: .whitespaces)
        return after.hasPrefix("년") || after.hasPrefix("회고") || after.hasPrefix("retro") || after.hasPrefix("review")
            || after.hasPrefix("연말") || after.hasPrefix("결산") || after.isEmpty
            || before.hasSuffix("회고") || before.hasSuffix("retrospective") || before.hasSuffix("review")
    }
}
