import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenTemplates

/// What to build, and where.
public struct BuildOptions: Sendable {
    /// The site root: the folder with `content/`, and maybe `site.yml` and `themes/`.
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: String?

    public init(root: URL, output: URL, includeDrafts: Bool = false, baseURL: String? = nil) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }
}

/// What a finished build tells the writer.
public struct BuildReport: Sendable {
    /// HTML pages written.
    public var pageCount: Int
    /// All files written, pages included.
    public var fileCount: Int
    public var warnings: [Diagnostic]
    /// How long each phase of `generate` took, in order.
    public var phases: [(name: String, seconds: Double)] = []
}

/// Times the phases of a build, one lap each.
struct PhaseClock {
    private var last = ContinuousClock.now
    private(set) var phases: [(name: String, seconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        phases.append((name, (now - last).seconds))
        last = now
    }
}

/// Builds a site in named phases: load → render Markdown → assemble → render pages → write.
/// Only the first and the last touch the disk.
public enum SiteBuilder {
    /// Builds the site into `options.output`, writing each file as it is made.
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildReport {
        let staging = try OutputWriter.Staging(replacing: options.output)
        do {
            var report = try await generate(options, writingTo: staging).report
            let started = ContinuousClock.now
            try staging.commit()
            report.phases.append(("swap", (ContinuousClock.now - started).seconds))
            return report
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Load: `site.yml`, `content/` and the theme.
    static func load(_ options: BuildOptions, reusing cache: LoadCache = LoadCache()) async throws(BuildFailure) -> (SiteSource, Theme) {
        var source = try await ContentLoader.load(root: options.root, reusing: cache)
        if let baseURL = options.baseURL {
            source.config.baseURL = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let theme = try ThemeLoader.load(name: source.config.theme, siteRoot: options.root,
                                         requestedAt: source.config.themeLocation)
        return (source, theme)
    }

    /// Render Markdown: every document's body, on all cores.
    public static func renderMarkdown(_ source: SiteSource, includeDrafts: Bool) async -> [(SourceDocument, Rendered)] {
        await renderMarkdown(source, includeDrafts: includeDrafts, cache: [:]).0
    }

    /// How one document's Markdown is rendered on this site.
    static func markdownOptions(_ document: SourceDocument, config: SiteConfig, targets: LinkTargets?) -> MarkdownOptions {
        MarkdownOptions(
            frontMatterTitle: document.title,
            fileTitle: document.fileTitle,
            excerptSeparator: document.frontMatter["excerpt_separator"]?.scalarText ?? config.excerptSeparator,
            tocLevels: document.showsTOC ? document.tocLevels ?? config.tocLevels : nil,
            path: document.path, bodyFirstLine: document.bodyFirstLine, folder: document.folder,
            linkTargets: targets,
            pageHref: URLPath.encode(config.basePath + Assemble.url(of: document)),
            goalHeadings: document.kind == .retrospective ? config.goalHeadings : [])
    }

    /// Where relative links may land: every document that is built, by its path under `content/`, and every other file.
    static func linkTargets(_ documents: [SourceDocument], source: SiteSource) -> LinkTargets {
        let pages = documents.map { (String($0.path.dropFirst("content/".count)), Assemble.url(of: $0)) }
        return LinkTargets(documents: Dictionary(pages, uniquingKeysWith: { first, _ in first }),
                           files: Set(source.assets.map(\.relativePath)), basePath: source.config.basePath)
    }

    /// The theme's static files and the content's own files, added to the rendered pages.
    static func addFiles(_ pages: [OutputFile], theme: Theme, assets: [Asset]) throws(BuildFailure) -> [OutputFile] {
        var files = pages
        var taken = Set(files.map(\.path))
        var diagnostics: [Diagnostic] = []
        for asset in assets {
            if taken.insert(asset.relativePath).inserted {
                files.append(OutputFile(path: asset.relativePath, contents: .copy(of: asset.source)))
            } else {
                diagnostics.append(.error(at: .whole("content/" + asset.relativePath),
                                          "this file would overwrite the generated page \(asset.relativePath)"))
            }
        }
        for file in theme.staticFiles where taken.insert(file.path).inserted {
            switch file.source {
            case .bytes(let bytes): files.append(OutputFile(path: file.path, contents: .bytes(bytes)))
            case .file(let url): files.append(OutputFile(path: file.path, contents: .copy(of: url)))
            }
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        return files.sorted { $0.path < $1.path }
    }
}
