import Foundation
import Glibc
import SitegenCore

/// Watches a site's `content/`, `themes/`, `archetypes/` and `site.yml` and reports changed paths,
/// a burst of events (an editor's save-rename-chmod) as one batch. inotify on Linux, with new
/// folders watched as they appear; polling where inotify cannot be had.
public final class SiteWatcher: @unchecked Sendable {
    // @unchecked: the mutable state below is touched only by the watcher's own thread, and `stop`
    // flips an atomic-enough flag read by that thread; batches leave through an AsyncStream.
    public let changes: AsyncStream<Set<String>>
    private let continuation: AsyncStream<Set<String>>.Continuation
    private let root: URL
    private let debounce: TimeInterval
    private let lock = NSLock()
    private var stopped = false

    /// Folders (relative to the root) whose whole tree is watched.
    static let watchedFolders = ["content", "themes", "archetypes", "_includes"]

    public init(root: URL, debounce: TimeInterval = 0.02) {
        self.root = root.standardizedFileURL
        self.debounce = debounce
        (changes, continuation) = AsyncStream<Set<String>>.makeStream(bufferingPolicy: .unbounded)
    }

    /// Starts watching on a thread of its own.
    public func start(pollingOnly: Bool = false) {
        let thread = Thread { [self] in
            if pollingOnly || !watchWithInotify() { watchByPolling() }
            continuation.finish()
        }
        thread.name = "sitegen-watcher"
        thread.start()
    }

    public func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Whether a changed name is an editor's temporary file, not the writer's.
    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || name.hasPrefix("#")
    }

    // MARK: inotify

    private func watchWithInotify() -> Bool {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_DELETE_SELF | IN_ATTRIB)
        var folders: [Int32: String] = [:]

        func watch(_ relative: String) {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            let descriptor = inotify_add_watch(fd, url.path, mask)
            guard descriptor >= 0 else { return }
            folders[descriptor] = relative
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for entry in entries.sorted() where !entry.hasPrefix(".") {
                let child = relative.isEmpty ? entry : relative + "/" + entry
                // A linked folder is not followed, as the build does not follow it: `posts/up -> ..` would never end.
                // (`content/` itself may be a link, as the build reads through it.)
                var info = stat()
                let path = root.appendingPathComponent(child).path
                if (relative.isEmpty ? stat(path, &info) : lstat(path, &info)) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                   relative.isEmpty ? Self.watchedFolders.contains(entry) : true {
                    watch(child)
                }
            }
        }
        watch("")

        var pending = Set<String>()
        // Paths made during this batch: one that goes again before the batch is told (`sed -i`'s
        // temporary file, renamed over the file it edits) was never part of the site.
        var made = Set<String>()
        var lastEvent = Date.distantPast
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // Wake when the quiet time after the last event is up, not on the next tick.
            let wait = pending.isEmpty ? 50 : max(1, Int32(((debounce - Date().timeIntervalSince(lastEvent)) * 1000).rounded(.up)))
            let ready = poll(&poller, 1, wait)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                var offset = 0
                while count > 0, offset + MemoryLayout<inotify_event>.size <= count {
                    let (descriptor, eventMask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                        let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self).precomposedStringWithCanonicalMapping
                    offset = nameStart + length
                    if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost: a change to the content folder as a whole makes the rebuild read everything.
                        pending.insert("content")
                        lastEvent = Date()
                        continue
                    }
                    guard let folder = folders[descriptor] else { continue }
                    if eventMask & UInt32(IN_IGNORED) != 0 { folders.removeValue(forKey: descriptor); continue }
                    if name.isEmpty || Self.isNoise(name) { continue }
                    if folder.isEmpty && !(Self.watchedFolders.contains(name) || name == "site.yml") { continue }
                    let path = folder.isEmpty ? name : folder + "/" + name
                    if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        watch(path)  // a new folder: watch it, and count what is already in it as changed
                    }
                    lastEvent = Date()
                    if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !pending.contains(path) { made.insert(path) }
                    if eventMask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0, made.contains(path) {
                        made.remove(path)
                        pending.remove(path)
                        continue
                    }
                    pending.insert(path)
                }
            }
            if Date().timeIntervalSince(lastEvent) >= debounce {
                if !pending.isEmpty { continuation.yield(pending) }
                pending.removeAll()
                made.removeAll()
            }
        }
        return true
    }

    // MARK: Polling

    private func watchByPolling() {
        var previous = snapshot()
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.5)
            let current = snapshot()
            guard current != previous else { continue }
            var changed = Set<String>()
            for (path, stamp) in current where previous[path] != stamp { changed.insert(path) }
            for path in previous.keys where current[path] == nil { changed.insert(path) }
            previous = current
            continuation.yield(changed)
        }
    }

    private func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in Self.watchedFolders {
            // The watcher only notices changes; the rebuild it starts lists the same files and tells their problems.
            var toldByTheRebuild = Diagnostics()
            for file in FileTree.stampedFiles(under: root.appendingPathComponent(folder), root: root, problems: &toldByTheRebuild) {
                stamps[folder + "/" + file.path] = file.stamp
            }
        }
        let config = root.appendingPathComponent("site.yml")
        if let values = try? config.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey]) {
            stamps["site.yml"] = FileStamp(modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0, size: values.fileSize ?? 0)
        }
        return stamps
    }
}
