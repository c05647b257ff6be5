import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// SIGKILL at random moments (fixed seed): after every kill the archive is sound, every article is
/// wholly there or wholly absent, and a final run adds exactly the missing ones.
@Suite struct CrashSafetyEndToEndTests {
    let folder = TemporaryDirectory()

    func writeCorpus(count: Int) { SyntheticCorpus.write(count: count, into: folder, under: "corpus") }

    /// Per article (by content hash): people, places, quotes and event links.
    func shape(_ path: String) throws -> [String: [Int64]] {
        let database = try Database(path: path, mode: .readOnly)
        var result: [String: [Int64]] = [:]
        for row in try database.rows("""
            SELECT a.content_hash,
                (SELECT count(*) FROM article_people WHERE article_id = a.id),
                (SELECT count(*) FROM article_places WHERE article_id = a.id),
                (SELECT count(*) FROM quote_articles WHERE article_id = a.id),
                (SELECT count(*) FROM article_events WHERE article_id = a.id)
            FROM source_articles AS a
            """) {
            result[row.string(0)!] = (1...4).map { row.int($0)! }
        }
        return result
    }

    @Test func killedAtAnyMomentNothingIsHalfWritten() throws {
        let count = 1_500
        writeCorpus(count: count)
        let reference = folder.path("reference.db")
        #expect(try CommandResult.run(["ingest", "--quiet", folder.path("corpus"), "--db", reference]).status == 0)
        let expected = try shape(reference)
        #expect(expected.count == count)

        let db = folder.path("killed.db")
        var seed: UInt64 = 20251220
        func next() -> UInt64 {  // a fixed-seed generator, so every run kills at the same moments
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed >> 33
        }
        var kills = 0
        for _ in 0..<22 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Repository.binary)
            process.arguments = ["ingest", "--quiet", folder.path("corpus"), "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(20_000 + next() % 600_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()

            let database = try Database(path: db)
            #expect(try database.scalar("PRAGMA integrity_check") == .text("ok"))
            #expect(try ArchiveMaintenance(database: database).check().problems == [])
            for (hash, counts) in try shape(db) {
                #expect(expected[hash] == counts, "article \(hash) is half written: \(counts) of \(expected[hash] ?? [])")
            }
        }
        #expect(kills >= 15, "the ingest finished before most kills; the corpus is too small to test anything")
        let final = try CommandResult.run(["ingest", folder.path("corpus"), "--db", db])
        #expect(final.status == 0)
        let stored = try shape(db)
        #expect(stored.count == count)
        #expect(try Database(path: db, mode: .readOnly).integer("SELECT count(*) FROM source_articles") == Int64(count))
    }
}
