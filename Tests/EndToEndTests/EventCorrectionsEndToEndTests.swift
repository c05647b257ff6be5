import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// `merge event` and `unmerge event` are constraints on grouping: later ingests and `regroup`
/// keep merged articles together and a separated article apart.
@Suite struct EventCorrectionsEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    static let articles: [(String, String)] = [
        ("flood-1.md", """
            ---
            title: Floods close the Ghent ring road
            published: 2025-09-08
            ---
            Flood water closed the Ghent ring road on Monday, September 8, 2025, and mayor Ilse Moreau opened shelters. \
            Firefighters pumped water from tunnels all night.
            """),
        ("flood-2.md", """
            ---
            title: Ghent ring road stays shut after floods
            published: 2025-09-09
            ---
            Mayor Ilse Moreau kept the Ghent ring road shut a day after flood water closed it on September 8, 2025. \
            Firefighters were still pumping the tunnels.
            """),
        ("flood-3.md", """
            ---
            title: Ghent reopens ring road tunnels after floods
            published: 2025-09-11
            ---
            Ghent reopened the ring road tunnels on Thursday after the floods of September 8, 2025, mayor Ilse Moreau said, \
            thanking the firefighters who pumped them dry.
            """),
        ("budget.md", """
            ---
            title: Council approves flood defence budget
            published: 2025-09-15
            ---
            The council in Bruges approved a budget for new dykes on September 15, 2025, alderman Pieter Okafor said.
            """),
    ]

    func ingest(_ names: [String]) throws {
        let files = try names.map { name in
            try #require(Self.articles.first { $0.0 == name }).1
        }
        for (name, text) in zip(names, files) { folder.write("in/\(name)", text) }
        let result = try CommandResult.run(["ingest"] + names.map { folder.path("in/\($0)") } + ["--db", db])
        #expect(result.status == 0, "\(result.standardError)")
    }

    /// The events as sets of file names.
    func events() throws -> Set<Set<String>> {
        var events: [Int64: Set<String>] = [:]
        for row in try Database(path: db, mode: .readOnly).rows("""
            SELECT ae.event_id, a.path FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id
            """) {
            events[row.int(0) ?? 0, default: []].insert(URL(fileURLWithPath: row.string(1) ?? "").lastPathComponent)
        }
        return Set(events.values)
    }

    func id(_ sql: String) throws -> Int64 {
        try #require(try Database(path: db, mode: .readOnly).integer(sql))
    }

    func eventOf(_ file: String) throws -> Int64 {
        try id("SELECT ae.event_id FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id WHERE a.path LIKE '%/\(file)'")
    }

    func articleID(_ file: String) throws -> Int64 {
        try id("SELECT id FROM source_articles WHERE path LIKE '%/\(file)'")
    }

    @Test func mergedEventsStayOneAndASeparatedArticleStaysApart() throws {
        try ingest(["flood-1.md", "flood-2.md", "budget.md"])
        #expect(try events() == [["flood-1.md", "flood-2.md"], ["budget.md"]])

        let merge = try CommandResult.run(["merge", "event", String(try eventOf("budget.md")), String(try eventOf("flood-1.md")), "--db", db])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(merge.standardError.contains("merged events"))
        #expect(try events() == [["flood-1.md", "flood-2.md", "budget.md"]])
        let shown = try CommandResult.run(["show", "event", String(try eventOf("budget.md")), "--db", db, "--format", "csv"])
        #expect(shown.standardOutput.split(whereSeparator: \.isNewline).filter { $0.contains(",merged") }.count == 3, "\(shown.standardOutput)")

        // A later report of the floods joins the merged event; the merge holds.
        try ingest(["flood-3.md"])
        #expect(try events() == [["flood-1.md", "flood-2.md", "flood-3.md", "budget.md"]])

        let event = try eventOf("flood-2.md")
        let unmerge = try CommandResult.run(["unmerge", "event", String(event), String(try articleID("flood-2.md")), "--db", db])
        #expect(unmerge.status == 0, "\(unmerge.standardError)")
        #expect(try events() == [["flood-1.md", "flood-3.md", "budget.md"], ["flood-2.md"]])

        // Forming every event from nothing honours both corrections.
        #expect(try CommandResult.run(["regroup", "--db", db]).status == 0)
        #expect(try events() == [["flood-1.md", "flood-3.md", "budget.md"], ["flood-2.md"]])
        #expect(try CommandResult.run(["check", "--db", db]).status == 0)
        let apart = try CommandResult.run(["show", "event", String(try eventOf("flood-2.md")), "--db", db, "--format", "csv"])
        #expect(apart.standardOutput.contains("kept apart from 3"), "\(apart.standardOutput)")

        // Merging the separated article's event back overrules the earlier "apart".
        let again = try CommandResult.run(["merge", "event", String(try eventOf("flood-2.md")), String(try eventOf("flood-1.md")), "--db", db])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try events() == [["flood-1.md", "flood-2.md", "flood-3.md", "budget.md"]])
    }

    @Test func correctionsThatCannotBeMadeSaySo() throws {
        try ingest(["flood-1.md", "budget.md"])
        let event = try eventOf("flood-1.md")
        let cases: [([String], String)] = [
            (["merge", "event", "999", String(event)], "no event 999"),
            (["merge", "event", String(event), String(event)], "cannot be merged with itself"),
            (["merge", "event", "first", String(event)], "FROM must be an id"),
            (["unmerge", "event", String(event)], "needs the article to take out"),
            (["unmerge", "event", String(event), String(try articleID("budget.md"))], "is not in event \(event)"),
            (["unmerge", "event", String(event), String(try articleID("flood-1.md"))], "is alone in event \(event) already"),
        ]
        let before = try events()
        for (arguments, message) in cases {
            let result = try CommandResult.run(arguments + ["--db", db])
            #expect(result.status != 0, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(arguments): \(result.standardError)")
        }
        #expect(try events() == before)
        #expect(try Database(path: db, mode: .readOnly).integer("SELECT count(*) FROM event_corrections") == 0)
    }
}
