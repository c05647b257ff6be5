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

    /// The stored articles (from id `firstID` on) that share the most fingerprint bands with these,
    /// at least two, most first, with their bodies for the caller to confirm.
    public func nearCopies(of fingerprint: [Int64], from firstID: Int64 = 0, limit: Int = 5) throws -> [(id: Int64, body: String)] {
        guard !fingerprint.isEmpty else { return [] }
        let lookups = fingerprint.indices.map { _ in
            "SELECT article_id FROM article_fingerprints WHERE band = ? AND value = ? AND article_id >= ?"
        }
        let values: [DatabaseValueConvertible?] = fingerprint.enumerated().flatMap {
            [$0.offset, $0.element, firstID] as [DatabaseValueConvertible?]
        }
        // Two bands in common, not one: a true near-copy shares about half of them, a text that
        // merely overlaps in part rarely two, and confirming each candidate costs a full comparison.
        let rows = try database.rows("""
            SELECT a.id, a.body FROM (
                SELECT article_id, count(*) AS shared FROM (\(lookups.joined(separator: " UNION ALL ")))
                GROUP BY article_id HAVING count(*) >= 2
                ORDER BY shared DESC, article_id LIMIT ?) AS c
            JOIN source_articles AS a ON a.id = c.article_id
            ORDER BY c.shared DESC, a.id
            """, values + [limit])
        return rows.compactMap { row in row.int(0).flatMap { id in row.string(1).map { (id, $0) } } }
    }

    /// Records another outlet's copy of a stored article: its metadata only, the text is the article's.
    public func addCopy(of articleID: Int64, _ copy: ArticleRecord, ingestedAt: String) throws {
        try database.run("""
            INSERT OR IGNORE INTO article_copies (article_id, title, outlet, author, url, path, published_at, content_hash, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, articleID, copy.title, copy.outlet, copy.author, copy.url, copy.path, copy.publishedAt, copy.contentHash, ingestedAt)
    }
}
