import Foundation
@testable import SitegenBuild
import SitegenCore
import Testing

/// Whole-site behaviour, built in process from small sites declared inline.
@Suite struct SiteBuildTests {
    func build(_ files: [String: String], drafts: Bool = false) async throws -> (ScratchFolder, BuildReport) {
        let scratch = try ScratchFolder()
        for (path, text) in files { try scratch.write("site/" + path, text) }
        let report = try await SiteBuilder.build(BuildOptions(root: scratch.url.appendingPathComponent("site"),
                                                              output: scratch.url.appendingPathComponent("out"), includeDrafts: drafts))
        return (scratch, report)
    }

    func failure(_ files: [String: String]) async throws -> BuildFailure? {
        do {
            _ = try await build(files)
            return nil
        } catch let failure as BuildFailure {
            return failure
        }
    }

    @Test func tagPagesListNewestFirstAndTheIndexCounts() async throws {
        let (scratch, _) = try await build([
            "content/posts/2021-01-01-old.md": "---\ntitle: Old\ntags: [회고]\n---\n",
            "content/retrospectives/2023-01-01-new.md": "---\ntitle: New\ntags: 회고\n---\n",
            "content/posts/2022-01-01-mid.md": "---\ntitle: Mid\ntags: [회고, Other]\n---\n",
        ])
        let tag = try scratch.read("out/tags/회고/index.html")
        let order = ["New", "Mid", "Old"].compactMap { tag.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        let index = try scratch.read("out/tags/index.html")
        #expect(index.contains("<a href=\"/tags/%ED%9A%8C%EA%B3%A0/\">회고</a> <span class=\"count\">3</span>"))
        #expect(index.contains("<a href=\"/tags/other/\">Other</a> <span class=\"count\">1</span>"))
    }

    @Test func homePaginatesAtTheBoundary() async throws {
        var files = ["site.yml": "posts_per_page: 2\n"]
        for day in 1...4 { files["content/posts/2023-01-0\(day)-p\(day).md"] = "post \(day)" }
        let (scratch, _) = try await build(files)
        #expect(scratch.exists("out/page/2/index.html"))
        #expect(!scratch.exists("out/page/3/index.html"))
        let second = try scratch.read("out/page/2/index.html")
        #expect(second.contains("/posts/p2/") && second.contains("/posts/p1/") && !second.contains("/posts/p3/"))
        #expect(second.contains("rel=\"prev\" href=\"/\""))
        #expect(!second.contains("rel=\"next\""))
    }

    @Test func draftsAreLeftOutUnlessAskedFor() async throws {
        let files = ["content/posts/2023-01-01-draft.md": "---\ndraft: true\n---\nx", "content/posts/2023-01-02-kept.md": "y"]
        let (plain, _) = try await build(files)
        #expect(!plain.exists("out/posts/draft/index.html"))
        let (withDrafts, _) = try await build(files, drafts: true)
        #expect(withDrafts.exists("out/posts/draft/index.html"))
    }

    @Test func layoutPicksATemplateAndAnUnknownOneIsNamed() async throws {
        let (scratch, _) = try await build([
            "themes/mine/theme.yml": "extends: default\n",
            "themes/mine/templates/wide.mustache": "WIDE {{page.title}}",
            "site.yml": "theme: mine\n",
            "content/about.md": "---\ntitle: About\nlayout: wide\n---\n",
            "content/posts/2023-01-01-a.md": "---\nlayout: post\n---\nJekyll's layout names build as they are.",
        ])
        #expect(try scratch.read("out/about/index.html") == "WIDE About")
        let failure = try await failure(["content/about.md": "---\ntitle: About\nlayout: gallery\n---\n"])
        #expect(failure?.errors.first?.description.hasPrefix("content/about.md:3:9: error: unknown layout 'gallery' for this page") == true)
    }

    @Test func commentsAndMathFollowTheFrontMatter() async throws {
        let (scratch, _) = try await build([
            "site.yml": "comments:\n  provider: giscus\n  repo: me/blog\n  repo_id: R1\n  category: Comments\n  category_id: C1\n",
            "content/posts/2023-01-01-a.md": "---\ncomments: true\nuse_math: true\n---\n$x^2$",
            "content/posts/2023-01-02-b.md": "---\ncomments: false\n---\nplain",
        ])
        let a = try scratch.read("out/posts/a/index.html")
        #expect(a.contains("src=\"https://giscus.app/client.js\" data-repo=\"me/blog\" data-repo-id=\"R1\""))
        #expect(a.contains("katex.min.js"))
        let b = try scratch.read("out/posts/b/index.html")
        #expect(!b.contains("giscus") && !b.contains("katex"))
    }

    @Test func permalinkAndSlugSetTheURL() async throws {
        let (scratch, _) = try await build([
            "content/posts/2023-01-01-a.md": "---\npermalink: /2023/first-post\n---\n",
            "content/posts/2023-01-02-b.md": "---\nslug: 두 번째 글\n---\n",
        ])
        #expect(scratch.exists("out/2023/first-post/index.html"))
        #expect(scratch.exists("out/posts/두-번째-글/index.html"))
    }

    @Test func subPathBaseURLPrefixesEveryLink() async throws {
        let (scratch, _) = try await build([
            "site.yml": "base_url: https://user.github.io/blog/\n",
            "content/posts/2023-01-01-a.md": "---\ntags: [x]\n---\n",
        ])
        let home = try scratch.read("out/index.html")
        #expect(home.contains("href=\"/blog/style.css\""))
        #expect(home.contains("href=\"/blog/posts/a/\""))
        #expect(home.contains("href=\"/blog/tags/x/\""))
    }

    @Test func aTagWithoutLettersIsAnError() async throws {
        let failure = try await failure(["content/posts/2023-01-01-a.md": "---\ntags: [\"???\"]\n---\n"])
        #expect(failure?.errors.first?.message == "tag '???' has no letters or numbers, so it has no URL")
    }

    @Test func aContentFileCannotOverwriteAGeneratedPage() async throws {
        let failure = try await failure(["content/tags/index.html": "<p>mine</p>"])
        #expect(failure?.errors.first?.message == "this file would overwrite the generated page tags/index.html")
    }

    @Test func missingLinkTargetsAreWarnings() async throws {
        let (_, report) = try await build(["content/posts/2023-01-01-a.md": "---\ntitle: A\n---\n\nSee [b](b.md).\n"])
        #expect(report.warnings.map(\.description) == ["content/posts/2023-01-01-a.md:5:1: warning: link to 'b.md': there is no content/posts/b.md"])
    }

    @Test func frontMatterIsEscapedAndTheBodyIsNot() async throws {
        let (scratch, _) = try await build([
            "content/posts/2023-01-01-a.md": "---\ntitle: \"<script>alert(1)</script>\"\ntags: [\"<b>\"]\n---\n<em>raw</em>\n",
        ])
        let page = try scratch.read("out/posts/a/index.html")
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(page.contains("<title>&lt;script&gt;"))
        #expect(page.contains(">&lt;b&gt;</a>"))
        #expect(page.contains("<em>raw</em>"))
        #expect(!page.contains("<script>alert"))
    }

    @Test func everyPageKindIsWritten() async throws {
        let (scratch, _) = try await build(["content/posts/2023-01-01-a.md": "x"])
        for path in ["index.html", "posts/index.html", "tags/index.html", "404.html", "posts/a/index.html", "style.css"] {
            #expect(scratch.exists("out/" + path), "\(path)")
        }
    }
}

@Suite struct SearchIndexEncodingTests {
    private struct Entry: Encodable { var text: String }

    @Test func stringsAreEscapedExactlyAsJSONEncoderEscapesThem() throws {
        var text = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        text += "\"\\/ \u{7f} \u{2028} 한글 😀 e\u{301}"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(Entry(text: text))
        var json = JSONText()
        json.raw("{\"text\":")
        json.string(text)
        json.raw("}")
        #expect(json.bytes == Array(expected))
        #expect(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String] == ["text": text])
    }
}
