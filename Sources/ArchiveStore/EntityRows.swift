import ArchiveValues

/// The rows of people, organizations and places, as the ingest asks for them: found by key, alias
/// or surname, added, renamed. Which row a name in an article denotes is the ingest's decision
/// (`EntityIdentity` in ArchiveIngest); these only read and write.
extension ArchiveWriter {
    /// Whether any name was merged by hand (`archive merge`).
    public func hasManualMerges() throws -> Bool {
        try database.integer("SELECT EXISTS (SELECT 1 FROM merges)") == 1
    }

    /// The entity one of these keys was merged into by hand (`archive merge`), if any.
    public func manualMergeTarget(_ kind: EntityTable, keys: [String]) throws -> Int64? {
        var seen: Set<String> = []
        for key in keys where seen.insert(key).inserted {
            if let id = try database.integer("""
                SELECT m.into_id FROM merges AS m WHERE m.kind = ? AND m.from_key = ?
                AND EXISTS (SELECT 1 FROM \(kind.table) WHERE id = m.into_id)
                """, kind.rawValue, key) {
                return id
            }
        }
        return nil
    }

    /// The entities whose own names have these keys, with their names, by key: one question for a
    /// whole article's names (on a server, one wait instead of one per name).
    public func entities(_ kind: EntityTable, keys: Set<String>) throws -> [String: (id: Int64, name: String)] {
        guard !keys.isEmpty else { return [:] }
        let sorted = keys.sorted()
        let placeholders = sorted.map { _ in "?" }.joined(separator: ", ")
        var found: [String: (id: Int64, name: String)] = [:]
        for row in try database.rows("SELECT key, id, name FROM \(kind.table) WHERE key IN (\(placeholders))", sorted) {
            if let key = row.string(0), let id = row.int(1), let name = row.string(2) { found[key] = (id, name) }
        }
        return found
    }

    /// An entity that has been written with a spelling of this key.
    public func entityID(_ kind: EntityTable, aliasKey: String) throws -> Int64? {
        try database.integer("SELECT \(kind.column) FROM \(kind.aliasTable) WHERE key = ? LIMIT 1", aliasKey)
    }

    /// The people whose surname has this folded key and who could share a given name starting with
    /// `initial` (those with that initial, and those known by the surname alone; everyone when
    /// `initial` is nil), in key order.
    public func people(surnameKey: String, initial: Unicode.Scalar?) throws -> [(id: Int64, key: String)] {
        let rows = if let initial {
            try database.rows("""
                SELECT id, key FROM people WHERE surname_key = ? AND (key NOT LIKE '% %' OR substr(key, 1, 1) = ?) ORDER BY key
                """, [surnameKey, String(initial)])
        } else {
            // Two are enough to tell one from many.
            try database.rows("SELECT id, key FROM people WHERE surname_key = ? ORDER BY key LIMIT 2", [surnameKey])
        }
        return rows.compactMap { row in row.int(0).flatMap { id in row.string(1).map { (id, $0) } } }
    }

    /// Adds a person under keys the caller made (`MatchKey.make` and `MatchKey.surname` of the name).
    public func insertPerson(name: String, key: String, surnameKey: String, role: String?) throws -> Int64 {
        try database.insert("INSERT INTO people (name, key, surname_key, role) VALUES (?, ?, ?, ?) RETURNING id",
                            name, key, surnameKey, role)
    }

    /// Adds an organization or place under the key the caller made (`MatchKey.make` of the name).
    public func insertEntity(_ kind: EntityTable, name: String, key: String) throws -> Int64 {
        try database.insert("INSERT INTO \(kind.table) (name, key) VALUES (?, ?) RETURNING id", name, key)
    }

    /// Gives a person a role when none is known yet.
    public func addRole(_ role: String, toPerson id: Int64) throws {
        try database.run("UPDATE people SET role = ? WHERE id = ? AND role IS NULL", role, id)
    }

    /// Gives an entity another name and key, unless another entity of its kind has that key. True
    /// when renamed.
    @discardableResult
    public func renameEntity(_ kind: EntityTable, _ id: Int64, to name: String, key: String) throws -> Bool {
        !(try database.rows("""
            UPDATE \(kind.table) SET name = ?, key = ? WHERE id = ?
            AND NOT EXISTS (SELECT 1 FROM \(kind.table) WHERE key = ? AND id <> ?) RETURNING id
            """, [name, key, id, key, id]).isEmpty)
    }

    /// Records a spelling of an entity. Of two spellings with one key ("Olivia De Berardinis",
    /// "Olivia de Berardinis") the one that sorts first is kept, whichever came first.
    public func addAlias(_ alias: String, to id: Int64, _ kind: EntityTable) throws {
        try database.run("""
            INSERT INTO \(kind.aliasTable) (\(kind.column), alias, key) VALUES (?, ?, ?)
            ON CONFLICT (key, \(kind.column)) DO UPDATE SET alias = excluded.alias WHERE excluded.alias < \(kind.aliasTable).alias
            """, id, alias, MatchKey.make(alias))
    }
}
