import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Machine-readable output is valid and says what it is; mistakes in arguments are usage errors.
@Suite struct OutputEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    init() throws {
        #expect(try CommandResult.run(["ingest", Repository.path("seeds"), "--db", folder.path("archive.db")]).status == 0)
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try CommandResult.run(arguments + ["--db", db])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("\u{1E}"), "an internal separator leaked into \(arguments)")
        return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    }

    @Test func statsAndShowPrintOneJSONDocument() throws {
        let stats = try #require(try json(["stats", "--format", "json"]) as? [String: Any])
        #expect(Set(stats.keys) == ["counts", "dates", "most_mentioned_people", "most_mentioned_organizations", "outlets"])
        let person = try #require(try json(["show", "person", "Rubio", "--format", "json"]) as? [String: Any])
        let row = try #require((person["person"] as? [[String: Any]])?.first)
        #expect(row["roles"] as? [String] == ["Secretary of State", "national security adviser"])
        let event = try #require(try json(["show", "event", "1", "--format", "json"]) as? [String: Any])
        #expect((event["articles"] as? [Any])?.count == 2)
    }

    @Test func everyNDJSONLineSaysWhatItIs() throws {
        for arguments in [["show", "event", "1"], ["show", "person", "Rubio"], ["stats"]] {
            let result = try CommandResult.run(arguments + ["--format", "ndjson", "--db", db])
            let lines = result.standardOutput.split(separator: "\n")
            #expect(lines.count > 3)
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["section"] is String, "\(line)")
            }
        }
    }

    @Test func scoresAreNumbers() throws {
        let results = try #require(try json(["search", "Florida talks", "--format", "json"]) as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results { #expect(result["score"] is NSNumber, "\(result)") }
    }

    @Test func entitiesInTitlesAreDecoded() throws {
        folder.write("api.json", #"{"title": "Rock &amp; Roll Hall honours &#8220;Ukraine&#8221; &#163;5m fund", "content": "Officials met in Geneva on Monday to discuss the fund, Anna Kowalczyk said."}"#)
        #expect(try CommandResult.run(["ingest", folder.path("api.json"), "--db", db]).status == 0)
        let articles = try #require(try json(["query", "--show", "articles", "--format", "json", "--text", "Geneva"]) as? [[String: Any]])
        #expect(articles.first?["title"] as? String == "Rock & Roll Hall honours “Ukraine” £5m fund")
    }

    @Test(arguments: [
        (["query", "--from", "2025-02-30"], "--from 2025-02-30"),
        (["query", "--to", "2025-13"], "--to 2025-13"),
        (["query", "--limit", "0"], "--limit"),
        (["query", "--limit", "-3"], "--limit"),
        (["search", "talks", "--limit", "0"], "--limit"),
        (["query", "--format", "xml"], "--format"),
        (["search", "((", "--raw"], "not valid FTS5"),
        (["search", String(repeating: "talks ", count: 400)], "at most 1000"),
    ])
    func usageErrorsExit64NamingTheArgument(arguments: [String], named: String) throws {
        let result = try CommandResult.run(arguments + ["--db", db])
        #expect(result.status == 64, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(named), "\(result.standardError)")
        if named != "--format" { #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)") }
    }

    @Test func ingestHelpDescribesStandardInput() throws {
        let help = try CommandResult.run(["ingest", "--help"]).standardOutput
        #expect(help.contains("several as JSON, JSON Lines or a feed"))
    }
}
