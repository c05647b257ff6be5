/// The pieces of SQL that differ between the engines. Everything else the archive runs is written
/// once, in the SQL both engines read alike (`INSERT … ON CONFLICT`, `RETURNING`, `coalesce`).
public struct SQLDialect: Sendable, Equatable {
    public enum Engine: String, Sendable {
        case sqlite = "SQLite"
        case postgres = "PostgreSQL"
    }

    public let engine: Engine

    public static let sqlite = SQLDialect(engine: .sqlite)
    public static let postgres = SQLDialect(engine: .postgres)

    /// The values of `expression` over a group, joined by `separator` (an SQL string literal).
    public func joined(_ expression: String, separator: String) -> String {
        switch engine {
        case .sqlite: "group_concat(\(expression), \(separator))"
        case .postgres: "string_agg(\(expression), \(separator))"
        }
    }

    /// The one-character string with the given code point.
    public func character(_ code: Int) -> String {
        switch engine {
        case .sqlite: "char(\(code))"
        case .postgres: "chr(\(code))"
        }
    }

    /// The smaller of two values (SQLite's `min` with two arguments; `least` elsewhere).
    public func least(_ first: String, _ second: String) -> String {
        switch engine {
        case .sqlite: "min(\(first), \(second))"
        case .postgres: "least(\(first), \(second))"
        }
    }

    /// The larger of two values.
    public func greatest(_ first: String, _ second: String) -> String {
        switch engine {
        case .sqlite: "max(\(first), \(second))"
        case .postgres: "greatest(\(first), \(second))"
        }
    }

    /// A condition as the integer 0 or 1, as the archive's flag columns hold it.
    public func flag(_ condition: String) -> String {
        switch engine {
        case .sqlite: "(\(condition))"
        case .postgres: "(\(condition))::int"
        }
    }
}
