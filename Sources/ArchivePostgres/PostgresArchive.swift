import ArchiveStore

/// How a PostgreSQL database becomes (or is recognised as) an archive: the counterpart of
/// `ArchiveSchema.open` for files.
public enum PostgresArchive {
    /// The schema version this build writes: the same number means the same tables on both engines.
    public static var version: Int64 { ArchiveSchema.version }
    /// The text of `schema.postgres.sql`, as embedded at build time.
    public static var sql: String { PostgresSchemaSQL.text }

    /// Opens the archive in the database the URL names.
    ///
    /// For `.readWrite` with `creatingIfMissing`, a database without tables becomes a new archive;
    /// otherwise an empty database is an error and nothing is created. A database that holds
    /// other tables, or an archive written by a newer version, is refused and never written to.
    public static func open(_ location: PostgresLocation, mode: Database.Mode, creatingIfMissing: Bool = true) throws -> Database {
        let connection = try PostgresConnection(location, readOnly: mode == .readOnly)
        let database = Database(connection: connection)
        // Two first ingests at once must not both lay out the tables: the first makes them, the
        // second finds them made.
        if mode == .readWrite { try database.execute("SELECT pg_advisory_lock(\(PostgresConnection.writeLock))") }
        defer { if mode == .readWrite { try? database.execute("SELECT pg_advisory_unlock(\(PostgresConnection.writeLock))") } }
        switch try inspect(database, location: location) {
        case .empty:
            guard mode == .readWrite, creatingIfMissing else {
                throw DatabaseError(code: DatabaseError.noArchiveCode,
                                    message: "no archive in \(location) (run `archive ingest` first, or pass --db)")
            }
            try database.inTransaction(.deferred) { try database.execute(sql) }
        case .archive(let found):
            if found > version {
                throw DatabaseError(code: DatabaseError.newerSchemaCode, message:
                    "\(location) was written by a newer version of archive (schema \(found), this build reads up to \(version)); it was left untouched")
            }
            if mode == .readWrite, found < 7 {
                try database.inTransaction(.deferred) {
                    try migrateToVersion7(database)
                    try database.execute("UPDATE archive_schema SET version = 7")
                }
            }
        }
        return database
    }

    /// Version 7 files each article's words under its day's year first and keeps a link once, the
    /// lower id first (see `ArchiveSchema`).
    /// Schema 6 was the first on PostgreSQL. As released.
    private static func migrateToVersion7(_ database: Database) throws {
        try database.execute("""
            ALTER TABLE article_terms RENAME TO article_terms_v6;
            ALTER TABLE article_terms_v6 RENAME CONSTRAINT article_terms_pkey TO article_terms_v6_pkey;
            ALTER INDEX article_terms_article RENAME TO article_terms_v6_article;
            CREATE TABLE article_terms (
                year          text COLLATE "C" NOT NULL,
                term          text COLLATE "C" NOT NULL,
                day           text COLLATE "C" NOT NULL,
                article_id    bigint NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                PRIMARY KEY (year, term, day, article_id)
            );
            INSERT INTO article_terms (year, term, day, article_id) SELECT substr(day, 1, 4), term, day, article_id FROM article_terms_v6;
            DROP TABLE article_terms_v6;
            CREATE INDEX article_terms_article ON article_terms (article_id);
            DELETE FROM article_links WHERE article_id > other_id;
            ALTER TABLE article_links ADD CHECK (article_id < other_id);
            CREATE INDEX article_links_other ON article_links (other_id);
            """)
    }

    private enum State { case empty, archive(version: Int64) }

    private static func inspect(_ database: Database, location: PostgresLocation) throws -> State {
        if try database.scalar("SELECT to_regclass('archive_schema')::text") != .null {
            let row = try database.rows("SELECT application_id, version FROM archive_schema").first
            guard let row, row.int(0) == ArchiveSchema.applicationID, let version = row.int(1) else {
                throw DatabaseError(code: DatabaseError.notAnArchiveCode,
                                    message: "\(location) is not an archive database (its archive_schema table is not archive's); it was left untouched")
            }
            return .archive(version: version)
        }
        let tables = try database.integer("""
            SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """) ?? 0
        guard tables == 0 else {
            throw DatabaseError(code: DatabaseError.notAnArchiveCode,
                                message: "\(location) is not an archive database (it holds \(tables) tables of another application); it was left untouched")
        }
        return .empty
    }
}
