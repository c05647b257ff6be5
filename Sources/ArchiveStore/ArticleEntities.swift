/// The stored rows an article's people, organizations and places are, in the order its bundle
/// lists them: the ingest's answer to "who is this?", handed to the writer.
public struct ArticleEntities: Sendable, Equatable {
    public var people: [Int64] = []
    public var organizations: [Int64] = []
    public var places: [Int64] = []

    public init() {}
}
