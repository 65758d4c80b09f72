import Foundation

/// What `build`, `check` and `serve` say about a site, in the site's language (`site.yml`'s
/// `language`): Korean for `ko`, else English. Located diagnostics (`path:line:column: error: …`)
/// stay in English, as a compiler's do: CI logs and searches rely on their words.
public struct SiteMessages: Sendable, Equatable {
    public let korean: Bool

    public init(language: String) {
        korean = SiteLanguage.isKorean(language)
    }

    private static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    public func built(pages: Int, files: Int, seconds: Double, output: String) -> String {
        let time = String(format: "%.2f", seconds)
        return korean ? "페이지 \(pages)개(파일 \(files)개)를 \(time)초 만에 만들었습니다 → \(output)"
            : "Built \(pages) pages (\(files) files) in \(time) s → \(output)"
    }

    public func heldBack(_ count: Int) -> String {
        korean ? "날짜가 아직 오지 않은 문서 \(count)개는 빼 두었습니다. --future를 주면 함께 만듭니다."
            : "Held back \(Self.plural(count, "document")) dated after now; --future builds \(count == 1 ? "it" : "them")."
    }

    public func checked(pages: Int) -> String {
        korean ? "페이지 \(pages)개를 검사했습니다: 내부 링크, 이미지, 앵커가 모두 제자리를 찾습니다"
            : "Checked \(pages) pages: every internal link, image and anchor lands"
    }

    public func serving(_ url: String) -> String {
        korean ? "\(url) 에서 보여 줍니다 — content/, themes/, site.yml을 지켜봅니다 (멈추려면 Ctrl-C)"
            : "Serving at \(url) — watching content/, themes/ and site.yml (Ctrl-C to stop)"
    }

    public var stopped: String { korean ? "멈췄습니다." : "Stopped." }

    public func builtInPreview(pages: Int, milliseconds: Int) -> String {
        korean ? "페이지 \(pages)개를 \(milliseconds) ms 만에 만들었습니다" : "Built \(pages) pages in \(milliseconds) ms"
    }

    /// After a save: `changed` names the files (the first three, and how many more).
    public func rebuilt(pages: Int, of total: Int, markdown: Int, milliseconds: Int, after changed: [String]) -> String {
        let more = changed.count - 3
        let named = changed.prefix(3).joined(separator: ", ")
        if korean {
            return "다시 만들었습니다: 페이지 \(pages)/\(total)개 (Markdown \(markdown)개), \(milliseconds) ms, \(named)\(more > 0 ? " 외 \(more)개" : "") 바뀜"
        }
        return "Rebuilt \(pages) of \(total) pages (\(markdown) Markdown) in \(milliseconds) ms after \(named)\(more > 0 ? " and \(more) more" : "")"
    }

    public func shown(_ paths: [String], milliseconds: Int) -> String {
        korean ? "\(paths.joined(separator: ", "))를 \(milliseconds) ms 만에 보여 주고 나머지를 다시 만듭니다"
            : "Showed \(paths.joined(separator: ", ")) in \(milliseconds) ms; rebuilding the rest"
    }

    public var lastGoodSiteServed: String {
        korean ? "마지막으로 만들어진 사이트를 계속 보여 줍니다. 오류를 고치고 다시 저장하세요."
            : "The last good site is still served; fix the error and save again."
    }

    public var nothingServedYet: String {
        korean ? "사이트가 만들어질 때까지 보여 줄 것이 없습니다. 오류를 고치고 저장하면 열린 페이지에 사이트가 나타납니다."
            : "Nothing is served until the site builds: fix the error and save; the open page shows the site then."
    }
}
