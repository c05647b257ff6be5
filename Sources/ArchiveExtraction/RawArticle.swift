/// An article as a reader found it, before any analysis.
public struct RawArticle: Sendable, Equatable {
    public var title: String
    public var body: String
    public var outlet: String?
    public var author: String?
    public var url: String?
    /// ISO 8601 date or timestamp from the file's metadata, when it has one.
    public var published: String?
    public var language: String?

    public init(title: String, body: String, outlet: String? = nil, author: String? = nil, url: String? = nil,
                published: String? = nil, language: String? = nil) {
        self.title = title
        self.body = body
        self.outlet = outlet
        self.author = author
        self.url = url
        self.published = published
        self.language = language
    }
}
