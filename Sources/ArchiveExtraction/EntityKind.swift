/// What a name refers to.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case person
    case organization
    case place
}
