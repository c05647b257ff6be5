import ArchiveValues

/// Mentions grouped into entities, each with its display name.
extension EntityRecognizer {
    func group(body: [Mention], title: [Mention]) -> Result {
        var title = title
        var mentions = body
        var entities: [Entity] = []
        var byKey: [String: Int] = [:]
        var bySurname: [String: [Int]] = [:]
        var byGivenName: [String: [Int]] = [:]
        // Surnames as transliterations fold them: "Dmitryev" after "Kirill Dmitriev" is him.
        var byFoldedSurname: [String: [Int]] = [:]
        // Full names first, so that surnames and short forms can join them.
        let wordCounts = mentions.map { $0.tokens.count }
        let order = mentions.indices.sorted {
            wordCounts[$0] != wordCounts[$1] ? wordCounts[$0] > wordCounts[$1] : mentions[$0].start < mentions[$1].start
        }
        for index in order {
            guard let kind = mentions[index].kind else { continue }
            let key = groupKey(mentions[index].expands ?? mentions[index].surface, kind: kind)
            var target = byKey[key]
            if target == nil, kind == .person, mentions[index].tokens.count == 1 {
                let surname = NameKey.make(mentions[index].surface)
                if let candidates = bySurname[surname], candidates.count == 1 {
                    target = candidates[0]
                } else if bySurname[surname] == nil, let candidates = byGivenName[surname], candidates.count == 1 {
                    target = candidates[0]  // "Sir Joshua" after "Joshua Reynolds", when no one has it as a surname
                } else if bySurname[surname] == nil, let candidates = byFoldedSurname[MatchKey.transliterationFolded(surname)],
                          candidates.count == 1 {
                    target = candidates[0]
                }
            }
            if target == nil {
                let new = entities.count
                target = new
                entities.append(Entity(kind: kind, name: displayName(mentions[index].surface), mentions: [],
                                       mentionCount: 0, firstOffset: nil))
                byKey[key] = new
                if kind == .person, let last = mentions[index].surface.split(separator: " ").last, mentions[index].tokens.count >= 2 {
                    bySurname[NameKey.make(last), default: []].append(new)
                    byFoldedSurname[MatchKey.transliterationFolded(NameKey.make(last)), default: []].append(new)
                    if let first = mentions[index].surface.split(separator: " ").first, isGivenName(String(first)) {
                        byGivenName[NameKey.make(first), default: []].append(new)
                    }
                }
            }
            mentions[index].entity = target
        }
        for index in mentions.indices {
            guard let target = mentions[index].entity else { continue }
            entities[target].mentionCount += 1
            entities[target].firstOffset = min(entities[target].firstOffset ?? Int.max, mentions[index].start)
            if entities[target].role == nil, let role = mentions[index].role { entities[target].role = role }
        }
        for index in mentions.indices.sorted(by: { mentions[$0].start < mentions[$1].start }) {
            guard let target = mentions[index].entity else { continue }
            if !entities[target].mentions.contains(mentions[index].surface) { entities[target].mentions.append(mentions[index].surface) }
        }
        for mention in title {
            guard let kind = mention.kind else { continue }
            let key = groupKey(mention.surface, kind: kind)
            var target = byKey[key]
            if target == nil, kind == .person, let candidates = bySurname[NameKey.make(mention.surface)], candidates.count == 1 {
                target = candidates[0]
            }
            if target == nil {
                target = entities.count
                entities.append(Entity(kind: kind, name: displayName(mention.surface), mentions: [],
                                       mentionCount: 0, firstOffset: nil))
                byKey[key] = target
            }
            entities[target!].mentionCount += 1
            if !entities[target!].mentions.contains(mention.surface) { entities[target!].mentions.append(mention.surface) }
            if let position = title.firstIndex(where: { $0.start == mention.start }) { title[position].entity = target }
        }
        return Result(entities: entities, mentions: mentions.filter { $0.entity != nil }, titleMentions: title)
    }

    /// The display name: the surface, in title case when it was written in capitals.
    func displayName(_ surface: String) -> String {
        let letters = surface.unicodeScalars.filter { $0.isLetter }
        if letters.count > 4, letters.allSatisfy({ $0.isUppercaseLetter }) {
            return surface.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
        }
        return surface
    }

    /// What mentions are grouped on: for organizations and places the listed standard name, so
    /// "Russian Federation" and "Russia" are one place; for people the name itself.
    func groupKey(_ surface: String, kind: EntityKind) -> String {
        let key = NameKey.make(surface)
        switch kind {
        case .place: return "place:" + (lexicon.places[key].map { NameKey.make($0) } ?? key)
        case .organization: return "organization:" + (lexicon.organizations[key].map { NameKey.make($0) } ?? key)
        case .person: return "person:" + key
        }
    }
}
