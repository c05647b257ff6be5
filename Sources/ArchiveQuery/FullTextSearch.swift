import ArchiveStore

/// `archive search`: articles and quotes ranked together by bm25, with a snippet around the match.
public struct FullTextSearch: Sendable {
    public var text: String
    public var raw: Bool
    public var limit: Int
    /// Marks matches with terminal bold; otherwise with [brackets].
    public var highlight: Bool

    public init(text: String, raw: Bool = false, limit: Int = 20, highlight: Bool = false) {
        self.text = text
        self.raw = raw
        self.limit = limit
        self.highlight = highlight
    }

    /// The longest search text taken, in bytes: far past any question a person types, and short
    /// enough that no search text can make the full-text engine work for long.
    public static let longestText = 1000

    public func build() throws -> BuiltQuery {
        guard text.utf8.count <= Self.longestText else {
            throw QueryError(.invalidSearch, "the search text is \(text.utf8.count) bytes long; at most \(Self.longestText) are searched")
        }
        let expression: String
        if raw {
            expression = text
        } else if let escaped = FTSPattern.escaped(text) {
            expression = escaped
        } else {
            throw QueryError(.invalidSearch, "\"\(text)\" has no words to search for")
        }
        let (open, close) = highlight ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
        // Titles weigh more than bodies; a quote ranks like an article body.
        let sql = """
            SELECT kind, id, title, outlet, published_at, snippet, score FROM (
                SELECT 'article' AS kind, a.id AS id, a.title AS title, a.outlet AS outlet, a.published_at AS published_at,
                    snippet(source_articles_fts, 1, ?, ?, '…', 16) AS snippet,
                    round(bm25(source_articles_fts, 5.0, 1.0), 3) AS score
                FROM source_articles_fts JOIN source_articles AS a ON a.id = source_articles_fts.rowid
                WHERE source_articles_fts MATCH ?
                UNION ALL
                SELECT 'quote', q.id, coalesce(p.name, q.speaker_as_written, 'unattributed') || ' in ' || a.title, a.outlet,
                    a.published_at, snippet(quotes_fts, 0, ?, ?, '…', 16), round(bm25(quotes_fts), 3)
                FROM quotes_fts JOIN quotes AS q ON q.id = quotes_fts.rowid
                JOIN source_articles AS a ON a.id = q.article_id
                LEFT JOIN people AS p ON p.id = q.person_id
                WHERE quotes_fts MATCH ?
            )
            ORDER BY score, kind, id
            LIMIT ?
            """
        return BuiltQuery(sql: sql, parameters: [.text(open), .text(close), .text(expression), .text(open), .text(close),
                                                 .text(expression), .integer(Int64(max(0, limit)))])
    }
}
