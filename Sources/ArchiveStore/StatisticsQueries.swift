/// The questions `archive stats` asks: what the archive holds, each answered as a small table.
public enum StatisticsQueries {
    public static let sections: [(title: String, query: BuiltQuery)] = [
        ("Counts", BuiltQuery(sql: """
            SELECT 'articles' AS "table", count(*) AS "rows" FROM source_articles
            UNION ALL SELECT 'events', count(*) FROM events
            UNION ALL SELECT 'people', count(*) FROM people
            UNION ALL SELECT 'organizations', count(*) FROM organizations
            UNION ALL SELECT 'places', count(*) FROM places
            UNION ALL SELECT 'quotes', count(*) FROM quotes
            """)),
        ("Dates", BuiltQuery(sql: """
            SELECT 'events' AS "of", min(occurred_on) AS earliest, max(occurred_on) AS latest FROM events
            UNION ALL SELECT 'articles published', min(published_at), max(published_at) FROM source_articles
            """)),
        ("Most mentioned people", BuiltQuery(sql: """
            SELECT p.name AS name, count(*) AS articles, sum(ap.mention_count) AS mentions
            FROM article_people AS ap JOIN people AS p ON p.id = ap.person_id
            GROUP BY p.id ORDER BY mentions DESC, name LIMIT 10
            """)),
        ("Most mentioned organizations", BuiltQuery(sql: """
            SELECT o.name AS name, count(*) AS articles, sum(ao.mention_count) AS mentions
            FROM article_organizations AS ao JOIN organizations AS o ON o.id = ao.organization_id
            GROUP BY o.id ORDER BY mentions DESC, name LIMIT 10
            """)),
        ("Outlets", BuiltQuery(sql: """
            SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS articles
            FROM source_articles GROUP BY outlet ORDER BY articles DESC, outlet NULLS FIRST LIMIT 10
            """)),
    ]
}
