import ArchiveExtraction
import ArchiveStore

/// Forms events from stored articles, following `GroupingPolicy`: files each new article under its
/// heaviest words, links it to every alike article, and forms anew the events of each block whose
/// scores that changed. The store only answers and persists; every decision is made here.
///
/// Because links depend on the two articles alone, scores on the two articles' links and a
/// block's events on the block alone, the events are the same whatever order and batches the
/// articles came in, and the same as `regroup` forms from nothing.
public final class EventGrouper {
    let store: GroupingStore
    /// Signatures of articles already read: the same candidates come up again and again. Bounded.
    private var signatures: [Int64: ReportSignature] = [:]
    /// How many signatures the cache holds at most (a setting for tests). 20,000 rather than
    /// 30,000: about 17 MB less at the peak of a 100,000-article ingest, for 1.03× its time.
    var signatureLimit = 20_000
    /// How many signatures the cache holds now.
    var cachedSignatures: Int { signatures.count }
    /// Content hashes of articles whose links were ranked. Bounded.
    private var hashes: [Int64: String] = [:]
    /// Links read or written, by article: each new article looks at those of all its candidates. Bounded.
    private var adjacency: [Int64: [(other: Int64, similarity: Double)]] = [:]
    private var adjacencyEntries = 0
    /// Each article's weakest strongest link, while its links stay as they are.
    private var cuts: [Int64: (other: Int64, similarity: Double)?] = [:]
    /// Each article's neighbourhood (`GroupingPolicy.neighbourhood`), while its links stay as they are.
    private var neighbourhoods: [Int64: [Int64]] = [:]
    /// Articles whose links the batch being grouped changed, with their neighbourhoods before
    /// (nil for the batch's own articles): the scores that changed are theirs.
    private var changed: [Int64: [Int64]?] = [:]
    private static let adjacencyLimit = 2_000_000
    /// Whether the archive was checked for articles an older version stored without links.
    private var checkedForOlderArticles = false
    /// Articles linked to one withdrawn since the last `group`: their neighbourhoods, so their
    /// pairs' scores, may have changed.
    private var bereft: Set<Int64> = []
    /// Those of them whose strongest held it: to be linked again without it.
    private var relink: Set<Int64> = []
    /// Events that lost a withdrawn article: written anew (or deleted) at the next `group`.
    private var withdrawnEvents: Set<Int64> = []
    /// One article's new links, written together (one statement, not one per link) when it is
    /// linked, or before links are read or removed: nothing waits across articles.
    private var unwrittenLinks: [(article: Int64, other: Int64, similarity: Double)] = []

    /// While `group` files its articles: for each, the articles filed before the batch that share
    /// one of its words, asked for all at once (nil otherwise).
    private var askedCandidates: [Int64: Set<Int64>]?
    /// The batch's articles filed so far, by word, with their days: candidates of those after them.
    private var filedInBatch: [String: [(article: Int64, day: String)]] = [:]
    /// For each article of the batch, those asked for that are alike enough to link, worked out
    /// before any is filed so that what they need (signatures, links) is read in a few questions.
    private var alikeAsked: [Int64: [(other: Int64, similarity: Double)]] = [:]

    /// Articles whose candidates are asked for in one question.
    private static let candidateSlice = 128
    /// Articles whose signatures or links are read in one question.
    private static let readSlice = 512

    public init(database: Database) {
        store = GroupingStore(database: database)
    }

    /// Groups articles just written, in the caller's transaction. An archive whose articles were
    /// never filed (written by an older version) is grouped whole first.
    public func group(newArticles: [Int64]) throws {
        if !checkedForOlderArticles {
            checkedForOlderArticles = true
            if try store.needsRegrouping(before: newArticles.min() ?? .max) {
                try regroup()
                return
            }
        }
        changed.removeAll(keepingCapacity: true)
        for article in bereft.sorted() {
            if relink.contains(article) { try linkAgain(article) }
            changed[article] = .some(nil)
        }
        bereft.removeAll()
        relink.removeAll()
        let batch = newArticles.sorted()
        try askCandidates(of: batch)
        defer {
            askedCandidates = nil
            filedInBatch.removeAll()
            alikeAsked.removeAll()
        }
        try compareWithAsked(batch)
        for article in batch where try fileAndLink(article) {
            changed[article] = .some(nil)
        }
        try formEvents(touching: try changedScores(), eventless: Set(batch))
        withdrawnEvents.removeAll()
    }

