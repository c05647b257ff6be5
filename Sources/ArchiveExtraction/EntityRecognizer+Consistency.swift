/// Document-level consistency: a name classified once is classified the same everywhere, and a surname joins its full name.
extension EntityRecognizer {
    func resolveDocumentLevel(_ mentions: inout [Mention], text: AnalyzedText) {
        // Surnames of people named in full, and the kinds that firm evidence gave each name.
        var surnames: [String: Int] = [:]
        var firm: [String: EntityKind] = [:]
        for mention in mentions {
            let key = NameKey.make(mention.surface)
            if let kind = mention.kind, !mention.tentative { firm[key] = firm[key] ?? kind }
            if mention.kind == .person, mention.tokens.count >= 2, let last = mention.surface.split(separator: " ").last {
                surnames[NameKey.make(last), default: 0] += 1
                // "Wang Donghai" … "Wang's arrest": the family name comes first.
                if let first = mention.surface.split(separator: " ").first, lexicon.surnamesFirst.contains(String(first)) {
                    surnames[NameKey.make(first), default: 0] += 1
                }
            }
        }
        for index in mentions.indices {
            let key = NameKey.make(mentions[index].surface)
            // "Forbes" after "Steve Forbes": the family name wins over a listed company of that name.
            if mentions[index].tokens.count == 1, surnames[key] != nil,
               lexicon.places[key] == nil || mentions[index].kind != .place || mentions[index].tentative {
                mentions[index].kind = .person
                mentions[index].tentative = false
            } else if mentions[index].tentative, let kind = firm[key] {
                mentions[index].kind = kind
                mentions[index].tentative = false
            }
        }
        // A name classified only tentatively takes the most common kind given to it.
        var votes: [String: [EntityKind: Int]] = [:]
        for mention in mentions { if let kind = mention.kind { votes[NameKey.make(mention.surface), default: [:]][kind, default: 0] += 1 } }
        for index in mentions.indices where mentions[index].tentative {
            let key = NameKey.make(mentions[index].surface)
            if let best = votes[key]?.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key.rawValue > $1.key.rawValue }) {
                mentions[index].kind = best.key
            }
        }
    }
}
