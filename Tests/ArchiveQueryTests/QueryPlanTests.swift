
import ArchiveQuery
import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// No common filter reads a whole table: each is answered from an index.
@Suite struct QueryPlanTests {
    let database: Database

    init() throws {
        database = try ArchiveSchema.open(":memory:", mode: .readWrite)
        try Self.pretendLarge(database)
    }

    /// Gives SQLite the statistics of a large archive (a million rows a table, an index's first
    /// column narrowing to a hundred rows, each further column tenfold), the way SQLite's own
    /// documentation suggests for testing plans: written into sqlite_stat1 and loaded, so that it
    /// plans as it would on a real archive, not on empty tables.
    static func pretendLarge(_ database: Database) throws {
        try database.execute("ANALYZE")
        try database.execute("DELETE FROM sqlite_stat1")
        let tables = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
            .compactMap { $0.string(0) }
        for table in tables {
            for index in try database.rows("SELECT name FROM pragma_index_list(?)", [table]).compactMap({ $0.string(0) }) {
                let columns = try database.integer("SELECT count(*) FROM pragma_index_info(?)", index) ?? 1
                let perKey = (0..<columns).map { String(max(1, 100 / Int(pow(10, Double($0))))) }
                try database.run("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", table, index,
                                 (["1000000"] + perKey).joined(separator: " "))
            }
            try database.run("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, NULL, '1000000')", table)
        }
        try database.execute("ANALYZE sqlite_schema")
        #expect(try database.integer("SELECT count(*) FROM sqlite_stat1") ?? 0 > 20)
    }

    /// Plan lines that read every row of a stored table (not a subquery's result, the page of at
    /// most --limit rows, or an FTS index).
    func scans(_ filter: QueryFilter, _ target: QueryTarget) throws -> [String] {
        let plan = try QueryRunner(database: database).plan(QueryBuilder(filter: filter, target: target).build())
        return plan.filter {
            $0.hasPrefix("SCAN ") && !$0.hasPrefix("SCAN (subquery") && !["SCAN page", "SCAN listed"].contains($0) && !$0.contains("VIRTUAL TABLE")
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
            let found = try scans(filter, target)
            #expect(found == [], "\(target) with \(filter): \(found)")
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