    /// Takes out an article the store is about to delete (it became a copy of a text written
    /// since, see `ArchiveWriter.demote`). Call it before the deletion, in the same transaction as
    /// the next `group`, which links its neighbours again and writes its events anew.
    public func withdraw(_ article: Int64) throws {
        let links = try store.links(of: article)
        let neighbours = links.map(\.other)
        // Only an article whose strongest were full and held this one has a place to fill: the
        // one next in line takes it. Below its strongest, or with fewer links than that, nothing moves.
        for (other, similarity) in links {
            if let cut = try cut(of: other), try !isStronger(cut, than: (article, similarity)) { relink.insert(other) }
        }
        bereft.formUnion(neighbours)
        // One withdrawn earlier in the batch may have left this one bereft.
        bereft.remove(article)
        relink.remove(article)
        withdrawnEvents.formUnion(try store.events(of: [article]).values)
        signatures[article] = nil
        hashes[article] = nil
        for id in neighbours + [article] {
            if let known = adjacency.removeValue(forKey: id) { adjacencyEntries -= known.count }
            cuts[id] = nil
            neighbourhoods[id] = nil
        }
    }

    /// Every article with a pair whose score the batch changed: those whose links changed, and
    /// all linked to one whose neighbourhood changed. Any block with a changed score holds one.
    private func changedScores() throws -> [Int64] {
        var found = Set(changed.keys)
        try readLinks(of: found.sorted())
        for (article, before) in changed where try before != neighbourhood(of: article) {
            for (other, _) in try links(of: article) { found.insert(other) }
        }
        changed.removeAll(keepingCapacity: true)
        return found.sorted()
    }

    /// Forms every event from nothing: every article filed and linked again, every group clustered.
    /// Events that come out with the same articles keep their ids (see `EventIdentity`). Returns how
    /// many events there are.
    @discardableResult
    public func regroup() throws -> Int {
        try store.forgetLinks()
        forgetLinks()
        bereft.removeAll()
        relink.removeAll()
        // Those kept for comparing only have lost the words that file them.
        signatures.removeAll()
        let articles = try store.reportedArticles()
        for article in articles { _ = try fileAndLink(article) }
        changed.removeAll()
        try formEvents(touching: articles)
        withdrawnEvents.removeAll()
        return try store.eventCount()
    }

    /// Takes an article's signature worked out before it was written (it is what the stored text
    /// gives), and its content hash.
    public func remember(_ signature: ReportSignature, contentHash: String, for article: Int64) {
        keep(signature, for: article)
        keep(contentHash, for: article)
    }

    /// Drops what another connection's writes (a second ingest) may have made stale: every link
    /// read, since its new articles may have linked or pushed out any of them, and the signature
    /// and hash of every article no longer stored with the same text (a deleted article's id may
    /// have been given to another). What an unchanged text gives stays: reading the signatures
    /// back, not the links, is what a writer pays after another's chunk.
    public func forgetWhatOthersChanged() throws {
        forgetLinks()
        let stored = try store.contentHashes(of: Array(Set(hashes.keys).union(signatures.keys)).sorted())
        hashes = hashes.filter { stored[$0.key] == $0.value }
        signatures = signatures.filter { hashes[$0.key] != nil }
    }

    /// Drops what was read of articles from `firstID` on: their rows were rolled back, and the ids
    /// will be given to other articles.
    public func forget(from firstID: Int64) {
        signatures = signatures.filter { $0.key < firstID }
        hashes = hashes.filter { $0.key < firstID }
        // Links of older articles to the rolled-back ones went too.
        forgetLinks()
        unwrittenLinks.removeAll()
        // A withdrawn article is back with the rollback.
        bereft.removeAll()
        relink.removeAll()
        withdrawnEvents.removeAll()
        checkedForOlderArticles = false
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
        let alike = try self.alike(article, signature)
        try store.file(article, under: signature.indexTerms, day: signature.day?.iso ?? "")
        if askedCandidates != nil {
            for term in Set(signature.indexTerms) { filedInBatch[term, default: []].append((article, signature.day?.iso ?? "")) }
        }
        keep(signature.forComparing, for: article)
        // An article being filed has no links yet (only filed ones are linked to): its own are
        // the ones made below, with no need to read them back.
        if adjacency[article] == nil { adjacency[article] = [] }
        let mine = try strongest(alike)
        for (other, similarity) in alike {
            // Whether the newcomer takes one of their strongest places, and whom it pushes out.
            let weakest = try cut(of: other)
            let entersTheirs = try weakest.map { try isStronger((article, similarity), than: $0) } ?? true
            guard entersTheirs || mine.contains(other) else { continue }
            try link(article, other, similarity)
            // The one pushed out of their strongest: unlinked unless they are among its own.
            if entersTheirs, let pushed = weakest,
               let cut = try cut(of: pushed.other), try isStronger(cut, than: (other, pushed.similarity)) {
                try unlink(other, pushed.other)
            }
        }
        try writeLinks()
        return true
    }

