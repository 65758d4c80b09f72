import SitegenContent
import SitegenCore
import SitegenTemplates

/// The `/retrospectives/` timeline: retrospectives by year, newest first, each year with a calendar
/// of the weeks and months its retrospectives cover. The template draws the calendar as SVG from
/// these cells; no script.
struct Timeline {
    struct Year {
        /// nil for retrospectives with neither period nor date.
        var year: Int?
        var members: [Int]
    }

    var years: [Year]

    init(site: Site) {
        var groups: [Int?: [Int]] = [:]
        for index in site.retrospectives {
            let document = site.documents[index]
            groups[document.period?.year ?? document.date?.year, default: []].append(index)
        }
        years = groups.keys.sorted { ($0 ?? Int.min) > ($1 ?? Int.min) }.map { Year(year: $0, members: groups[$0] ?? []) }
    }

    /// Cell width and gap of the calendar, in SVG units.
    static let weekCell = 10
    static let monthCell = 44

    /// One cell per ISO week of `year`, filled when a weekly retrospective covers it and linking to
    /// it; nil when no weekly retrospective is in the year (no empty row). `periods` come newest first,
    /// with the link each cell would take.
    static func weeks(of year: Int, periods: [(period: Period, url: TemplateLink)], language: String) -> [CalendarCellValues]? {
        let weekly = periods.filter { $0.period.cadence == .weekly }
        guard !weekly.isEmpty else { return nil }
        return (1...Period(.weekly, year: year, first: 1).weeksInYear).map { week in
            let covering = weekly.first { $0.period.covers(week: week, of: year) }
            let x = (week - 1) * (weekCell + 1)
            return CalendarCellValues(x: x, width: weekCell, filled: covering != nil, level: covering != nil ? 4 : 0,
                                      label: Period(.weekly, year: year, first: week).label(language: language),
                                      url: covering?.url, center: x + weekCell / 2)
        }
    }

    /// One cell per month of `year`, shaded by how many weekly, monthly, quarterly and half-yearly
    /// retrospectives touch it (level 0 to 4), named, and linking to the shortest of them; a yearly
    /// one would shade them all alike, so it does not count. Nil when only yearly ones are in the year.
    static func months(of year: Int, periods: [(period: Period, url: TemplateLink)], language: String) -> [CalendarCellValues]? {
        let shorter = periods.filter { $0.period.cadence != .yearly }
        guard !shorter.isEmpty else { return nil }
        let korean = SiteLanguage.isKorean(language)
        return (1...12).map { month in
            let cell = Period(.monthly, year: year, first: month)
            let touching = shorter.filter { $0.period.startDay <= cell.endDay && cell.startDay <= $0.period.endDay }
            let link = touching.min { $0.period.cadence < $1.period.cadence }?.url
            let x = (month - 1) * (monthCell + 2)
            return CalendarCellValues(x: x, width: monthCell, filled: !touching.isEmpty, level: min(touching.count, 4),
                                      label: cell.label(language: language), url: link,
                                      short: korean ? "\(month)월" : String(MonthNames.english[month - 1].prefix(3)), center: x + monthCell / 2)
        }
    }
}
