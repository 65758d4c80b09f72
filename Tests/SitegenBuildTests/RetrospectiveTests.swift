import Foundation
@testable import SitegenBuild
import SitegenContent
import SitegenCore
import SitegenTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The retrospective features and the feeds, on a small blog declared inline.
@Suite struct RetrospectiveTests {
    static let files: [String: String] = [
        "site.yml": "title: 회고\nbase_url: https://user.github.io/blog/\nauthor: 나\n",
        "content/retrospectives/2021-05-16-week-19.md": "---\ntitle: \"[Week 19] 주간 회고\"\ntags: [회고]\n---\n## Try\n\n- [x] 아침 독서\n- 운동\n",
        "content/retrospectives/2021-05-23-week-20.md": "---\ntitle: \"[Week 20] 주간 회고\"\n---\n## Keep\n\n- 독서\n",
        "content/retrospectives/2021-12-31-2021.md": "---\ntitle: 2021년 회고\ngoals: [이직, 발표]\n---\n## 다음 목표\n\n- 무시된다\n",
        "content/retrospectives/2022-12-31-2022.md": "---\ntitle: 2022년 회고\n---\n본문\n",
        "content/retrospectives/q2.md": "---\ntitle: 분기 회고\nperiod: 2022-Q2\n---\n날짜 없는 분기 회고\n",
        "content/posts/2022-03-01-post.md": "---\ntitle: 글 & 생각\ntags: [회고, Swift]\n---\n<p>본문 <b>HTML</b></p>\n",
    ]

    func site() async throws -> (ScratchFolder, Site) {
        let scratch = try ScratchFolder()
        for (path, text) in Self.files { try scratch.write("site/" + path, text) }
        let options = BuildOptions(root: scratch.url.appendingPathComponent("site"), output: scratch.url.appendingPathComponent("out"))
        var diagnostics = Diagnostics()
        let (_, site, _) = try await SiteBuilder.model(options, into: &diagnostics)
        _ = try await SiteBuilder.build(options)
        return (scratch, site)
    }

    func index(_ site: Site, _ title: String) -> Int {
        site.documents.firstIndex { $0.title == title } ?? -1
    }

    @Test func periodsComeFromFrontMatterTitlesAndFileNames() async throws {
        let (_, site) = try await site()
        #expect(site.documents[index(site, "[Week 19] 주간 회고")].period == Period(.weekly, year: 2021, first: 19))
        #expect(site.documents[index(site, "2021년 회고")].period == Period(.yearly, year: 2021))
        #expect(site.documents[index(site, "분기 회고")].period == Period(.quarterly, year: 2022, first: 2))
    }

    @Test func anUndatedRetrospectiveSortsByTheEndOfItsPeriod() async throws {
        let (_, site) = try await site()
        let titles = site.retrospectives.map { site.documents[$0].title }
        #expect(titles == ["2022년 회고", "분기 회고", "2021년 회고", "[Week 20] 주간 회고", "[Week 19] 주간 회고"])
    }

    @Test func neighboursBySameCadenceAndOverall() async throws {
        let (_, site) = try await site()
        let week20 = try #require(site.retrospectiveLinks[index(site, "[Week 20] 주간 회고")])
        #expect(week20.previousSameCadence == index(site, "[Week 19] 주간 회고"))
        #expect(week20.nextSameCadence == nil)
        #expect(week20.next == index(site, "2021년 회고"))
        let year2022 = try #require(site.retrospectiveLinks[index(site, "2022년 회고")])
        #expect(year2022.yearAgo == index(site, "2021년 회고"))
        #expect(year2022.previousSameCadence == index(site, "2021년 회고"))
        #expect(year2022.previous == index(site, "분기 회고"))
    }

