/// The store's side of grouping articles into events: profiles, candidates, merges.
extension ArchiveWriter {
    /// How much of the body counts as the lead.
    public static let leadLength = 1000

    public func groupingProfile(article: Int64) throws -> GroupingProfile? {
        guard let row = try database.rows("""
            SELECT a.id, d.occurred_on, a.title, substr(a.body, 1, ?)
            FROM source_articles AS a LEFT JOIN article_days AS d ON d.article_id = a.id
            WHERE a.id = ?
            """, [Self.leadLength, article]).first else { return nil }
        let people = try database.rows("""
            SELECT p.surname_key FROM article_people AS ap JOIN people AS p ON p.id = ap.person_id
            WHERE ap.article_id = ? AND (ap.first_offset IS NULL OR ap.first_offset < ?)
            """, [article, Self.leadLength]).compactMap { $0.string(0) }
        let places = try database.rows("""
            SELECT place_id FROM article_places WHERE article_id = ? AND (first_offset IS NULL OR first_offset < ?)
            """, [article, Self.leadLength]).compactMap { $0.int(0) }
        return GroupingProfile(articleID: article, occurredOn: row.string(1), title: row.string(2) ?? "",
                               lead: row.string(3) ?? "", people: Set(people), places: Set(places))
    }

    /// Stores the heaviest words of an article's headline and lead, which `candidateArticles` looks up.
    public func storeTerms(_ terms: [String], article: Int64) throws {
        for term in terms {
            try database.run("INSERT OR IGNORE INTO article_terms (term, article_id) VALUES (?, ?)", term, article)
            remembered.recentByTerm.add(article, to: term)
        }
    }

    /// Stored articles whose heaviest words were never recorded (archives written by schema 1).
    public func articlesWithoutTerms() throws -> [Int64] {
        try database.rows("""
            SELECT id FROM source_articles AS a WHERE NOT EXISTS (SELECT 1 FROM article_terms WHERE article_id = a.id) ORDER BY id
            """).compactMap { $0.int(0) }
    }

    /// Articles that may report the same happening: those sharing the most of the people this
    /// article names early on, and those sharing the most of `terms` among their own heaviest
    /// words; when the article has a day, only those whose event lies within `days` of it (or is
    /// dated to the month or year only, or not at all). Each with its event.
    ///
    /// Each person and each term is looked up among its newest `candidatesPerKey` articles only,
    /// so the cost per article stays the same however large the archive grows.
    public func candidateArticles(for article: Int64, terms: [String], day: String?, days: Int = 3,
                                  limit: Int = 40) throws -> [(article: Int64, event: Int64)] {
        try forgetRememberedRowsIfOthersWrote()
        let people = try database.rows("""
            SELECT person_id FROM article_people WHERE article_id = ? AND (first_offset IS NULL OR first_offset < ?)
            """, [article, Self.leadLength]).compactMap { $0.int(0) }
        // A day SQLite cannot read gives an empty window: only events without a day fit it.
        let window = try day.map { day -> (low: String, high: String) in
            let row = try database.rows("SELECT date(?, '-\(days) days'), date(?, '+\(days) days')", [day, day]).first
            return (row?.string(0) ?? "", row?.string(1) ?? "")
        }
        var found = try recentArticles(sharing: people.map { try remembered.recentByPerson.articles(for: $0, load: loadPersonArticles) },
                                       with: article, window: window, limit: limit)
        found += try recentArticles(sharing: terms.map { try remembered.recentByTerm.articles(for: $0, load: loadTermArticles) },
                                    with: article, window: window, limit: limit)
        var seen: Set<Int64> = []
        return found.filter { seen.insert($0.article).inserted }
    }

    /// How many of each key's newest articles `candidateArticles` looks at.
    static let candidatesPerKey = 50

