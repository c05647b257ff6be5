/// What the archive needs from a database engine: plain SQL text run once, statements compiled
/// once and run many times, and transactions. SQLite and PostgreSQL each provide one; everything
/// above (`Database`, the writer, the queries) is written against this and a `SQLDialect`.
public protocol DatabaseConnection: AnyObject {
    /// The pieces of SQL that differ between engines.
    var dialect: SQLDialect { get }
    /// Where the archive is, for messages: a file path, or a URL without its password.
    var location: String { get }
    /// True when nothing can be written through this connection.
    var isReadOnly: Bool { get }
    /// True when no transaction is open.
    var isAutocommit: Bool { get }

    /// A second connection to the same archive, for reading beside this one; nil when there can be
    /// none (an in-memory database), so that the caller uses this one.
    func reader() throws -> (any DatabaseConnection)?

    /// A number that changes whenever another connection has committed changes since this one
    /// last looked: what this connection's user knows of the rows may then be out of date.
    func dataVersion() throws -> Int64?

    /// Runs one or more statements separated by semicolons, with no parameters and no results.
    func execute(_ sql: String) throws
    /// Compiles one statement with `?` parameters.
    func prepare(_ sql: String) throws -> any PreparedStatement
    /// Opens a transaction; `exclusive` takes the engine's write lock at once, so that two writers
    /// queue instead of deadlocking.
    func begin(exclusive: Bool) throws
}

/// A compiled statement with positional `?` parameters.
public protocol PreparedStatement: AnyObject {
    var sql: String { get }
    /// The names of the result's columns, in order (empty for a statement without results).
    var columnNames: [String] { get throws }
    /// Runs the statement and returns every row.
    func rows(_ values: [DatabaseValue]) throws -> [Row]
    /// Runs the statement. An engine may send it without waiting for the answer; a failure is then
    /// thrown by the next call that waits (a read, or plain SQL such as a savepoint or the commit).
    func execute(_ values: [DatabaseValue]) throws
}
