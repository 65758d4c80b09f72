import Foundation
import SitegenCore
import Testing

/// The developer-blog fixture in headless Chromium, KaTeX served by the site itself (no network):
/// math laid out inline and as centred blocks, token colours following the colour scheme. Screenshots
/// of the code and math pages, light and dark, land in `.build/screenshots/` to be looked at.
@Suite(.serialized, .enabled(if: Browser.isInstalled && FileManager.default.fileExists(atPath: "/usr/share/javascript/katex/katex.min.js"),
                             "needs chromium, chromium-driver, libjs-katex and fonts-katex (make test installs them)"))
struct CodeAndMathBrowserTests {
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/screenshots")

    func withSite(_ body: (Preview, Browser) async throws -> Void) async throws {
        let scratch = try ScratchFolder()
        let site = try scratch.copySite("devblog")
        let config = site.appendingPathComponent("site.yml")
        try (String(contentsOf: config, encoding: .utf8) + "math_assets: local\n").write(to: config, atomically: true, encoding: .utf8)
        let server = try await Preview.start(site: site)
        defer { server.stop() }
        let browser = try await Browser.start()
        defer { browser.stop() }
        try await body(server, browser)
    }

    @Test func inlineMathSitsInItsLineAndDisplayMathIsCentred() async throws {
        try await withSite { server, browser in
            try await browser.open("\(server.url)posts/math/")
            try await browser.waitFor("document.querySelectorAll('.math .katex').length >= 15", seconds: 10)
            // `$x^*, y^*$`, the third inline formula: as tall as a line of its paragraph, not a block.
            let inline = try await browser.evaluate("""
                const math = document.querySelectorAll('.math.inline')[2];
                const line = parseFloat(getComputedStyle(math.parentElement).lineHeight);
                return [math.getBoundingClientRect().height <= line * 1.2, getComputedStyle(math).display, math.querySelector('.katex-display') === null].join(' ')
                """)
            #expect(inline == "true inline true")
            // The first display formula: KaTeX's display box, its formula centred in the column.
            let display = try await browser.evaluate("""
                const block = document.querySelector('div.math.display');
                const box = block.getBoundingClientRect();
                const parts = [...block.querySelectorAll('.katex-html > .base')].map(b => b.getBoundingClientRect());
                const left = Math.min(...parts.map(r => r.left)), right = Math.max(...parts.map(r => r.right));
                const centre = (left + right) / 2, middle = (box.left + box.right) / 2;
                return [block.querySelector('.katex-display') !== null, Math.abs(centre - middle) < 3, right - left < box.width * 0.9].join(' ')
                """)
            #expect(display == "true true true")
            // Money stayed text; nothing was left for a renderer to misread.
            #expect(try await browser.evaluate("return document.querySelector('.entry-content').textContent.includes('커피는 $5, 케이크는 $10')") == "true")
            try await screenshot(browser, "math-light")
            try await browser.colorScheme("dark")
            try await screenshot(browser, "math-dark")
        }
    }

    @Test func tokenColoursFollowTheColourSchemeAndCodeCanBeCopied() async throws {
        try await withSite { server, browser in
            try await browser.open("\(server.url)posts/languages/")
            try await browser.waitFor("document.querySelectorAll('.code-copy').length > 20", seconds: 20)
            let keyword = "return getComputedStyle(document.querySelector('code.language-python .k')).color"
            let light = try await browser.evaluate(keyword)
            try await screenshot(browser, "code-light")
            try await browser.colorScheme("dark")
            let dark = try await browser.evaluate(keyword)
            #expect(light == "rgb(207, 34, 46)")
            #expect(dark == "rgb(255, 123, 114)")
            try await screenshot(browser, "code-dark")
            // Line numbers are not selectable, so a copied block is the code alone.
            #expect(try await browser.evaluate("return getComputedStyle(document.querySelector('.ln')).userSelect") == "none")
        }
    }

    @Test func theReadersLightOrDarkChoiceWinsAndIsKept() async throws {
        try await withSite { server, browser in
            try await browser.open("\(server.url)posts/languages/")
            try await browser.waitFor("!document.querySelector('.theme-toggle').hidden", seconds: 20)
            let background = "return getComputedStyle(document.body).backgroundColor"
            #expect(try await browser.evaluate(background) == "rgb(255, 255, 255)")
            try await browser.evaluate("document.querySelector('.theme-toggle').click(); return ''")
            #expect(try await browser.evaluate("return document.documentElement.dataset.theme") == "dark")
            #expect(try await browser.evaluate(background) == "rgb(13, 17, 23)")
            #expect(try await browser.evaluate("return getComputedStyle(document.querySelector('code.language-python .k')).color") == "rgb(255, 123, 114)")
            try await screenshot(browser, "toggled-dark")
            // The next page remembers it; a second click goes back to light, over a dark browser too.
            try await browser.open("\(server.url)posts/math/")
            try await browser.waitFor("document.readyState === 'complete'", seconds: 20)
            #expect(try await browser.evaluate(background) == "rgb(13, 17, 23)")
            try await browser.colorScheme("dark")
            try await browser.evaluate("document.querySelector('.theme-toggle').click(); return ''")
            #expect(try await browser.evaluate(background) == "rgb(255, 255, 255)")
        }
    }

    @Test func alertsAndAMermaidDiagram() async throws {
        try await withSite { server, browser in
            try await browser.open("\(server.url)posts/callouts/")
            try await browser.waitFor("document.querySelectorAll('.markdown-alert').length === 5", seconds: 20)
            let titles = try await browser.evaluate("return [...document.querySelectorAll('.markdown-alert-title')].map(t => t.textContent).join(',')")
            #expect(titles == "참고,팁,중요,경고,주의")
            // Each kind has its own border colour.
            let colours = try await browser.evaluate("return new Set([...document.querySelectorAll('.markdown-alert')].map(a => getComputedStyle(a).borderLeftColor)).size")
            #expect(colours == "5")
            #expect(try await browser.evaluate("return document.querySelector('pre.mermaid') !== null && document.querySelector('script[type=module]').textContent.includes('mermaid')") == "true")
            try await screenshot(browser, "callouts-light")
        }
    }

    func screenshot(_ browser: Browser, _ name: String) async throws {
        let png = try await browser.screenshot()
        #expect(png.count > 10_000, "\(name): \(png.count) bytes")
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        try png.write(to: Self.screenshots.appendingPathComponent(name + ".png"))
    }
}
