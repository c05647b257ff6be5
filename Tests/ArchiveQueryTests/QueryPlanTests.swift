import ArchiveIngest
import ArchiveQuery
import ArchiveStore
import ArchiveTestSupport
import Testing

/// No common filter reads a whole table: each is answered from an index.
@Suite struct QueryPlanTests {
    let database: Database

    init() throws {
        database = try ArchiveSchema.open(":memory:", mode: .readWrite)
        // Statistics make SQLite plan as it would on a large archive.
        try database.execute("ANALYZE")
    }

    /// Plan lines that read every row of a stored table (not a subquery's result, the page of at
    /// most --limit rows, or an FTS index).
    func scans(_ filter: QueryFilter, _ target: QueryTarget) throws -> [String] {
        let plan = try QueryRunner(database: database).plan(QueryBuilder(filter: filter, target: target).build())
        return plan.filter {
            $0.hasPrefix("SCAN ") && !$0.hasPrefix("SCAN (subquery") && $0 != "SCAN page" && !$0.contains("VIRTUAL TABLE")
        }
    }

    @Test(arguments: [
        QueryFilter(people: ["Witkoff"]),
        QueryFilter(people: ["Witkoff", "Dmitriev"]),
        QueryFilter(organizations: ["NATO"]),
        QueryFilter(place: "Florida"),
        QueryFilter(from: "2025-12-01", to: "2025-12-31"),
        QueryFilter(outlet: "Reuters"),
        QueryFilter(event: 1),
        QueryFilter(text: "security guarantees"),
        QueryFilter(people: ["Rubio"], from: "2025"),
    ])
    func commonFiltersUseIndexes(filter: QueryFilter) throws {
        for target in [QueryTarget.events, .articles, .quotes] {
            #expect(try scans(filter, target) == [], "\(target) with \(filter)")
        }
    }

    @Test func theCheckSeesAFullScan() throws {
        // Listing every event must read the events table: proof that the check above can fail.
        #expect(try scans(QueryFilter(), .events).contains { $0.hasPrefix("SCAN e") })
    }

    @Test func planIsReadable() throws {
        let plan = try QueryRunner(database: database).plan(QueryBuilder(filter: QueryFilter(people: ["Witkoff"]), target: .events).build())
        #expect(plan.contains { $0.contains("event_people_person") })
    }
}
