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
    /// What was read, to skip unchanged files next time.
    public var cache: LoadCache
    /// On a site imported from Jekyll (`liquid: true`): the files of `_includes/` beside `content/`,
    /// by their path in it, for `{% include %}`.
    public var includes: [String: String] = [:]
}

/// Each Markdown file's stamp and what reading it gave, so a later load reads only what changed.
public struct LoadCache: Sendable {
    var files: [String: (stamp: FileStamp, document: SourceDocument?, diagnostics: Diagnostics)] = [:]
    /// How property lines were read: when the site changes that, every file is read again.
    var properties = NotionProperties.Options.standard
    /// The `defaults` of site.yml the files were read with: when they change, every file is read again.
    var defaults: [FrontMatterDefault] = []
    /// The Notion database CSVs read, by path: when one changes, every file is read again.
    var databases: [String: FileStamp] = [:]

    public init() {}

    /// What reading the file at `path` (under `content/`) said, when it was read.
    public func diagnostics(of path: String) -> Diagnostics? { files[path]?.diagnostics }

    /// Keeps a file read outside a load (`serve`'s patch), as a load would have kept it.
    public mutating func keep(_ path: String, stamp: FileStamp, document: SourceDocument?, diagnostics: Diagnostics) {
        files[path] = (stamp, document, diagnostics)
    }

    /// Whether a Notion database's CSV gives the pages in `folder` (under `content/`) their properties.
    public func hasDatabase(for folder: String) -> Bool {
        databases.keys.contains { NotionDatabase.folder(ofCSV: $0) == folder }
    }
}

/// The load phase: the only part of content handling that touches the disk.
public enum ContentLoader {
    public static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd"]

