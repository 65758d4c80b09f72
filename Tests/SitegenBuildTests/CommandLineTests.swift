import Foundation
import Testing

/// Runs the built `sitegen` binary as a writer or a CI job would.
@Suite struct CommandLineTests {
    @Test func buildsTheFixtureSiteAndSaysHowMuch() throws {
        let scratch = try ScratchFolder()
        let site = try scratch.copySite("blog")
        let run = try SitegenBinary.run(["build"], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        let written = tree(at: site.appendingPathComponent("output"))
        let pages = written.keys.count { $0.hasSuffix(".html") }
        // The site is Korean (site.yml's language, `ko` unless it says): so is what the build says of it.
        #expect(run.stdout.hasPrefix("페이지 \(pages)개(파일 \(written.count - 1)개)를 "), "\(run.stdout)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/index.html").path))
        // Undated, but its title names its period: the period's last day dates it, without a warning.
        #expect(!run.stderr.contains("2023 1분기 회고 8f3a2c1d9b7e4f60a1b2c3d4e5f60718.md:1:1: warning: no date"), "\(run.stderr)")
        #expect(run.stderr.contains("content/posts/undated-note.md:1:1: warning: no date"))
    }

    @Test func sourceAndOutputOptions() throws {
        let scratch = try ScratchFolder()
        let run = try SitegenBinary.run(["build", "--source", Fixtures.site("blog").path, "--output", "public"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.exists("public/posts/english/index.html"))
    }

    @Test(arguments: [
        ("---\ntitle: Hello: World\n---\n", "content/posts/2023-01-01-bad.md:2:13: error: invalid YAML: mapping values are not allowed in this context"),
        ("---\ntitle: A\ntags: [x]\n\nBody\n", "content/posts/2023-01-01-bad.md:1:1: error: front matter is never closed"),
        ("---\ntitle: A\ndate: yesterday\n---\n", "content/posts/2023-01-01-bad.md:3:7: error: 'yesterday' is not a date"),
        ("---\ntitle: A\ntags: 5\n---\n", "content/posts/2023-01-01-bad.md:3:7: error: 'tags' must be a list"),
    ])
    func badFrontMatterIsLocatedAndLeavesTheOutputAsItWas(_ text: String, _ expected: String) throws {
        let scratch = try ScratchFolder()
        let site = try scratch.copySite("blog")
        #expect(try SitegenBinary.run(["build"], in: site).status == 0)
        let before = tree(at: site.appendingPathComponent("output"))

        try scratch.write("blog/content/posts/2023-01-01-bad.md", text)
        let run = try SitegenBinary.run(["build"], in: site)
        #expect(run.status == 1)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.contains("build failed with 1 error"))
        #expect(tree(at: site.appendingPathComponent("output")) == before)
    }

    @Test func invalidUTF8IsLocated() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2023-01-01-a.md", bytes: Array("---\ntitle: A\n---\n첫 줄\n둘째 ".utf8) + [0xFF] + Array("\n".utf8))
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2023-01-01-a.md:5:4: error: invalid UTF-8"), "\(run.stderr)")
    }

    @Test func everyErrorIsReportedSortedByPath() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/b.md", "---\ndate: someday\n---\n")
        try scratch.write("content/posts/a.md", "---\ntags: 5\n---\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.map { String($0.prefix(18)) } == ["content/posts/a.md", "content/posts/b.md"])
        #expect(run.stderr.contains("build failed with 2 errors"))
    }

    @Test func twoDocumentsWithOneURLNameBothFiles() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2023-01-01-same.md", "one")
        try scratch.write("content/posts/2024-01-01-same.md", "two")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/posts/2024-01-01-same.md:1:1: error: this document's URL /posts/same/ is also the URL of content/posts/2023-01-01-same.md"),
                "\(run.stderr)")
    }

    @Test func refusesToEmptyAFolderItDidNotMake() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2023-01-01-a.md", "text")
        try scratch.write("output/precious.txt", "keep me")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("refusing to replace this folder"))
        #expect(try scratch.read("output/precious.txt") == "keep me")
        #expect(!scratch.exists("output/index.html"))
    }

    @Test func replacesItsOwnOutputAndDropsStaleFiles() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2023-01-01-old.md", "old")
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("content/posts/2023-01-01-old.md"))
        try scratch.write("content/posts/2023-01-02-new.md", "new")
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        #expect(scratch.exists("output/posts/new/index.html"))
        #expect(!scratch.exists("output/posts/old/index.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("sitegen-") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: [["build", "--no-such-flag"], ["frobnicate"], ["build", "extra-argument"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let scratch = try ScratchFolder()
        let run = try SitegenBinary.run(arguments, in: scratch.url)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("Error:") || run.stderr.contains("Usage:"))
    }

    @Test func aFolderWithoutContentIsAClearError() throws {
        let scratch = try ScratchFolder()
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content:1:1: error: no content folder"))
    }

    @Test func themeNewWritesAThemeThatBuilds() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2023-01-01-a.md", "---\ntitle: A\n---\ntext")
        let created = try SitegenBinary.run(["theme", "new", "mine"], in: scratch.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("wrote themes/mine/templates/post.mustache"))
        try scratch.write("site.yml", "theme: mine\n")
        let built = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try scratch.read("output/posts/a/index.html").contains("<h1>A</h1>"))
        #expect(try SitegenBinary.run(["theme", "new", "mine"], in: scratch.url).status == 1)
    }

    @Test func aBrokenThemeTemplateFailsTheBuildWithItsLocation() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2023-01-01-a.md", "text")
        try scratch.write("site.yml", "theme: broken\n")
        try scratch.write("themes/broken/templates/post.mustache", "{{#page}}\n{{title}}\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("themes/broken/templates/post.mustache:"), "\(run.stderr)")
        #expect(run.stderr.contains("error: template error: a section is never closed"), "\(run.stderr)")
    }
}

