@testable import ArchiveGrouping
@testable import ArchiveIngest
import ArchiveStore
import ArchiveTestSupport
import Testing

/// Articles about one happening become one event, in any order; different happenings stay apart.
@Suite struct EventGroupingTests {
    static let articles: [(String, String)] = [
        ("storm-1.md", """
            ---
            title: Storm Helga floods Lisbon harbour
            published: 2025-02-11
            ---
            Storm Helga flooded the Lisbon harbour on Tuesday, February 11, 2025, and mayor Carla Mendes closed the docks.
            Fishermen said the surge was the worst they remembered.
            """),
        ("storm-2.md", """
            ---
            title: Lisbon docks shut as Helga surge floods harbour
            published: 2025-02-12
            ---
            Mayor Carla Mendes kept the Lisbon docks shut a day after storm Helga flooded the harbour on February 11, 2025.
            """),
        ("storm-3.md", """
            ---
            title: Harbour clean-up begins after Helga
            published: 2025-02-13
            ---
            Crews began clearing the Lisbon harbour on Thursday after storm Helga flooded the docks, mayor Carla Mendes said.
            """),
        ("vote-1.md", """
            ---
            title: Senate rejects fishing quota bill
            published: 2025-06-03
            ---
            The senate in Oslo rejected the fishing quota bill on Tuesday, June 3, 2025, after senator Jonas Berg spoke against it.
            """),
        ("storm-4.md", """
            ---
            title: Storm Helga floods Lisbon harbour again
            published: 2026-01-20
            ---
            A new storm named Helga flooded the Lisbon harbour on January 20, 2026, and mayor Carla Mendes closed the docks.
            """),
    ]

    /// The events as sets of file names, whatever their ids.
    static func events(_ database: Database) throws -> Set<Set<String>> {
        var groups: [Int64: Set<String>] = [:]
        for row in try database.rows("SELECT ae.event_id, a.path FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id") {
            groups[row.int(0) ?? 0, default: []].insert(String((row.string(1) ?? "").split(separator: "/").last ?? ""))
        }
        return Set(groups.values)
    }

    /// A new archive with these articles ingested one at a time, in this order.
    func archive(of articles: [(String, String)], order: [Int], batchSize: Int = 2, in folder: TemporaryDirectory) throws -> Database {
        let database = try ArchiveSchema.open(folder.path("e.db"), mode: .readWrite)
        let pipeline = IngestPipeline(database: database, batchSize: batchSize)
        for index in order {
            let (name, text) = articles[index]
            var report = IngestReport()
            try pipeline.ingest([InputFile(path: folder.write(name, text), format: .markdown)], report: &report)
            #expect(report.added == 1)
        }
        return database
    }

    /// The grouping as sets of file names, whatever the event ids.
    func grouping(order: [Int]) throws -> Set<Set<String>> {
        let folder = TemporaryDirectory()
        let database = try archive(of: Self.articles, order: order, in: folder)
        let groups = try Self.events(database)
        #expect(try database.integer("SELECT count(*) FROM events") == Int64(groups.count))
        return groups
    }

    @Test func oneHappeningIsOneEventAndOthersStayApart() throws {
        let groups = try grouping(order: [0, 1, 2, 3, 4])
        #expect(groups == [["storm-1.md", "storm-2.md", "storm-3.md"], ["vote-1.md"], ["storm-4.md"]])
    }

    @Test(arguments: [[4, 3, 2, 1, 0], [2, 4, 0, 3, 1], [1, 3, 0, 4, 2]])
    func anyOrderGivesTheSameEvents(order: [Int]) throws {
        #expect(try grouping(order: order) == (try grouping(order: [0, 1, 2, 3, 4])))
    }

    static let newYear: [(String, String)] = [
        ("fire-1.md", """
            ---
            title: Fire destroys Ghent textile depot
            published: 2024-12-31
            ---
            A fire destroyed the Verhoeven textile depot in Ghent on December 31, 2024, fire chief Pieter Claes said.
            """),
        ("fire-2.md", """
            ---
            title: Ghent textile depot fire still smoulders
            published: 2025-01-02
            ---
            The Verhoeven textile depot fire in Ghent still smouldered on January 2, 2025, fire chief Pieter Claes said.
            """),
        ("fire-3.md", """
            ---
            title: Verhoeven depot fire in Ghent leaves textile workers idle
            ---
            Workers of the Verhoeven textile depot in Ghent stayed home after the fire, fire chief Pieter Claes said.
            """),
    ]

