import ArchiveStore

/// SQL and its bound parameters: what `--sql` prints and what the runner executes.
public struct BuiltQuery: Sendable, Equatable {
    public var sql: String
    public var parameters: [DatabaseValue]
}
