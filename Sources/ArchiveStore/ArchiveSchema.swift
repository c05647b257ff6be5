import ArchiveValues
import CSQLite
import Foundation

/// The archive's schema: its version, its text, and how a file becomes (or is recognised as) an archive.
public enum ArchiveSchema {
    /// The schema version this build writes, stored in `PRAGMA user_version`.
    public static let version: Int64 = 7
    /// 'ARCH' in ASCII, stored in `PRAGMA application_id`: tells an archive from any other SQLite file.
    public static let applicationID: Int64 = 0x4152_4348
    /// The text of `schema.sql`, as embedded at build time.
    public static var sql: String { SchemaSQL.text }

    /// Every table, each after the tables its rows refer to.
    static let tables = [
        "source_articles", "article_copies", "article_fingerprints", "article_terms", "places", "article_reports", "article_links",
        "people", "person_aliases", "organizations", "organization_aliases", "place_aliases", "events", "quotes", "quote_articles",
        "article_events", "article_people", "article_organizations", "article_places", "event_people", "event_organizations",
        "merges", "merge_changes", "event_corrections", "merge_moves",
    ]

    /// Opens the archive at `path`.
    ///
    /// For `.readWrite` with `creatingIfMissing`, a missing or empty file becomes a new archive;
    /// otherwise a missing file is an error and nothing is created. A file that is not an archive,
    /// or one written by a newer version, is refused and never written to.
    public static func open(_ path: String, mode: Database.Mode, creatingIfMissing: Bool = true) throws -> Database {
        if path != ":memory:", !FileManager.default.fileExists(atPath: path) {
            if mode == .readOnly || !creatingIfMissing {
                throw DatabaseError(code: DatabaseError.noArchiveCode,
                                    message: "no archive at \(path) (run `archive ingest` first, or pass --db)")
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
                throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot create \(path): the folder \(folder) does not exist",
                                    isOwnMessage: true)
            }
            if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot create \(path): its folder is not writable", isOwnMessage: true)
            }
        }
        var database = try Database(path: path, mode: mode)
        let state: FileState
        do {
            state = try inspect(database, path: path)
        } catch let error as DatabaseError where mode == .readOnly && (error.isReadOnly || error.primaryCode == SQLITE_CANTOPEN) {
            // A read-only folder: SQLite cannot make the shared-memory file that WAL readers use.
            // Nobody can write there either, so the file is read as it stands, unless a write-ahead
            // log left by a crash holds commits the file itself lacks.
            if let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber, size.intValue > 0 {
                throw DatabaseError(code: error.code, message: "cannot read \(path): its folder is read-only, and \(path)-wal holds "
                                    + "changes that only a writable folder lets SQLite apply; copy the archive with its -wal file to a "
                                    + "writable folder and query the copy", isOwnMessage: true)
            }
            database = try Database(path: path, mode: .readOnly, immutable: true)
            state = try inspect(database, path: path)
        }
        switch state {
        case .empty:
            guard mode == .readWrite else {
                throw DatabaseError(code: DatabaseError.noArchiveCode, message: "\(path) is an empty file, not an archive")
            }
            try refuseReadOnly(database, path: path)
            // Before WAL: the page size of a WAL database can no longer change.
            try database.execute("PRAGMA page_size = 4096")
            try enableWAL(database)
            try database.inTransaction { try database.execute(sql) }
        case .archive(let found):
            if found > version {
                throw DatabaseError(code: DatabaseError.newerSchemaCode, message:
                    "\(path) was written by a newer version of archive (schema \(found), this build reads up to \(version)); it was left untouched")
            }
            if mode == .readWrite {
                try refuseReadOnly(database, path: path)
                try enableWAL(database)
                try migrate(database, from: found)
            }
        }
        return database
    }

    private enum FileState { case empty, archive(version: Int64) }

    private static func inspect(_ database: Database, path: String) throws -> FileState {
        let applicationID: Int64
        let found: Int64
        let objects: Int64
        do {
            applicationID = try database.integer("PRAGMA application_id") ?? 0
            found = try database.integer("PRAGMA user_version") ?? 0
            objects = try database.integer("SELECT count(*) FROM sqlite_schema") ?? 0
        } catch let error as DatabaseError where error.primaryCode == SQLITE_NOTADB {
            throw DatabaseError.notAnArchive(path, "not an SQLite database")
        }
        if applicationID == 0 && objects == 0 { return .empty }
        guard applicationID == Self.applicationID else {
            throw DatabaseError.notAnArchive(path, "an SQLite database of another application")
        }
        return .archive(version: found)
    }

    private static func refuseReadOnly(_ database: Database, path: String) throws {
        if database.isReadOnly {
            throw DatabaseError(code: SQLITE_READONLY, message: "cannot write to \(path): the file or its folder is read-only",
                                isOwnMessage: true)
        }
    }

    /// WAL lets queries read while an ingest writes; NORMAL sync is safe in WAL against crashes of the
    /// process (a power cut may lose the last commits, never consistency).
    private static func enableWAL(_ database: Database) throws {
        if database.path != ":memory:" {
            try database.execute("PRAGMA journal_mode = WAL")
        }
        try database.execute("PRAGMA synchronous = NORMAL")
    }

    /// Upgrades an older archive, one version a transaction.
    private static func migrate(_ database: Database, from found: Int64) throws {
        if found < 2 {
            try database.inTransaction {
                try migrateToVersion2(database)
                try database.execute("PRAGMA user_version = 2")
            }
        }
        if found < 3 {
            try database.inTransaction {
                try migrateToVersion3(database)
                try database.execute("PRAGMA user_version = 3")
            }
        }
        if found < 4 {
            try database.inTransaction {
                // Version 4 keeps every row a merge changes, for exact unmerges.
                try database.execute(try definition(of: "merge_changes"))
                try database.execute("PRAGMA user_version = 4")
            }
        }
        if found < 5 {
            // Views that name a rebuilt table must keep naming it, not follow it to its old name.
            try database.execute("PRAGMA legacy_alter_table = ON")
            defer { try? database.execute("PRAGMA legacy_alter_table = OFF") }
            try database.inTransaction {
                try migrateToVersion5(database)
                try database.execute("PRAGMA user_version = 5")
            }
        }
        if found < 6 {
            try database.inTransaction {
                try migrateToVersion6(database)
                try database.execute("PRAGMA user_version = 6")
            }
        }
        if found < 7 {
            try database.inTransaction {
                try migrateToVersion7(database)
                try database.execute("PRAGMA user_version = 7")
            }
        }
    }

    /// Version 7 files each article's words under its day's year first (`article_terms`), so that
    /// an archive fed in date order writes them near each other, and keeps a link once, the lower
    /// id first, with an index on the other side (`article_links`): deleting an article read the
    /// whole table to find the links naming it second. Words and links move as they are.
    private static func migrateToVersion7(_ database: Database) throws {
        try database.execute("ALTER TABLE article_terms RENAME TO article_terms_v6")
        // As released.
        try database.execute("""
            CREATE TABLE article_terms (
                year          TEXT NOT NULL,               -- '2025', or '' for an article without a day
                term          TEXT NOT NULL,
                day           TEXT NOT NULL,               -- '2025-12-20', or ''
                article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                PRIMARY KEY (year, term, day, article_id)
            ) STRICT, WITHOUT ROWID
            """)
        try database.execute("""
            INSERT INTO article_terms (year, term, day, article_id) SELECT substr(day, 1, 4), term, day, article_id FROM article_terms_v6
            """)
        try database.execute("DROP TABLE article_terms_v6")
        try database.execute("CREATE INDEX article_terms_article ON article_terms (article_id)")
        try database.execute("ALTER TABLE article_links RENAME TO article_links_v6")
        try database.execute("""
            CREATE TABLE article_links (
                article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                other_id      INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                similarity    REAL NOT NULL,
                PRIMARY KEY (article_id, other_id),
                CHECK (article_id < other_id)
            ) STRICT, WITHOUT ROWID
            """)
        try database.execute("""
            INSERT INTO article_links (article_id, other_id, similarity)
            SELECT article_id, other_id, similarity FROM article_links_v6 WHERE article_id < other_id
            """)
        try database.execute("DROP TABLE article_links_v6")
        try database.execute("CREATE INDEX article_links_other ON article_links (other_id)")
    }

    /// Version 6 keeps manual event corrections as constraints on grouping.
    private static func migrateToVersion6(_ database: Database) throws {
        // As released.
        try database.execute("""
            CREATE TABLE event_corrections (
                article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                other_id       INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                together       INTEGER NOT NULL CHECK (together IN (0, 1)),
                created_at     TEXT NOT NULL,
                PRIMARY KEY (article_id, other_id),
                CHECK (article_id < other_id)
            ) STRICT, WITHOUT ROWID
            """)
        try database.execute("CREATE INDEX event_corrections_other ON event_corrections (other_id, article_id)")
    }

    /// Version 5 forms events from links between articles, in any order alike: each article keeps
    /// its own report of its happening (older articles get their event's, under their own
    /// headline), who takes part in it, and the day-filed words and links grouping finds anew on
    /// the next ingest or `archive regroup`.
    private static func migrateToVersion5(_ database: Database) throws {
        try database.execute(try definition(of: "article_reports"))
        try database.execute("""
            INSERT INTO article_reports (article_id, title, occurred_on, date_precision, date_source, place_id, place, summary)
            SELECT a.id, a.title, coalesce(d.occurred_on, e.occurred_on),
                   CASE length(coalesce(d.occurred_on, e.occurred_on)) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END,
                   CASE WHEN coalesce(d.occurred_on, e.occurred_on) IS NULL THEN NULL
                        WHEN d.occurred_on IS NULL OR d.occurred_on = e.occurred_on THEN coalesce(e.date_source, 'text') ELSE 'text' END,
                   e.place_id, e.place, e.summary
            FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id JOIN events AS e ON e.id = ae.event_id
            LEFT JOIN article_days AS d ON d.article_id = a.id
            GROUP BY a.id
            """)
        try database.execute("DROP TABLE article_days")
        try database.execute("DROP TABLE article_terms")
        for name in ["article_terms", "article_terms_article", "article_links"] {
            try database.execute(try definition(of: name))
        }
        for (table, column, table2) in [("article_people", "person_id", "event_people"),
                                        ("article_organizations", "organization_id", "event_organizations")] {
            let columns = try database.rows("SELECT name FROM pragma_table_info(?)", [table]).compactMap { $0.string(0) }
                .joined(separator: ", ")
            try database.execute("ALTER TABLE \(table) RENAME TO \(table)_v4")
            try database.execute(try definition(of: table))
            try database.execute("""
                INSERT INTO \(table) (\(columns), takes_part)
                SELECT \(columns), EXISTS (SELECT 1 FROM article_events AS ae JOIN \(table2) AS ep ON ep.event_id = ae.event_id
                    WHERE ae.article_id = old.article_id AND ep.\(column) = old.\(column) AND ep.role = 'participant')
                FROM \(table)_v4 AS old
                """)
            try database.execute("DROP TABLE \(table)_v4")
        }
        for index in ["article_people_person", "article_organizations_organization"] {
            try database.execute(try definition(of: index))
        }
    }

    /// Version 3 keeps the day each article gives for its happening; older articles get their event's.
    private static func migrateToVersion3(_ database: Database) throws {
        // As released: version 5 replaced this table by article_reports.
        try database.execute("""
            CREATE TABLE article_days (
                article_id    INTEGER PRIMARY KEY REFERENCES source_articles (id) ON DELETE CASCADE,
                occurred_on   TEXT NOT NULL
            ) STRICT
            """)
        try database.execute("""
            INSERT INTO article_days (article_id, occurred_on)
            SELECT ae.article_id, min(e.occurred_on) FROM article_events AS ae JOIN events AS e ON e.id = ae.event_id
            WHERE e.occurred_on IS NOT NULL GROUP BY ae.article_id
            """)
    }

    /// Version 2 keeps each article's heaviest words for grouping (filled in by the next ingest),
    /// keys quotes by a hash, and lets an ingest index a batch's text at once (`fts_deferred`, and
    /// full-text triggers that leave such a batch alone).
    private static func migrateToVersion2(_ database: Database) throws {
        // As released: version 5 files the words by day as well.
        try database.execute("""
            CREATE TABLE article_terms (
                term          TEXT NOT NULL,
                article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                PRIMARY KEY (term, article_id)
            ) STRICT, WITHOUT ROWID
            """)
        try database.execute(try definition(of: "fts_deferred"))
        for trigger in ["source_articles_ai", "source_articles_ad", "source_articles_au", "quotes_ai", "quotes_ad", "quotes_au"] {
            try database.execute("DROP TRIGGER \(trigger)")
            try database.execute(try definition(of: trigger))
        }
        for row in try database.rows("SELECT id, text FROM quotes") {
            guard let id = row.int(0), let text = row.string(1) else { continue }
            try database.run("UPDATE quotes SET match_key = ? WHERE id = ?", MatchKey.quote(text), id)
        }
    }

    /// The `CREATE` statement of one table, index or trigger as the migration that made it
    /// released it (`ReleasedSQL`), so that what a migration does never changes.
    static func definition(of name: String) throws -> String {
        guard let sql = ReleasedSQL.definitions[name] else {
            throw DatabaseError(code: SQLITE_INTERNAL, message: "no released definition of \(name)")
        }
        return sql
    }
}
