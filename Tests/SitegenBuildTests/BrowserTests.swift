import Foundation
import SitegenCore
import Testing

/// Headless Chromium, driven through chromedriver, against a real `sitegen serve`.
@Suite(.serialized, .enabled(if: Browser.isInstalled, "needs Debian's chromium and chromium-driver (make test installs them)"))
struct BrowserTests {
    /// How fast is the benchmark's business (Benchmarks/results.md, "save to served"); here only that
    /// it happens, with room for a machine busy running every other test.
    @Test func anEditedTitleShowsInTheOpenPage() async throws {
        let scratch = try ScratchFolder()
        let site = try scratch.copySite("blog")
        let server = try await Preview.start(site: site)
        defer { server.stop() }
        let browser = try await Browser.start()
        defer { browser.stop() }

        try await browser.open("\(server.url)posts/english/")
        #expect(try await browser.text("h1") == "A post in English")
        try await browser.waitFor("document.documentElement.dataset.sitegenLiveReload === 'open'", seconds: 20)

        let post = site.appendingPathComponent("content/posts/2023-09-01-english.md")
        let text = try String(contentsOf: post, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: A post in English", with: "title: 고친 제목").utf8).write(to: post, options: .atomic)
        try await browser.waitFor("document.querySelector('h1')?.textContent === '고친 제목'", seconds: 15)
        // The rebuild behind it (a patch of the last site: the title moves nothing) brings the lists along.
        var listed = false
        for _ in 0..<150 where !listed {
            listed = String(decoding: try await HTTP.get(server.url + "posts/"), as: UTF8.self).contains("고친 제목")
            if !listed { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(listed, "the post list never showed the new title")

        // A broken save shows the located error over the page; the next good save clears it.
        try Data("---\ntitle: Hello: World\n---\n".utf8).write(to: post, options: .atomic)
        try await browser.waitFor("document.getElementById('sitegen-error-overlay') !== null", seconds: 10)
        #expect(try await browser.text("#sitegen-error-overlay").contains("content/posts/2023-09-01-english.md:2:13: error: invalid YAML"))
        try Data(text.utf8).write(to: post, options: .atomic)
        // The good save reloads the tab; a WebDriver call made during that navigation waits for it.
        try await browser.waitFor("document.getElementById('sitegen-error-overlay') === null && document.querySelector('h1')?.textContent === 'A post in English'", seconds: 10)
    }

    @Test func searchFindsKoreanWordsInsideLongerWords() async throws {
        let scratch = try ScratchFolder()
        let server = try await Preview.start(site: try scratch.copySite("blog"))
        defer { server.stop() }
        let browser = try await Browser.start()
        defer { browser.stop() }
        // "정리" stands inside "정리한다", "분기" inside "1분기": Korean words carry endings and numbers.
        try await browser.open("\(server.url)search/?q=\(URLPath.encode("정리"))")
        try await browser.waitFor("document.querySelectorAll('#search-results li').length > 0", seconds: 20)
        var titles = try await browser.evaluate("return [...document.querySelectorAll('#search-results h2')].map(h => h.textContent).join('|')")
        #expect(titles.contains("2022년 회고"))
        try await browser.open("\(server.url)search/?q=\(URLPath.encode("분기"))")
        try await browser.waitFor("document.querySelectorAll('#search-results li').length > 0", seconds: 20)
        titles = try await browser.evaluate("return [...document.querySelectorAll('#search-results h2')].map(h => h.textContent).join('|')")
        #expect(titles.split(separator: "|").first == "2023 1분기 회고")
        // Matches are marked in the snippet, and dates read as the site writes them.
        #expect(try await browser.evaluate("return [...document.querySelectorAll('#search-results mark')].every(m => m.textContent === '분기') && document.querySelectorAll('#search-results mark').length > 0") == "true")
        #expect(try await browser.evaluate("return document.querySelector('#search-results .entry-meta').textContent").contains("년"))

        // Typing fast: every keystroke searches, only the last answer shows, once.
        try await browser.evaluate("""
            const input = document.getElementById('search-input');
            for (const text of ['회', '회고', '회고 ', '정', '정리', '분', '분기']) { input.value = text; input.dispatchEvent(new Event('input')); }
            return '';
            """)
        try await Task.sleep(for: .milliseconds(500))
        let listed = try await browser.evaluate("""
            const links = [...document.querySelectorAll('#search-results h2 a')].map(a => a.getAttribute('href'));
            return [links.length === new Set(links).size, String(links.length) === document.getElementById('search-status').textContent,
                    links.length > 0].join(' ')
            """)
        #expect(listed == "true true true")
    }
}

@Suite struct ServeCommandTests {
    @Test func serveUnderABaseURLsPathAsAProjectSiteIsPublished() async throws {
        let scratch = try ScratchFolder()
        try scratch.write("site.yml", "title: 블로그\nbase_url: https://me.github.io/\n")
        try scratch.write("content/posts/2024-01-01-a.md", "---\ntitle: 글\n---\n본문\n")
        let server = try await Preview.start(site: scratch.url, arguments: ["--base-url", "http://localhost/blog/"], path: "blog/")
        defer { server.stop() }
        let home = String(decoding: try await HTTP.get(server.url), as: UTF8.self)
        #expect(home.contains("href=\"/blog/posts/a/\""))
        #expect(home.contains("href=\"/blog/style.css\""))
        #expect(String(decoding: try await HTTP.get(server.url + "posts/a/"), as: UTF8.self).contains("본문"))
        // The root leads to the site; a path outside it is not there.
        let root = String(server.url.dropLast("blog/".count))
        #expect(throws: BrowserError.self) { _ = try HTTP.exchange("GET", root, body: nil) }
        #expect(throws: BrowserError.self) { _ = try HTTP.exchange("GET", root + "posts/a/", body: nil) }
    }

    @Test func aPortInUseIsAClearError() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/posts/2024-01-01-a.md", "text")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        #expect(listening)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let run = try SitegenBinary.run(["serve", "--port", String(port)], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: port \(port) on 127.0.0.1 is in use"), "\(run.stderr)")
    }
}

