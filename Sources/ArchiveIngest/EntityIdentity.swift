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
        var people = try StoredKeys(writer, .person, bundle.people)
        for person in bundle.people {
            let id = try personID(for: person, stored: &people)
            try addAliases(person.aliases + [person.name], to: id, .person)
            entities.people.append(id)
        }
        var organizations = try StoredKeys(writer, .organization, bundle.organizations)
        for organization in bundle.organizations {
            entities.organizations.append(try entityID(for: organization, .organization, stored: &organizations))
        }
        var places = try StoredKeys(writer, .place, bundle.places)
        for place in bundle.places {
            entities.places.append(try entityID(for: place, .place, stored: &places))
        }
        return entities
    }

    /// The stored entities whose names have the keys of an article's names, asked once for the
    /// article, and kept up to date as its names add or rename rows.
    struct StoredKeys {
        var ids: [String: Int64]

        init(_ writer: ArchiveWriter, _ kind: EntityTable, _ entities: [EntityRecord]) throws {
            ids = try writer.entityIDs(kind, keys: Set(entities.map { MatchKey.make($0.name) }))
        }
    }

    /// A full name is its own key; a spelling variant of a stored full name ("Kirill Dmitryev" for
    /// "Kirill Dmitriev") joins it; a lone surname ("Putin", "Vitkoff") joins the one stored person
    /// with that surname. When two stored people could match, the name is kept apart rather than
    /// merged wrongly.
    private func personID(for person: EntityRecord, stored: inout StoredKeys) throws -> Int64 {
        let key = MatchKey.make(person.name)
        if let merged = try mergeTarget(.person, keys: [key] + person.aliases.map { MatchKey.make($0) }) {
            return merged
        }
        if let existing = stored.ids[key] {
            if let role = person.role { try writer.addRole(role, toPerson: existing) }
            return existing
        }
        let given = Self.givenName(key)
        let surname = MatchKey.surname(person.name)
        let compatible = try writer.people(surnameKey: surname, limit: 3).filter { candidate in
            let otherGiven = Self.givenName(candidate.key)
            // A lone surname fits anyone; two given names must agree, or one be the other's initial.
            guard let given, let otherGiven else { return true }
            return given == otherGiven || given.hasPrefix(otherGiven.prefix(1)) && (given.count == 1 || otherGiven.count == 1)
        }
        if compatible.count == 1 {
            // A fuller name replaces a lone surname as the display name.
            if given != nil, try writer.renameLoneSurname(person: compatible[0].id, to: person.name, key: key) {
                stored.ids[compatible[0].key] = nil
                stored.ids[key] = compatible[0].id
            }
            return compatible[0].id
        }
        let id = try writer.insertPerson(name: person.name, key: key, surnameKey: surname, role: person.role)
        stored.ids[key] = id
        return id
    }

    private static func givenName(_ key: String) -> String? {
        key.split(separator: " ").dropLast().first.map(String.init)
    }

    /// An organization or place: by its key, or by any spelling already known ('RDIF', 'Kiev').
    private func entityID(for entity: EntityRecord, _ kind: EntityTable, stored: inout StoredKeys) throws -> Int64 {
        let key = MatchKey.make(entity.name)
        let id: Int64
        if let merged = try mergeTarget(kind, keys: [key] + entity.aliases.map { MatchKey.make($0) }) {
            id = merged
        } else if let existing = stored.ids[key] {
            id = existing
        } else if let known = try entity.aliases.lazy.compactMap({ try writer.entityID(kind, aliasKey: MatchKey.make($0)) }).first {
            id = known
        } else {
            id = try writer.insertEntity(kind, name: entity.name, key: key)
            stored.ids[key] = id
        }
        try addAliases(entity.aliases + [entity.name], to: id, kind)
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
    private func addAliases(_ aliases: [String], to id: Int64, _ kind: EntityTable) throws {
        var seen: Set<String> = []
        for alias in aliases where seen.insert(alias).inserted && known.isNew(.init(kind: kind.rawValue, id: id, alias: alias)) {
            try writer.addAlias(alias, to: id, kind)
        }
    }
}
