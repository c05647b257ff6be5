import ArchiveGrouping
import ArchiveIngest
import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Events are a function of the stored articles: the ECB+ development split (772 news articles, 66
/// happenings, two look-alike happenings per topic) ingested one at a time in three shuffled
/// orders, in shuffled batches of ten, and all at once gives the same events every time, and
/// `regroup` gives them again. Outlets' near-copies are in: of two, the one with the lower
/// content hash is stored whichever came first, and the stored one's words are what grouping compares.
/// Who is who comes out the same too: people, organizations and places with every spelling, which
/// article names whom, and each quote's words and speaker.
@Suite struct GroupingOrderTests {
    static let split = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/data/ecbplus/dev/docs").path
    static let hasSplit = FileManager.default.fileExists(atPath: split)
    let folder = TemporaryDirectory()

    /// The events as sets of file names (an outlet's near-copy counted with its original), whatever their ids.
    static func membership(_ database: Database) throws -> Set<Set<String>> {
        var events: [Int64: Set<String>] = [:]
        for row in try database.rows("""
            SELECT ae.event_id, a.path FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id
            UNION ALL SELECT ae.event_id, c.path FROM article_events AS ae JOIN article_copies AS c ON c.article_id = ae.article_id
            """) {
            events[row.int(0) ?? 0, default: []].insert(URL(fileURLWithPath: row.string(1) ?? "").lastPathComponent)
        }
        return Set(events.values)
    }

    /// Every name with its spellings and every report of a quote (`EntityOrderTests`), and which
    /// article names which person, by file name.
    static func whoIsWho(_ database: Database) throws -> [String] {
        let links = try database.rows("""
            SELECT a.path, p.name, ap.mention_count, ap.role FROM article_people AS ap
            JOIN people AS p ON p.id = ap.person_id JOIN source_articles AS a ON a.id = ap.article_id
            """).map { row in
            "\(URL(fileURLWithPath: row.string(0) ?? "").lastPathComponent) names \(row.string(1) ?? "") \(row.int(2) ?? 0) \(row.string(3) ?? "-")"
        }
        return try (EntityOrderTests.names(database) + EntityOrderTests.reports(database) + links).sorted()
    }

    /// Ingests in batches of `size` articles, each written and grouped in a transaction of its own.
    func ingest(_ files: [InputFile], batches size: Int, name: String) throws -> Database {
        let database = try ArchiveSchema.open(folder.path(name), mode: .readWrite)
        var report = IngestReport()
        try IngestPipeline(database: database, batchSize: size).ingest(files, report: &report)
        #expect(report.added + report.copies == files.count)
        #expect(report.failures.isEmpty)
        return database
    }

    @Test(.enabled(if: hasSplit, "skipped: ../shared/data/ecbplus/dev is not beside the repository (CI has it)"))
    func everyOrderAndBatchingGivesTheSameEvents() throws {
        let all = FileCollector().collect([Self.split]).files.sorted { $0.path < $1.path }
        try #require(all.count > 700)
        let files = all
        let together = try ingest(files, batches: files.count, name: "together.db")
        #expect(try together.integer("SELECT count(*) FROM article_copies") ?? 0 > 5)
        let stored = "SELECT path FROM source_articles ORDER BY path"
        let storedTogether = try together.rows(stored).compactMap { $0.string(0) }
        let expected = try Self.membership(together)
        let names = try Self.whoIsWho(together)
        #expect(expected.count > 40 && expected.count < 200, "\(expected.count) events for 66 happenings")

        for seed: UInt64 in [1, 2, 3] {
            var generator = SplitMix(state: seed)
            let order = files.shuffled(using: &generator)
            let one = try ingest(order, batches: 1, name: "one-\(seed).db")
            #expect(try Self.membership(one) == expected, "one at a time, order \(seed)")
            #expect(try one.rows(stored).compactMap { $0.string(0) } == storedTogether, "the same texts stored, order \(seed)")
            let other = try Self.whoIsWho(one)
            #expect(other == names, "who is who, order \(seed): \(Set(other).symmetricDifference(names).sorted().prefix(6))")
        }
        var generator = SplitMix(state: 4)
        let tens = try ingest(files.shuffled(using: &generator), batches: 10, name: "tens.db")
        #expect(try Self.membership(tens) == expected, "batches of ten")

        let before = try tens.rows("SELECT event_id, article_id FROM article_events ORDER BY article_id")
        try tens.inTransaction { _ = try EventGrouper(database: tens).regroup() }
        #expect(try tens.rows("SELECT event_id, article_id FROM article_events ORDER BY article_id") == before,
                "regroup of an up-to-date archive changes no row")
        #expect(try Self.membership(tens) == expected)
    }
}
