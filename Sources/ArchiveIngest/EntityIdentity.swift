import ArchiveValues
import ArchiveStore

/// Which stored person, organization or place each name of a new article denotes, adding a row
/// when none does. Manual merges (`archive merge`) come first, then the name's key, then (for
/// organizations and places) any spelling seen before, then (for people) the surname rule below.
struct EntityIdentity {
    let writer: ArchiveWriter
    let known: KnownRows

    /// The rows the bundle's people, organizations and places are, in the bundle's order, with
    /// every spelling the article uses recorded as an alias.
    func entities(of bundle: ArticleBundle) throws -> ArticleEntities {
        var entities = ArticleEntities()
        // The chunk's answers when it asked for all its names at once, else this article's own.
        let stored = known.entities ?? StoredEntities(writer: writer)
        try stored.load(keys: [
            .person: Self.keys(of: bundle.people), .organization: Self.keys(of: bundle.organizations), .place: Self.keys(of: bundle.places),
        ])
        try stored.load(surnames: try Self.surnamesToAsk(bundle.people, stored))
        for person in bundle.people {
            let id = try personID(for: person, stored)
            try addAliases(person.aliases + [person.name], to: id, .person, key: nil, stored)
            entities.people.append(id)
        }
        for organization in bundle.organizations {
            entities.organizations.append(try entityID(for: organization, .organization, stored))
        }
        for place in bundle.places {
            entities.places.append(try entityID(for: place, .place, stored))
        }
        return entities
    }

    static func keys(of entities: [EntityRecord]) -> Set<String> {
        Set(entities.map { MatchKey.make($0.name) })
    }

    /// The surnames the surname rule may look up: only a name whose key is not stored, with a
    /// first name in full, may join by it.
    static func surnamesToAsk(_ people: [EntityRecord], _ stored: StoredEntities) throws -> Set<String> {
        var surnames: Set<String> = []
        for person in people {
            let key = MatchKey.make(person.name)
            if try stored.row(.person, key: key) == nil, (givenName(key)?.count ?? 0) > 1 { surnames.insert(MatchKey.surname(person.name)) }
        }
        return surnames
    }

    /// The stored row with this name's key, renamed when this spelling of the key is the better
    /// one ("LINKdotNET" before "LinkdotNet"), so that the name shown does not depend on which
    /// spelling came first.
    private func existing(_ name: String, key: String, _ kind: EntityTable, _ stored: StoredEntities) throws -> Int64? {
        guard let row = try stored.row(kind, key: key) else { return nil }
        if name < row.name { try stored.rename(kind, row.id, from: key, to: name, key: key) }
        return row.id
    }

    /// A full name is its own key, and a spelling variant of a stored full name ("Kirill Dmitryev"
    /// for "Kirill Dmitriev": the same first name in full, surnames that fold alike) joins it.
    /// That relation splits names into classes, so who is who does not depend on which article
    /// came first. A lone surname ("Henry") or an initial ("J. Henry") is not guessed across
    /// articles: it stays a row of its own, which `query --person Henry` finds beside every Henry,
    /// since whether it is John Henry depends on which other Henrys the archive will hold. (Inside
    /// an article the extractor has already joined "Henry" to the full name it follows.) The
    /// person is named by the best spelling that joined (`isBetterName`).
    private func personID(for person: EntityRecord, _ stored: StoredEntities) throws -> Int64 {
        let key = MatchKey.make(person.name)
        if let merged = try mergeTarget(.person, keys: [key] + person.aliases.map { MatchKey.make($0) }) {
            return merged
        }
        if let existing = try existing(person.name, key: key, .person, stored) {
            if let role = person.role { try writer.addRole(role, toPerson: existing) }
            return existing
        }
        let surname = MatchKey.surname(person.name)
        if let given = Self.givenName(key), given.count > 1,
           let candidate = try stored.people(surname: surname).first(where: { Self.givenName($0.key) == given }) {
            if Self.isBetterName(key, than: candidate.key) {
                try stored.rename(.person, candidate.id, from: candidate.key, to: person.name, key: key)
            }
            return candidate.id
        }
        return try stored.insertPerson(name: person.name, key: key, surname: surname, role: person.role)
    }

    /// Which of two spellings of one person, organization or place names it: a name of several
    /// words before one word (an acronym), then the key first in byte order. A total order on the
    /// spellings, so the name a row ends with is the same whatever order the articles came in.
    private static func isBetterName(_ key: String, than other: String) -> Bool {
        let words = key.contains(" "), otherWords = other.contains(" ")
        if words != otherWords { return words }
        return key.utf8.lexicographicallyPrecedes(other.utf8)
    }

    private static func givenName(_ key: String) -> String? {
        key.split(separator: " ").dropLast().first.map(String.init)
    }

    /// An organization or place: by its key, or by any spelling already known ('RDIF', 'Kiev').
    private func entityID(for entity: EntityRecord, _ kind: EntityTable, _ stored: StoredEntities) throws -> Int64 {
        let key = MatchKey.make(entity.name)
        let id: Int64
        // The key the row is filed under once this name is its; nil for a merge target's, not known here.
        var filedUnder: String? = key
        if let merged = try mergeTarget(kind, keys: [key] + entity.aliases.map { MatchKey.make($0) }) {
            id = merged
            filedUnder = nil
        } else if let existing = try existing(entity.name, key: key, kind, stored) {
            id = existing
        } else if let known = try entity.aliases.lazy.compactMap({ try stored.entity(kind, spellingKey: MatchKey.make($0)) }).first {
            id = known.id
            // Named by the better of the spellings that joined, whichever came first: "Endangered
            // Species Act" over "ESA", "Anchorage Daily News" over "The Anchorage Daily News".
            let renamed = try Self.isBetterName(key, than: known.key) && stored.rename(kind, known.id, from: known.key, to: entity.name, key: key)
            if !renamed { filedUnder = known.key }
        } else {
            id = try stored.insert(kind, name: entity.name, key: key)
        }
        try addAliases(entity.aliases + [entity.name], to: id, kind, key: filedUnder, stored)
        return id
    }

    /// The entity one of these keys was merged into by hand, asking only when merges exist.
    private func mergeTarget(_ kind: EntityTable, keys: [String]) throws -> Int64? {
        if known.hasMerges == nil { known.hasMerges = try writer.hasManualMerges() }
        guard known.hasMerges == true else { return nil }
        return try writer.manualMergeTarget(kind, keys: keys)
    }

    /// Records the spellings an article uses, in the order given (the name first), not a Set's:
    /// two spellings with one key ("RSPCA", "Rspca") keep the same one on every run.
    /// `key`: the one the entity is filed under, nil when not known here.
    private func addAliases(_ aliases: [String], to id: Int64, _ kind: EntityTable, key: String?, _ stored: StoredEntities) throws {
        var seen: Set<String> = []
        let new = aliases.filter { seen.insert($0).inserted && known.isNew(.init(kind: kind.rawValue, id: id, alias: $0)) }
        try writer.addAliases(new, to: id, kind)
        stored.wrote(kind, id, key: key, spellingKeys: aliases.map { MatchKey.make($0) })
    }
}
