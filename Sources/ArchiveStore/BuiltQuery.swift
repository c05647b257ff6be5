/// SQL and its bound parameters: what `--sql` prints and what the runner executes.
public struct BuiltQuery: Sendable, Equatable {
    public var sql: String
    public var parameters: [DatabaseValue]

    public init(sql: String, parameters: [DatabaseValue] = []) {
        self.sql = sql
        self.parameters = parameters
    }

    public init(sql: String, values: [DatabaseValueConvertible?]) {
        self.init(sql: sql, parameters: values.map { $0?.databaseValue ?? .null })
    }
}
