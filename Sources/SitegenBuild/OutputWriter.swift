import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    /// Writes `files` and swaps them in for `output`.
    public static func write(_ files: [OutputFile], to output: URL) async throws(BuildFailure) {
        let staging = try Staging(replacing: output)
        do {
            _ = try await files.parallelMap { file in try staging.write(file) }
            try staging.commit()
        } catch {
            staging.discard()
            throw error as? BuildFailure ?? BuildFailure([.error(at: .whole(output.path), "cannot write the site: \(error.localizedDescription)")])
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
        public func write(_ file: OutputFile) throws(BuildFailure) {
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
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Puts the staged site in place: the old output moves aside, the new one takes its name, the old goes.
    fileprivate static func swap(_ staging: URL, into output: URL, parent: URL, name: String, pid: Int32) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: staging, to: output)
            return
        }
        let old = parent.appendingPathComponent(".\(name).sitegen-old-\(pid)")
        try? manager.removeItem(at: old)
        try manager.moveItem(at: output, to: old)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: old, to: output)
            throw error
        }
        try? manager.removeItem(at: old)
    }

    /// Staging and old folders a killed build left behind; only ones that carry the marker and
    /// whose build is no longer running go.
    fileprivate static func removeLeftovers(of name: String, in parent: URL) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).sitegen-staging-") || entry.hasPrefix(".\(name).sitegen-old-") {
            if let pid = entry.split(separator: "-").last.flatMap({ Int32($0) }), kill(pid, 0) == 0 { continue }
            let folder = parent.appendingPathComponent(entry)
            if manager.fileExists(atPath: folder.appendingPathComponent(marker).path) { try? manager.removeItem(at: folder) }
        }
    }
}
