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

    /// The values of `column` that `select` gives, in `order` (columns of `select`, by name),
    /// joined into one text by `separator` (an SQL expression); NULL when there are none.
    public func list(_ column: String, from select: String, orderedBy order: String, separator: String) -> String {
        switch engine {
        // SQLite before 3.44 has no ORDER BY inside an aggregate; it joins in the subquery's order.
        case .sqlite: "(SELECT group_concat(\(column), \(separator)) FROM (\(select) ORDER BY \(order)))"
        case .postgres: "(SELECT string_agg(\(column), \(separator) ORDER BY \(order)) FROM (\(select)) AS list)"
        }
    }

    /// The condition that `column` equals one parameter, ignoring case.
    public func equalsIgnoringCase(_ column: String) -> String {
        switch engine {
        case .sqlite: "\(column) = ? COLLATE NOCASE"
        case .postgres: "lower(\(column)) = lower(?)"
        }
    }

    /// Whether text `haystack` contains `needle`, exactly.
    public func contains(_ haystack: String, _ needle: String) -> String {
        switch engine {
        case .sqlite: "instr(\(haystack), \(needle)) > 0"
        case .postgres: "strpos(\(haystack), \(needle)) > 0"
        }
    }

    /// The kinds of value a list parameter (`Database.isIn`) holds.
    public enum ListType: Sendable {
        case text, integer
    }

    /// The condition that `column` is one of the values of a list bound as one parameter
    /// (`Database.isIn`, a JSON array): one statement whatever the list's length, so one shape
    /// compiled and kept, where `IN (?, ?, …)` needs one per length.
    public func isIn(_ column: String, _ type: ListType) -> String {
        switch (engine, type) {
        case (.sqlite, _): "\(column) IN (SELECT value FROM json_each(?))"
        case (.postgres, .text): "\(column) = ANY (ARRAY(SELECT json_array_elements_text(?::json)))"
        case (.postgres, .integer): "\(column) = ANY (ARRAY(SELECT json_array_elements_text(?::json)::bigint))"
        }
    }

    /// A join whose left table is read first, as written: SQLite's planner takes CROSS JOIN as
    /// that order; PostgreSQL's chooses well by itself.
    public var joinInOrder: String {
        switch engine {
        case .sqlite: "CROSS JOIN"
        case .postgres: "JOIN"
        }
    }

    /// A query for the ids of articles whose title or body match the search bound to its one parameter.
    public var articlesMatching: String {
        switch engine {
        case .sqlite: "SELECT rowid FROM source_articles_fts WHERE source_articles_fts MATCH ?"
        case .postgres: "SELECT id FROM source_articles WHERE search_document @@ archive_search_query(?)"
        }
    }

    /// A query for the ids of quotes whose text matches the search bound to its one parameter.
    public var quotesMatching: String {
        switch engine {
        case .sqlite: "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?"
        case .postgres: "SELECT id FROM quotes WHERE search_document @@ archive_search_query(?)"
        }
    }

    // JSON, for the rows a merge keeps to give back on unmerge.

    /// The values of `columns` as a JSON array, in text.
    public func jsonArray(_ columns: [String]) -> String {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        switch engine {
        case .sqlite: return "json_array(\(list))"
        case .postgres: return "json_build_array(\(list))::text"
        }
    }

    /// The values of `columns` as a JSON object keyed by column name, in text.
    public func jsonObject(_ columns: [String]) -> String {
        let pairs = columns.map { "'\($0)', \"\($0)\"" }.joined(separator: ", ")
        switch engine {
        case .sqlite: return "json_object(\(pairs))"
        case .postgres: return "json_build_object(\(pairs))::text"
        }
    }

    /// Element `index` of the JSON array that `json` (an SQL expression) holds, as a value of
    /// `type` (the column's type on PostgreSQL, which reads JSON values as text).
    public func jsonElement(_ json: String, _ index: Int, as type: String) -> String {
        switch engine {
        case .sqlite: "json_extract(\(json), '$[\(index)]')"
        case .postgres: "((\(json))::json ->> \(index))::\(type)"
        }
    }

    /// Field `name` of the JSON object that `json` holds, as a value of `type`.
    public func jsonField(_ json: String, _ name: String, as type: String) -> String {
        switch engine {
        case .sqlite: "json_extract(\(json), '$.\"\(name)\"')"
        case .postgres: "((\(json))::json ->> '\(name)')::\(type)"
        }
    }

    /// A statement that has the engine's own id counter for `table` continue after its largest
    /// id, for rows inserted with ids of their own; nil where the engine counts from the table
    /// itself (SQLite).
    public func identityContinues(_ table: String) -> String? {
        switch engine {
        case .sqlite: nil
        case .postgres: "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 0) + 1, false) FROM \(table)"
        }
    }

    /// The rows of a JSON array of objects given as one parameter (as `Database.jsonRows` writes
    /// them), as a table named `alias` with these columns of these (PostgreSQL) types, to join.
    public func jsonRows(_ columns: [(name: String, type: String)], as alias: String) -> String {
        switch engine {
        case .sqlite:
            "(SELECT " + columns.map { "json_extract(value, '$.\($0.name)') AS \($0.name)" }.joined(separator: ", ")
                + " FROM json_each(?)) AS \(alias)"
        case .postgres:
            "json_to_recordset(?::json) AS \(alias)(" + columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")"
        }
    }

    /// Whether each statement costs a turn of a server, so that a writer should send few of them
    /// (`HeldWrites`).
    public var paysPerStatement: Bool { engine == .postgres }

    /// An update of any number of rows by id in one statement with one parameter, a JSON array of
    /// objects keyed by column (`id` and the columns to set); nil on SQLite (see `insertRowSet`).
    public func updateRowSet(_ table: String, _ columns: [String], condition: String?) -> String? {
        switch engine {
        case .sqlite: return nil
        case .postgres:
            return "UPDATE \(table) SET " + columns.map { "\($0) = v.\($0)" }.joined(separator: ", ")
                + " FROM json_populate_recordset(NULL::\(table), ?::json) AS v WHERE \(table).id = v.id"
                + (condition.map { " AND \($0)" } ?? "")
        }
    }

    /// An insert of any number of rows in one statement with one parameter, a JSON array of
    /// objects keyed by column (one statement shape, and one turn of the server's executor, however
    /// many rows); nil where rows go as lists of values (SQLite, which compiles each shape but pays
    /// no turn per statement).
    public func insertRowSet(into table: String, _ columns: [String], ending: String) -> String? {
        switch engine {
        case .sqlite: return nil
        case .postgres:
            let list = columns.joined(separator: ", ")
            return "INSERT INTO \(table) (\(list)) SELECT \(list) FROM json_populate_recordset(NULL::\(table), ?::json)"
                + (ending.isEmpty ? "" : " " + ending)
        }
    }
}
