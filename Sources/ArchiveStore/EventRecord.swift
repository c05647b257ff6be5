/// The happening an article reports, as it would be stored as a new event.
public struct EventRecord: Sendable, Equatable {
    public var title: String
    /// '2025-12-20', '2025-12' or '2025'.
    public var occurredOn: String?
    /// 'day', 'month' or 'year'.
    public var datePrecision: String?
    /// 'metadata', 'text' or 'inferred'.
    public var dateSource: String?
    /// The most specific place, as written.
    public var place: String?
    public var summary: String?
    /// Names (as in the article's people) of those taking part; the article's other people are 'mentioned'.
    public var participants: [String]
    /// Names of organizations taking part.
    public var participatingOrganizations: [String]

    public init(title: String, occurredOn: String?, datePrecision: String?, dateSource: String?, place: String?,
                summary: String?, participants: [String], participatingOrganizations: [String]) {
        self.title = title
        self.occurredOn = occurredOn
        self.datePrecision = datePrecision
        self.dateSource = dateSource
        self.place = place
        self.summary = summary
        self.participants = participants
        self.participatingOrganizations = participatingOrganizations
    }
}
