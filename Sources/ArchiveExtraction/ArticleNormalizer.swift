import Foundation

/// Cleans an article's text before analysis: Unicode NFC, line ends and spaces made uniform,
/// aggregator boilerplate dropped, and a byline taken as the author rather than left as a mention.
public struct ArticleNormalizer: Sendable {
    let lexicon: Lexicon

    public init() { self.lexicon = .shared }
    init(lexicon: Lexicon) { self.lexicon = lexicon }

    public func normalize(_ article: RawArticle) -> NormalizedArticle {
        let title = Self.clean(line: Self.nfc(article.title))
        var author = article.author.map { Self.clean(line: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        var paragraphs: [String] = []
        var dropped: [String] = []
        let text = Self.nfc(article.body)
        // Lines are split on scalars: splitting on Characters would run grapheme breaking over every byte.
        for rawLine in text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            let line = Self.clean(line: String(String.UnicodeScalarView(rawLine)))
            if line.isEmpty { continue }
            if line.utf8.count <= BoilerplateRules.longestLine, lexicon.boilerplate.matches(line) {
                dropped.append(line)
                continue
            }
            if let byline = Self.byline(line) {
                if author == nil { author = byline }
                dropped.append(line)
                continue
            }
            // A line repeating the title (common in copied pages) adds nothing.
            if paragraphs.isEmpty, line == title { continue }
            paragraphs.append(line)
        }
        // A brief is its own headline: its one line stays as the body.
        if paragraphs.isEmpty, article.body.trimmingSpaces == article.title.trimmingSpaces, !title.isEmpty {
            paragraphs = [title]
        }
        return NormalizedArticle(title: title, body: paragraphs.joined(separator: "\n\n"), author: author, droppedLines: dropped)
    }

    /// Unicode NFC; ASCII text is already in it and skips the work.
    static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Spaces of every kind made plain and collapsed, control characters removed.
    static func clean(line: String) -> String {
        if isClean(line) { return line }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar.isSpace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if scalar.value < 0x20 || scalar.value == 0x7F
                || scalar.value >= 0x80 && [.control, .format].contains(scalar.properties.generalCategory) {
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(scalar)
        }
        return String(result)
    }

    /// Printable ASCII with single inner spaces: nothing to clean (the common case, checked on bytes).
    private static func isClean(_ line: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in line.utf8 {
            if byte < 0x20 || byte >= 0x7F { return false }
            if byte == 0x20, previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// "By Tamilla Hasanova", "By JOHN SMITH and Jane Doe", "By Jane Doe, Reuters": the names, when
    /// the line is nothing but a byline.
    static func byline(_ line: String) -> String? {
        let lower = line.lowercased()
        let prefixes = ["by ", "written by ", "words by ", "reporting by "]
        guard let prefix = prefixes.first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = String(line.dropFirst(prefix.count)).trimmingSpaces
        let namePart = rest.split(separator: ",").first.map { String($0).trimmingSpaces } ?? rest
        let words = namePart.split(separator: " ")
        guard (1...8).contains(words.count), !line.hasSuffix("."), rest.count <= 80 else { return nil }
        // Every word capitalized, or a joining word between names.
        for word in words {
            if ["and", "&", "de", "van", "von", "der", "al", "bin", "da", "la", "le"].contains(word.lowercased()) { continue }
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return nil }
        }
        return namePart
    }
}
