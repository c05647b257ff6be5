import ArchiveExtraction

/// Reads a plain-text article: the first non-empty line is the title, the rest is the body (a
/// one-line file is a brief: the line is the body, its first sentence the title).
enum PlainTextReader {
    static func read(_ text: String, path: String) throws(ReadError) -> RawArticle {
        let title: Substring, body: Substring
        if let (fastTitle, fastBody) = splitPlainLines(text) {
            (title, body) = (fastTitle, fastBody)
        } else {
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
            while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
            guard let first = lines.first else { throw ReadError(.empty, path: path, "the file is empty") }
            (title, body) = (first, lines.dropFirst().joined(separator: "\n")[...])
        }
        // A text of one line is its own body: a brief is its own headline too, but a line longer
        // than any headline (a whole article saved without line breaks) is headed by its first sentence.
        if !hasLetter(body) {
            guard hasLetter(title) else { throw ReadError(.noText, path: path, "no words in the file") }
            let headline = title.count > longestHeadline ? firstSentence(of: title) : title
            return RawArticle(title: String(headline).trimmingCharacters(), body: String(title))
        }
        return RawArticle(title: String(title).trimmingCharacters(), body: String(body))
    }

    /// The longest a headline taken from running text gets, in characters.
    static let longestHeadline = 250

    /// The text up to the end of its first sentence (a '.', '!' or '?' before a space), or its
    /// first words up to `longestHeadline` characters when no sentence ends that soon.
    static func firstSentence(of line: Substring) -> Substring {
        var count = 0
        var lastSpace: Substring.Index?
        var index = line.startIndex
        while index < line.endIndex, count < longestHeadline {
            let character = line[index]
            let next = line.index(after: index)
            if character.isWhitespace {
                lastSpace = index
            } else if character == "." || character == "!" || character == "?", count >= 20,
                      next == line.endIndex || line[next].isWhitespace {
                return line[..<next]
            }
            count += 1
            index = next
        }
        guard index < line.endIndex else { return line }
        return line[..<(lastSpace ?? index)]
    }

    /// Title and body of text whose line breaks are all plain LF and whose leading blank lines are
    /// ASCII, found on bytes: the same answer as splitting into Characters and joining the lines
    /// again, without doing it (that was most of reading a file). Nil for anything else, and for a
    /// file of blank lines: both take the general way.
    private static func splitPlainLines(_ text: String) -> (Substring, Substring)? {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        // Blank lines before the title.
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A {
                index = utf8.index(after: index)
                lineStart = index
            } else if byte == 0x20 || byte == 0x09 {
                index = utf8.index(after: index)
            } else if byte < 0x80, byte >= 0x20 || byte == 0x09 {
                break
            } else {
                return nil
            }
        }
        guard index < utf8.endIndex else { return nil }
        var titleEnd = utf8.endIndex
        var bodyStart = utf8.endIndex
        var beforePrevious: UInt8 = 0, previous: UInt8 = 0
        var cursor = lineStart
        while cursor < utf8.endIndex {
            let byte = utf8[cursor]
            // CR, VT, FF, NEL (C2 85), LINE and PARAGRAPH SEPARATOR (E2 80 A8/A9) break lines too.
            if byte == 0x0D || byte == 0x0B || byte == 0x0C || previous == 0xC2 && byte == 0x85
                || beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) {
                return nil
            }
            if byte == 0x0A, titleEnd == utf8.endIndex {
                titleEnd = cursor
                bodyStart = utf8.index(after: cursor)
            }
            (beforePrevious, previous) = (previous, byte)
            cursor = utf8.index(after: cursor)
        }
        return (text[lineStart..<titleEnd], text[bodyStart...])
    }

    private static func hasLetter(_ text: some StringProtocol) -> Bool {
        if text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) { return true }
        return text.utf8.contains(where: { $0 >= 0x80 }) && text.contains(where: { $0.isLetter })
    }
}

extension String {
    func trimmingCharacters() -> String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
