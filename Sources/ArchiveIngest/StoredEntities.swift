import ArchiveStore

/// What is stored of the people, organizations and places some names may denote: the rows with
/// their keys, the people with their surnames, the first entity written with each spelling. Asked
/// for in one question per kind of answer, for one article or (`ArticleStorage.prepare`) a whole
/// chunk, and kept up to date as the names add and rename rows, so that deciding who a name is
/// waits for no answer. On a server every question is a wait, and a wait stops the client
/// building the next statements while the server works.
///
/// An answer asked for is authoritative for as long as nothing else changes the rows: the
/// writer holds the write lock for the chunk, and the owner drops the whole thing on a rollback,
/// a deletion or another connection's write (`KnownRows.forget`). What was never asked for is
/// read when first needed.
final class StoredEntities {
    private let writer: ArchiveWriter
    /// By kind and key; a key asked for and not stored maps to nil.
    private var rows: [EntityTable: [String: (id: Int64, name: String)?]] = [:]
    /// People by folded surname, in key order (of the keys' bytes, as SQLite orders text,
    /// whatever a server's collation would say); a surname asked for and not stored maps to [].
    private var surnames: [String: [(id: Int64, key: String)]] = [:]
    /// By kind and spelling key, the first entity written with it and its key; nil: none.
    private var spellings: [EntityTable: [String: (id: Int64, key: String)?]] = [:]

    init(writer: ArchiveWriter) {
        self.writer = writer
    }

    // MARK: Asking

    /// Reads the rows of every key not asked for yet, all kinds in one question.
    func load(keys: [EntityTable: Set<String>]) throws {
        var wanted: [EntityTable: Set<String>] = [:]
        for (kind, kindKeys) in keys {
            let new = kindKeys.filter { rows[kind]?.keys.contains($0) != true }
            if !new.isEmpty { wanted[kind] = new }
        }
        guard !wanted.isEmpty else { return }
        let found = try writer.entities(keys: wanted)
        for (kind, kindKeys) in wanted {
            for key in kindKeys { rows[kind, default: [:]][key] = .some(found[kind]?[key]) }
        }
    }

    /// Reads the people of every surname not asked for yet.
    func load(surnames wanted: Set<String>) throws {
        let new = wanted.filter { surnames[$0] == nil }
        guard !new.isEmpty else { return }
        let found = try writer.people(surnameKeys: new)
        for surname in new { surnames[surname] = (found[surname] ?? []).sorted(by: Self.inKeyOrder) }
    }

    /// Reads the first entity of every spelling key not asked for yet.
    func load(_ kind: EntityTable, spellings wanted: Set<String>) throws {
        let new = wanted.filter { spellings[kind]?.keys.contains($0) != true }
        guard !new.isEmpty else { return }
        let found = try writer.entities(kind, aliasKeys: new)
        for key in new { spellings[kind, default: [:]][key] = .some(found[key]) }
    }

    /// The stored row with this key.
    func row(_ kind: EntityTable, key: String) throws -> (id: Int64, name: String)? {
        if let known = rows[kind]?[key] { return known }
        try load(keys: [kind: [key]])
        return rows[kind]?[key] ?? nil
    }

    /// The people with this surname, in key order.
    func people(surname: String) throws -> [(id: Int64, key: String)] {
        if let known = surnames[surname] { return known }
        try load(surnames: [surname])
        return surnames[surname] ?? []
    }

    /// The entity first written with a spelling of this key, and its key now.
    func entity(_ kind: EntityTable, spellingKey key: String) throws -> (id: Int64, key: String)? {
        if let known = spellings[kind]?[key] { return known }
        try load(kind, spellings: [key])
        return spellings[kind]?[key] ?? nil
    }

    // MARK: Changing

    /// Adds an organization or place.
    func insert(_ kind: EntityTable, name: String, key: String) throws -> Int64 {
        let id = try writer.insertEntity(kind, name: name, key: key)
        rows[kind, default: [:]][key] = .some((id, name))
        return id
    }

    /// Adds a person under keys the caller made (`MatchKey.make` and `MatchKey.surname` of the name).
    func insertPerson(name: String, key: String, surname: String, role: String?) throws -> Int64 {
        let id = try writer.insertPerson(name: name, key: key, surnameKey: surname, role: role)
        rows[.person, default: [:]][key] = .some((id, name))
        // A surname never asked for is read whole when first needed, this row with it.
        if surnames[surname] != nil {
            surnames[surname]?.append((id, key))
            surnames[surname]?.sort(by: Self.inKeyOrder)
        }
        return id
    }

    /// Gives a row a better spelling of its own key, or another key when no other row of the
    /// kind has it. False when another has it (nothing changes).
    @discardableResult
    func rename(_ kind: EntityTable, _ id: Int64, from oldKey: String, to name: String, key: String) throws -> Bool {
        if let holder = try row(kind, key: key), holder.id != id { return false }
        try writer.renameEntity(kind, id, toFreeKey: key, name: name)
        if oldKey != key, rows[kind]?[oldKey] != nil { rows[kind]?[oldKey] = .some(nil) }
        rows[kind, default: [:]][key] = .some((id, name))
        guard oldKey != key else { return true }
        for (spelling, first) in spellings[kind] ?? [:] where first?.id == id { spellings[kind]?[spelling] = .some((id, key)) }
        if kind == .person {
            for surname in surnames.keys {
                guard let at = surnames[surname]?.firstIndex(where: { $0.id == id }) else { continue }
                surnames[surname]?[at].key = key
                surnames[surname]?.sort(by: Self.inKeyOrder)
            }
        }
        return true
    }

    /// Records that entity `id`, filed under `key` (nil: not known to the caller), is written with
    /// spellings of these keys.
    func wrote(_ kind: EntityTable, _ id: Int64, key: String?, spellingKeys: [String]) {
        for spelling in spellingKeys {
            // Asked for: it becomes the first when it was stored before the one known (a lower id).
            guard let known = spellings[kind]?[spelling] else { continue }
            guard known.map({ id < $0.id }) ?? true else { continue }
            // Without its key the answer is read again when needed.
            if let key {
                spellings[kind]?[spelling] = .some((id, key))
            } else {
                spellings[kind]?[spelling] = nil
            }
        }
    }

    private static func inKeyOrder(_ a: (id: Int64, key: String), _ b: (id: Int64, key: String)) -> Bool {
        a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }
}
