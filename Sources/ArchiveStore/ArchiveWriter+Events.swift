/// The store's side of grouping articles into events: profiles, candidates, merges.
extension ArchiveWriter {
    /// How much of the body counts as the lead.
    public static let leadLength = 1000

    public func groupingProfile(article: Int64) throws -> GroupingProfile? {
        guard let row = try database.rows("""
            SELECT a.id, ae.event_id, e.occurred_on, a.title, substr(a.body, 1, ?)
            FROM source_articles AS a
            JOIN article_events AS ae ON ae.article_id = a.id
            JOIN events AS e ON e.id = ae.event_id
            WHERE a.id = ?
            """, [Self.leadLength, article]).first, let eventID = row.int(1) else { return nil }
        let people = try database.rows("""
            SELECT p.surname_key FROM article_people AS ap JOIN people AS p ON p.id = ap.person_id
            WHERE ap.article_id = ? AND (ap.first_offset IS NULL OR ap.first_offset < ?)
            """, [article, Self.leadLength]).compactMap { $0.string(0) }
        let places = try database.rows("""
            SELECT place_id FROM article_places WHERE article_id = ? AND (first_offset IS NULL OR first_offset < ?)
            """, [article, Self.leadLength]).compactMap { $0.int(0) }
        return GroupingProfile(articleID: article, eventID: eventID, occurredOn: row.string(2), title: row.string(3) ?? "",
                               lead: row.string(4) ?? "", people: Set(people), places: Set(places))
    }

    /// Stores the heaviest words of an article's headline and lead, which `candidateArticles` looks up.
    public func storeTerms(_ terms: [String], article: Int64) throws {
        for term in terms {
            try database.run("INSERT OR IGNORE INTO article_terms (term, article_id) VALUES (?, ?)", term, article)
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
    /// words; when the article has a day, only those whose event lies within `days` of it (or has
    /// no day). Each with its event.
    ///
    /// Each person and each term is looked up among its newest `perKey` articles only, so the
    /// cost per article stays the same however large the archive grows.
    public func candidateArticles(for article: Int64, terms: [String], day: String?, days: Int = 3, limit: Int = 40,
                                  perKey: Int = 50) throws -> [(article: Int64, event: Int64)] {
        let people = try database.rows("""
            SELECT person_id FROM article_people WHERE article_id = ? AND (first_offset IS NULL OR first_offset < ?)
            """, [article, Self.leadLength]).compactMap { $0.int(0) }
        var found = try recentArticles(sharing: people, table: "article_people", column: "person_id", with: article,
                                       day: day, days: days, limit: limit, perKey: perKey)
        found += try recentArticles(sharing: terms, table: "article_terms", column: "term", with: article,
                                    day: day, days: days, limit: limit, perKey: perKey)
        var seen: Set<Int64> = []
        return found.filter { seen.insert($0.article).inserted }
    }

    /// The articles that share the most `keys` with `article` in `table`, among each key's newest
    /// `perKey`, with their events, within the date window when `day` is given.
    private func recentArticles(sharing keys: [DatabaseValueConvertible], table: String, column: String, with article: Int64,
                                day: String?, days: Int, limit: Int, perKey: Int) throws -> [(article: Int64, event: Int64)] {
        guard !keys.isEmpty else { return [] }
        let lookups = keys.map { _ in
            "SELECT * FROM (SELECT article_id FROM \(table) WHERE \(column) = ? AND article_id <> ? ORDER BY article_id DESC LIMIT ?)"
        }
        let values: [DatabaseValueConvertible?] = keys.flatMap { [$0, article, perKey] as [DatabaseValueConvertible?] }
        // Without a day there is no window to check, and no need to look at the events' dates.
        let window = day == nil ? "" : """
            JOIN events AS e ON e.id = ae.event_id
            WHERE e.occurred_on IS NULL OR length(e.occurred_on) < 10
               OR e.occurred_on BETWEEN date(?, '-\(days) days') AND date(?, '+\(days) days')
            """
        return try database.rows("""
            SELECT t.article_id, ae.event_id FROM (\(lookups.joined(separator: " UNION ALL "))) AS t
            JOIN article_events AS ae ON ae.article_id = t.article_id
            \(window)
            GROUP BY t.article_id
            ORDER BY count(*) DESC, t.article_id DESC
            LIMIT ?
            """, values + (day == nil ? [] : [day, day]) + [limit]).compactMap { row in
            guard let id = row.int(0), let event = row.int(1) else { return nil }
            return (id, event)
        }
    }

    /// Moves every article, participant and organization of `others` into `target` and deletes
    /// them; the target keeps its title and place, and takes a date if it had none.
    public func mergeEvents(_ others: [Int64], into target: Int64) throws {
        for other in others where other != target {
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
