import ArchiveStore
import ArgumentParser

extension Archive {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the archive: SQLite's integrity check, foreign keys, and the full-text indexes.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let archive = try database.open(.readWrite)
            let report = try ArchiveMaintenance(database: archive).check()
            for (table, rows) in report.counts {
                Terminal.write("\(table.padding(toLength: 22, withPad: " ", startingAt: 0)) \(rows)\n")
            }
            if report.problems.isEmpty {
                Terminal.write("ok: \(database.path) is sound\n")
            } else {
                for problem in report.problems { Terminal.printError("problem: " + problem) }
                throw ExitCode.failure
            }
        }
    }

    struct RebuildFTS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild-fts",
            abstract: "Rebuild the full-text indexes of articles and quotes from their tables.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let archive = try database.open(.readWrite)
            try ArchiveMaintenance(database: archive).rebuildFullTextIndexes()
            Terminal.printError("rebuilt \(ArchiveMaintenance.fullTextIndexes.joined(separator: " and ")) (\(database.path))")
        }
    }
}
