import Foundation
import SitegenBuild
import Testing
import Yams

/// What a writer publishing from CI relies on: every bad input named, nothing lost.
@Suite struct ReliabilityTests {
    @Test func symlinksThatLoopOrLeaveTheSiteAreLocatedErrors() throws {
        let scratch = try ScratchFolder()
        try scratch.write("site/shared/real.md", "---\ntitle: Linked\n---\nlinked")
        try scratch.write("outside.md", "outside")
        let posts = scratch.url.appendingPathComponent("site/content/posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: posts.appendingPathComponent("2024-01-01-inside.md").path, withDestinationPath: "../../shared/real.md")
        try FileManager.default.createSymbolicLink(atPath: posts.appendingPathComponent("2024-01-02-out.md").path,
                                                   withDestinationPath: scratch.url.appendingPathComponent("outside.md").path)
        try FileManager.default.createSymbolicLink(atPath: posts.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
        try FileManager.default.createSymbolicLink(atPath: posts.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
        let run = try SitegenBinary.run(["build", "--source", "site"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-02-out.md: error: a symbolic link that leaves the site root"), "\(run.stderr)")
        #expect(run.stderr.contains("content/posts/a.md: error: a symbolic link loop"))
        try FileManager.default.removeItem(at: posts.appendingPathComponent("a.md"))
        try FileManager.default.removeItem(at: posts.appendingPathComponent("b.md"))
        try FileManager.default.removeItem(at: posts.appendingPathComponent("2024-01-02-out.md"))
        #expect(try SitegenBinary.run(["build", "--source", "site"], in: scratch.url).status == 0)
        #expect(try scratch.read("site/output/posts/inside/index.html").contains("<h1>Linked</h1>"))
    }

    @Test func anEmptyFileBuildsWithAWarningAndABinaryOneIsAnError() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-empty.md", "")
        var run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stderr.contains("content/posts/2024-01-01-empty.md:1:1: warning: the file is empty"))
        try scratch.write("content/posts/2024-01-02-image.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-02-image.md:3:1: error: this looks like a binary file"), "\(run.stderr)")
    }

    @Test func aTwentyMegabyteFileBuilds() async throws {
        let scratch = try ScratchFolder()
        let section = "## 섹션 제목 [1월~3월]\n\n" + String(repeating: "회고 본문 문장이 이어집니다. Some English words too, with `code` and *emphasis*.\n", count: 40) + "\n"
        let big = String(repeating: section, count: 20_000_000 / section.utf8.count + 1)
        #expect(big.utf8.count >= 20_000_000)
        try scratch.write("site/content/posts/2024-01-01-big.md", "---\ntitle: 큰 글\n---\n" + big)
        let report = try await SiteBuilder.build(BuildOptions(root: scratch.url.appendingPathComponent("site"),
                                                              output: scratch.url.appendingPathComponent("out")))
        #expect(report.pageCount > 5)
        let page = try Data(contentsOf: scratch.url.appendingPathComponent("out/posts/big/index.html"))
        #expect(page.count > 20_000_000)
    }

    @Test func strictFailsOnWarningsAndBrokenLinksAndWritesNothing() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\n---\n\nintro\n\nsee [b](/posts/b/) and [x](#nowhere)\n")
        var run = try SitegenBinary.run(["build", "--strict"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:7:5: error: broken link '/posts/b/' on posts/a/index.html: no such page or file"),
                "\(run.stderr)")
        #expect(run.stderr.contains("content/posts/2024-01-01-a.md:7:24: error: broken link '#nowhere'"))
        #expect(!scratch.exists("output"))
        run = try SitegenBinary.run(["check"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("check failed with 2 errors"))
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\n---\n\nintro\n")
        try scratch.write("content/posts/2024-01-02-undated-slug.md", "---\ntitle: B\ntags: [x]\n---\n[a](../posts/2024-01-01-a.md)")
        #expect(try SitegenBinary.run(["check"], in: scratch.url).stdout.hasPrefix("페이지 "))
        #expect(try SitegenBinary.run(["build", "--strict"], in: scratch.url).status == 0)
        try scratch.write("content/notes/undated.md", "---\ntype: post\n---\nno date")
        run = try SitegenBinary.run(["build", "--strict"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/notes/undated.md:1:1: error: no date"))
        // check runs the same checks, warnings as errors, without writing.
        let checked = try SitegenBinary.run(["check"], in: scratch.url)
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("content/notes/undated.md:1:1: error: no date"), "\(checked.stderr)")
    }

    @Test func manyErrorsArePrintedUpToALimit() throws {
        let scratch = try ScratchFolder()
        for index in 0..<130 { try scratch.write("content/posts/p\(index).md", "---\ndate: never\n---\n") }
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("… and 30 more"))
        #expect(run.stderr.contains("build failed with 130 errors"))
    }

    @Test func aBuildKilledMidwayLeavesThePreviousOutputWhole() throws {
        let scratch = try ScratchFolder()
        let body = String(repeating: "## 제목\n\n본문 문단입니다. https://example.com\n\n", count: 200)
        for index in 0..<400 { try scratch.write("content/posts/2024-01-01-p\(index).md", "---\ntitle: 글 \(index)\n---\n" + body) }
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        let before = tree(at: scratch.url.appendingPathComponent("output"))
        for index in 0..<400 { try scratch.write("content/posts/2024-01-01-p\(index).md", "---\ntitle: 바뀐 글 \(index)\n---\n" + body) }
        for delay in [50_000, 150_000, 300_000, 600_000] as [UInt32] {
            let process = Process()
            process.executableURL = SitegenBinary.url
            process.arguments = ["build"]
            process.currentDirectoryURL = scratch.url
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = tree(at: scratch.url.appendingPathComponent("output"))
            // Killed before the swap, the old site; after it, the whole new one; never a mixture.
            let whole = after == before || after["posts/p0/index.html"].map { String(decoding: $0, as: UTF8.self).contains("바뀐 글 0") } == true
                && after.count == before.count
            #expect(whole, "killed after \(delay) µs the output was neither the old site nor the new one")
        }
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("sitegen-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// What a killed build can leave beside the output: a staging folder made but not yet marked
    /// (empty), or one marked and partly removed. The next build removes both; a folder of the same
    /// name that is neither (not sitegen's) stays.
    @Test func foldersOfKilledBuildsGoWithTheNextBuild() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\n---\ntext")
        let dead: Int32 = 4_000_000  // above Linux's largest pid
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: scratch.url.appendingPathComponent(".output.sitegen-staging-\(dead)"), withIntermediateDirectories: true)
        try scratch.write(".output.sitegen-old-\(dead)/.sitegen-output", "")
        try scratch.write(".output.sitegen-old-\(dead)/posts/x/index.html", "half removed")
        try scratch.write(".output.sitegen-staging-\(dead - 1)/mine.txt", "not sitegen's")
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        let left = try fileManager.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("sitegen-") }
        #expect(left == [".output.sitegen-staging-\(dead - 1)"])
    }

    @Test func baseURLFromTheCommandLinePutsEveryLinkUnderTheSubPath() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\ntags: [회고]\n---\ntext")
        #expect(try SitegenBinary.run(["build", "--base-url", "https://user.github.io/blog/"], in: scratch.url).status == 0)
        let home = try scratch.read("output/index.html")
        #expect(home.contains("href=\"/blog/posts/a/\"") && home.contains("href=\"/blog/style.css\""))
        #expect(try scratch.read("output/sitemap.xml").contains("<loc>https://user.github.io/blog/posts/a/</loc>"))
        #expect(try scratch.read("output/feed.xml").contains("<id>https://user.github.io/blog/posts/a/</id>"))
        #expect(try SitegenBinary.run(["check", "--base-url", "https://user.github.io/blog/"], in: scratch.url).status == 0)
    }

    @Test func initWritesTheWorkflowTheReadmeShows() throws {
        let scratch = try ScratchFolder()
        let run = try SitegenBinary.run(["init", "--ci", "github"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let workflow = try scratch.read(".github/workflows/sitegen.yml")
        #expect(workflow.contains("build --strict --base-url"))
        let readme = try String(contentsOf: Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```yaml\n" + workflow + "```"), "README.md's workflow differs from what sitegen init writes")
        try scratch.write("content/posts/2024-01-01-a.md", "hello")
        #expect(try SitegenBinary.run(["build", "--strict"], in: scratch.url).status == 0)
        #expect(try SitegenBinary.run(["init", "--ci", "github"], in: scratch.url).status == 1)
    }

    /// The Pages workflow gets sitegen from a release when one is named, else builds it once per sitegen
    /// commit and caches it; this repository's release workflow makes the binaries it downloads.
    /// (GitHub Actions cannot run here: this reads both as Actions would, and checks they agree.)
    @Test func thePagesWorkflowUsesAReleaseOrACachedBuildAndTheReleaseWorkflowMakesIt() throws {
        let root = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let pages = try #require(try Yams.load(yaml: SiteScaffold.githubWorkflow) as? [String: Any])
        let steps = try #require(((pages["jobs"] as? [String: Any])?["build"] as? [String: Any])?["steps"] as? [[String: Any]])
        let download = try #require(steps.first { ($0["name"] as? String)?.hasPrefix("Download sitegen") == true })
        #expect(download["if"] as? String == "env.SITEGEN_RELEASE != ''")
        let downloadURL = try #require(download["run"] as? String)
        #expect(downloadURL.contains("/releases/download/$SITEGEN_RELEASE/sitegen-linux-$(uname -m).tar.gz"))
        let cache = try #require(steps.first { $0["uses"] as? String == "actions/cache@v4" })
        #expect((cache["with"] as? [String: Any])?["key"] as? String == "sitegen-${{ runner.os }}-${{ runner.arch }}-${{ steps.sitegen.outputs.commit }}")
        let build = try #require(steps.first { $0["name"] as? String == "Build sitegen" })
        #expect(build["if"] as? String == "env.SITEGEN_RELEASE == '' && steps.cache.outputs.cache-hit != 'true'")
        #expect((build["run"] as? String)?.contains("checkout \"${{ steps.sitegen.outputs.commit }}\"") == true)

        let release = try #require(try Yams.load(yaml: String(contentsOf: root.appendingPathComponent(".github/workflows/release.yml"), encoding: .utf8))
            as? [String: Any])
        // `on:` is YAML 1.1's true to some readers; Yams keeps it a key.
        let trigger = try #require((release["on"] as? [String: Any])?["push"] as? [String: Any])
        #expect(trigger["tags"] as? [String] == ["v*"])
        let jobs = try #require(release["jobs"] as? [String: Any])
        let matrix = try #require(((jobs["build"] as? [String: Any])?["strategy"] as? [String: Any])?["matrix"] as? [String: Any])
        let arches = (matrix["include"] as? [[String: Any]] ?? []).compactMap { $0["arch"] as? String }
        #expect(arches == ["x86_64", "aarch64"])
        let buildSteps = try #require((jobs["build"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(buildSteps.contains { ($0["run"] as? String)?.contains("swift build -c release --product sitegen --static-swift-stdlib") == true })
        #expect(buildSteps.contains { ($0["run"] as? String)?.contains("tar -czf \"sitegen-linux-${{ matrix.arch }}.tar.gz\"") == true })
        let publish = try #require(((jobs["release"] as? [String: Any])?["steps"] as? [[String: Any]])?.last?["run"] as? String)
        for arch in arches { #expect(publish.contains("sitegen-linux-\(arch).tar.gz")) }
    }
}
