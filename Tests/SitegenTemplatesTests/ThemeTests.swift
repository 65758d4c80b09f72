import Foundation
import SitegenCore
import SitegenTemplates
import SitegenTestSupport
import Testing

@Suite struct ThemeTests {
    @Test func theBuiltInDefaultWorksWithoutAThemesFolder() throws {
        let site = try ScratchFolder()
        let theme = try loadTheme("default", site.url)
        for name in ["base", "home", "document", "tag", "tags"] {
            #expect(theme.hasTemplate(name), "missing \(name)")
        }
        #expect(theme.staticFiles.contains { $0.path == "style.css" })
        let html = theme.render("document", values: templateData(["site": ["title": "사이트", "language": "ko"],
                                                  "page": ["title": "<script>x</script>", "content": "<p>본문</p>"]]))
        #expect(html?.contains("&lt;script&gt;x&lt;/script&gt;") == true)
        #expect(html?.contains("<p>본문</p>") == true)
        #expect(html?.contains("<html lang=\"ko\">") == true)
    }

    @Test func aThemeOverridesOnlyWhatItHas() throws {
        let site = try ScratchFolder()
        try site.write("themes/mine/theme.yml", "name: mine\nextends: default\n")
        try site.write("themes/mine/templates/post.mustache", "MINE {{page.title}}")
        try site.write("themes/mine/static/extra.css", "body{}")
        let theme = try loadTheme("mine", site.url)
        #expect(theme.chain == ["mine", "default"])
        #expect(theme.render("post", values: templateData(["page": ["title": "A"]])) == "MINE A")
        #expect(theme.render("document", values: templateData(["page": ["title": "A"]]))?.contains("<!DOCTYPE html>") == true)
        #expect(Set(theme.staticFiles.map(\.path)).isSuperset(of: ["extra.css", "style.css"]))
    }

    @Test func aBrokenTemplateIsLocatedInItsFile() throws {
        let site = try ScratchFolder()
        try site.write("themes/broken/templates/post.mustache", "line one\n{{#page}}\n{{title}}\n{{/pages}}\n")
        let first = themeFailure("broken", site.url)?.errors.first
        #expect(first?.location.path == "themes/broken/templates/post.mustache" && first?.location.line == 4
            && first?.message.contains("does not match") == true)
    }

    @Test func anUnknownThemeIsNamed() throws {
        let site = try ScratchFolder()
        try site.write("themes/other/theme.yml", "name: other\n")
        #expect(themeFailure("missing", site.url)?.description
            == "site.yml:1:1: error: unknown theme 'missing': no folder themes/missing/ (themes here: other)")
    }
}

@Suite struct PartialCheckTests {
    @Test func anUnknownPartialIsLocated() throws {
        let site = try ScratchFolder()
        try site.write("themes/mine/templates/post.mustache", "{{<base}}\n{{$content}}\n  {{> partials/sidebar}}\n{{/content}}\n{{/base}}\n")
        #expect(themeFailure("mine", site.url)?.errors.first?.description
            == "themes/mine/templates/post.mustache:3:3: error: unknown partial 'partials/sidebar': no templates/partials/sidebar.mustache in the theme or its parents")
    }

    @Test func partialsAreReadAsTheRendererReadsThem() throws {
        // Under other delimiters a partial is `<%> name %>`; in a comment, `{{> name}}` is only words.
        let site = try ScratchFolder()
        try site.write("themes/mine/templates/post.mustache", "{{! not {{> partials/ghost}} }}\n{{=<% %>=}}\nx <%> partials/hidden %>\n")
        #expect(themeFailure("mine", site.url)?.errors.map(\.description)
            == ["themes/mine/templates/post.mustache:3:3: error: unknown partial 'partials/hidden': no templates/partials/hidden.mustache in the theme or its parents"])
    }

    @Test func aChangedPartialUnderOtherDelimitersChangesTheDigestOfThePagesThatUseIt() throws {
        let site = try ScratchFolder()
        try site.write("themes/mine/templates/partials/box.mustache", "one")
        try site.write("themes/mine/templates/post.mustache", "{{=<% %>=}}<%> partials/box %>")
        let before = try loadTheme("mine", site.url).digests["post"]
        try site.write("themes/mine/templates/partials/box.mustache", "two")
        #expect(try loadTheme("mine", site.url).digests["post"] != before)
    }

    @Test func aPartialFromTheParentIsFound() throws {
        let site = try ScratchFolder()
        try site.write("themes/mine/templates/post.mustache", "{{> partials/meta}}")
        #expect(throws: Never.self) { try loadTheme("mine", site.url) }
    }
}

