/// A quotation and who said it, pointing back at the exact text.
public struct Quote: Sendable, Equatable, Codable {
    /// The words between the quotation marks.
    public var text: String
    /// The canonical name of the speaker among the article's people; nil when the text does not establish one.
    public var speaker: String?
    /// The speaker as written near the quote ('Umerov', 'he').
    public var speakerAsWritten: String?
    /// The attributing verb ('said', 'wrote', 'according to'), or nil when the quote continues the previous speaker.
    public var cue: String?
    /// Offsets of `text` in the body, end exclusive.
    public var start: Int
    public var end: Int

    public init(text: String, speaker: String?, speakerAsWritten: String?, cue: String?, start: Int, end: Int) {
        self.text = text
        self.speaker = speaker
        self.speakerAsWritten = speakerAsWritten
        self.cue = cue
        self.start = start
        self.end = end
    }
}