    /// Asks for the candidates of every article of a batch whose signature is known, before any
    /// is filed: a question per `candidateSlice` articles, where one per article would each wait
    /// on a server.
    private func askCandidates(of batch: [Int64]) throws {
        let requests = batch.compactMap { article in
            signatures[article].map { (key: article, terms: $0.indexTerms, days: GroupingPolicy.dayWindow($0.day)) }
        }
        var asked: [Int64: Set<Int64>] = [:]
        // In slices: the answer for a whole chunk at once held some 20 MB of rows.
        for start in stride(from: 0, to: requests.count, by: Self.candidateSlice) {
            let slice = requests[start..<min(start + Self.candidateSlice, requests.count)]
            asked.merge(try store.articles(filedUnder: Array(slice))) { $1 }
        }
        askedCandidates = asked
    }

    /// Works out which of its asked candidates each article of the batch is alike, reading first
    /// the signatures none of them has yet, then the links of those alike, a slice of articles per
    /// question. After another writer's chunk the cache is cold, and read one article at a time
    /// these were thousands of waits inside the write lock.
    private func compareWithAsked(_ batch: [Int64]) throws {
        guard let asked = askedCandidates else { return }
        try readSignatures(of: Set(batch.flatMap { asked[$0] ?? [] }).sorted())
        var linked: Set<Int64> = []
        for article in batch {
            guard let signature = signatures[article], let candidates = asked[article] else { continue }
            let alike = try self.alike(article, signature, among: candidates)
            alikeAsked[article] = alike
            linked.formUnion(alike.map(\.other))
        }
        try readLinks(of: linked.sorted())
    }

    /// Reads the signatures of those of these articles whose signature is not known.
    private func readSignatures(of articles: [Int64]) throws {
        let unknown = articles.filter { signatures[$0] == nil }
        for start in stride(from: 0, to: unknown.count, by: Self.readSlice) {
            let texts = try store.texts(of: Array(unknown[start..<min(start + Self.readSlice, unknown.count)]),
                                        length: ReportSignature.leadLength)
            for (article, text) in texts.sorted(by: { $0.key < $1.key }) {
                keepSignature(of: article, title: text.title, body: text.body, occurredOn: text.occurredOn, contentHash: text.contentHash)
            }
        }
    }

    /// Reads the links of those of these articles whose links are not known.
    private func readLinks(of articles: [Int64]) throws {
        let unknown = articles.filter { adjacency[$0] == nil }
        guard !unknown.isEmpty else { return }
        try writeLinks()
        for start in stride(from: 0, to: unknown.count, by: Self.readSlice) {
            if adjacencyEntries >= Self.adjacencyLimit { forgetLinks() }
            for (article, links) in try store.links(of: Array(unknown[start..<min(start + Self.readSlice, unknown.count)]))
            where adjacency[article] == nil {
                adjacency[article] = links
                adjacencyEntries += links.count
            }
        }
    }

    /// The filed articles that share a heavy word with an article within its day window: those
    /// asked for before its batch was filed, with those of the batch filed since, else read.
    private func candidates(of article: Int64, _ signature: ReportSignature) throws -> Set<Int64> {
        let days = GroupingPolicy.dayWindow(signature.day)
        guard var found = askedCandidates?[article] else { return try store.articles(filedUnder: signature.indexTerms, days: days) }
        for term in Set(signature.indexTerms) {
            for (other, day) in filedInBatch[term] ?? [] where day.isEmpty || days?.contains(day) ?? true { found.insert(other) }
        }
        return found
    }

