import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the files of a folder the way every phase wants them: regular files only, hidden ones
/// skipped, each with its path relative to the folder in NFC (macOS hands over NFD names), sorted.
public enum FileTree {
    /// The file a build names `relative` (NFC, as `stampedFiles` shows names) under `root`, whatever
    /// form its name has on disk: names that come from macOS are NFD. Nil when there is none.
    public static func locate(_ relative: String, under root: URL) -> URL? {
        var url = root
        for component in relative.split(separator: "/").map(String.init) {
            let direct = url.appendingPathComponent(component)
            var info = stat()
            if lstat(direct.path, &info) == 0 {
                url = direct
                continue
            }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path),
                  let match = entries.first(where: { $0.precomposedStringWithCanonicalMapping == component })
            else { return nil }
            url = url.appendingPathComponent(match)
        }
        return url
    }

    /// A folder that is not there has no files (a theme without `static/`). Problems name paths
    /// with `shownAs` before them (`themes/mine/templates/`).
    public static func regularFiles(under folder: URL, shownAs prefix: String = "", problems: inout Diagnostics) -> [(url: URL, path: String)] {
        guard isFolder(folder) else { return [] }
        return stampedFiles(under: folder, prefix: prefix, problems: &problems).map { ($0.url, $0.path) }
    }

    /// The same files, each with what tells whether it changed since the last look. A symbolic link
    /// to a file inside `root` counts as that file; one that loops, dangles or leads out of `root`
    /// is a problem, named in `problems` (with `prefix` before its path), and so is a linked folder.
    public static func stampedFiles(under folder: URL, root: URL? = nil, prefix: String = "",
                                    problems: inout Diagnostics) -> [(url: URL, path: String, stamp: FileStamp)] {
        // readdir and lstat: `serve` looks at every file after each change, and FileManager's
        // enumerator with resource values costs tens of microseconds a file.
        let base = folder.standardizedFileURL.path
        let rootPath = (root ?? folder).resolvingSymlinksInPath().path
        var files: [(url: URL, path: String, stamp: FileStamp)] = []
        func walk(_ directory: String, _ relative: String) {
            guard let handle = opendir(directory) else {
                problems.add(.error(at: .whole(prefix + relative), "cannot read this folder: \(FileTree.reason(errno))"))
                return
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = entryName(entry)
                if name.hasPrefix(".") { continue }
                let full = directory + "/" + name
                let shown = (relative.isEmpty ? "" : relative + "/") + (name.utf8.allSatisfy { $0 < 0x80 } ? name : name.precomposedStringWithCanonicalMapping)
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(full, shown)
                case S_IFREG:
                    files.append((URL(fileURLWithPath: full, isDirectory: false), shown, FileStamp(info)))
                case S_IFLNK:
                    guard let target = resolvedLink(full, within: rootPath, shownAs: prefix + shown, problems: &problems) else { continue }
                    files.append((URL(fileURLWithPath: target.path, isDirectory: false), shown, target.stamp))
                default:
                    continue
                }
            }
        }
        walk(base, "")
        return files.sorted { $0.path < $1.path }
    }

    /// The file a link leads to, when it is a file inside the root.
    private static func resolvedLink(_ link: String, within root: String, shownAs path: String,
                                     problems: inout Diagnostics) -> (path: String, stamp: FileStamp)? {
        guard let resolved = realpath(link, nil) else {
            let reason = errno == ELOOP ? "a symbolic link loop" : "a symbolic link to nothing"
            problems.add(.error(at: .whole(path), "\(reason): remove it or point it at a file of the site"))
            return nil
        }
        defer { free(resolved) }
        let target = String(cString: resolved)
        guard target == root || target.hasPrefix(root + "/") else {
            problems.add(.error(at: .whole(path), "a symbolic link that leaves the site root (to \(target)): copy the file in instead"))
            return nil
        }
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            problems.add(.warning(at: .whole(path), "a symbolic link to a folder is not followed"))
            return nil
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (target, FileStamp(info))
    }

    /// Why a file or folder could not be opened, in words that say what to do.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied (check its permissions)"
        case EMFILE, ENFILE: return "too many open files in this process (\(String(cString: strerror(code)))); raise 'ulimit -n' or close connections"
        case ENOENT: return "it is gone (deleted while the site was read?)"
        default: return String(cString: strerror(code))
        }
    }

    /// The bytes of a regular file, read without following a symbolic link in its last component,
    /// and only when the file really lies inside `root`: what `serve` uses to send a copied file, so
    /// a file replaced by a link after the build is not served. Nil when that is not so.
    public static func contentsInside(_ root: URL, path: String) -> [UInt8]? {
        guard let realRoot = realpath(root.path, nil) else { return nil }
        defer { free(realRoot) }
        let rootPath = String(cString: realRoot)
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        let resolved = String(cString: real)
        guard resolved.hasPrefix(rootPath + "/") else { return nil }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return try? readAll(fd).get()
    }

    /// Everything left to read from `fd`, or the `errno` of a read that failed.
    public static func readAll(_ fd: Int32) -> Result<[UInt8], ReadError> {
        // Read straight into the array, sized by the file's length (a byte more, to see it end).
        var info = stat()
        var capacity = fstat(fd, &info) == 0 ? max(Int(info.st_size) + 1, 4096) : 64 * 1024
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let read = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, capacity - count) }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(code: errno))
            }
            if read == 0 {
                bytes.removeSubrange(count...)
                return .success(bytes)
            }
            count += read
        }
    }

    /// A read that failed, with its `errno`.
    public struct ReadError: Error, Sendable {
        public var code: Int32
    }

    /// The name of a directory entry `readdir` gave.
    public static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
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

    /// The stamp of the regular file at `path` (not a link, not a folder), nil for anything else.
    public init?(regularFileAt path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        self.init(modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int(info.st_size))
    }
}

/// Warms the page cache for files about to be read. On a cold cache (a fresh machine, a CI runner,
/// a build after another program pushed the files out) reading is bound by how many reads wait on
/// the disk at once, and the build's own tasks read two at a time; a few background threads open
/// each file first and ask the kernel to read it ahead (`POSIX_FADV_WILLNEED`), so most reads the
/// build makes find their pages there. Nothing waits for them; a file they miss is read as before.
public enum FilePrefetch {
    public static func start(_ paths: [String], threads: Int = 8) {
        guard paths.count >= 256 else { return }
        for first in 0..<threads {
            let thread = Thread {
                for index in stride(from: first, to: paths.count, by: threads) {
                    let fd = open(paths[index], O_RDONLY | O_CLOEXEC)
                    guard fd >= 0 else { continue }
                    _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_WILLNEED))
                    close(fd)
                }
            }
            thread.start()
        }
    }
}
