import ArchiveValues
import ArchiveStore
import ArchiveTestSupport
import CSQLite
import Foundation
import Testing

@Suite struct ArchiveSchemaTests {
    let folder = TemporaryDirectory()

    @Test func embeddedSchemaIsExactlySchemaSQL() throws {
        let file = try String(contentsOfFile: Repository.path("schema.sql"), encoding: .utf8)
        #expect(ArchiveSchema.sql == file.trimmingCharacters(in: .newlines), "run scripts/embed-schema after editing schema.sql")
    }

    @Test func newArchiveHasTheSameObjectsAsSchemaSQL() throws {
        let created = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        let reference = try Database(path: ":memory:")
        try reference.execute(String(contentsOfFile: Repository.path("schema.sql"), encoding: .utf8))
        let query = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
        #expect(try created.rows(query) == (try reference.rows(query)))
        #expect(try created.rows(query).count > 30)
    }

    @Test func archiveCarriesVersionApplicationIDAndWAL() throws {
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        #expect(try database.integer("PRAGMA user_version") == ArchiveSchema.version)
        #expect(try database.integer("PRAGMA application_id") == ArchiveSchema.applicationID)
        #expect(try database.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try database.integer("PRAGMA foreign_keys") == 1)
    }

    @Test func reopeningAnArchiveKeepsItsData() throws {
        let path = folder.path("a.db")
        do {
            let database = try ArchiveSchema.open(path, mode: .readWrite)
            try database.run("INSERT INTO people (name, key, surname_key) VALUES ('Marco Rubio', 'marco rubio', 'rubio')")
        }
        let again = try ArchiveSchema.open(path, mode: .readOnly)
        #expect(try again.integer("SELECT count(*) FROM people") == 1)
    }

