/// A date expression in the body and the calendar date it resolves to.
public struct DateMention: Sendable, Equatable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
    public var date: ResolvedDate

    public init(text: String, start: Int, end: Int, date: ResolvedDate) {
        self.text = text
        self.start = start
        self.end = end
        self.date = date
    }
}
