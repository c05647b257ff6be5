import ArchiveStore

/// Runs built queries against an archive and returns their rows.
public struct QueryRunner {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func run(_ builder: QueryBuilder) throws -> ResultTable {
        var builder = builder
        builder.dialect = database.dialect
        return try run(builder.build(), rawText: builder.rawText)
    }

    /// SQLite's plan for a query, one line per step ("SEARCH e USING INDEX …", "SCAN …").
    public func plan(_ query: BuiltQuery) throws -> [String] {
        try database.plan(query)
    }

    public func run(_ query: BuiltQuery, rawText: Bool = false) throws -> ResultTable {
        let statement: any PreparedStatement
        let rows: [Row]
        do {
            // Cached: the same question with other values is compiled (on a server: prepared) once.
            statement = try database.cachedStatement(query.sql)
            rows = try statement.rows(query.parameters)
        } catch let error as DatabaseError where error.isInvalidStatement && query.sql.contains(" MATCH ") {
            // The SQL is fixed and tested, so an SQL error in a search is the search expression's.
            throw QueryError(.invalidSearch, "the search expression is not valid FTS5 (\(error.message))"
                + (rawText ? "; drop --raw to search the words as written" : ""))
        }
        let columns = try rows.first?.columns ?? statement.columnNames
        return ResultTable(columns: columns, rows: rows.map { row in
            zip(columns, row.values).map { column, value in
                switch value {
                case .null: return .null
                case .integer(let int): return .integer(int)
                case .real(let double): return .real(double)
                case .blob(let bytes): return .text(String(decoding: bytes, as: UTF8.self))
                case .text(let text):
                    // Lists travel as text joined by an internal separator, which must never reach output.
                    if QueryBuilder.listColumns.contains(column) || text.contains(QueryBuilder.listSeparatorCharacter) {
                        return .list(text.split(separator: QueryBuilder.listSeparatorCharacter).map(String.init))
                    }
                    return .text(text)
                }
            }
        })
    }
}
