import Foundation
import SitegenCore
import Synchronization

/// The search page's index, split so that a query loads only what it needs (as Pagefind does),
/// while a Korean word is still found inside longer words (조사 and 어미 attached):
///
/// - `search-index/meta.json`: `{"version":1,"docs":N,"shards":S}`.
/// - `search-index/g/<k>.json`: the grams whose hash falls in shard `k`. A gram is one character or
///   two adjacent ones of a document's title, tags or text (lower-cased, NFC, no spaces); each maps
///   to the documents holding it, as a compact string (see `encode`) of document numbers with three
///   bits that say where: 1 title, 2 tags, 4 text.
/// - `search-index/d/<n>.json`: document `n`'s entry `{"date","tags","text","title","url"}`,
///   loaded for the results shown (their snippets) and to confirm a word of three or more characters.
///
/// Documents are numbered newest first (undated ones last), so that among equal scores the lower
/// number comes first. A query word's documents are those holding all of its grams: exact for one
/// or two characters; for longer ones, a document that has the grams but not the word is dropped
/// when its entry is read. `themes/default/static/search.js` reads it.
enum SearchIndex {
    static let folder = "search-index"

    /// Where each field's gram goes.
    static let title: UInt8 = 1, tags: UInt8 = 2, text: UInt8 = 4

    /// The documents in the order they are numbered: by date, newest first, undated last, then as the site lists them.
    static func order(_ site: Site) -> [Int] {
        let days = site.documents.map { $0.sortDate?.isoDay ?? "" }
        return site.documents.indices.sorted { a, b in days[a] != days[b] ? days[a] > days[b] : a < b }
    }

    /// How many gram shards a site of `count` documents gets: about two documents a shard, a power
    /// of two, at most 8,192, so a shard stays a few kilobytes.
    static func shardCount(documents count: Int) -> Int {
        var shards = 1
        while shards < count / 2, shards < 8192 { shards <<= 1 }
        return shards
    }

