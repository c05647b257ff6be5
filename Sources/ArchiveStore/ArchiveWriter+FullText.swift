import Foundation

/// Full-text indexing of a batch in one go, once its articles and quotes are written.
extension ArchiveWriter {
    /// Makes the articles and quotes written from now on in this transaction wait for
    /// `indexDeferredText`, which indexes them all at once for full-text search: row by row, FTS5
    /// writes its index out at every statement. Inside a transaction only.
    public func deferTextIndexing() throws {
        // PostgreSQL indexes a generated column as each row is written.
        guard database.dialect.engine == .sqlite else { return }
        try database.run("""
            INSERT INTO fts_deferred (articles_from, quotes_from)
            SELECT (SELECT coalesce(max(id), 0) + 1 FROM source_articles), (SELECT coalesce(max(id), 0) + 1 FROM quotes)
            """)
    }

    /// Indexes what was written since `deferTextIndexing`, and ends the deferral.
    public func indexDeferredText() throws {
        guard database.dialect.engine == .sqlite else { return }
        try database.run("""
            INSERT INTO source_articles_fts (rowid, title, body)
            SELECT id, title, body FROM source_articles WHERE id >= (SELECT articles_from FROM fts_deferred)
            """)
        try database.run("INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE id >= (SELECT quotes_from FROM fts_deferred)")
        try database.run("DELETE FROM fts_deferred")
    }
}
