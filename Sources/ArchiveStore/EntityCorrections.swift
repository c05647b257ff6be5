import ArchiveValues
import Foundation

/// `archive merge` and `archive unmerge`: manual corrections of who is who, kept in the archive
/// (tables `merges` and `merge_moves`) so that every later ingest respects them.
public struct EntityCorrections {
    public typealias Kind = EntityTable

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
    /// `into`'s, `from` is deleted, and the merge is remembered with every row it changed, as it
    /// was, so that `unmerge` can put back exactly that.
    public func merge(_ kind: Kind, from: String, into: String, at time: String) throws {
        try database.inTransaction {
            let source = try id(kind, named: from)
            let target = try id(kind, named: into)
            guard source != target else { throw Failure(description: "\"\(from)\" and \"\(into)\" are already one \(kind.rawValue)") }
            guard let row = try database.rows("SELECT name, key FROM \(kind.table) WHERE id = ?", [source]).first,
                  let name = row.string(0), let key = row.string(1) else { return }
            let aliases = try database.rows("SELECT alias FROM \(kind.aliasTable) WHERE \(kind.column) = ? ORDER BY key, alias", [source])
                .compactMap { $0.string(0) }
            if try database.integer("SELECT count(*) FROM merges WHERE kind = ? AND from_key = ?", kind.rawValue, key) ?? 0 > 0 {
                throw Failure(description: "\"\(name)\" was merged once before; unmerge that first")
            }
            let mergeID = try database.insertNew(
                into: "merges", ["kind", "from_name", "from_key", "from_aliases", "into_id", "created_at"], kind.rawValue, name, key, aliases.joined(separator: "\u{1E}"), target, time)
            try apply(kind, merge: mergeID, source: source, target: target)
        }
    }

    /// Carries out a recorded merge: moves `source` into `target` and records every row changed.
    private func apply(_ kind: Kind, merge mergeID: Int64, source: Int64, target: Int64) throws {
        let before = try snapshot(kind, of: [source, target], excludingMerge: mergeID)
        // Earlier merges into the source now lead to the target (ingest reads their names so).
        try database.run("UPDATE merges SET into_id = ? WHERE kind = ? AND into_id = ? AND id <> ?", target, kind.rawValue, source, mergeID)
        try move(kind, from: source, to: target)
        try database.run("DELETE FROM \(kind.table) WHERE id = ?", source)
        let after = try snapshot(kind, of: [source, target], excludingMerge: mergeID)
        for table in Set(before.keys).union(after.keys).sorted() {
            let old = before[table] ?? [:], new = after[table] ?? [:]
            for key in Set(old.keys).union(new.keys).sorted() where old[key] != new[key] {
                try database.run("INSERT INTO merge_changes (merge_id, table_name, row_key, before) VALUES (?, ?, ?, ?)",
                                 mergeID, table, key, old[key])
            }
        }
    }

