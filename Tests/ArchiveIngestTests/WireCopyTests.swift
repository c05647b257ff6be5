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

    @Test func nearCopiesAreOneArticleWithEveryOutlet() throws {
        let folder = TemporaryDirectory()
        folder.write("in/a.md", page("Wire A", "Odesa harbour reopens", Self.story))
        // Another outlet's run of the same story: a new headline, one sentence cut, a word changed.
        let edited = Self.story.replacingOccurrences(of: "at dawn", with: "early on Friday")
            .replacingOccurrences(of: "Exports are expected to reach pre-war levels by the spring, the port authority said in a statement.\n", with: "")
        folder.write("in/b.md", page("Daily Ledger", "Harbour in Odesa open again after three years", edited))
        folder.write("in/c.md", page("Wire A", "Bridge vote delayed", """
            Senator Paul Avery asked for more time before the bridge vote on Thursday, citing new cost estimates from engineers.
            The committee agreed to postpone the vote by two weeks, and the mayor's office said it would publish the figures.
            """))
        let database = try ArchiveSchema.open(folder.path("w.db"), mode: .readWrite)
        var report = IngestReport()
        try IngestPipeline(database: database).ingest(FileCollector().collect([folder.path("in")]).files, report: &report)
        #expect(report.added == 2)
        #expect(report.copies == 1)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 2)
        #expect(try database.rows("SELECT outlet FROM article_copies").compactMap { $0.string(0) } == ["Daily Ledger"])
        #expect(try database.integer("SELECT article_count FROM event_list WHERE title = 'Odesa harbour reopens'") == 2)

        // Ingesting the copy again is a no-op, like any stored article.
        var again = IngestReport()
        try IngestPipeline(database: database).ingest(FileCollector().collect([folder.path("in")]).files, report: &again)
        #expect(again.duplicates == 3)
        #expect(try database.integer("SELECT count(*) FROM article_copies") == 1)
    }
}

