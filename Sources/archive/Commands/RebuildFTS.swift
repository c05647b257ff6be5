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
            try ArchiveMaintenance(database: archive).rebuildFullTextIndexes()
            Terminal.printError("rebuilt \(ArchiveMaintenance.fullTextIndexes.joined(separator: " and ")) (\(database.shown))")
        }
    }
}