    /// The rows of every table a merge touches that belong to `ids`, by table and primary key,
    /// each as a JSON object; the merge's own row is left out.
    private func snapshot(_ kind: Kind, of ids: [Int64], excludingMerge mergeID: Int64) throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for (table, column) in kind.touchedTables {
            let layout = try TableLayout.of(table, in: database)
            let dialect = database.dialect
            var sql = "SELECT \(dialect.jsonArray(layout.key)), \(dialect.jsonObject(layout.columns)) FROM \(table) WHERE \"\(column)\" IN (?, ?)"
            var values: [DatabaseValueConvertible?] = ids
            if table == "merges" {
                sql += " AND kind = ? AND id <> ?"
                values += [kind.rawValue, mergeID]
            }
            var rows: [String: String] = [:]
            for row in try database.rows(sql, values) {
                if let key = row.string(0), let value = row.string(1) { rows[key] = value }
            }
            result[table] = rows
        }
        return result
    }

    /// Gives a merged-away entity back its own row, with everything it had: the archive becomes
    /// what it was before the merge, but for what later merges and ingests did. Merges made after
    /// this one are taken back first and made again afterwards, so that each undoes only its own.
    public func unmerge(_ kind: Kind, name: String) throws {
        try database.inTransaction {
            let key = MatchKey.make(name)
            // The name as merged, else its surname alone (a person), else an alias it had: an alias
            // may have come from an earlier merge into it, and must not pick the later merge.
            let merges = try database.rows("SELECT id, from_name, from_key, from_aliases, into_id FROM merges WHERE kind = ? ORDER BY id DESC",
                                           [kind.rawValue])
            let bySurname = kind == .person && !key.contains(" ")
            let found = merges.first { $0.string(2) == key }
                ?? merges.first { bySurname && MatchKey.surname($0.string(1) ?? "") == MatchKey.surname(key) }
                ?? merges.first { row in (row.string(3) ?? "").split(separator: "\u{1E}").contains { MatchKey.make($0) == key } }
            guard let merge = found, let mergeID = merge.int(0) else {
                throw Failure(description: "no merge of a \(kind.rawValue) called \"\(name)\" to undo (see `archive show` for names)")
            }
            guard try database.integer("SELECT count(*) FROM merge_changes WHERE merge_id = ?", mergeID) ?? 0 > 0 else {
                return try unmergeRecordedByOlderVersion(kind, merge: merge, name: name)
            }
            // Later merges (of any kind: a place merge changes events a person merge does not) are
            // undone newest first, then made again in their order.
            var redo: [(id: Int64, kind: Kind, source: Int64)] = []
            for row in try database.rows("SELECT id, kind FROM merges WHERE id > ? ORDER BY id DESC", [mergeID]) {
                guard let id = row.int(0), let laterKind = row.string(1).flatMap(Kind.init(rawValue:)) else { continue }
                let source = try sourceID(of: id, kind: laterKind)
                try undo(merge: id)
                if let source { redo.append((id, laterKind, source)) }
            }
            let restored = try sourceID(of: mergeID, kind: kind)
            try undo(merge: mergeID)
            try database.run("DELETE FROM merges WHERE id = ?", mergeID)
            for merge in redo.reversed() {
                guard let target = try database.integer("SELECT into_id FROM merges WHERE id = ?", merge.id) else { continue }
                try apply(merge.kind, merge: merge.id, source: merge.source, target: target)
            }
            if let restored, let target = merge.int(4) { try participantsAgain(kind, of: [restored, target]) }
        }
    }

    /// Who takes part in the events of these entities, worked out again from their articles as
    /// grouping does: the rows an unmerge put back are as they were at the merge, and the events
    /// may have gained or lost articles since.
    private func participantsAgain(_ kind: Kind, of ids: [Int64]) throws {
        guard kind != .place else { return }
        let (eventTable, placeholders) = (kind == .person ? "event_people" : "event_organizations", ids.map { _ in "?" }.joined(separator: ", "))
        let events = try database.rows("""
            SELECT event_id FROM \(eventTable) WHERE \(kind.column) IN (\(placeholders))
            UNION SELECT ae.event_id FROM article_events AS ae JOIN \(kind.linkTable) AS l ON l.article_id = ae.article_id
            WHERE l.\(kind.column) IN (\(placeholders))
            """, ids + ids).compactMap { $0.int(0) }
        let grouping = GroupingStore(database: database)
        try grouping.saveParticipants(of: Set(events).sorted())
    }

    /// The entity a recorded merge removed: the row of its own table that was there before and is not after.
    private func sourceID(of mergeID: Int64, kind: Kind) throws -> Int64? {
        try database.integer("""
            SELECT \(database.dialect.jsonElement("row_key", 0, as: "bigint")) FROM merge_changes WHERE merge_id = ? AND table_name = ? AND before IS NOT NULL
            """, mergeID, kind.table)
    }

    /// Puts back every row a merge changed, as it was, and forgets the changes: rows it added go
    /// (children before parents), rows it changed or deleted come back whole (parents first).
    private func undo(merge mergeID: Int64) throws {
        let order = Kind.allCases.flatMap { $0.touchedTables.map(\.table) }
        func rank(_ row: Row) -> Int { order.firstIndex(of: row.string(0) ?? "") ?? order.count }
        let changes = try database.rows("SELECT table_name, row_key, before FROM merge_changes WHERE merge_id = ? ORDER BY table_name, row_key",
                                        [mergeID]).sorted { rank($0) < rank($1) }
        // A merge of a much-named person changes thousands of rows of a few tables: each table's
        // layout is read once, and its statements are compiled once (the connection's cache).
        var layouts: [String: TableLayout] = [:]
        func layout(_ table: String) throws -> TableLayout {
            if let known = layouts[table] { return known }
            let found = try TableLayout.of(table, in: database)
            layouts[table] = found
            return found
        }
        for change in changes.reversed() where change.string(2) == nil {
            guard let table = change.string(0), let key = change.string(1) else { continue }
            let layout = try layout(table)
            try database.cachedStatement("DELETE FROM \(table) WHERE " + matching(layout))
                .execute(Array(repeating: .text(key), count: layout.key.count))
        }
        for change in changes {
            guard let table = change.string(0), let key = change.string(1), let before = change.string(2) else { continue }
            // An event gone since the merge (its articles regrouped) takes no one back; the events
            // that remain have who takes part worked out again afterwards.
            if ["event_people", "event_organizations"].contains(table),
               try database.integer("SELECT count(*) FROM events WHERE id = \(database.dialect.jsonElement("?", 0, as: "bigint"))", key) == 0 {
                continue
            }
            let layout = try layout(table)
            let columns = layout.columns
            let keys = [DatabaseValue](repeating: .text(key), count: layout.key.count)
            let present = try database.cachedStatement("SELECT count(*) FROM \(table) WHERE " + matching(layout))
                .rows(keys).first?.int(0) ?? 0
            let value = { (column: String) in self.database.dialect.jsonField("?", column, as: layout.type(column)) }
            if present > 0 {
                let assignments = columns.filter { !layout.key.contains($0) }.map { "\"\($0)\" = \(value($0))" }
                guard !assignments.isEmpty else { continue }
                try database.cachedStatement("UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE " + matching(layout))
                    .execute(Array(repeating: .text(before), count: assignments.count) + keys)
            } else {
                _ = try database.cachedStatement("INSERT INTO \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES ("
                                     + columns.map(value).joined(separator: ", ") + ")")
                    .execute(Array(repeating: .text(before), count: columns.count))
            }
        }
        try database.run("DELETE FROM merge_changes WHERE merge_id = ?", mergeID)
    }

    /// The condition that picks the row whose primary key is the JSON array bound to each of its
    /// parameters (one per key column).
    private func matching(_ layout: TableLayout) -> String {
        layout.key.enumerated().map { "\"\($1)\" = \(database.dialect.jsonElement("?", $0, as: layout.type($1)))" }
            .joined(separator: " AND ")
    }

    /// Unmerges a merge recorded by schema 3 or earlier, which kept only the mentions it moved.
    private func unmergeRecordedByOlderVersion(_ kind: Kind, merge: Row, name: String) throws {
        guard let mergeID = merge.int(0), let target = merge.int(4) else { return }
        let key = MatchKey.make(name)
        let fromName = merge.string(1) ?? name
        let fromKey = merge.string(2) ?? key
        let aliases = (merge.string(3) ?? "").split(separator: "\u{1E}").map(String.init)
        let restored = kind == .person
            ? try database.insertNew(into: "people", ["name", "key", "surname_key"], fromName, fromKey, MatchKey.surname(fromName))
            : try database.insertNew(into: kind.table, ["name", "key"], fromName, fromKey)
        for alias in aliases {
            try database.run("DELETE FROM \(kind.aliasTable) WHERE \(kind.column) = ? AND alias = ?", target, alias)
            try database.run("INSERT INTO \(kind.aliasTable) (\(kind.column), alias, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
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
                INSERT INTO \(eventTable) (event_id, \(kind.column), role)
                SELECT DISTINCT ae.event_id, ?, 'mentioned' FROM article_events AS ae
                WHERE ae.article_id IN (SELECT article_id FROM merge_moves WHERE merge_id = ?)
                ON CONFLICT DO NOTHING
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

    private func move(_ kind: Kind, from source: Int64, to target: Int64) throws {
        let dialect = database.dialect
        let role = (kind == .person ? ", role = coalesce(t.role, excluded.role)" : "")
            + (kind == .place ? "" : ", takes_part = \(dialect.greatest("t.takes_part", "excluded.takes_part"))")
        let roleColumn = (kind == .person ? ", role" : "") + (kind == .place ? "" : ", takes_part")
        try database.run("""
            INSERT INTO \(kind.linkTable) AS t (article_id, \(kind.column), mention_count, first_offset\(roleColumn))
            SELECT article_id, ?, mention_count, first_offset\(roleColumn) FROM \(kind.linkTable) WHERE \(kind.column) = ?
            ON CONFLICT (article_id, \(kind.column)) DO UPDATE SET
                mention_count = t.mention_count + excluded.mention_count,
                first_offset = coalesce(\(dialect.least("t.first_offset", "excluded.first_offset")), t.first_offset,
                                        excluded.first_offset)\(role)
            """, target, source)
        try database.run("""
            INSERT INTO \(kind.aliasTable) (\(kind.column), alias, key) SELECT ?, alias, key FROM \(kind.aliasTable) WHERE \(kind.column) = ?
            ON CONFLICT DO NOTHING
            """, target, source)
        switch kind {
        case .person:
            try database.run("""
                INSERT INTO event_people AS t (event_id, person_id, role) SELECT event_id, ?, role FROM event_people WHERE person_id = ?
                ON CONFLICT (event_id, person_id) DO UPDATE SET
                    role = CASE WHEN excluded.role = 'participant' THEN 'participant' ELSE t.role END
                """, target, source)
            try database.run("UPDATE quotes SET person_id = ? WHERE person_id = ?", target, source)
        case .organization:
            try database.run("""
                INSERT INTO event_organizations AS t (event_id, organization_id, role)
                SELECT event_id, ?, role FROM event_organizations WHERE organization_id = ?
                ON CONFLICT (event_id, organization_id) DO UPDATE SET
                    role = CASE WHEN excluded.role = 'participant' THEN 'participant' ELSE t.role END
                """, target, source)
        case .place:
            try database.run("UPDATE events SET place_id = ? WHERE place_id = ?", target, source)
            try database.run("UPDATE article_reports SET place_id = ? WHERE place_id = ?", target, source)
        }
    }
}
