import ArchiveGrouping
import ArchiveStore
import ArgumentParser

extension Archive {
    struct Regroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Form every event anew from the stored articles (the same events ingest forms, in any order).",
            discussion: """
                Finds every pair of alike articles again and clusters them, as `ingest` does for the articles \
                it adds. On an archive ingested by this version nothing changes; after an upgrade, events are \
                formed by the current rules. An event keeps its id when it keeps more than half of its articles.
                """)

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let archive = try database.open(.readWrite)
            let before = try GroupingStore(database: archive).eventCount()
            let after = try archive.inTransaction { try EventGrouper(database: archive).regroup() }
            func events(_ count: Int) -> String { count == 1 ? "1 event" : "\(count) events" }
            Terminal.printError("regrouped \(database.shown): \(events(before)) before, \(events(after)) now")
        }
    }
}
