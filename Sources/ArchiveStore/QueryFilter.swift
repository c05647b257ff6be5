/// What the user asked for: every filter is optional and they combine with AND.
public struct QueryFilter: Sendable, Equatable {
    /// Names (canonical, alias or surname); every one must appear.
    public var people: [String] = []
    public var organizations: [String] = []
    public var place: String?
    /// 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', inclusive, on the event date.
    public var from: String?
    public var to: String?
    public var outlet: String?
    public var event: Int64?
    /// Full-text search over article titles and bodies (quote text for `--show quotes`).
    public var text: String?

    public init(people: [String] = [], organizations: [String] = [], place: String? = nil, from: String? = nil,
                to: String? = nil, outlet: String? = nil, event: Int64? = nil, text: String? = nil) {
        self.people = people
        self.organizations = organizations
        self.place = place
        self.from = from
        self.to = to
        self.outlet = outlet
        self.event = event
        self.text = text
    }
}
