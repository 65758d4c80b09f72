import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the files of a folder the way every phase wants them: regular files only, hidden ones
/// skipped, each with its path relative to the folder in NFC (macOS hands over NFD names), sorted.
public enum FileTree {
    public static func regularFiles(under folder: URL) -> [(url: URL, path: String)] {
        var ignored: [Diagnostic] = []
        return stampedFiles(under: folder, problems: &ignored).map { ($0.url, $0.path) }
    }

    /// The same files, each with what tells whether it changed since the last look. A symbolic link
    /// to a file inside `root` counts as that file; one that loops, dangles or leads out of `root`
    /// is a problem, named in `problems` (with `prefix` before its path), and so is a linked folder.
    public static func stampedFiles(under folder: URL, root: URL? = nil, prefix: String = "",
                                    problems: inout [Diagnostic]) -> [(url: URL, path: String, stamp: FileStamp)] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .contentModificationDateKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        let rootPath = (root ?? folder).resolvingSymlinksInPath().path
        var files: [(url: URL, path: String, stamp: FileStamp)] = []
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(base + "/") { relative.removeFirst(base.count + 1) }
            relative = relative.precomposedStringWithCanonicalMapping
            if values.isSymbolicLink == true {
                guard let target = resolvedLink(url, within: rootPath, shownAs: prefix + relative, problems: &problems) else { continue }
                files.append((URL(fileURLWithPath: target.path), relative, target.stamp))
                continue
            }
            guard values.isRegularFile == true else { continue }
            let stamp = FileStamp(modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0, size: values.fileSize ?? -1)
            files.append((url, relative, stamp))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The file a link leads to, when it is a file inside the root.
    private static func resolvedLink(_ url: URL, within root: String, shownAs path: String,
                                     problems: inout [Diagnostic]) -> (path: String, stamp: FileStamp)? {
        guard let resolved = realpath(url.path, nil) else {
            let reason = errno == ELOOP ? "a symbolic link loop" : "a symbolic link to nothing"
            problems.append(.error(at: .whole(path), "\(reason): remove it or point it at a file of the site"))
            return nil
        }
        defer { free(resolved) }
        let target = String(cString: resolved)
        guard target == root || target.hasPrefix(root + "/") else {
            problems.append(.error(at: .whole(path), "a symbolic link that leaves the site root (to \(target)): copy the file in instead"))
            return nil
        }
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            problems.append(.warning(at: .whole(path), "a symbolic link to a folder is not followed"))
            return nil
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return (target, FileStamp(modified: modified, size: Int(info.st_size)))
    }

    /// Whether `url` is an existing folder.
    public static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}

/// When a file was last changed and how big it is: equal stamps mean the file need not be read again.
public struct FileStamp: Sendable, Hashable {
    public var modified: Double
    public var size: Int

    public init(modified: Double, size: Int) {
        self.modified = modified
        self.size = size
    }
}
