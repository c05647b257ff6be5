import Foundation

/// Cleans an article's text before analysis: Unicode NFC, line ends and spaces made uniform,
/// aggregator boilerplate dropped, and a byline taken as the author rather than left as a mention.
public struct ArticleNormalizer: Sendable {
    let lexicon: Lexicon

    public init() { self.lexicon = .shared }
    init(lexicon: Lexicon) { self.lexicon = lexicon }

    public func normalize(_ article: RawArticle) -> NormalizedArticle {
        let title = Self.clean(line: Self.nfc(HTMLEntities.decoded(article.title)))
        var author = article.author.map { Self.clean(line: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        var paragraphs: [String] = []
        var dropped: [String] = []
        let text = Self.nfc(article.body)
        for rawLine in Self.lines(text) {
            let line = Self.clean(line: String(rawLine))
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

    /// The text's lines, split at CR, LF and the Unicode line and paragraph separators (E2 80 A8/A9)
    /// on bytes: splitting on Characters or scalars and rebuilding each line costs more than all the
    /// rest of normalizing.
    static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            var separatorEnd: String.Index?
            if byte == 0x0A || byte == 0x0D {
                separatorEnd = utf8.index(after: index)
            } else if byte == 0xE2 {
                let second = utf8.index(after: index)
                if second < utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third < utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 { separatorEnd = utf8.index(after: third) }
                }
            }
            if let separatorEnd {
                if lineStart < index { result.append(text[lineStart..<index]) }
                lineStart = separatorEnd
                index = separatorEnd
            } else {
                index = utf8.index(after: index)
            }
        }
        if lineStart < utf8.endIndex { result.append(text[lineStart...]) }
        return result
    }

    /// Unicode NFC. Text with no scalar that composition could change (ASCII, Latin letters already
    /// composed, typographic quotes and dashes: almost all news) is already in it and skips the work.
    static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return text }  // nothing at or above U+0300
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            if scalar.properties.canonicalCombiningClass != .notReordered || Self.mayCompose(scalar.value) {
                return text.precomposedStringWithCanonicalMapping
            }
        }
        return text
    }

    /// Ranges holding scalars that NFC replaces although they combine with nothing (singletons such
    /// as U+212B ANGSTROM SIGN, Indic nukta forms, Greek tonos forms, CJK compatibility ideographs)
    /// or that compose with each other without a combining class (Hangul jamo), taken widely.
    private static func mayCompose(_ value: UInt32) -> Bool {
        switch value {
        case 0x0340...0x0FFF, 0x1100...0x11FF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x2126...0x212B,
             0x2329...0x232A, 0x2ADC, 0xAC00...0xD7A3, 0xF900...0xFB4F, 0x1D100...0x1D1FF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
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
        // Most lines start with neither "by", "written", "words" nor "reporting": no need to lower-case them.
        guard let first = line.utf8.first, [UInt8(ascii: "b"), UInt8(ascii: "w"), UInt8(ascii: "r")].contains(first | 0x20) else { return nil }
        let lower = String(line.prefix(16)).lowercased()
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
