/// One article's own account of its happening, as stored in `article_reports`, with what grouping
/// needs to weigh it against others.
public struct ArticleReport: Sendable, Equatable {
    public var articleID: Int64
    /// The SHA-256 of the article's text: a name for it that does not depend on when it arrived.
    public var contentHash: String
    public var title: String
    public var occurredOn: String?
    public var datePrecision: String?
    public var dateSource: String?
    public var placeID: Int64?
    public var place: String?
    public var summary: String?
    public var ingestedAt: String

    public init(articleID: Int64, contentHash: String, title: String, occurredOn: String?, datePrecision: String?,
                dateSource: String?, placeID: Int64?, place: String?, summary: String?, ingestedAt: String) {
        self.articleID = articleID
        self.contentHash = contentHash
        self.title = title
        self.occurredOn = occurredOn
        self.datePrecision = datePrecision
        self.dateSource = dateSource
        self.placeID = placeID
        self.place = place
        self.summary = summary
        self.ingestedAt = ingestedAt
    }
}