    @Test func refusesATextFileAndLeavesItUntouched() throws {
        let path = folder.write("notes.db", "these are my notes, not a database\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: DatabaseError.self) { _ = try ArchiveSchema.open(path, mode: .readWrite) }
        #expect(error?.code == DatabaseError.notAnArchiveCode)
        #expect(error?.description.contains(path) == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesAnotherApplicationsDatabaseAndLeavesItUntouched() throws {
        let path = folder.path("other.db")
        do {
            let other = try Database(path: path)
            try other.execute("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: DatabaseError.self) { _ = try ArchiveSchema.open(path, mode: .readWrite) }
        #expect(error?.code == DatabaseError.notAnArchiveCode)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesAnArchiveFromANewerVersion() throws {
        let path = folder.path("future.db")
        do {
            let database = try ArchiveSchema.open(path, mode: .readWrite)
            try database.execute("PRAGMA user_version = \(ArchiveSchema.version + 1)")
        }
        let error = #expect(throws: DatabaseError.self) { _ = try ArchiveSchema.open(path, mode: .readWrite) }
        #expect(error?.code == DatabaseError.newerSchemaCode)
        let reopened = try Database(path: path, mode: .readOnly)
        #expect(try reopened.integer("PRAGMA user_version") == ArchiveSchema.version + 1)
    }

    /// An upgraded archive has this build's version and exactly the tables, indexes, triggers and
    /// views, written alike, that `schema.sql` lays out in a new one.
    func expectLaidOutAsNew(_ upgraded: Database) throws {
        #expect(try upgraded.integer("PRAGMA user_version") == ArchiveSchema.version)
        let reference = try Database(path: ":memory:")
        try reference.execute(String(contentsOfFile: Repository.path("schema.sql"), encoding: .utf8))
        let query = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
        #expect(try upgraded.rows(query) == (try reference.rows(query)))
    }

    @Test func anArchiveOfSchemaOneIsUpgradedInPlaceWithItsData() throws {
        let path = folder.path("v1.db")
        do {
            let old = try Database(path: path)
            try old.execute(String(contentsOfFile: Repository.path("Tests/Fixtures/schema-v1.sql"), encoding: .utf8))
            try old.execute("""
                INSERT INTO source_articles (title, body, format, content_hash, ingested_at)
                VALUES ('Talks', 'He said: "We had good talks."', 'text', 'h1', '2025-12-21T00:00:00Z');
                INSERT INTO quotes (article_id, text, start_offset, end_offset, match_key)
                VALUES (1, 'We had good talks.', 10, 28, 'we had good talks');
                INSERT INTO events (title, occurred_on, date_precision, first_seen, last_seen)
                VALUES ('Talks', '2025-12-20', 'day', '2025-12-21T00:00:00Z', '2025-12-21T00:00:00Z');
                INSERT INTO article_events (article_id, event_id) VALUES (1, 1);
                """)
        }
        let upgraded = try ArchiveSchema.open(path, mode: .readWrite)
        try expectLaidOutAsNew(upgraded)
        #expect(try upgraded.scalar("SELECT match_key FROM quotes") == .text(MatchKey.quote("we had good talks")))
        #expect(try upgraded.integer("SELECT count(*) FROM source_articles") == 1)
        // An article stored before its own day was kept gives its event's.
        #expect(try upgraded.scalar("SELECT occurred_on FROM article_reports WHERE article_id = 1") == .text("2025-12-20"))
        #expect(try upgraded.rows("PRAGMA integrity_check").first?.string(0) == "ok")
    }

    /// Version 7 keys the filed words by year first and keeps a link once: a version 6 archive's
    /// words and links move over, and the file ends up as a new one is laid out.
    @Test func anArchiveOfSchemaSixKeepsItsFiledWords() throws {
        let path = folder.path("v6.db")
        do {
            let old = try ArchiveSchema.open(path, mode: .readWrite)
            try old.execute("""
                DROP TABLE article_terms;
                CREATE TABLE article_terms (
                    term          TEXT NOT NULL,
                    day           TEXT NOT NULL,
                    article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                    PRIMARY KEY (term, day, article_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX article_terms_article ON article_terms (article_id);
                DROP TABLE article_links;
                CREATE TABLE article_links (
                    article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                    other_id      INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                    similarity    REAL NOT NULL,
                    PRIMARY KEY (article_id, other_id)
                ) STRICT, WITHOUT ROWID;
                INSERT INTO source_articles (title, body, format, content_hash, ingested_at)
                VALUES ('Talks', 'Talks in Geneva.', 'text', 'h1', '2025-12-21T00:00:00Z'),
                       ('Fire', 'A fire.', 'text', 'h2', '2025-12-21T00:00:00Z');
                INSERT INTO article_terms (term, day, article_id)
                VALUES ('geneva', '2025-12-20', 1), ('talks', '2025-12-20', 1), ('fire', '', 2);
                INSERT INTO article_links (article_id, other_id, similarity) VALUES (1, 2, 0.25), (2, 1, 0.25);
                PRAGMA user_version = 6;
                """)
        }
        let upgraded = try ArchiveSchema.open(path, mode: .readWrite)
        try expectLaidOutAsNew(upgraded)
        let terms = try upgraded.rows("SELECT year, term, day, article_id FROM article_terms ORDER BY article_id, term").map { row in
            "\(row.string(0) ?? "?") \(row.string(1) ?? "?") \(row.string(2) ?? "?") \(row.int(3) ?? 0)"
        }
        #expect(terms == ["2025 geneva 2025-12-20 1", "2025 talks 2025-12-20 1", " fire  2"])
        // A link, kept in both directions before, is kept once.
        #expect(try upgraded.rows("SELECT article_id, other_id, similarity FROM article_links").map(\.values)
                == [[.integer(1), .integer(2), .real(0.25)]])
        #expect(try upgraded.rows("PRAGMA integrity_check").first?.string(0) == "ok")
    }

    @Test func readOnlyOpenOfAMissingFileCreatesNothing() throws {
        let path = folder.path("missing.db")
        let error = #expect(throws: DatabaseError.self) { _ = try ArchiveSchema.open(path, mode: .readOnly) }
        #expect(error?.code == DatabaseError.noArchiveCode)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func fullTextTablesFollowTheLayoutDatasetteDetects() throws {
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        // The detection query Datasette and sqlite-utils run for a table's FTS companion.
        func detect(_ table: String) throws -> [String] {
            try database.prepare("""
                SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
                    sql LIKE '%VIRTUAL TABLE%USING FTS%content=[' || ? || ']%'
                    OR sql LIKE '%VIRTUAL TABLE%USING FTS%content="' || ? || '"%'
                    OR (tbl_name = ? AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))
                """).rows([.text(table), .text(table), .text(table)]).compactMap { $0.string(0) }
        }
        #expect(try detect("source_articles") == ["source_articles_fts"])
        #expect(try detect("quotes") == ["quotes_fts"])
    }

    @Test func triggersKeepFullTextIndexInSync() throws {
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        try database.run("""
            INSERT INTO source_articles (title, body, format, content_hash, ingested_at)
            VALUES ('Talks in Florida', 'security guarantees were discussed', 'text', 'h1', 'now')
            """)
        func hits(_ text: String) throws -> Int64? {
            try database.integer("SELECT count(*) FROM source_articles_fts WHERE source_articles_fts MATCH ?", text)
        }
        #expect(try hits("guarantees") == 1)
        try database.run("UPDATE source_articles SET body = 'a ceasefire was discussed' WHERE content_hash = 'h1'")
        #expect(try hits("guarantees") == 0)
        #expect(try hits("ceasefire") == 1)
        try database.run("DELETE FROM source_articles")
        #expect(try hits("ceasefire") == 0)
        try database.execute("INSERT INTO source_articles_fts (source_articles_fts, rank) VALUES ('integrity-check', 1)")
    }
}