/// A `sitegen serve` process on a free port.
struct Preview {
    let process: Process
    let url: String

    static func start(site: URL, arguments: [String] = [], path: String = "") async throws -> Preview {
        let port = try freePort()
        let process = Process()
        process.executableURL = SitegenBinary.url
        process.arguments = ["serve", "--source", site.path, "--port", String(port)] + arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let url = "http://127.0.0.1:\(port)/" + path
        for _ in 0..<100 {
            if (try? await HTTP.get(url)) != nil { return Preview(process: process, url: url) }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw BrowserError.timeout("sitegen serve did not answer on \(url)")
    }

    func stop() {
        process.interrupt()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// A chromedriver with one headless Chromium session.
struct Browser {
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
    }

    let driver: Process
    let session: String
    let base: String

    static func start() async throws -> Browser {
        let port = try freePort()
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let base = "http://127.0.0.1:\(port)"
        for _ in 0..<100 {
            if (try? await HTTP.get(base + "/status")) != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["goog:chromeOptions": [
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"],
        ]]]]
        // Starting Chromium can take long while the other suites keep both cores busy (a 15 s wait
        // once failed two browser suites that started together in CI): 90 s, and no driver left behind.
        do {
            let reply = try await HTTP.post(base + "/session", capabilities, seconds: 90)
            guard let value = reply["value"] as? [String: Any], let session = value["sessionId"] as? String else {
                throw BrowserError.webDriver("no session: \(reply)")
            }
            return Browser(driver: driver, session: session, base: base)
        } catch {
            kill(driver.processIdentifier, SIGKILL)
            driver.waitUntilExit()
            throw error
        }
    }

    func open(_ url: String) async throws {
        _ = try await HTTP.post("\(base)/session/\(session)/url", ["url": url])
    }

    func evaluate(_ script: String) async throws -> String {
        let reply = try await HTTP.post("\(base)/session/\(session)/execute/sync", ["script": script, "args": []])
        if let value = reply["value"] as? String { return value }
        if let value = reply["value"] as? Bool { return value ? "true" : "false" }
        return String(describing: reply["value"] ?? "")
    }

    /// Runs `body` as the body of an async function and returns what it returns.
    func evaluateAsync(_ body: String) async throws -> String {
        let script = "const done = arguments[arguments.length - 1]; (async () => {\n\(body)\n})().then(done, (error) => done('error: ' + error));"
        let reply = try await HTTP.post("\(base)/session/\(session)/execute/async", ["script": script, "args": []])
        if let value = reply["value"] as? String { return value }
        return String(describing: reply["value"] ?? "")
    }

    /// The page as a PNG.
    func screenshot() async throws -> Data {
        let reply = try await HTTP.getJSON("\(base)/session/\(session)/screenshot")
        return (reply["value"] as? String).flatMap { Data(base64Encoded: $0) } ?? Data()
    }

    /// Makes the page see `prefers-color-scheme: light|dark` (Chrome DevTools, through chromedriver).
    func colorScheme(_ scheme: String) async throws {
        _ = try await HTTP.post("\(base)/session/\(session)/goog/cdp/execute", [
            "cmd": "Emulation.setEmulatedMedia", "params": ["features": [["name": "prefers-color-scheme", "value": scheme]]],
        ])
    }

    /// Makes the page `width` × `height` CSS pixels, as a phone's or a desktop's window.
    func viewport(width: Int, height: Int) async throws {
        _ = try await HTTP.post("\(base)/session/\(session)/goog/cdp/execute", [
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600],
        ])
    }

