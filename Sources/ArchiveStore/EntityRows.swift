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

    /// The entities whose own names have these keys, by key: one question for a whole article's
    /// names (on a server, one wait instead of one per name).
    public func entityIDs(_ kind: EntityTable, keys: Set<String>) throws -> [String: Int64] {
        guard !keys.isEmpty else { return [:] }
        let sorted = keys.sorted()
        let placeholders = sorted.map { _ in "?" }.joined(separator: ", ")
        var found: [String: Int64] = [:]
        for row in try database.rows("SELECT key, id FROM \(kind.table) WHERE key IN (\(placeholders))", sorted) {
            if let key = row.string(0), let id = row.int(1) { found[key] = id }
        }
        return found
    }

    /// An entity that has been written with a spelling of this key.
    public func entityID(_ kind: EntityTable, aliasKey: String) throws -> Int64? {
        try database.integer("SELECT \(kind.column) FROM \(kind.aliasTable) WHERE key = ? LIMIT 1", aliasKey)
    }

    /// Up to `limit` people whose surname has this folded key, with their name keys.
    public func people(surnameKey: String, limit: Int) throws -> [(id: Int64, key: String)] {
        try database.rows("SELECT id, key FROM people WHERE surname_key = ? LIMIT ?", [surnameKey, limit]).compactMap { row in
            row.int(0).flatMap { id in row.string(1).map { (id, $0) } }
        }
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

    /// Names a person known only by a surname with a fuller name, unless another person has it.
    /// True when the person was renamed.
    @discardableResult
    public func renameLoneSurname(person id: Int64, to name: String, key: String) throws -> Bool {
        !(try database.rows("""
            UPDATE people SET name = ?, key = ? WHERE id = ? AND key NOT LIKE '% %'
            AND NOT EXISTS (SELECT 1 FROM people WHERE key = ?) RETURNING id
            """, [name, key, id, key]).isEmpty)
    }

    /// Records a spelling of an entity (nothing when it is recorded already).
    public func addAlias(_ alias: String, to id: Int64, _ kind: EntityTable) throws {
        try database.run("INSERT INTO \(kind.aliasTable) (\(kind.column), alias, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         id, alias, MatchKey.make(alias))
    }
}