    @Test func retrospectivesWrittenOnOneDayLinkInTheOrderOfTheirPeriods() async throws {
        let scratch = try ScratchFolder()
        // Catching up: three weeks written the same evening, the files named so that W47 sorts first.
        for (file, week) in [("a-catch-up", 47), ("b-catch-up", 53), ("c-catch-up", 46)] {
            let year = week == 53 ? 2020 : 2021
            try scratch.write("content/retrospectives/2021-11-28-\(file).md", "---\ntitle: \(week)주차\nperiod: \(year)-W\(week)\n---\n")
        }
        var diagnostics = Diagnostics()
        let (_, site, _) = try await SiteBuilder.model(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("o")), into: &diagnostics)
        let week46 = try #require(site.retrospectiveLinks[index(site, "46주차")])
        #expect(week46.previousSameCadence == index(site, "53주차"))
        #expect(week46.nextSameCadence == index(site, "47주차"))
    }

    @Test func postsLinkToTheirNeighboursAndToPostsSharingTags() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: a\ntags: [swift, blog]\n---\n")
        try scratch.write("content/posts/2024-01-02-b.md", "---\ntitle: b\ntags: [go]\n---\n")
        try scratch.write("content/posts/2024-01-03-c.md", "---\ntitle: c\ntags: [swift]\n---\n")
        try scratch.write("content/posts/2024-01-04-d.md", "---\ntitle: d\ntags: [swift, blog]\n---\n")
        var diagnostics = Diagnostics()
        let (_, site, _) = try await SiteBuilder.model(BuildOptions(root: scratch.url, output: scratch.url.appendingPathComponent("o")), into: &diagnostics)
        let a = try #require(site.postLinks[index(site, "a")])
        #expect(a.newer == index(site, "b") && a.older == nil)
        // d shares two tags, c one; b none.
        #expect(a.related == [index(site, "d"), index(site, "c")])
        #expect(site.postLinks[index(site, "b")]?.related == [])
    }

    @Test func goalsCarryForwardToTheNextOfTheSameCadence() async throws {
        let (scratch, site) = try await site()
        #expect(site.documents[index(site, "[Week 19] 주간 회고")].goals == [.init(text: "아침 독서", done: true), .init(text: "운동")])
        #expect(site.documents[index(site, "2021년 회고")].goals.map(\.text) == ["이직", "발표"])
        let week20 = try scratch.read("out/retrospectives/week-20/index.html")
        #expect(week20.contains("지난 회고의 목표"))
        #expect(week20.contains("<li class=\"done\"><span aria-hidden=\"true\">☑</span> 아침 독서</li>"))
        #expect(week20.contains("<a href=\"/blog/retrospectives/week-19/\">[Week 19] 주간 회고</a>"))
        let year2022 = try scratch.read("out/retrospectives/2022/index.html")
        #expect(year2022.contains("1년 전 이맘때: 2021년 회고"))
        #expect(year2022.contains("</span> 이직</li>"))
    }

    @Test func theTimelineGroupsByYearNewestFirstWithACalendar() async throws {
        let (scratch, _) = try await site()
        let timeline = try scratch.read("out/retrospectives/index.html")
        let positions = ["<h2>2022년</h2>", "<h2>2021년</h2>", ">2022년 회고<", ">분기 회고<", ">[Week 20] 주간 회고<"].compactMap {
            timeline.range(of: $0)?.lowerBound
        }
        #expect(positions.count == 5)
        #expect(positions[0] < positions[2] && positions[2] < positions[3] && positions[3] < positions[1] && positions[1] < positions[4])
        #expect(timeline.contains("<title>2021년 19주차</title>"))
        #expect(timeline.components(separatedBy: "class=\"level-4\"><title>2021년").count - 1 == 2)
        // A covered week links to its retrospective; months carry their names; a legend says what shades mean.
        #expect(timeline.contains("<a href=\"/blog/retrospectives/week-19/\"><rect x=\"198\" y=\"20\""), "\(timeline)")
        #expect(timeline.contains("<text x=\"22\" y=\"8.5\" class=\"month-name\">1월</text>"))
        #expect(timeline.contains("<p class=\"calendar-legend\" aria-hidden=\"true\">적음"))
        // 2022 has a quarterly and a yearly retrospective, no weekly one: its calendar has no empty week row.
        let year2022 = try #require(timeline.range(of: "<h2>2022년</h2>").flatMap { start in timeline.range(of: "<h2>2021년</h2>").map { timeline[start.lowerBound..<$0.lowerBound] } })
        #expect(year2022.contains("viewBox=\"0 0 572 14\""))
        #expect(!year2022.contains("y=\"20\""))
    }

    @Test func atomFeedsParseAndCarryTheRequiredFields() async throws {
        let (scratch, _) = try await site()
        for path in ["out/feed.xml", "out/tags/회고/feed.xml"] {
            let data = try Data(contentsOf: scratch.url.appendingPathComponent(path))
            let feed = ElementCounter(data)
            #expect(feed.parsed, "\(path) is not well-formed XML")
            #expect(feed.count["feed"] == 1 && feed.count["id"] ?? 0 >= 2 && feed.count["updated"] ?? 0 >= 2)
            // The site feed carries whole entries; a tag's feed their excerpts, where they have one, and
            // every entry its alternate link (Atom wants content or that link).
            if path == "out/feed.xml" { #expect(feed.count["entry"] == feed.count["content"]) }
            #expect((feed.count["link"] ?? 0) == (feed.count["entry"] ?? 0) + 2)
        }
        let atom = try scratch.read("out/feed.xml")
        #expect(atom.contains("<id>https://user.github.io/blog/posts/post/</id>"))
        #expect(atom.contains("<title>글 &amp; 생각</title>"))
        #expect(atom.contains("&lt;p&gt;본문 &lt;b&gt;HTML&lt;/b&gt;&lt;/p&gt;"))
        #expect(ElementCounter(try Data(contentsOf: scratch.url.appendingPathComponent("out/tags/회고/feed.xml"))).count["entry"] == 2)
    }

    @Test func theJSONFeedFollowsVersion1_1() async throws {
        let (scratch, _) = try await site()
        let data = try Data(contentsOf: scratch.url.appendingPathComponent("out/feed.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://user.github.io/blog/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 6)
        for item in items {
            #expect(item["id"] is String && item["content_html"] is String && (item["url"] as? String)?.hasPrefix("https://") == true)
        }
    }

    @Test func theSitemapListsEveryPageButThe404() async throws {
        let (scratch, _) = try await site()
        let sitemap = try scratch.read("out/sitemap.xml")
        #expect(ElementCounter(Data(sitemap.utf8)).parsed)
        let pages = tree(at: scratch.url.appendingPathComponent("out")).keys.filter { $0.hasSuffix("index.html") }
        for page in pages {
            let url = "https://user.github.io/blog/" + URLPath.encode(String(page.dropLast("index.html".count)))
            #expect(sitemap.contains("<loc>\(url)</loc>"), "\(page) is missing from the sitemap")
        }
        #expect(!sitemap.contains("404"))
        #expect(try scratch.read("out/robots.txt").contains("Sitemap: https://user.github.io/blog/sitemap.xml"))
    }

    @Test func everyPageHeadHasCanonicalDescriptionAndOpenGraph() async throws {
        let (scratch, _) = try await site()
        let page = try scratch.read("out/posts/post/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://user.github.io/blog/posts/post/\">"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"글 &amp; 생각\">"))
        #expect(page.contains("<html lang=\"ko\">"))
    }

    @Test func theArchiveGoesByYearAndMonth() async throws {
        let (scratch, _) = try await site()
        let archive = try scratch.read("out/archive/index.html")
        // Months under their year, without repeating it.
        let order = ["<h2>2022</h2>", "<h3>12월</h3>", "<h3>6월</h3>", "<h3>3월</h3>", "<h2>2021</h2>", "<h3>5월</h3>"]
            .compactMap { archive.range(of: $0)?.lowerBound }
        #expect(order.count == 6 && order == order.sorted())
    }

    @Test func theSearchIndexHoldsTheTextOfEveryDocument() async throws {
        let (scratch, _) = try await site()
        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.url.appendingPathComponent("out/search-index/" + path)))
        }
        let meta = try #require(try json("meta.json") as? [String: Int])
        let count = try #require(meta["docs"])
        #expect(count == 6)
        let entries = try (0..<count).map { try #require(try json("d/\($0).json") as? [String: Any]) }
        let retro = try #require(entries.first { $0["title"] as? String == "분기 회고" })
        #expect(retro["text"] as? String == "날짜 없는 분기 회고")
        #expect(retro["url"] as? String == "/blog/retrospectives/q2/")
        // Newest first, undated ones last.
        let dates = entries.map { $0["date"] as? String ?? "" }
        #expect(dates == dates.sorted(by: >))
        // The gram 분기 is in the shard its hash names, with every document whose text or title holds it.
        let shards = try #require(meta["shards"])
        let gram = UInt64(("분" as Unicode.Scalar).value) << 21 | UInt64(("기" as Unicode.Scalar).value)
        let shard = try #require(try json("g/\(SearchIndex.shard(of: gram, count: shards)).json") as? [String: String])
        let holding = SearchIndex.decode(try #require(shard["분기"]))
        let expected = entries.indices.filter { ((entries[$0]["title"] as? String ?? "") + (entries[$0]["text"] as? String ?? "")).contains("분기") }
        #expect(holding.map(\.number) == expected)
    }
}

