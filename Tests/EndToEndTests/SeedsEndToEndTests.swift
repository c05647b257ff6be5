import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// The README's main job, through the built binary, on the seeds.
@Suite struct SeedsEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    func ingestSeeds() throws -> CommandResult {
        try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
    }

    @Test func ingestStoresBothSeedsAndSaysSo() throws {
        let result = try ingestSeeds()
        #expect(result.status == 0)
        #expect(result.standardError.contains("2 articles added, 0 already stored"))
        let database = try Database(path: db, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 2)
    }

    /// On a terminal (here the pseudo-terminal `script` gives it), ingest shows its progress on
    /// standard error; off a terminal, and with --quiet, it does not.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnATerminalOnly() throws {
        let command = "\(Repository.binary) ingest \(Repository.path("seeds")) --db \(db)"
        let onTerminal = try CommandResult.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(onTerminal.status == 0)
        #expect(onTerminal.standardOutput.contains("2/2 files"))
        #expect(onTerminal.standardOutput.contains("articles/s, about"))
        #expect(onTerminal.standardOutput.contains("2 articles added"))
        let quiet = try CommandResult.runProgram("/usr/bin/script", ["-qec", command + " --quiet", "/dev/null"])
        #expect(!quiet.standardOutput.contains("files") && !quiet.standardOutput.contains("already stored"))
        let offTerminal = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        #expect(!offTerminal.standardError.contains("files"))
        #expect(offTerminal.standardError.contains("0 articles added, 2 already stored"))
    }

    @Test func secondIngestAddsNothing() throws {
        _ = try ingestSeeds()
        let again = try ingestSeeds()
        #expect(again.status == 0)
        #expect(again.standardError.contains("0 articles added, 2 already stored"))
        let database = try Database(path: db, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 2)
        #expect(try database.integer("SELECT count(*) FROM quotes") == 3)
    }

    @Test func queryByPersonFindsTheTalks() throws {
        _ = try ingestSeeds()
        let result = try CommandResult.run(["query", "--person", "Witkoff", "--db", db, "--format", "json"])
        #expect(result.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count >= 1)
        for row in rows {
            #expect(row["date"] as? String == "2025-12-20")
            #expect((row["participants"] as? [String])?.contains("Steve Witkoff") == true)
            #expect((row["articles"] as? [String])?.isEmpty == false)
        }
        let places = Set(rows.compactMap { $0["place"] as? String })
        #expect(places.allSatisfy { $0.hasSuffix("Florida") })
    }

    @Test func tableOutputListsDateTitleAndPlace() throws {
        _ = try ingestSeeds()
        let result = try CommandResult.run(["query", "--person", "witkoff", "--db", db])
        #expect(result.standardOutput.contains("2025-12-20"))
        #expect(result.standardOutput.contains("What we know so far about today’s US–Russia talks on Ukraine"))
        #expect(result.standardOutput.contains("Florida"))
    }

    @Test func threeQuotesWithTheRightSpeakers() throws {
        _ = try ingestSeeds()
        let database = try Database(path: db, mode: .readOnly)
        let speakers = try database.rows("SELECT speaker FROM quote_list ORDER BY quote_id").compactMap { $0.string(0) }
        #expect(speakers == ["Rustem Umerov", "Marco Rubio", "Marco Rubio"])
        let rubio = try CommandResult.run(["query", "--person", "Rubio", "--show", "quotes", "--db", db, "--format", "ndjson"])
        #expect(rubio.standardOutput.split(separator: "\n").count == 2)
        #expect(rubio.standardOutput.contains("They have to want to make a deal"))
    }

    @Test func bylineAndBoilerplateAreNeitherPeopleNorText() throws {
        _ = try ingestSeeds()
        let database = try Database(path: db, mode: .readOnly)
        let people = try database.rows("SELECT name FROM people").compactMap { $0.string(0) }
        #expect(!people.contains { $0.contains("Hasanova") })
        #expect(people.contains("Steve Witkoff"))
        #expect(people.contains("Kirill Dmitriev"))
        #expect(try database.integer("SELECT count(*) FROM source_articles WHERE body LIKE '%Upgrade to Premium%' OR body LIKE '%50 Articles%' OR body LIKE '%Bias Distribution%'") == 0)
        #expect(try database.integer("SELECT count(*) FROM source_articles_fts WHERE source_articles_fts MATCH 'premium'") == 0)
        #expect(try database.scalar("SELECT author FROM source_articles WHERE title LIKE 'What we know%'") == .text("Tamilla Hasanova"))
    }

    @Test func bothSeedsFormOneEventDatedFromTheText() throws {
        _ = try ingestSeeds()
        let database = try Database(path: db, mode: .readOnly)
        let events = try database.rows("SELECT occurred_on, place, article_count FROM event_list")
        #expect(events.count == 1)
        #expect(events.first?.string(0) == "2025-12-20")
        #expect(events.first?.string(1)?.hasSuffix("Florida") == true)
        #expect(events.first?.int(2) == 2)
        let participants = try database.rows("""
            SELECT p.name FROM event_people AS ep JOIN people AS p ON p.id = ep.person_id WHERE ep.role = 'participant'
            """).compactMap { $0.string(0) }
        #expect(Set(participants).isSuperset(of: ["Steve Witkoff", "Jared Kushner", "Kirill Dmitriev"]))
    }

    @Test func spellingVariantsAreOnePerson() throws {
        _ = try ingestSeeds()
        let dmitryev = try CommandResult.run(["query", "--person", "Dmitryev", "--db", db, "--format", "ndjson"])
        #expect(dmitryev.standardOutput.split(separator: "\n").count == 1)
        let people = try CommandResult.run(["query", "--person", "Putin", "--show", "people", "--db", db, "--format", "csv"])
        #expect(people.standardOutput.contains("Vladimir Putin"))
        let database = try Database(path: db, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM people WHERE name LIKE '%Dmit%'") == 1)
    }

    @Test func showEventAndPerson() throws {
        _ = try ingestSeeds()
        let event = try CommandResult.run(["show", "event", "1", "--db", db])
        #expect(event.status == 0)
        #expect(event.standardOutput.contains("seeds/000_2b88fdd5aa2003cb.txt") && event.standardOutput.contains("seeds/004_1cf3fa070075e9c9.txt"))
        #expect(event.standardOutput.contains("Kirill Dmitriev"))
        let person = try CommandResult.run(["show", "person", "rubio", "--db", db, "--format", "ndjson"])
        #expect(person.standardOutput.contains("\"name\": \"Marco Rubio\""))
        #expect(person.standardOutput.contains("They have to want to make a deal"))
        let missing = try CommandResult.run(["show", "person", "Nobody Atall", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("no person called \"Nobody Atall\""))
    }

    @Test func databaseComesFromTheEnvironmentWhenNoFlagIsGiven() throws {
        let result = try CommandResult.run(["ingest", Repository.path("seeds")], environment: ["ARCHIVE_DB": db])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        let query = try CommandResult.run(["query", "--person", "Umerov", "--show", "people"], environment: ["ARCHIVE_DB": db])
        #expect(query.standardOutput.contains("Rustem Umerov"))
    }

    @Test func defaultDatabaseIsArchiveDbInTheCurrentFolder() throws {
        let result = try CommandResult.run(["ingest", Repository.path("seeds")], in: folder.path)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("archive.db")))
    }
}
