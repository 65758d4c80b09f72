import SitegenContent

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

    /// One cell per ISO week of `year`, filled when a weekly retrospective covers it.
    static func weeks(of year: Int, periods: [Period], language: String) -> [CalendarCellValues] {
        let weekly = periods.filter { $0.cadence == .weekly }
        return (1...Period(.weekly, year: year, first: 1).weeksInYear).map { week in
            let covered = weekly.contains { $0.covers(week: week, of: year) }
            return CalendarCellValues(x: (week - 1) * (weekCell + 1), width: weekCell, filled: covered, level: covered ? 4 : 0,
                                      label: Period(.weekly, year: year, first: week).label(language: language))
        }
    }

    /// One cell per month of `year`, shaded by how many weekly, monthly and quarterly
    /// retrospectives touch it (level 0 to 4); a yearly one would shade them all alike, so it does not count.
    static func months(of year: Int, periods: [Period], language: String) -> [CalendarCellValues] {
        let shorter = periods.filter { $0.cadence != .yearly }
        return (1...12).map { month in
            let cell = Period(.monthly, year: year, first: month)
            let count = shorter.count { $0.startDay <= cell.endDay && cell.startDay <= $0.endDay }
            return CalendarCellValues(x: (month - 1) * (monthCell + 2), width: monthCell, filled: count > 0, level: min(count, 4),
                                      label: cell.label(language: language))
        }
    }
}
