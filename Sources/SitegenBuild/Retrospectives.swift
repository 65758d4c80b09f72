import SitegenContent
import SitegenMarkdown

/// How one retrospective stands among the others.
public struct RetrospectiveLinks: Sendable {
    /// The one before and after it among all retrospectives (indices into `Site.documents`).
    public var previous: Int?
    public var next: Int?
    /// The one before and after it of the same cadence.
    public var previousSameCadence: Int?
    public var nextSameCadence: Int?
    /// The retrospective of the same period one year before.
    public var yearAgo: Int?
}

/// The retrospective side of the assemble phase: periods, order, neighbours. Pure.
enum Retrospectives {
    /// A retrospective's period: front matter, else what its title or file name names.
    static func period(of document: SourceDocument, title: String) -> Period? {
        guard document.kind == .retrospective else { return nil }
        return document.declaredPeriod
            ?? Period.inferred(from: title, date: document.date)
            ?? Period.inferred(from: document.fileTitle, date: document.date)
    }

    /// Retrospectives oldest first by the time they look back on — the end of their period, else their
    /// date — then by date and file: catching up on three weeks in one evening still links 45 → 46 → 47.
    static func order(_ indices: [Int], in documents: [PageDocument], offset: Int) -> [Int] {
        func key(_ index: Int) -> (Int64, Int, Int64, String) {
            let document = documents[index]
            let date = document.sortDate?.secondsSinceEpoch(defaultOffset: offset) ?? Int64.min
            let looksBack = document.period?.endDay.secondsSinceEpoch(defaultOffset: offset) ?? date
            let span = document.period.map { Period.Cadence.allCases.firstIndex(of: $0.cadence) ?? 0 } ?? 0
            return (looksBack, span, date, document.source.path)
        }
        return indices.sorted { key($0) < key($1) }
    }

    /// Neighbours of every retrospective; `order` lists them oldest first.
    static func links(_ documents: [PageDocument], order: [Int]) -> [Int: RetrospectiveLinks] {
        var links: [Int: RetrospectiveLinks] = [:]
        var byPeriod: [Period: Int] = [:]
        for index in order { if let period = documents[index].period { byPeriod[period] = byPeriod[period] ?? index } }
        for (position, index) in order.enumerated() {
            var link = RetrospectiveLinks()
            link.previous = position > 0 ? order[position - 1] : nil
            link.next = position + 1 < order.count ? order[position + 1] : nil
            if let cadence = documents[index].period?.cadence {
                link.previousSameCadence = order[..<position].last { documents[$0].period?.cadence == cadence }
                link.nextSameCadence = order[(position + 1)...].first { documents[$0].period?.cadence == cadence }
            }
            if let period = documents[index].period { link.yearAgo = byPeriod[period.yearBefore] }
            links[index] = link
        }
        return links
    }
}
