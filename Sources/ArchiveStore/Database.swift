import CSQLite
import Foundation

/// One connection to an SQLite file, set up the same way every time.
///
/// Not thread-safe: use one connection per thread (SQLite's WAL mode lets readers and one writer
/// share the file).
public final class Database {
    public enum Mode: Sendable {
        /// Reads only; the file must exist.
        case readOnly
        /// Reads and writes; the file is created when missing.
        case readWrite
    }

    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]

    /// Opens (or, for `.readWrite`, creates) a database file. `":memory:"` gives a private in-memory database.
    ///
    /// `immutable` reads a file that nothing can change (one in a read-only folder) without the
    /// shared-memory file WAL readers otherwise need and cannot create there.
    public init(path: String, mode: Mode = .readWrite, immutable: Bool = false) throws {
        _ = Self.configureLibrary
        var connection: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var name = path
        if immutable {
            flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? absolute
            name = "file://\(encoded)?immutable=1"
        }
        let code = sqlite3_open_v2(name, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            // A handle is returned even when opening fails, and must still be closed.
            sqlite3_close_v2(connection)
            throw DatabaseError(code: code, message: "cannot open \(path): \(message)", isOwnMessage: true)
        }
        self.handle = connection
        self.path = path
        try setUp()
    }

    /// Library-wide settings, applied once before the first connection opens.
    private static let configureLibrary: Void = {
        _ = archive_disable_memory_statistics()
    }()

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// The fixed set-up every connection gets, before any statement runs.
    private func setUp() throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 10_000)
        archive_disable_double_quoted_strings(handle)
        archive_enable_defensive(handle)
        try execute("PRAGMA foreign_keys = ON")
    }

    /// True when SQLite opened the file read-only (asked to, or because the file or folder is not writable).
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Runs one or more statements separated by semicolons, with no parameters and no results.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Compiles a statement for one-off use.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Compiles a statement once per connection and hands back the same one afterwards.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs a statement with positional parameters, through the statement cache.
    public func run(_ sql: String, _ values: DatabaseValueConvertible?...) throws {
        try cachedStatement(sql).execute(values)
    }

    /// Returns every row of a query with positional parameters, through the statement cache.
    public func rows(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws -> [Row] {
        try cachedStatement(sql).rows(values)
    }

    /// Returns the first column of the first row, if any.
    public func scalar(_ sql: String, _ values: DatabaseValueConvertible?...) throws -> DatabaseValue? {
        try cachedStatement(sql).firstRow(values)?.values.first
    }

    /// Returns the first column of the first row as an integer, if any.
    public func integer(_ sql: String, _ values: DatabaseValueConvertible?...) throws -> Int64? {
        try cachedStatement(sql).firstRow(values)?.int(0)
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        /// Takes the write lock at once, so two writers queue on the busy timeout instead of deadlocking.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// The error thrown is always the first one (a failing rollback does not hide it).
    public func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK TRANSACTION") }
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK TRANSACTION") }
            throw error
        }
        return result
    }

    /// True when no transaction is open.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    func error(code: Int32, sql: String?) -> DatabaseError {
        let extended = sqlite3_extended_errcode(handle)
        return DatabaseError(code: extended != 0 ? extended : code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// The version of the SQLite library this connection runs on.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// The options the SQLite library was compiled with (`ENABLE_FTS5`, …).
    public func compileOptions() throws -> [String] {
        try rows("PRAGMA compile_options").compactMap { $0.string(0) }
    }
}

extension Database {
    /// Runs `body` inside a savepoint: its writes are kept when it returns and undone when it throws,
    /// without ending the surrounding transaction. This is how one bad article leaves no trace in a batch.
    public func inSavepoint<T>(_ name: String = "unit", _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO SAVEPOINT \(name)")
            try? execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
    }
}
