import Foundation
import Testing

/// A temporary folder removed when the test ends.
public final class ScratchFolder: @unchecked Sendable {
    // @unchecked: `url` is set once in `init`; the folder on disk is the only shared state.
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        let target = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Every file below `folder` (hidden ones included) with its bytes, keyed by NFC relative path.
public func tree(at folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
    let base = folder.standardizedFileURL.path
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1)).precomposedStringWithCanonicalMapping
        files[relative] = FileManager.default.contents(atPath: url.path)
    }
    return files
}

/// Golden-file comparison of a whole folder. With `SITEGEN_RECORD=1` the expected folder is
/// written anew and the test fails, naming what changed: a recording is never a pass.
public enum GoldenTree {
    /// `ignoring` names files left out on both sides (a theme's own files, which another golden test covers).
    public static func compare(_ actual: URL, expected: URL, ignoring: Set<String> = [],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let built = tree(at: actual).filter { !ignoring.contains($0.key) }
        let wanted = tree(at: expected).filter { !ignoring.contains($0.key) }
        let changed = Set(built.keys).union(wanted.keys).filter { built[$0] != wanted[$0] }.sorted()
        if ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: actual, to: expected)
            for path in ignoring { try? FileManager.default.removeItem(at: expected.appendingPathComponent(path)) }
            Issue.record("recorded \(expected.lastPathComponent) anew (\(changed.count) files changed\(changed.isEmpty ? "" : ": " + changed.prefix(20).joined(separator: ", "))); review the diff, then run without SITEGEN_RECORD",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(!wanted.isEmpty, "no expected files: record them with SITEGEN_RECORD=1", sourceLocation: sourceLocation)
        #expect(built.keys.sorted() == wanted.keys.sorted(), sourceLocation: sourceLocation)
        for path in changed {
            guard let got = built[path], let want = wanted[path] else { continue }
            Issue.record("\(path) differs from the expected \(expected.lastPathComponent)/\(path): \(firstDifference(got, want))", sourceLocation: sourceLocation)
        }
    }

    static func firstDifference(_ built: Data, _ expected: Data) -> String {
        let a = String(decoding: built, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            let got = index < a.count ? String(a[index]) : "(end)"
            let want = index < b.count ? String(b[index]) : "(end)"
            return "line \(index + 1): built «\(got)», expected «\(want)»"
        }
        return "same lines, different bytes"
    }
}

/// The `sitegen` binary that `swift test` built beside the test bundle.
public enum SitegenBinary {
    public static var url: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("sitegen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sitegen")
    }

    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `sitegen` with `arguments` in `folder` and waits for it.
    public static func run(_ arguments: [String], in folder: URL) throws -> Run {
        try launch(url, arguments, in: folder)
    }

    /// Runs any program in `folder` (sitegen under `setpriv` or `prlimit`, say) and waits for it.
    public static func launch(_ executable: URL, _ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension SitegenBinary {
    /// A run with what it cost: wall time and the peak resident memory of that process alone.
    public struct Measured: Sendable {
        public var status: Int32
        public var seconds: Double
        public var peakMegabytes: Double
        public var stderr: String
    }

    /// Runs `sitegen` with `arguments` in `folder`, measured by a small Python parent: a process
    /// spawned straight from the test runner would count the runner's own memory as its peak (Linux
    /// keeps the high-water mark of the address space a vfork child starts in). Nil without python3.
    public static func measure(_ arguments: [String], in folder: URL) throws -> Measured? {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return nil
        }
        let script = """
            import resource, subprocess, sys, time
            started = time.monotonic()
            run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            seconds = time.monotonic() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            sys.stdout.write(f"{run.returncode} {seconds} {peak}\\n")
            sys.stdout.write(run.stderr.decode("utf-8", "replace"))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, url.path] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let head = output.prefix { $0 != "\n" }.split(separator: " ")
        guard head.count == 3, let status = Int32(head[0]), let seconds = Double(head[1]), let peak = Double(head[2]) else { return nil }
        return Measured(status: status, seconds: seconds, peakMegabytes: peak / 1024, stderr: String(output.drop { $0 != "\n" }.dropFirst()))
    }

    /// Runs `sitegen` as the unprivileged user `nobody` (tests run as root, who may read and write anything).
    /// Nil where that cannot be done here.
    public static func runAsNobody(_ arguments: [String], in folder: URL) throws -> Run? {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
        return try launch(URL(fileURLWithPath: "/usr/bin/setpriv"), ["--reuid=65534", "--regid=65534", "--clear-groups", url.path] + arguments,
                          in: folder)
    }
}

/// A small seeded generator, so that a failing random case can be found again.
public struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Up to `count - 1` of `pieces`, picked at random and joined: text for a test that holds a fast
    /// path to a plain one.
    public mutating func text(of pieces: [String], count: Int) -> String {
        (0..<Int.random(in: 0..<count, using: &self)).compactMap { _ in pieces.randomElement(using: &self) }.joined()
    }
}
