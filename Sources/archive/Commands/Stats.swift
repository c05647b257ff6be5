import ArchiveQuery
import ArgumentParser

extension Archive {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts, date range, and the most mentioned people, organizations and outlets.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let archive = try database.open(.readOnly)
            let tables = try ArchiveStatistics(database: archive).tables()
            Terminal.write(ResultFormatter(format: output.format, width: Terminal.width).render(sections: tables.map { ($0.0, $0.1) }))
        }
    }
}