    /// Words are filed under their day's year, or none: reports days apart across a new year, and
    /// one that gives no day, still find each other, in every order.
    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
    func reportsAcrossTheNewYearAndUndatedOnesFindEachOther(order: [Int]) throws {
        let folder = TemporaryDirectory()
        let database = try archive(of: Self.newYear, order: order, batchSize: 1, in: folder)
        #expect(try Self.events(database) == [["fire-1.md", "fire-2.md", "fire-3.md"]])
        let years = try database.rows("SELECT DISTINCT year FROM article_terms ORDER BY year").compactMap { $0.string(0) }
        #expect(years == ["", "2024", "2025"])
        #expect(try database.integer("SELECT count(*) FROM article_terms WHERE year <> substr(day, 1, 4)") == 0)
    }

    static let bridge: [(String, String)] = [
        ("collapse.md", """
            ---
            title: Dom Luis bridge collapses in Porto
            published: 2025-03-03
            ---
            The Dom Luis bridge in Porto collapsed into the Douro on March 3, 2025, engineer Rui Costa said. \
            Divers searched the river below the broken arch.
            """),
        ("ferries.md", """
            ---
            title: Ferries and buses replace crossing, commuters queue
            published: 2025-03-04
            ---
            Commuters queued for hours on March 4, 2025 as ferries and buses ran instead, transport chief Ana Silva said. \
            Tickets were free all week.
            """),
        ("both.md", """
            ---
            title: After Dom Luis bridge collapse in Porto, ferries and buses replace crossing
            published: 2025-03-04
            ---
            After the Dom Luis bridge collapsed into the Douro in Porto on March 3, 2025, commuters queued for hours \
            as ferries and buses replaced the crossing, engineer Rui Costa and transport chief Ana Silva said.
            """),
    ]

