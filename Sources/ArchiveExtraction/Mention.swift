/// One place in the text where a name occurs, and what the engine decided it refers to.
struct Mention: Sendable, Equatable {
    /// Tokens of the name itself, titles excluded.
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var surface: String
    var kind: EntityKind?
    /// The title or role written with it ('President', 'chief negotiator').
    var role: String?
    /// Followed by "'s": a modifier ("Putin's envoy"), not an actor.
    var possessive: Bool
    /// True when the kind rests on weak evidence and document-level agreement may override it.
    var tentative: Bool
    /// Index of the entity it was joined to.
    var entity: Int?
    /// For an acronym defined in the text ("RDIF"), the surface of the name it stands for.
    var expands: String?
}
