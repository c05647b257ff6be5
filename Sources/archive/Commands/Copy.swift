import ArchivePostgres
import ArchiveStore
import ArgumentParser

extension Archive {
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a whole archive to another database: an SQLite file to PostgreSQL, or back.",
            discussion: """
                Every row goes with its id, manual merges and event corrections included; nothing is read or \
                extracted again. The destination must be a new or empty archive (a file that does not exist yet, \
                or an empty PostgreSQL database). One transaction: if the copy stops, the destination holds \
                nothing of it. `archive check` runs on the result.
                """)

        @Option(name: .long, help: ArgumentHelp("The archive to copy: an SQLite file or a postgresql:// URL.", valueName: "file-or-url"))
        var from: String

        @Option(name: .long, help: ArgumentHelp("Where to copy it: a new SQLite file or an empty PostgreSQL database.", valueName: "file-or-url"))
        var to: String

        func validate() throws {
            if from == to {
                throw UsageError.fail("--from and --to are the same archive (\(ArchiveLocation.shown(to)))")
            }
        }

        func run() throws {
            let source = try ArchiveLocation.open(from, mode: .readOnly, creatingIfMissing: false)
            let destination = try ArchiveLocation.open(to, mode: .readWrite, creatingIfMissing: true)
            let counts = try ArchiveCopy(from: source, to: destination).run()
            let articles = counts.first { $0.table == "source_articles" }?.rows ?? 0
            let rows = counts.reduce(0) { $0 + $1.rows }
            Terminal.printError("copied \(articles) articles (\(rows) rows in \(counts.count) tables) from "
                                + "\(ArchiveLocation.shown(from)) to \(ArchiveLocation.shown(to))")
            let report = try ArchiveMaintenance(database: destination).check()
            if report.problems.isEmpty {
                Terminal.printError("check: \(ArchiveLocation.shown(to)) is sound")
            } else {
                for problem in report.problems { Terminal.printError("problem: " + problem) }
                throw ExitCode.failure
            }
        }
    }
}
