import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// `archive copy` moves an archive whole: the same answers, corrections included, ready for more
/// ingests; and it never writes into an archive that holds anything.
@Suite struct CopyEndToEndTests {
    let folder = TemporaryDirectory()

    /// An archive with a person merge and an event correction in it.
    func original() throws -> String {
        SyntheticCorpus.write(count: 60, into: folder, under: "corpus", seed: 5, label: "Bulletin")
        let db = folder.path("original.db")
        for command in [["ingest", Repository.path("seeds"), folder.path("corpus")], ["merge", "person", "Macron", "Vladimir Putin"],
                        ["merge", "event", "1", "2"]] {
            let result = try CommandResult.run(command + ["--db", db])
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        return db
    }

    /// What a user sees of an archive: every listing, and one event's and one person's page.
    func answers(_ db: String) throws -> [String] {
        var answers: [String] = []
        for target in ["events", "articles", "people", "organizations", "places", "quotes"] {
            answers.append(try CommandResult.run(["query", "--show", target, "--limit", "100000", "--format", "json", "--db", db]).standardOutput)
        }
        answers.append(try CommandResult.run(["show", "person", "Putin", "--format", "json", "--db", db]).standardOutput)
        answers.append(try CommandResult.run(["search", "Witkoff", "--format", "json", "--db", db]).standardOutput)
        return answers
    }

    func copy(_ from: String, _ to: String) throws -> CommandResult {
        try CommandResult.run(["copy", "--from", from, "--to", to])
    }

    @Test func aCopiedFileAnswersAsTheOriginalAndKeepsItsCorrections() throws {
        let source = try original()
        let target = folder.path("copy.db")
        let copied = try copy(source, target)
        #expect(copied.status == 0, "\(copied.standardError)")
        #expect(copied.standardError.contains("copied 62 articles"))
        #expect(copied.standardError.contains("is sound"))
        #expect(try answers(target) == answers(source))
        // The merge travelled with its record: it can be undone on the copy, and new articles get new ids.
        let unmerged = try CommandResult.run(["unmerge", "person", "Macron", "--db", target])
        #expect(unmerged.status == 0, "\(unmerged.standardError)")
        SyntheticCorpus.write(count: 5, into: folder, under: "more", seed: 9, label: "Later")
        #expect(try CommandResult.run(["ingest", folder.path("more"), "--db", target]).status == 0)
        #expect(try Database(path: target, mode: .readOnly).integer("SELECT count(*) FROM source_articles") == 67)
    }

    @Test func aCopyNeverWritesIntoAnArchiveThatHoldsAnything() throws {
        let source = try original()
        let target = folder.path("busy.db")
        #expect(try CommandResult.run(["ingest", Repository.path("seeds"), "--db", target]).status == 0)
        let before = try answers(target)
        let refused = try copy(source, target)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("already holds 2 rows in source_articles"))
        #expect(try answers(target) == before)
        #expect(try copy(folder.path("missing.db"), folder.path("other.db")).standardError.contains("no archive at"))
        let same = try copy(source, source)
        #expect(same.status == 64)
        #expect(same.standardError.contains("--from and --to are the same archive"))
        let empty = try CommandResult.run(["query", "--db", ""])
        #expect(empty.status == 64)
        #expect(empty.standardError.contains("--db is empty"))
    }

    @Test(.enabled(if: TestPostgres.isAvailable, TestPostgres.skipped))
    func toPostgreSQLAndBackAgain() throws {
        let source = try original()
        let server = try TestPostgres.scratch()
        let there = try copy(source, server.url)
        #expect(there.status == 0, "\(there.standardError)")
        let back = folder.path("back.db")
        let returned = try copy(server.url, back)
        #expect(returned.status == 0, "\(returned.standardError)")
        let expected = try answers(source)
        #expect(try answers(server.url).prefix(7) == expected.prefix(7))
        #expect(try answers(back) == expected)
        // The server's ids go on after the copied ones.
        SyntheticCorpus.write(count: 5, into: folder, under: "more", seed: 9, label: "Later")
        let more = try CommandResult.run(["ingest", folder.path("more"), "--db", server.url])
        #expect(more.status == 0, "\(more.standardError)")
        #expect(more.standardError.contains("5 articles added"))
        #expect(try CommandResult.run(["unmerge", "person", "Macron", "--db", server.url]).status == 0)
        #expect(try CommandResult.run(["check", "--db", server.url]).status == 0)
    }
}
