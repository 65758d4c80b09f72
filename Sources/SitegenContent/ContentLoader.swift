import Foundation
import SitegenCore

/// A file under `content/` that is not Markdown: copied to the same place in the output.
public struct Asset: Sendable, Hashable {
    /// Where it is read from.
    public var source: URL
    /// Its path under `content/` and so under the output root, NFC.
    public var relativePath: String
}

/// Everything the load phase read from disk.
public struct SiteSource: Sendable {
    public var root: URL
    public var config: SiteConfig
    public var documents: [SourceDocument]
    public var assets: [Asset]
    /// Warnings met while loading (errors throw instead).
    public var warnings: [Diagnostic]
}

/// The load phase: the only part of content handling that touches the disk.
public enum ContentLoader {
    public static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd"]

    /// Reads `site.yml` and every file under `content/` of the site at `root`.
    public static func load(root: URL) async throws(BuildFailure) -> SiteSource {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        let configURL = root.appendingPathComponent("site.yml")
        if FileManager.default.fileExists(atPath: configURL.path) {
            switch readText(configURL, path: "site.yml") {
            case .success(let text):
                let (decoded, found) = SiteConfig.decode(yaml: text, path: "site.yml")
                config = decoded
                diagnostics += found
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }

        let contentURL = root.appendingPathComponent("content")
        guard FileTree.isFolder(contentURL) else {
            throw BuildFailure(diagnostics + [.error(at: SourceLocation(path: "content", line: 1, column: 1),
                                                     "no content folder: the site root \(root.path) needs a 'content/' folder of Markdown files")])
        }
        let files = FileTree.regularFiles(under: contentURL)
        var markdown: [(URL, String)] = []
        var assets: [Asset] = []
        for (url, relative) in files {
            if markdownExtensions.contains(url.pathExtension.lowercased()) {
                markdown.append((url, relative))
            } else {
                assets.append(Asset(source: url, relativePath: relative))
            }
        }

        let parsed = await markdown.parallelMap { url, relative -> (SourceDocument?, [Diagnostic]) in
            switch readText(url, path: "content/" + relative) {
            case .success(let text): return SourceDocument.parse(text: text, relativePath: relative)
            case .failure(let diagnostic): return (nil, [diagnostic])
            }
        }
        var documents: [SourceDocument] = []
        for (document, found) in parsed {
            diagnostics += found
            if let document { documents.append(document) }
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return SiteSource(root: root, config: config, documents: documents, assets: assets, warnings: diagnostics.sorted())
    }

    static func readText(_ url: URL, path: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.error(at: SourceLocation(path: path), "cannot read this file (check its permissions)"))
        }
        return SourceText.decode([UInt8](data), path: path)
    }
}
