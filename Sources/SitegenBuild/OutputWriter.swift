import Foundation
#if canImport(CMalloc)
import CMalloc
#endif
#if canImport(Glibc)
import Glibc
#endif
import SitegenContent
import SitegenCore

/// The write phase: the site goes into a staging folder beside the output, and replaces the output
/// only when every file is written. A folder sitegen did not make is never emptied.
public enum OutputWriter {
    /// The file that marks a folder as sitegen's output, so a later build may replace it.
    public static let marker = ".sitegen-output"

    /// Fails when `output` exists and is not a folder that sitegen made (or an empty one).
    public static func checkReplaceable(_ output: URL) throws(BuildFailure) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw BuildFailure([.error(at: .whole(output.path), "the output path is a file, not a folder; choose another --output")])
        }
        let contents = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if contents.isEmpty || contents.contains(marker) { return }
        throw BuildFailure([.error(at: .whole(output.path),
                                   "refusing to replace this folder: it is not empty and sitegen did not make it (no \(marker) file in it); move it away or choose another --output")])
    }

    /// The folder a build of the site at `root` writes into: `output` itself, or the folder it links
    /// to (the link stays). Refuses an output that holds the site's own files or lies inside the
    /// folders a build reads, and one that this user could not remove after the swap.
    public static func place(_ output: URL, root: URL) throws(BuildFailure) -> URL {
        let target = resolved(output)
        let site = resolved(root)
        func refuse(_ reason: String) -> BuildFailure {
            BuildFailure([.error(at: .whole(output.path), "refusing to write the site here: \(reason); choose another --output")])
        }
        if site.path == target.path || site.path.hasPrefix(target.path == "/" ? "/" : target.path + "/") {
            throw refuse("it holds the site itself (\(site.path)), which a build would replace")
        }
        if let own = siteRootSign(in: target) {
            throw refuse("it holds \(own), so it looks like a site root, not an output folder")
        }
        for read in ["content", "themes"] {
            let folder = site.appendingPathComponent(read).path
            if target.path == folder || target.path.hasPrefix(folder + "/") {
                throw refuse("it is inside \(read)/, so the next build would read the site back as \(read == "content" ? "content" : "a theme")")
            }
        }
        if let locked = firstUnwritableFolder(in: target.path) {
            throw refuse("\(locked) is not writable by this user, so the old site could not be removed after the new one is in place")
        }
        return target
    }

    /// What in `folder` says it is a site's root, not a built site: Markdown under `content/` (a build
    /// renders Markdown and never copies it), or, in a folder sitegen did not make, a `site.yml` or a
    /// `themes/` folder. A built site may hold `content/` or `themes/` folders of its own pages.
    static func siteRootSign(in folder: URL) -> String? {
        if let markdown = firstMarkdownFile(in: folder.appendingPathComponent("content").path, budget: 10_000) {
            return "'content/\(markdown)'"
        }
        let manager = FileManager.default
        guard !manager.fileExists(atPath: folder.appendingPathComponent(marker).path) else { return nil }
        for own in ["site.yml", "themes"] where manager.fileExists(atPath: folder.appendingPathComponent(own).path) {
            return "'\(own)'"
        }
        return nil
    }

    /// The path (below `path`) of a Markdown file, looking at no more than `budget` entries.
    private static func firstMarkdownFile(in path: String, budget: Int) -> String? {
        var remaining = budget
        func search(_ directory: String, _ relative: String) -> String? {
            guard let handle = opendir(directory) else { return nil }
            defer { closedir(handle) }
            while let entry = readdir(handle), remaining > 0 {
                remaining -= 1
                let name = FileTree.entryName(entry)
                if name.hasPrefix(".") { continue }
                let shown = relative.isEmpty ? name : relative + "/" + name
                if entry.pointee.d_type == DT_DIR {
                    if let found = search(directory + "/" + name, shown) { return found }
                } else if ContentLoader.markdownExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    return shown
                }
            }
            return nil
        }
        return search(path, "")
    }

    /// The path with every symbolic link resolved, for a path that may not exist yet (its nearest existing folder is resolved).
    static func resolved(_ url: URL) -> URL {
        let path = url.standardizedFileURL.path
        if let real = realpath(path, nil) {
            defer { free(real) }
            return URL(fileURLWithPath: String(cString: real), isDirectory: true)
        }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        guard parent.path != path else { return url.standardizedFileURL }
        return resolved(parent).appendingPathComponent(url.lastPathComponent, isDirectory: true)
    }

    /// The first folder in the tree at `path` (itself included) that this user may not change.
    static func firstUnwritableFolder(in path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        if access(path, W_OK | X_OK) != 0 { return path }
        guard let handle = opendir(path) else { return path }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            guard entry.pointee.d_type == DT_DIR || entry.pointee.d_type == DT_UNKNOWN else { continue }
            let name = FileTree.entryName(entry)
            if name == "." || name == ".." { continue }
            if let locked = firstUnwritableFolder(in: path + "/" + name) { return locked }
        }
        return nil
    }

    /// Writes `files` and swaps them in for `output`.
    public static func write(_ files: [OutputFile], to output: URL) async throws(BuildFailure) {
        let staging = try Staging(replacing: output)
        do {
            _ = try await files.parallelMap { file in try staging.write(file) }
            try staging.commit()
        } catch {
            staging.discard()
            throw BuildFailure.from(error, at: .whole(output.path), "cannot write the site")
        }
    }

    /// A folder beside the output that files are written into, as they are made, until `commit`
    /// swaps it in for the output, or `discard` removes it and leaves the output as it was.
    public struct Staging: Sendable {
        public let output: URL
        let folder: URL
        let pid: Int32

        /// Makes an empty staging folder for `output`, after checking that `output` may be replaced.
        public init(replacing output: URL) throws(BuildFailure) {
            try checkReplaceable(output)
            self.output = output
            let parent = output.deletingLastPathComponent()
            removeLeftovers(of: output.lastPathComponent, in: parent)
            pid = ProcessInfo.processInfo.processIdentifier
            folder = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-staging-\(pid)")
            do {
                try? FileManager.default.removeItem(at: folder)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data().write(to: folder.appendingPathComponent(marker))
            } catch {
                throw BuildFailure([.error(at: .whole(output.path), "cannot write the site: \(error.localizedDescription)")])
            }
        }

        /// Writes one file; safe to call from many tasks at once. Its folders are made as needed.
        /// Every path is checked here, the one place all output passes: none may leave the staging folder.
        public func write(_ file: OutputFile) throws(BuildFailure) {
            if let problem = OutputPath.problem(file.path) {
                throw BuildFailure([.error(at: .whole(file.path), "refusing to write this output file: \(problem)")])
            }
            let target = folder.path + "/" + file.path
            switch file.contents {
            case .bytes(let bytes):
                // Plain open and write: the staging folder as a whole is what is swapped in atomically, so
                // FileManager's per-file temporary-and-rename would only double the file system's work.
                var fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if fd < 0, errno == ENOENT {
                    try makeFolders((target as NSString).deletingLastPathComponent)
                    fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                }
                guard fd >= 0 else { throw failure(target) }
                defer { close(fd) }
                var written = 0
                while written < bytes.count {
                    let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
                    guard count > 0 else { throw failure(target) }
                    written += count
                }
            case .copy(let source):
                try makeFolders((target as NSString).deletingLastPathComponent)
                do {
                    try FileManager.default.copyItem(atPath: source.path, toPath: target)
                } catch {
                    throw BuildFailure([.error(at: .whole(target), "cannot copy \(source.path) here: \(error.localizedDescription)")])
                }
            case .written:
                break
            }
        }

        /// `mkdir -p`, tolerant of another task making the same folder at the same time.
        private func makeFolders(_ path: String) throws(BuildFailure) {
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
            guard errno == ENOENT else { throw failure(path) }
            try makeFolders((path as NSString).deletingLastPathComponent)
            if mkdir(path, 0o755) != 0, errno != EEXIST { throw failure(path) }
        }

        private func failure(_ path: String) -> BuildFailure {
            BuildFailure([.error(at: .whole(path), "cannot write this file: \(String(cString: strerror(errno)))")])
        }

        /// Swaps the staged site in for the output.
        public func commit() throws(BuildFailure) {
            do {
                try swap(folder, into: output, parent: output.deletingLastPathComponent(), name: output.lastPathComponent, pid: pid)
            } catch {
                discard()
                throw BuildFailure([.error(at: .whole(output.path), "cannot put the new site in place: \(error.localizedDescription)")])
            }
        }

        /// Removes the staging folder; the output stays as it was.
        public func discard() {
            removeMarked(folder)
        }
    }

    /// Puts the staged site in place. On Linux the two folders exchange names in one step
    /// (renameat2 with RENAME_EXCHANGE): a build killed at any moment leaves the old site or the new
    /// one under the output's name, never nothing. Elsewhere, or where the file system cannot, the
    /// old output moves aside and the new one takes its name.
    fileprivate static func swap(_ staging: URL, into output: URL, parent: URL, name: String, pid: Int32) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: staging, to: output)
            return
        }
        #if canImport(CMalloc)
        if sitegen_exchange_paths(staging.path, output.path) == 0 {
            // The old site now has the staging folder's name, and its marker: it goes like one.
            removeMarked(staging)
            return
        }
        #endif
        let old = parent.appendingPathComponent(".\(name).sitegen-old-\(pid)")
        removeMarked(old)
        try manager.moveItem(at: output, to: old)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: old, to: output)
            throw error
        }
        removeMarked(old)
    }

    /// Staging and old folders a killed build left behind; only ones whose build is no longer
    /// running and that carry the marker (or are empty) go.
    fileprivate static func removeLeftovers(of name: String, in parent: URL) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).sitegen-staging-") || entry.hasPrefix(".\(name).sitegen-old-") {
            if let pid = entry.split(separator: "-").last.flatMap({ Int32($0) }), kill(pid, 0) == 0 { continue }
            let folder = parent.appendingPathComponent(entry)
            if manager.fileExists(atPath: folder.appendingPathComponent(marker).path) {
                removeMarked(folder)
            } else {
                // Killed between making its staging folder and marking it: an empty folder, which
                // rmdir removes (and nothing else).
                rmdir(folder.path)
            }
        }
    }

    /// Removes a staging or swapped-out folder, its marker last: a build killed while removing it
    /// leaves the marker, by which the next build knows the rest for its own and removes it (a
    /// folder whose marker went first would stay beside the output for good).
    fileprivate static func removeMarked(_ folder: URL) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where entry != marker {
            try? manager.removeItem(at: folder.appendingPathComponent(entry))
        }
        try? manager.removeItem(at: folder)
    }
}
