import ArchiveGrouping
import ArchiveIngest
import ArchiveStore
import ArchiveTestSupport
import Testing

/// A wire story run by several outlets with small edits is stored once, with every outlet kept.
@Suite struct WireCopyTests {
    static let story = """
        Mayor Olga Petrenko reopened the harbour in Odesa on Friday, three years after it was closed by the war.
        The first grain ship left the port at dawn, escorted by two tugs, and insurers said they would cover the route again.
        “It took three years, but the port is ours again,” Petrenko told reporters on the quay.
        Exports are expected to reach pre-war levels by the spring, the port authority said in a statement.
        """

    func page(_ outlet: String, _ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\noutlet: \(outlet)\npublished: 2025-12-19\n---\n\(body)"
    }

    /// The story as Wire A ran it and as the Daily Ledger ran it: a new headline, one sentence cut,
    /// a word changed.
    func write(_ folder: TemporaryDirectory) {
        folder.write("in/a.md", page("Wire A", "Odesa harbour reopens", Self.story))
        let edited = Self.story.replacingOccurrences(of: "at dawn", with: "early on Friday")
            .replacingOccurrences(of: "Exports are expected to reach pre-war levels by the spring, the port authority said in a statement.\n", with: "")
        folder.write("in/b.md", page("Daily Ledger", "Harbour in Odesa open again after three years", edited))
        folder.write("in/c.md", page("Wire A", "Bridge vote delayed", """
            Senator Paul Avery asked for more time before the bridge vote on Thursday, citing new cost estimates from engineers.
            The committee agreed to postpone the vote by two weeks, and the mayor's office said it would publish the figures.
            """))
    }

    func ingest(_ paths: [String], into database: Database) throws -> IngestReport {
        var report = IngestReport()
        try IngestPipeline(database: database).ingest(FileCollector().collect(paths).files, report: &report)
        return report
    }

    /// What a user sees of the two runs: which outlet's text is stored, which is its copy, the event.
    func outcome(_ database: Database) throws -> [String] {
        try database.rows("SELECT 'article ' || outlet || ': ' || title FROM source_articles ORDER BY 1").compactMap { $0.string(0) }
            + database.rows("""
                SELECT 'copy ' || c.outlet || ' of ' || a.outlet FROM article_copies AS c JOIN source_articles AS a ON a.id = c.article_id
                ORDER BY 1
                """).compactMap { $0.string(0) }
            + database.rows("SELECT 'event of ' || article_count || ': ' || title FROM event_list ORDER BY 1").compactMap { $0.string(0) }
            + database.rows("SELECT 'quote: ' || quote || ' (' || speaker || ')' FROM quote_list ORDER BY 1").compactMap { $0.string(0) }
            + database.rows("SELECT 'person: ' || name FROM people ORDER BY 1").compactMap { $0.string(0) }
    }

    @Test func nearCopiesAreOneArticleWithEveryOutlet() throws {
        let folder = TemporaryDirectory()
        write(folder)
        let database = try ArchiveSchema.open(folder.path("w.db"), mode: .readWrite)
        let report = try ingest([folder.path("in")], into: database)
        #expect(report.added == 2)
        #expect(report.copies == 1)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 2)
        #expect(try database.integer("SELECT count(*) FROM article_copies") == 1)
        #expect(try database.integer("SELECT max(article_count) FROM event_list") == 2)

        // Ingesting the copy again is a no-op, like any stored article.
        let again = try ingest([folder.path("in")], into: database)
        #expect(again.duplicates == 3)
        #expect(try database.integer("SELECT count(*) FROM article_copies") == 1)
    }

    /// Of two near-copies the text with the lower content hash is stored, whichever came first:
    /// one arriving later with a lower hash replaces the stored one, which becomes its copy.
    @Test func theStoredTextDoesNotDependOnArrivalOrder() throws {
        let folder = TemporaryDirectory()
        write(folder)
        var outcomes: [[String]] = []
        for (index, order) in [["a", "b", "c"], ["b", "a", "c"], ["c", "b", "a"]].enumerated() {
            for oneByOne in [false, true] {
                let database = try ArchiveSchema.open(folder.path("w\(index)\(oneByOne).db"), mode: .readWrite)
                let paths = order.map { folder.path("in/\($0).md") }
                var stored = 0
                if oneByOne {
                    for path in paths { stored += try ingest([path], into: database).added }
                } else {
                    stored = try ingest(paths, into: database).added
                }
                #expect(stored == 2)
                #expect(try ArchiveMaintenance(database: database).check().problems == [])
                outcomes.append(try outcome(database))
                // Events formed from nothing are those the replacement left.
                let membership = "SELECT article_id, event_id FROM article_events ORDER BY 1"
                let before = try database.rows(membership).map { [$0.int(0), $0.int(1)] }
                _ = try database.inTransaction { try EventGrouper(database: database).regroup() }
                #expect(try database.rows(membership).map { [$0.int(0), $0.int(1)] } == before)
            }
        }
        #expect(outcomes[0].contains { $0.hasPrefix("copy ") })
        #expect(outcomes[0].contains("quote: It took three years, but the port is ours again, (Olga Petrenko)"))
        for other in outcomes.dropFirst() { #expect(other == outcomes[0]) }
    }

    /// A manual correction that names the replaced text names the text that replaced it.
    @Test func aReplacedArticlesCorrectionsStay() throws {
        let folder = TemporaryDirectory()
        write(folder)
        // Which of the two texts the archive keeps (the lower content hash).
        let probe = try ArchiveSchema.open(folder.path("probe.db"), mode: .readWrite)
        _ = try ingest([folder.path("in/a.md"), folder.path("in/b.md")], into: probe)
        let keptIsA = try probe.integer("SELECT count(*) FROM source_articles WHERE outlet = 'Wire A'") == 1
        let (first, second) = keptIsA ? ("b", "a") : ("a", "b")

        let database = try ArchiveSchema.open(folder.path("w.db"), mode: .readWrite)
        _ = try ingest([folder.path("in/\(first).md"), folder.path("in/c.md")], into: database)
        let events = try database.rows("SELECT event_id FROM article_events ORDER BY article_id").compactMap { $0.int(0) }
        try #require(events.count == 2 && events[0] != events[1])
        // The harbour story and the bridge vote kept together by hand, then the harbour story replaced.
        _ = try database.inTransaction { try EventGrouper(database: database).merge(event: events[0], with: events[1], at: "now") }
        let report = try ingest([folder.path("in/\(second).md")], into: database)
        #expect(report.copies == 1 && report.added == 0)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 2)
        #expect(try database.integer("SELECT count(*) FROM events") == 1)
        #expect(try database.integer("SELECT count(*) FROM event_corrections WHERE together = 1") == 1)
        #expect(try ArchiveMaintenance(database: database).check().problems == [])
    }
}
