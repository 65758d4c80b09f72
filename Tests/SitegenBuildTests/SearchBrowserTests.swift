import Foundation
import SitegenCore
import Testing

/// The split search index in headless Chromium: for a set of queries (one, two and more characters,
/// several words, Latin in any case, particles attached) the search page lists exactly what the
/// substring search over every document's whole entry lists, in the same order, and loads only the
/// shards and entries it needs.
@Suite(.serialized, .enabled(if: Browser.isInstalled, "needs chromium and chromium-driver (make test installs them)"))
struct SearchBrowserTests {
    /// Sixty documents of Korean and English text, tags and titles drawn from small word lists, so
    /// that words share characters and grams the way a real blog's do.
    func writeSite(_ scratch: ScratchFolder) throws {
        let words = ["회고", "회사", "사이드", "프로젝트", "프로그래밍", "젝트", "목표", "운동", "독서", "책을", "읽었다", "달리기", "다음", "주간",
                     "분기", "연간", "Swift", "swift", "Hugo", "블로그를", "블로그", "글쓰기", "쓰기", "기록", "록음", "정리", "배포", "배움", "움직임"]
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        try scratch.write("site.yml", "title: 검색 시험\nlanguage: ko\n")
        for number in 0..<60 {
            let title = (0..<2).map { _ in words[next(words.count)] }.joined(separator: " ")
            let tags = (0..<next(3)).map { _ in words[next(words.count)] }
            let text = (0..<40).map { _ in words[next(words.count)] + (next(3) == 0 ? "에서" : "") }.joined(separator: " ")
            // Some share a date, one has none: equal scores fall back to the date, then the site's order.
            let date = number == 59 ? "" : "date: 2024-\(String(format: "%02d", 1 + number % 12))-\(String(format: "%02d", 1 + number % 5))\n"
            let tagLine = tags.isEmpty ? "" : "tags: [\(tags.joined(separator: ", "))]\n"
            try scratch.write("content/posts/p\(number).md", "---\ntitle: \(title) \(number)\n\(date)\(tagLine)---\n\(text).\n")
        }
    }

    @Test func theSplitIndexFindsWhatSubstringSearchFinds() async throws {
        let scratch = try ScratchFolder()
        try writeSite(scratch)
        let server = try await Preview.start(site: scratch.url)
        defer { server.stop() }
        let browser = try await Browser.start()
        defer { browser.stop() }
        try await browser.open(server.url + "search/")
        try await browser.waitFor("document.readyState === 'complete'", seconds: 20)
        // What the search did before its index was split: every entry, each query word a substring of
        // its title, tags or text; 10 points a word in the title, 5 in the tags, 1 in the text; equal
        // scores newest first, then in the site's order.
        let expected = """
            const meta = await (await fetch('/search-index/meta.json')).json();
            const all = await Promise.all([...Array(meta.docs).keys()].map(async n => (await fetch('/search-index/d/' + n + '.json')).json()));
            const normalize = (t) => (t || '').normalize('NFC').toLowerCase();
            window.expected = (query) => {
              const words = normalize(query).split(/\\s+/).filter(Boolean);
              return all.map((e, n) => {
                let total = 0;
                for (const w of words) {
                  const t = normalize(e.title).includes(w), g = normalize((e.tags || []).join(' ')).includes(w), x = normalize(e.text).includes(w);
                  if (!t && !g && !x) return null;
                  total += (t ? 10 : 0) + (g ? 5 : 0) + (x ? 1 : 0);
                }
                return { url: e.url, date: e.date || '', total, n };
              }).filter(Boolean).sort((a, b) => b.total - a.total || b.date.localeCompare(a.date) || a.n - b.n).map(h => h.url);
            };
            return 'ready';
            """
        #expect(try await browser.evaluateAsync(expected) == "ready")
        // `serve` may reload the page (a rebuild it was asked for by the files written above): then
        // the reference search is set up again.
        func ensureExpected() async throws {
            if try await browser.evaluate("return String(typeof window.expected)") != "function" {
                try await browser.waitFor("document.readyState === 'complete'", seconds: 15)
                _ = try await browser.evaluateAsync(expected)
            }
        }
        let queries = ["회", "고", "회고", "프로젝트", "젝트", "로젝", "블로그를", "블로그 회고", "SWIFT", "swift 운동", "에서", "기록 배포 목표",
                       "움직", "없는말", "q", "사이드 프로젝트", "록음", "다음 주간"]
        for query in queries {
            try await ensureExpected()
            let want = try await browser.evaluate("return JSON.stringify(window.expected(\(jsonString(query))))")
            try await browser.evaluate("""
                document.getElementById('search-status').textContent = '';
                const i = document.getElementById('search-input'); i.value = \(jsonString(query)); i.dispatchEvent(new Event('input')); return ''
                """)
            // Every page of results, the button pressed until it hides.
            do {
                try await browser.waitFor("document.getElementById('search-status').textContent !== ''", seconds: 15)
            } catch {
                Issue.record("no results shown for \(query): \(error)")
                continue
            }
            for _ in 0..<10 {
                let hidden = try await browser.evaluate("return String(document.getElementById('search-more').hidden)")
                if hidden == "true" { break }
                let shown = try await browser.evaluate("return String(document.querySelectorAll('#search-results li').length)")
                try await browser.evaluate("document.getElementById('search-more').click(); return ''")
                try await browser.waitFor("document.querySelectorAll('#search-results li').length > \(shown) || document.getElementById('search-more').hidden", seconds: 20)
            }
            let got = try await browser.evaluate("return JSON.stringify([...document.querySelectorAll('#search-results h2 a')].map(a => a.getAttribute('href')))")
            #expect(got == want, "\(query)")
            let count = try await browser.text("#search-status")
            let wanted = try await browser.evaluate("return String(window.expected(\(jsonString(query))).length)")
            #expect(count == (wanted == "0" ? "검색 결과가 없습니다." : wanted), "\(query)")
        }
    }

    func jsonString(_ text: String) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast().description
    }
}
