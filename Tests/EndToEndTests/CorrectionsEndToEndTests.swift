import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Manual merges are kept in the archive, respected by later ingests, and can be undone.
@Suite struct CorrectionsEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    func count(_ sql: String) throws -> Int64? {
        try Database(path: db, mode: .readOnly).integer(sql)
    }

    @Test func mergeIsRespectedByLaterIngestsAndUnmergeRestores() throws {
        folder.write("a/one.txt", "Harbour reopens\nMayor Olga Petrenko reopened the harbour in Odesa on Monday. “It took three years,” Olga Petrenko said.")
        folder.write("b/two.txt", "Harbour inspection\nPort chief O. Petrenko-Lis inspected the harbour in Odesa on Tuesday.")
        _ = try CommandResult.run(["ingest", folder.path("a"), folder.path("b"), "--db", db])
        #expect(try count("SELECT count(*) FROM people") == 2)

        let merge = try CommandResult.run(["merge", "person", "Petrenko-Lis", "Olga Petrenko", "--db", db])
        #expect(merge.status == 0)
        #expect(try count("SELECT count(*) FROM people") == 1)
        #expect(try count("SELECT count(*) FROM article_people AS ap JOIN people AS p ON p.id = ap.person_id WHERE p.name = 'Olga Petrenko'") == 2)

        // A later article naming the merged-away person goes to the one kept.
        folder.write("c/three.txt", "Harbour fees\nPort chief O. Petrenko-Lis raised harbour fees in Odesa on Friday.")
        _ = try CommandResult.run(["ingest", folder.path("c"), "--db", db])
        #expect(try count("SELECT count(*) FROM people") == 1)
        #expect(try count("SELECT count(*) FROM article_people") == 3)

        let unmerge = try CommandResult.run(["unmerge", "person", "O. Petrenko-Lis", "--db", db])
        #expect(unmerge.status == 0)
        #expect(try count("SELECT count(*) FROM people") == 2)
        #expect(try count("SELECT count(*) FROM quotes AS q JOIN people AS p ON p.id = q.person_id WHERE p.name = 'Olga Petrenko'") == 1)
        #expect(try count("SELECT count(*) FROM merges") == 0)
        #expect(try CommandResult.run(["check", "--db", db]).status == 0)
    }

    @Test func mergingUnknownNamesSaysWhich() throws {
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        let result = try CommandResult.run(["merge", "person", "Nobody Known", "Marco Rubio", "--db", db])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no person called \"Nobody Known\""))
    }
}
