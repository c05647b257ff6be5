import ArchiveIngest
import ArchivePostgres
import ArchiveQuery
import ArchiveStore
import ArgumentParser
import Foundation

/// Query latency on a large archive: builds (once) an archive of synthetic articles through the
/// real writer, then times the common questions.
struct QueryBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query",
                                                    abstract: "p50/p95 latency of --person, two people, a date range and search on a large archive.")

    @Option(help: "Articles in the archive.")
    var articles = 200_000
    @Option(help: "Where to keep the archive between runs: a file, or a postgresql:// URL (the database is emptied when it holds another number of articles).")
    var db = "/tmp/archive-bench-query.db"
    @Option(help: "Queries of each kind.")
    var samples = 300

    func run() throws {
        var generator = SplitMix(seed: 11)
        let corpus = SyntheticCorpus(generator: &generator)
        if try existingCount() != articles {
            try empty()
            let start = Date()
            try build(corpus, generator: &generator)
            print("built \(articles) articles in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        }
        let database = try ArchiveLocation.open(db, mode: .readOnly)
        let runner = QueryRunner(database: database)
        if database.dialect.engine == .sqlite { try database.execute("PRAGMA cache_size = -65536") }
        print("archive: \(articles) articles, \(try database.integer("SELECT count(*) FROM events") ?? 0) events, "
              + "\(try database.integer("SELECT count(*) FROM people") ?? 0) people")

        func measure(_ name: String, _ make: (inout SplitMix) -> QueryBuilder) throws {
            var times: [Double] = []
            var rows = 0
            for _ in 0..<samples {
                let builder = make(&generator)
                let start = DispatchTime.now().uptimeNanoseconds
                rows += try runner.run(builder).rows.count
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            times.sort()
            let p50 = times[times.count / 2], p95 = times[times.count * 95 / 100]
            print("\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) p50 \(String(format: "%6.2f", p50)) ms  "
                  + "p95 \(String(format: "%6.2f", p95)) ms  (\(rows / samples) rows on average)")
        }
        try measure("--person") { QueryBuilder(filter: QueryFilter(people: [corpus.surname(&$0)]), target: .events) }
        try measure("--person A --person B") {
            let (a, b) = corpus.colleagues(&$0)
            return QueryBuilder(filter: QueryFilter(people: [a, b]), target: .events)
        }
        try measure("--from/--to (one month)") {
            let month = corpus.month(&$0)
            return QueryBuilder(filter: QueryFilter(from: month, to: month), target: .events)
        }
        try measure("--person --from --show articles") {
            QueryBuilder(filter: QueryFilter(people: [corpus.surname(&$0)], from: corpus.month(&$0)), target: .articles)
        }
        try measure("--from/--to --show articles") {
            let month = corpus.month(&$0)
            return QueryBuilder(filter: QueryFilter(from: month, to: month), target: .articles)
        }
        try measure("--person --show quotes") { QueryBuilder(filter: QueryFilter(people: [corpus.surname(&$0)]), target: .quotes) }
        try measure("search (two words)") { generator in
            let text = corpus.searchWord(&generator) + " " + corpus.searchWord(&generator)
            return QueryBuilder(filter: QueryFilter(text: text), target: .articles)
        }
        var searchTimes: [Double] = []
        for _ in 0..<samples {
            let search = FullTextSearch(text: corpus.searchWord(&generator) + " " + corpus.searchWord(&generator), limit: 20)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try runner.run(search.build(for: database.dialect))
            searchTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        searchTimes.sort()
        print("archive search (ranked)    p50 \(String(format: "%6.2f", searchTimes[samples / 2])) ms  "
              + "p95 \(String(format: "%6.2f", searchTimes[samples * 95 / 100])) ms")
    }

    private func existingCount() throws -> Int? {
        guard PostgresLocation(db) != nil || FileManager.default.fileExists(atPath: db) else { return nil }
        guard let database = try? ArchiveLocation.open(db, mode: .readOnly) else { return nil }
        return try database.integer("SELECT count(*) FROM source_articles").map(Int.init)
    }

    private func empty() throws {
        if let server = PostgresLocation(db) {
            try PostgresConnection(server).execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        } else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }
    }

    private func build(_ corpus: SyntheticCorpus, generator: inout SplitMix) throws {
        let database = try ArchiveLocation.open(db, mode: .readWrite)
        let storage = ArticleStorage(writer: ArchiveWriter(database: database))
        var written = 0
        while written < articles {
            try database.inTransaction {
                for _ in 0..<min(5_000, articles - written) {
                    _ = try storage.store(corpus.article(number: written, generator: &generator), ingestedAt: "2026-01-01T00:00:00Z")
                    written += 1
                }
            }
        }
        try database.execute("ANALYZE")
    }
}
