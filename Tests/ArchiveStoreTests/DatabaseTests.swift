import ArchiveStore
import ArchiveTestSupport
import CSQLite
import Foundation
import Testing

@Suite struct DatabaseTests {
    let database: Database

    init() throws {
        database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value ANY, name TEXT UNIQUE) STRICT")
    }

    @Test func bindsAndReadsBackEveryType() throws {
        let values: [DatabaseValue] = [.null, .integer(-42), .integer(Int64.max), .real(2.5), .text("Zelenskyy — Зеленський"),
                                       .text(""), .blob([0, 1, 255]), .blob([])]
        for value in values {
            try database.run("INSERT INTO t (value) VALUES (?)", value)
        }
        let stored = try database.rows("SELECT value FROM t ORDER BY id").map { $0[0] }
        #expect(stored == values)
    }

    @Test func bindsSwiftTypes() throws {
        try database.run("INSERT INTO t (value, name) VALUES (?, ?)", 7, "seven")
        try database.run("INSERT INTO t (value, name) VALUES (?, ?)", true, Optional<String>.none)
        let statement = try database.prepare("SELECT value FROM t WHERE name = ?")
        #expect(try statement.rows([.text("seven")]).first?.int(0) == 7)
        #expect(try database.integer("SELECT value FROM t WHERE name IS NULL") == 1)
    }

    @Test func reusesCachedStatements() throws {
        let first = try database.cachedStatement("SELECT count(*) FROM t")
        let second = try database.cachedStatement("SELECT count(*) FROM t")
        #expect(first === second)
        for number in 0..<100 { try database.run("INSERT INTO t (value) VALUES (?)", number) }
        #expect(try database.integer("SELECT count(*) FROM t") == 100)
    }

    @Test func transactionCommitsWhenTheBodyReturns() throws {
        try database.inTransaction { try database.run("INSERT INTO t (value) VALUES (1)") }
        #expect(try database.integer("SELECT count(*) FROM t") == 1)
        #expect(database.isAutocommit)
    }

    @Test func transactionRollsBackAndRethrowsTheFirstError() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try database.inTransaction {
                try database.run("INSERT INTO t (value) VALUES (1)")
                throw Boom()
            }
        }
        #expect(try database.integer("SELECT count(*) FROM t") == 0)
        #expect(database.isAutocommit)
    }

    @Test func savepointUndoesOnlyItsOwnWrites() throws {
        try database.inTransaction {
            try database.run("INSERT INTO t (value) VALUES (1)")
            _ = try? database.inSavepoint {
                try database.run("INSERT INTO t (value) VALUES (2)")
                try database.run("INSERT INTO t (name) VALUES ('x'), ('x')")
            }
        }
        #expect(try database.rows("SELECT value FROM t").compactMap { $0.int(0) } == [1])
    }

    @Test func constraintErrorCarriesExtendedCodeMessageAndSQL() throws {
        try database.run("INSERT INTO t (name) VALUES ('a')")
        let error = #expect(throws: DatabaseError.self) { try database.run("INSERT INTO t (name) VALUES ('a')") }
        #expect(error?.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error?.isConstraintViolation == true)
        #expect(error?.message.contains("t.name") == true)
        #expect(error?.sql == "INSERT INTO t (name) VALUES ('a')")
        #expect(error?.description.hasPrefix("SQLite error 2067") == true)
    }

    @Test func syntaxErrorIsThrownAtPrepare() throws {
        let error = #expect(throws: DatabaseError.self) { _ = try database.prepare("SELEC nothing") }
        #expect(error?.primaryCode == SQLITE_ERROR)
    }

    @Test func doubleQuotedStringsAreIdentifiersNotText() throws {
        // With double-quoted string literals off, "missing" is an unknown column, not the text 'missing'.
        let error = #expect(throws: DatabaseError.self) { _ = try database.rows("SELECT \"missing\" FROM t") }
        #expect(error?.message.contains("no such column") == true)
    }

    @Test func foreignKeysAreEnforced() throws {
        try database.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (p INTEGER REFERENCES parent (id))")
        let error = #expect(throws: DatabaseError.self) { try database.run("INSERT INTO child (p) VALUES (99)") }
        #expect(error?.code == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
    }

    @Test func linkedSQLiteHasFTS5() throws {
        #expect(try database.rows("PRAGMA compile_options").compactMap { $0.string(0) }.contains("ENABLE_FTS5"))
    }
}
