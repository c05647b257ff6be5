/// The questions `archive show` asks about one event, person or article, by id: each answer is
/// one section of the page.
public struct DetailQueries: Sendable {
    public let dialect: SQLDialect

    public init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    // An event.

    public func event(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT e.id AS id, e.title AS title, e.occurred_on AS date, e.date_precision AS precision,
                e.date_source AS date_from, coalesce(e.place, pl.name) AS place, e.first_seen AS first_seen,
                e.last_seen AS last_seen
            FROM events AS e LEFT JOIN places AS pl ON pl.id = e.place_id WHERE e.id = ?
            """, values: [id])
    }

    public func eventParticipants(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT p.name AS name, 'person' AS kind, ep.role AS role FROM event_people AS ep
            JOIN people AS p ON p.id = ep.person_id WHERE ep.event_id = ?
            UNION ALL
            SELECT o.name, 'organization', eo.role FROM event_organizations AS eo
            JOIN organizations AS o ON o.id = eo.organization_id WHERE eo.event_id = ?
            ORDER BY role DESC, kind DESC, name
            """, values: [id, id])
    }

    public func eventArticles(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT a.id AS id, a.published_at AS published_at, a.outlet AS outlet, a.title AS title, a.path AS path,
                NULL AS copy_of
            FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id WHERE ae.event_id = ?
            UNION ALL
            SELECT NULL, c.published_at, c.outlet, c.title, c.path, c.article_id
            FROM article_events AS ae JOIN article_copies AS c ON c.article_id = ae.article_id WHERE ae.event_id = ?
            ORDER BY published_at NULLS FIRST, id NULLS FIRST
            """, values: [id, id])
    }

    /// For each article of the event, in id order: its id, title and the first `length` characters
    /// of its body; the sum of its links' similarities to the event's other articles and how many
    /// they are; how many manual corrections keep it together with another, and apart from one.
    public func eventLinks(_ id: Int64, length: Int) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT a.id, a.title, substr(a.body, 1, CAST(? AS INTEGER)),
                (SELECT coalesce(sum(l.similarity), 0.0) FROM article_links AS l JOIN article_events AS o
                    ON o.article_id = CASE WHEN l.article_id = a.id THEN l.other_id ELSE l.article_id END
                 WHERE (l.article_id = a.id OR l.other_id = a.id) AND o.event_id = ae.event_id),
                (SELECT count(*) FROM article_links AS l JOIN article_events AS o
                    ON o.article_id = CASE WHEN l.article_id = a.id THEN l.other_id ELSE l.article_id END
                 WHERE (l.article_id = a.id OR l.other_id = a.id) AND o.event_id = ae.event_id),
                (SELECT coalesce(sum(c.together), 0) FROM event_corrections AS c WHERE a.id IN (c.article_id, c.other_id)),
                (SELECT count(*) FROM event_corrections AS c WHERE a.id IN (c.article_id, c.other_id) AND c.together = 0)
            FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id WHERE ae.event_id = ? ORDER BY a.id
            """, values: [length, id])
    }

    public func eventQuotes(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT coalesce(p.name, q.speaker_as_written) AS speaker, q.text AS quote, q.article_id AS article_id
            FROM quotes AS q LEFT JOIN people AS p ON p.id = q.person_id
            WHERE q.id IN (SELECT qa.quote_id FROM quote_articles AS qa JOIN article_events AS ae
                ON ae.article_id = qa.article_id WHERE ae.event_id = ?)
            ORDER BY q.article_id, q.start_offset
            """, values: [id])
    }

    // A person.

    public func person(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT p.id AS id, p.name AS name,
                \(dialect.list("alias", from: """
                    SELECT DISTINCT alias FROM person_aliases WHERE person_id = p.id AND alias <> p.name
                    """, orderedBy: "alias", separator: dialect.character(30))) AS aliases,
                \(dialect.list("role", from: """
                    SELECT DISTINCT role FROM article_people WHERE person_id = p.id AND role IS NOT NULL
                    """, orderedBy: "role", separator: dialect.character(30))) AS roles,
                (SELECT count(*) FROM article_people WHERE person_id = p.id) AS articles
            FROM people AS p WHERE p.id = ?
            """, values: [id])
    }

    public func personEvents(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT e.occurred_on AS date, e.id AS event_id, e.title AS title, ep.role AS role
            FROM event_people AS ep JOIN events AS e ON e.id = ep.event_id
            WHERE ep.person_id = ? ORDER BY e.occurred_on NULLS FIRST, e.id
            """, values: [id])
    }

    public func personQuotes(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT a.published_at AS published_at, q.text AS quote, a.title AS article
            FROM quotes AS q JOIN source_articles AS a ON a.id = q.article_id
            WHERE q.person_id = ? ORDER BY a.published_at NULLS FIRST, q.article_id, q.start_offset
            """, values: [id])
    }

    /// The ten people most often named in the same articles.
    public func personCompany(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT p.name AS name, count(*) AS articles
            FROM article_people AS mine JOIN article_people AS other
                ON other.article_id = mine.article_id AND other.person_id <> mine.person_id
            JOIN people AS p ON p.id = other.person_id
            WHERE mine.person_id = ? GROUP BY p.id ORDER BY articles DESC, name LIMIT 10
            """, values: [id])
    }

    // An article.

    public func article(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT a.id AS id, a.title AS title, a.outlet AS outlet, a.author AS author, a.published_at AS published_at,
                a.url AS url, a.path AS path, (SELECT min(event_id) FROM article_events WHERE article_id = a.id) AS event_id
            FROM source_articles AS a WHERE a.id = ?
            """, values: [id])
    }

    /// Other outlets' copies of its text.
    public func articleCopies(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT outlet, published_at, title, url, path FROM article_copies WHERE article_id = ? ORDER BY published_at NULLS FIRST, id
            """, values: [id])
    }

    public func articleNames(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT 'person' AS kind, p.name AS name, ap.mention_count AS mentions, ap.role AS role
            FROM article_people AS ap JOIN people AS p ON p.id = ap.person_id WHERE ap.article_id = ?
            UNION ALL SELECT 'organization', o.name, ao.mention_count, NULL FROM article_organizations AS ao
            JOIN organizations AS o ON o.id = ao.organization_id WHERE ao.article_id = ?
            UNION ALL SELECT 'place', pl.name, apl.mention_count, NULL FROM article_places AS apl
            JOIN places AS pl ON pl.id = apl.place_id WHERE apl.article_id = ?
            ORDER BY kind DESC, mentions DESC, name
            """, values: [id, id, id])
    }

    public func articleQuotes(_ id: Int64) -> BuiltQuery {
        BuiltQuery(sql: """
            SELECT coalesce(p.name, q.speaker_as_written) AS speaker, q.cue AS cue, q.text AS quote
            FROM quote_articles AS qa JOIN quotes AS q ON q.id = qa.quote_id LEFT JOIN people AS p ON p.id = q.person_id
            WHERE qa.article_id = ? ORDER BY qa.start_offset
            """, values: [id])
    }
}
