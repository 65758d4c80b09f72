import Foundation

/// Lists the files of a folder the way every phase wants them: regular files only, hidden ones
/// skipped, each with its path relative to the folder in NFC (macOS hands over NFD names), sorted.
public enum FileTree {
    public static func regularFiles(under folder: URL) -> [(url: URL, path: String)] {
        stampedFiles(under: folder).map { ($0.url, $0.path) }
    }

    /// The same files, each with what tells whether it changed since the last look.
    public static func stampedFiles(under folder: URL) -> [(url: URL, path: String, stamp: FileStamp)] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [(url: URL, path: String, stamp: FileStamp)] = []
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(base + "/") { relative.removeFirst(base.count + 1) }
            let stamp = FileStamp(modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0, size: values.fileSize ?? -1)
            files.append((url, relative.precomposedStringWithCanonicalMapping, stamp))
        }
        return files.sorted { $0.path < $1.path }
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
