import ArchiveValues

/// The rows event grouping reads and writes: the words each article is filed under, the links
/// between alike articles, each article's report, and the events themselves. It answers and
/// persists; what the rows should say is decided by the caller (ArchiveGrouping).
public final class GroupingStore {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The reports of these articles (those that have one), in the order asked.
    public func reports(of articles: [Int64]) throws -> [ArticleReport] {
        var found: [Int64: ArticleReport] = [:]
        guard !articles.isEmpty else { return [] }
        let listed = database.isIn("r.article_id", articles)
        for row in try database.rows("""
            SELECT r.article_id, a.content_hash, r.title, r.occurred_on, r.date_precision, r.date_source, r.place_id, r.place,
                   r.summary, a.ingested_at
            FROM article_reports AS r JOIN source_articles AS a ON a.id = r.article_id WHERE \(listed.sql)
            """, listed.values) {
            guard let id = row.int(0) else { continue }
            found[id] = ArticleReport(articleID: id, contentHash: row.string(1) ?? "", title: row.string(2) ?? "",
                                      occurredOn: row.string(3), datePrecision: row.string(4), dateSource: row.string(5),
                                      placeID: row.int(6), place: row.string(7), summary: row.string(8), ingestedAt: row.string(9) ?? "")
        }
        return articles.compactMap { found[$0] }
    }

    /// An article's headline, the first `length` characters of its body, the date its report
    /// gives and its content hash, if it has a report.
    public func text(of article: Int64, length: Int) throws -> (title: String, body: String, occurredOn: String?, contentHash: String)? {
        try texts(of: [article], length: length)[article]
    }

    /// The same for several articles at once (those that have a report), by article.
    public func texts(of articles: [Int64], length: Int) throws -> [Int64: (title: String, body: String, occurredOn: String?, contentHash: String)] {
        var found: [Int64: (title: String, body: String, occurredOn: String?, contentHash: String)] = [:]
        guard !articles.isEmpty else { return found }
        let listed = database.isIn("a.id", articles)
        for row in try database.rows("""
            SELECT a.id, a.title, substr(a.body, 1, CAST(? AS INTEGER)), r.occurred_on, a.content_hash FROM source_articles AS a
            JOIN article_reports AS r ON r.article_id = a.id WHERE \(listed.sql)
            """, [length] + listed.values) {
            guard let id = row.int(0) else { continue }
            found[id] = (row.string(1) ?? "", row.string(2) ?? "", row.string(3), row.string(4) ?? "")
        }
        return found
    }

    /// Every article with a report, in id order.
    public func reportedArticles() throws -> [Int64] {
        try database.rows("SELECT article_id FROM article_reports ORDER BY article_id").compactMap { $0.int(0) }
    }

    /// Whether articles stored before `firstNew` have reports but none is filed under its words:
    /// an archive written before grouping kept them (or after `forgetLinks`), whose events must be
    /// formed anew. (Articles from `firstNew` on are about to be filed: a new archive's first
    /// articles are not a reason to read them all back.)
    public func needsRegrouping(before firstNew: Int64 = .max) throws -> Bool {
        try database.integer("""
            SELECT EXISTS (SELECT 1 FROM article_reports WHERE article_id < ?) AND NOT EXISTS (SELECT 1 FROM article_terms)
            """, firstNew) == 1
    }

    /// Files an article under its heaviest words and its day ('' for none).
    public func file(_ article: Int64, under terms: [String], day: String) throws {
        let year = String(day.prefix(4))
        try database.insert(into: "article_terms", ["year", "term", "day", "article_id"],
                            rows: Set(terms).sorted().map { [year, $0, day, article] }, ending: "ON CONFLICT DO NOTHING")
    }

    /// Every article filed under one of `terms`: those of a day in `days` and those without a day,
    /// or of any day when `days` is nil.
    public func articles(filedUnder terms: [String], days: ClosedRange<String>?) throws -> Set<Int64> {
        try articles(filedUnder: [(key: 0, terms: terms, days: days)])[0] ?? []
    }

