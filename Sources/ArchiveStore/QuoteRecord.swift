/// A quotation in an article, with whoever the article says spoke it.
public struct QuoteRecord: Sendable, Equatable {
    public var text: String
    /// Character offsets of `text` in the article body, end exclusive.
    public var startOffset: Int
    public var endOffset: Int
    /// The canonical name of the speaker among the article's people, when established.
    public var speaker: String?
    /// The speaker as the text names them ('Umerov', 'he').
    public var speakerAsWritten: String?
    /// The attributing verb ('said', 'wrote').
    public var cue: String?

    public init(text: String, startOffset: Int, endOffset: Int, speaker: String?, speakerAsWritten: String?, cue: String?) {
        self.text = text
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.speaker = speaker
        self.speakerAsWritten = speakerAsWritten
        self.cue = cue
    }
}