/// Counts the elements of an XML document.
final class ElementCounter: NSObject, XMLParserDelegate {
    var count: [String: Int] = [:]
    var parsed = false

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parsed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        count[name, default: 0] += 1
    }
}

/// The split search index's pieces, as search.js reads them.
@Suite struct SearchIndexTests {
    @Test func postingsRoundTripWithLargeGaps() {
        let postings: [UInt32] = [0 << 3 | 4, 1 << 3 | 5, 40 << 3 | 1, 9_999 << 3 | 7, 1_000_000 << 3 | 2]
        var bytes: [UInt8] = []
        SearchIndex.encode(postings, into: &bytes)
        let decoded = SearchIndex.decode(String(decoding: bytes, as: UTF8.self))
        #expect(decoded.map(\.number) == [0, 1, 40, 9_999, 1_000_000])
        #expect(decoded.map(\.fields) == [4, 5, 1, 7, 2])
        // A gap of one with its fields is one character: a common gram costs a byte a document.
        var small: [UInt8] = []
        SearchIndex.encode([0 << 3 | 4, 1 << 3 | 4, 2 << 3 | 4], into: &small)
        #expect(small.count == 3)
    }

    @Test func gramsAreOneAndTwoCharactersOfEachFieldLowerCasedWithoutSpaces() {
        let grams = SearchIndex.grams(title: "Swift 회고", tags: ["일기"], text: "회고록")
        func key(_ text: String) -> UInt64 {
            let scalars = Array(text.unicodeScalars)
            return UInt64(scalars[0].value) << 21 | (scalars.count > 1 ? UInt64(scalars[1].value) : 0)
        }
        #expect(grams[key("sw")] == SearchIndex.title)
        #expect(grams[key("회고")] == SearchIndex.title | SearchIndex.text)
        #expect(grams[key("고록")] == SearchIndex.text)
        #expect(grams[key("일기")] == SearchIndex.tags)
        #expect(grams[key("t회")] == nil)
        #expect(grams[key("S")] == nil && grams[key("s")] == SearchIndex.title)
    }

