import ArchiveIngest
import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Who is who does not depend on the order articles arrive in: spellings of one person ("Maria
/// Novak", "Maria Nowak") end as one person under the same name whichever came first, a surname
/// shared by many people does not hide the one a new spelling belongs to, and of two spellings of
/// one key ("LINKdotNET", "LinkdotNet") the same one names the row.
@Suite struct EntityOrderTests {
    let folder = TemporaryDirectory()

    /// Every person, organization and place as name and key, and every spelling each was seen as.
    static func names(_ database: Database) throws -> [String] {
        try database.rows("""
            SELECT 'person ' || p.key || ' = ' || p.name || ' / ' || a.alias FROM people AS p JOIN person_aliases AS a ON a.person_id = p.id
            UNION ALL SELECT 'organization ' || key || ' = ' || name FROM organizations
            UNION ALL SELECT 'place ' || key || ' = ' || name FROM places
            """).compactMap { $0.string(0) }.sorted()
    }

    func ingest(_ files: [InputFile], name: String) throws -> Database {
        let database = try ArchiveSchema.open(folder.path(name), mode: .readWrite)
        var report = IngestReport()
        try IngestPipeline(database: database, batchSize: 1).ingest(files, report: &report)
        #expect(report.failures.isEmpty)
        return database
    }

    @Test func spellingsOfOnePersonEndTheSameInEveryOrder() throws {
        // Ten given names with 'Novak' and with 'Nowak': twenty people on one folded surname.
        SyntheticCorpus.write(count: 160, into: folder, under: "in", seed: 5)
        let files = FileCollector().collect([folder.path("in")]).files.sorted { $0.path < $1.path }
        let forward = try Self.names(try ingest(files, name: "forward.db"))
        #expect(forward.contains("person anna novak = Anna Novak / Anna Nowak"))
        #expect(!forward.contains { $0.hasPrefix("person anna nowak") })
        #expect(try Self.names(try ingest(files.reversed(), name: "backward.db")) == forward, "reversed")
        for seed: UInt64 in [1, 2] {
            var generator = SplitMix(state: seed)
            #expect(try Self.names(try ingest(files.shuffled(using: &generator), name: "\(seed).db")) == forward, "order \(seed)")
        }
    }

    /// Everything an order could change that names do not show: who said each report of a quote,
    /// in which words, and each copy's own date.
    static func reports(_ database: Database) throws -> [String] {
        try database.rows("""
            SELECT 'quote ' || q.text || ' / ' || coalesce(p.name, '-') || ' / ' || coalesce(q.speaker_as_written, '-')
                || ' / ' || coalesce(q.cue, '-') || ' in ' || a.title
            FROM quote_articles AS qa JOIN quotes AS q ON q.id = qa.quote_id JOIN source_articles AS a ON a.id = qa.article_id
            LEFT JOIN people AS p ON p.id = q.person_id
            UNION ALL SELECT 'copy ' || title || ' / ' || coalesce(published_at, '-') FROM article_copies
            """).compactMap { $0.string(0) }.sorted()
    }

    @Test func aLoneSurnameAQuotesWordsAndACopysDateDoNotDependOnOrder() throws {
        // Two Henrys with given names, an article that says only "Henry", a quote reported twice
        // in two spellings and by two speakers, and a wire copy that dates itself in its first line.
        folder.write("a/1.txt", "Harbour plan approved\nMayor Paul Henry opened the new ferry terminal in Dover on Monday.")
        folder.write("a/2.txt", "Rail talks stall\nUnion leader Joan Henry walked out of the talks in Leeds on Tuesday.")
        folder.write("a/3.txt", "Council vote\nHenry said the council would vote again in Dover next week.")
        folder.write("a/4.txt", "Ferry strike\nThe ferry strike goes on. “We won't sail until the pay is fair,” said Ada Marsh, who leads the crews in Dover.")
        folder.write("a/5.txt", "Ferry strike goes on\nCrews stayed ashore. “We won’t sail until the pay is fair,” the union said in a statement from Dover.")
        let wire = String(repeating: "The storm closed the coastal road near Whitby for a second day while crews cleared fallen trees. ", count: 5)
        folder.write("a/6.txt", "Storm closes coast road\nPosted on November 15, 2011\n\n" + wire)
        folder.write("a/7.txt", "Storm closes coast road\nPosted on November 15, 2011\n\n" + wire + "Buses ran instead.")
        let files = FileCollector().collect([folder.path("a")]).files.sorted { $0.path < $1.path }
        let forwardDatabase = try ingest(files, name: "forward.db")
        let forward = try Self.names(forwardDatabase) + Self.reports(forwardDatabase)
        #expect(forward.contains("person henry = Henry / Henry"), "\(forward)")
        #expect(forward.contains { $0.hasPrefix("copy Storm closes coast road / 2011-11-15") }, "\(forward)")
        for (number, order) in [Array(files.reversed()), [files[2], files[4], files[6], files[0], files[3], files[5], files[1]]].enumerated() {
            let database = try ingest(order, name: "\(number).db")
            let other = try Self.names(database) + Self.reports(database)
            #expect(other == forward, "order \(number): \(Set(other).symmetricDifference(forward).sorted())")
        }
    }

    @Test func theSameSpellingNamesARowWhicheverCameFirst() throws {
        folder.write("a/1.txt", "Telecom deal\nLINKdotNET signed with Orascom in Cairo, said Olivia De Berardinis.")
        folder.write("a/2.txt", "Telecom deal done\nLinkdotNet signed with Orascom in Cairo, said Olivia de Berardinis.")
        let files = FileCollector().collect([folder.path("a")]).files.sorted { $0.path < $1.path }
        let forward = try Self.names(try ingest(files, name: "forward.db"))
        #expect(forward.contains("organization linkdotnet = LINKdotNET"), "\(forward)")
        #expect(forward.contains { $0.hasPrefix("person olivia de berardinis = Olivia De Berardinis") }, "\(forward)")
        let backward = try Self.names(try ingest(files.reversed(), name: "backward.db"))
        #expect(backward == forward, "\(Set(backward).symmetricDifference(forward).sorted())")
    }
}