    func text(_ selector: String) async throws -> String {
        try await evaluate("return document.querySelector(\(jsString(selector)))?.textContent ?? ''")
    }

    /// Polls `condition` until it holds, failing after `seconds`.
    func waitFor(_ condition: String, seconds: Double) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await evaluate("return !!(\(condition))") == "true" { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BrowserError.timeout("\(condition) did not hold within \(seconds) s")
    }

    func stop() {
        try? HTTP.delete("\(base)/session/\(session)")
        // chromedriver may ignore SIGTERM while its browser is gone.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    private func jsString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

enum BrowserError: Error {
    case timeout(String)
    case webDriver(String)
}

/// A minimal HTTP/1.1 client over a plain socket. URLSession on Linux rejects chromedriver's
/// headers (`Content-Length:249`, no space after the colon), so the tests speak HTTP themselves.
enum HTTP {
    static func get(_ url: String) async throws -> Data {
        try exchange("GET", url, body: nil)
    }

    static func post(_ url: String, _ body: [String: Any], seconds: Int = 15) async throws -> [String: Any] {
        let data = try exchange("POST", url, body: try JSONSerialization.data(withJSONObject: body), seconds: seconds)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    static func getJSON(_ url: String) async throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: try exchange("GET", url, body: nil)) as? [String: Any]) ?? [:]
    }

    static func delete(_ url: String) throws {
        _ = try exchange("DELETE", url, body: nil)
    }

    /// Sends one request with `Connection: close` and returns the body of a 2xx answer.
    static func exchange(_ method: String, _ url: String, body: Data?, seconds: Int = 15) throws -> Data {
        guard let components = URLComponents(string: url), let host = components.host, let port = components.port else {
            throw BrowserError.webDriver("bad URL \(url)")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BrowserError.webDriver("no socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw BrowserError.webDriver("cannot connect to \(url)") }
        let target = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        var request = "\(method) \(target.isEmpty ? "/" : target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        var bytes = Array((request + "\r\n").utf8)
        if let body { bytes += Array(body) }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw BrowserError.webDriver("cannot send to \(url)") }
            sent += count
        }
        // Read the head, then as many bytes as Content-Length says: chromedriver keeps the connection open.
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let separator: [UInt8] = [13, 10, 13, 10]
        var split: Int?
        var expected: Int?
        while true {
            if split == nil, response.count >= 4 {
                split = (0...(response.count - 4)).first { Array(response[$0..<($0 + 4)]) == separator }
                if let split {
                    let head = String(decoding: response[..<split], as: UTF8.self).lowercased()
                    expected = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                }
            }
            if let split, let expected, response.count >= split + 4 + expected { break }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        guard let split else { throw BrowserError.webDriver("no answer from \(url)") }
        let head = String(decoding: response[..<split], as: UTF8.self)
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        guard (200..<300).contains(status) else { throw BrowserError.webDriver("\(url) answered \(status)") }
        var payload = Array(response[(split + 4)...])
        if head.lowercased().contains("transfer-encoding: chunked") || head.lowercased().contains("transfer-encoding:chunked") {
            payload = dechunk(payload)
        }
        return Data(payload)
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                  let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16), size > 0 else { break }
            out += bytes[(lineEnd + 2)..<min(bytes.count, lineEnd + 2 + size)]
            index = lineEnd + 2 + size + 2
        }
        return out
    }
}

/// A TCP port nothing listens on now.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw BrowserError.webDriver("no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}
