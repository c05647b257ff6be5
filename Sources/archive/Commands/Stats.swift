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
            let formatter = ResultFormatter(format: format, width: Terminal.width)
            for (title, table) in tables {
                if format == .table { Terminal.write("\(title)\n") }
                Terminal.write(formatter.render(table))
                if format == .table { Terminal.write("\n") }
            }
        }
    }
}
