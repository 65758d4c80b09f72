import Foundation
import Testing

/// A day of browsing against `sitegen serve`: tabs that open the live-reload stream and go away.
@Suite struct ServeSoakTests {
    @Test func fiveThousandDroppedLiveReloadConnectionsGiveBackTheirDescriptorsAndMemory() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: A\n---\nbody\n")
        let preview = try await Preview.start(site: scratch.url)
        defer { preview.stop() }
        let pid = preview.process.processIdentifier
        let port = try #require(URLComponents(string: preview.url)?.port)

        // Warm up first with a burst like the one measured, so what the server keeps for good once it
        // has served one (threads, allocator arenas, runtime caches) is in the baseline; a leak grows
        // with every dropped connection (it grew 36 → 670 MB over 21,000 before) and shows past it.
        try await openAndDrop(5_000, port: port, pid: pid)
        try await settle(pid: pid)
        let descriptors = openDescriptors(pid)
        let before = try await health(preview.url)

        try await openAndDrop(5_000, port: port, pid: pid)
        let settled = try await settle(pid: pid)
        #expect(settled, "the server still holds \(openDescriptors(pid)) descriptors, \(descriptors) at the start")
        let after = try await health(preview.url)
        let descriptorsAfter = openDescriptors(pid)
        #expect(Double(descriptorsAfter) <= Double(descriptors) * 1.1 + 2, "\(descriptorsAfter) descriptors after, \(descriptors) before")
        #expect(after.streams == 0, "\(after.streams) live-reload streams still held")
        // The heap in use, not the resident set: how much of freed memory glibc hands back varies
        // from run to run, while what is still allocated is what a leak grows.
        #expect(Double(after.heap) <= Double(before.heap) * 1.1, "\(after.heap) bytes of heap in use after, \(before.heap) before")
        print("soak: \(descriptors) → \(descriptorsAfter) descriptors, \(before.heap) → \(after.heap) bytes of heap in use, \(residentKilobytes(pid)) kB anonymous memory")
        // And it still answers.
        let home = try await HTTP.get(preview.url)
        #expect(String(decoding: home, as: UTF8.self).contains("<html"))
    }

    /// Opens `count` live-reload streams, a hundred at a time, reads their first line, and closes
    /// them as a tab does; after every 500 it waits until the server has let those go, so that how
    /// many are open at once (and so the allocator's high-water mark) does not depend on the machine's load.
    func openAndDrop(_ count: Int, port: Int, pid: Int32) async throws {
        var remaining = count
        while remaining > 0 {
            if (count - remaining) % 500 == 0, remaining < count {
                for _ in 0..<50 where openDescriptors(pid) > 64 { try await Task.sleep(for: .milliseconds(100)) }
            }
            let batch = min(100, remaining)
            var sockets: [Int32] = []
            defer { sockets.forEach { close($0) } }
            for _ in 0..<batch {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                guard fd >= 0 else { throw BrowserError.webDriver("no socket") }
                sockets.append(fd)
                var timeout = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                address.sin_port = UInt16(port).bigEndian
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
                }
                guard connected else { throw BrowserError.webDriver("cannot connect") }
                let request = Array("GET /__sitegen/events?page=%2F HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8)
                _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            }
            for fd in sockets {
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 1024)
                while !String(decoding: received, as: UTF8.self).contains(": connected") {
                    let got = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                    guard got > 0 else { throw BrowserError.webDriver("the stream closed before it said it was connected") }
                    received += buffer[0..<got]
                }
            }
            remaining -= batch
        }
    }

    /// Waits until the server's descriptors and memory stop falling: dropped streams are noticed at
    /// the next heartbeat, and freed memory handed back a moment after the last of them closed.
    @discardableResult
    func settle(pid: Int32) async throws -> Bool {
        var last = (openDescriptors(pid), residentKilobytes(pid))
        var steady = 0
        for _ in 0..<40 {
            try await Task.sleep(for: .milliseconds(500))
            let now = (openDescriptors(pid), residentKilobytes(pid))
            steady = now.0 == last.0 && now.0 < 64 && now.1 >= last.1 - 256 ? steady + 1 : 0
            if steady >= 6 { return true }
            last = now
        }
        return false
    }

    /// The preview's own account of what it holds (`/__sitegen/health`).
    func health(_ base: String) async throws -> (heap: Int, streams: Int) {
        let data = try await HTTP.get(base + "__sitegen/health")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try #require(object["heap_bytes_in_use"] as? Int), try #require(object["live_reload_streams"] as? Int))
    }

    func openDescriptors(_ pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? 0
    }

    /// The process's resident anonymous memory (its heap and stacks: what a leak grows), in kB.
    /// Resident file pages (code of the libraries, paged in as paths are first taken) are left out.
    func residentKilobytes(_ pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
