import Foundation
import SitegenCore
@testable import SitegenBuild
import SitegenTemplates
import Testing

/// Keeps themes/README.md true: every value it documents is in the context templates get.
@Suite struct ThemeContextDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes/README.md")

    /// The names in the first column of the context tables: `site.title`, `page.tags[]`, `has_pages`.
    func documentedNames() throws -> [String] {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        guard let section = text.range(of: "## The context") else { return [] }
        var names: [String] = []
        for line in text[section.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let firstCell = line.dropFirst(2).prefix { $0 != "|" }
            for piece in firstCell.split(separator: "`") where !piece.trimmingCharacters(in: .whitespaces).isEmpty && piece != ", " {
                names.append(String(piece))
            }
        }
        return names
    }

    /// Every key path of the contexts of every kind of page of the fixture blog, and every key the
    /// value types answer (whether this fixture fills it or not).
    func contextPaths() async throws -> (paths: Set<String>, keys: Set<String>) {
        var diagnostics = Diagnostics()
        let (_, site, theme) = try await SiteBuilder.model(BuildOptions(root: Fixtures.site("blog"), output: URL(fileURLWithPath: "/nonexistent")),
                                                           into: &diagnostics)
        let context = PageContext(site: site, theme: theme)
        var contexts: [any TemplateValue] = site.documents.indices.map(context.document)
        contexts.append(context.list(title: "home", members: site.entries, pagination: Pagination(base: "/", current: 2, total: 3), isHome: true))
        contexts.append(context.list(title: "tag", members: site.tags[0].members, pagination: Pagination(base: "/tags/x/", current: 1, total: 1),
                                     tag: context.tagValues[0]))
        contexts.append(context.tagIndex())
        contexts.append(context.notFound())
        contexts.append(context.timeline())
        contexts.append(context.archive())
        contexts.append(context.searchPage())
        contexts.append(context.atom(tag: nil, limit: 20))
        contexts.append(context.sitemap(urls: ["/"]))
        contexts.append(context.robots())
        var paths = Set<String>()
        var keys = Set<String>()
        for values in contexts { collect(values.templateData, prefix: "", into: &paths, keys: &keys) }
        return (paths, keys)
    }

    func collect(_ value: TemplateData, prefix: String, into paths: inout Set<String>, keys: inout Set<String>) {
        if !prefix.isEmpty { paths.insert(prefix) }
        let join = { (key: String) in prefix.isEmpty ? key : "\(prefix).\(key)" }
        switch value {
        case .object(let object):
            switch object {
            case let typed as any TemplateValue:
                for key in type(of: typed).keys {
                    keys.insert(key)
                    let child = typed.child(named: key)
                    if !child.isNone { collect(child, prefix: join(key), into: &paths, keys: &keys) }
                }
            case let map as [String: String]:
                for key in map.keys { paths.insert(join(key)) }
            case let map as [String: [String: String]]:
                for key in map.keys { paths.insert(join(key)) }
            case let params as ParamValues:
                for key in params.values.keys { paths.insert(join(key)) }
            case let date as TemplateDate:
                for key in ["iso", "day", "text", "year", "month", "month_name", "short", "long"] where !date.child(named: key).isNone {
                    paths.insert(join(key))
                }
            default:
                break
            }
        case .list(let list):
            paths.insert(prefix + "[]")
            for index in 0..<list.count { collect(list.item(index), prefix: prefix + "[]", into: &paths, keys: &keys) }
        default:
            break
        }
    }

    @Test func everyDocumentedValueExists() async throws {
        let documented = try documentedNames()
        #expect(documented.count > 40, "the context tables were not found")
        let paths = try await contextPaths().paths
        for name in documented {
            let exists = paths.contains(name)
            #expect(exists, "themes/README.md documents `\(name)`, which no template context has")
        }
    }

    /// The other way: a key added to a value type must be written in the context section, as a
    /// name of its own (`page.title_id`) or as a key of one (`page.tags[]` … `name`, `slug`).
    @Test func everyKeyTheValuesHaveIsDocumented() async throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let section = try #require(text.range(of: "## The context")).upperBound
        var mentioned = Set<String>()
        for piece in text[section...].split(separator: "`").enumerated() where piece.offset % 2 == 1 {
            for part in piece.element.split(whereSeparator: { $0 == "." || $0 == " " || $0 == "," }) {
                mentioned.insert(part.replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: "{{", with: "")
                    .replacingOccurrences(of: "}}", with: "").replacingOccurrences(of: "#", with: "").replacingOccurrences(of: "/", with: ""))
            }
        }
        let keys = try await contextPaths().keys
        for key in keys.sorted() {
            #expect(mentioned.contains(key), "the value key `\(key)` is not in themes/README.md's context section")
        }
    }

    @Test func everyPageTemplateIsDocumented() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        for name in ["base", "home", "post", "retrospective", "page", "list", "tag", "tags", "404", "retrospectives", "archive",
                     "search", "atom", "sitemap", "robots"] {
            #expect(text.contains("`\(name)`"), "\(name) is not documented")
        }
    }
}
