import ArchiveExtraction
import ArchiveStore

/// Forms events from stored articles, following `GroupingPolicy`: files each new article under its
/// heaviest words, links it to every alike article, and forms anew the events of each linked group
/// it touches. The store only answers and persists; every decision is made here.
///
/// Because links depend on the two articles alone and a group's events on the group alone, the
/// events are the same whatever order and batches the articles came in, and the same as
/// `regroup` forms from nothing.
public final class EventGrouper {
    private let store: GroupingStore
    /// Signatures of articles already read: the same candidates come up again and again. Bounded.
    private var signatures: [Int64: ReportSignature] = [:]
    private static let signatureLimit = 50_000
    /// Content hashes of articles whose links were ranked. Bounded.
    private var hashes: [Int64: String] = [:]

    public init(database: Database) {
        store = GroupingStore(database: database)
    }

    /// Groups articles just written, in the caller's transaction. An archive whose articles were
    /// never filed (written by an older version) is grouped whole first.
    public func group(newArticles: [Int64]) throws {
        if try store.needsRegrouping() {
            try regroup()
            return
        }
        var touched: [Int64] = []
        for article in newArticles.sorted() where try fileAndLink(article) {
            touched.append(article)
        }
        try formEvents(touching: touched)
    }

    /// Forms every event from nothing: every article filed and linked again, every group clustered.
    /// Events that come out with the same articles keep their ids (see `EventIdentity`). Returns how
    /// many events there are.
    @discardableResult
    public func regroup() throws -> Int {
        try store.forgetLinks()
        let articles = try store.reportedArticles()
        for article in articles { _ = try fileAndLink(article) }
        try formEvents(touching: articles)
        return try store.database.integer("SELECT count(*) FROM events").map(Int.init) ?? 0
    }

    /// Takes an article's signature worked out before it was written (it is what the stored text gives).
    public func remember(_ signature: ReportSignature, for article: Int64) {
        signatures[article] = signature
    }

    /// Drops what was read of articles from `firstID` on: their rows were rolled back, and the ids
    /// will be given to other articles.
    public func forget(from firstID: Int64) {
        signatures = signatures.filter { $0.key < firstID }
        hashes = hashes.filter { $0.key < firstID }
    }

    /// Files an article under its heaviest words and links it to the filed articles alike enough.
    /// False when it has no report (nothing to group).
    ///
    /// A pair stays linked while either is among the other's `GroupingPolicy.strongestLinks`
    /// most similar (ties to the lower content hash), so that a crowd of look-alike articles costs
    /// a bounded number of links each. A newcomer can only push others out of those places, never
    /// bring one back, so the links kept are the same whatever order the articles came in.
    private func fileAndLink(_ article: Int64) throws -> Bool {
        guard let signature = try signature(of: article) else { return false }
        let candidates = try store.articles(filedUnder: signature.indexTerms, days: GroupingPolicy.dayWindow(signature.day))
        try store.file(article, under: signature.indexTerms, day: signature.day?.iso ?? "")
        var alike: [(other: Int64, similarity: Double)] = []
        for other in candidates.sorted() where other != article {
            guard let otherSignature = try self.signature(of: other) else { continue }
            let similarity = GroupingPolicy.similarity(signature, otherSignature)
            if similarity >= GroupingPolicy.linkThreshold { alike.append((other, similarity)) }
        }
        let mine = try strongest(alike)
        for (other, similarity) in alike {
            var theirs = try store.links(of: other)
            let before = try strongest(theirs)
            theirs.append((article, similarity))
            let after = try strongest(theirs)
            let inTheirs = after.contains(article)
            guard inTheirs || mine.contains(other) else { continue }
            try store.link(article, other, similarity: similarity)
            // The one pushed out of their strongest: unlinked unless they are among its own.
            for pushed in before.subtracting(after) where try !strongest(try store.links(of: pushed)).contains(other) {
                try store.unlink(other, pushed)
            }
        }
        return true
    }

    /// The `GroupingPolicy.strongestLinks` most similar of these, ties to the lower content hash.
    private func strongest(_ links: [(other: Int64, similarity: Double)]) throws -> Set<Int64> {
        guard links.count > GroupingPolicy.strongestLinks else { return Set(links.map(\.other)) }
        let keyed = try links.map { ($0.other, $0.similarity, try contentHash(of: $0.other)) }
        return Set(keyed.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.prefix(GroupingPolicy.strongestLinks).map(\.0))
    }

    private func contentHash(of article: Int64) throws -> String {
        if let known = hashes[article] { return known }
        let hash = try store.contentHash(of: article) ?? ""
        if hashes.count >= Self.signatureLimit { hashes.removeAll(keepingCapacity: true) }
        hashes[article] = hash
        return hash
    }

    /// Forms anew the events of every linked group that holds one of `articles`.
    private func formEvents(touching articles: [Int64]) throws {
        var grouped: Set<Int64> = []
        var previous: Set<Int64> = []
        for start in articles where !grouped.contains(start) {
            var members: Set<Int64> = [start]
            var pending = [start]
            var links: [(Int64, Int64, Double)] = []
            while let article = pending.popLast() {
                for (other, similarity) in try store.links(of: article) {
                    if article < other { links.append((article, other, similarity)) }
                    if members.insert(other).inserted { pending.append(other) }
                }
            }
            grouped.formUnion(members)
            let sorted = members.sorted()
            let reports = try store.reports(of: sorted)
            let byArticle = Dictionary(uniqueKeysWithValues: reports.map { ($0.articleID, $0) })
            let clusters = EventClustering(keys: byArticle.mapValues(\.contentHash), links: links).events()
            let current = try store.events(of: sorted)
            previous.formUnion(current.values)
            var sizes: [Int64: Int] = [:]
            for event in Set(current.values) { sizes[event] = try store.articleCount(of: event) }
            for (id, members) in EventIdentity.assign(clusters, current: current, sizes: sizes) {
                guard let row = EventDescription.row(id: id, reports: members.compactMap { byArticle[$0] }, links: links) else { continue }
                try store.save(row)
            }
        }
        // Only now: an event of an older grouping may have had articles in several groups.
        for event in previous.sorted() where try store.articleCount(of: event) == 0 {
            try store.deleteEvent(event)
        }
    }

    private func signature(of article: Int64) throws -> ReportSignature? {
        if let known = signatures[article] { return known }
        guard let text = try store.text(of: article, length: ReportSignature.leadLength) else { return nil }
        let signature = ReportSignature(title: text.title, body: text.body, day: text.occurredOn)
        if signatures.count >= Self.signatureLimit {
            // Candidates are mostly recent articles: keep the newer half.
            let median = signatures.keys.sorted()[signatures.count / 2]
            signatures = signatures.filter { $0.key >= median }
        }
        signatures[article] = signature
        return signature
    }
}
