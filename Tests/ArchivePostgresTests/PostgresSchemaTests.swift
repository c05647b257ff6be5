import ArchivePostgres
import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct PostgresSchemaTests {
    @Test func embeddedSchemaIsExactlySchemaPostgresSQL() throws {
        let file = try String(contentsOfFile: Repository.path("schema.postgres.sql"), encoding: .utf8)
        #expect(PostgresArchive.sql == file.trimmingCharacters(in: .newlines), "run scripts/embed-schema after editing schema.postgres.sql")
    }

    /// Each table's columns in order, its primary key, and each view's columns: what a user of
    /// either engine sees. Left out, as schema.postgres.sql says: the full-text machinery (SQLite's
    /// FTS5 tables and fts_deferred, PostgreSQL's search_document columns) and where each keeps
    /// its schema version (PRAGMA user_version, archive_schema).
    struct Layout: Equatable {
        var tables: [String: [String]] = [:]
        var keys: [String: [String]] = [:]
        var views: [String: [String]] = [:]
    }

    func sqliteLayout() throws -> Layout {
        let database = try ArchiveSchema.open(":memory:", mode: .readWrite)
        var layout = Layout()
        for row in try database.rows("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name") {
            guard let name = row.string(0), !name.hasPrefix("sqlite_"), !name.contains("_fts"), name != "fts_deferred" else { continue }
            let columns = try database.rows("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", [name])
            if row.string(1) == "view" {
                layout.views[name] = columns.compactMap { $0.string(0) }
            } else {
                layout.tables[name] = columns.compactMap { $0.string(0) }
                layout.keys[name] = columns.filter { ($0.int(1) ?? 0) > 0 }.sorted { ($0.int(1) ?? 0) < ($1.int(1) ?? 0) }
                    .compactMap { $0.string(0) }
            }
        }
        return layout
    }

    func postgresLayout(_ database: Database) throws -> Layout {
        var layout = Layout()
        let columns = try database.rows("""
            SELECT c.table_name, c.column_name, t.table_type FROM information_schema.columns AS c
            JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND c.column_name <> 'search_document' AND c.table_name <> 'archive_schema'
            ORDER BY c.table_name, c.ordinal_position
            """)
        for row in columns {
            guard let table = row.string(0), let column = row.string(1) else { continue }
            if row.string(2) == "VIEW" { layout.views[table, default: []].append(column) } else { layout.tables[table, default: []].append(column) }
        }
        for row in try database.rows("""
            SELECT k.table_name, k.column_name FROM information_schema.table_constraints AS tc
            JOIN information_schema.key_column_usage AS k ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
            WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
            ORDER BY k.table_name, k.ordinal_position
            """) {
            guard let table = row.string(0), let column = row.string(1), table != "archive_schema" else { continue }
            layout.keys[table, default: []].append(column)
        }
        return layout
    }

    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func bothEnginesHaveTheSameTablesColumnsKeysAndViews() throws {
        let scratch = try TestPostgres.scratch()
        let postgres = try PostgresArchive.open(try #require(PostgresLocation(scratch.url)), mode: .readWrite)
        let expected = try sqliteLayout()
        let found = try postgresLayout(postgres)
        #expect(expected.tables.count > 20)
        #expect(found.tables == expected.tables)
        #expect(found.keys == expected.keys)
        #expect(found.views == expected.views)
    }

    /// Schema 6 was the first on PostgreSQL; a version 6 archive's filed words and links move to
    /// version 7's tables, and the archive ends up as a new one is laid out.
    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func anArchiveOfSchemaSixKeepsItsFiledWords() throws {
        let scratch = try TestPostgres.scratch()
        let location = try #require(PostgresLocation(scratch.url))
        do {
            let old = try PostgresArchive.open(location, mode: .readWrite)
            try old.execute("""
                DROP TABLE article_terms;
                CREATE TABLE article_terms (
                    term          text COLLATE "C" NOT NULL,
                    day           text COLLATE "C" NOT NULL,
                    article_id    bigint NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                    PRIMARY KEY (term, day, article_id)
                );
                CREATE INDEX article_terms_article ON article_terms (article_id);
                DROP TABLE article_links;
                CREATE TABLE article_links (
                    article_id    bigint NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                    other_id      bigint NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                    similarity    double precision NOT NULL,
                    PRIMARY KEY (article_id, other_id)
                );
                INSERT INTO source_articles (id, title, body, format, content_hash, ingested_at)
                VALUES (1, 'Talks', 'Talks in Geneva.', 'text', 'h1', '2025-12-21T00:00:00Z'),
                       (2, 'Fire', 'A fire.', 'text', 'h2', '2025-12-21T00:00:00Z');
                INSERT INTO article_terms (term, day, article_id)
                VALUES ('geneva', '2025-12-20', 1), ('talks', '2025-12-20', 1), ('fire', '', 2);
                INSERT INTO article_links (article_id, other_id, similarity) VALUES (1, 2, 0.25), (2, 1, 0.25);
                UPDATE archive_schema SET version = 6;
                """)
        }
        let upgraded = try PostgresArchive.open(location, mode: .readWrite)
        #expect(try upgraded.integer("SELECT version FROM archive_schema") == PostgresArchive.version)
        #expect(try postgresLayout(upgraded) == (try sqliteLayout()))
        let terms = try upgraded.rows("SELECT year, term, day, article_id FROM article_terms ORDER BY article_id, term").map { row in
            "\(row.string(0) ?? "?") \(row.string(1) ?? "?") \(row.string(2) ?? "?") \(row.int(3) ?? 0)"
        }
        #expect(terms == ["2025 geneva 2025-12-20 1", "2025 talks 2025-12-20 1", " fire  2"])
        #expect(try upgraded.rows("SELECT article_id, other_id, similarity FROM article_links").map(\.values)
                == [[.integer(1), .integer(2), .real(0.25)]])
        let indexes = try upgraded.rows("""
            SELECT indexname FROM pg_indexes WHERE tablename IN ('article_terms', 'article_links') ORDER BY indexname
            """)
        #expect(indexes.compactMap { $0.string(0) } == ["article_links_other", "article_links_pkey", "article_terms_article", "article_terms_pkey"])
        // Fresh and upgraded archives refuse a link kept the other way round alike.
        #expect(throws: (any Error).self) { try upgraded.execute("INSERT INTO article_links VALUES (2, 1, 0.5)") }
    }
}
