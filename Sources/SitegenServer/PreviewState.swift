import SitegenBuild
import SitegenCore

/// The site the preview serves now, swapped whole after each rebuild.
actor PreviewState {
    private(set) var site = PreviewSite(files: [])
    private(set) var cache = BuildCache()

    /// What the preview says, in the language of the last site built (English before the first).
    private(set) var messages = SiteMessages(language: "")

    func speak(_ messages: SiteMessages) { self.messages = messages }

    /// Changes seen but not yet in a full rebuild.
    private var pending = Set<String>()

    /// Notes a change for the next full rebuild and serves the edited documents' own pages at once,
    /// made against the last full build (see `SiteBuilder.quickPages`). Returns the files it replaced.
    /// One step on this actor, so a full rebuild's `publish` never falls between the two.
    func noteChanges(_ changed: Set<String>) -> [String] {
        pending.formUnion(changed)
        guard site.buildError == nil else { return [] }
        let quick = SiteBuilder.quickPages(after: changed, cache: cache)
        site = site.replacing(quick)
        return quick.map(\.path)
    }

    /// The changes for a full rebuild to take; they are no longer pending.
    func takePending() -> Set<String> {
        defer { pending.removeAll() }
        return pending
    }

    /// Serves a full rebuild's site, with the quick pages of changes noted while it ran kept on top.
    /// Returns the site served until now and the one served from now on.
    func publish(_ newSite: PreviewSite, cache newCache: BuildCache) -> (served: PreviewSite, published: PreviewSite) {
        let served = site
        site = pending.isEmpty ? newSite : newSite.replacing(SiteBuilder.quickPages(after: pending, cache: newCache))
        cache = newCache
        return (served, site)
    }

    func markBroken(_ error: String) {
        site.buildError = error
    }

    var isBroken: Bool { site.buildError != nil }
    /// Whether a build has ever succeeded: before one, there is no last good site to speak of.
    var hasServedASite: Bool { !site.isEmpty }

    private var lastWarnings: [String] = []

    /// The warnings that differ from the last build's, so a long session does not repeat them.
    func newWarnings(_ warnings: [String]) -> [String] {
        defer { lastWarnings = warnings }
        return warnings == lastWarnings ? [] : warnings.filter { !lastWarnings.contains($0) }
    }
}