    /// A report that links two others forms events by what all three say, not by which came last:
    /// the same events in every order, one at a time or together.
    @Test func anArticleBridgingTwoReportsGivesTheSameEventsInEveryOrder() throws {
        func grouping(_ batches: [[Int]]) throws -> Set<Set<String>> {
            let folder = TemporaryDirectory()
            let database = try ArchiveSchema.open(folder.path("b.db"), mode: .readWrite)
            let pipeline = IngestPipeline(database: database)
            for batch in batches {
                var report = IngestReport()
                let files = batch.map { InputFile(path: folder.write(Self.bridge[$0].0, Self.bridge[$0].1), format: .markdown) }
                try pipeline.ingest(files, report: &report)
            }
            #expect(try database.integer("SELECT count(*) FROM event_people WHERE event_id NOT IN (SELECT id FROM events)") == 0)
            #expect(try database.integer("SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM article_events)") == 0)
            return try Self.events(database)
        }
        let together = try grouping([[0, 1, 2]])
        #expect(together.reduce(0) { $0 + $1.count } == 3)
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]] {
            #expect(try grouping(order.map { [$0] }) == together, "order \(order)")
        }
    }

    /// The cache of signatures stays within its limit however the articles arrive, and what it
    /// holds changes no event: with room for two signatures, the same events as with room for all.
    @Test func aSmallSignatureCacheStaysWithinItsLimitAndChangesNoEvent() throws {
        func grouping(signatureLimit: Int?) throws -> (groups: Set<Set<String>>, cached: Int) {
            let folder = TemporaryDirectory()
            let database = try ArchiveSchema.open(folder.path("c.db"), mode: .readWrite)
            let pipeline = IngestPipeline(database: database, batchSize: 3)
            if let signatureLimit { pipeline.grouper.signatureLimit = signatureLimit }
            for (name, text) in Self.articles + Self.bridge {
                var report = IngestReport()
                try pipeline.ingest([InputFile(path: folder.write(name, text), format: .markdown)], report: &report)
                #expect(report.added == 1, "\(name)")
            }
            return (try Self.events(database), pipeline.grouper.cachedSignatures)
        }
        let roomy = try grouping(signatureLimit: nil)
        let small = try grouping(signatureLimit: 2)
        #expect(roomy.cached == Self.articles.count + Self.bridge.count)
        #expect(small.cached <= 2)
        #expect(small.groups == roomy.groups)
        #expect(roomy.groups.reduce(0) { $0 + $1.count } == Self.articles.count + Self.bridge.count)
    }

    /// After another writer's chunk, grouping keeps what it read of texts still stored and drops
    /// the rest: here the other deleted an article (as `demote` does) and its id went to another
    /// text, whose words the cached signature would have stood for.
    @Test func signaturesOfTextsAnotherWriterReplacedAreReadAgain() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("w.db")
        let mine = IngestPipeline(database: try ArchiveSchema.open(path, mode: .readWrite), batchSize: 4)
        func ingest(_ pipeline: IngestPipeline, _ index: Int) throws -> Int64? {
            let (name, text) = Self.articles[index]
            var report = IngestReport()
            try pipeline.ingest([InputFile(path: folder.write(name, text), format: .markdown)], report: &report)
            #expect(report.added == 1, "\(name)")
            return try pipeline.writer.database.integer("SELECT max(id) FROM source_articles")
        }
        let kept = try #require(try ingest(mine, 3))
        let replaced = try #require(try ingest(mine, 0))
        #expect(mine.grouper.cachedSignatures == 2)

        let other = try ArchiveSchema.open(path, mode: .readWrite)
        try other.run("DELETE FROM source_articles WHERE id = ?", replaced)
        #expect(try ingest(IngestPipeline(database: other, batchSize: 4), 4) == replaced)

        try mine.grouper.forgetWhatOthersChanged()
        #expect(mine.grouper.cachedSignatures == 1)
        #expect(kept != replaced)
    }

    /// Two writers taking turns on one archive: each finds the other has written and reads again,
    /// several articles to a question, what it had remembered. The events are those of one writer.
    @Test func twoWritersTakingTurnsGroupAsOneWriterDoes() throws {
        let articles = Self.articles + Self.bridge + Self.newYear
        let alone = TemporaryDirectory()
        let single = try archive(of: articles, order: Array(articles.indices), in: alone)

        let folder = TemporaryDirectory()
        let path = folder.path("t.db")
        let writers = [IngestPipeline(database: try ArchiveSchema.open(path, mode: .readWrite), batchSize: 2),
                       IngestPipeline(database: try ArchiveSchema.open(path, mode: .readWrite), batchSize: 2)]
        for (index, (name, text)) in articles.enumerated() {
            var report = IngestReport()
            try writers[index % 2].ingest([InputFile(path: folder.write(name, text), format: .markdown)], report: &report)
            #expect(report.added == 1, "\(name)")
        }
        let shared = try ArchiveSchema.open(path, mode: .readOnly)
        #expect(try Self.events(shared) == (try Self.events(single)))
        #expect(try Self.events(shared).count < articles.count)

        // What grouping reads several at a time is what the tables hold, each pair from either side.
        let store = GroupingStore(database: shared)
        let ids = try shared.rows("SELECT id FROM source_articles ORDER BY id").compactMap { $0.int(0) }
        var pairs: [Int64: [(other: Int64, similarity: Double)]] = [:]
        for row in try shared.rows("SELECT article_id, other_id, similarity FROM article_links") {
            let (a, b, similarity) = (row.int(0) ?? 0, row.int(1) ?? 0, row.double(2) ?? 0)
            pairs[a, default: []].append((b, similarity))
            pairs[b, default: []].append((a, similarity))
        }
        #expect(!pairs.isEmpty)
        let links = try store.links(of: ids)
        let texts = try store.texts(of: ids, length: 80)
        for id in ids {
            let expected = (pairs[id] ?? []).sorted { $0.other < $1.other }
            #expect(links[id]?.map(\.other) == expected.map(\.other), "links of \(id)")
            #expect(links[id]?.map(\.similarity) == expected.map(\.similarity), "similarities of \(id)")
            let stored = try shared.rows("SELECT substr(body, 1, 80), content_hash FROM source_articles WHERE id = ?", [id]).first
            #expect(texts[id]?.body == stored?.string(0))
            #expect(texts[id]?.contentHash == stored?.string(1))
        }
    }
}
