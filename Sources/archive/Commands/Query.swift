import ArchiveQuery
import ArchiveStore
import ArgumentParser

extension Archive {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List events, articles, quotes, people, organizations or places matching filters.",
            discussion: """
                Filters combine with AND; --person and --org may be repeated (events where all appear).
                Names match canonical names, aliases and surnames, ignoring case and accents.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "A person taking part (name, alias or surname). Repeatable.")
        var person: [String] = []
        @Option(help: "An organization involved (name or acronym). Repeatable.")
        var org: [String] = []
        @Option(help: "A place.")
        var place: String?
        @Option(help: "Earliest event date: YYYY, YYYY-MM or YYYY-MM-DD.")
        var from: String?
        @Option(help: "Latest event date: YYYY, YYYY-MM or YYYY-MM-DD.")
        var to: String?
        @Option(help: "An outlet that reported it.")
        var outlet: String?
        @Option(help: "An event id.")
        var event: Int64?
        @Option(help: "Words the articles (or quotes) contain.")
        var text: String?
        @Option(help: "What to list.")
        var show: QueryTarget = .events
        @OptionGroup var output: OutputOptions
        @Option(parsing: .unconditional, help: "At most this many rows (1 or more).")
        var limit: Int = 50
        @Option(parsing: .unconditional, help: "Skip this many rows first.")
        var offset: Int = 0
        @Flag(help: "Print the SQL and its parameters instead of running it.")
        var sql = false

        func validate() throws {
            if limit < 1 { throw UsageError.fail("--limit must be 1 or more (it was \(limit))") }
            if offset < 0 { throw UsageError.fail("--offset must be 0 or more (it was \(offset))") }
            do {
                _ = try from.map { try QueryBuilder.validDate($0, option: "--from") }
                _ = try to.map { try QueryBuilder.validDate($0, option: "--to") }
            } catch let error as QueryError {
                throw UsageError.fail(error.message)
            }
        }

        func run() throws {
            let filter = QueryFilter(people: person, organizations: org, place: place, from: from, to: to, outlet: outlet,
                                     event: event, text: text)
            var builder = QueryBuilder(filter: filter, target: show, limit: limit, offset: offset)
            builder.dialect = database.dialect
            if sql {
                Terminal.write(SQLPrinter.describe(try UsageError.whenInvalid { try builder.build() }))
                return
            }
            let archive = try database.open(.readOnly)
            let table = try UsageError.whenInvalid { try QueryRunner(database: archive).run(builder) }
            Terminal.write(ResultFormatter(format: output.format, width: Terminal.width).render(table))
        }
    }
}
