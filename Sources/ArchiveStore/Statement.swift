import CSQLite

/// `SQLITE_TRANSIENT`: tells SQLite to copy bound text and blobs, since Swift frees them after the call.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A prepared statement: compiled once, then bound, stepped and reset as often as needed.
///
/// It owns its handle and finalizes it when released. Binding a parameter that does not exist is a
/// programmer error and stops the program; failures of preparing and stepping are thrown.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    unowned let database: Database

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { sqlite3_prepare_v3(database.handle, $0, -1, 0, &statement, &tail) }
        guard code == SQLITE_OK, let statement else {
            throw database.error(code: code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to the `?` parameters, in order, after clearing earlier bindings.
    public func bind(_ values: [DatabaseValueConvertible?]) {
        reset()
        precondition(values.count == Int(sqlite3_bind_parameter_count(handle)),
                     "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) parameters in: \(sql)")
        for (offset, value) in values.enumerated() {
            bind(value?.databaseValue ?? .null, at: Int32(offset + 1))
        }
    }

    /// Binds values to named parameters (`:name`), after clearing earlier bindings.
    public func bind(_ values: [String: DatabaseValueConvertible?]) {
        reset()
        for (name, value) in values {
            let index = sqlite3_bind_parameter_index(handle, ":" + name)
            precondition(index > 0, "no parameter :\(name) in: \(sql)")
            bind(value?.databaseValue ?? .null, at: index)
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

    /// Clears bindings and rewinds, so the statement can run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Runs the statement to completion, ignoring any rows.
    public func execute(_ values: [DatabaseValueConvertible?] = []) throws {
        bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Runs the statement and returns every row.
    public func rows(_ values: [DatabaseValueConvertible?] = []) throws -> [Row] {
        bind(values)
        defer { sqlite3_reset(handle) }
        var result: [Row] = []
        while try step() { result.append(Row(statement: self)) }
        return result
    }

    /// Runs the statement with named parameters and returns every row.
    public func rows(named values: [String: DatabaseValueConvertible?]) throws -> [Row] {
        bind(values)
        defer { sqlite3_reset(handle) }
        var result: [Row] = []
        while try step() { result.append(Row(statement: self)) }
        return result
    }

    /// Runs the statement and returns its first row, if any.
    public func firstRow(_ values: [DatabaseValueConvertible?] = []) throws -> Row? {
        bind(values)
        defer { sqlite3_reset(handle) }
        return try step() ? Row(statement: self) : nil
    }

    /// Advances one row: true when a row is ready to read, false when done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw database.error(code: code, sql: sql)
        }
    }

    /// The column names of the result, in order.
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }
}
