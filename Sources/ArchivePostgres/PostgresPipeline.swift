import ArchiveStore
import CLibPQ

/// libpq's pipeline mode inside a writing transaction: statements whose results are not needed at
/// once (inserts, updates, deletes) are sent without waiting for the server's answer, and their
/// answers are read together at the next statement that needs one (a read, a savepoint, the
/// commit). An ingest runs some thirty statements per article, five or six of them reads (new rows
/// take ids the writer chose, `NewRowIDs`, so inserts need no answer); waiting for every answer,
/// the round trips, not the server's work, took most of the time.
///
/// Errors keep their place: the first failure among the statements sent is thrown by the call that
/// reads the answers, before anything after it runs, so a savepoint around an article still
/// catches that article's failure.
final class PostgresPipeline {
    enum Purpose {
        /// A statement prepared on the server on its first run: on failure it must be prepared again.
        case prepare(PostgresStatement)
        case write
        /// A read: its rows are what `drain` returns.
        case read
    }

    private unowned let connection: PostgresConnection
    private var pending: [(sql: String, purpose: Purpose)] = []
    /// Whether the open transaction wants pipelining (a writing one).
    var wanted = false
    /// Answers waiting past this many are read at once, before the server's replies can fill the
    /// socket and stall both sides.
    static let limit = 256

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    var isOn: Bool { PQpipelineStatus(connection.handle) != PQ_PIPELINE_OFF }

    func enter() {
        if !isOn { _ = PQenterPipelineMode(connection.handle) }
    }

    /// Reads every pending answer and leaves pipeline mode, so that plain SQL can run.
    func leave() throws {
        defer { if isOn { _ = PQexitPipelineMode(connection.handle) } }
        _ = try drain()
    }

    func sent(_ sql: String, _ purpose: Purpose) {
        pending.append((sql, purpose))
    }

    var isFull: Bool { pending.count >= Self.limit }

    /// Sends a synchronization point and reads every answer up to it. Returns the rows of the last
    /// read among them, if any; throws the first error.
    @discardableResult
    func drain() throws -> [Row]? {
        guard !pending.isEmpty else { return nil }
        let handle = connection.handle
        let waiting = pending
        pending.removeAll(keepingCapacity: true)
        guard PQpipelineSync(handle) == 1 else { throw connection.connectionError(sql: waiting.last?.sql) }
        var firstError: Error?
        var rows: [Row]?
        var index = 0
        // Each statement's answer is its results followed by a null; the sync point ends the lot.
        while true {
            guard let result = PQgetResult(handle) else {
                index += 1
                if index > waiting.count + 1 || PQstatus(handle) != CONNECTION_OK {
                    firstError = firstError ?? connection.connectionError(sql: nil)
                    break
                }
                continue
            }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_PIPELINE_SYNC { break }
            guard index < waiting.count, status != PGRES_PIPELINE_ABORTED else { continue }
            let (sql, purpose) = waiting[index]
            do {
                try connection.check(result, sql: sql)
                if case .read = purpose { rows = PostgresStatement.rows(of: result) }
            } catch {
                if case .prepare(let statement) = purpose { statement.forgetPreparation() }
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return rows
    }
}
