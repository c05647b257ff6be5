/// A person, organization or place as one article names it, ready to be linked to its canonical row.
public struct EntityRecord: Sendable, Equatable {
    /// The fullest name the article gives, e.g. 'Steve Witkoff'.
    public var name: String
    /// Every surface form the article uses, e.g. ['Steve Witkoff', 'Witkoff'].
    public var aliases: [String]
    public var mentionCount: Int
    /// Character offset of the first mention in the article body; nil when only the title names it.
    public var firstOffset: Int?
    /// The role the article gives (people only), e.g. 'envoy'.
    public var role: String?

    public init(name: String, aliases: [String], mentionCount: Int, firstOffset: Int?, role: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.mentionCount = mentionCount
        self.firstOffset = firstOffset
        self.role = role
    }
}
