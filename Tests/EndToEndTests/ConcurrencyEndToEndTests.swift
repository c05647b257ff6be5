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
        let results = ConcurrentResults(count: 3)
        let db = self.db, folder = self.folder
        DispatchQueue.concurrentPerform(iterations: 3) { job in
            switch job {
            case 0: results.set(0, Result { try CommandResult.run(["ingest", folder.path("north"), "--db", db]) })
            case 1: results.set(1, Result { try CommandResult.run(["ingest", folder.path("south"), "--db", db]) })
            default:
                // Queries while both write.
                var last: Result<CommandResult, Error> = .failure(CocoaError(.featureUnsupported))
                for _ in 0..<20 {
                    last = Result { try CommandResult.run(["query", "--person", "Witkoff", "--db", db, "--format", "ndjson"]) }
                    guard case .success(let query) = last else { break }
                    if query.status != 0 || query.standardError.contains("locked") { break }
                }
                results.set(2, last)
            }
        }
        // A failure to run the binary at all fails the test here, with its reason.
        let finished = try results.all()
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
