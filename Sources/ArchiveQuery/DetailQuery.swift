import ArchiveGrouping
import ArchiveStore

/// `archive show`: everything the archive holds about one event, person or article, as a few
/// titled tables.
public struct DetailQuery {
    public enum Subject: String, Sendable, CaseIterable {
        case event, person, article
    }

    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
    }

    public func sections(_ subject: Subject, _ key: String) throws -> [(String, ResultTable)] {
        switch subject {
        case .event: return try event(try id(key, what: "event"))
        case .article: return try article(try id(key, what: "article"))
        case .person: return try person(try personID(key))
        }
    }

    private func id(_ key: String, what: String) throws -> Int64 {
        guard let id = Int64(key) else { throw NotFound(description: "\(what) ids are numbers; \"\(key)\" is not one") }
        return id
    }

    private func table(_ sql: String, _ values: [DatabaseValueConvertible?]) throws -> ResultTable {
        try QueryRunner(database: database).run(BuiltQuery(sql: sql, parameters: values.map { $0?.databaseValue ?? .null }))
    }

    private func event(_ id: Int64) throws -> [(String, ResultTable)] {
        let summary = try table("""
            SELECT e.id AS id, e.title AS title, e.occurred_on AS date, e.date_precision AS precision,
                e.date_source AS date_from, coalesce(e.place, pl.name) AS place, e.first_seen AS first_seen,
                e.last_seen AS last_seen
            FROM events AS e LEFT JOIN places AS pl ON pl.id = e.place_id WHERE e.id = ?
            """, [id])
        guard !summary.rows.isEmpty else { throw NotFound(description: "no event \(id) in \(database.path)") }
        return [
            ("Event", summary),
            ("Taking part", try table("""
                SELECT p.name AS name, 'person' AS kind, ep.role AS role FROM event_people AS ep
                JOIN people AS p ON p.id = ep.person_id WHERE ep.event_id = ?
                UNION ALL
                SELECT o.name, 'organization', eo.role FROM event_organizations AS eo
                JOIN organizations AS o ON o.id = eo.organization_id WHERE eo.event_id = ?
                ORDER BY role DESC, kind DESC, name
                """, [id, id])),
            ("Articles", try table("""
                SELECT a.id AS id, a.published_at AS published_at, a.outlet AS outlet, a.title AS title, a.path AS path,
                    NULL AS copy_of
                FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id WHERE ae.event_id = ?
                UNION ALL
                SELECT NULL, c.published_at, c.outlet, c.title, c.path, c.article_id
                FROM article_events AS ae JOIN article_copies AS c ON c.article_id = ae.article_id WHERE ae.event_id = ?
                ORDER BY published_at NULLS FIRST, id NULLS FIRST
                """, [id, id])),
            ("Why these articles are one event", try explanation(of: id)),
            ("Quotes", try table("""
                SELECT coalesce(p.name, q.speaker_as_written) AS speaker, q.text AS quote, q.article_id AS article_id
                FROM quotes AS q LEFT JOIN people AS p ON p.id = q.person_id
                WHERE q.id IN (SELECT qa.quote_id FROM quote_articles AS qa JOIN article_events AS ae
                    ON ae.article_id = qa.article_id WHERE ae.event_id = ?)
                ORDER BY q.article_id, q.start_offset
                """, [id])),
        ]
    }

    /// For each article of the event: its average similarity to the others (an unlinked pair counts
    /// 0, as when the event was formed), how many of them it is linked to, and the words it shares.
    private func explanation(of event: Int64) throws -> ResultTable {
        let rows = try database.rows("""
            SELECT a.id, a.title, substr(a.body, 1, CAST(? AS INTEGER)),
                (SELECT coalesce(sum(l.similarity), 0.0) FROM article_links AS l JOIN article_events AS o ON o.article_id = l.other_id
                 WHERE l.article_id = a.id AND o.event_id = ae.event_id),
                (SELECT count(*) FROM article_links AS l JOIN article_events AS o ON o.article_id = l.other_id
                 WHERE l.article_id = a.id AND o.event_id = ae.event_id),
                (SELECT coalesce(sum(c.together), 0) FROM event_corrections AS c WHERE a.id IN (c.article_id, c.other_id)),
                (SELECT count(*) FROM event_corrections AS c WHERE a.id IN (c.article_id, c.other_id) AND c.together = 0)
            FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id WHERE ae.event_id = ? ORDER BY a.id
            """, [ReportSignature.leadLength, event])
        let articles = rows.compactMap { row in
            row.int(0).map { EventExplanation.Article(id: $0, title: row.string(1) ?? "", body: row.string(2) ?? "") }
        }
        let shared = EventExplanation.sharedWords(articles)
        let others = Double(max(rows.count - 1, 1))
        return ResultTable(columns: ["article_id", "similarity", "linked_to", "shared_words", "by_hand"], rows: rows.compactMap { row in
            guard let id = row.int(0) else { return nil }
            let similarity = rows.count > 1 ? ((row.double(3) ?? 0) / others * 1000).rounded() / 1000 : nil
            // Manual corrections (`archive merge event`, `unmerge event`) override the similarities.
            var byHand: [String] = []
            if (row.double(5) ?? 0) > 0 { byHand.append("merged") }
            if let apart = row.int(6), apart > 0 { byHand.append("kept apart from \(apart)") }
            return [.integer(id), similarity.map { .real($0) } ?? .null, .integer(row.int(4) ?? 0), .list(shared[id] ?? []),
                    byHand.isEmpty ? .null : .text(byHand.joined(separator: "; "))]
        })
    }

    /// The person a name denotes, as `archive merge` finds them: the same look-up, one place.
    private func personID(_ name: String) throws -> Int64 {
        try EntityCorrections(database: database).id(.person, named: name)
    }

    private func person(_ id: Int64) throws -> [(String, ResultTable)] {
        let dialect = database.dialect
        return [
            ("Person", try table("""
                SELECT p.id AS id, p.name AS name,
                    \(dialect.list("alias", from: """
                        SELECT DISTINCT alias FROM person_aliases WHERE person_id = p.id AND alias <> p.name
                        """, orderedBy: "alias", separator: dialect.character(30))) AS aliases,
                    \(dialect.list("role", from: """
                        SELECT DISTINCT role FROM article_people WHERE person_id = p.id AND role IS NOT NULL
                        """, orderedBy: "role", separator: dialect.character(30))) AS roles,
                    (SELECT count(*) FROM article_people WHERE person_id = p.id) AS articles
                FROM people AS p WHERE p.id = ?
                """, [id])),
            ("Events", try table("""
                SELECT e.occurred_on AS date, e.id AS event_id, e.title AS title, ep.role AS role
                FROM event_people AS ep JOIN events AS e ON e.id = ep.event_id
                WHERE ep.person_id = ? ORDER BY e.occurred_on NULLS FIRST, e.id
                """, [id])),
            ("Quotes", try table("""
                SELECT a.published_at AS published_at, q.text AS quote, a.title AS article
                FROM quotes AS q JOIN source_articles AS a ON a.id = q.article_id
                WHERE q.person_id = ? ORDER BY a.published_at NULLS FIRST, q.article_id, q.start_offset
                """, [id])),
            ("Most often named with", try table("""
                SELECT p.name AS name, count(*) AS articles
                FROM article_people AS mine JOIN article_people AS other
                    ON other.article_id = mine.article_id AND other.person_id <> mine.person_id
                JOIN people AS p ON p.id = other.person_id
                WHERE mine.person_id = ? GROUP BY p.id ORDER BY articles DESC, name LIMIT 10
                """, [id])),
        ]
    }

    private func article(_ id: Int64) throws -> [(String, ResultTable)] {
        let summary = try table("""
            SELECT a.id AS id, a.title AS title, a.outlet AS outlet, a.author AS author, a.published_at AS published_at,
                a.url AS url, a.path AS path, (SELECT min(event_id) FROM article_events WHERE article_id = a.id) AS event_id
            FROM source_articles AS a WHERE a.id = ?
            """, [id])
        guard !summary.rows.isEmpty else { throw NotFound(description: "no article \(id) in \(database.path)") }
        return [
            ("Article", summary),
            ("Also run by", try table("""
                SELECT outlet, published_at, title, url, path FROM article_copies WHERE article_id = ? ORDER BY published_at NULLS FIRST, id
                """, [id])),
            ("Named", try table("""
                SELECT 'person' AS kind, p.name AS name, ap.mention_count AS mentions, ap.role AS role
                FROM article_people AS ap JOIN people AS p ON p.id = ap.person_id WHERE ap.article_id = ?
                UNION ALL SELECT 'organization', o.name, ao.mention_count, NULL FROM article_organizations AS ao
                JOIN organizations AS o ON o.id = ao.organization_id WHERE ao.article_id = ?
                UNION ALL SELECT 'place', pl.name, apl.mention_count, NULL FROM article_places AS apl
                JOIN places AS pl ON pl.id = apl.place_id WHERE apl.article_id = ?
                ORDER BY kind DESC, mentions DESC, name
                """, [id, id, id])),
            ("Quotes", try table("""
                SELECT coalesce(p.name, q.speaker_as_written) AS speaker, q.cue AS cue, q.text AS quote
                FROM quote_articles AS qa JOIN quotes AS q ON q.id = qa.quote_id LEFT JOIN people AS p ON p.id = q.person_id
                WHERE qa.article_id = ? ORDER BY qa.start_offset
                """, [id])),
        ]
    }
}
