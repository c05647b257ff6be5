import Foundation

/// What the ingest asks to tell a new text from one already stored: the same text (by content
/// hash), or another outlet's copy of it (by fingerprint bands); and a copy's record.
extension ArchiveWriter {
    /// The id of the stored article with this content hash, if any: lets the ingest skip extraction.
    public func articleID(contentHash: String) throws -> Int64? {
        try database.integer("""
            SELECT id FROM source_articles WHERE content_hash = ?
            UNION ALL SELECT article_id FROM article_copies WHERE content_hash = ?
            """, contentHash, contentHash)
    }

    /// Which of these content hashes are stored, as an article's or a copy's.
    public func storedContentHashes(_ hashes: [String]) throws -> Set<String> {
        var stored: Set<String> = []
        guard !hashes.isEmpty else { return stored }
        let listed = database.isIn("content_hash", Set(hashes).sorted())
        for row in try database.rows("""
            SELECT content_hash FROM source_articles WHERE \(listed.sql)
            UNION ALL SELECT content_hash FROM article_copies WHERE \(listed.sql)
            """, listed.values + listed.values) {
            if let hash = row.string(0) { stored.insert(hash) }
        }
        return stored
    }

    /// A stored article that may be a near-copy of a text, with what the caller needs to confirm it.
    public struct NearCopy: Sendable {
        public let id: Int64
        public let body: String
        public let contentHash: String

        public init(id: Int64, body: String, contentHash: String) {
            self.id = id
            self.body = body
            self.contentHash = contentHash
        }
    }

    /// The stored articles that share the most fingerprint bands with these, at least two, most
    /// first, with their bodies for the caller to confirm. (Those stored since a chunk's triage are
    /// looked among in memory: `RecentTexts` in ArchiveIngest.)
    public func nearCopies(of fingerprint: [Int64], limit: Int = 5) throws -> [NearCopy] {
        guard !fingerprint.isEmpty else { return [] }
        let lookups = fingerprint.indices.map { _ in "SELECT article_id FROM article_fingerprints WHERE band = ? AND value = ?" }
        let values: [DatabaseValueConvertible?] = fingerprint.enumerated().flatMap {
            [$0.offset, $0.element] as [DatabaseValueConvertible?]
        }
        // Two bands in common, not one: a true near-copy shares about half of them, a text that
        // merely overlaps in part rarely two, and confirming each candidate costs a full comparison.
        let rows = try database.rows("""
            SELECT a.id, a.body, a.content_hash FROM (
                SELECT article_id, count(*) AS shared FROM (\(lookups.joined(separator: " UNION ALL "))) AS bands
                GROUP BY article_id HAVING count(*) >= 2
                ORDER BY shared DESC, article_id LIMIT ?) AS c
            JOIN source_articles AS a ON a.id = c.article_id
            ORDER BY c.shared DESC, a.id
            """, values + [limit])
        return rows.compactMap { row in
            guard let id = row.int(0), let body = row.string(1), let hash = row.string(2) else { return nil }
            return NearCopy(id: id, body: body, contentHash: hash)
        }
    }

    /// The fingerprint bands of every stored article from id `firstID` on.
    public func fingerprints(from firstID: Int64) throws -> [(article: Int64, band: Int, value: Int64)] {
        try database.rows("SELECT article_id, band, value FROM article_fingerprints WHERE article_id >= ?", [firstID]).compactMap { row in
            guard let article = row.int(0), let band = row.int(1), let value = row.int(2) else { return nil }
            return (article, Int(band), value)
        }
    }

    /// A stored article's text, for confirming it is a near-copy.
    public func nearCopy(_ id: Int64) throws -> NearCopy? {
        try nearCopies([id]).first
    }

    /// The texts of several stored articles, for confirming near-copies (those still stored).
    public func nearCopies(_ ids: [Int64]) throws -> [ArchiveWriter.NearCopy] {
        guard !ids.isEmpty else { return [] }
        let listed = database.isIn("id", ids)
        return try database.rows("SELECT id, body, content_hash FROM source_articles WHERE \(listed.sql) ORDER BY id", listed.values)
            .compactMap { row in
                guard let id = row.int(0), let body = row.string(1), let hash = row.string(2) else { return nil }
                return NearCopy(id: id, body: body, contentHash: hash)
            }
    }

    /// Records another outlet's copy of a stored article: its metadata only, the text is the article's.
    public func addCopy(of articleID: Int64, _ copy: ArticleRecord, ingestedAt: String) throws {
        try database.insert(into: "article_copies",
                            ["article_id", "title", "outlet", "author", "url", "path", "published_at", "content_hash", "ingested_at"],
                            rows: [[articleID, copy.title, copy.outlet, copy.author, copy.url, copy.path, copy.publishedAt, copy.contentHash, ingestedAt]],
                            ending: "ON CONFLICT DO NOTHING")
    }

