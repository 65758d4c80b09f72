import SitegenContent
import SitegenCore

/// Values templates format themselves, through Mustache transforms: `{{short(page.date)}}`,
/// `{{minutes(page.reading_minutes)}}`, `{{absolute(page.url)}}`. Each knows the site's language.

/// A date: `{{page.date}}` is the localized day (`2022년 12월 31일`, `December 31, 2022`); its keys
/// `iso`, `day`, `year`, `month`, `text`; transforms `long`, `short` (`2022.12.31`), `iso`, `day`,
/// `year`, `month_name`.
public struct TemplateDate: TemplateObject, TemplateDataConvertible, CustomStringConvertible, Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// RFC 3339 with the offset: `2022-12-31T22:00:00+09:00`.
    public var iso: String
    public var language: String

    public init(year: Int, month: Int, day: Int, iso: String, language: String) {
        self.year = year
        self.month = month
        self.day = day
        self.iso = iso
        self.language = language
    }

    var isKorean: Bool { SiteLanguage.isKorean(language) }

    public var long: String {
        isKorean ? "\(year)년 \(month)월 \(day)일" : "\(Self.monthNames[month - 1]) \(day), \(year)"
    }

    public var short: String { "\(year).\(month.zeroPadded()).\(day.zeroPadded())" }
    public var isoDay: String { DocumentDate(year: year, month: month, day: day).isoDay }
    public var monthName: String { isKorean ? "\(month)월" : Self.monthNames[month - 1] }
    public var description: String { long }

    public func child(named name: String) -> TemplateData {
        switch name {
        case "iso": return .text(iso)
        case "day": return .text(isoDay)
        case "text", "long": return .text(long)
        case "short": return .text(short)
        case "year": return .int(year)
        case "month": return .int(month)
        case "month_name": return .text(monthName)
        default: return .none
        }
    }

    /// The keys above, as transforms too (`{{short(page.date)}}`), but for `text` and `month`.
    public func transform(_ name: String) -> TemplateData {
        name == "text" || name == "month" ? .none : child(named: name)
    }

    public var templateText: String { long }
    public var templateData: TemplateData { .object(self) }


    static let monthNames = MonthNames.english
}

/// A number of things: `{{tag.count}}` is the number; transforms `posts` (`글 3편`, `3 posts`),
/// `minutes` (`3분`, `3 min`), `words` (`1,200자`… `1,200 words`).
public struct TemplateCount: TemplateObject, TemplateDataConvertible, CustomStringConvertible, Sendable, Hashable {
    public var value: Int
    public var language: String

    public init(_ value: Int, language: String) {
        self.value = value
        self.language = language
    }

    public var description: String { String(value) }

    public func transform(_ name: String) -> TemplateData {
        let korean = SiteLanguage.isKorean(language)
        switch name {
        case "posts": return .text(korean ? "글 \(value)편" : (value == 1 ? "1 post" : "\(grouped) posts"))
        case "minutes": return .text(korean ? "\(value)분" : "\(value) min")
        case "words": return .text(korean ? "\(grouped)단어" : (value == 1 ? "1 word" : "\(grouped) words"))
        case "grouped": return .text(grouped)
        default: return .none
        }
    }

    /// Its fields, as a template reaches into a value: `{{count.value}}`.
    public func child(named name: String) -> TemplateData {
        switch name {
        case "value": return .int(value)
        case "language": return .text(language)
        default: return .none
        }
    }

    public var templateText: String { description }
    public var templateData: TemplateData { .object(self) }

    /// `12,345`.
    var grouped: String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}

/// A link inside the site: `{{page.url}}` is the href (`/blog/posts/a/`, percent-encoded);
/// the transform `absolute` gives it with the site's scheme and host, when `base_url` has them.
public struct TemplateLink: TemplateObject, TemplateDataConvertible, CustomStringConvertible, Sendable, Hashable {
    public var href: String
    public var origin: String

    public init(href: String, origin: String) {
        self.href = href
        self.origin = origin
    }

    public var description: String { href }

    public func transform(_ name: String) -> TemplateData {
        name == "absolute" ? .text(origin + href) : .none
    }

    /// Its fields, as a template reaches into a value: `{{page.url.href}}`.
    public func child(named name: String) -> TemplateData {
        switch name {
        case "href": return .text(href)
        case "origin": return .text(origin)
        default: return .none
        }
    }

    public var templateText: String { href }
    public var templateData: TemplateData { .object(self) }
}
