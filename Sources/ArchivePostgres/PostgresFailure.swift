import ArchiveStore
import Foundation

/// PostgreSQL's errors in the archive's terms. The store and the commands decide what to do from
/// an error's kind (a constraint, a lock, a full disk, a bad statement), which `DatabaseError`
/// keeps as SQLite's primary result codes; a server error is filed under the nearest one and keeps
/// its SQLSTATE in the message.
enum PostgresFailure {
    static func error(state: String?, message: String, sql: String?) -> DatabaseError {
        let code: Int32 = switch state {
        case let state? where state.hasPrefix("23"): DatabaseError.Kind.constraint
        case "40001", "40P01", "55P03", "57014": DatabaseError.Kind.busy
        case "25006": DatabaseError.Kind.readOnly
        case "53100": DatabaseError.Kind.full
        case let state? where state.hasPrefix("53"): DatabaseError.Kind.outOfMemory
        case let state? where state.hasPrefix("08") || state.hasPrefix("57P"): DatabaseError.Kind.ioError
        case "42501": DatabaseError.Kind.permission
        case let state? where state.hasPrefix("22"): DatabaseError.Kind.mismatch
        default: DatabaseError.Kind.error
        }
        return DatabaseError(code: code, message: "PostgreSQL error \(state ?? "?"): \(oneLine(message))", sql: sql, isOwnMessage: true)
    }

    /// libpq's messages end in newlines and sometimes run over several lines.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
