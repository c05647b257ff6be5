import ArchiveStore

/// `archive stats`: what the archive holds, in a few small tables (`StatisticsQueries`).
public struct ArchiveStatistics {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func tables() throws -> [(String, ResultTable)] {
        let runner = QueryRunner(database: database)
        return try StatisticsQueries.sections.map { ($0.title, try runner.run($0.query)) }
    }
}