    /// Reads `site.yml` and every file under `content/` of the site at `root`; Markdown files whose
    /// stamp is the same as in `previous` are not read again.
    /// Problems go to `diagnostics`; with an error among them, the load throws them all.
    public static func load(root: URL, reusing previous: LoadCache = LoadCache(), into diagnostics: inout Diagnostics) async throws(BuildFailure) -> SiteSource {
        var config = SiteConfigFile.read(root: root, into: &diagnostics)

        let contentURL = root.appendingPathComponent("content")
        guard FileTree.isFolder(contentURL) else {
            if FileTree.isFolder(root.appendingPathComponent("_posts")) || FileManager.default.fileExists(atPath: root.appendingPathComponent("_config.yml").path) {
                diagnostics.error(at: SourceLocation(path: FileTree.isFolder(root.appendingPathComponent("_posts")) ? "_posts" : "_config.yml"),
                                  "this is a Jekyll site, which sitegen does not build in place: make a sitegen site of it with 'sitegen import jekyll \(root.path) NEW-FOLDER'")
            } else {
                diagnostics.error(at: SourceLocation(path: "content", line: 1, column: 1),
                                  "no content folder: the site root \(root.path) needs a 'content/' folder of Markdown files (sitegen init makes one)")
            }
            throw BuildFailure(diagnostics.all)
        }
        // A Hugo site has content/ too, but its settings are in its own file, which is not read.
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent("site.yml").path),
           let hugo = ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml"].first(where: { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }) {
            diagnostics.warning(at: SourceLocation(path: hugo),
                                "this looks like a Hugo site: its \(hugo) is not read; write its title, baseURL and permalinks in site.yml (see README.md, 'site.yml')")
            // Its posts' shortcodes are expanded all the same, and its slugs are Hugo's.
            config.shortcodes = true
            config.hugoSlugs = true
        }
        let files = FileTree.stampedFiles(under: contentURL, root: root, prefix: "content/", problems: &diagnostics)
        var markdown: [(url: URL, path: String, stamp: FileStamp)] = []
        var candidates: [(url: URL, path: String, stamp: FileStamp)] = []
        for file in files {
            if markdownExtensions.contains(file.url.pathExtension.lowercased()) {
                // A Hugo section's own page (`_index.md`) is its list, which sitegen makes itself.
                if config.hugoSlugs, file.path == "_index.md" || file.path.hasSuffix("/_index.md") { continue }
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
            if let text = readText(file.url, path: "content/" + file.path, into: &diagnostics),
               let database = NotionDatabase.read(text, path: "content/" + file.path, folder: folder, into: &diagnostics) {
                databases[folder] = database
            }
        }

        let properties = config.notionProperties
        let defaults = config.defaults
        let databasesByFolder = databases
        let stale = markdown.filter {
            previous.files[$0.path]?.stamp != $0.stamp || previous.properties != properties || previous.databases != databaseStamps
                || previous.defaults != defaults
        }
        FilePrefetch.start(stale.map(\.url.path))
        // Each file's problems are kept with it, so an unchanged file's warnings are told again next time.
        let parsed = await stale.parallelMap { file -> (SourceDocument?, Diagnostics) in
            let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
            return readDocument(file.url, relativePath: file.path, properties: properties, database: databasesByFolder[folder], defaults: defaults)
        }
        var cache = LoadCache()
        cache.properties = properties
        cache.defaults = defaults
        cache.databases = databaseStamps
        for file in markdown { cache.files[file.path] = previous.files[file.path] }
        for (file, result) in zip(stale, parsed) { cache.files[file.path] = (file.stamp, result.0, result.1) }
        var documents: [SourceDocument] = []
        for file in markdown {
            guard let entry = cache.files[file.path] else { continue }
            diagnostics += entry.diagnostics
            if let document = entry.document { documents.append(document) }
        }
        try diagnostics.stopIfErrors()
        if config.favicon == nil {
            config.favicon = ["favicon.svg", "favicon.png", "favicon.ico"].first { name in assets.contains { $0.relativePath == name } }.map { "/" + $0 }
        }
        var source = SiteSource(root: root, config: config, documents: documents, assets: assets, cache: cache)
        if config.liquid { source.includes = readIncludes(root: root, into: &diagnostics) }
        return source
    }

    /// One Markdown file under `content/` (`relativePath` below it) read and parsed, with what reading
    /// it said: the load's step for every file, and `serve`'s for a saved one.
    public static func readDocument(_ url: URL, relativePath: String, properties: NotionProperties.Options, database: NotionDatabase? = nil,
                                    defaults: [FrontMatterDefault]) -> (SourceDocument?, Diagnostics) {
        var found = Diagnostics()
        guard let text = readText(url, path: "content/" + relativePath, into: &found) else { return (nil, found) }
        let document = SourceDocument.parse(text: text, relativePath: relativePath, properties: properties, database: database,
                                            defaults: defaults, into: &found)
        return (document, found)
    }

    /// One file's text, decoded (BOM, CRLF, invalid UTF-8 located); `path` names it in messages.
    /// `_includes/`'s text files, by their path under it.
    static func readIncludes(root: URL, into diagnostics: inout Diagnostics) -> [String: String] {
        let folder = root.appendingPathComponent("_includes")
        guard FileTree.isFolder(folder) else { return [:] }
        var includes: [String: String] = [:]
        for file in FileTree.regularFiles(under: folder, shownAs: "_includes", problems: &diagnostics) {
            if let text = readText(file.url, path: "_includes/" + file.path, into: &diagnostics) { includes[file.path] = text }
        }
        return includes
    }

    public static func readText(_ url: URL, path: String, into diagnostics: inout Diagnostics) -> String? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            diagnostics.error(at: SourceLocation(path: path), "cannot read this file: \(FileTree.reason(errno))")
            return nil
        }
        defer { close(fd) }
        switch FileTree.readAll(fd) {
        case .success(let bytes):
            return SourceText.decode(bytes, path: path, into: &diagnostics)
        case .failure(let failure):
            diagnostics.error(at: SourceLocation(path: path), "cannot read this file: \(FileTree.reason(failure.code))")
            return nil
        }
    }
}