    /// The grams read from UTF-8 are those of the text's NFC scalars, lower-cased as Swift (and
    /// search.js) lower-case them: random text of ASCII, Hangul (composed and not), accented and
    /// upper-case letters, other scripts, emoji and all kinds of spaces; and what NFC changes though
    /// no mark is in it: singletons (a CJK compatibility ideograph, ANGSTROM SIGN), a composition
    /// exclusion (Devanagari QA), vowel signs that compose with the letter before them (Tamil, Balinese).
    @Test func gramsReadFromUTF8AreThoseOfTheNFCScalars() {
        let pieces = ["회고", "a", "Z", " ", "\u{A0}", "\u{3000}", "\t", "É", "é", "e\u{301}", "\u{1112}\u{116C}", "İ", "Σ", "ß", "日本",
                      "😀", "Ⅻ", "ǅ", "-", "1", "\u{2028}", "ﬁ", "Ａ", "\u{F900}", "\u{212B}", "\u{0958}", "\u{0BC6}", "\u{0BBE}",
                      "\u{1B05}", "\u{1B35}"]
        var random = SplitMix(seed: 11)
        for _ in 0..<500 {
            let text = random.text(of: pieces, count: 16)
            var expected: [UInt64: UInt8] = [:]
            var previous: UInt32 = 0
            for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
                let lowered = (0xAC00...0xD7A3).contains(scalar.value) ? [scalar] : Array(scalar.properties.lowercaseMapping.unicodeScalars)
                for lower in lowered {
                    if lower.properties.isWhitespace {
                        previous = 0
                        continue
                    }
                    expected[UInt64(lower.value) << 21, default: 0] |= SearchIndex.text
                    if previous != 0 { expected[UInt64(previous) << 21 | UInt64(lower.value), default: 0] |= SearchIndex.text }
                    previous = lower.value
                }
            }
            #expect(SearchIndex.grams(title: "", tags: [], text: text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func theShardHashIsFNV1aOverCodePointsAsTheScriptComputesIt() {
        // Math.imul-based FNV-1a in search.js over "회고" (U+D68C U+ACE0), worked out by hand.
        var hash: UInt32 = 2_166_136_261
        for value: UInt32 in [0xD68C, 0xACE0] { hash = (hash ^ value) &* 16_777_619 }
        let gram = UInt64(0xD68C) << 21 | 0xACE0
        #expect(SearchIndex.shard(of: gram, count: 8192) == Int(hash % 8192))
        #expect(SearchIndex.shardCount(documents: 10_000) == 8192)
        #expect(SearchIndex.shardCount(documents: 9) == 4)
    }
}
