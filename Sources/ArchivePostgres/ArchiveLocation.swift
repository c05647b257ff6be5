import ArchiveStore

/// Where an archive is, as `--db` and `$ARCHIVE_DB` give it: a PostgreSQL URL, or else an SQLite
/// file path. The one place that chooses the engine.
public enum ArchiveLocation {
    /// Opens the archive there (see `ArchiveSchema.open` and `PostgresArchive.open`).
    public static func open(_ location: String, mode: Database.Mode, creatingIfMissing: Bool = true) throws -> Database {
        if let server = PostgresLocation(location) {
            return try PostgresArchive.open(server, mode: mode, creatingIfMissing: creatingIfMissing)
        }
        return try ArchiveSchema.open(location, mode: mode, creatingIfMissing: creatingIfMissing)
    }

    /// The location as it may be shown in messages: a URL without its password.
    public static func shown(_ location: String) -> String {
        PostgresLocation(location)?.description ?? location
    }

    /// The SQL the location's engine reads, known without connecting.
    public static func dialect(_ location: String) -> SQLDialect {
        PostgresLocation(location) == nil ? .sqlite : .postgres
    }
}
