import Mustache
import SitegenCore
import SitegenTestSupport
@testable import SitegenTemplates
import Testing

/// Plain Swift values (text, numbers, flags, lists, mappings) as a template's values.
func templateData(_ value: Any) -> TemplateData {
    switch value {
    case let data as TemplateData: return data
    case let text as String: return .text(text)
    case let number as Int: return .int(number)
    case let flag as Bool: return .bool(flag)
    case let map as [String: Any]: return .object(map.mapValues(templateData))
    case let list as [Any]: return .list(list.map(templateData))
    case let value as any TemplateDataConvertible: return value.templateData
    default: return .none
    }
}

/// Our template engine must write what swift-mustache — the library themes were written against —
/// writes for the same template and values: whitespace of standalone tags, indented partials,
/// inheritance, transforms, escaping. swift-mustache stays here as the reference only.
@Suite struct TemplateEngineTests {
    nonisolated(unsafe) static let values: [String: Any] = [
        "title": "회고 <2026> & \"notes\" 'x'", "empty": "", "zero": 0, "n": 3, "yes": true, "no": false,
        "list": ["a", "b<", "c"], "none": [String](), "numbers": [3, 1, 2],
        "people": [["name": "Kim", "age": 30, "tags": ["x", "y"]], ["name": "Lee", "age": 41, "tags": [String]()]],
        "page": ["title": "Page", "date": ["year": 2026, "iso": "2026-11-23"], "flag": true, "url": "/a/"],
        "site": ["title": "Site", "menu": [["name": "Home", "url": "/"], ["name": "Tags", "url": "/tags/"]]],
        "nested": ["deeper": ["deepest": "found"]],
    ]

    static let partials: [String: String] = [
        "line": "[{{title}}]",
        "lines": "one {{n}}\ntwo\n  three\n",
        "item": "<li>{{name}}</li>\n",
        "base": "<html>\n  {{$head}}<title>default</title>{{/head}}\n  <body>\n    {{$content}}\n    default body\n    {{/content}}\n  </body>\n</html>\n",
        "middle": "{{<base}}{{$head}}<title>middle {{page.title}}</title>{{/head}}{{/base}}",
        "nestedPartial": "a\n  {{> lines}}\nb\n",
    ]

    static let templates: [String] = [
        "", "plain text", "{{title}}", "{{{title}}}", "{{&title}}", "{{ title }}", "{{missing}}|{{missing.deep}}",
        "{{n}} {{zero}} {{yes}} {{no}} {{empty}}", "{{page.title}} {{page.date.year}} {{nested.deeper.deepest}}",
        "{{#list}}({{.}}){{/list}}", "{{#none}}x{{/none}}{{^none}}nothing{{/none}}", "{{^list}}x{{/list}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}",
        "{{#missing}}m{{/missing}}{{^missing}}not missing{{/missing}}", "{{#empty}}[{{.}}]{{/empty}}", "{{#zero}}z{{.}}{{/zero}}",
        "{{#page}}{{title}} in {{site.title}} {{.title}} {{.missing}}{{/page}}",
        "{{#people}}{{name}}:{{age}}:{{title}}{{#tags}}<{{.}}>{{/tags}}{{^tags}}none{{/tags}};{{/people}}",
        "{{#people}}{{#first()}}first {{/first()}}{{index()}}{{#last()}}last{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}} {{/people}}",
        "{{uppercased(page.title)}} {{lowercased(title)}} {{reversed(page.title)}} {{capitalized(page.url)}}",
        "{{count(list)}} {{first(list)}} {{last(list)}} {{#reversed(list)}}{{.}}{{/reversed(list)}} {{#sorted(numbers)}}{{.}}{{/sorted(numbers)}}",
        "{{#empty(none)}}empty{{/empty(none)}} {{plusone(n)}} {{minusone(n)}} {{#equalzero(zero)}}zero{{/equalzero(zero)}} {{#odd(n)}}odd{{/odd(n)}}",
        "{{count(page)}} {{unknown(title)}}|{{plusone(title)}}|",
        "a\n{{#list}}\n  item {{.}}\n{{/list}}\nb\n",
        "a\n  {{#yes}}\n  yes\n  {{/yes}}\n  {{^yes}}\n  no\n  {{/yes}}\nb\n",
        "  {{! a comment }}\nafter\n", "x {{! inline }} y\n", "{{!\nmulti\nline\n}}\nz",
        "{{=<% %>=}}\n<% title %> {{title}}\n<%={{ }}=%>\n{{title}}", "a {{=| |=}} |n| |={{ }}=| b",
        "{{> line}}", "before {{> line}} after", "begin\n  {{> lines}}\nend\n", "begin\n\t{{> lines}}\nend", "x\n  {{> nestedPartial}}\ny\n",
        "<ul>\n  {{#people}}\n  {{> item}}\n  {{/people}}\n</ul>\n", "{{> missingPartial}}|",
        "{{<base}}{{/base}}", "{{<base}}\n{{$content}}\nmine\n  indented\n{{/content}}\n{{/base}}\n",
        "{{<base}}\n  {{$content}}\n    over {{title}}\n      more\n  {{/content}}\n  {{$head}}<title>H</title>{{/head}}\n{{/base}}\n",
        "{{<middle}}{{$content}}from the child{{/content}}{{/middle}}", "{{<middle}}{{$head}}child wins{{/head}}{{/middle}}",
        "{{% CONTENT_TYPE: TEXT }}\n{{title}}\n", "{{title}}{{% CONTENT_TYPE: TEXT }}{{title}}", "{{#page}}{{% CONTENT_TYPE: TEXT }}{{title}}{{/page}}{{title}}",
        "line one\r\n{{#yes}}\r\nyes\r\n{{/yes}}\r\nend", "  {{title}}\n", "\n\n{{#list}}{{/list}}\n\n", "{{#list}}\n{{/list}}",
        "| {{#yes}} {{/yes}} |", " {{#yes}}\n {{/yes}}", "{{#site.menu}}<a href=\"{{url}}\">{{name}}</a>{{/site.menu}}",
        "{{#page.flag}}{{page.title}}{{/page.flag}}", "{{#nested}}{{#deeper}}{{deepest}} {{title}}{{/deeper}}{{/nested}}",
    ]

