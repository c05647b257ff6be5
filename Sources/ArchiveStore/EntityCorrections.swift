import Foundation

/// `archive merge` and `archive unmerge`: manual corrections of who is who, kept in the archive
/// (tables `merges` and `merge_moves`) so that every later ingest respects them.
public struct EntityCorrections {
    public enum Kind: String, Sendable, CaseIterable {
        case person, organization, place

        var table: String { ["person": "people", "organization": "organizations", "place": "places"][rawValue]! }
        var aliasTable: String { ["person": "person_aliases", "organization": "organization_aliases", "place": "place_aliases"][rawValue]! }
        var column: String { ["person": "person_id", "organization": "organization_id", "place": "place_id"][rawValue]! }
        var linkTable: String { ["person": "article_people", "organization": "article_organizations", "place": "article_places"][rawValue]! }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The row a name denotes: exact name or key, then an alias, then (people) a surname; the most
    /// mentioned when several fit. `archive show` finds people by the same look-up.
    public func id(_ kind: Kind, named name: String) throws -> Int64 {
        if let id = Int64(name), try database.integer("SELECT count(*) FROM \(kind.table) WHERE id = ?", id) == 1 { return id }
        let key = MatchKey.make(name)
        var sql = "SELECT id FROM \(kind.table) WHERE key = ? UNION SELECT \(kind.column) FROM \(kind.aliasTable) WHERE key = ?"
        var values: [DatabaseValueConvertible?] = [key, key]
        if kind == .person, !key.contains(" ") {
            sql += " UNION SELECT id FROM people WHERE surname_key = ?"
            values.append(MatchKey.surname(key))
        }
        let ids = try database.rows("""
            SELECT t.id FROM \(kind.table) AS t WHERE t.id IN (\(sql))
            ORDER BY (SELECT coalesce(sum(mention_count), 0) FROM \(kind.linkTable) WHERE \(kind.column) = t.id) DESC, t.id
            """, values).compactMap { $0.int(0) }
        guard let first = ids.first else { throw Failure(description: "no \(kind.rawValue) called \"\(name)\" in \(database.path)") }
        return first
    }

    /// Folds `from` into `into`: every mention, alias, event link and quote of `from` becomes
    /// `into`'s, `from` is deleted, and the merge is remembered.
    public func merge(_ kind: Kind, from: String, into: String, at time: String) throws {
        try database.inTransaction {
            let source = try id(kind, named: from)
            let target = try id(kind, named: into)
            guard source != target else { throw Failure(description: "\"\(from)\" and \"\(into)\" are already one \(kind.rawValue)") }
            guard let row = try database.rows("SELECT name, key FROM \(kind.table) WHERE id = ?", [source]).first,
                  let name = row.string(0), let key = row.string(1) else { return }
            let aliases = try database.rows("SELECT alias FROM \(kind.aliasTable) WHERE \(kind.column) = ?", [source])
                .compactMap { $0.string(0) }
            try database.run("""
                INSERT INTO merges (kind, from_name, from_key, from_aliases, into_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (kind, from_key) DO UPDATE SET into_id = excluded.into_id, created_at = excluded.created_at
                """, kind.rawValue, name, key, aliases.joined(separator: "\u{1E}"), target, time)
            let mergeID = try database.integer("SELECT id FROM merges WHERE kind = ? AND from_key = ?", kind.rawValue, key) ?? 0
            let role = kind == .person ? "role" : "NULL"
            try database.run("""
                INSERT OR REPLACE INTO merge_moves (merge_id, article_id, mention_count, first_offset, role)
                SELECT ?, article_id, mention_count, first_offset, \(role) FROM \(kind.linkTable) WHERE \(kind.column) = ?
                """, mergeID, source)
            try move(kind, from: source, to: target)
            try database.run("DELETE FROM \(kind.table) WHERE id = ?", source)
        }
    }

