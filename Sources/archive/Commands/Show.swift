import ArchiveQuery
import ArgumentParser

extension DetailQuery.Subject: ExpressibleByArgument {}

extension Archive {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything about one event, person or article.",
            discussion: """
                archive show event 1       title, date, place, who took part, every article, the quotes
                archive show person Rubio  aliases, roles, events as a timeline, quotes, most co-mentioned people
                archive show article 2     metadata, who and what it names, its quotes
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "event, person or article.")
        var subject: DetailQuery.Subject
        @Argument(help: "The event or article id, or the person's name (or id).")
        var key: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            let archive = try database.open(.readOnly)
            let sections = try DetailQuery(database: archive).sections(subject, key)
            Terminal.write(ResultFormatter(format: output.format, width: Terminal.width).render(sections: sections.map { ($0.0, $0.1) }))
        }
    }
}
