import ArchiveValues
import CSQLite

/// Health checks and repairs of an archive: the engine's own checks (on SQLite its integrity
/// check and the full-text indexes' checks, which the first cannot see), the archive's rules, and
/// the rebuild of the full-text indexes.
public struct ArchiveMaintenance {
    public let database: Database

    /// The full-text indexes: SQLite's external-content FTS5 tables, PostgreSQL's GIN indexes.
    public var fullTextIndexes: [String] {
        switch database.dialect.engine {
        case .sqlite: ["source_articles_fts", "quotes_fts"]
        case .postgres: ["source_articles_search", "quotes_search"]
        }
    }

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
        var problems = database.dialect.engine == .sqlite ? try sqliteProblems() : try postgresProblems()
        problems += try correctionProblems() + roleProblems() + aliasProblems()
        let tables = ["source_articles", "events", "people", "organizations", "places", "quotes",
                      "article_events", "article_people", "article_organizations", "article_places"]
        let counts = try tables.map { ($0, try database.integer("SELECT count(*) FROM \($0)") ?? 0) }
        return Report(problems: problems, counts: counts)
    }

    private func sqliteProblems() throws -> [String] {
        var problems = try database.rows("PRAGMA integrity_check").compactMap { $0.string(0) }.filter { $0 != "ok" }
        problems += try database.rows("PRAGMA foreign_key_check").map { row in
            "foreign key: \(row.string(0) ?? "?") row \(row.int(1) ?? 0) points to a missing \(row.string(2) ?? "?") row"
        }
        for index in fullTextIndexes {
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
        return problems
    }

    /// PostgreSQL keeps its keys and its generated search columns itself; what can still go wrong
    /// is an index left unusable (a failed concurrent build) or the version row gone.
    private func postgresProblems() throws -> [String] {
        var problems = try database.rows("""
            SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
            JOIN pg_namespace AS n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)
            """).map { "index \($0.string(0) ?? "?") is not valid (run `archive rebuild-fts`, or REINDEX it)" }
        if try database.integer("SELECT count(*) FROM archive_schema") != 1 {
            problems.append("archive_schema must hold exactly one row")
        }
        return problems
    }

    /// Manual merges that no longer hold: one that leads to no entity (later ingests would read
    /// its name as nobody), or a name merged away that stands as an entity of its own again.
    private func correctionProblems() throws -> [String] {
        var problems: [String] = []
        for kind in EntityCorrections.Kind.allCases {
            for row in try database.rows("""
                SELECT m.from_name, m.into_id FROM merges AS m WHERE m.kind = ?
                AND NOT EXISTS (SELECT 1 FROM \(kind.table) AS t WHERE t.id = m.into_id)
                """, [kind.rawValue]) {
                problems.append("merge of \(kind.rawValue) \"\(row.string(0) ?? "?")\" leads to a missing \(kind.rawValue) \(row.int(1) ?? 0)")
            }
            for row in try database.rows("""
                SELECT m.from_name, t.id FROM merges AS m JOIN \(kind.table) AS t ON t.key = m.from_key
                WHERE m.kind = ? AND t.id <> m.into_id
                """, [kind.rawValue]) {
                problems.append("\(kind.rawValue) \"\(row.string(0) ?? "?")\" was merged away but stands again as \(kind.rawValue) \(row.int(1) ?? 0)")
            }
        }
        return problems
    }

    /// Who took part in an event must be named in one of its articles.
    private func roleProblems() throws -> [String] {
        var problems: [String] = []
        for (table, column, links) in [("event_people", "person_id", "article_people"),
                                       ("event_organizations", "organization_id", "article_organizations")] {
            let orphans = try database.integer("""
                SELECT count(*) FROM \(table) AS e WHERE NOT EXISTS (
                    SELECT 1 FROM article_events AS ae JOIN \(links) AS l ON l.article_id = ae.article_id
                    WHERE ae.event_id = e.event_id AND l.\(column) = e.\(column))
                """) ?? 0
            if orphans > 0 { problems.append("\(table): \(orphans) links to events none of whose articles name them") }
        }
        return problems
    }

    /// Every alias is findable: its key is the key its text makes, and every entity answers to its own name.
    private func aliasProblems() throws -> [String] {
        var problems: [String] = []
        for kind in EntityCorrections.Kind.allCases {
            var wrongKeys = 0
            for row in try database.rows("SELECT alias, key FROM \(kind.aliasTable)") where MatchKey.make(row.string(0) ?? "") != row.string(1) {
                wrongKeys += 1
            }
            if wrongKeys > 0 { problems.append("\(kind.aliasTable): \(wrongKeys) aliases whose key does not match their text") }
        }
        return problems
    }

    /// Rebuilds every full-text index from its table, in one transaction.
    public func rebuildFullTextIndexes() throws {
        try database.inTransaction {
            switch database.dialect.engine {
            case .sqlite:
                try database.execute("DELETE FROM fts_deferred")
                for index in fullTextIndexes {
                    try database.execute("INSERT INTO \(index) (\(index)) VALUES ('rebuild')")
                }
            case .postgres:
                for index in fullTextIndexes {
                    try database.execute("REINDEX INDEX \(index)")
                }
            }
        }
    }
}