    /// The articles that appear in the most of `lists` (ties: the newest first), leaving out
    /// `article` itself and those whose event's date lies outside `window`, with their events.
    private func recentArticles(sharing lists: [[Int64]], with article: Int64, window: (low: String, high: String)?,
                                limit: Int) throws -> [(article: Int64, event: Int64)] {
        var shared: [Int64: Int] = [:]
        for list in lists {
            for other in list.suffix(Self.candidatesPerKey + (list.last == article ? 1 : 0)) where other != article {
                shared[other, default: 0] += 1
            }
        }
        var found: [(article: Int64, event: Int64)] = []
        for (other, _) in shared.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }) {
            guard found.count < limit else { break }
            guard let (event, day) = try remembered.events.event(of: other, load: loadEvent) else { continue }
            // An event dated to the month or year only is not ruled out by a window of days.
            if let window, let day, day.unicodeScalars.count >= 10, !(window.low...window.high).contains(day) { continue }
            found.append((other, event))
        }
        return found
    }

    private func loadEvent(of article: Int64) throws -> (event: Int64, day: String?)? {
        guard let row = try database.rows("""
            SELECT ae.event_id, e.occurred_on FROM article_events AS ae JOIN events AS e ON e.id = ae.event_id
            WHERE ae.article_id = ?
            """, [article]).first, let event = row.int(0) else { return nil }
        return (event, row.string(1))
    }

    private func loadPersonArticles(_ person: Int64, _ count: Int) throws -> [Int64] {
        try database.rows("SELECT article_id FROM article_people WHERE person_id = ? ORDER BY article_id DESC LIMIT ?",
                          [person, count]).compactMap { $0.int(0) }
    }

    private func loadTermArticles(_ term: String, _ count: Int) throws -> [Int64] {
        try database.rows("SELECT article_id FROM article_terms WHERE term = ? ORDER BY article_id DESC LIMIT ?",
                          [term, count]).compactMap { $0.int(0) }
    }

    /// Drops every row the writer remembers. Call it after rolling back a transaction or
    /// savepoint it wrote in: the rows are gone, and their ids will be given again.
    public func forgetRememberedRows() {
        remembered.forget()
    }

    /// Another connection that wrote to the file (a second ingest between two of this one's
    /// batches, `archive merge`) may have changed what is remembered.
    func forgetRememberedRowsIfOthersWrote() throws {
        let version = try database.integer("PRAGMA data_version")
        if version != remembered.dataVersion {
            remembered.forget()
            remembered.dataVersion = version
        }
    }

    /// Moves every article, participant and organization of `others` into `target` and deletes
    /// them; the target keeps its title and place, and takes a date if it had none.
    public func mergeEvents(_ others: [Int64], into target: Int64) throws {
        for other in others where other != target {
            let articles = try database.rows("SELECT article_id FROM article_events WHERE event_id = ?", [other]).compactMap { $0.int(0) }
            remembered.events.merged([other], articles: articles, into: target)
            try database.run("INSERT OR IGNORE INTO article_events (article_id, event_id) SELECT article_id, ? FROM article_events WHERE event_id = ?", target, other)
            try database.run("""
                INSERT INTO event_people (event_id, person_id, role) SELECT ?, person_id, role FROM event_people WHERE event_id = ?
                ON CONFLICT (event_id, person_id) DO UPDATE SET
                    role = CASE WHEN excluded.role = 'participant' THEN 'participant' ELSE role END
                """, target, other)
            try database.run("""
                INSERT INTO event_organizations (event_id, organization_id, role)
                SELECT ?, organization_id, role FROM event_organizations WHERE event_id = ?
                ON CONFLICT (event_id, organization_id) DO UPDATE SET
                    role = CASE WHEN excluded.role = 'participant' THEN 'participant' ELSE role END
                """, target, other)
            try database.run("""
                UPDATE events SET
                    occurred_on = coalesce(occurred_on, (SELECT occurred_on FROM events WHERE id = ?)),
                    date_precision = coalesce(date_precision, (SELECT date_precision FROM events WHERE id = ?)),
                    date_source = coalesce(date_source, (SELECT date_source FROM events WHERE id = ?)),
                    place_id = coalesce(place_id, (SELECT place_id FROM events WHERE id = ?)),
                    place = coalesce(place, (SELECT place FROM events WHERE id = ?)),
                    first_seen = min(first_seen, (SELECT first_seen FROM events WHERE id = ?)),
                    last_seen = max(last_seen, (SELECT last_seen FROM events WHERE id = ?))
                WHERE id = ?
                """, other, other, other, other, other, other, other, target)
            try database.run("DELETE FROM events WHERE id = ?", other)
        }
    }
}
