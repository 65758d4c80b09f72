import SitegenCore

/// The search index after some documents were edited in place (`SiteBuilder.patch`): their entries
/// made again, and only the shards holding a gram whose fields for them changed read and written again.
extension SearchIndex {
    /// One document's grams, bucketed by group of shards as `files` merges them.
    static func documentGrams(_ document: PageDocument, site: Site, shards: Int, digest: Int) -> DocumentGrams {
        let groups = min(shards, 16)
        let table = GramTable(title: document.title, tags: site.tagNames(of: document), text: document.rendered.plainText)
        var buckets = [[UInt64]](repeating: [], count: groups)
        for group in 0..<groups { buckets[group].reserveCapacity(table.count / groups * 5 / 4 + 8) }
        table.forEach { gram, flags in
            buckets[shard(of: gram, count: shards) % groups].append(gram << 3 | UInt64(flags))
        }
        return DocumentGrams(digest: digest, shards: shards, buckets: buckets)
    }

    /// Each gram of a document with its fields.
    static func fields(of grams: DocumentGrams) -> [UInt64: UInt8] {
        var fields: [UInt64: UInt8] = [:]
        for bucket in grams.buckets {
            for packed in bucket { fields[packed >> 3] = UInt8(packed & 7) }
        }
        return fields
    }

    /// A shard's JSON as `files` writes it: grams in ascending order, each with its postings.
    static func shardJSON(_ grams: [UInt64: [UInt8]]) -> [UInt8] {
        shardJSON(sorted: grams.keys.sorted().map { ($0, $0) }) { grams[$0] ?? [] }
    }

    /// A shard's JSON from its grams in ascending order, each with what `bytes` gives its postings from.
    static func shardJSON<Postings>(sorted grams: [(gram: UInt64, list: Postings)], bytes: (Postings) -> [UInt8]) -> [UInt8] {
        var json = JSONText()
        json.raw("{")
        for (index, entry) in grams.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(text(of: entry.gram))
            json.raw(":\"")
            json.bytes += bytes(entry.list)
            json.raw("\"")
        }
        json.raw("}")
        return json.bytes
    }

    /// A shard's grams with their postings, read back from its JSON; nil if it is not as `shardJSON` writes.
    static func readShard(_ json: [UInt8]) -> [UInt64: [UInt8]]? {
        var grams: [UInt64: [UInt8]] = [:]
        var at = 0
        func next() -> UInt8? {
            guard at < json.count else { return nil }
            defer { at += 1 }
            return json[at]
        }
        guard next() == UInt8(ascii: "{") else { return nil }
        if at < json.count, json[at] == UInt8(ascii: "}") { return at + 1 == json.count ? grams : nil }
        while true {
            guard next() == UInt8(ascii: "\""), let key = readString(json, at: &at) else { return nil }
            guard next() == UInt8(ascii: ":"), next() == UInt8(ascii: "\"") else { return nil }
            let start = at
            while at < json.count, json[at] != UInt8(ascii: "\"") { at += 1 }
            guard at < json.count else { return nil }
            let scalars = Array(key.unicodeScalars)
            guard (1...2).contains(scalars.count) else { return nil }
            grams[UInt64(scalars[0].value) << 21 | (scalars.count == 2 ? UInt64(scalars[1].value) : 0)] = Array(json[start..<at])
            at += 1
            switch next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return at == json.count ? grams : nil
            default: return nil
            }
        }
    }

    /// A JSON string's text after its opening quote, as `JSONText.string` escapes it; `at` ends past the closing quote.
    private static func readString(_ json: [UInt8], at: inout Int) -> String? {
        var bytes: [UInt8] = []
        while at < json.count {
            let byte = json[at]
            at += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: bytes, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard at < json.count else { return nil }
            let escaped = json[at]
            at += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "u"):
                // `JSONText` writes `\u00XX` for the control characters alone.
                guard at + 4 <= json.count, let value = UInt8(String(decoding: json[at..<at + 4], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                at += 4
            default: return nil
            }
        }
        return nil
    }

    /// `postings` with document `number`'s fields set to `fields`, or the document taken out when 0.
    static func setting(_ number: Int, fields: UInt8, in postings: [UInt8]) -> [UInt8] {
        var list = PostingList()
        var placed = fields == 0
        for posting in decode(postings) where posting.number != number {
            if !placed, posting.number > number {
                list.append(number, fields: fields)
                placed = true
            }
            list.append(posting.number, fields: posting.fields)
        }
        if !placed { list.append(number, fields: fields) }
        return list.bytes
    }
}

