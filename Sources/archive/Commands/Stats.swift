import ArchiveQuery
import ArgumentParser

extension Archive {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts, date range, and the most mentioned people, organizations and outlets.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format.")
        var format: OutputFormat = .table

        func run() throws {
            let archive = try database.open(.readOnly)
            let tables = try ArchiveStatistics(database: archive).tables()
            Terminal.write(ResultFormatter(format: format, width: Terminal.width).render(sections: tables.map { ($0.0, $0.1) }))
        }
    }
}
