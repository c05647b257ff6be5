/// What a query lists.
public enum QueryTarget: String, Sendable, CaseIterable {
    case events, articles, quotes, people, organizations, places
}