    /// The filed articles that share a heavy word with an article (within the day window) and are
    /// similar enough to link, with their similarity. `signature` must still hold its index terms.
    private func alike(_ article: Int64, _ signature: ReportSignature) throws -> [(other: Int64, similarity: Double)] {
        guard let asked = alikeAsked[article] else { return try alike(article, signature, among: try candidates(of: article, signature)) }
        // Those filed earlier in the batch are compared now; the asked ones were before it.
        let filedSince = try candidates(of: article, signature).subtracting(askedCandidates?[article] ?? [])
        return (asked + (try alike(article, signature, among: filedSince))).sorted { $0.other < $1.other }
    }

    /// Those of `candidates` alike enough to `article` to link, in id order.
    private func alike(_ article: Int64, _ signature: ReportSignature, among candidates: Set<Int64>) throws -> [(other: Int64, similarity: Double)] {
        var alike: [(other: Int64, similarity: Double)] = []
        for other in candidates.sorted() where other != article {
            guard let otherSignature = try self.signature(of: other) else { continue }
            let similarity = GroupingPolicy.similarity(signature, otherSignature)
            if similarity >= GroupingPolicy.linkThreshold { alike.append((other, similarity)) }
        }
        return alike
    }

    /// Links an article that was linked to a withdrawn one to those of its strongest it is not
    /// linked to yet. A withdrawal only frees places: the article's strongest gain the one that
    /// was next in line, and no one else's strongest lose anyone. (An article whose strongest held
    /// the withdrawn one is linked again itself.)
    private func linkAgain(_ article: Int64) throws {
        signatures[article] = nil  // the cached one has lost the words that file it
        guard let signature = try signature(of: article) else { return }
        let alike = try self.alike(article, signature)
        let linked = Set(try links(of: article).map(\.other))
        let mine = try strongest(alike)
        for (other, similarity) in alike where mine.contains(other) && !linked.contains(other) {
            try link(article, other, similarity)
        }
        try writeLinks()
    }

    /// The `GroupingPolicy.strongestLinks` most similar of these (ties to the lower content hash).
    private func strongest(_ links: [(other: Int64, similarity: Double)]) throws -> Set<Int64> {
        guard let cut = try weakestStrongest(links) else { return Set(links.map(\.other)) }
        return Set(try links.filter { try !isStronger(cut, than: $0) }.map(\.other))
    }

    /// The last of an article's strongest links when it has that many, else nil (a newcomer has a place).
    private func weakestStrongest(_ links: [(other: Int64, similarity: Double)]) throws -> (other: Int64, similarity: Double)? {
        guard links.count >= GroupingPolicy.strongestLinks else { return nil }
        return try GroupingPolicy.strongest(links, count: GroupingPolicy.strongestLinks, key: contentHash(of:)).last
    }

    /// Whether link `a` ranks before link `b`: more similar, or as similar with the lower content hash.
    private func isStronger(_ a: (other: Int64, similarity: Double), than b: (other: Int64, similarity: Double)) throws -> Bool {
        if a.similarity != b.similarity { return a.similarity > b.similarity }
        return try contentHash(of: a.other) < contentHash(of: b.other)
    }

    /// The last of an article's strongest links (see `weakestStrongest`), kept until its links change.
    private func cut(of article: Int64) throws -> (other: Int64, similarity: Double)? {
        if let known = cuts[article] { return known }
        let found = try weakestStrongest(try links(of: article))
        cuts[article] = .some(found)
        return found
    }

    private func links(of article: Int64) throws -> [(other: Int64, similarity: Double)] {
        if let known = adjacency[article] { return known }
        try readLinks(of: [article])
        return adjacency[article] ?? []
    }

    private func link(_ a: Int64, _ b: Int64, _ similarity: Double) throws {
        try noteChange(a, b)
        unwrittenLinks.append((a, b, similarity))
        cuts[a] = nil
        cuts[b] = nil
        neighbourhoods[a] = nil
        neighbourhoods[b] = nil
        for (from, to) in [(a, b), (b, a)] where adjacency[from] != nil {
            adjacency[from]?.append((to, similarity))
            adjacencyEntries += 1
        }
    }

