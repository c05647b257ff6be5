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

    /// The people, organizations and places whose own names have these keys, with their names,
    /// by kind and key: one question for a whole article's names (on a server, one wait instead of
    /// one per name or kind).
    public func entities(keys: [EntityTable: Set<String>]) throws -> [EntityTable: [String: (id: Int64, name: String)]] {
        var found: [EntityTable: [String: (id: Int64, name: String)]] = [:]
        var selects: [String] = []
        var lists: [DatabaseValueConvertible?] = []
        for (number, kind) in EntityTable.allCases.enumerated() {
            found[kind] = [:]
            guard let wanted = keys[kind], !wanted.isEmpty else { continue }
            let listed = database.isIn("key", wanted.sorted())
            selects.append("SELECT \(number), key, id, name FROM \(kind.table) WHERE \(listed.sql)")
            lists += listed.values
        }
        guard !selects.isEmpty else { return found }
        for row in try database.rows(selects.joined(separator: " UNION ALL "), lists) {
            guard let number = row.int(0), EntityTable.allCases.indices.contains(Int(number)),
                  let key = row.string(1), let id = row.int(2), let name = row.string(3) else { continue }
            found[EntityTable.allCases[Int(number)]]?[key] = (id, name)
        }
        return found
    }

    /// For each of these alias keys, the entity that has been written with a spelling of it, and
    /// the key it is filed under now: the first stored, when several have, in one question for
    /// all the keys. (Without the order, which one came back was the engine's choice: SQLite read
    /// the key's index in id order, PostgreSQL scanning the table found another on the 10k bench.)
    public func entities(_ kind: EntityTable, aliasKeys: Set<String>) throws -> [String: (id: Int64, key: String)] {
        var found: [String: (id: Int64, key: String)] = [:]
        guard !aliasKeys.isEmpty else { return found }
        let listed = database.isIn("al.key", aliasKeys.sorted())
        for row in try database.rows("""
            SELECT al.key, e.id, e.key FROM \(kind.aliasTable) AS al JOIN \(kind.table) AS e ON e.id = al.\(kind.column)
            WHERE \(listed.sql) ORDER BY e.id
            """, listed.values) {
            guard let alias = row.string(0), let id = row.int(1), let key = row.string(2), found[alias] == nil else { continue }
            found[alias] = (id, key)
        }
        return found
    }

    /// The people whose surnames have these folded keys, by surname key: one question for a whole
    /// article's names.
    public func people(surnameKeys: Set<String>) throws -> [String: [(id: Int64, key: String)]] {
        var found: [String: [(id: Int64, key: String)]] = [:]
        guard !surnameKeys.isEmpty else { return found }
        let listed = database.isIn("surname_key", surnameKeys.sorted())
        for row in try database.rows("SELECT surname_key, id, key FROM people WHERE \(listed.sql)", listed.values) {
            if let surname = row.string(0), let id = row.int(1), let key = row.string(2) { found[surname, default: []].append((id, key)) }
        }
        return found
    }

    /// Adds a person under keys the caller made (`MatchKey.make` and `MatchKey.surname` of the name).
    public func insertPerson(name: String, key: String, surnameKey: String, role: String?) throws -> Int64 {
        try database.insertNew(into: "people", ["name", "key", "surname_key", "role"], name, key, surnameKey, role)
    }

    /// Adds an organization or place under the key the caller made (`MatchKey.make` of the name).
    public func insertEntity(_ kind: EntityTable, name: String, key: String) throws -> Int64 {
        try database.insertNew(into: kind.table, ["name", "key"], name, key)
    }

    /// Gives a person a role when none is known yet.
    public func addRole(_ role: String, toPerson id: Int64) throws {
        try database.update("people", id: id, set: ["role"], to: [role], where: "people.role IS NULL", firstWins: true)
    }

    /// Gives an entity another name and key. The caller has made sure that no other entity of its
    /// kind has the key (`StoredEntities.rename`), so nothing waits for an answer; the statement
    /// still changes nothing should one have it.
    public func renameEntity(_ kind: EntityTable, _ id: Int64, toFreeKey key: String, name: String) throws {
        try database.run("""
            UPDATE \(kind.table) SET name = ?, key = ? WHERE id = ?
            AND NOT EXISTS (SELECT 1 FROM \(kind.table) WHERE key = ? AND id <> ?)
            """, name, key, id, key, id)
    }

    /// Records spellings of an entity, in one statement. Of two spellings with one key ("Olivia De
    /// Berardinis", "Olivia de Berardinis") the one that sorts first is kept, whichever came first.
    public func addAliases(_ aliases: [String], to id: Int64, _ kind: EntityTable) throws {
        // One row per key in the statement (an upsert may not touch one row twice), in the order given.
        var rows: [(key: String, alias: String)] = []
        for alias in aliases {
            let key = MatchKey.make(alias)
            if let at = rows.firstIndex(where: { $0.key == key }) {
                rows[at].alias = min(rows[at].alias, alias)
            } else {
                rows.append((key, alias))
            }
        }
        try database.insert(into: kind.aliasTable, [kind.column, "alias", "key"], rows: rows.map { [id, $0.alias, $0.key] },
                            ending: "ON CONFLICT (key, \(kind.column)) DO UPDATE SET alias = excluded.alias WHERE excluded.alias < \(kind.aliasTable).alias")
    }
}
