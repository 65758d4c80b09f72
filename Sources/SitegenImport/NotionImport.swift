import Foundation
import SitegenContent
import SitegenCore
import ZIPFoundation

/// `sitegen import notion`: a Notion "Markdown & CSV" export (the zip, or the folder it unpacks to)
/// becomes a site. Every file is copied byte for byte; a page that names a retrospective (by its
/// period or the word) goes under `content/retrospectives/`, any other under `content/posts/`, each
/// with the folder of its images and the database CSV beside it, keeping the export's folders so
/// that relative links still land (links between pages sorted apart land by their Notion id).
public enum NotionImport {
    /// One file placed: where it came from in the export, and where it went under the site.
    public struct Placement: Sendable, Hashable {
        public var source: String
        public var destination: String
    }

    public struct Report: Sendable {
        public var pages: [Placement]
        public var files: Int
        public var databases: Int
        /// Pages that will share a URL (same title, same kind): the writer gives one a `slug`.
        public var sharedTitles: [[String]]
        /// Files of the export that could not be read or listed, sorted.
        public var warnings: [Diagnostic]
    }

    public enum Failure: Error, CustomStringConvertible {
        case notAnExport(String)
        case destinationNotEmpty(String)
        case cannotRead(String, String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .notAnExport(let path):
                return "\(path): error: not a Notion export: it has no page files named like 'Page title 0123456789abcdef0123456789abcdef.md' (export with Markdown & CSV)"
            case .destinationNotEmpty(let path):
                return "\(path): error: the destination is not empty: import into a new folder"
            case .cannotRead(let path, let reason): return "\(path): error: cannot read the export: \(reason)"
            case .cannotWrite(let path, let reason): return "\(path): error: cannot write the site: \(reason)"
            }
        }
    }

    /// Imports `export` (a `.zip` or a folder) into the new site folder `destination`.
    public static func run(export: URL, destination: URL) throws(Failure) -> Report {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: destination.path), !entries.isEmpty {
            throw .destinationNotEmpty(destination.path)
        }
        let (root, unpacked) = try unpack(export)
        defer { if let unpacked { try? manager.removeItem(at: unpacked) } }
        var diagnostics = Diagnostics()
        let files = FileTree.regularFiles(under: root, problems: &diagnostics)
        let pages = files.filter { $0.path.lowercased().hasSuffix(".md") && FileName.hasNotionID(FileName.stem(name($0.path))) }
        guard !pages.isEmpty else { throw .notAnExport(export.path) }

        // Each page's place: a database's own page (beside its CSV) is a plain page of the site; any
        // other is a retrospective when its title (its H1, else its file name) names one, else a post.
        let csvs = Set(files.map(\.path).filter { $0.lowercased().hasSuffix(".csv") })
        var kinds: [String: String] = [:]
        for page in pages {
            let stem = String(page.path.dropLast(3))
            if csvs.contains(stem + ".csv") || csvs.contains(stem + "_all.csv") {
                kinds[page.path] = ""
                continue
            }
            let text = ContentLoader.readText(page.url, path: page.path, into: &diagnostics) ?? ""
            kinds[page.path] = isRetrospective(title: heading(text) ?? FileName.title(FileName.stem(name(page.path)))) ? "retrospectives" : "posts"
        }
        // Every other file goes with the page whose folder holds it (`Page <id>/image.png` beside `Page <id>.md`).
        let pageFolders = Dictionary(pages.map { (String($0.path.dropLast(3)), $0.path) }, uniquingKeysWith: { first, _ in first })
        func owner(of path: String) -> String? {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if let page = pageFolders[String(folder)] { return page }
            }
            return nil
        }

        var placements: [Placement] = []
        var databases = 0
        var copied = 0
        let content = destination.appendingPathComponent("content")
        func copy(_ file: (url: URL, path: String), into kind: String) throws(Failure) {
            let target = (kind.isEmpty ? content : content.appendingPathComponent(kind)).appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if !manager.fileExists(atPath: target.path) { try manager.copyItem(at: file.url, to: target) }
            } catch {
                throw .cannotWrite(target.path, error.localizedDescription)
            }
            copied += 1
        }
        for file in files {
            if let kind = kinds[file.path] {
                try copy(file, into: kind)
                placements.append(Placement(source: file.path, destination: "content/" + (kind.isEmpty ? "" : kind + "/") + file.path))
            } else if let folder = NotionDatabase.folder(ofCSV: file.path), pages.contains(where: { $0.path.hasPrefix(folder + "/") }) {
                // A database goes wherever its pages went, and beside its own page, which links it.
                var places = Set(pages.filter { $0.path.hasPrefix(folder + "/") }.compactMap { kinds[$0.path] })
                if let own = kinds[folder + ".md"] { places.insert(own) }
                for kind in places.sorted() { try copy(file, into: kind) }
                databases += 1
            } else {
                try copy(file, into: owner(of: file.path).flatMap { kinds[$0] } ?? "posts")
            }
        }
        try writeConfig(destination, pages: pages.map(\.path), kinds: kinds)
        var byURL: [String: [String]] = [:]
        for page in pages {
            let slug = Slug.segment(FileName.title(FileName.stem(name(page.path))))
            byURL["\(kinds[page.path] ?? "")/\(slug)", default: []].append(page.path)
        }
        return Report(pages: placements.sorted { $0.destination < $1.destination }, files: copied, databases: databases,
                      sharedTitles: byURL.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] },
                      warnings: diagnostics.sorted)
    }

    /// Whether a title names a retrospective: a period it names (`2024 3분기`, `[Week 19]`) or the word itself.
    static func isRetrospective(title: String) -> Bool {
        if Period.inferred(from: title, date: nil) != nil { return true }
        let lower = title.lowercased()
        return ["회고", "retrospective", "retro", "kpt", "돌아보며"].contains { lower.contains($0) }
    }

    /// The text of the first `# ` line.
    static func heading(_ text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(20) where line.hasPrefix("# ") {
            return line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    private static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The folder to read: the folder given, or the zip unpacked (with any zips inside it, as large
    /// exports come) into a temporary folder the caller removes.
    static func unpack(_ export: URL) throws(Failure) -> (root: URL, temporary: URL?) {
        guard FileManager.default.fileExists(atPath: export.path) else { throw .cannotRead(export.path, "no such file or folder") }
        if FileTree.isFolder(export) { return (export, nil) }
        guard export.pathExtension.lowercased() == "zip" else { throw .notAnExport(export.path) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-notion-\(UUID().uuidString)")
        do {
            try unzip(export, into: folder)
            // Notion wraps big exports as zips within the zip.
            // What cannot be listed here is met again, and told, when `run` lists the unpacked files.
            var unlisted = Diagnostics()
            var inner = FileTree.regularFiles(under: folder, problems: &unlisted).filter { $0.path.lowercased().hasSuffix(".zip") }
            var rounds = 0
            while !inner.isEmpty, rounds < 3 {
                for file in inner {
                    try unzip(file.url, into: file.url.deletingLastPathComponent())
                    try FileManager.default.removeItem(at: file.url)
                }
                inner = FileTree.regularFiles(under: folder, problems: &unlisted).filter { $0.path.lowercased().hasSuffix(".zip") }
                rounds += 1
            }
        } catch let failure as Failure {
            try? FileManager.default.removeItem(at: folder)
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw .cannotRead(export.path, error.localizedDescription)
        }
        return (folder, folder)
    }

    /// Unpacks with ZIPFoundation, refusing entries that would land outside `folder` (`../x`, `/etc/x`).
    private static func unzip(_ zip: URL, into folder: URL) throws {
        let archive: Archive
        do {
            archive = try Archive(url: zip, accessMode: .read)
        } catch {
            throw Failure.cannotRead(zip.path, "not a zip file (\(error))")
        }
        let base = folder.standardizedFileURL.path
        for entry in archive {
            let target = folder.appendingPathComponent(entry.path).standardizedFileURL
            guard target.path.hasPrefix(base + "/"), OutputPath.problem(String(target.path.dropFirst(base.count + 1))) == nil else {
                throw Failure.cannotRead(zip.path, "the entry '\(entry.path)' would land outside the folder it is unpacked into")
            }
            guard entry.type != .symlink else { continue }
            _ = try archive.extract(entry, to: target)
        }
    }

    /// `site.yml` for the new site: its language from the titles; its title the export's top page's
    /// when the export is one page and what is under it, else a plain one to change.
    private static func writeConfig(_ destination: URL, pages: [String], kinds: [String: String]) throws(Failure) {
        let korean = pages.contains { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        let tops = pages.filter { !$0.contains("/") }.map { FileName.title(FileName.stem($0)) }
        let top = tops.count == 1 ? tops.first : nil
        var yaml = "# Written by sitegen import notion; see README.md for every key.\n"
        yaml += "title: \(ImportFiles.quoted(top ?? (korean ? "회고" : "Retrospectives")))\n"
        yaml += "language: \(korean ? "ko" : "en")\n"
        // Notion writes dates in the writer's own time without an offset: a Korean workspace's is Korea's.
        if korean { yaml += "timezone: Asia/Seoul\n" }
        do {
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            try Data(yaml.utf8).write(to: destination.appendingPathComponent("site.yml"))
        } catch {
            throw .cannotWrite(destination.appendingPathComponent("site.yml").path, error.localizedDescription)
        }
    }
}
