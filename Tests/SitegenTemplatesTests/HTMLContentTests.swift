import Mustache
@testable import SitegenTemplates
import Testing

/// Theme templates escape `{{name}}` with our own content type; it must write what swift-mustache's
/// HTML type writes, and a template's own pragma must still choose another.
@Suite struct HTMLContentTests {
    static let samples = [
        "", "plain", "회고 2026-W47", "<script>alert('x')</script>", "a & b \"quoted\" 'single' <tag>",
        "&amp; already", "이모지 🧑‍💻 and é (e + U+0301)", String(repeating: "긴 문장 & ", count: 500), "'", ">>",
    ]

    @Test(arguments: samples) func escapesAsTheLibrarysHTMLTypeDoes(_ text: String) throws {
        let library = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(HTMLContent.escape(text) == library)
    }

    @Test func themeTemplatesUseItAndATemplateMayStillChooseText() throws {
        _ = HTMLContent.registered
        let escaped = try MustacheTemplate(string: HTMLContent.pragma + "<b>{{value}}</b>").render(["value": "<i>&</i>"])
        #expect(escaped == "<b>&lt;i&gt;&amp;&lt;/i&gt;</b>")
        let text = try MustacheTemplate(string: HTMLContent.pragma + "{{% CONTENT_TYPE: TEXT }}\n{{value}}").render(["value": "<i>"])
        #expect(text == "<i>")
        let template = try MustacheTemplate(string: HTMLContent.pragma + "first line\n")
        #expect(HTMLContent.writersText(of: template) == "first line\n")
    }
}
