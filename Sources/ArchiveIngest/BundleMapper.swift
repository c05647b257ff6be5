import ArchiveExtraction
import ArchiveStore

/// Turns what the engine extracted from an article into what the store writes.
enum BundleMapper {
    static func bundle(_ facts: ArticleFacts, raw: RawArticle, file: InputFile?, format: ArticleFormat, contentHash: String) -> ArticleBundle {
        let article = ArticleRecord(
            title: facts.article.title, body: facts.article.body, outlet: raw.outlet, author: facts.article.author,
            url: raw.url, path: file?.path, publishedAt: raw.published ?? facts.published?.iso, format: format.rawValue,
            language: raw.language ?? "en", contentHash: contentHash)
        // Organizations and places are stored under their standard name where the lists know one.
        var storedName: [String: String] = [:]
        for entity in facts.organizations + facts.places { storedName[entity.name] = entity.knownAs ?? entity.name }
        let event = facts.event.map { event in
            EventRecord(title: event.title, occurredOn: event.date?.iso, datePrecision: event.date?.precision.rawValue,
                        dateSource: event.date?.source.rawValue, place: event.place, summary: event.summary,
                        participants: event.participants.filter { name in facts.people.contains { $0.name == name } },
                        participatingOrganizations: event.participants.filter { name in facts.organizations.contains { $0.name == name } }
                            .map { storedName[$0] ?? $0 })
        }
        let peopleNames = Set(facts.people.map(\.name))
        let quotes = facts.quotes.map { quote in
            // Only a person becomes the stored speaker; "the Kremlin said" keeps the name as written.
            QuoteRecord(text: quote.text, startOffset: quote.start, endOffset: quote.end,
                        speaker: quote.speaker.flatMap { peopleNames.contains($0) ? $0 : nil },
                        speakerAsWritten: quote.speakerAsWritten, cue: quote.cue)
        }
        return ArticleBundle(article: article, people: facts.people.map(record), organizations: facts.organizations.map(record),
                             places: facts.places.map(record), quotes: quotes, event: event)
    }

    private static func record(_ entity: Entity) -> EntityRecord {
        var aliases = entity.mentions
        if entity.knownAs != nil { aliases.append(entity.name) }
        return EntityRecord(name: entity.knownAs ?? entity.name, aliases: aliases, mentionCount: max(1, entity.mentionCount),
                            firstOffset: entity.firstOffset, role: entity.role)
    }
}