    /// `articles(filedUnder:days:)` for many articles in one question (one wait on a server):
    /// by each request's key, the filed articles that share one of its words within its days.
    public func articles(filedUnder requests: [(key: Int64, terms: [String], days: ClosedRange<String>?)]) throws -> [Int64: Set<Int64>] {
        var found: [Int64: Set<Int64>] = [:]
        // Per word, a range of the key in each year of the window and one among the undated;
        // with no window (year null), one in every year filed under.
        var rows: [[DatabaseValueConvertible?]] = []
        var anyUndated = false
        for request in requests {
            found[request.key] = []
            let years = request.days.map { Self.years($0) + [""] }
            for term in Set(request.terms).sorted() {
                guard let days = request.days, let years else {
                    rows.append([request.key, term, nil, nil, nil])
                    anyUndated = true
                    continue
                }
                for year in years {
                    rows.append(year.isEmpty ? [request.key, term, year, "", ""] : [request.key, term, year, days.lowerBound, days.upperBound])
                }
            }
        }
        guard !rows.isEmpty else { return found }
        let columns = [("k", "bigint"), ("term", "text"), ("year", "text"), ("lo", "text"), ("hi", "text")]
        let windows = database.dialect.jsonRows(columns, as: "w")
        let json = Database.jsonRows(columns.map(\.0), rows)
        var sql = """
            SELECT w.k, t.article_id FROM \(windows) CROSS JOIN article_terms AS t
            WHERE w.year IS NOT NULL AND t.year = w.year AND t.term = w.term AND t.day BETWEEN w.lo AND w.hi
            """
        if anyUndated {
            // The years filed under, one step of the key each.
            sql = """
                WITH RECURSIVE years (y) AS (
                    SELECT min(year) FROM article_terms
                    UNION ALL SELECT (SELECT min(year) FROM article_terms WHERE year > years.y) FROM years WHERE years.y IS NOT NULL)
                \(sql)
                UNION ALL
                SELECT w.k, t.article_id FROM \(windows) CROSS JOIN years CROSS JOIN article_terms AS t
                WHERE w.year IS NULL AND years.y IS NOT NULL AND t.year = years.y AND t.term = w.term
                """
        }
        for row in try database.rows(sql, anyUndated ? [json, json] : [json]) {
            if let key = row.int(0), let article = row.int(1) { found[key, default: []].insert(article) }
        }
        return found
    }

    /// The years a range of ISO days spans, written as `file` writes a day's ('2025': the day's
    /// first four characters); none when either end is no ISO day.
    static func years(_ days: ClosedRange<String>) -> [String] {
        guard let first = Int(days.lowerBound.prefix(4)), let last = Int(days.upperBound.prefix(4)), first <= last else { return [] }
        return (first...min(last, first + 100)).compactMap { year in
            CivilDate(year: year, month: 1, day: 1).map { String($0.iso.prefix(4)) }
        }
    }

    /// Records that two articles are alike (one row a pair, the lower id first).
    public func link(_ links: [(article: Int64, other: Int64, similarity: Double)]) throws {
        var pairs: [Pair: Double] = [:]
        for link in links { pairs[Pair(link.article, link.other)] = link.similarity }
        // One row a pair in one statement: a server refuses to update a row twice in one.
        try database.insert(into: "article_links", ["article_id", "other_id", "similarity"],
                            rows: pairs.sorted { $0.key < $1.key }.map { [$0.key.low, $0.key.high, $0.value] },
                            ending: "ON CONFLICT (article_id, other_id) DO UPDATE SET similarity = excluded.similarity")
    }

    /// Drops the link between two articles.
    public func unlink(_ article: Int64, _ other: Int64) throws {
        let pair = Pair(article, other)
        try database.run("DELETE FROM article_links WHERE article_id = ? AND other_id = ?", pair.low, pair.high)
    }

    /// Two articles' ids as `article_links` keeps them: the lower first.
    struct Pair: Hashable, Comparable {
        let low: Int64
        let high: Int64

        init(_ a: Int64, _ b: Int64) { (low, high) = a < b ? (a, b) : (b, a) }

        static func < (a: Pair, b: Pair) -> Bool { (a.low, a.high) < (b.low, b.high) }
    }

