/// A calendar date as precise as the text allows, and where it came from.
public struct ResolvedDate: Sendable, Equatable, Hashable, Codable {
    public enum Precision: String, Sendable, Codable, Comparable {
        case year, month, day

        private var rank: Int {
            switch self { case .year: 0; case .month: 1; case .day: 2 }
        }

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rank < rhs.rank }
    }

    public enum Source: String, Sendable, Codable {
        /// The file's own metadata (a published date).
        case metadata
        /// Written in the text in full ("Dec. 19, 2025").
        case text
        /// Worked out: a weekday or "yesterday" against a known date, a year from context.
        case inferred
    }

    public var year: Int
    public var month: Int?
    public var day: Int?
    public var source: Source

    public init(year: Int, month: Int? = nil, day: Int? = nil, source: Source) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
        self.source = source
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// '2025-12-20', '2025-12' or '2025'.
    public var iso: String {
        var text = padded(year, to: 4)
        if let month { text += "-" + padded(month, to: 2) }
        if let day { text += "-" + padded(day, to: 2) }
        return text
    }
}

private func padded(_ value: Int, to width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