    /// FNV-1a over the gram's code points, as search.js computes it.
    static func shard(of gram: UInt64, count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for scalar in [UInt32(gram >> 21), UInt32(gram & 0x1F_FFFF)] where scalar != 0 {
            hash ^= scalar
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    /// One document's grams with the fields each is in. A gram is packed as `first << 21 | second`
    /// (second 0 for a single character). Fields are read as search.js reads them: NFC, lower-cased.
    static func grams(title: String, tags: [String], text: String) -> [UInt64: UInt8] {
        var found: [UInt64: UInt8] = [:]
        GramTable(title: title, tags: tags, text: text).forEach { found[$0] = $1 }
        return found
    }

    /// Each gram's number, in the order the grams came: an open-addressing table, as the index
    /// looks grams up by the million (a document's own, then every posting), and a `Dictionary`
    /// hashed each of them through SipHash.
    struct GramIndex: Sendable {
        /// A slot: its gram (0 when empty: a gram always has a first character) and the gram's
        /// number, side by side so that a probe reads one cache line.
        private struct Slot {
            var gram: UInt64 = 0
            var number: Int32 = 0
        }
        private var slots: [Slot]
        /// The grams by number.
        private(set) var grams: [UInt64] = []

        /// Room for half of `capacity` (a power of two) before it grows.
        init(capacity: Int = 1024) {
            slots = [Slot](repeating: Slot(), count: capacity)
            grams.reserveCapacity(capacity / 2)
        }

        /// The gram's number, and whether it is new.
        mutating func number(of gram: UInt64) -> (number: Int, isNew: Bool) {
            if grams.count * 2 >= slots.count { grow() }
            let mask = slots.count - 1
            var slot = Self.slot(of: gram, mask: mask)
            while true {
                let current = slots[slot]
                if current.gram == gram { return (Int(current.number), false) }
                if current.gram == 0 {
                    slots[slot] = Slot(gram: gram, number: Int32(grams.count))
                    grams.append(gram)
                    return (grams.count - 1, true)
                }
                slot = (slot + 1) & mask
            }
        }

        private mutating func grow() {
            let size = slots.count * 2
            slots = [Slot](repeating: Slot(), count: size)
            for (number, gram) in grams.enumerated() {
                var slot = Self.slot(of: gram, mask: size - 1)
                while slots[slot].gram != 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = Slot(gram: gram, number: Int32(number))
            }
        }

        private static func slot(of gram: UInt64, mask: Int) -> Int {
            Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        }
    }

    /// One document's grams with their fields.
    struct GramTable {
        private var index: GramIndex
        private var flags: [UInt8] = []

        /// The grams of a document's three fields.
        init(title: String, tags: [String], text: String) {
            var capacity = 64
            while capacity < (text.utf8.count / 2 + title.utf8.count + 64) * 2 { capacity <<= 1 }
            index = GramIndex(capacity: capacity)
            let fields = [(title, SearchIndex.title), (tags.joined(separator: " "), SearchIndex.tags), (text, SearchIndex.text)]
            var composed = true
            for (field, flag) in fields where composed { composed = add(field, flag) }
            guard !composed else { return }
            // A field that may not be NFC: its grams so far may be wrong (NFC can join a mark to the
            // letter before it), so all are made again from the normalized fields.
            index = GramIndex(capacity: capacity)
            flags = []
            for (field, flag) in fields { add(field.precomposedStringWithCanonicalMapping, flag, normalized: true) }
        }

        mutating func insert(_ key: UInt64, _ flag: UInt8) {
            let (number, isNew) = index.number(of: key)
            if isNew { flags.append(flag) } else { flags[number] |= flag }
        }

        /// How many grams the document has.
        var count: Int { flags.count }

        func forEach(_ body: (UInt64, UInt8) -> Void) {
            for (key, flag) in zip(index.grams, flags) { body(key, flag) }
        }

        /// The field's one- and two-character grams, spaces breaking pairs. Read from its UTF-8:
        /// ASCII and Hangul syllables, most of any text here, need no Unicode tables. Unless the field
        /// is `normalized`, each other scalar must pass `staysComposed`; false, with the grams made
        /// so far, when one does not (the field may not be NFC, as search.js reads it).
        @discardableResult
        private mutating func add(_ field: String, _ flag: UInt8, normalized: Bool = false) -> Bool {
            // `take` is a method, not a function nested here: captured by the closure below, a
            // nested function that changes `self` checked its access at run time on every call.
            var previous: UInt32 = 0
            var text = field
            return text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0 {
                            previous = 0
                        } else {
                            take(byte >= 0x41 && byte <= 0x5A ? UInt32(byte) + 32 : UInt32(byte), flag, after: &previous)
                        }
                        index += 1
                        continue
                    }
                    let value = UTF8Scalar.decode(bytes, at: &index)
                    if (0xAC00...0xD7A3).contains(value) {
                        take(value, flag, after: &previous)  // Hangul syllables: no case, no space, composed
                        continue
                    }
                    if !normalized, !SearchIndex.staysComposed(value) { return false }
                    if UnicodeWhitespace.contains(value) {
                        previous = 0
                    } else if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                        for lower in scalar.properties.lowercaseMapping.unicodeScalars { take(lower.value, flag, after: &previous) }
                    } else {
                        take(value, flag, after: &previous)
                    }
                }
                return true
            }
        }

        /// The character's gram, and the pair it makes with the one before (none after a space).
        private mutating func take(_ value: UInt32, _ flag: UInt8, after previous: inout UInt32) {
            insert(UInt64(value) << 21, flag)
            if previous != 0 { insert(UInt64(previous) << 21 | UInt64(value), flag) }
            previous = value
        }
    }

    /// Whether NFC keeps the scalar as it is and joins it to none before it, so that text made of
    /// such scalars is NFC as search.js normalizes it: a starter (combining class 0) that is not
    /// excluded from composition (singletons such as CJK compatibility ideographs, Devanagari QA),
    /// not a conjoining jamo, and not one of the vowel signs that compose with the letter before them.
    static func staysComposed(_ value: UInt32) -> Bool {
        if value < 0x300 || (0xAC00...0xD7A3).contains(value) { return true }
        guard let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass == .notReordered,
              !scalar.properties.isFullCompositionExclusion else { return false }
        if (0x1100...0x11FF).contains(value) || (0xA960...0xA97F).contains(value) || (0xD7B0...0xD7FF).contains(value) { return false }
        let mayCompose = (0x0900...0x1BFF).contains(value) || (0x11000...0x11FFF).contains(value)
        return !mayCompose || !composingStarters.contains(value)
    }

    /// Starters that compose with the scalar before them (NFC_Quick_Check=Maybe with combining
    /// class 0), Hangul jamo aside: Indic, Sinhala, Myanmar, Balinese and Brahmi-derived vowel signs.
    /// The second scalar of every two-scalar canonical decomposition that is a starter, as this
    /// machine's Foundation (the normalizer used here) and Unicode 14's tables give them.
    static let composingStarters: Set<UInt32> = [
        0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57,
        0x0DCF, 0x0DDF, 0x102E, 0x1B35, 0x11127, 0x1133E, 0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930,
    ]

    /// The files, given each document's entry (`Feeds.searchEntry`) in site order, or made here.
    /// One document's grams as the index was made with them, kept by `serve` from one rebuild to
    /// the next: bucketed by group of shards, packed `gram << 3 | fields`.
    struct DocumentGrams: Sendable {
        var digest: Int
        var shards: Int
        var buckets: [[UInt64]]
    }

    /// What `files` made: the files (written through `write`), and, when `digests` were given, each
    /// document's grams by its path for the next rebuild.
    struct Made: Sendable {
        var files: [OutputFile]
        var grams: [String: DocumentGrams]
    }

    /// The files, given each document's entry (`Feeds.searchEntry`) in site order, or made here.
    /// `digests` (site order) say what each entry was made from: a document whose digest matches its
    /// `previous` grams is not read again. Each file goes through `write` as soon as it is made.
    static func files(_ site: Site, entries: [[UInt8]]?, digests: [Int]? = nil, previous: [String: DocumentGrams] = [:],
                      write: @escaping @Sendable (OutputFile) throws -> OutputFile = { $0 }) async throws -> Made {
        let order = order(site)
        let shards = shardCount(documents: order.count)
        let groups = min(shards, 16)
        var kept: [String: DocumentGrams] = [:]
        // Postings by group of shards; each group is filled by one task. Documents go through in
        // batches, their grams made on all cores and kept only until merged, so that the grams of
        // the whole site are never in memory at once.
        let postings = (0..<groups).map { _ in Postings() }
        let batch = 256
        for start in stride(from: 0, to: order.count, by: batch) {
            let numbers = Array(start..<min(order.count, start + batch))
            let bucketed = await numbers.parallelMap { number -> [[UInt64]] in
                let document = site.documents[order[number]]
                if let digests, let cached = previous[document.source.path], cached.digest == digests[order[number]], cached.shards == shards {
                    return cached.buckets
                }
                return documentGrams(document, site: site, shards: shards, digest: 0).buckets
            }
            if let digests {
                for (number, buckets) in zip(numbers, bucketed) {
                    let index = order[number]
                    kept[site.documents[index].source.path] = DocumentGrams(digest: digests[index], shards: shards, buckets: buckets)
                }
            }
            _ = await Array(0..<groups).parallelMap { group in
                postings[group].table.withLock { table in
                    for (number, buckets) in zip(numbers, bucketed) {
                        for packed in buckets[group] { table.append(packed >> 3, number: number, fields: UInt8(packed & 7)) }
                    }
                }
            }
        }
        let shardFiles = try await Array(0..<groups).parallelMap { group -> [OutputFile] in
            let table = postings[group].table.withLock { $0 }
            return try table.byShard(count: shards, groups: groups).enumerated().compactMap { slot, grams -> OutputFile? in
                let shard = slot * groups + group
                guard shard < shards else { return nil }
                return try write(OutputFile(path: "\(folder)/g/\(shard).json", contents: .bytes(shardJSON(sorted: grams) { table.lists[$0].bytes })))
            }
        }.flatMap { $0 }
        var files = [try write(OutputFile(path: "\(folder)/meta.json",
                                          contents: .bytes(Array("{\"version\":1,\"docs\":\(order.count),\"shards\":\(shards)}".utf8))))]
        files += shardFiles.sorted { $0.path < $1.path }
        // Entries are made and written on all cores; without a cache none is kept in memory.
        files += try await Array(order.enumerated()).parallelMap { number, index in
            try write(OutputFile(path: "\(folder)/d/\(number).json", contents: .bytes(entries?[index] ?? Feeds.searchEntry(site.documents[index], site: site))))
        }
        return Made(files: files, grams: kept)
    }

    /// The postings `encode` wrote, as search.js reads them: each document's number and fields.
    static func decode(_ text: String) -> [(number: Int, fields: UInt8)] { decode(Array(text.utf8)) }

    static func decode(_ bytes: [UInt8]) -> [(number: Int, fields: UInt8)] {
        var found: [(number: Int, fields: UInt8)] = []
        var number = -1, value = 0, shift = 0
        for byte in bytes {
            let digit = Int(digitValues[Int(byte)])
            guard digit >= 0 else { return found }
            value += (digit & 31) << shift
            if digit >= 32 {
                shift += 5
                continue
            }
            number += value >> 3
            found.append((number, UInt8(value & 7)))
            value = 0
            shift = 0
        }
        return found
    }

    /// One group's shards, filled by one task at a time.
    final class Postings: Sendable {
        let table = Mutex(PostingTable())
    }

    /// Each gram's postings, by the gram's number.
    struct PostingTable: Sendable {
        private var index = GramIndex()
        private(set) var lists: [PostingList] = []
        var grams: [UInt64] { index.grams }

        mutating func append(_ gram: UInt64, number: Int, fields: UInt8) {
            let (list, isNew) = index.number(of: gram)
            if isNew { lists.append(PostingList()) }
            lists[list].append(number, fields: fields)
        }

        /// The grams of each of this group's shards (the group's `n`th is shard `n * groups + group`),
        /// in ascending order, each with its index in `lists`.
        func byShard(count shards: Int, groups: Int) -> [[(gram: UInt64, list: Int)]] {
            var found = [[(gram: UInt64, list: Int)]](repeating: [], count: (shards + groups - 1) / groups)
            for (index, gram) in grams.enumerated() { found[SearchIndex.shard(of: gram, count: shards) / groups].append((gram, index)) }
            return found.map { $0.sorted { $0.gram < $1.gram } }
        }
    }

    /// One gram's documents, encoded as they come (in ascending order): a gram in most documents
    /// costs about a byte each while the index is made, not four.
    struct PostingList: Sendable {
        private var last = -1
        private(set) var bytes: [UInt8] = []

        /// Each value is `(number - previous number) << 3 | fields`, the first counting from -1.
        mutating func append(_ number: Int, fields: UInt8) {
            var value = UInt64(number - last) << 3 | UInt64(fields & 7)
            last = number
            while value >= 32 {
                bytes.append(SearchIndex.digits[Int(32 | (value & 31))])
                value >>= 5
            }
            bytes.append(SearchIndex.digits[Int(value)])
        }
    }

    static func text(of gram: UInt64) -> String {
        var text = ""
        for value in [UInt32(gram >> 21), UInt32(gram & 0x1F_FFFF)] where value != 0 {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// The 64 characters of the postings' encoding: values 0–31 end a number, 32–63 carry five more
    /// bits of it (least significant first). None needs escaping in JSON.
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// Each byte's value among `digits`, -1 for a byte that is not one.
    static let digitValues: [Int8] = {
        var values = [Int8](repeating: -1, count: 256)
        for (value, byte) in digits.enumerated() { values[Int(byte)] = Int8(value) }
        return values
    }()

    /// Postings (`number << 3 | fields`, ascending) as `PostingList` writes them.
    static func encode(_ postings: [UInt32], into bytes: inout [UInt8]) {
        var list = PostingList()
        for posting in postings { list.append(Int(posting >> 3), fields: UInt8(posting & 7)) }
        bytes += list.bytes
    }
}
