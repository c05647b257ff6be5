import ArchiveStore
import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq, synchronous like the SQLite one: the
/// store runs one statement at a time on its own thread, so libpq's blocking calls fit it as is.
///
/// Not thread-safe: use one connection per thread.
public final class PostgresConnection: DatabaseConnection {
    let handle: OpaquePointer
    let address: PostgresLocation
    private let readOnly: Bool
    private var statementNumber = 0
    /// The archive's write count after this connection's last write, and how many times it was
    /// found moved on by others since (see `dataVersion`).
    private var lastWriteCount: Int64?
    private var changesByOthers: Int64 = 0
    /// Statements sent in a writing transaction whose answers are not read yet.
    private(set) lazy var pipeline = PostgresPipeline(connection: self)

    public var dialect: SQLDialect { .postgres }
    public var location: String { address.description }
    public var isReadOnly: Bool { readOnly }

    public init(_ location: PostgresLocation, readOnly: Bool = false) throws {
        // Keep the server from waiting forever on a host that does not answer, unless the URL says otherwise.
        var url = location.url
        if !url.lowercased().contains("connect_timeout=") {
            url += (url.contains("?") ? "&" : "?") + "connect_timeout=10"
        }
        guard let connection = PQconnectdb(url) else {
            throw DatabaseError(code: DatabaseError.Kind.ioError, message: "cannot connect to \(location): out of memory", isOwnMessage: true)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = location.redacting(PostgresFailure.oneLine(String(cString: PQerrorMessage(connection))))
            PQfinish(connection)
            throw DatabaseError(code: DatabaseError.Kind.ioError, message: "cannot connect to \(location): \(reason)", isOwnMessage: true)
        }
        handle = connection
        address = location
        self.readOnly = readOnly
        archive_pq_silence_notices(handle)
        // Plain text in and out, ISO dates, and no surprises from a server's own defaults.
        try execute("SET client_encoding = 'UTF8'; SET standard_conforming_strings = on; SET client_min_messages = warning")
        if readOnly { try execute("SET default_transaction_read_only = on") }
    }

    deinit { PQfinish(handle) }

    public var isAutocommit: Bool { PQtransactionStatus(handle) == PQTRANS_IDLE }

    /// Runs plain SQL, after reading the answers of whatever was sent before it.
    public func execute(_ sql: String) throws {
        try pipeline.leave()
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
        switch PQtransactionStatus(handle) {
        case PQTRANS_INTRANS: if pipeline.wanted { pipeline.enter() }
        case PQTRANS_IDLE: pipeline.wanted = false
        default: break
        }
    }

    public func reader() throws -> (any DatabaseConnection)? {
        try PostgresConnection(address, readOnly: true)
    }

    public func prepare(_ sql: String) throws -> any PreparedStatement {
        statementNumber += 1
        return PostgresStatement(connection: self, name: "archive_\(statementNumber)", sql: sql)
    }

    /// Opens a transaction. An exclusive one takes the archive's write lock, held to its end, so
    /// that writers take turns as they do on SQLite, where the write lock is the whole file.
    public func begin(exclusive: Bool) throws {
        try execute("BEGIN")
        if exclusive {
            do {
                try execute("SELECT pg_advisory_xact_lock(\(Self.writeLock))")
                try countWrite()
                pipeline.wanted = true
                pipeline.enter()
            } catch {
                try? execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Every writing transaction adds one to archive_schema.writes under the write lock, so a
    /// writer that finds the count moved by more than its own last write knows another has written.
    private func countWrite() throws {
        let result = PQexec(handle, "UPDATE archive_schema SET writes = writes + 1 RETURNING writes")
        defer { PQclear(result) }
        try check(result, sql: nil)
        guard PQntuples(result) == 1, let value = PQgetvalue(result, 0, 0), let count = Int64(String(cString: value)) else { return }
        if count != (lastWriteCount ?? 0) + 1 { changesByOthers += 1 }
        lastWriteCount = count
    }

    /// Changes only when another connection wrote between two of this one's writing transactions.
    public func dataVersion() throws -> Int64? { changesByOthers }

    /// The advisory lock key every writer of an archive takes ('ARCH' in ASCII, as in archive_schema).
    static let writeLock: Int64 = 1_095_910_216

    /// Throws the error a result carries, if it failed.
    func check(_ result: OpaquePointer?, sql: String?) throws {
        guard let result else { throw connectionError(sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default:
            let state = archive_pq_sqlstate(result).map { String(cString: $0) }
            let message = archive_pq_primary_message(result).map { String(cString: $0) } ?? currentError()
            throw PostgresFailure.error(state: state, message: address.redacting(message), sql: sql)
        }
    }

    /// A statement could not be sent, or no answer came (the connection is gone): libpq's reason.
    func connectionError(sql: String?) -> DatabaseError {
        DatabaseError(code: DatabaseError.Kind.ioError, message: location + ": " + currentError(), sql: sql, isOwnMessage: true)
    }

    private func currentError() -> String {
        address.redacting(PostgresFailure.oneLine(String(cString: PQerrorMessage(handle))))
    }
}
