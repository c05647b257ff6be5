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

/// `unmerge` is the exact inverse of `merge`: every table (but the full-text indexes' own storage)
/// is as it was, byte for byte, whatever order chained merges are undone in.
@Suite struct UnmergeIsExactEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    init() throws {
        #expect(try CommandResult.run(["ingest", Repository.path("seeds"), "--db", folder.path("archive.db")]).status == 0)
    }

    /// Every row of every table, sorted, one line each; the corrections' own tables left out when asked.
    func dump(at path: String? = nil, withoutCorrections: Bool = false) throws -> [String] {
        let database = try Database(path: path ?? db, mode: .readOnly)
        var lines: [String] = []
        let tables = try database.rows("""
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """).compactMap { $0.string(0) }
        #expect(tables.contains("people") && tables.contains("quotes") && tables.contains("event_people"))
        for table in tables where !withoutCorrections || !table.hasPrefix("merge") {
            for row in try database.rows("SELECT * FROM \"\(table)\"") {
                lines.append(table + ": " + row.values.map { "\($0)" }.joined(separator: " | "))
            }
        }
        return lines.sorted()
    }

    func run(_ arguments: [String]) throws {
        let result = try CommandResult.run(arguments + ["--db", db])
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
        let check = try CommandResult.run(["check", "--db", db])
        #expect(check.status == 0, "after \(arguments): \(check.standardError)")
    }

    @Test func oneMergeUndoneRestoresEveryRow() throws {
        let before = try dump()
        for (kind, from, into) in [("person", "Rubio", "Witkoff"), ("org", "Reuters", "White House"), ("place", "Florida", "Ukraine")] {
            try run(["merge", kind, from, into])
            #expect(try dump() != before)
            try run(["unmerge", kind, from])
            #expect(try dump() == before, "\(kind) \(from) → \(into) was not undone exactly")
        }
    }

    @Test(arguments: [[0, 1], [1, 0]])
    func chainedMergesUndoInAnyOrder(order: [Int]) throws {
        let before = try dump()
        let other = folder.path("other.db")
        // A copy made by SQLite itself, whatever its log holds.
        try Database(path: db, mode: .readOnly).execute("VACUUM INTO '\(other)'")
        // Kushner into Witkoff, then Witkoff into Rubio: a chain.
        try run(["merge", "person", "Kushner", "Witkoff"])
        let afterFirst = try dump()
        try run(["merge", "person", "Witkoff", "Rubio"])
        let undo = [["unmerge", "person", "Kushner"], ["unmerge", "person", "Witkoff"]]
        try run(undo[order[0]])
        if order[0] == 1 { #expect(try dump() == afterFirst, "undoing the second merge must leave the first as it was") }
        if order[0] == 0 {
            // As if only the second merge had been made.
            #expect(try CommandResult.run(["merge", "person", "Witkoff", "Rubio", "--db", other]).status == 0)
            #expect(try dump(withoutCorrections: true) == dump(at: other, withoutCorrections: true))
        }
        try run(undo[order[1]])
        #expect(try dump() == before)
    }

    @Test func independentMergesUndoInAnyOrder() throws {
        let before = try dump()
        try run(["merge", "person", "Dmitriev", "Putin"])
        try run(["merge", "person", "Umerov", "Zelenskyy"])
        try run(["merge", "place", "Florida", "Ukraine"])
        try run(["unmerge", "person", "Dmitriev"])
        try run(["unmerge", "place", "Florida"])
        try run(["unmerge", "person", "Umerov"])
        #expect(try dump() == before)
    }
}

/// `check` sees corrections and roles that no longer hold.
@Suite struct CheckSeesStaleCorrectionsEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    @Test func aMergeLeadingNowhereAndAnUnfoundedRoleAreProblems() throws {
        #expect(try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db]).status == 0)
        #expect(try CommandResult.run(["merge", "person", "Kushner", "Witkoff", "--db", db]).status == 0)
        #expect(try CommandResult.run(["check", "--db", db]).status == 0)
        let database = try Database(path: db)
        try database.execute("PRAGMA foreign_keys = OFF")
        try database.execute("UPDATE merges SET into_id = 999")
        try database.execute("INSERT INTO people (id, name, key, surname_key) VALUES (500, 'Nobody Here', 'nobody here', 'here')")
        try database.execute("INSERT INTO event_people (event_id, person_id, role) VALUES (1, 500, 'participant')")
        try database.execute("INSERT INTO person_aliases (person_id, alias, key) VALUES (500, 'Nobody', 'somebody')")
        let check = try CommandResult.run(["check", "--db", db])
        #expect(check.status == 1)
        #expect(check.standardError.contains("merge of person \"Jared Kushner\" leads to a missing person 999"))
        #expect(check.standardError.contains("event_people: 1 links to events none of whose articles name them"))
        #expect(check.standardError.contains("person_aliases: 1 aliases whose key does not match their text"))
    }

    /// An event that lost the merged-away person's article between the merge and the unmerge does
    /// not get them back as taking part: who takes part is worked out again from the articles.
    @Test func unmergeAfterTheEventChangedLeavesNoStrangerInIt() throws {
        let seeds = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        #expect(seeds.status == 0)
        for command in [["merge", "person", "Macron", "Vladimir Putin"], ["unmerge", "event", "1", "2"], ["unmerge", "person", "Macron"]] {
            let result = try CommandResult.run(command + ["--db", db])
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        let check = try CommandResult.run(["check", "--db", db])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(try Database(path: db, mode: .readOnly).integer("""
            SELECT count(*) FROM event_people AS ep WHERE NOT EXISTS (SELECT 1 FROM article_events AS ae
                JOIN article_people AS ap ON ap.article_id = ae.article_id WHERE ae.event_id = ep.event_id AND ap.person_id = ep.person_id)
            """) == 0)
    }
}
