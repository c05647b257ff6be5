import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct MaintenanceEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    @Test func checkFindsAnIndexOutOfStepAndRebuildRepairsIt() throws {
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        let sound = try CommandResult.run(["check", "--db", db])
        #expect(sound.status == 0)
        #expect(sound.standardOutput.contains("ok: \(db) is sound"))
        #expect(sound.standardOutput.contains("source_articles        2"))
        do {
            // Tell the index to forget words the article still has: SQLite's own check cannot see this.
            let database = try Database(path: db)
            try database.execute("""
                INSERT INTO source_articles_fts (source_articles_fts, rowid, title, body)
                VALUES ('delete', 1, 'unrelated words', 'nothing like the article')
                """)
            #expect(try database.scalar("PRAGMA integrity_check") == .text("ok"))
        }
        let broken = try CommandResult.run(["check", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("source_articles_fts"))
        #expect(broken.standardError.contains("archive rebuild-fts"))
        let rebuilt = try CommandResult.run(["rebuild-fts", "--db", db])
        #expect(rebuilt.status == 0)
        #expect(try CommandResult.run(["check", "--db", db]).status == 0)
        let search = try CommandResult.run(["search", "security guarantees", "--db", db, "--format", "ndjson"])
        #expect(search.standardOutput.split(separator: "\n").count >= 2)
    }

    @Test func aDeferralLeftBehindIsReportedAndCleared() throws {
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        do {
            let database = try Database(path: db)
            try database.execute("INSERT INTO fts_deferred (articles_from, quotes_from) VALUES (1, 1)")
        }
        let broken = try CommandResult.run(["check", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("fts_deferred"))
        #expect(try CommandResult.run(["rebuild-fts", "--db", db]).status == 0)
        #expect(try CommandResult.run(["check", "--db", db]).status == 0)
    }
}
