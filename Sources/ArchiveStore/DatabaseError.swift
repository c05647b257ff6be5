import CSQLite
import Foundation

/// A failure reported by SQLite, or by the archive's own checks on a database file.
///
/// Its description reads like a log line, so the CLI can print it as is:
/// `SQLite error 19 (constraint): UNIQUE constraint failed: people.key — while executing INSERT …`.
public struct DatabaseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The extended SQLite result code (`SQLITE_CONSTRAINT_UNIQUE` is 2067), or one of ours below.
    public let code: Int32
    public let message: String
    /// The statement being run when it failed, if any.
    public let sql: String?

    /// True when `message` is a whole sentence of the archive's own, printed without SQLite's prefix.
    public let isOwnMessage: Bool

    public init(code: Int32, message: String, sql: String? = nil, isOwnMessage: Bool = false) {
        self.code = code
        self.message = message
        self.sql = sql
        self.isOwnMessage = isOwnMessage || code < 0
    }

    /// The primary result code (`SQLITE_CONSTRAINT` for every constraint failure).
    public var primaryCode: Int32 { code & 0xFF }

    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    public var isReadOnly: Bool { primaryCode == SQLITE_READONLY }
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }
    /// An error of the database as a whole (full, read-only, damaged, locked, out of memory), after
    /// which no further write can succeed; any other error is the statement's or its values'.
    public var isFatal: Bool {
        [SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CORRUPT, SQLITE_NOTADB,
         SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_NOMEM].contains(primaryCode)
    }
    /// The SQL could not be run as written: for a fixed, tested statement, a user's expression
    /// inside it (an FTS5 search) was not valid.
    public var isInvalidStatement: Bool { primaryCode == SQLITE_ERROR }

    public var description: String {
        var text: String
        if isOwnMessage {
            text = message
        } else {
            text = "SQLite error \(code)"
            if let name = sqlite3_errstr(code) { text += " (\(String(cString: name)))" }
            text += ": \(message)"
        }
        if let sql {
            let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: " ")
            text += " — while executing \(oneLine.count > 160 ? String(oneLine.prefix(160)) + "…" : oneLine)"
        }
        return text
    }
}

extension DatabaseError {
    // Codes below zero are the archive's own; SQLite's are never negative.

    /// The file exists but is not an archive (another application's SQLite database, or not SQLite at all).
    public static let notAnArchiveCode: Int32 = -1
    /// The archive was written by a newer version of this tool.
    public static let newerSchemaCode: Int32 = -2
    /// No archive exists where one was expected (a query before any ingest).
    public static let noArchiveCode: Int32 = -3

    static func notAnArchive(_ path: String, _ reason: String) -> DatabaseError {
        DatabaseError(code: notAnArchiveCode, message: "\(path) is not an archive database (\(reason)); it was left untouched")
    }
}

extension DatabaseError {
    /// Why the archive could not be written, in words a user can act on.
    public var reasonForWriting: String {
        switch primaryCode {
        case SQLITE_FULL: "the disk is full"
        case SQLITE_IOERR: "writing failed (\(message): the disk may be full, or a file size limit reached)"
        case SQLITE_READONLY: "the file or its folder is read-only"
        case SQLITE_BUSY, SQLITE_LOCKED: "another program kept it locked for too long"
        case SQLITE_CORRUPT, SQLITE_NOTADB: "the file is damaged (\(message))"
        default: description
        }
    }
}

extension DatabaseError {
    /// The primary codes errors are sorted by, for engines other than SQLite to file their errors
    /// under (the kinds `isFatal`, `isBusy` and the rest test for).
    public enum Kind {
        public static let error = SQLITE_ERROR
        public static let permission = SQLITE_PERM
        public static let busy = SQLITE_BUSY
        public static let outOfMemory = SQLITE_NOMEM
        public static let readOnly = SQLITE_READONLY
        public static let ioError = SQLITE_IOERR
        public static let full = SQLITE_FULL
        public static let constraint = SQLITE_CONSTRAINT
        public static let mismatch = SQLITE_MISMATCH
    }
}