    /// `text` rendered with the partials above, by swift-mustache and by us.
    func renderedByBoth(_ text: String) throws -> (library: String?, ours: String) {
        var library = MustacheLibrary()
        var ours: [String: Template] = [:]
        for (name, partial) in Self.partials {
            try library.register(partial, named: name)
            ours[name] = try Template(partial)
        }
        try library.register(text, named: "main")
        return (library.render(Self.values, withTemplate: "main"), try Template(text).render(templateData(Self.values), partials: ours))
    }

    @Test(arguments: templates) func rendersAsSwiftMustacheDoes(_ text: String) throws {
        let rendered = try renderedByBoth(text)
        #expect(rendered.ours == rendered.library, "\(text.debugDescription)")
    }

    /// Templates made at random from the pieces that carry whitespace rules: tags alone on lines,
    /// indentation, sections, partials, comments.
    @Test func randomTemplatesRenderAsSwiftMustacheDoes() throws {
        let pieces = ["{{#list}}", "{{/list}}", "{{^no}}", "{{/no}}", "{{#yes}}", "{{/yes}}", "{{title}}", "{{{title}}}", "{{! c }}",
                      "{{> lines}}", "{{> line}}", "{{#list}}{{.}}{{/list}}", "\n", "\n", "  ", "\t", " ", "text", "{{index()}}", "{{n}}"]
        var generator = SplitMix(seed: 20261123)
        var compared = 0
        for _ in 0..<1500 {
            var text = ""
            var open: [String] = []
            for _ in 0..<Int.random(in: 3...14, using: &generator) {
                let piece = pieces.randomElement(using: &generator) ?? ""
                if piece.hasPrefix("{{/") {
                    guard let last = open.last, piece == "{{/" + last.dropFirst(3) else { continue }
                    open.removeLast()
                } else if piece.hasPrefix("{{#") || piece.hasPrefix("{{^"), !piece.contains("{{/") {
                    open.append(piece)
                }
                text += piece
            }
            for section in open.reversed() { text += "{{/" + section.dropFirst(3) }
            let rendered = try renderedByBoth(text)
            #expect(rendered.ours == rendered.library, "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared == 1500)
    }

    static let escapingSamples = [
        "", "plain", "회고 2026-W47", "<script>alert('x')</script>", "a & b \"quoted\" 'single' <tag>",
        "&amp; already", "이모지 🧑‍💻 and é (e + U+0301)", String(repeating: "긴 문장 & ", count: 500), "'", ">>",
    ]

    @Test(arguments: escapingSamples) func escapesAsTheLibraryDid(_ text: String) throws {
        let library = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(try Template("{{value}}").render(templateData(["value": text])) == library)
        #expect(escapeHTML(text) == library)
    }

    @Test func mistakesAreLocated() {
        let cases: [(String, TemplateSyntaxError.Reason, Int)] = [
            ("a\n{{#x}}\nb\n", .expectedSectionEnd, 4), ("{{#x}}\n{{/y}}", .sectionCloseNameIncorrect, 2),
            ("ok\n\n{{title", .unfinishedName, 3), ("{{=<% =}}", .invalidSetDelimiter, 1), ("{{% NOPE: X }}", .unrecognisedConfigVariable, 1),
            ("{{<base}}{{title}}{{/base}}", .illegalTokenInsideInheritSection, 1), ("{{a(b}}", .unfinishedName, 1),
        ]
        for (text, reason, line) in cases {
            #expect(throws: TemplateSyntaxError.self) { try Template(text) }
            do {
                _ = try Template(text)
            } catch {
                #expect(error.reason == reason, "\(text.debugDescription)")
                #expect(error.line == line, "\(text.debugDescription)")
            }
        }
    }
}
