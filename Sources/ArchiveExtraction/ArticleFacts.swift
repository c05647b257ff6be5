/// Everything extracted from one article.
public struct ArticleFacts: Sendable, Equatable {
    public var article: NormalizedArticle
    /// The publication date: from metadata, or else the latest date the text itself states.
    public var published: ResolvedDate?
    public var people: [Entity]
    public var organizations: [Entity]
    public var places: [Entity]
    public var quotes: [Quote]
    public var dates: [DateMention]
    public var event: ArticleEvent?

    public init(article: NormalizedArticle, published: ResolvedDate?, people: [Entity], organizations: [Entity],
                places: [Entity], quotes: [Quote], dates: [DateMention], event: ArticleEvent?) {
        self.article = article
        self.published = published
        self.people = people
        self.organizations = organizations
        self.places = places
        self.quotes = quotes
        self.dates = dates
        self.event = event
    }
}
