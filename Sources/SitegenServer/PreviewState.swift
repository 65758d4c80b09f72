import SitegenBuild

/// The site the preview serves now, swapped whole after each rebuild.
actor PreviewState {
    private(set) var site = PreviewSite(files: [])
    private(set) var cache = BuildCache()

    func update(_ site: PreviewSite, cache: BuildCache? = nil) {
        self.site = site
        if let cache { self.cache = cache }
    }

    func markBroken(_ error: String) {
        site.buildError = error
    }

    var isBroken: Bool { site.buildError != nil }

    private var lastWarnings: [String] = []

    /// The warnings that differ from the last build's, so a long session does not repeat them.
    func newWarnings(_ warnings: [String]) -> [String] {
        defer { lastWarnings = warnings }
        return warnings == lastWarnings ? [] : warnings.filter { !lastWarnings.contains($0) }
    }
}
