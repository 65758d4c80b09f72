import SitegenContent
import SitegenCore
import SitegenMarkdown

/// The assemble phase: URLs, titles, order and tags. Pure: documents in, a `Site` out.
enum Assemble {
    static func site(config: SiteConfig, documents rendered: [(SourceDocument, Rendered)],
                     into diagnostics: inout Diagnostics) async throws(BuildFailure) -> Site {
        // Each document on its own (URL, aliases, period, kind), on all cores; the rest needs them all.
        var documents = newestFirst(await rendered.parallelMap { document($0.0, rendered: $0.1, config: config) }, offset: config.utcOffset)
        diagnostics += documents.compactMap(missingDate)

        var tags: [TagGroup] = []
        var tagsBySlug: [String: Int] = [:]
        var spellings: [String: [String: Int]] = [:]
        var firstUse: [String: SourceLocation] = [:]
        // A site has tens of tags on thousands of documents: each name is slugged once.
        var slugOfName: [String: String] = [:]
        for index in documents.indices {
            var slugs: [String] = []
            for name in documents[index].source.tags {
                let slug = slugOfName[name] ?? {
                    let made = Slug.tag(name)
                    slugOfName[name] = made
                    return made
                }()
                // Where the tags are written: looked up only when a problem or a tag's first use needs it.
                var location: SourceLocation { documents[index].source.frontMatter.location(of: "tags", in: documents[index].source.path) }
                guard !slug.isEmpty else {
                    diagnostics.add(.error(at: location, "tag '\(name)' has no letters or numbers, so it has no URL"))
                    continue
                }
                if tagsBySlug[slug] == nil, let problem = OutputPath.problem("tags/" + slug) {
                    diagnostics.add(.error(at: location, "tag '\(name)' cannot be a URL: \(problem)"))
                    continue
                }
                guard !slugs.contains(slug) else { continue }
                slugs.append(slug)
                spellings[slug, default: [:]][name, default: 0] += 1
                if firstUse[name] == nil { firstUse[name] = location }
                if let existing = tagsBySlug[slug] {
                    tags[existing].members.append(index)
                } else {
                    tagsBySlug[slug] = tags.count
                    tags.append(TagGroup(name: name, slug: slug, members: [index]))
                }
            }
            documents[index] = documents[index].withTags(slugs)
        }
        // Tags group case-insensitively; the name shown is the spelling used most (then the first in order).
        // Names that differ in more than case but still share a slug are told: one of them may be a typo.
        for index in tags.indices {
            let counts = spellings[tags[index].slug] ?? [:]
            tags[index].name = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key ?? tags[index].name
            let distinct = Dictionary(grouping: counts.keys, by: { $0.lowercased() }).values.compactMap { $0.min() }.sorted()
            for other in distinct where other.lowercased() != tags[index].name.lowercased() {
                diagnostics.warning(at: firstUse[other] ?? SourceLocation(path: "content"),
                                         "tags '\(other)' and '\(tags[index].name)' share the URL \(tags[index].url): they are listed as one tag; spell them alike, or rename one")
            }
        }
        tags.sort { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
        tagsBySlug = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1.slug, $0) })

        urlCollisions(documents, into: &diagnostics)
        try diagnostics.stopIfErrors()
        let entries = documents.indices.filter { documents[$0].kind != .page }
        let posts = documents.indices.filter { documents[$0].kind == .post }
        let retrospectives = documents.indices.filter { documents[$0].kind == .retrospective }
        let links = Retrospectives.links(documents, order: Retrospectives.order(retrospectives, in: documents, offset: config.utcOffset))
        var site = Site(config: config, documents: documents, entries: entries, posts: posts, retrospectives: retrospectives,
                        retrospectiveLinks: links, tags: tags, tagsBySlug: tagsBySlug)
        site.postLinks = postLinks(posts, documents: documents, tags: tags, tagsBySlug: tagsBySlug)
        return site
    }

    /// One document placed in the site, but for its tags: its title, URL, period and goals.
    static func document(_ source: SourceDocument, rendered: Rendered, config: SiteConfig) -> PageDocument {
        let title = source.title ?? rendered.title ?? source.fileTitle
        let url = Permalinks.url(of: source, config: config)
        return PageDocument(source: source, rendered: rendered, title: title, url: url, tagSlugs: [],
                            period: Retrospectives.period(of: source, title: title),
                            goals: source.declaredGoals.map { $0.map { Goal(text: $0) } } ?? rendered.goals,
                            aliases: Permalinks.aliases(of: source, url: url))
    }

    /// A post or retrospective that neither a date nor a period dates. A retrospective whose title or
    /// file name names its period (`2023 2분기 회고`) is dated by that period's last day, without a word.
    static func missingDate(_ document: PageDocument) -> Diagnostic? {
        guard document.kind != .page, document.date == nil else { return nil }
        // `date:` left empty says no more than no `date:` at all.
        let source = document.source
        if source.frontMatter["date"] != nil {
            return .warning(at: source.frontMatter.location(of: "date", in: source.path),
                            "no date: 'date:' is empty; write a date such as 2022-12-31 there or a YYYY-MM-DD- prefix to the file name")
        }
        return .warning(at: SourceLocation(path: source.path),
                        "no date: add 'date:' to the front matter or a YYYY-MM-DD- prefix to the file name")
    }

    /// `/posts/<slug>/`, `/retrospectives/<slug>/`, or for a page its folder and slug; `permalink` wins.
    /// URLs the generated pages take, so that a document claiming one is named.
    static let generatedURLs: [String: String] = [
        "/": "the home page", "/tags/": "the tag index", "/posts/": "the list of posts", "/404.html": "the page-not-found page",
        "/retrospectives/": "the retrospective timeline", "/archive/": "the archive", "/search/": "the search page",
    ]

    /// Where a document's URL comes from: its `permalink` line, else its `slug` line, else the file.
    static func urlLocation(of document: SourceDocument) -> SourceLocation {
        for key in ["permalink", "slug"] where document.frontMatter[key] != nil {
            return document.frontMatter.location(of: key, in: document.path)
        }
        return SourceLocation(path: document.path)
    }

    static func urlCollisions(_ documents: [PageDocument], into diagnostics: inout Diagnostics) {
        var owners: [String: String] = [:]
        // In file order; the documents are large, so their indices are sorted, not they.
        let inFileOrder = documents.indices.sorted { documents[$0].source.path < documents[$1].source.path }.lazy.map { documents[$0] }
        for document in inFileOrder {
            let url = document.url
            if let problem = OutputPath.problem(ofURL: url) {
                diagnostics.add(.error(at: urlLocation(of: document.source),
                                          "this document's URL \(url) cannot be written: \(problem)"))
                continue
            }
            let clash = owners[url] ?? generatedURLs[url]
                ?? (["/tags/", "/page/", "/posts/page/"].contains { url.hasPrefix($0) } ? "a generated tag or list page" : nil)
            if let clash {
                diagnostics.add(.error(at: SourceLocation(path: document.source.path),
                                          "this document's URL \(url) is also the URL of \(clash): give one of them another 'slug' or 'permalink'"))
            } else {
                owners[url] = document.source.path
            }
        }
        // An old URL that redirects may be no page's, nor another redirect's.
        for document in inFileOrder where !document.aliases.isEmpty {
            let location = Permalinks.aliasLocation(of: document.source)
            for alias in document.aliases {
                if let problem = OutputPath.problem(ofURL: alias) {
                    diagnostics.error(at: location, "the old URL \(alias) cannot be written: \(problem)")
                    continue
                }
                let clash = alias == document.url ? "this document itself" : owners[alias].map { $0 == document.source.path ? "this document" : $0 }
                    ?? generatedURLs[alias]
                if let clash {
                    diagnostics.error(at: location, "the old URL \(alias) is also the URL of \(clash): a page there cannot redirect here")
                } else {
                    owners[alias] = document.source.path + " (a redirect)"
                }
            }
        }
    }

    /// Each post's neighbours in time and its related posts: those sharing the most tags, nearest in
    /// time first. Only the posts closest to it in each tag's list are weighed (a tag of thousands of
    /// posts would otherwise make this quadratic).
    static func postLinks(_ posts: [Int], documents: [PageDocument], tags: [TagGroup], tagsBySlug: [String: Int]) -> [Int: PostLinks] {
        // Arrays by document index rather than dictionaries: this runs on one core for every post.
        var position = [Int](repeating: -1, count: documents.count)
        for (rank, index) in posts.enumerated() { position[index] = rank }
        // Each tag's posts, newest first, and where each post stands in it.
        let tagPosts: [[Int]] = tags.map { $0.members.filter { position[$0] >= 0 } }
        var standing = [[(tag: Int, at: Int)]](repeating: [], count: documents.count)
        for (tag, members) in tagPosts.enumerated() {
            for (at, member) in members.enumerated() { standing[member].append((tag, at)) }
        }
        let window = 12
        var links: [Int: PostLinks] = [:]
        links.reserveCapacity(posts.count)
        var shared = [Int](repeating: 0, count: documents.count)
        var touched: [Int] = []
        for (rank, index) in posts.enumerated() {
            var link = PostLinks(older: rank + 1 < posts.count ? posts[rank + 1] : nil, newer: rank > 0 ? posts[rank - 1] : nil)
            for slug in documents[index].tagSlugs {
                guard let tag = tagsBySlug[slug], let at = standing[index].first(where: { $0.tag == tag })?.at else { continue }
                let members = tagPosts[tag]
                for other in members[max(0, at - window)..<min(members.count, at + window + 1)] where other != index {
                    if shared[other] == 0 { touched.append(other) }
                    shared[other] += 1
                }
            }
            func ranksBefore(_ a: Int, _ b: Int) -> Bool {
                if shared[a] != shared[b] { return shared[a] > shared[b] }
                let (da, db) = (abs(position[a] - rank), abs(position[b] - rank))
                return da != db ? da < db : position[a] < position[b]
            }
            // The first three in that order, picked in one pass rather than sorting them all.
            var related: [Int] = []
            for other in touched where related.count < 3 || ranksBefore(other, related[related.count - 1]) {
                let at = related.firstIndex { ranksBefore(other, $0) } ?? related.count
                related.insert(other, at: at)
                if related.count > 3 { related.removeLast() }
            }
            link.related = related
            for other in touched { shared[other] = 0 }
            touched.removeAll(keepingCapacity: true)
            links[index] = link
        }
        return links
    }

    /// Dated documents newest first (by their instant, then path), then undated ones by title and
    /// path. Each document's instant is worked out once, not on every comparison.
    static func newestFirst(_ documents: [PageDocument], offset: Int) -> [PageDocument] {
        let seconds = documents.map { $0.sortDate?.secondsSinceEpoch(defaultOffset: offset) }
        let order = documents.indices.sorted { a, b in
            switch (seconds[a], seconds[b]) {
            case let (x?, y?): return x != y ? x > y : documents[a].source.path < documents[b].source.path
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return (documents[a].title, documents[a].source.path) < (documents[b].title, documents[b].source.path)
            }
        }
        return order.map { documents[$0] }
    }
}
