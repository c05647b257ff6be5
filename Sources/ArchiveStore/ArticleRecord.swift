/// An article as the store keeps it: its text and what is known about where it came from.
public struct ArticleRecord: Sendable, Equatable {
    public var title: String
    public var body: String
    public var outlet: String?
    public var author: String?
    public var url: String?
    public var path: String?
    /// ISO 8601 date or timestamp.
    public var publishedAt: String?
    public var format: String
    public var language: String?
    /// The article's identity: equal hashes are one article, stored once.
    public var contentHash: String
    /// MinHash bands of the body, for finding near-copies (wire stories run by several outlets).
    public var fingerprint: [Int64]

    public init(title: String, body: String, outlet: String? = nil, author: String? = nil, url: String? = nil,
                path: String? = nil, publishedAt: String? = nil, format: String, language: String? = nil,
                contentHash: String, fingerprint: [Int64] = []) {
        self.title = title
        self.body = body
        self.outlet = outlet
        self.author = author
        self.url = url
        self.path = path
        self.publishedAt = publishedAt
        self.format = format
        self.language = language
        self.contentHash = contentHash
        self.fingerprint = fingerprint
    }
}
