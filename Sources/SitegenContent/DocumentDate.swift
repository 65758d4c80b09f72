import SitegenCore
/// A document's date as the writer gave it: a day, optionally a time and a UTC offset. Parsed by
/// hand (Jekyll's `2022-12-31 10:00:00 +0900` is no YAML timestamp) and without Foundation formatters.
public struct DocumentDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int = 0
    public var minute: Int = 0
    public var second: Int = 0
    /// The offset from UTC in seconds, when the writer gave one.
    public var utcOffset: Int?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffset: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffset = utcOffset
    }

    /// Reads `2022-12-31`, `2022-12-31 10:00`, `2022-12-31 10:00:00 +0900`, `2022-12-31T10:00:00+09:00`,
    /// `…Z`, with one-digit months and days allowed; nil for anything else.
    public init?(parsing text: String) {
        var scanner = DateScanner(text.trimmingCharacters(in: .whitespaces))
        guard let year = scanner.number(digits: 4...4), scanner.skip("-"),
              let month = scanner.number(digits: 1...2), scanner.skip("-"),
              let day = scanner.number(digits: 1...2) else { return nil }
        self.init(year: year, month: month, day: day)
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        if scanner.atEnd { return }
        guard scanner.skip("T") || scanner.skipSpaces() else { return nil }
        guard let hour = scanner.number(digits: 1...2), scanner.skip(":"),
              let minute = scanner.number(digits: 2...2) else { return nil }
        var second = 0
        if scanner.skip(":") {
            guard let s = scanner.number(digits: 2...2) else { return nil }
            second = s
            if scanner.skip(".") { _ = scanner.number(digits: 1...9) }
        }
        guard hour < 24, minute < 60, second < 61 else { return nil }
        (self.hour, self.minute, self.second) = (hour, minute, second)
        _ = scanner.skipSpaces()
        if scanner.atEnd { return }
        if scanner.skip("Z") || scanner.skip("UTC") {
            utcOffset = 0
        } else {
            let sign: Int
            if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return nil }
            guard let hours = scanner.number(digits: 2...2) else { return nil }
            _ = scanner.skip(":")
            let minutes = scanner.number(digits: 2...2) ?? 0
            guard hours <= 14, minutes < 60 else { return nil }
            utcOffset = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
    }

    /// Seconds since 1970-01-01T00:00Z; a date without an offset is read in `defaultOffset`.
    public func secondsSinceEpoch(defaultOffset: Int) -> Int64 {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64(utcOffset ?? defaultOffset)
    }

    /// RFC 3339, as feeds and `<time datetime>` want it: `2022-12-31T10:00:00+09:00`.
    public func rfc3339(defaultOffset: Int) -> String {
        let offset = utcOffset ?? defaultOffset
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(year.zeroPadded(4))-\(month.zeroPadded())-\(day.zeroPadded())T\(hour.zeroPadded()):\(minute.zeroPadded()):\(second.zeroPadded())"
            + (offset == 0 && utcOffset == 0 ? "Z" : "\(sign)\((magnitude / 3600).zeroPadded()):\((magnitude % 3600 / 60).zeroPadded())")
    }

    /// The day alone: `2022-12-31`.
    public var isoDay: String { "\(year.zeroPadded(4))-\(month.zeroPadded())-\(day.zeroPadded())" }

    public static func < (lhs: DocumentDate, rhs: DocumentDate) -> Bool {
        lhs.secondsSinceEpoch(defaultOffset: 0) < rhs.secondsSinceEpoch(defaultOffset: 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// A cursor over the ASCII of a date.
private struct DateScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ literal: String) -> Bool {
        let expected = Array(literal.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else { return false }
        index += expected.count
        return true
    }

    mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index > start
    }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while index < bytes.count, count < digits.upperBound, (48...57).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            count += 1
        }
        return count >= digits.lowerBound ? value : nil
    }
}
