import SitegenContent
import SitegenCore

/// What each page is made of, as one number per page, worked out without making the page's
/// context: the template, the site's configuration and tags, and digests of the documents the
/// page shows. Equal fingerprints (within one process) mean equal pages, so `serve` makes a
/// context for, and renders, only the pages whose fingerprint moved.
///
/// Every value `PageContext` and `Feeds` read must be covered here. They read the configuration,
/// the tags (name, slug, count), `Labels` (constant), and documents; a document's title, URL, date,
/// tags, period and goals are functions of its file and the configuration, and its HTML, table of
/// contents and excerpt are in its rendering's digest.
struct PageDigests: Sendable {
    /// The configuration and every tag's name, slug and count.
    let site: Int
    /// For each document of `Site.documents`: its file and its rendering.
    let documents: [Int]

    init(site: Site) {
        var hasher = Hasher()
        hasher.combine(site.config)
        hasher.combine(site.tags.count)
        for tag in site.tags {
            hasher.combineUTF8(tag.name)
            hasher.combineUTF8(tag.slug)
            hasher.combine(tag.members.count)
        }
        self.site = hasher.finalize()
        documents = site.documents.map { document in
            var hasher = Hasher()
            hasher.combine(document.source.digest)
            hasher.combine(document.rendered.digest)
            return hasher.finalize()
        }
    }

    /// The fingerprint of one page: `template` is the digest of its template, partials and parents.
    func fingerprint(of job: RenderPages.Job, template: Int, site: Site) -> Int {
        var hasher = Hasher()
        hasher.combine(template)
        hasher.combine(self.site)
        hasher.combineUTF8(job.url)
        let perPage = site.config.postsPerPage
        func page(_ members: [Int], _ number: Int, _ total: Int) {
            hasher.combine(number)
            hasher.combine(total)
            combine(Pagination.members(members, page: number, perPage: perPage))
        }
        func combine<S: Collection<Int>>(_ members: S) {
            hasher.combine(members.count)
            for index in members { hasher.combine(documents[index]) }
        }
        switch job.subject {
        case .document(let index):
            hasher.combine(0)
            hasher.combine(documents[index])
            // A retrospective shows its neighbours' titles, URLs and periods, and the goals of the one before.
            if let links = site.retrospectiveLinks[index] {
                for neighbour in [links.previous, links.next, links.previousSameCadence, links.nextSameCadence, links.yearAgo] {
                    hasher.combine(neighbour.map { documents[$0] })
                }
            }
        case .home(let number, let total):
            hasher.combine(1)
            page(site.entries, number, total)
        case .tag(let tag, let number, let total):
            hasher.combine(2)
            hasher.combine(tag)
            page(site.tags[tag].members, number, total)
        case .postList(let number, let total):
            hasher.combine(3)
            page(site.posts, number, total)
        case .tagIndex: hasher.combine(4)
        case .notFound: hasher.combine(5)
        case .search: hasher.combine(6)
        case .robots: hasher.combine(7)
        case .timeline:
            hasher.combine(8)
            combine(site.retrospectives)
        case .archive:
            hasher.combine(9)
            combine(site.entries)
        case .atomFeed(let tag):
            hasher.combine(10)
            hasher.combine(tag)
            combine((tag.map { site.tags[$0].members } ?? site.entries).prefix(Feeds.entryLimit))
        case .jsonFeed:
            hasher.combine(11)
            combine(site.entries.prefix(Feeds.entryLimit))
        case .searchIndex:
            hasher.combine(12)
            combine(site.documents.indices)
        case .sitemap(let urls):
            hasher.combine(13)
            hasher.combine(urls.count)
            for url in urls { hasher.combineUTF8(url) }
            combine(site.documents.indices)
        }
        return hasher.finalize()
    }
}
