import ArchiveValues
import Foundation

/// One connection to an archive's database, whichever engine holds it, with the conveniences the
/// store is written with: cached statements, one-line queries, transactions and savepoints, and
/// on a server the inserts of a writing transaction held to go together (`HeldWrites`).
///
/// Not thread-safe: use one per thread.
public final class Database {
    public enum Mode: Sendable {
        /// Reads only; the archive must exist.
        case readOnly
        /// Reads and writes; an SQLite file is created when missing.
        case readWrite
    }

    public let connection: any DatabaseConnection
    private var statementCache: [String: any PreparedStatement] = [:]
    private var newRowIDs = NewRowIDs()
    /// Inside a writing transaction, which holds the archive's write lock to its end.
    private var isWriting = false
    /// Inserts held back to go together (`HeldWrites`), on an engine that pays per statement.
    private var held = HeldWrites()
    private var holdsWrites: Bool { isWriting && dialect.paysPerStatement }
    /// Rows, and bytes of text, held at most before they are sent: a chunk of articles stays
    /// under them, a copy of a whole archive goes in many sends.
    private static let heldRowLimit = 50_000
    private static let heldByteLimit = 32 << 20
    private var heldIsFull: Bool { held.rowCount >= Self.heldRowLimit || held.textBytes >= Self.heldByteLimit }

