/// An article's text made ready for analysis and storage: Unicode NFC, one paragraph a line,
/// boilerplate and byline removed.
public struct NormalizedArticle: Sendable, Equatable {
    public var title: String
    /// Paragraphs separated by one blank line. Offsets of extracted facts point into this text.
    public var body: String
    /// From the byline ("By Tamilla Hasanova") when the metadata named none.
    public var author: String?
    /// The boilerplate lines dropped, for `archive extract` to show.
    public var droppedLines: [String]
}