extension SiteBuilder {
    /// The search index's files after `patch` changed the documents at `indices`, or nil when the
    /// last generation kept no index to start from.
    struct SearchPatch {
        /// The shards and entries made again.
        var files: [OutputFile]
        /// Every file of the index with its fingerprint, for the cache.
        var fingerprints: [String: (fingerprint: Int, file: OutputFile)]
        var metaPath: String
        /// The index's files beside `meta.json`, as the cache keeps them.
        var extra: [OutputFile]
        var entries: [Int: (digest: Int, bytes: [UInt8])]
        var grams: [Int: SearchIndex.DocumentGrams]
    }

    static func patchSearchIndex(_ indices: [Int], site: Site, context: PageContext, base: PatchBase, cache: BuildCache) -> SearchPatch? {
        let folder = SearchIndex.folder
        let metaPath = "\(folder)/meta.json"
        guard let meta = cache.pages[metaPath], let extra = cache.extra[metaPath] else { return nil }
        let order = SearchIndex.order(site)
        var number = [Int](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { number[index] = position }
        let shards = SearchIndex.shardCount(documents: order.count)
        var patch = SearchPatch(files: [], fingerprints: [:], metaPath: metaPath, extra: extra, entries: [:], grams: [:])
        var changes: [Int: [(gram: UInt64, number: Int, fields: UInt8)]] = [:]
        for index in indices {
            let document = site.documents[index]
            let digest = PageMemo.searchEntryDigest(document, summary: context.summary(index))
            patch.entries[index] = (digest, Feeds.searchEntry(document, site: site))
            guard let old = cache.searchGrams[document.source.path], old.shards == shards else { return nil }
            let new = SearchIndex.documentGrams(document, site: site, shards: shards, digest: digest)
            patch.grams[index] = new
            let (before, after) = (SearchIndex.fields(of: old), SearchIndex.fields(of: new))
            for gram in Set(before.keys).union(after.keys) where before[gram] != after[gram] {
                changes[SearchIndex.shard(of: gram, count: shards), default: []].append((gram, number[index], after[gram] ?? 0))
            }
        }
        let place = Dictionary(extra.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        func replace(_ file: OutputFile) -> Bool {
            guard let at = place[file.path] else { return false }
            patch.extra[at] = file
            patch.files.append(file)
            return true
        }
        for (shard, list) in changes.sorted(by: { $0.key < $1.key }) {
            let path = "\(folder)/g/\(shard).json"
            guard let at = place[path], case .bytes(let json) = extra[at].contents, var postings = SearchIndex.readShard(json) else { return nil }
            for change in list {
                let updated = SearchIndex.setting(change.number, fields: change.fields, in: postings[change.gram] ?? [])
                postings[change.gram] = updated.isEmpty ? nil : updated
            }
            guard replace(OutputFile(path: path, contents: .bytes(SearchIndex.shardJSON(postings)))) else { return nil }
        }
        for index in indices {
            guard let entry = patch.entries[index],
                  replace(OutputFile(path: "\(folder)/d/\(number[index]).json", contents: .bytes(entry.bytes)))
            else { return nil }
        }
        // The index's fingerprint: every entry's digest, in site order, as `PageMemo.searchEntries` makes it.
        var key = Hasher()
        for (index, document) in site.documents.enumerated() {
            key.combine(patch.entries[index]?.digest ?? cache.searchEntries[document.source.path]?.digest ?? 0)
        }
        let fingerprint = key.finalize()
        patch.fingerprints[metaPath] = (fingerprint, meta.file)
        for file in patch.extra { patch.fingerprints[file.path] = (BuildCache.fingerprint(of: file, madeWith: fingerprint), file) }
        return patch
    }
}