    public init(connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Opens (or, for `.readWrite`, creates) an SQLite file. `":memory:"` gives a private in-memory database.
    ///
    /// `immutable` reads a file that nothing can change (one in a read-only folder) without the
    /// shared-memory file WAL readers otherwise need and cannot create there.
    public convenience init(path: String, mode: Mode = .readWrite, immutable: Bool = false) throws {
        self.init(connection: try SQLiteConnection(path: path, mode: mode, immutable: immutable))
    }

    deinit { statementCache.removeAll() }

    /// Where the archive is, for messages: a file path, or a URL without its password.
    public var path: String { connection.location }
    public var dialect: SQLDialect { connection.dialect }
    public var isReadOnly: Bool { connection.isReadOnly }
    /// True when no transaction is open.
    public var isAutocommit: Bool { connection.isAutocommit }

    /// Runs one or more statements separated by semicolons, with no parameters and no results.
    public func execute(_ sql: String) throws {
        try sendHeldWrites()
        try connection.execute(sql)
    }

    /// Compiles a statement for one-off use.
    public func prepare(_ sql: String) throws -> any PreparedStatement {
        try sendHeldWrites()
        return try connection.prepare(sql)
    }

    /// Compiles a statement once per connection and hands back the same one afterwards. Whatever
    /// it does comes after every write held so far.
    public func cachedStatement(_ sql: String) throws -> any PreparedStatement {
        try sendHeldWrites()
        return try statement(sql)
    }

    private func statement(_ sql: String) throws -> any PreparedStatement {
        if let statement = statementCache[sql] { return statement }
        let statement = try connection.prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// An update that may run after any insert the transaction goes on to make: it changes a row
    /// that exists and no insert reads what it changes. In a writing transaction on a server it
    /// is held with the inserts and sent after them; otherwise it runs at once.
    public func runAfterInserts(_ sql: String, _ values: DatabaseValueConvertible?...) throws {
        let values = values.map { $0?.databaseValue ?? .null }
        guard holdsWrites else { return try cachedStatement(sql).execute(values) }
        held.holdForLater(sql, values)
    }

    /// Sets columns of the row of `table` whose id is `id`, when `condition` (SQL on the table's
    /// columns, written with its name) holds. In a writing transaction on a server the update is
    /// held like `runAfterInserts`, and those of one table and columns go in one statement: of
    /// two for one row, the first counts when `firstWins` (the caller's condition makes the
    /// later change nothing), else the last.
    public func update(_ table: String, id: Int64, set columns: [String], to values: [DatabaseValueConvertible?],
                       where condition: String? = nil, firstWins: Bool = false) throws {
        let values = values.map { $0?.databaseValue ?? .null }
        guard holdsWrites else {
            let sql = "UPDATE \(table) SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
                + (condition.map { " AND \($0)" } ?? "")
            return try cachedStatement(sql).execute(values + [.integer(id)])
        }
        held.hold(.init(table: table, columns: columns, condition: condition, firstWins: firstWins), id: id, values)
        if heldIsFull { try sendHeldWrites() }
    }

    /// Sends every held write: inserts parents first, then the updates held for after them.
    private func sendHeldWrites() throws {
        guard !held.isEmpty else { return }
        let (inserts, updates, later) = held.take()
        for (shape, rows) in inserts {
            guard let sql = dialect.insertRowSet(into: shape.table, shape.columns, ending: shape.ending) else { continue }
            try statement(sql).execute([.text(Self.jsonRows(shape.columns, rows))])
        }
        for (update, rows) in updates {
            guard let sql = dialect.updateRowSet(update.table, update.columns, condition: update.condition) else { continue }
            try statement(sql).execute([.text(Self.jsonRows(["id"] + update.columns, rows))])
        }
        for (sql, values) in later { try statement(sql).execute(values) }
    }

    /// Holds rows of an insert; false where writes are not held.
    private func hold(_ table: String, _ columns: [String], _ rows: [[DatabaseValue]], ending: String) throws -> Bool {
        guard holdsWrites else { return false }
        let shape = HeldWrites.Shape(table: table, columns: columns, ending: ending)
        if !held.hold(shape, rows) {
            try sendHeldWrites()
            _ = held.hold(shape, rows)
        }
        if heldIsFull { try sendHeldWrites() }
        return true
    }

    /// Runs a statement with positional parameters, through the statement cache.
    public func run(_ sql: String, _ values: DatabaseValueConvertible?...) throws {
        try run(sql, values: values)
    }

    /// `run` with its values in an array (a list bound by `isIn`, say).
    public func run(_ sql: String, values: [DatabaseValueConvertible?]) throws {
        try cachedStatement(sql).execute(values.map { $0?.databaseValue ?? .null })
    }

    /// Returns every row of a query with positional parameters, through the statement cache.
    public func rows(_ sql: String, _ values: [DatabaseValueConvertible?] = []) throws -> [Row] {
        try cachedStatement(sql).rows(values.map { $0?.databaseValue ?? .null })
    }

    /// Returns the first column of the first row, if any.
    public func scalar(_ sql: String, _ values: DatabaseValueConvertible?...) throws -> DatabaseValue? {
        try cachedStatement(sql).rows(values.map { $0?.databaseValue ?? .null }).first?.values.first
    }

    /// Returns the first column of the first row as an integer, if any.
    public func integer(_ sql: String, _ values: DatabaseValueConvertible?...) throws -> Int64? {
        try cachedStatement(sql).rows(values.map { $0?.databaseValue ?? .null }).first?.int(0)
    }

    /// Inserts several rows with one statement (one wait for a server's answer, not one per row):
    /// `INSERT INTO table (columns) VALUES (…), (…) ` followed by `ending` (an `ON CONFLICT` clause).
    /// Rows go in statements of 64, 32, … or 1 rows: few statement shapes to compile and keep per
    /// table (SQLite compiles each shape; a server keeps each prepared), and well under the
    /// engines' limits on parameters.
    public func insert(into table: String, _ columns: [String], rows: [[DatabaseValueConvertible?]], ending: String = "") throws {
        guard !rows.isEmpty else { return }
        if try hold(table, columns, rows.map { $0.map { $0?.databaseValue ?? .null } }, ending: ending) { return }
        if let sql = dialect.insertRowSet(into: table, columns, ending: ending) {
            try cachedStatement(sql).execute([.text(Self.jsonRows(columns, rows))])
            return
        }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let count = Self.powerOfTwo(atMost: min(rows.count - start, 64))
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: count).joined(separator: ", ") + (ending.isEmpty ? "" : " " + ending)
            try cachedStatement(sql).execute(rows[start..<start + count].flatMap { $0.map { $0?.databaseValue ?? .null } })
            start += count
        }
    }

    /// Rows as `SQLDialect.insertRowSet` and `SQLDialect.jsonRows` take them: a JSON array of
    /// objects keyed by column.
    static func jsonRows(_ columns: [String], _ rows: [[DatabaseValueConvertible?]]) -> String {
        let keys = columns.map { Array((JSONText.string($0.filter { $0 != "\"" }) + ":").utf8) }
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (number, row) in rows.enumerated() {
            if number > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "{"))
            for (index, value) in row.enumerated() where index < keys.count {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json.append(contentsOf: keys[index])
                (value?.databaseValue ?? .null).appendJSON(to: &json)
            }
            json.append(UInt8(ascii: "}"))
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// The condition that `column` is one of `values`, with its parameters: one question for many
    /// values. Few statement shapes either way: on PostgreSQL the list is one parameter (a JSON
    /// array, `SQLDialect.isIn`); SQLite, where that costs more than the look-up, gets `IN (?, …)`
    /// padded to a power of two by repeating the last value (which changes nothing `IN` finds).
    public func isIn(_ column: String, _ values: [String]) -> ListCondition {
        condition(column, .text, values.map { $0 as DatabaseValueConvertible }) { JSONText.array(values) }
    }

