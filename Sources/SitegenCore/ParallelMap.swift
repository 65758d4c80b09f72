import Foundation

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order; `transform` must be a pure function.
    public func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) async rethrows -> [T] {
        if count < 2 { return try map(transform) }
        // Many chunks a core: a long chunk holds its thread, and other tasks (a preview's requests
        // during a rebuild) wait for one; and the last chunks to finish leave the other cores idle
        // (at 10,000 bodies, eight a core left a core idle for a quarter of a second).
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount * 32, count)
        let chunk = (count + workers - 1) / workers
        return try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: chunk) {
                let slice = Array(self[start..<Swift.min(start + chunk, count)])
                group.addTask { (start, try slice.map(transform)) }
            }
            var parts: [(Int, [T])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

extension Duration {
    /// The duration in seconds, for reports.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