    private func unlink(_ a: Int64, _ b: Int64) throws {
        try noteChange(a, b)
        try writeLinks()
        try store.unlink(a, b)
        cuts[a] = nil
        cuts[b] = nil
        neighbourhoods[a] = nil
        neighbourhoods[b] = nil
        for (from, to) in [(a, b), (b, a)] {
            adjacency[from]?.removeAll { $0.other == to }
        }
    }

    private func writeLinks() throws {
        guard !unwrittenLinks.isEmpty else { return }
        try store.link(unwrittenLinks)
        unwrittenLinks.removeAll(keepingCapacity: true)
    }

    /// Keeps the neighbourhoods of two articles as they were before the batch changed their links.
    private func noteChange(_ a: Int64, _ b: Int64) throws {
        for article in [a, b] where changed[article] == nil {
            changed[article] = .some(try neighbourhood(of: article))
        }
    }

    private func neighbourhood(of article: Int64) throws -> [Int64] {
        if let known = neighbourhoods[article] { return known }
        let found = try GroupingPolicy.neighbourhood(of: article, links: try links(of: article), key: contentHash(of:))
        neighbourhoods[article] = found
        return found
    }

    private func forgetLinks() {
        adjacency.removeAll(keepingCapacity: true)
        adjacencyEntries = 0
        cuts.removeAll(keepingCapacity: true)
        neighbourhoods.removeAll(keepingCapacity: true)
    }

    func contentHash(of article: Int64) throws -> String {
        if let known = hashes[article] { return known }
        let hash = try store.contentHash(of: article) ?? ""
        keep(hash, for: article)
        return hash
    }

    /// Caches a content hash within `signatureLimit`, as signatures are: a signature whose hash
    /// is gone cannot be checked after another writer's chunk.
    private func keep(_ hash: String, for article: Int64) {
        makeRoom(in: &hashes, for: article)
        hashes[article] = hash
    }

    /// Keeps a cache of `signatureLimit` articles at most: when it is full and `article` is not
    /// in it, the newer half stays (candidates are mostly recent articles).
    private func makeRoom<Value>(in cache: inout [Int64: Value], for article: Int64) {
        guard cache.count >= max(1, signatureLimit), cache[article] == nil else { return }
        let median = cache.keys.sorted()[cache.count / 2]
        cache = cache.filter { $0.key >= median }
    }

    /// Forms anew the events of every block that holds one of `articles`: the articles joined to
    /// them by pairs scoring at least `GroupingPolicy.blockThreshold`, and those a user kept
    /// together with them, linked or not. `eventless`: articles known to be in no event yet (just
    /// filed), whose events need not be asked for.
    func formEvents(touching articles: [Int64], eventless: Set<Int64> = []) throws {
        let blocks = try self.blocks(touching: articles)
        // Reports do not change here: asked for once, for every block.
        let reports = try store.reports(of: blocks.flatMap(\.members).sorted())
        let reportOf = Dictionary(reports.map { ($0.articleID, $0) }, uniquingKeysWith: { first, _ in first })
        var previous: Set<Int64> = []
        var changedEvents: Set<Int64> = []
        for block in blocks {
            let sorted = block.members.sorted()
            var byArticle: [Int64: ArticleReport] = [:]
            for article in sorted { byArticle[article] = reportOf[article] }
            let clusters = EventClustering(keys: byArticle.mapValues(\.contentHash), scores: block.pairs.map { ($0.a, $0.b, $0.score) },
                                           together: block.together, apart: block.apart).events()
            // Asked block by block: saving one block's events moves articles of the next.
            let current = block.members.isSubset(of: eventless) ? [:] : try store.events(of: sorted)
            previous.formUnion(current.values)
            let sizes = current.isEmpty ? [:] : try store.articleCounts(of: Set(current.values).sorted())
            var before: [Int64: Set<Int64>] = [:]
            for (article, event) in current { before[event, default: []].insert(article) }
            var clusterOf: [Int64: Int] = [:]
            for (index, cluster) in clusters.enumerated() { for article in cluster { clusterOf[article] = index } }
            var centrality: [Int64: Double] = [:]
            for (a, b, similarity, _) in block.pairs where clusterOf[a] == clusterOf[b] {
                centrality[a, default: 0] += similarity
                centrality[b, default: 0] += similarity
            }
            for (id, members) in EventIdentity.assign(clusters, current: current, sizes: sizes) {
                guard let row = EventDescription.row(id: id, reports: members.compactMap { byArticle[$0] }, centrality: centrality) else { continue }
                // An event that keeps exactly its articles keeps its people too; any other is written whole.
                let unchanged = id.map { before[$0] == Set(members) && sizes[$0] == members.count && !withdrawnEvents.contains($0) } ?? false
                let saved = try store.save(row, articlesChanged: !unchanged, eventsBefore: current)
                guard !unchanged else { continue }
                // It and every event it took an article from have other articles now.
                changedEvents.insert(saved)
                for article in members { if let old = current[article], old != saved { changedEvents.insert(old) } }
            }
        }
        // Only now: an event may have had articles in several blocks.
        let candidates = previous.union(withdrawnEvents).sorted()
        let remaining = try store.articleCounts(of: candidates)
        for event in candidates where remaining[event] == nil {
            try store.deleteEvent(event)
            changedEvents.remove(event)
        }
        try store.saveParticipants(of: changedEvents.sorted())
    }

