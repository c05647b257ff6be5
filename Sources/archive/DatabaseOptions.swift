import ArchivePostgres
import ArchiveStore
import ArgumentParser
import Foundation

/// `--db`, shared by every command that opens the archive.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive: an SQLite file, or a postgresql:// URL (default: $ARCHIVE_DB, else ./archive.db).",
                                                  valueName: "file-or-url"),
            completion: .file(extensions: ["db", "sqlite"]))
    var db: String?

    var path: String {
        if let db { return db }
        if let environment = ProcessInfo.processInfo.environment["ARCHIVE_DB"], !environment.isEmpty { return environment }
        return "archive.db"
    }

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError.fail("--db is empty: give an archive file or a postgresql:// URL")
        }
    }

    /// The archive as it may be shown in messages: a PostgreSQL URL without its password.
    var shown: String { ArchiveLocation.shown(path) }

    /// The SQL the archive's engine reads, known without connecting (for `--sql`).
    var dialect: SQLDialect { ArchiveLocation.dialect(path) }

    /// Opens the archive; only `ingest` (`creating`) makes one where there is none, so that a
    /// mistyped `--db` gets an error instead of a new, empty archive.
    func open(_ mode: Database.Mode, creating: Bool = false) throws -> Database {
        try ArchiveLocation.open(path, mode: mode, creatingIfMissing: creating)
    }
}
