
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

    /// What the engine is given to search for `text`: on SQLite an FTS5 expression that finds
    /// its words (or `text` itself when `raw`); on PostgreSQL the text, which
    /// `websearch_to_tsquery` reads safely whatever it holds.
    static func expression(_ text: String, raw: Bool, dialect: SQLDialect, option: String = "") throws -> String {
        guard text.utf8.count <= longestText else {
            throw QueryError(.invalidSearch, "\(option.isEmpty ? "the search text" : option)is \(text.utf8.count) bytes long; at most \(longestText) are searched")
        }
        if raw && dialect.engine == .sqlite { return text }
        guard let escaped = FTSPattern.escaped(text) else {
            throw QueryError(.invalidSearch, "\(option)\"\(text)\" has no words to search for")
        }
        return dialect.engine == .sqlite ? escaped : text
    }

    public func build(for dialect: SQLDialect = .sqlite) throws -> BuiltQuery {
        let expression = try Self.expression(text, raw: raw, dialect: dialect)
        let (open, close) = highlight ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
        if dialect.engine == .postgres { return postgresQuery(expression, open: open, close: close) }
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
            ) AS found
            ORDER BY score, kind, id
            LIMIT ?
            """
        return BuiltQuery(sql: sql, parameters: [.text(open), .text(close), .text(expression), .text(open), .text(close),
                                                 .text(expression), .integer(Int64(max(0, limit)))])
    }

    /// Ranked by `ts_rank_cd` (titles weigh five times bodies, as on SQLite) and negated, so that
    /// lower is better on both engines; snippets by `ts_headline`, for the page's rows only.
    private func postgresQuery(_ expression: String, open: String, close: String) -> BuiltQuery {
        let options = "StartSel=\"\(open)\", StopSel=\"\(close)\", MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter=…"
        let sql = """
            SELECT found.kind AS kind, found.id AS id, found.title AS title, found.outlet AS outlet,
                found.published_at AS published_at,
                ts_headline('simple', found.text, archive_search_query(?), ?) AS snippet, found.score AS score
            FROM (
                SELECT 'article' AS kind, a.id AS id, a.title AS title, a.outlet AS outlet, a.published_at AS published_at,
                    a.body AS text, round(-ts_rank_cd('{0.1, 0.2, 0.2, 1.0}', a.search_document, archive_search_query(?))::numeric, 3) AS score
                FROM source_articles AS a WHERE a.search_document @@ archive_search_query(?)
                UNION ALL
                SELECT 'quote', q.id, coalesce(p.name, q.speaker_as_written, 'unattributed') || ' in ' || a.title, a.outlet,
                    a.published_at, q.text, round(-ts_rank_cd('{0.1, 0.2, 0.2, 1.0}', q.search_document, archive_search_query(?))::numeric, 3)
                FROM quotes AS q
                JOIN source_articles AS a ON a.id = q.article_id
                LEFT JOIN people AS p ON p.id = q.person_id
                WHERE q.search_document @@ archive_search_query(?)
                ORDER BY score, kind, id
                LIMIT ?
            ) AS found
            ORDER BY found.score, found.kind, found.id
            """
        return BuiltQuery(sql: sql, parameters: [.text(expression), .text(options), .text(expression), .text(expression),
                                                 .text(expression), .text(expression), .integer(Int64(max(0, limit)))])
    }
}
