import ArchiveExtraction
import ArchiveStore
import Foundation

/// Joins each newly stored article to the events of the articles that report the same happening,
/// merging events that the new article shows to be one.
///
/// Whether two articles report the same happening depends on those two articles alone — the days
/// they give, the people their leads name, the places, and the words of headline and lead — so the
/// events that result (the connected groups of such pairs) are the same whatever order the
/// articles arrive in, and an article that bridges two events merges them.
final class EventGrouper {
    let writer: ArchiveWriter
    /// Profiles and term weights of articles already compared, by article id: the same candidates
    /// come up again and again. What it holds never changes, so whether an article is still here
    /// changes no result. Bounded (the older half is dropped when full), so memory
    /// stays flat on any archive.
    private var cache: [Int64: (GroupingProfile, TermVector)] = [:]
    private static let cacheLimit = 20_000

    init(writer: ArchiveWriter) {
        self.writer = writer
    }
    /// How alike two articles must be to report one happening.
    var threshold = 0.38
    /// Days further apart than this are different happenings.
    var maximumDays = 3
    /// How many of an article's heaviest words are kept to find it again.
    static let indexedTerms = 10

    /// The term vector of an article's headline and lead, as grouping compares them.
    static func vector(title: String, body: String, using extractor: Extractor) -> TermVector {
        // The lead is counted in code points, as SQLite's substr counts them when a stored lead is read.
        ContentTerms.vector(title + "\n" + String(String.UnicodeScalarView(body.unicodeScalars.prefix(ArchiveWriter.leadLength))),
                            using: extractor)
    }

    /// The event a newly stored article joins, if it reports the same happening as stored ones
    /// (nil: it starts its own). When it reports the happening of several events, they are one
    /// and are merged first, into the oldest. `vector` is the article's term vector when the
    /// caller has it already.
    func eventToJoin(article: Int64, vector: TermVector? = nil) throws -> Int64? {
        guard let (profile, terms) = try profileAndTerms(article, vector: vector) else { return nil }
        let heaviest = Array(terms.heaviest.prefix(Self.indexedTerms))
        try writer.storeTerms(heaviest, article: article)
        let day = profile.occurredOn.flatMap { $0.count == 10 ? $0 : nil }
        var events: Set<Int64> = []
        for (candidate, eventID) in try writer.candidateArticles(for: article, terms: heaviest, day: day, days: maximumDays) {
            guard !events.contains(eventID), let (other, otherTerms) = try profileAndTerms(candidate) else { continue }
            if similarity(profile, terms, other, otherTerms) >= threshold { events.insert(eventID) }
        }
        guard let target = events.min() else { return nil }
        // Oldest first, not in a Set's order: the first to give a missing place or date gives it on every run.
        if events.count > 1 { try writer.mergeEvents(events.sorted(), into: target) }
        return target
    }

    /// Records the heaviest words of articles stored before they were kept (schema 1), so that
    /// later articles can find them.
    func indexOlderArticles() throws {
        for article in try writer.articlesWithoutTerms() {
            guard let (_, terms) = try profileAndTerms(article) else { continue }
            try writer.storeTerms(Array(terms.heaviest.prefix(Self.indexedTerms)), article: article)
        }
    }

    /// Drops what was read of articles from `firstID` on: their rows were rolled back, and the ids
    /// will be given to other articles.
    func forget(from firstID: Int64) {
        cache = cache.filter { $0.key < firstID }
        writer.forgetRememberedRows()
    }

    /// A stored article's profile and term weights, read once: they never change.
    private func profileAndTerms(_ article: Int64, vector: TermVector? = nil) throws -> (GroupingProfile, TermVector)? {
        if let cached = cache[article] { return cached }
        guard let profile = try writer.groupingProfile(article: article) else { return nil }
        if cache.count >= Self.cacheLimit {
            // Candidates are the newest articles under each word and person: keep the newer half.
            let median = cache.keys.sorted()[cache.count / 2]
            cache = cache.filter { $0.key >= median }
        }
        let terms = vector ?? ContentTerms.vector(profile.title + "\n" + profile.lead)
        // Headline and lead are in the vector now: the cache need not hold their text too.
        var compact = profile
        compact.title = ""
        compact.lead = ""
        cache[article] = (compact, terms.withoutHeaviest)
        return (compact, terms)
    }

    /// How alike two articles are: nothing when the days they give are further apart than
    /// `maximumDays`, else their headlines, leads, people and places.
    func similarity(_ a: GroupingProfile, _ aTerms: TermVector, _ b: GroupingProfile, _ bTerms: TermVector) -> Double {
        if let dayA = a.occurredOn, let dayB = b.occurredOn, dayA.count == 10, dayB.count == 10,
           let gap = Self.daysBetween(dayA, dayB), gap > maximumDays {
            return 0
        }
        let words = aTerms.cosine(bTerms)
        guard !a.people.isEmpty || !b.people.isEmpty else { return words }
        let people = Self.jaccard(a.people, b.people)
        let places = a.places.isEmpty || b.places.isEmpty ? 0 : Self.jaccard(a.places, b.places)
        return 0.80 * words + 0.15 * people + 0.05 * places
    }

    /// Shared members over all members, counted without building either set.
    private static func jaccard<T>(_ a: Set<T>, _ b: Set<T>) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.reduce(0) { large.contains($1) ? $0 + 1 : $0 }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    static func daysBetween(_ a: String, _ b: String) -> Int? {
        guard let x = CivilDate.parseISO(a), let y = CivilDate.parseISO(b) else { return nil }
        return abs(x.daysSinceEpoch - y.daysSinceEpoch)
    }
}
