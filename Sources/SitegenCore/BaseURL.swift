/// Where a site is published: `https://user.github.io/blog/`. Checked where it is given, so a
/// `javascript:` scheme, a bare number or stray spaces never reach a page.
public enum BaseURL {
    /// The URL trimmed and ending in `/`, or what is wrong with it. With `allowingPath`, a path
    /// alone (`/blog/`, Jekyll's `baseurl`) is taken too; empty means "served at the root".
    public static func normalize(_ text: String, allowingPath: Bool) -> Result<String, BaseURLProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .success("") }
        let withSlash = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        if allowingPath, trimmed.hasPrefix("/"), !trimmed.hasPrefix("//") {
            return isClean(trimmed) ? .success(withSlash) : .failure(BaseURLProblem(text: text, allowingPath: allowingPath))
        }
        let lower = trimmed.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            let host = trimmed.dropFirst(scheme.count).prefix { $0 != "/" }
            if !host.isEmpty, isClean(trimmed) { return .success(withSlash) }
        }
        return .failure(BaseURLProblem(text: text, allowingPath: allowingPath))
    }

    private static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || "\"<>\\`".unicodeScalars.contains($0) }
    }
}

/// A base URL that is not one, with the sentence that says so.
public struct BaseURLProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var allowingPath: Bool

    public var description: String {
        "'\(text)' is not a base URL: give an absolute http:// or https:// URL such as https://user.github.io/blog/"
            + (allowingPath ? ", or a path such as /blog/" : "")
    }
}
