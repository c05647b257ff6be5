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
                Terminal.write("ok: \(database.shown) is sound\n")
            } else {
                for problem in report.problems { Terminal.printError("problem: " + problem) }
                throw ExitCode.failure
            }
        }
    }
}
