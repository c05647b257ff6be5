/// Finds quoted passages: typographic (“…”, „…“, «…») and straight ("…") marks, across
/// sentences, and across paragraphs when the next paragraph reopens the quote (the newspaper
/// convention of leaving the first paragraph unclosed). One pass, no backtracking.
enum QuoteFinder {
    struct Span: Sendable, Equatable {
        /// Offsets of the quoted words, marks excluded.
        var start: Int
        var end: Int
        /// Offsets including the marks.
        var outerStart: Int
        var outerEnd: Int
        /// Words inside, counted up to `minimumWords`.
        var words: Int = 0
    }

    /// Quotes of fewer words than this are scare quotes or titles ("so-called “peace dividend”"),
    /// unless a speech verb right beside them says who spoke them (he called it a “nasty guy”).
    static let minimumWords = 3

    static func quotes(in text: TextBuffer) -> [Span] {
        var spans: [Span] = []
        var openAt: Int?
        var openMark: Unicode.Scalar = "\""
        var index = 0
        let count = text.count
        while index < count {
            let scalar = text[index]
            if let start = openAt {
                if scalar == "\n", text.at(index + 1) == "\n" || text.at(index - 1) == "\n" {
                    // A paragraph ends inside a quote: it goes on only if the next paragraph reopens it.
                    var next = index
                    while next < count, text[next].isSpace { next += 1 }
                    if next < count, isOpening(text[next], mark: openMark) {
                        index = next + 1
                        continue
                    }
                    close(start: start, end: index, into: &spans, text)
                    openAt = nil
                } else if isClosing(scalar, open: openMark, text, index) {
                    close(start: start, end: index, into: &spans, text)
                    openAt = nil
                }
            } else if isOpening(scalar, mark: nil), isPlausibleOpening(text, index) {
                openAt = index
                openMark = scalar
            }
            index += 1
        }
        if let start = openAt { close(start: start, end: count, into: &spans, text) }
        for index in spans.indices { spans[index].words = wordCount(text, spans[index]) }
        return spans.filter { $0.words > 0 }
    }

    private static func isOpening(_ scalar: Unicode.Scalar, mark: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "\u{201C}", "\u{201E}", "\u{00AB}", "\"":
            guard let mark else { return true }
            // A reopened paragraph uses the same kind of mark, or the typographic pair's opener.
            return scalar == mark || (mark == "\u{201E}" && scalar == "\u{201C}") || (mark == "\u{201C}" && scalar == "\u{201E}")
        default: return false
        }
    }

    /// A straight mark opens only before a word, not after one ("5'11\"" is no quote).
    private static func isPlausibleOpening(_ text: TextBuffer, _ index: Int) -> Bool {
        guard text[index] == "\"" else { return true }
        let next = text.at(index + 1)
        return !next.isSpace && !text.at(index - 1).isLetter && !text.at(index - 1).isDigit
    }

    private static func isClosing(_ scalar: Unicode.Scalar, open: Unicode.Scalar, _ text: TextBuffer, _ index: Int) -> Bool {
        switch open {
        case "\u{201C}": return scalar == "\u{201D}" || (scalar == "\"")
        case "\u{201E}": return scalar == "\u{201C}" || scalar == "\u{201D}"
        case "\u{00AB}": return scalar == "\u{00BB}"
        default: return scalar == "\"" || scalar == "\u{201D}"
        }
    }

    private static func close(start: Int, end: Int, into spans: inout [Span], _ text: TextBuffer) {
        var innerStart = start + 1
        var innerEnd = end
        while innerStart < innerEnd, text[innerStart].isSpace { innerStart += 1 }
        while innerEnd > innerStart, text[innerEnd - 1].isSpace { innerEnd -= 1 }
        guard innerStart < innerEnd else { return }
        spans.append(Span(start: innerStart, end: innerEnd, outerStart: start, outerEnd: min(end + 1, text.count)))
    }

    private static func wordCount(_ text: TextBuffer, _ span: Span) -> Int {
        var words = 0
        var inWord = false
        for index in span.start..<span.end {
            let isWordScalar = text[index].isLetter || text[index].isDigit
            if isWordScalar, !inWord { words += 1 }
            inWord = isWordScalar
            if words >= minimumWords { return words }
        }
        return words
    }
}
