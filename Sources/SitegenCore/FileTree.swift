import Foundation

/// Lists the files of a folder the way every phase wants them: regular files only, hidden ones
/// skipped, each with its path relative to the folder in NFC (macOS hands over NFD names), sorted.
public enum FileTree {
    public static func regularFiles(under folder: URL) -> [(url: URL, path: String)] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [(url: URL, path: String)] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(base + "/") { relative.removeFirst(base.count + 1) }
            files.append((url, relative.precomposedStringWithCanonicalMapping))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Whether `url` is an existing folder.
    public static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