    /// The SHA-256 of an article's text.
    public func contentHash(of article: Int64) throws -> String? {
        try database.scalar("SELECT content_hash FROM source_articles WHERE id = ?", article).flatMap {
            if case .text(let hash) = $0 { return hash } else { return nil }
        }
    }

    /// The content hashes of those of these articles that are stored.
    public func contentHashes(of articles: [Int64]) throws -> [Int64: String] {
        var hashes: [Int64: String] = [:]
        guard !articles.isEmpty else { return hashes }
        let listed = database.isIn("id", articles)
        for row in try database.rows("SELECT id, content_hash FROM source_articles WHERE \(listed.sql)", listed.values) {
            if let id = row.int(0), let hash = row.string(1) { hashes[id] = hash }
        }
        return hashes
    }

    /// The articles linked to one, with their similarity.
    public func links(of article: Int64) throws -> [(other: Int64, similarity: Double)] {
        try links(of: [article])[article] ?? []
    }

    /// The links of several articles at once, by article (one with none maps to []), each list in
    /// the other articles' order.
    public func links(of articles: [Int64]) throws -> [Int64: [(other: Int64, similarity: Double)]] {
        var found: [Int64: [(other: Int64, similarity: Double)]] = [:]
        guard !articles.isEmpty else { return found }
        for article in articles { found[article] = [] }
        let lower = database.isIn("article_id", articles), higher = database.isIn("other_id", articles)
        for row in try database.rows("""
            SELECT article_id, other_id, similarity FROM article_links WHERE \(lower.sql)
            UNION ALL SELECT other_id, article_id, similarity FROM article_links WHERE \(higher.sql) ORDER BY 1, 2
            """, lower.values + higher.values) {
            guard let article = row.int(0), let other = row.int(1), let similarity = row.double(2) else { continue }
            found[article]?.append((other, similarity))
        }
        return found
    }

    /// Whether any manual event correction is kept.
    public func hasCorrections() throws -> Bool {
        try database.integer("SELECT EXISTS (SELECT 1 FROM event_corrections)") == 1
    }

    /// The manual corrections that name an article: each other article it must be (together) or
    /// must never be (apart) in one event with.
    public func corrections(of article: Int64) throws -> [(other: Int64, together: Bool)] {
        try database.rows("""
            SELECT other_id, together FROM event_corrections WHERE article_id = ?1
            UNION ALL SELECT article_id, together FROM event_corrections WHERE other_id = ?1
            """, [article]).compactMap { row in
            guard let other = row.int(0), let together = row.int(1) else { return nil }
            return (other, together == 1)
        }
    }

    /// Keeps a correction between two articles, replacing any earlier one between them.
    public func correct(_ article: Int64, _ other: Int64, together: Bool, at time: String) throws {
        try database.run("""
            INSERT INTO event_corrections (article_id, other_id, together, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (article_id, other_id) DO UPDATE SET together = excluded.together, created_at = excluded.created_at
            """, min(article, other), max(article, other), together ? 1 : 0, time)
    }

    /// Drops the correction between two articles, if there is one.
    public func dropCorrection(_ article: Int64, _ other: Int64) throws {
        try database.run("DELETE FROM event_corrections WHERE article_id = ? AND other_id = ?", min(article, other), max(article, other))
    }

    /// The articles of an event, in id order.
    public func articles(of event: Int64) throws -> [Int64] {
        try database.rows("SELECT article_id FROM article_events WHERE event_id = ? ORDER BY article_id", [event]).compactMap { $0.int(0) }
    }

    /// Drops every filed word and link, for `archive regroup` to find them all again.
    public func forgetLinks() throws {
        try database.run("DELETE FROM article_terms")
        try database.run("DELETE FROM article_links")
    }

    /// The event each of these articles belongs to, if any.
    public func events(of articles: [Int64]) throws -> [Int64: Int64] {
        var events: [Int64: Int64] = [:]
        guard !articles.isEmpty else { return events }
        let listed = database.isIn("article_id", articles)
        for row in try database.rows("SELECT article_id, event_id FROM article_events WHERE \(listed.sql)", listed.values) {
            if let article = row.int(0), let event = row.int(1) { events[article] = event }
        }
        return events
    }

