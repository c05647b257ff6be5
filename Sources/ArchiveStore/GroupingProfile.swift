/// What event grouping compares about a stored article: the day it gives for its happening, its
/// people and places, and its headline and lead.
public struct GroupingProfile: Sendable, Equatable {
    public var articleID: Int64
    /// 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'.
    public var occurredOn: String?
    public var title: String
    /// The opening of the body.
    public var lead: String
    /// Folded surnames of the people the article names early on.
    public var people: Set<String>
    public var places: Set<Int64>
}