@Suite struct TransformTests {
    let date = TemplateDate(year: 2022, month: 12, day: 31, iso: "2022-12-31T22:00:00+09:00", language: "ko")

    func render(_ template: String, _ context: [String: Any]) throws -> String {
        try Template(template).render(templateData(context))
    }

    @Test func datesFormatInTheSiteLanguage() throws {
        #expect(try render("{{d}}|{{short(d)}}|{{iso(d)}}|{{d.day}}|{{month_name(d)}}", ["d": date])
            == "2022년 12월 31일|2022.12.31|2022-12-31T22:00:00+09:00|2022-12-31|12월")
        var english = date
        english.language = "en"
        #expect(try render("{{d}} {{month_name(d)}}", ["d": english]) == "December 31, 2022 December")
    }

    @Test func countsAndLinks() throws {
        let context: [String: Any] = [
            "n": TemplateCount(3, language: "ko"), "big": TemplateCount(12345, language: "en"),
            "u": TemplateLink(href: "/blog/posts/a/", origin: "https://user.github.io"),
        ]
        #expect(try render("{{minutes(n)}} {{posts(n)}} {{posts(big)}} {{grouped(big)}}", context) == "3분 글 3편 12,345 posts 12,345")
        #expect(try render("{{u}} {{absolute(u)}}", context) == "/blog/posts/a/ https://user.github.io/blog/posts/a/")
    }

    @Test func wordsComeFromTheThemesI18nFilesAndAChildChangesOnlyWhatItHas() throws {
        let site = try ScratchFolder()
        try site.write("themes/mine/theme.yml", "extends: default\n")
        try site.write("themes/mine/i18n/ja.yml", "toc: \"目次\"\ntags: \"タグ\"\n")
        try site.write("themes/mine/i18n/ko.yml", "toc: \"차례\"\n")
        let theme = try loadTheme("mine", site.url)
        let japanese = theme.labels(for: "ja")
        #expect(japanese["toc"] == "目次" && japanese["tags"] == "タグ")
        #expect(japanese["archive"] == "Archive", "a key Japanese lacks comes from English")
        let korean = theme.labels(for: "ko-KR")
        #expect(korean["toc"] == "차례")
        #expect(korean["archive"] == "아카이브", "the parent's other Korean words stay")
        #expect(theme.labels(for: "fr")["toc"] == "Contents")
        let plain = try loadTheme("default", site.url)
        #expect(plain.digests["document"] != theme.digests["document"], "changed words change the pages that show them")
    }

    @Test func aLabelThatIsNotTextIsALocatedError() throws {
        let site = try ScratchFolder()
        try site.write("themes/mine/i18n/ko.yml", "toc: [a, b]\n")
        #expect(themeFailure("mine", site.url)?.errors.first?.description
            == "themes/mine/i18n/ko.yml:1:6: error: the label 'toc' must be text, found a list")
    }
}

/// Loads a theme the way a build does; these themes are expected to load without warnings.
func loadTheme(_ name: String, _ root: URL) throws(BuildFailure) -> Theme {
    var diagnostics = Diagnostics()
    let theme = try ThemeLoader.load(name: name, siteRoot: root, into: &diagnostics)
    #expect(diagnostics.isEmpty, "\(diagnostics.sorted)")
    return theme
}

/// What loading a theme that must fail throws; nil (and so a failed expectation) when it loads.
func themeFailure(_ name: String, _ root: URL) -> BuildFailure? {
    var diagnostics = Diagnostics()
    do {
        _ = try ThemeLoader.load(name: name, siteRoot: root, into: &diagnostics)
        return nil
    } catch {
        return error
    }
}

/// A theme folder's problems are told like the content's, not dropped.
@Suite struct ThemeFolderProblemTests {
    @Test func aDanglingLinkInAThemeIsNamedInItsFolder() throws {
        let site = try ScratchFolder()
        try site.write("themes/mine/static/site.css", "body{}")
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("themes/mine/static/gone.css").path,
                                                   withDestinationPath: "/nonexistent/gone.css")
        var diagnostics = Diagnostics()
        #expect(throws: BuildFailure.self) { try ThemeLoader.load(name: "mine", siteRoot: site.url, into: &diagnostics) }
        #expect(diagnostics.all.contains { $0.location.path == "themes/mine/static/gone.css" }, "\(diagnostics.sorted)")
    }
}
