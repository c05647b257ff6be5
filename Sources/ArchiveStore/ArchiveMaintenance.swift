import CSQLite

/// Health checks and repairs of an archive: SQLite's integrity check, the full-text indexes'
/// own checks (SQLite's cannot see an FTS index out of step with its table), and their rebuild.
public struct ArchiveMaintenance {
    public let database: Database

    /// The external-content FTS5 tables and the tables they index.
    public static let fullTextIndexes = ["source_articles_fts", "quotes_fts"]

    public init(database: Database) {
        self.database = database
    }

    public struct Report: Sendable, Equatable {
        /// Problems found; empty when the archive is sound.
        public var problems: [String]
        /// Rows per table.
        public var counts: [(table: String, rows: Int64)]

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.problems == rhs.problems && lhs.counts.map(\.table) == rhs.counts.map(\.table)
                && lhs.counts.map(\.rows) == rhs.counts.map(\.rows)
        }
    }

    public func check() throws -> Report {
        var problems = try database.rows("PRAGMA integrity_check").compactMap { $0.string(0) }.filter { $0 != "ok" }
        problems += try database.rows("PRAGMA foreign_key_check").map { row in
            "foreign key: \(row.string(0) ?? "?") row \(row.int(1) ?? 0) points to a missing \(row.string(2) ?? "?") row"
        }
        for index in Self.fullTextIndexes {
            do {
                try database.execute("INSERT INTO \(index) (\(index), rank) VALUES ('integrity-check', 1)")
            } catch let error as DatabaseError {
                problems.append("\(index): \(error.message) (run `archive rebuild-fts`)")
            }
        }
        if try database.integer("SELECT count(*) FROM fts_deferred") ?? 0 > 0 {
            // Only an ingest's own transaction ever holds a row here; a committed one stops the
            // triggers from indexing new rows.
            problems.append("fts_deferred holds a row outside an ingest, so new rows are not indexed (run `archive rebuild-fts`)")
        }
        let tables = ["source_articles", "events", "people", "organizations", "places", "quotes",
                      "article_events", "article_people", "article_organizations", "article_places"]
        let counts = try tables.map { ($0, try database.integer("SELECT count(*) FROM \($0)") ?? 0) }
        return Report(problems: problems, counts: counts)
    }

    /// Rebuilds every full-text index from its table, in one transaction.
    public func rebuildFullTextIndexes() throws {
        try database.inTransaction {
            try database.execute("DELETE FROM fts_deferred")
            for index in Self.fullTextIndexes {
                try database.execute("INSERT INTO \(index) (\(index)) VALUES ('rebuild')")
            }
        }
    }
}
