@testable import ArchiveIngest
import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct IngestPipelineTests {
    let folder = TemporaryDirectory()

    func ingest(_ paths: [String], into database: Database) throws -> IngestReport {
        var report = IngestReport()
        let collected = FileCollector().collect(paths)
        try IngestPipeline(database: database, batchSize: 2).ingest(collected.files, report: &report)
        return report
    }

    func writeArticles() {
        folder.write("in/one.txt", "Strike ends in Lyon\nUnion leader Claire Dubois said on Monday that workers would return.")
        folder.write("in/two.txt", "Bridge reopens\nMayor Olga Petrenko cut the ribbon in Lviv. “It took three years,” Petrenko said.")
        folder.write("in/three.md", "---\ntitle: Vote delayed\noutlet: Example Wire\n---\nSenator Paul Avery asked for more time.")
    }

    @Test func articlesOfAnUpgradedArchiveAreFoundForGrouping() throws {
        let path = folder.path("v1.db")
        do {
            let old = try Database(path: path)
            try old.execute(String(contentsOfFile: Repository.path("Tests/Fixtures/schema-v1.sql"), encoding: .utf8))
            try old.execute("""
                INSERT INTO source_articles (title, body, format, content_hash, ingested_at)
                VALUES ('Lyon strike ends', 'Union leader Claire Dubois said the Lyon strike had ended.', 'text', 'h1', '2025-12-21T00:00:00Z');
                INSERT INTO events (title, first_seen, last_seen) VALUES ('Lyon strike ends', '2025-12-21T00:00:00Z', '2025-12-21T00:00:00Z');
                INSERT INTO article_events (article_id, event_id) VALUES (1, 1);
                """)
        }
        let database = try ArchiveSchema.open(path, mode: .readWrite)
        #expect(try database.integer("SELECT count(*) FROM article_terms") == 0)
        writeArticles()
        _ = try ingest([folder.path("in/one.txt")], into: database)
        #expect(try database.integer("SELECT count(*) FROM article_terms WHERE article_id = 1 AND term = 'lyon'") == 1)
        // The new report of the same strike found the old one, and joined its event.
        #expect(try database.integer("SELECT count(DISTINCT event_id) FROM article_events") == 1)
    }

    @Test func aBatchWithAFailingArticleIsWrittenAgainWithoutItAndIndexedWhole() throws {
        writeArticles()
        folder.write("in/poison.txt", "Poison\nThis article is refused by the database. “It will never be stored,” Anna Berg said.")
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        try database.execute("""
            CREATE TRIGGER refuse_poison BEFORE INSERT ON source_articles WHEN new.title = 'Poison'
            BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
            """)
        var report = IngestReport()
        try IngestPipeline(database: database, batchSize: 10).ingest(FileCollector().collect([folder.path("in")]).files, report: &report)
        #expect(report.added == 3)
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.contains("poison.txt") == true)
        #expect(try database.integer("SELECT count(*) FROM fts_deferred") == 0)
        #expect(try ArchiveMaintenance(database: database).check().problems.isEmpty)
        #expect(try database.integer("SELECT count(*) FROM source_articles_fts WHERE source_articles_fts MATCH 'ribbon'") == 1)
        #expect(try database.integer("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'three years'") == 1)
        #expect(try database.integer("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'never'") == 0)
        // Rows written later by anyone else are indexed by the triggers as before.
        try database.execute("INSERT INTO source_articles (title, body, format, content_hash, ingested_at) VALUES ('Hand-made', 'Typed at the prompt.', 'text', 'x', '2025-01-01T00:00:00Z')")
        #expect(try database.integer("SELECT count(*) FROM source_articles_fts WHERE source_articles_fts MATCH 'prompt'") == 1)
    }

    /// A chunk ends at its byte budget as well as at its file count, so large files cannot pile up
    /// in memory: three files, each as large as the budget or larger, go in three chunks, all stored.
    @Test func aChunkEndsOnceItsFilesHoldItsBytes() throws {
        writeArticles()
        let database = try ArchiveSchema.open(folder.path("bytes.db"), mode: .readWrite)
        let pipeline = IngestPipeline(database: database, batchSize: 100)
        let files = FileCollector().collect([folder.path("in")]).files
        pipeline.chunkBytes = files.map(\.bytes).min() ?? 1
        #expect(pipeline.chunkBytes > 50)
        var commits = 0
        pipeline.onCommitted = { _ in commits += 1 }
        var report = IngestReport()
        try pipeline.ingest(files, report: &report)
        #expect(commits == 3)
        #expect(report.added == 3)
    }

    @Test func ingestingTwiceAddsNothingTheSecondTime() throws {
        writeArticles()
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        let first = try ingest([folder.path("in")], into: database)
        #expect(first.added == 3)
        let counts = try database.rows("SELECT (SELECT count(*) FROM source_articles), (SELECT count(*) FROM people), (SELECT count(*) FROM quotes)")
        let second = try ingest([folder.path("in")], into: database)
        #expect(second.added == 0)
        #expect(second.duplicates == 3)
        #expect(second.summary.hasPrefix("0 articles added, 3 already stored"))
        #expect(try database.rows("SELECT (SELECT count(*) FROM source_articles), (SELECT count(*) FROM people), (SELECT count(*) FROM quotes)") == counts)
    }

    @Test func badFilesAreReportedAndTheOthersStillGoIn() throws {
        writeArticles()
        folder.write("in/empty.txt", "")
        folder.write("in/binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1])
        folder.write("in/damaged.txt", bytes: Array("Title\nCafé in Genève".utf8) + [0xE9])
        folder.write("in/latin1.txt", bytes: Array("Title\nCaf".utf8) + [0xE9])
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        let report = try ingest([folder.path("in")], into: database)
        #expect(report.added == 4)
        #expect(report.failed == 3)
        #expect(report.failures.allSatisfy { $0.contains(folder.path("in")) && !$0.contains("\n") })
        #expect(report.warnings == [folder.path("in/latin1.txt") + ": not UTF-8 (byte 0xE9 at offset 9); read as Windows-1252"])
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 4)
    }

    @Test func metadataAndExtractedFactsAreStored() throws {
        writeArticles()
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        _ = try ingest([folder.path("in")], into: database)
        #expect(try database.scalar("SELECT outlet FROM source_articles WHERE title = 'Vote delayed'") == .text("Example Wire"))
        #expect(try database.scalar("SELECT speaker FROM quote_list") == .text("Olga Petrenko"))
        #expect(try database.integer("SELECT count(*) FROM events") == 3)
        #expect(try database.scalar("SELECT role FROM people WHERE name = 'Paul Avery'") == .text("Senator"))
    }

    @Test func standardInputIsOneArticle() throws {
        let database = try ArchiveSchema.open(folder.path("a.db"), mode: .readWrite)
        var report = IngestReport()
        try IngestPipeline(database: database).ingest(bytes: Array("Piped title\nPiped body about Lyon.".utf8), format: .text,
                                                      name: "<stdin>", report: &report)
        #expect(report.added == 1)
        #expect(try database.scalar("SELECT path FROM source_articles") == .null)
    }
}
