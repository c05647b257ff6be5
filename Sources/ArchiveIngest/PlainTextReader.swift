import ArchiveExtraction

/// Reads a plain-text article: the first non-empty line is the title, the rest is the body.
enum PlainTextReader {
    static func read(_ text: String, path: String) throws -> RawArticle {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        guard let title = lines.first else { throw ReadError(.empty, path: path, "the file is empty") }
        let body = lines.dropFirst().joined(separator: "\n")
        guard body.contains(where: { $0.isLetter }) else {
            throw ReadError(.noText, path: path, "no article text after the title line")
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