    /// Before a stored article is replaced by its near-copy: the spellings of its people,
    /// organizations and places that none of their other articles writes go with it, as if it had
    /// never been stored (the text that replaces it adds its own when written). Whether another
    /// article writes a spelling is read from its title and body, since aliases do not record
    /// which article gave them; of the spellings of one key the alias keeps the first in byte
    /// order, which is the one written in capitals where both were seen, so the spelling kept is
    /// the one a text writes.
    public func forgetSpellings(of article: Int64) throws {
        let contains = database.dialect.contains("a.title || ' ' || a.body", "al.alias")
        for kind in EntityTable.allCases {
            try database.run("""
                DELETE FROM \(kind.aliasTable) AS al
                WHERE al.\(kind.column) IN (SELECT \(kind.column) FROM \(kind.linkTable) WHERE article_id = ?)
                AND NOT EXISTS (SELECT 1 FROM \(kind.linkTable) AS l JOIN source_articles AS a ON a.id = l.article_id
                                WHERE l.\(kind.column) = al.\(kind.column) AND l.article_id <> ? AND \(contains))
                """, article, article)
        }
    }

    /// Makes a stored article another outlet's copy of `original`, an article written since with
    /// nearly the same text. Its record joins the original's copies, and so do its own copies;
    /// a manual correction that names it names the original instead; a quote that other articles
    /// carry too stays, in the best form they give (`QuoteReport.Form`); everything else
    /// extracted from it goes, with any person, organization or place no other article names (and no manual merge leads to).
    /// Full-text rows go with it through the triggers. Ids of the deleted rows may be given again.
    public func demote(_ article: Int64, toCopyOf original: Int64) throws {
        // Its quotes move or go: what was prepared of them is read again.
        if preparedQuotes != nil { preparedQuotes = [:] }
        try database.run("""
            INSERT INTO article_copies (article_id, title, outlet, author, url, path, published_at, content_hash, ingested_at)
            SELECT ?, title, outlet, author, url, path, published_at, content_hash, ingested_at FROM source_articles WHERE id = ?
            ON CONFLICT DO NOTHING
            """, original, article)
        try database.run("UPDATE article_copies SET article_id = ? WHERE article_id = ?", original, article)
        let dialect = database.dialect
        try database.run("""
            INSERT INTO event_corrections (article_id, other_id, together, created_at)
            SELECT \(dialect.least("?", "other")), \(dialect.greatest("?", "other")), together, created_at FROM (
                SELECT other_id AS other, together, created_at FROM event_corrections WHERE article_id = ?
                UNION ALL SELECT article_id, together, created_at FROM event_corrections WHERE other_id = ?) AS named
            WHERE other <> ?
            ON CONFLICT DO NOTHING
            """, original, original, article, article, original)
        try database.run("""
            UPDATE quotes SET (article_id, start_offset, end_offset, text) = (
                SELECT qa.article_id, qa.start_offset, qa.end_offset,
                    substr(a.body, CAST(qa.start_offset + 1 AS INTEGER), CAST(qa.end_offset - qa.start_offset AS INTEGER))
                FROM quote_articles AS qa JOIN source_articles AS a ON a.id = qa.article_id
                WHERE qa.quote_id = quotes.id AND qa.article_id <> ?
                ORDER BY qa.end_offset - qa.start_offset DESC, 4, a.content_hash LIMIT 1)
            WHERE article_id = ? AND EXISTS (SELECT 1 FROM quote_articles AS qa WHERE qa.quote_id = quotes.id AND qa.article_id <> ?)
            """, article, article, article)
        var named: [(EntityTable, [Int64])] = []
        for kind in EntityTable.allCases {
            let ids = try database.rows("SELECT \(kind.column) FROM \(kind.linkTable) WHERE article_id = ?", [article]).compactMap { $0.int(0) }
            named.append((kind, ids))
        }
        try database.run("DELETE FROM source_articles WHERE id = ?", article)
        for (kind, ids) in named {
            let quoted = kind == .person ? " AND NOT EXISTS (SELECT 1 FROM quotes WHERE person_id = t.id)" : ""
            for id in ids {
                try database.run("""
                    DELETE FROM \(kind.table) AS t WHERE t.id = ?
                    AND NOT EXISTS (SELECT 1 FROM \(kind.linkTable) WHERE \(kind.column) = t.id)\(quoted)
                    AND NOT EXISTS (SELECT 1 FROM merges WHERE kind = ? AND into_id = t.id)
                    """, id, kind.rawValue)
            }
        }
    }
}
