/// The site's language, as `site.yml` writes it (`ko`, `ko-KR`, `en`).
public enum SiteLanguage {
    /// Whether dates, labels and periods are written in Korean.
    public static func isKorean(_ code: String) -> Bool {
        code.lowercased().hasPrefix("ko")
    }
}