    /// Writes an event: its row (new when `event.id` is nil) and which articles it has. With
    /// `articlesChanged` false (the caller knows it has the articles it had), only the row. Who
    /// takes part is written by `saveParticipants`, once every event's articles are in place.
    /// `eventsBefore`: the events its articles were in, when the caller knows (an article in
    /// none needs no deletion). Returns its id.
    @discardableResult
    public func save(_ event: EventRow, articlesChanged: Bool = true, eventsBefore: [Int64: Int64]? = nil) throws -> Int64 {
        let id: Int64
        if let existing = event.id {
            id = existing
            // Only when something changes: rewriting a row and its index entries with the same values costs as much.
            try database.runAfterInserts("""
                UPDATE events SET title = ?1, occurred_on = ?2, date_precision = ?3, date_source = ?4, place_id = ?5, place = ?6,
                    summary = ?7, first_seen = ?8, last_seen = ?9
                WHERE id = ?10 AND (title, occurred_on, date_precision, date_source, place_id, place, summary, first_seen, last_seen)
                    IS DISTINCT FROM (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """, event.title, event.occurredOn, event.datePrecision, event.dateSource, event.placeID, event.place,
                event.summary, event.firstSeen, event.lastSeen, id)
        } else {
            id = try database.insertNew(
                into: "events", ["title", "occurred_on", "date_precision", "date_source", "place_id", "place", "summary", "first_seen", "last_seen"],
                event.title, event.occurredOn, event.datePrecision, event.dateSource, event.placeID, event.place,
                event.summary, event.firstSeen, event.lastSeen)
        }
        guard articlesChanged || event.id == nil else { return id }
        let members = Set(event.articles)
        // A new event has no articles yet.
        let stored = event.id == nil ? [] : Set(try database.rows("SELECT article_id FROM article_events WHERE event_id = ?", [id]).compactMap { $0.int(0) })
        let joining = members.subtracting(stored).sorted()
        // Those leaving, and those joining from another event.
        let moving = stored.subtracting(members).sorted() + joining.filter { article in eventsBefore.map { $0[article] != nil } ?? true }
        if !moving.isEmpty {
            let listed = database.isIn("article_id", moving)
            try database.run("DELETE FROM article_events WHERE \(listed.sql)", values: listed.values)
        }
        try database.insert(into: "article_events", ["article_id", "event_id"], rows: joining.map { [$0, id] })
        return id
    }

    /// Writes events' people and organizations anew: every one its articles name, taking part
    /// when any of them says so.
    public func saveParticipants(of events: [Int64]) throws {
        guard !events.isEmpty else { return }
        // Two statements per table for all the events: on a server each statement is a turn.
        let listed = database.isIn("event_id", events)
        let listedLinks = database.isIn("ae.event_id", events)
        for (table, links, column) in [("event_people", "article_people", "person_id"),
                                       ("event_organizations", "article_organizations", "organization_id")] {
            try database.run("DELETE FROM \(table) WHERE \(listed.sql)", values: listed.values)
            try database.run("""
                INSERT INTO \(table) (event_id, \(column), role)
                SELECT ae.event_id, l.\(column), CASE WHEN max(l.takes_part) = 1 THEN 'participant' ELSE 'mentioned' END
                FROM article_events AS ae JOIN \(links) AS l ON l.article_id = ae.article_id
                WHERE \(listedLinks.sql) GROUP BY ae.event_id, l.\(column)
                """, values: listedLinks.values)
        }
    }

    /// How many events there are.
    public func eventCount() throws -> Int {
        Int(try database.integer("SELECT count(*) FROM events") ?? 0)
    }

    /// How many articles each of these events has; an event with none is left out.
    public func articleCounts(of events: [Int64]) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        guard !events.isEmpty else { return counts }
        let listed = database.isIn("event_id", events)
        for row in try database.rows("SELECT event_id, count(*) FROM article_events WHERE \(listed.sql) GROUP BY event_id", listed.values) {
            if let event = row.int(0), let count = row.int(1) { counts[event] = Int(count) }
        }
        return counts
    }

    /// Deletes events (their links to articles, people and organizations go with them).
    public func deleteEvent(_ id: Int64) throws {
        try database.run("DELETE FROM events WHERE id = ?", id)
    }
}
