/// Rows a query returns, with named columns: what every output format prints.
public struct ResultTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case list([String])

        /// The cell as one line of text, for tables and CSV.
        public var plain: String {
            switch self {
            case .null: return ""
            case .integer(let value): return String(value)
            case .real(let value): return value == 0 ? "0" : String(value)
            case .text(let value): return value
            case .list(let values): return values.joined(separator: "; ")
            }
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }
}
