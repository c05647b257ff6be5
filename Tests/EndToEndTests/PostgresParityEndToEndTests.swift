import ArchiveTestSupport
import Foundation
import Testing

/// The same archive on both engines: the seeds and the development splits ingested into an SQLite
/// file and into PostgreSQL through the binary, then every listing, search, detail page and the
/// statistics compared. Ranking scores may differ (bm25 against ts_rank_cd), and so may the
/// order of equally ranked hits; what is found may not. So may the ingest times an event shows.
@Suite(.serialized, .enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
struct PostgresParityEndToEndTests {
    static let shared = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/data").path
    static let splits = ["ecbplus/dev", "polnear/dev", "conll2003/valid", "html-trafilatura/dev"].map { shared + "/" + $0 + "/docs" }
        .filter { FileManager.default.fileExists(atPath: $0) }

    @Test func bothEnginesHoldTheSameArchive() throws {
        let folder = TemporaryDirectory()
        let scratch = try TestPostgres.scratch()
        let archives = [folder.path("archive.db"), scratch.url]
        let corpora = [Repository.path("seeds")] + Self.splits
        if Self.splits.isEmpty { print("parity on the seeds only: ../shared/data is not beside the repository (CI has it)") }
        for corpus in corpora {
            let ingests = try archives.map { try CommandResult.run(["ingest", corpus, "--db", $0]) }
            #expect(ingests.allSatisfy { $0.status == 0 }, "\(ingests.map(\.standardError))")
            #expect(ingests[0].standardError.split(separator: "(").first == ingests[1].standardError.split(separator: "(").first)
        }
        func output(_ arguments: [String]) throws -> [String] {
            try archives.map { archive in
                let result = try CommandResult.run(arguments + ["--db", archive])
                #expect(result.status == 0, "\(arguments): \(result.standardError)")
                return result.standardOutput
            }
        }
        for target in ["events", "articles", "people", "organizations", "places", "quotes"] {
            let listed = try output(["query", "--show", target, "--limit", "100000", "--format", "json"])
            #expect(listed[0] == listed[1], "query --show \(target) differs")
            #expect(listed[0].count > 100)
        }
        for filter in [["--person", "Witkoff"], ["--place", "Florida"], ["--text", "talks"], ["--from", "2011", "--to", "2012-06"]] {
            let listed = try output(["query"] + filter + ["--format", "json"])
            #expect(listed[0] == listed[1], "query \(filter) differs")
        }
        for words in ["Witkoff", "earthquake", "police said", "minister", "Zelenskyy", "\"security guarantees\""] {
            let found = try output(["search", words, "--limit", "1000", "--format", "json"]).map(Self.hits)
            #expect(found[0] == found[1], "search \(words) finds different articles or quotes")
            #expect(found[0].count < 1000)
        }
        let events = try JSONSerialization.jsonObject(with: Data(try output(["query", "--limit", "100000", "--format", "json"])[0].utf8))
        let eventCount = (events as? [Any])?.count ?? 0
        for id in stride(from: 1, through: max(1, eventCount), by: max(1, eventCount / 25)) {
            let shown = try output(["show", "event", String(id), "--format", "json"]).map(Self.withoutIngestTimes)
            #expect(shown[0] == shown[1], "show event \(id) differs")
        }
        for id in [1, 2, 50, 300, 900] {
            let shown = try output(["show", "article", String(id), "--format", "json"])
            #expect(shown[0] == shown[1], "show article \(id) differs")
        }
        for name in ["Witkoff", "Dmitriev"] {
            let shown = try output(["show", "person", name, "--format", "json"])
            #expect(shown[0] == shown[1], "show person \(name) differs")
        }
        let stats = try output(["stats"])
        #expect(stats[0] == stats[1])
    }

    /// What a search found, in a fixed order: kind and id of each hit.
    static func hits(_ json: String) -> [String] {
        guard let rows = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return ["unreadable: " + json] }
        return rows.map { "\($0["kind"] ?? "?") \($0["id"] ?? "?")" }.sorted()
    }

    /// An event's page without when each engine's ingest ran.
    static func withoutIngestTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #""(first|last)_seen": "[^"]*""#, with: "", options: .regularExpression)
    }
}