    /// A block of articles to cluster: its members, the scores of the pairs inside it, and the
    /// pairs a user kept together or apart.
    struct Block {
        var members: Set<Int64>
        var pairs: [(a: Int64, b: Int64, similarity: Double, score: Double)] = []
        var together: [(Int64, Int64)] = []
        var apart: [(Int64, Int64)] = []
    }

    /// The blocks that hold `articles` (see `formEvents`), found from the links alone: saving
    /// events changes no link.
    private func blocks(touching articles: [Int64]) throws -> [Block] {
        var blocks: [Block] = []
        var grouped: Set<Int64> = []
        let corrected = try store.hasCorrections()
        // Each article's pairs need its neighbours' links too: those of two steps out are read
        // together first, then those of each member's neighbours not read yet.
        try readLinks(of: articles)
        try readLinks(of: Set(articles.flatMap { adjacency[$0]?.map(\.other) ?? [] }).sorted())
        for start in articles where !grouped.contains(start) {
            var block = Block(members: [start])
            var pending = [start]
            while let article = pending.popLast() {
                try readLinks(of: try links(of: article).map(\.other))
                let mine = try neighbourhood(of: article)
                for (other, similarity) in try links(of: article) {
                    let score = GroupingPolicy.score(similarity: similarity, mine, try neighbourhood(of: other))
                    if article < other { block.pairs.append((article, other, similarity, score)) }
                    if score >= GroupingPolicy.blockThreshold, block.members.insert(other).inserted { pending.append(other) }
                }
                guard corrected else { continue }
                for (other, isTogether) in try store.corrections(of: article) {
                    if article < other {
                        if isTogether { block.together.append((article, other)) } else { block.apart.append((article, other)) }
                    }
                    if isTogether, block.members.insert(other).inserted { pending.append(other) }
                }
            }
            // Pairs reaching out of the block weigh in the blocks they join, not here.
            block.pairs.removeAll { !block.members.contains($0.a) || !block.members.contains($0.b) }
            grouped.formUnion(block.members)
            blocks.append(block)
        }
        return blocks
    }

    private func signature(of article: Int64) throws -> ReportSignature? {
        if let known = signatures[article] { return known }
        guard let text = try store.text(of: article, length: ReportSignature.leadLength) else { return nil }
        return keepSignature(of: article, title: text.title, body: text.body, occurredOn: text.occurredOn, contentHash: text.contentHash)
    }

    /// The signature of a stored text, kept for comparing, with its content hash: what tells,
    /// after another writer's chunk, whether the signature still holds.
    @discardableResult
    private func keepSignature(of article: Int64, title: String, body: String, occurredOn: String?, contentHash: String) -> ReportSignature {
        let signature = ReportSignature(title: title, body: body, day: occurredOn)
        keep(signature.forComparing, for: article)
        keep(contentHash, for: article)
        return signature
    }

    /// Caches a signature within `signatureLimit`. Every article written comes through here, not
    /// only those read back: a limit checked on reads alone let the cache hold the whole archive.
    private func keep(_ signature: ReportSignature, for article: Int64) {
        makeRoom(in: &signatures, for: article)
        signatures[article] = signature
    }
}
