import ArchiveQuery
import ArchiveStore
import ArchiveTestSupport
import Testing

@Suite struct QueryBuilderTests {
    let folder = TemporaryDirectory()
    let database: Database

    init() throws {
        let archive = try FixtureArchive(path: folder.path("q.db"))
        let geneva = try archive.article("Envoys meet in Geneva", body: """
            Special envoy Anna Kowalczyk met Tomas Ribeiro in Geneva on Friday, March 14, 2025, to discuss security guarantees.
            “We made progress on every point,” Kowalczyk said.
            """, outlet: "Example Wire", published: "2025-03-14")
        let lisbon = try archive.article("Ribeiro visits Lisbon", body: """
            Foreign minister Tomas Ribeiro visited Lisbon on June 2, 2024, and met José Álvares.
            “The port deal is done,” Álvares told reporters.
            """, outlet: "Daily Ledger", published: "2024-06-02")
        let kowalczyk = try archive.person("Anna Kowalczyk", aliases: ["Kowalczyk"], role: "envoy", mentions: [geneva: 2])
        let ribeiro = try archive.person("Tomas Ribeiro", role: "foreign minister", mentions: [geneva: 1, lisbon: 1])
        let alvares = try archive.person("José Álvares", aliases: ["Álvares"], mentions: [lisbon: 2])
        let genevaPlace = try archive.place("Geneva", mentions: [geneva: 1])
        let lisbonPlace = try archive.place("Lisbon", mentions: [lisbon: 1])
        try archive.event("Envoys meet in Geneva", on: "2025-03-14", place: genevaPlace, articles: [geneva], people: [kowalczyk, ribeiro])
        try archive.event("Ribeiro visits Lisbon", on: "2024-06-02", place: lisbonPlace, articles: [lisbon], people: [ribeiro, alvares])
        try archive.quote("We made progress on every point,", in: geneva, at: 117..<149, speaker: kowalczyk)
        try archive.quote("The port deal is done,", in: lisbon, at: 86..<108, speaker: alvares, cue: "told")
        database = archive.database
    }

    func run(_ filter: QueryFilter, _ target: QueryTarget = .events) throws -> ResultTable {
        try QueryRunner(database: database).run(QueryBuilder(filter: filter, target: target))
    }

    func titles(_ table: ResultTable) -> [String] {
        let column = table.columns.firstIndex(of: "title")!
        return table.rows.map { $0[column].plain }
    }

    @Test func personBySurnameFullNameCaseAndAccents() throws {
        #expect(titles(try run(QueryFilter(people: ["Kowalczyk"]))) == ["Envoys meet in Geneva"])
        #expect(titles(try run(QueryFilter(people: ["anna KOWALCZYK"]))) == ["Envoys meet in Geneva"])
        #expect(titles(try run(QueryFilter(people: ["Jose Alvares"]))) == ["Ribeiro visits Lisbon"])
    }

    @Test func eventsAreNewestFirstAndPeopleCombineWithAnd() throws {
        #expect(titles(try run(QueryFilter(people: ["Ribeiro"]))) == ["Envoys meet in Geneva", "Ribeiro visits Lisbon"])
        #expect(titles(try run(QueryFilter(people: ["Ribeiro", "Álvares"]))) == ["Ribeiro visits Lisbon"])
    }

    @Test func datesOutletPlaceAndText() throws {
        #expect(titles(try run(QueryFilter(from: "2025"))) == ["Envoys meet in Geneva"])
        #expect(titles(try run(QueryFilter(to: "2024-06"))) == ["Ribeiro visits Lisbon"])
        #expect(titles(try run(QueryFilter(outlet: "daily ledger"))) == ["Ribeiro visits Lisbon"])
        #expect(titles(try run(QueryFilter(place: "Geneva"))) == ["Envoys meet in Geneva"])
        #expect(titles(try run(QueryFilter(text: "security guarantees"))) == ["Envoys meet in Geneva"])
    }

    @Test func quotesOfAPerson() throws {
        let table = try run(QueryFilter(people: ["Kowalczyk"]), .quotes)
        #expect(table.rows.count == 1)
        #expect(table.rows[0][table.columns.firstIndex(of: "speaker")!] == .text("Anna Kowalczyk"))
        #expect(table.rows[0][table.columns.firstIndex(of: "quote")!] == .text("We made progress on every point,"))
        #expect(try run(QueryFilter(outlet: "Daily Ledger"), .quotes).rows.map { $0[1].plain } == ["José Álvares"])
    }

    @Test func peopleListShowsTheNamedPerson() throws {
        let table = try run(QueryFilter(people: ["Ribeiro"]), .people)
        #expect(table.rows.map { $0[1].plain } == ["Tomas Ribeiro"])
    }

    @Test func invalidDatesAreRefusedWithTheOption() {
        let error = #expect(throws: QueryError.self) { _ = try run(QueryFilter(from: "March 2025")) }
        #expect(error?.code == .invalidDate)
        #expect(error?.message.contains("--from") == true)
    }

    static let hostile = ["'; DROP TABLE people; --", "%", "_", "\"", "\"unbalanced", "a\u{0}b", "NEAR(", "*",
                          String(repeating: "x", count: 100_000), "Robert'); DELETE FROM events; --", "\\", ") OR 1=1 --"]

    // Indexes rather than the values themselves, so the test log does not print 100,000 x's.
    @Test(arguments: hostile.indices)
    func hostileValuesMatchNothingAndChangeNothing(index: Int) throws {
        let value = Self.hostile[index]
        // Each query either finds nothing or is refused as a search with no words; any other error fails.
        for target in QueryTarget.allCases {
            for filter in [QueryFilter(people: [value], organizations: [value], place: value, outlet: value, text: value),
                           QueryFilter(people: [value]), QueryFilter(outlet: value), QueryFilter(text: value)] {
                do {
                    #expect(try run(filter, target).rows.isEmpty)
                } catch let error as QueryError {
                    #expect(error.code == .invalidSearch)
                }
            }
        }
        #expect(try database.integer("SELECT count(*) FROM people") ?? 0 >= 3)
        #expect(try database.integer("SELECT count(*) FROM events") == 2)
    }

    @Test func userTextIsAlwaysABoundParameter() throws {
        let query = try QueryBuilder(filter: QueryFilter(people: ["O'Brien"], text: "x'y"), target: .events).build()
        #expect(!query.sql.contains("O'Brien"))
        #expect(!query.sql.contains("x'y"))
        #expect(query.parameters.contains(.text("o'brien")))
    }

    @Test func escapedSearchNeverFailsToParse() {
        #expect(FTSPattern.escaped("security \"peace plan\" NEAR(") == "\"security\" \"peace plan\" \"NEAR(\"")
        #expect(FTSPattern.escaped("\" \" ( )") == nil)
    }
}
