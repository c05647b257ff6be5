import ArchiveExtraction

/// Reads a plain-text article: the first non-empty line is the title, the rest is the body (a
/// one-line file is a brief whose line is both).
enum PlainTextReader {
    static func read(_ text: String, path: String) throws(ReadError) -> RawArticle {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        guard let title = lines.first else { throw ReadError(.empty, path: path, "the file is empty") }
        var body = lines.dropFirst().joined(separator: "\n")
        // A one-line brief is its own headline and text.
        if !body.contains(where: { $0.isLetter }) { body = String(title) }
        guard body.contains(where: { $0.isLetter }) else {
            throw ReadError(.noText, path: path, "no words in the file")
        }
        return RawArticle(title: String(title).trimmingCharacters(), body: body)
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
