@testable import ArchivePostgres
import ArchiveQuery
import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct PostgresConnectionTests {
    @Test func parametersAreNumberedOutsideQuotesAndComments() {
        #expect(PostgresPlaceholders.numbered("SELECT ?, '?', \"a?\" FROM t WHERE x = ? -- why?\nAND y = ?").sql
                == "SELECT $1, '?', \"a?\" FROM t WHERE x = $2 -- why?\nAND y = $3")
        let numbered = PostgresPlaceholders.numbered("UPDATE t SET a = ?1 WHERE id = ?2 AND a IS DISTINCT FROM ?1")
        #expect(numbered.sql == "UPDATE t SET a = $1 WHERE id = $2 AND a IS DISTINCT FROM $1")
        #expect(numbered.count == 2)
    }

    @Test func passwordsNeverShow() throws {
        let location = try #require(PostgresLocation("postgresql://editor:s3cr%40t@db.example.org:5432/news?sslmode=require"))
        #expect(location.description == "postgresql://editor:***@db.example.org:5432/news?sslmode=require")
        #expect(location.redacting("failed for s3cr@t and s3cr%40t") == "failed for *** and ***")
        #expect(PostgresLocation("postgres://u@h/db?password=hunter2")?.description == "postgres://u@h/db?password=***")
        #expect(PostgresLocation("archive.db") == nil)
        #expect(PostgresLocation("POSTGRESQL://h/db") != nil)
    }

    @Test func anUnreachableServerIsOneSentenceWithoutThePassword() throws {
        let location = try #require(PostgresLocation("postgresql://editor:s3cret@/news?host=/nonexistent-folder&port=1"))
        do {
            _ = try PostgresArchive.open(location, mode: .readOnly)
            Issue.record("opened a server that does not exist")
        } catch let error as DatabaseError {
            #expect(error.description.hasPrefix("cannot connect to postgresql://editor:***@/news"))
            #expect(!error.description.contains("s3cret"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func valuesComeBackAsTheyWent() throws {
        let scratch = try TestPostgres.scratch()
        let database = Database(connection: try PostgresConnection(try #require(PostgresLocation(scratch.url))))
        try database.execute("CREATE TABLE t (i bigint, r double precision, s text, b bytea, f boolean)")
        let values: [DatabaseValue] = [.integer(Int64.max), .real(0.1), .text("Zelenskyy’s “peace” — 10 % ✓"), .blob([0, 255, 16]), .null]
        try database.run("INSERT INTO t (i, r, s, b, f) VALUES (?, ?, ?, ?, ?)", values[0], values[1], values[2], values[3], values[4])
        try database.run("INSERT INTO t (i, f) VALUES (?, true)", Int64.min)
        let rows = try database.rows("SELECT i, r, s, b, f FROM t ORDER BY i DESC")
        #expect(rows.first?.values == values)
        #expect(rows.last?.values == [.integer(Int64.min), .null, .null, .null, .integer(1)])
        // Many rows as one JSON parameter (SQLDialect.insertRowSet): the same values come back.
        try database.execute("DELETE FROM t")
        try database.insert(into: "t", ["i", "r", "s", "b", "f"], rows: [values.map { $0 as DatabaseValueConvertible? }, [Int64.min, Double.infinity, "\\ \"\n\u{1}", nil, 0]])
        let again = try database.rows("SELECT i, r, s, b, f FROM t ORDER BY i DESC")
        #expect(again.first?.values == values)
        #expect(again.last?.values == [.integer(Int64.min), .real(.infinity), .text("\\ \"\n\u{1}"), .null, .integer(0)])
    }

    /// New rows take ids the writer chose, and the server's own counter goes on after them.
    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func newRowsTakeTheNextIdsAndTheSequenceFollows() throws {
        let scratch = try TestPostgres.scratch()
        let database = try PostgresArchive.open(try #require(PostgresLocation(scratch.url)), mode: .readWrite)
        try database.execute("INSERT INTO places (id, name, key) VALUES (40, 'Before', 'before')")
        let ids = try database.inTransaction {
            [try database.insertNew(into: "places", ["name", "key"], "A", "a"), try database.insertNew(into: "places", ["name", "key"], "B", "b")]
        }
        #expect(ids == [41, 42])
        // A rolled-back transaction spends no id.
        #expect(throws: DatabaseError.self) {
            try database.inTransaction {
                _ = try database.insertNew(into: "places", ["name", "key"], "C", "c")
                try database.execute("SELECT 1/0")
            }
        }
        #expect(try database.inTransaction { try database.insertNew(into: "places", ["name", "key"], "D", "d") } == 43)
        try database.execute("INSERT INTO places (name, key) VALUES ('By the server', 'by the server')")
        #expect(try database.integer("SELECT id FROM places WHERE key = 'by the server'") == 44)
    }

    /// Inserts held back in a writing transaction (`HeldWrites`) land as if sent one by one:
    /// parents before the rows that refer to them whatever order the tables were first written
    /// in, an upsert's repeat after the row it repeats, updates after the inserts, first or last
    /// as asked; a savepoint that fails takes what it held with it.
    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func heldWritesLandAsIfSentOneByOne() throws {
        let scratch = try TestPostgres.scratch()
        let database = try PostgresArchive.open(try #require(PostgresLocation(scratch.url)), mode: .readWrite)
        try database.execute("INSERT INTO people (id, name, key, surname_key) VALUES (1, 'Ann Lee', 'ann lee', 'lee')")
        let upsert = "ON CONFLICT (key, person_id) DO UPDATE SET alias = excluded.alias WHERE excluded.alias < person_aliases.alias"
        let second = try database.inTransaction {
            // An alias of a stored person first, so the aliases' rows are held before any person's.
            try database.insert(into: "person_aliases", ["person_id", "alias", "key"], rows: [[1, "Lee", "lee"]], ending: upsert)
            let id = try database.insertNew(into: "people", ["name", "key", "surname_key"], "Bo Kim", "bo kim", "kim")
            try database.insert(into: "person_aliases", ["person_id", "alias", "key"], rows: [[id, "Kim", "kim"]], ending: upsert)
            // The same person and key again: one statement may not update a row twice.
            try database.insert(into: "person_aliases", ["person_id", "alias", "key"], rows: [[id, "KIM", "kim"]], ending: upsert)
            try database.update("people", id: id, set: ["role"], to: ["mayor"], where: "people.role IS NULL", firstWins: true)
            try database.update("people", id: id, set: ["role"], to: ["senator"], where: "people.role IS NULL", firstWins: true)
            try database.update("people", id: 1, set: ["name"], to: ["Ann B. Lee"])
            try database.update("people", id: 1, set: ["name"], to: ["Ann C. Lee"])
            #expect(throws: ArticleFailed.self) {
                try database.inSavepoint {
                    _ = try database.insertNew(into: "people", ["name", "key", "surname_key"], "Cy Doe", "cy doe", "doe")
                    throw ArticleFailed()
                }
            }
            return id
        }
        let people = try database.rows("SELECT id, name, role FROM people ORDER BY id").map { $0.values }
        #expect(people == [[.integer(1), .text("Ann C. Lee"), .null], [.integer(second), .text("Bo Kim"), .text("mayor")]])
        let aliases = try database.rows("SELECT person_id, alias FROM person_aliases ORDER BY person_id").map { $0.values }
        #expect(aliases == [[.integer(1), .text("Lee")], [.integer(second), .text("KIM")]])
    }

    private struct ArticleFailed: Error {}

    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func onlyArchivesAreOpenedAndNewerOnesAreLeftAlone() throws {
        let scratch = try TestPostgres.scratch()
        let location = try #require(PostgresLocation(scratch.url))
        #expect(throws: DatabaseError.self) { try PostgresArchive.open(location, mode: .readOnly) }
        do {
            _ = try PostgresArchive.open(location, mode: .readWrite, creatingIfMissing: false)
        } catch let error as DatabaseError {
            #expect(error.description.contains("no archive in"))
        }
        let archive = try PostgresArchive.open(location, mode: .readWrite)
        try archive.execute("UPDATE archive_schema SET version = 99")
        do {
            _ = try PostgresArchive.open(location, mode: .readOnly)
            Issue.record("opened an archive of a newer schema")
        } catch let error as DatabaseError {
            #expect(error.description.contains("newer version of archive (schema 99"))
        }

        let other = try TestPostgres.scratch()
        let otherLocation = try #require(PostgresLocation(other.url))
        try Database(connection: try PostgresConnection(otherLocation)).execute("CREATE TABLE invoices (id int)")
        do {
            _ = try PostgresArchive.open(otherLocation, mode: .readWrite)
            Issue.record("opened another application's database")
        } catch let error as DatabaseError {
            #expect(error.description.contains("is not an archive database"))
        }
        let tables = try Database(connection: try PostgresConnection(otherLocation))
            .integer("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        #expect(tables == 1)
    }

    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func hostileSearchTextIsOnlyText() throws {
        let scratch = try TestPostgres.scratch()
        let archive = try PostgresArchive.open(try #require(PostgresLocation(scratch.url)), mode: .readWrite)
        try archive.run("""
            INSERT INTO source_articles (title, body, format, content_hash, ingested_at)
            VALUES ('Talks in Florida', 'Witkoff met Dmitriev in Florida.', 'text', 'h1', '2026-01-01T00:00:00Z')
            """)
        let runner = QueryRunner(database: archive)
        for text in ["'; DROP TABLE source_articles; --", "\"unbalanced", "a & | ! :* ( <->", "Witkoff OR", "-Florida", "Florida"] {
            for raw in [false, true] {
                _ = try? runner.run(FullTextSearch(text: text, raw: raw).build(for: archive.dialect))
            }
        }
        #expect(try runner.run(FullTextSearch(text: "witkoff florida").build(for: archive.dialect)).rows.count == 1)
        #expect(try archive.integer("SELECT count(*) FROM source_articles") == 1)
    }
}
