import ArchiveQuery
import ArchiveStore
import ArgumentParser

extension Archive {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full-text search over articles and quotes, best matches first, with snippets.",
            discussion: "Words and \"quoted phrases\" are searched as written; --raw passes FTS5 syntax (AND, OR, NEAR, prefix*).")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "What to search for.")
        var text: String
        @Flag(help: "Treat the text as an FTS5 expression.")
        var raw = false
        @OptionGroup var output: OutputOptions
        @Option(parsing: .unconditional, help: "At most this many results (1 or more).")
        var limit: Int = 20
        @Flag(help: "Print the SQL and its parameters instead of running it.")
        var sql = false

        func validate() throws {
            if limit < 1 { throw UsageError.fail("--limit must be 1 or more (it was \(limit))") }
            if text.utf8.count > FullTextSearch.longestText {
                throw UsageError.fail("the search text is \(text.utf8.count) bytes long; at most \(FullTextSearch.longestText) are searched")
            }
        }

        func run() throws {
            let search = FullTextSearch(text: text, raw: raw, limit: limit, highlight: output.format == .table && Terminal.usesColor)
            let query = try UsageError.whenInvalid { try search.build(for: database.dialect) }
            if sql {
                Terminal.write(SQLPrinter.describe(query))
                return
            }
            let archive = try database.open(.readOnly)
            let table = try UsageError.whenInvalid { try QueryRunner(database: archive).run(query, rawText: raw) }
            Terminal.write(ResultFormatter(format: output.format, width: Terminal.width).render(table))
        }
    }
}
