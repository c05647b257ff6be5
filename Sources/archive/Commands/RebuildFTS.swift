import ArchiveStore
import ArgumentParser

extension Archive {
    struct RebuildFTS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild-fts",
            abstract: "Rebuild the full-text indexes of articles and quotes from their tables.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let archive = try database.open(.readWrite)
            let maintenance = ArchiveMaintenance(database: archive)
            try maintenance.rebuildFullTextIndexes()
            Terminal.printError("rebuilt \(maintenance.fullTextIndexes.joined(separator: " and ")) (\(database.shown))")
        }
    }
}