@Suite struct NewCommandTests {
    @Test func newRetroPrefillsLastTimesGoalsAndPrintsThePath() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/retrospectives/2021-05-16-week-19.md", "---\ntitle: \"[Week 19]\"\n---\n## Try\n\n- 오전 회의 없애기\n")
        let run = try SitegenBinary.run(["new", "retro", "--period", "2021-W20", "--date", "2021-05-23"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/retrospectives/2021-05-23-2021-w20.md\n")
        let text = try scratch.read("content/retrospectives/2021-05-23-2021-w20.md")
        #expect(text.contains("period: 2021-W20"))
        #expect(text.contains("- [ ] 오전 회의 없애기"))
        #expect(text.contains("## Keep") && text.contains("## Problem") && text.contains("## Try"))
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        #expect(try SitegenBinary.run(["new", "retro", "--period", "2021-W20", "--date", "2021-05-23"], in: scratch.url).status == 1)
        #expect(try SitegenBinary.run(["new", "retro", "--period", "someday"], in: scratch.url).status == 2)
    }

    @Test func theGoalsBoxIsTheOnePlaceLastTimesGoalsShowWithThisTimesTicks() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/retrospectives/2026-11-15-w46.md", "---\ntitle: 46주차\nperiod: 2026-W46\n---\n## Try\n\n- 운동 세 번\n- 책 한 권\n")
        let run = try SitegenBinary.run(["new", "retro", "--period", "2026-W47", "--date", "2026-11-22"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let path = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // The writer ticks one goal in the section new retro wrote.
        let written = try scratch.read(path)
        #expect(written.contains("- [ ] 운동 세 번"))
        try scratch.write(path, written.replacingOccurrences(of: "- [ ] 운동 세 번", with: "- [x] 운동 세 번") + "잘 지냈다.\n")
        #expect(try SitegenBinary.run(["build"], in: scratch.url).status == 0)
        let page = try scratch.read("output/retrospectives/2026-w47/index.html")
        #expect(page.contains("<li class=\"done\"><span aria-hidden=\"true\">☑</span> 운동 세 번</li>"), "\(page)")
        #expect(page.contains("<li><span aria-hidden=\"true\">☐</span> 책 한 권</li>"))
        // The section itself is not drawn a second time in the body, nor listed in the table of contents.
        #expect(page.components(separatedBy: "지난 회고의 목표").count - 1 == 2, "the box's label and heading only")
        #expect(!page.contains("- [x]") && !page.contains("type=\"checkbox\""))
    }

    @Test func aSecondRetrospectiveOfAPeriodIsRefusedUnlessForced() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/retrospectives/2026-11-20-w47.md", "---\ntitle: 47주차\nperiod: 2026-W47\n---\n본문\n")
        let refused = try SitegenBinary.run(["new", "retro", "--period", "2026-W47", "--date", "2026-11-22"], in: scratch.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("content/retrospectives/2026-11-20-w47.md: error: a retrospective of 2026-W47 is here already; write into it, or add --force to start another"),
                "\(refused.stderr)")
        let forced = try SitegenBinary.run(["new", "retro", "--period", "2026-W47", "--date", "2026-11-22", "--force"], in: scratch.url)
        #expect(forced.status == 0, "\(forced.stderr)")
        // A run of weeks keeps both ends readable in its file name.
        let range = try SitegenBinary.run(["new", "retro", "--period", "2026-W44..2026-W45", "--date", "2026-11-09"], in: scratch.url)
        #expect(range.stdout == "content/retrospectives/2026-11-09-2026-w44-2026-w45.md\n", "\(range.stderr)")
    }

    @Test func futurePostsWaitForTheirDayUnlessAskedFor() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2020-01-01-past.md", "---\ntitle: 지난 글\n---\n본문\n")
        try scratch.write("content/posts/2999-01-01-later.md", "---\ntitle: 미래의 글\n---\n본문\n")
        let built = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("날짜가 아직 오지 않은 문서 1개는 빼 두었습니다. --future를 주면 함께 만듭니다."), "\(built.stdout)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("output/posts/later/index.html").path))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("output/posts/past/index.html").path))
        let future = try SitegenBinary.run(["build", "-F", "-o", "with-future"], in: scratch.url)
        #expect(future.status == 0, "\(future.stderr)")
        #expect(!future.stdout.contains("빼 두었습니다"))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("with-future/posts/later/index.html").path))
    }

    @Test func anEnglishSiteIsToldAboutInEnglishAndDiagnosticsStayEnglishOnAKoreanOne() throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "language: en\n")
        try scratch.write("content/posts/2020-01-01-past.md", "---\ntitle: Past\n---\nText\n")
        try scratch.write("content/posts/2999-01-01-later.md", "---\ntitle: Later\n---\nText\n")
        let built = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(built.stdout.hasPrefix("Built "), "\(built.stdout)")
        #expect(built.stdout.contains("Held back 1 document dated after now; --future builds it."))
        #expect(try SitegenBinary.run(["check"], in: scratch.url).stdout.hasPrefix("Checked "))
        try scratch.write("site.yml", "language: ko\n")
        #expect(try SitegenBinary.run(["check"], in: scratch.url).stdout.hasPrefix("페이지 "))
        try scratch.write("content/posts/2020-01-02-bad.md", "---\ntitle: Hello: World\n---\n")
        let failed = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/posts/2020-01-02-bad.md:2:13: error: invalid YAML"), "\(failed.stderr)")
    }

    @Test func initSaysWhatToDoNextAndWhenItHadNothingToWrite() throws {
        let scratch = try ScratchFolder()
        let first = try SitegenBinary.run(["init"], in: scratch.url)
        #expect(first.stdout.contains("wrote site.yml"))
        #expect(first.stdout.contains("sitegen new post") && first.stdout.contains("sitegen serve"), "\(first.stdout)")
        let second = try SitegenBinary.run(["init"], in: scratch.url)
        #expect(second.status == 0)
        #expect(second.stdout.contains("Nothing written: this site has its site.yml and content/ already"), "\(second.stdout)")
    }

    @Test func versionAndShortFlags() throws {
        let scratch = try ScratchFolder()
        let version = try SitegenBinary.run(["--version"], in: scratch.url)
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
        try scratch.write("site/content/posts/2020-01-01-a.md", "---\ntitle: a\n---\n")
        let built = try SitegenBinary.run(["build", "-s", "site", "-o", "out"], in: scratch.url)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/posts/a/index.html").path))
    }

    @Test func newPostWritesADatedPost() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/.keep", "")
        let run = try SitegenBinary.run(["new", "post", "첫 글: 시작", "--date", "2026-11-22"], in: scratch.url)
        #expect(run.stdout == "content/posts/2026-11-22-첫-글-시작.md\n", "\(run.stderr)")
        #expect(try scratch.read("content/posts/2026-11-22-첫-글-시작.md").hasPrefix("---\ntitle: \"첫 글: 시작\"\ndate: 2026-11-22\n"))
    }

    @Test func aJapaneseSiteTakesItsWordsFromTheThemesI18nFile() throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "title: 日記\nlanguage: ja\ntheme: nihongo\n")
        try scratch.write("themes/nihongo/theme.yml", "extends: default\n")
        try scratch.write("themes/nihongo/i18n/ja.yml", "toc: \"目次\"\nhome: \"ホーム\"\n")
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: 一日目\n---\n\n## 朝\n\n## 夜\n")
        let run = try SitegenBinary.run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try scratch.read("output/posts/a/index.html")
        #expect(page.contains("<h2>目次</h2>"), "the theme's Japanese word")
        #expect(page.contains("<html lang=\"ja\">"))
        #expect(page.contains(">Archive<"), "a word ja.yml lacks comes from English")
    }
}
