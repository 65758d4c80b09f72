import Foundation
import SitegenCore
import Testing

/// The default theme as a reader sees it: the README's example site (`content/`, `site.yml`) in
/// headless Chromium at a phone's width and a desktop's, light and dark. Screenshots of every kind
/// of page land in `.build/screenshots/theme-*.png` to be looked at.
@Suite(.serialized, .enabled(if: Browser.isInstalled, "needs chromium and chromium-driver (make test installs them)"))
struct ThemeBrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example site, with a long post added: a video, and a picture far below the fold.
    func withExampleSite(_ body: (Preview, Browser) async throws -> Void) async throws {
        let scratch = try ScratchFolder()
        let site = scratch.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["content", "site.yml", "themes"] where FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(item).path) {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(item), to: site.appendingPathComponent(item))
        }
        let paragraphs = (1...120).map { "\($0)번째 문단. 오래 읽히는 글의 한 부분입니다. 내용이 길어서 화면을 여러 번 내려야 끝에 닿습니다." }
        let post = """
            ---
            title: 긴 글
            date: 2023-10-01
            tags: [회고]
            ---
            ## 시작

            <iframe width="560" height="315" src="https://www.youtube.com/embed/xyz" title="영상"></iframe>

            \(paragraphs.joined(separator: "\n\n"))

            ## 끝

            ![먼 그림](long/far.svg "맨 끝의 그림")

            마지막 문단.
            """
        try scratch.write("site/content/posts/2023-10-01-long.md", post)
        try scratch.write("site/content/posts/long/far.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"600\"><rect width=\"1200\" height=\"600\" fill=\"#0b61c4\"/></svg>")
        let server = try await Preview.start(site: site)
        defer { server.stop() }
        let browser = try await Browser.start()
        defer { browser.stop() }
        try await body(server, browser)
    }

    func screenshot(_ browser: Browser, _ name: String) async throws {
        try FileManager.default.createDirectory(at: CodeAndMathBrowserTests.screenshots, withIntermediateDirectories: true)
        try await browser.screenshot().write(to: CodeAndMathBrowserTests.screenshots.appendingPathComponent("theme-\(name).png"))
    }

    @Test func everyKindOfPageFitsAPhoneAndADesktopInBothSchemes() async throws {
        try await withExampleSite { server, browser in
            let pages = [("home", ""), ("post", "posts/why-i-built-a-site-generator/"), ("retrospective", "retrospectives/2022-retrospective/"),
                         ("timeline", "retrospectives/"), ("archive", "archive/"), ("tags", "tags/"), ("search", "search/?q=%ED%9A%8C%EA%B3%A0")]
            for width in [375, 1440] {
                try await browser.viewport(width: width, height: width == 375 ? 812 : 900)
                for scheme in ["light", "dark"] {
                    try await browser.colorScheme(scheme)
                    for (name, path) in pages {
                        try await browser.open(server.url + path)
                        try await browser.waitFor("document.readyState === 'complete'", seconds: 20)
                        if name == "search" { try await browser.waitFor("document.querySelectorAll('#search-results li').length > 0", seconds: 20) }
                        // Nothing wider than the window: the page never scrolls sideways.
                        let overflow = try await browser.evaluate("return String(document.documentElement.scrollWidth - document.documentElement.clientWidth)")
                        #expect(overflow == "0", "\(name) at \(width) px is \(overflow) px wider than the window")
                        let background = try await browser.evaluate("return getComputedStyle(document.body).backgroundColor")
                        #expect(background == (scheme == "light" ? "rgb(255, 255, 255)" : "rgb(13, 17, 23)"), "\(name) \(scheme)")
                        try await screenshot(browser, "\(name)-\(width)-\(scheme)")
                    }
                }
            }
        }
    }

    @Test func aPictureBelowTheFoldKeepsItsPlaceAndTheVideoIsSixteenByNine() async throws {
        try await withExampleSite { server, browser in
            try await browser.viewport(width: 1440, height: 900)
            try await browser.open(server.url + "posts/long/")
            try await browser.waitFor("document.readyState === 'complete'", seconds: 20)
            // Not loaded yet (lazy, far below), yet its box already has the picture's shape.
            let image = try await browser.evaluate("""
                const img = document.querySelector('figure img');
                const box = img.getBoundingClientRect();
                return [img.loading, img.naturalWidth, Math.abs(box.height - box.width / 2) < 1].join(' ')
                """)
            #expect(image == "lazy 0 true")
            #expect(try await browser.text("figure figcaption") == "맨 끝의 그림")
            let video = try await browser.evaluate("const box = document.querySelector('iframe').getBoundingClientRect(); return String(Math.abs(box.height - box.width * 9 / 16) < 1.5)")
            #expect(video == "true")
            try await browser.evaluate("document.querySelector('figure').scrollIntoView(); return ''")
            try await browser.waitFor("document.querySelector('figure img').naturalWidth === 1200", seconds: 20)
            try await screenshot(browser, "figure-1440-light")
        }
    }

    @Test func theReadingProgressBarFillsAsThePageIsRead() async throws {
        try await withExampleSite { server, browser in
            try await browser.viewport(width: 1440, height: 900)
            try await browser.open(server.url + "posts/long/")
            try await browser.waitFor("document.querySelector('.reading-progress')", seconds: 20)
            let progress = "return new DOMMatrix(getComputedStyle(document.querySelector('.reading-progress')).transform).a.toFixed(2)"
            #expect(try await browser.evaluate(progress) == "0.00")
            try await browser.evaluate("scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2); return ''")
            try await browser.waitFor("(() => { const a = new DOMMatrix(getComputedStyle(document.querySelector('.reading-progress')).transform).a; return a > 0.3 && a < 0.7 })()", seconds: 20)
            try await browser.evaluate("scrollTo(0, document.documentElement.scrollHeight); return ''")
            try await browser.waitFor("new DOMMatrix(getComputedStyle(document.querySelector('.reading-progress')).transform).a === 1", seconds: 20)
            // List pages have no bar.
            try await browser.open(server.url + "archive/")
            try await browser.waitFor("document.readyState === 'complete'", seconds: 20)
            #expect(try await browser.evaluate("return String(document.querySelector('.reading-progress') === null)") == "true")
        }
    }

    @Test func theHeaderStaysPutBetweenPagesWithAndWithoutATableOfContents() async throws {
        try await withExampleSite { server, browser in
            try await browser.viewport(width: 1440, height: 900)
            var lefts: [String] = []
            for path in ["", "posts/long/", "tags/"] {
                try await browser.open(server.url + path)
                try await browser.waitFor("document.readyState === 'complete'", seconds: 20)
                lefts.append(try await browser.evaluate("return String(document.querySelector('.site-header nav').getBoundingClientRect().left)"))
            }
            #expect(Set(lefts).count == 1, "the header moved: \(lefts)")
        }
    }

    /// Each page `serve` sends keeps a stream open for live reload. A page the browser keeps for its
    /// Back button must let go of it: with six kept, the seventh page stalled until a timeout.
    @Test func browsingManyPagesInOneTabNeverStallsThePreview() async throws {
        try await withExampleSite { server, browser in
            let paths = ["", "posts/", "posts/long/", "retrospectives/", "retrospectives/2022-retrospective/", "archive/", "tags/",
                         "tags/회고/", "search/", "about/", "posts/why-i-built-a-site-generator/", ""]
            for path in paths {
                let started = ContinuousClock.now
                try await browser.open(server.url + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path))
                #expect(ContinuousClock.now - started < .seconds(5), "opening /\(path) took \(ContinuousClock.now - started)")
            }
            // Back to a kept page: its stream is open again.
            try await browser.evaluate("history.back(); return ''")
            try await browser.waitFor("location.pathname === '/posts/why-i-built-a-site-generator/'", seconds: 20)
            try await browser.waitFor("document.documentElement.dataset.sitegenLiveReload === 'open'", seconds: 20)
        }
    }
}
