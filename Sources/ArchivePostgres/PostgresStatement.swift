import ArchiveStore
import CLibPQ
import Foundation

/// A statement prepared on the server under its own name, run with text parameters.
///
/// The archive writes `?` for parameters, as SQLite reads them; they become `$1`, `$2`, … here.
/// Parameter types are left to the server, which infers each from where it stands.
final class PostgresStatement: PreparedStatement {
    let sql: String
    private let numbered: String
    private let name: String
    private var prepared = false
    private let parameterCount: Int
    private unowned let connection: PostgresConnection
    private var described: [String]?

    init(connection: PostgresConnection, name: String, sql: String) {
        let (text, count) = PostgresPlaceholders.numbered(sql)
        self.sql = sql
        self.numbered = text
        self.name = name
        self.parameterCount = count
        self.connection = connection
    }

    /// The server types of a run's values: integers as bigint and reals as double precision, so
    /// that `SELECT ?` in an `INSERT … SELECT` is a number; text and NULL are left for the server
    /// to infer from where they stand.
    private static func types(_ values: [DatabaseValue]) -> [Oid] {
        values.map {
            switch $0 {
            case .integer: 20
            case .real: 701
            case .blob: 17
            case .text, .null: 0
            }
        }
    }

    /// Prepares the statement on the server the first time it runs, with that run's value types.
    private func prepareIfNeeded(for values: [DatabaseValue]) throws {
        guard !prepared else { return }
        let types = Self.types(values)
        if connection.pipeline.isOn {
            guard PQsendPrepare(connection.handle, name, numbered, Int32(types.count), types) == 1 else {
                throw connection.connectionError(sql: sql)
            }
            connection.pipeline.sent(sql, .prepare(self))
        } else {
            let result = PQprepare(connection.handle, name, numbered, Int32(types.count), types)
            defer { PQclear(result) }
            try connection.check(result, sql: sql)
        }
        prepared = true
    }

    /// The server refused the preparation: the next run prepares again.
    func forgetPreparation() { prepared = false }

    deinit {
        // In pipeline mode nothing may run at once: the server keeps its copy until the connection closes.
        guard prepared, !connection.pipeline.isOn else { return }
        // Outside a failed transaction this frees the server's copy; inside one the server keeps it
        // until the connection closes, which is harmless.
        PQclear(PQexec(connection.handle, "DEALLOCATE \(name)"))
    }

    var columnNames: [String] {
        get throws {
            if let described { return described }
            // Describing waits for the server: not a thing pipeline mode allows.
            if connection.pipeline.isOn { try connection.pipeline.leave() }
            try prepareIfNeeded(for: Array(repeating: .null, count: parameterCount))
            let result = PQdescribePrepared(connection.handle, name)
            defer { PQclear(result) }
            try connection.check(result, sql: sql)
            let names = (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
            described = names
            return names
        }
    }

    /// Runs the statement. In a writing transaction it is only sent: its answer is read with the
    /// next statement that needs one.
    func execute(_ values: [DatabaseValue]) throws {
        if connection.pipeline.isOn {
            try send(values, .write)
            if connection.pipeline.isFull { try connection.pipeline.drain() }
            return
        }
        PQclear(try run(values))
    }

    func rows(_ values: [DatabaseValue]) throws -> [Row] {
        if connection.pipeline.isOn {
            try send(values, .read)
            return try connection.pipeline.drain() ?? []
        }
        let result = try run(values)
        defer { PQclear(result) }
        return Self.rows(of: result)
    }

    /// Every row of a result, copied out.
    static func rows(of result: OpaquePointer?) -> [Row] {
        let rowCount = PQntuples(result)
        let fieldCount = PQnfields(result)
        let columns = (0..<fieldCount).map { String(cString: PQfname(result, $0)) }
        let types = (0..<fieldCount).map { PQftype(result, $0) }
        var rows: [Row] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [DatabaseValue] = []
            values.reserveCapacity(Int(fieldCount))
            for field in 0..<fieldCount {
                if PQgetisnull(result, row, field) == 1 {
                    values.append(.null)
                } else {
                    let length = Int(PQgetlength(result, row, field))
                    let text = PQgetvalue(result, row, field).map {
                        String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self)
                    } ?? ""
                    values.append(PostgresValue.decode(text, type: types[Int(field)]))
                }
            }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    /// Sends one run in pipeline mode.
    private func send(_ values: [DatabaseValue], _ purpose: PostgresPipeline.Purpose) throws {
        let sent = try withParameters(values) { count, parameters in
            PQsendQueryPrepared(connection.handle, name, count, parameters, nil, nil, 0)
        }
        guard sent == 1 else { throw connection.connectionError(sql: sql) }
        connection.pipeline.sent(sql, purpose)
    }

    private func run(_ values: [DatabaseValue]) throws -> OpaquePointer? {
        let result = try withParameters(values) { count, parameters in
            PQexecPrepared(connection.handle, name, count, parameters, nil, nil, 0)
        }
        do {
            try connection.check(result, sql: sql)
        } catch {
            PQclear(result)
            throw error
        }
        return result
    }

    /// Prepares the statement if it is not yet, and calls `body` with the values as the C strings
    /// libpq takes (NULL for NULL). They live until `body` returns; libpq copies what it keeps.
    private func withParameters<T>(_ values: [DatabaseValue],
                                   _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> T) throws -> T {
        precondition(values.count == parameterCount, "\(values.count) values for \(parameterCount) parameters in: \(sql)")
        try prepareIfNeeded(for: values)
        let pointers: [UnsafeMutablePointer<CChar>?] = values.map { PostgresValue.encode($0).flatMap { strdup($0) } }
        defer { pointers.forEach { free($0) } }
        return pointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { body(Int32(values.count), $0.baseAddress) }
    }
}
