/// A table as the engine describes it: its primary key columns, the columns a row is written with
/// (not those the engine computes, such as PostgreSQL's search columns), and each column's type.
struct TableLayout {
    var key: [String]
    var columns: [String]
    var types: [String: String]

    /// A column's type as PostgreSQL names it (SQLite's are not needed), for casts from JSON text.
    func type(_ column: String) -> String { types[column] ?? "text" }

    static func of(_ table: String, in database: Database) throws -> TableLayout {
        switch database.dialect.engine {
        case .sqlite:
            let info = try database.rows("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", [table])
            let columns = info.compactMap { $0.string(0) }
            let key = info.filter { ($0.int(1) ?? 0) > 0 }.sorted { ($0.int(1) ?? 0) < ($1.int(1) ?? 0) }.compactMap { $0.string(0) }
            return TableLayout(key: key, columns: columns, types: [:])
        case .postgres:
            let info = try database.rows("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position
                """, [table])
            let key = try database.rows("""
                SELECT k.column_name FROM information_schema.table_constraints AS tc
                JOIN information_schema.key_column_usage AS k ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
                WHERE tc.table_schema = current_schema() AND tc.table_name = ? AND tc.constraint_type = 'PRIMARY KEY'
                ORDER BY k.ordinal_position
                """, [table]).compactMap { $0.string(0) }
            var types: [String: String] = [:]
            for row in info { if let name = row.string(0), let type = row.string(1) { types[name] = type } }
            return TableLayout(key: key, columns: info.compactMap { $0.string(0) }, types: types)
        }
    }
}
