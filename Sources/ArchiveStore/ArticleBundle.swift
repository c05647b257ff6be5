/// One article and everything extracted from it: what the store writes in one go, or not at all.
public struct ArticleBundle: Sendable, Equatable {
    public var article: ArticleRecord
    public var people: [EntityRecord]
    public var organizations: [EntityRecord]
    public var places: [EntityRecord]
    public var quotes: [QuoteRecord]
    public var event: EventRecord?

    public init(article: ArticleRecord, people: [EntityRecord] = [], organizations: [EntityRecord] = [],
                places: [EntityRecord] = [], quotes: [QuoteRecord] = [], event: EventRecord? = nil) {
        self.article = article
        self.people = people
        self.organizations = organizations
        self.places = places
        self.quotes = quotes
        self.event = event
    }
}
