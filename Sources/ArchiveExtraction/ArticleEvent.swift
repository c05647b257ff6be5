/// The happening an article reports: what, when, where and who took part.
public struct ArticleEvent: Sendable, Equatable, Codable {
    public var title: String
    public var date: ResolvedDate?
    /// The most specific place named for it, as written ('West Palm Beach, Florida').
    public var place: String?
    /// Canonical names of the people and organizations taking part.
    public var participants: [String]
    /// The lead sentence it was read from.
    public var summary: String?

    public init(title: String, date: ResolvedDate?, place: String?, participants: [String], summary: String?) {
        self.title = title
        self.date = date
        self.place = place
        self.participants = participants
        self.summary = summary
    }
}
