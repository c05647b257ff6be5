import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Two ingests at once, and queries while an ingest writes: all succeed, nothing is lost.
@Suite struct ConcurrencyEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    func writeArticles(_ folderName: String, count: Int, seed: UInt64) {
        SyntheticCorpus.write(count: count, into: folder, under: folderName, seed: seed, label: folderName)
    }

    @Test func twoIngestsAndQueriesAtOnce() throws {
        writeArticles("north", count: 300, seed: 1)
        writeArticles("south", count: 300, seed: 2)
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        // Queries while both write; a failure to run the binary at all fails the test here, with its reason.
        let finished = try ConcurrentResults.twoIngestsAndAReader(folder.path("north"), folder.path("south"), db: db, queries: 20)
        for result in finished {
            #expect(result.status == 0, "\(result.standardError)")
            #expect(!result.standardError.contains("locked"))
        }
        #expect(finished[2].standardOutput.contains("Steve Witkoff"))
        let database = try Database(path: db, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 602)
        #expect(try database.scalar("PRAGMA integrity_check") == .text("ok"))
    }
}
