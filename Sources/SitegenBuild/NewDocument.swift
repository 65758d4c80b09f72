import Foundation
import SitegenContent
import SitegenCore
import SitegenTemplates

/// Writes the start of a new retrospective or post, as `sitegen new` does.
public enum NewDocument {
    /// The default retrospective: KPT sections, and last time's goals to check off when there are any.
    /// A site overrides it with `archetypes/retrospective.md`, a Mustache template with the same values.
    static let retrospectiveTemplate = """
        ---
        title: "{{title}}"
        date: {{date}}
        period: {{period}}
        tags: [{{tag}}]
        ---
        {{#previous}}

        ## {{goals_heading}}

        [{{title}}]({{link}})
        {{#goals}}
        - [ ] {{text}}
        {{/goals}}
        {{/previous}}

        ## Keep

        ## Problem

        ## Try

        """

    /// Writes a retrospective of `period` (default: the ISO week of `today`) into the site at `root`,
    /// with the goals of the latest earlier retrospective of the same cadence. Returns its path; what
    /// reading the site found goes to `diagnostics`.
    /// A second retrospective of a period it already has is refused (the two would share a URL) unless `force`.
    public static func retrospective(siteRoot root: URL, period requested: Period?, today: DocumentDate, force: Bool = false,
                                     into diagnostics: inout Diagnostics) async throws(BuildFailure) -> String {
        let options = BuildOptions(root: root, output: root.appendingPathComponent("output"), includeDrafts: true, includeFuture: true)
        let (source, site, theme) = try await SiteBuilder.model(options, into: &diagnostics)
        let week = Period.isoWeek(of: today)
        let period = requested ?? Period(.weekly, year: week.year, first: week.week)
        if !force, let existing = site.retrospectives.first(where: { site.documents[$0].period == period }) {
            throw BuildFailure([.error(at: .whole(site.documents[existing].source.path),
                                       "a retrospective of \(period.description) is here already; write into it, or add --force to start another")])
        }
        let korean = SiteLanguage.isKorean(source.config.language)
        let labels = theme.labels(for: source.config.language)

        var values: [String: TemplateData] = [
            "title": .text(korean ? "\(period.label(language: "ko")) 회고" : "Retrospective: \(period.label(language: "en"))"),
            "date": .text(today.isoDay), "period": .text(period.description), "tag": .text(korean ? "회고" : "retrospective"),
            "goals_heading": .text(labels["previous_goals"] ?? "Goals from last time"),
        ]
        let earlier = site.retrospectives.first { index in
            guard let other = site.documents[index].period else { return false }
            return other.cadence == period.cadence && other < period
        }
        if let earlier {
            let document = site.documents[earlier]
            let previous: [String: TemplateData] = [
                "title": .text(document.title),
                "link": .text("../" + String(document.source.path.dropFirst("content/".count)).replacingOccurrences(of: " ", with: "%20")),
                "goals": .list(document.goals.map { TemplateData.object(["text": $0.text]) }),
            ]
            values["previous"] = .object(previous)
        }
        // `2026-W46..2026-W47` → `2026-w46-2026-w47`: the range stays readable in the file name and URL.
        let file = "content/retrospectives/\(today.isoDay)-\(Slug.segment(period.description.replacingOccurrences(of: "..", with: "-"))).md"
        let text = try render(archetype: "retrospective", default: retrospectiveTemplate, values: values, root: root)
        try write(text, to: file, root: root)
        return file
    }

    /// Writes a dated post titled `title`. Returns its path.
    public static func post(siteRoot root: URL, title: String, today: DocumentDate) throws(BuildFailure) -> String {
        let slug = Slug.segment(title).isEmpty ? "post" : Slug.segment(title)
        let file = "content/posts/\(today.isoDay)-\(slug).md"
        let escaped = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try write("---\ntitle: \"\(escaped)\"\ndate: \(today.isoDay)\ntags: []\n---\n\n", to: file, root: root)
        return file
    }

    private static func render(archetype: String, default template: String, values: [String: TemplateData], root: URL) throws(BuildFailure) -> String {
        let custom = root.appendingPathComponent("archetypes/\(archetype).md")
        let path = FileManager.default.fileExists(atPath: custom.path) ? "archetypes/\(archetype).md" : nil
        var text = template
        if let path {
            var diagnostics = Diagnostics()
            guard let written = ContentLoader.readText(custom, path: path, into: &diagnostics) else { throw BuildFailure(diagnostics.all) }
            text = written
        }
        do {
            // Markdown, not HTML: nothing is escaped.
            return try Template("{{% CONTENT_TYPE: TEXT }}" + text).render(.object(values))
        } catch {
            throw BuildFailure([.error(at: SourceLocation(path: path ?? "(built-in archetype)", line: error.line, column: error.column),
                                       "template error: \(error.message)")])
        }
    }

    private static func write(_ text: String, to file: String, root: URL) throws(BuildFailure) {
        let url = root.appendingPathComponent(file)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw BuildFailure([.error(at: .whole(file), "this file exists already; sitegen new never overwrites")])
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw BuildFailure([.error(at: .whole(file), "cannot write: \(error.localizedDescription)")])
        }
    }
}
