import CSQLite

/// `SQLITE_TRANSIENT`: tells SQLite to copy bound text and blobs, since Swift frees them after the call.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A prepared SQLite statement: compiled once, then bound, stepped and reset as often as needed.
///
/// It owns its handle and finalizes it when released. Binding a parameter that does not exist is a
/// programmer error and stops the program; failures of preparing and stepping are thrown.
final class SQLiteStatement: PreparedStatement {
    let handle: OpaquePointer
    let sql: String
    unowned let connection: SQLiteConnection

    init(connection: SQLiteConnection, sql: String) throws {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { sqlite3_prepare_v3(connection.handle, $0, -1, 0, &statement, &tail) }
        guard code == SQLITE_OK, let statement else {
            throw connection.error(code: code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to the `?` parameters, in order, after clearing earlier bindings.
    private func bind(_ values: [DatabaseValue]) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        precondition(values.count == Int(sqlite3_bind_parameter_count(handle)),
                     "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) parameters in: \(sql)")
        for (offset, value) in values.enumerated() {
            bind(value, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: DatabaseValue, at index: Int32) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let int): code = sqlite3_bind_int64(handle, index, int)
        case .real(let double): code = sqlite3_bind_double(handle, index, double)
        case .text(let string): code = sqlite3_bind_text(handle, index, string, -1, sqliteTransient)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes {
                sqlite3_bind_blob(handle, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count), sqliteTransient)
            }
        }
        // Only a wrong index or an oversized value fails here, both programmer errors.
        precondition(code == SQLITE_OK, "binding parameter \(index) failed (\(code)) in: \(sql)")
    }

    func execute(_ values: [DatabaseValue]) throws {
        bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    func rows(_ values: [DatabaseValue]) throws -> [Row] {
        bind(values)
        defer { sqlite3_reset(handle) }
        var result: [Row] = []
        while try step() { result.append(currentRow()) }
        return result
    }

    /// Advances one row: true when a row is ready to read, false when done.
    private func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw connection.error(code: code, sql: sql)
        }
    }

    var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// The row the statement stands on, copied out so it outlives the next step.
    private func currentRow() -> Row {
        let count = sqlite3_column_count(handle)
        var columns: [String] = []
        var values: [DatabaseValue] = []
        columns.reserveCapacity(Int(count))
        values.reserveCapacity(Int(count))
        for index in 0..<count {
            columns.append(String(cString: sqlite3_column_name(handle, index)))
            switch sqlite3_column_type(handle, index) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, index)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, index)))
            case SQLITE_TEXT: values.append(.text(String(cString: sqlite3_column_text(handle, index))))
            case SQLITE_BLOB:
                let length = Int(sqlite3_column_bytes(handle, index))
                if let bytes = sqlite3_column_blob(handle, index), length > 0 {
                    values.append(.blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: length))))
                } else {
                    values.append(.blob([]))
                }
            default: values.append(.null)
            }
        }
        return Row(columns: columns, values: values)
    }
}