    public func isIn(_ column: String, _ values: [Int64]) -> ListCondition {
        condition(column, .integer, values.map { $0 as DatabaseValueConvertible }) { "[" + values.map(String.init).joined(separator: ",") + "]" }
    }

    public struct ListCondition {
        public let sql: String
        public let values: [DatabaseValueConvertible?]
    }

    private func condition(_ column: String, _ type: SQLDialect.ListType, _ values: [DatabaseValueConvertible],
                           json: () -> String) -> ListCondition {
        guard dialect.engine == .sqlite, values.count <= 1024 else { return ListCondition(sql: dialect.isIn(column, type), values: [json()]) }
        var padded: [DatabaseValueConvertible?] = values
        while padded.count & (padded.count - 1) != 0, let last = padded.last { padded.append(last) }
        if padded.isEmpty { padded = [nil] }  // IN (NULL) finds nothing
        return ListCondition(sql: "\(column) IN (" + Array(repeating: "?", count: padded.count).joined(separator: ", ") + ")", values: padded)
    }

    private static func powerOfTwo(atMost count: Int) -> Int {
        var power = 1
        while power * 2 <= count { power *= 2 }
        return power
    }

    /// Adds a row to `table` (whose key is `id`) and returns its id, which the writer chose
    /// (`NewRowIDs`): nothing to wait for, so on PostgreSQL the insert is sent with the statements
    /// around it.
    public func insertNew(into table: String, _ columns: [String], _ values: DatabaseValueConvertible?...) throws -> Int64 {
        let id = try newRowIDs.id(in: table, keepsCounting: isWriting) {
            try integer("SELECT coalesce(max(id), 0) FROM \(table)") ?? 0
        }
        let values = [.integer(id)] + values.map { $0?.databaseValue ?? .null }
        if try hold(table, ["id"] + columns, [values], ending: "") { return id }
        let sql = "INSERT INTO \(table) (id, \(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count + 1).joined(separator: ", ") + ")"
        try cachedStatement(sql).execute(values)
        if !isWriting { try continueIdentities() }
        return id
    }

    /// Has the engine's own id counters continue after the ids the writer chose.
    private func continueIdentities() throws {
        for table in newRowIDs.tables.sorted() {
            if let sql = dialect.identityContinues(table) { _ = try rows(sql) }
        }
        newRowIDs.reset()
    }

    public enum TransactionKind: Sendable {
        case deferred
        /// Takes the write lock at once, so two writers queue on the busy timeout instead of deadlocking.
        case immediate
    }

    /// SQLite's plan for a query, one line per step ("SEARCH e USING INDEX …", "SCAN …").
    public func plan(_ query: BuiltQuery) throws -> [String] {
        try prepare("EXPLAIN QUERY PLAN " + query.sql).rows(query.parameters).compactMap { $0.string("detail") }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// The error thrown is always the first one (a failing rollback does not hide it).
    public func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try connection.begin(exclusive: kind == .immediate)
        newRowIDs.reset()
        isWriting = kind == .immediate
        defer {
            isWriting = false
            newRowIDs.reset()
            held.discard()
        }
        let result: T
        do {
            result = try body()
        } catch {
            held.discard()
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
        do {
            try continueIdentities()
            try execute("COMMIT")
        } catch {
            held.discard()
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
        return result
    }

    /// Runs `body` inside a savepoint: its writes are kept when it returns and undone when it throws,
    /// without ending the surrounding transaction. This is how one bad article leaves no trace in a batch.
    public func inSavepoint<T>(_ name: String = "unit", _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            // What it held goes unsent: the savepoint's writes are undone.
            held.discard()
            newRowIDs.recount()
            try? execute("ROLLBACK TO SAVEPOINT \(name)")
            try? execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
    }
}
