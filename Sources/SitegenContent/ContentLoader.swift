import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
    /// What was read, to skip unchanged files next time.
    public var cache: LoadCache
}

/// Each Markdown file's stamp and what reading it gave, so a later load reads only what changed.
public struct LoadCache: Sendable {
    var files: [String: (stamp: FileStamp, document: SourceDocument?, diagnostics: [Diagnostic])] = [:]
    /// How property lines were read: when the site changes that, every file is read again.
    var properties = NotionProperties.Options.standard
    /// The Notion database CSVs read, by path: when one changes, every file is read again.
    var databases: [String: FileStamp] = [:]

    public init() {}
}

/// The load phase: the only part of content handling that touches the disk.
public enum ContentLoader {
    public static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd"]

    /// Reads `site.yml` and every file under `content/` of the site at `root`; Markdown files whose
    /// stamp is the same as in `previous` are not read again.
    public static func load(root: URL, reusing previous: LoadCache = LoadCache()) async throws(BuildFailure) -> SiteSource {
        var (config, diagnostics) = SiteConfigFile.read(root: root)

        let contentURL = root.appendingPathComponent("content")
        guard FileTree.isFolder(contentURL) else {
            throw BuildFailure(diagnostics + [.error(at: SourceLocation(path: "content", line: 1, column: 1),
                                                     "no content folder: the site root \(root.path) needs a 'content/' folder of Markdown files")])
        }
        let files = FileTree.stampedFiles(under: contentURL, root: root, prefix: "content/", problems: &diagnostics)
        var markdown: [(url: URL, path: String, stamp: FileStamp)] = []
        var candidates: [(url: URL, path: String, stamp: FileStamp)] = []
        for file in files {
            if markdownExtensions.contains(file.url.pathExtension.lowercased()) {
                markdown.append(file)
            } else {
                candidates.append(file)
            }
        }
        // A Notion database's CSV beside the folder of its pages gives them their properties (and is
        // published as it is: the database's own page links it).
        let folders = Set(markdown.map { $0.path.split(separator: "/").dropLast().joined(separator: "/") })
        var databases: [String: NotionDatabase] = [:]
        var databaseStamps: [String: FileStamp] = [:]
        var assets: [Asset] = []
        for file in candidates {
            assets.append(Asset(source: file.url, relativePath: file.path))
            guard let folder = NotionDatabase.folder(ofCSV: file.path), folders.contains(folder) else { continue }
            databaseStamps[file.path] = file.stamp
            // `…_all.csv` (every row) wins over the view's own `….csv`.
            guard databases[folder] == nil || file.path.hasSuffix("_all.csv") else { continue }
            switch readText(file.url, path: "content/" + file.path) {
            case .success(let text):
                let (database, problem) = NotionDatabase.read(text, path: "content/" + file.path, folder: folder)
                if let database { databases[folder] = database }
                if let problem { diagnostics.append(problem) }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }

        let properties = config.notionProperties
        let databasesByFolder = databases
        let stale = markdown.filter {
            previous.files[$0.path]?.stamp != $0.stamp || previous.properties != properties || previous.databases != databaseStamps
        }
        let parsed = await stale.parallelMap { file -> (SourceDocument?, [Diagnostic]) in
            switch readText(file.url, path: "content/" + file.path) {
            case .success(let text):
                let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
                return SourceDocument.parse(text: text, relativePath: file.path, properties: properties, database: databasesByFolder[folder])
            case .failure(let diagnostic): return (nil, [diagnostic])
            }
        }
        var cache = LoadCache()
        cache.properties = properties
        cache.databases = databaseStamps
        for file in markdown { cache.files[file.path] = previous.files[file.path] }
        for (file, result) in zip(stale, parsed) { cache.files[file.path] = (file.stamp, result.0, result.1) }
        var documents: [SourceDocument] = []
        for file in markdown {
            guard let entry = cache.files[file.path] else { continue }
            diagnostics += entry.diagnostics
            if let document = entry.document { documents.append(document) }
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return SiteSource(root: root, config: config, documents: documents, assets: assets, warnings: diagnostics.sorted(),
                          cache: cache)
    }

    /// One file's text, decoded (BOM, CRLF, invalid UTF-8 located); `path` names it in messages.
    public static func readText(_ url: URL, path: String) -> Result<String, Diagnostic> {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.error(at: SourceLocation(path: path), "cannot read this file: \(FileTree.reason(errno))")) }
        defer { close(fd) }
        switch FileTree.readAll(fd) {
        case .success(let bytes): return SourceText.decode(bytes, path: path)
        case .failure(let failure): return .failure(.error(at: SourceLocation(path: path), "cannot read this file: \(FileTree.reason(failure.code))"))
        }
    }
}
