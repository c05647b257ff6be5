/// A person, organization or place named in one article, with every way the article names it.
public struct Entity: Sendable, Equatable, Codable {
    public var kind: EntityKind
    /// The fullest form: 'Steve Witkoff' even when most mentions say 'Witkoff'.
    public var name: String
    /// Every distinct surface form as written, in order of first appearance.
    public var mentions: [String]
    public var mentionCount: Int
    /// Offset of the first mention in the body; nil when the title alone names it.
    public var firstOffset: Int?
    /// The role the article gives a person: 'envoy', 'Secretary of State'.
    public var role: String?
    /// The standard name from the shipped lists when it differs from what the article wrote
    /// ('United States' for 'US', 'Kyiv' for 'Kiev'); nil otherwise.
    public var knownAs: String?

    public init(kind: EntityKind, name: String, mentions: [String], mentionCount: Int, firstOffset: Int?, role: String? = nil) {
        self.kind = kind
        self.name = name
        self.mentions = mentions
        self.mentionCount = mentionCount
        self.firstOffset = firstOffset
        self.role = role
    }
}
