/// An event as grouping decided it: which row (nil: a new one), what it says, and its articles.
public struct EventRow: Sendable, Equatable {
    public var id: Int64?
    public var title: String
    public var occurredOn: String?
    public var datePrecision: String?
    public var dateSource: String?
    public var placeID: Int64?
    public var place: String?
    public var summary: String?
    public var firstSeen: String
    public var lastSeen: String
    public var articles: [Int64]

    public init(id: Int64?, title: String, occurredOn: String?, datePrecision: String?, dateSource: String?, placeID: Int64?,
                place: String?, summary: String?, firstSeen: String, lastSeen: String, articles: [Int64]) {
        self.id = id
        self.title = title
        self.occurredOn = occurredOn
        self.datePrecision = datePrecision
        self.dateSource = dateSource
        self.placeID = placeID
        self.place = place
        self.summary = summary
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.articles = articles
    }
}
