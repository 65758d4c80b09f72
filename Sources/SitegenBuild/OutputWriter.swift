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
        try checkReplaceable(output)
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        removeLeftovers(of: name, in: parent)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).sitegen-staging-\(pid)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(marker))
            let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
            for folder in folders.sorted() {
                try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            _ = try await files.parallelMap { file in try writeFile(file, into: staging) }
            try swap(staging, into: output, parent: parent, name: name, pid: pid)
        } catch let failure as BuildFailure {
            try? manager.removeItem(at: staging)
            throw failure
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildFailure([.error(at: .whole(output.path), "cannot write the site: \(error.localizedDescription)")])
        }
    }

    private static func writeFile(_ file: OutputFile, into staging: URL) throws {
        let target = staging.appendingPathComponent(file.path)
        switch file.contents {
        case .bytes(let bytes):
            // Plain open and write: the staging folder as a whole is what is swapped in atomically, so
            // FileManager's per-file temporary-and-rename would only double the file system's work.
            let fd = open(target.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw BuildFailure([.error(at: .whole(target.path), "cannot write this file: \(String(cString: strerror(errno)))")]) }
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
                guard count > 0 else { throw BuildFailure([.error(at: .whole(target.path), "cannot write this file: \(String(cString: strerror(errno)))")]) }
                written += count
            }
        case .copy(let source):
            try FileManager.default.copyItem(at: source, to: target)
        }
    }

    /// Puts the staged site in place: the old output moves aside, the new one takes its name, the old goes.
    private static func swap(_ staging: URL, into output: URL, parent: URL, name: String, pid: Int32) throws {
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
    private static func removeLeftovers(of name: String, in parent: URL) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).sitegen-staging-") || entry.hasPrefix(".\(name).sitegen-old-") {
            if let pid = entry.split(separator: "-").last.flatMap({ Int32($0) }), kill(pid, 0) == 0 { continue }
            let folder = parent.appendingPathComponent(entry)
            if manager.fileExists(atPath: folder.appendingPathComponent(marker).path) { try? manager.removeItem(at: folder) }
        }
    }
}
