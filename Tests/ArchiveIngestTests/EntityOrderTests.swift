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
