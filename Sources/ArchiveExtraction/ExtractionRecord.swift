/// The JSON contract of `archive extract --json`: one object per article, read by
/// `eval/score.py`. Keys are printed in alphabetical order, so output is stable byte for byte.
public struct ExtractionRecord: Encodable, Sendable {
    public struct Name: Encodable, Sendable {
        var name: String
        var mentions: [String]
        var role: String?
        var known_as: String?
        var count: Int
    }

    public struct QuoteItem: Encodable, Sendable {
        var text: String
        var speaker: String?
        var speaker_as_written: String?
        var cue: String?
        var start: Int
        var end: Int
    }

    public struct EventItem: Encodable, Sendable {
        var title: String
        var date: String?
        var date_precision: String?
        var date_source: String?
        var place: String?
        var participants: [String]
    }

    public struct DateItem: Encodable, Sendable {
        var text: String
        var date: String
        var precision: String
        var source: String
        var start: Int
    }

    var doc: String
    var title: String
    var author: String?
    var published: String?
    var people: [Name]
    var organizations: [Name]
    var places: [Name]
    var quotes: [QuoteItem]
    var events: [EventItem]
    var dates: [DateItem]
    var body: String?

    /// `published` is the metadata date when there is one, else the date the text gives.
    public init(doc: String, facts: ArticleFacts, published: String?, includeBody: Bool = false) {
        self.doc = doc
        title = facts.article.title
        author = facts.article.author
        self.published = published ?? facts.published?.iso
        func names(_ entities: [Entity]) -> [Name] {
            entities.map { Name(name: $0.name, mentions: $0.mentions, role: $0.role, known_as: $0.knownAs, count: $0.mentionCount) }
        }
        people = names(facts.people)
        organizations = names(facts.organizations)
        places = names(facts.places)
        quotes = facts.quotes.map {
            QuoteItem(text: $0.text, speaker: $0.speaker, speaker_as_written: $0.speakerAsWritten, cue: $0.cue, start: $0.start, end: $0.end)
        }
        events = facts.event.map { event in
            [EventItem(title: event.title, date: event.date?.iso, date_precision: event.date?.precision.rawValue,
                       date_source: event.date?.source.rawValue, place: event.place, participants: event.participants)]
        } ?? []
        dates = facts.dates.map {
            DateItem(text: $0.text, date: $0.date.iso, precision: $0.date.precision.rawValue, source: $0.date.source.rawValue, start: $0.start)
        }
        body = includeBody ? facts.article.body : nil
    }
}
