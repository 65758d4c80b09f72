import Foundation
import SitegenCore
import SitegenMarkdown

/// `sitegen check` and `build --strict`: every internal link, image and anchor of a generated site.
/// A body's links come from the Markdown stage, each with the line the writer wrote it on; only
/// what the theme wrote around the body (navigation, lists, feeds) is read back from the HTML.
public enum SiteCheck {
    /// What `build --strict` and `check` both refuse: every warning, as an error, and every broken
    /// internal link, image or anchor.
    public static func strictProblems(in generation: Generation) -> [Diagnostic] {
        Diagnostics(generation.report.warnings.map { Diagnostic(.error, at: $0.location, $0.message) } + brokenLinks(in: generation)).sorted
    }

    public static func brokenLinks(in generation: Generation) -> [Diagnostic] {
        var pages: [String: String] = [:]
        var files: Set<String> = []
        for file in generation.files {
            if file.path.hasSuffix(".html"), case .bytes(let bytes) = file.contents {
                pages[file.path] = String(decoding: bytes, as: UTF8.self)
            } else {
                files.insert(file.path)
            }
        }
        var links: [String: [LinkChecker.PageLink]] = [:]
        for (page, html) in pages {
            links[page] = pageLinks(page, html: html, body: generation.bodies[page])
        }
        return LinkChecker.check(pages: pages, links: links, files: files, basePath: generation.basePath).map { broken in
            let message = "broken link '\(broken.target)' on \(broken.page): \(broken.reason)"
            guard let location = broken.location else {
                return .error(at: .whole("(generated) " + broken.page), message + " (it comes from the theme or a list)")
            }
            return .error(at: location, message)
        }
    }

    /// A page's links: its body's from the Markdown stage, located, and the rest read from the HTML
    /// around the body. A theme that does not write the body as it is gets all its links read.
    static func pageLinks(_ page: String, html: String, body: Body?) -> [LinkChecker.PageLink] {
        let theme = { (text: String) in
            HTMLAttributes.values(named: ["href", "src"], in: text).map { LinkChecker.PageLink(target: $0.value, location: nil) }
        }
        guard let body, !body.html.isEmpty, let range = html.range(of: body.html) else { return theme(html) }
        let located = body.links.map {
            LinkChecker.PageLink(target: $0.url, location: SourceLocation(path: body.source, line: $0.line, column: $0.column))
        }
        return located + theme(String(html[..<range.lowerBound])) + theme(String(html[range.upperBound...]))
    }
}
