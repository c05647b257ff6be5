/// `archive copy`: an archive moved whole to another database (an SQLite file to PostgreSQL or
/// back, or to another file): every row with its id, manual corrections included, nothing read or
/// extracted again. One transaction: the destination ends with all of it or none.
public struct ArchiveCopy {
    public let source: Database
    public let destination: Database

    public init(from source: Database, to destination: Database) {
        self.source = source
        self.destination = destination
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Rows read at a time: memory stays flat however large the archive.
    static let page = 2_000

    /// Copies every row; `progress` hears each table as it is done. Returns the rows per table.
    @discardableResult
    public func run(progress: (String, Int) -> Void = { _, _ in }) throws -> [(table: String, rows: Int)] {
        for (database, role) in [(source, "the source"), (destination, "the destination")] {
            let found = try Self.version(of: database)
            guard found == ArchiveSchema.version else {
                throw Failure(description: "\(database.path), \(role), is an archive of schema \(found) and this build copies schema "
                    + "\(ArchiveSchema.version): upgrade it first by running any writing command on it (e.g. `archive check --db …`)")
            }
        }
        for table in ArchiveSchema.tables {
            if let rows = try destination.integer("SELECT count(*) FROM \(table)"), rows > 0 {
                throw Failure(description: "\(destination.path) already holds \(rows) rows in \(table): copy into a new, empty archive")
            }
        }
        var counts: [(table: String, rows: Int)] = []
        let writer = ArchiveWriter(database: destination)
        try destination.inTransaction {
            try writer.deferTextIndexing()
            for table in ArchiveSchema.tables {
                let rows = try copy(table)
                counts.append((table, rows))
                progress(table, rows)
            }
            try writer.indexDeferredText()
            if destination.dialect.engine == .postgres { try continueIdentities() }
        }
        return counts
    }

    /// One table, page by page in primary key order (keyset paging: each page starts after the last key read).
    private func copy(_ table: String) throws -> Int {
        let from = try TableLayout.of(table, in: source)
        let to = try TableLayout.of(table, in: destination)
        let columns = from.columns.filter(to.columns.contains)
        guard Set(columns) == Set(to.columns), !from.key.isEmpty else {
            throw Failure(description: "\(table) has columns \(from.columns) in \(source.path) and \(to.columns) in \(destination.path)")
        }
        let keyIndexes = from.key.compactMap { columns.firstIndex(of: $0) }
        let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let order = from.key.map { "\"\($0)\"" }.joined(separator: ", ")
        let first = "SELECT \(quoted) FROM \(table) ORDER BY \(order) LIMIT \(Self.page)"
        let next = "SELECT \(quoted) FROM \(table) WHERE (\(order)) > (\(from.key.map { _ in "?" }.joined(separator: ", "))) "
            + "ORDER BY \(order) LIMIT \(Self.page)"
        // Statements take a bounded number of values (SQLite's default limit is 32,766).
        let rowsPerInsert = max(1, min(500, 30_000 / max(1, columns.count)))
        var copied = 0
        var last: [DatabaseValue]?
        while true {
            let rows = try last.map { try source.rows(next, $0) } ?? source.rows(first)
            guard let final = rows.last else { break }
            var start = 0
            while start < rows.count {
                let slice = rows[start..<min(rows.count, start + rowsPerInsert)]
                try destination.insert(into: table, columns.map { "\"\($0)\"" }, rows: slice.map { $0.values })
                start += rowsPerInsert
            }
            copied += rows.count
            last = keyIndexes.map { final.values[$0] }
            if rows.count < Self.page { break }
        }
        return copied
    }

    /// PostgreSQL hands out new ids from a sequence that knows nothing of rows inserted with ids of
    /// their own: each starts again after the largest copied.
    private func continueIdentities() throws {
        for table in ["source_articles", "article_copies", "places", "people", "organizations", "events", "quotes", "merges"] {
            if let sql = destination.dialect.identityContinues(table) { _ = try destination.rows(sql) }
        }
    }

    /// The schema version an archive was written with.
    static func version(of database: Database) throws -> Int64 {
        switch database.dialect.engine {
        case .sqlite: try database.integer("PRAGMA user_version") ?? 0
        case .postgres: try database.integer("SELECT version FROM archive_schema") ?? 0
        }
    }
}
