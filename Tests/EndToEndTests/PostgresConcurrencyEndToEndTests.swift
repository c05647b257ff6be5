import ArchivePostgres
import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Several ingesters at once into one PostgreSQL archive, over folders that overlap: nothing is
/// stored twice, nothing is lost, and the events are those of one ingest of everything.
@Suite(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
struct PostgresConcurrencyEndToEndTests {
    let folder = TemporaryDirectory()

    /// What an archive holds, in terms that do not depend on ids: each event as the content hashes
    /// of its articles, and the keys of everyone and everything named.
    static func contents(_ url: String) throws -> [String: [String]] {
        let database = try PostgresArchive.open(try #require(PostgresLocation(url)), mode: .readOnly)
        func list(_ sql: String) throws -> [String] { try database.rows(sql).compactMap { $0.string(0) }.sorted() }
        return [
            "events": try list("""
                SELECT string_agg(a.content_hash, ' ' ORDER BY a.content_hash) FROM article_events AS ae
                JOIN source_articles AS a ON a.id = ae.article_id GROUP BY ae.event_id
                """),
            "articles": try list("SELECT content_hash FROM source_articles"),
            "copies": try list("SELECT content_hash FROM article_copies"),
            "people": try list("SELECT key FROM people"),
            "organizations": try list("SELECT key FROM organizations"),
            "places": try list("SELECT key FROM places"),
            "quotes": try list("SELECT match_key || ' ' || (SELECT count(*) FROM quote_articles WHERE quote_id = q.id) FROM quotes AS q"),
        ]
    }

    @Test func twoIngestersOverOverlappingFoldersEqualOneIngest() throws {
        SyntheticCorpus.write(count: 240, into: folder, under: "all", seed: 11, label: "Dispatch")
        // Two folders that share a third of the articles, and both take the seeds.
        let manager = FileManager.default
        for (name, range) in [("left", 0..<160), ("right", 80..<240)] {
            for number in range {
                let from = folder.path("all/\(number / 100)/\(number).txt")
                try manager.createDirectory(atPath: folder.path("\(name)/\(number / 100)"), withIntermediateDirectories: true)
                try manager.copyItem(atPath: from, toPath: folder.path("\(name)/\(number / 100)/\(number).txt"))
            }
            for seed in try manager.contentsOfDirectory(atPath: Repository.path("seeds")) {
                try manager.copyItem(atPath: Repository.path("seeds/" + seed), toPath: folder.path("\(name)/\(seed)"))
                if name == "left" { try manager.copyItem(atPath: Repository.path("seeds/" + seed), toPath: folder.path("all/\(seed)")) }
            }
        }
        let sequential = try TestPostgres.scratch()
        let once = try CommandResult.run(["ingest", folder.path("all"), "--db", sequential.url])
        #expect(once.status == 0, "\(once.standardError)")

        let concurrent = try TestPostgres.scratch()
        // A reader while both write: it is never refused.
        let finished = try ConcurrentResults.twoIngestsAndAReader(folder.path("left"), folder.path("right"), db: concurrent.url,
                                                                   queries: 10)
        for result in finished { #expect(result.status == 0, "\(result.standardError)") }

        let expected = try Self.contents(sequential.url)
        let found = try Self.contents(concurrent.url)
        #expect(expected["articles"]?.count == 242)
        for (part, rows) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(found[part] == rows, "\(part) differ between two ingesters at once and one ingest")
        }
    }
}