    /// Gives a merged-away entity back its own row, with the mentions, aliases and quotes it had.
    public func unmerge(_ kind: Kind, name: String) throws {
        try database.inTransaction {
            let key = MatchKey.make(name)
            // The name as merged, or any alias it had.
            let found = try database.rows("SELECT id, from_name, from_key, from_aliases, into_id FROM merges WHERE kind = ? ORDER BY id DESC",
                                          [kind.rawValue]).first { row in
                let keys = [row.string(2) ?? ""] + (row.string(3) ?? "").split(separator: "\u{1E}").map { MatchKey.make($0) }
                return keys.contains(key)
            }
            guard let merge = found, let mergeID = merge.int(0), let target = merge.int(4) else {
                throw Failure(description: "no merge of a \(kind.rawValue) called \"\(name)\" to undo (see `archive show` for names)")
            }
            let fromName = merge.string(1) ?? name
            let fromKey = merge.string(2) ?? key
            let aliases = (merge.string(3) ?? "").split(separator: "\u{1E}").map(String.init)
            if kind == .person {
                try database.run("INSERT INTO people (name, key, surname_key) VALUES (?, ?, ?)", fromName, fromKey, MatchKey.surname(fromName))
            } else {
                try database.run("INSERT INTO \(kind.table) (name, key) VALUES (?, ?)", fromName, fromKey)
            }
            let restored = database.lastInsertedRowID
            for alias in aliases {
                try database.run("DELETE FROM \(kind.aliasTable) WHERE \(kind.column) = ? AND alias = ?", target, alias)
                try database.run("INSERT OR IGNORE INTO \(kind.aliasTable) (\(kind.column), alias, key) VALUES (?, ?, ?)",
                                 restored, alias, MatchKey.make(alias))
            }
            let role = kind == .person ? ", role" : ""
            try database.run("""
                INSERT INTO \(kind.linkTable) (article_id, \(kind.column), mention_count, first_offset\(role))
                SELECT article_id, ?, mention_count, first_offset\(role) FROM merge_moves WHERE merge_id = ?
                """, restored, mergeID)
            // The kept entity loses the mentions it was given: rows that were only those go.
            let moved = "(SELECT m.mention_count FROM merge_moves AS m WHERE m.merge_id = ? AND m.article_id = \(kind.linkTable).article_id)"
            try database.run("""
                DELETE FROM \(kind.linkTable) WHERE \(kind.column) = ? AND mention_count <= \(moved)
                """, target, mergeID)
            try database.run("""
                UPDATE \(kind.linkTable) SET mention_count = mention_count - \(moved)
                WHERE \(kind.column) = ? AND article_id IN (SELECT article_id FROM merge_moves WHERE merge_id = ?)
                """, mergeID, target, mergeID)
            if kind != .place {
                let eventTable = kind == .person ? "event_people" : "event_organizations"
                try database.run("""
                    INSERT OR IGNORE INTO \(eventTable) (event_id, \(kind.column), role)
                    SELECT DISTINCT ae.event_id, ?, 'mentioned' FROM article_events AS ae
                    WHERE ae.article_id IN (SELECT article_id FROM merge_moves WHERE merge_id = ?)
                    """, restored, mergeID)
            }
            if kind == .person {
                let keys = Set(aliases.map { MatchKey.make($0) } + [fromKey])
                for alias in keys {
                    try database.run("""
                        UPDATE quotes SET person_id = ? WHERE person_id = ? AND lower(speaker_as_written) = ?
                        AND article_id IN (SELECT article_id FROM merge_moves WHERE merge_id = ?)
                        """, restored, target, alias, mergeID)
                }
            }
            try database.run("DELETE FROM merges WHERE id = ?", mergeID)
        }
    }

    private func move(_ kind: Kind, from source: Int64, to target: Int64) throws {
        let role = kind == .person ? ", role = coalesce(role, excluded.role)" : ""
        let roleColumn = kind == .person ? ", role" : ""
        try database.run("""
            INSERT INTO \(kind.linkTable) (article_id, \(kind.column), mention_count, first_offset\(roleColumn))
            SELECT article_id, ?, mention_count, first_offset\(roleColumn) FROM \(kind.linkTable) WHERE \(kind.column) = ?
            ON CONFLICT (article_id, \(kind.column)) DO UPDATE SET
                mention_count = mention_count + excluded.mention_count,
                first_offset = coalesce(min(first_offset, excluded.first_offset), first_offset, excluded.first_offset)\(role)
            """, target, source)
        try database.run("INSERT OR IGNORE INTO \(kind.aliasTable) (\(kind.column), alias, key) SELECT ?, alias, key FROM \(kind.aliasTable) WHERE \(kind.column) = ?", target, source)
        switch kind {
        case .person:
            try database.run("""
                INSERT INTO event_people (event_id, person_id, role) SELECT event_id, ?, role FROM event_people WHERE person_id = ?
                ON CONFLICT (event_id, person_id) DO UPDATE SET
                    role = CASE WHEN excluded.role = 'participant' THEN 'participant' ELSE role END
                """, target, source)
            try database.run("UPDATE quotes SET person_id = ? WHERE person_id = ?", target, source)
        case .organization:
            try database.run("""
                INSERT INTO event_organizations (event_id, organization_id, role)
                SELECT event_id, ?, role FROM event_organizations WHERE organization_id = ?
                ON CONFLICT (event_id, organization_id) DO UPDATE SET
                    role = CASE WHEN excluded.role = 'participant' THEN 'participant' ELSE role END
                """, target, source)
        case .place:
            try database.run("UPDATE events SET place_id = ? WHERE place_id = ?", target, source)
        }
    }
}
