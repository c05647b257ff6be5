import CSQLite
import Foundation

/// One connection to an SQLite file, set up the same way every time.
///
/// Not thread-safe: use one connection per thread (SQLite's WAL mode lets readers and one writer
/// share the file).
final class SQLiteConnection: DatabaseConnection {
    let handle: OpaquePointer
    let location: String
    var dialect: SQLDialect { .sqlite }

    init(path: String, mode: Database.Mode, immutable: Bool) throws {
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
        self.location = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 10_000)
        archive_disable_double_quoted_strings(handle)
        archive_enable_defensive(handle)
        try execute("PRAGMA foreign_keys = ON")
    }

    /// Library-wide settings, applied once before the first connection opens.
    private static let configureLibrary: Void = {
        _ = archive_disable_memory_statistics()
    }()

    deinit { sqlite3_close_v2(handle) }

    /// True when SQLite opened the file read-only (asked to, or because the file or folder is not writable).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    func reader() throws -> (any DatabaseConnection)? {
        guard location != ":memory:", !location.isEmpty else { return nil }
        return try SQLiteConnection(path: location, mode: .readOnly, immutable: false)
    }

    func dataVersion() throws -> Int64? {
        try prepare("PRAGMA data_version").rows([]).first?.int(0)
    }

    func prepare(_ sql: String) throws -> any PreparedStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    func begin(exclusive: Bool) throws {
        try execute(exclusive ? "BEGIN IMMEDIATE TRANSACTION" : "BEGIN DEFERRED TRANSACTION")
    }

    func error(code: Int32, sql: String?) -> DatabaseError {
        let extended = sqlite3_extended_errcode(handle)
        return DatabaseError(code: extended != 0 ? extended : code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
