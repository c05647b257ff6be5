import ArchiveExtraction
import ArchiveValues
import Foundation

/// What grouping compares about one article: the weighted words of its headline and opening, the
/// years it names, and the day it gives for its happening. A function of the article alone, so
/// two articles are exactly as alike whatever else the archive holds and whenever they arrived.
public struct ReportSignature: Sendable {
    /// The heaviest words, scaled to unit length.
    public let vector: TermVector
    /// The heaviest few: articles that share one of them are compared (see `GroupingPolicy`).
    public let indexTerms: [String]
    /// Years from 1950 to 2039 that the text names.
    public let years: Set<Int>
    /// The day the article gives for its happening, when it gives one to the day.
    public let day: CivilDate?

    /// How much of the body is read: enough for the who, where and when of a news story.
    public static let leadLength = 3000
    /// How many of the heaviest words are kept.
    static let keptTerms = 40

    public init(title: String, body: String, day: String?) {
        let weights = Self.weights(title: title, body: body)
        let kept = weights.terms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.keptTerms)
        vector = TermVector(Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) }))
        indexTerms = kept.prefix(GroupingPolicy.indexTerms).map(\.key)
        years = weights.years
        self.day = day.flatMap { $0.unicodeScalars.count == 10 ? CivilDate.parseISO($0) : nil }
    }

    private init(vector: TermVector, indexTerms: [String], years: Set<Int>, day: CivilDate?) {
        self.vector = vector
        self.indexTerms = indexTerms
        self.years = years
        self.day = day
    }

    /// The same without its index terms: what comparing it needs, for keeping many in memory.
    var forComparing: ReportSignature {
        ReportSignature(vector: vector, indexTerms: [], years: years, day: day)
    }

    /// The text grouping reads: the headline, then the opening of the body.
    public static func text(title: String, body: String) -> String {
        title + "\n" + String(String.UnicodeScalarView(body.unicodeScalars.prefix(leadLength)))
    }

    /// Every word's weight before the lightest are dropped, with the years named: what
    /// `archive show event` lists as the words two reports share.
    ///
    /// A word weighs (1 + ln uses) times its rarity in general news (`WordStatistics`); a use
    /// written with a capital inside a sentence counts three times, as names say most about which
    /// happening it is; numbers ("23 pirates", "6.1") count as rare words, and two words in a row
    /// count half again as a pair.
    public static func weights(title: String, body: String) -> (terms: [String: Double], years: Set<Int>) {
        let statistics = WordStatistics.shared
        var counts: [String: Double] = [:]
        var years: Set<Int> = []
        var previous: String?
        var sentenceStart = true
        let scalars = Array(text(title: title, body: body).unicodeScalars)
        var index = 0
        while index < scalars.count {
            let first = scalars[index]
            if isLetter(first) {
                var end = index + 1
                while end < scalars.count, isLetter(scalars[end]) { end += 1 }
                let lower = lowercased(scalars[index..<end])
                index = end
                let startsSentence = sentenceStart
                sentenceStart = false
                guard lower.count >= 3, !statistics.isFunctionWord(lower) else { previous = nil; continue }
                let isName = !startsSentence && isCapital(first)
                counts[lower, default: 0] += isName ? 3 : 1
                if let previous { counts[previous + " " + lower, default: 0] += 0.5 }
                previous = lower
            } else if isDigit(first) {
                var end = index + 1
                while end < scalars.count, isDigit(scalars[end]) || scalars[end] == "." || scalars[end] == "," { end += 1 }
                // A number ends at its last digit: "6.1." is 6.1, and the full stop ends a sentence.
                while end > index + 1, !isDigit(scalars[end - 1]) { end -= 1 }
                let digits = String(String.UnicodeScalarView(scalars[index..<end]))
                let length = end - index
                index = end
                sentenceStart = false
                previous = nil
                if length >= 2 { counts["#" + digits, default: 0] += 1 }
                if length == 4, let year = Int(digits), (1950...2039).contains(year) { years.insert(year) }
            } else {
                index += 1
                if first == "." || first == "!" || first == "?" || first == "\n" {
                    sentenceStart = true
                    previous = nil
                }
            }
        }
        var terms: [String: Double] = [:]
        terms.reserveCapacity(counts.count)
        for (term, count) in counts {
            let rarity: Double
            if term.hasPrefix("#") {
                rarity = statistics.rarestWeight * 0.8
            } else if let space = term.firstIndex(of: " ") {
                rarity = (statistics.weight(of: String(term[..<space])) + statistics.weight(of: String(term[term.index(after: space)...]))) / 2
            } else {
                rarity = statistics.weight(of: term)
            }
            terms[term] = (count >= 1 ? 1 + log(count) : count) * rarity
        }
        return (terms, years)
    }

    // ASCII answered without Unicode tables (most news text), the same answers as the tables give.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }

    private static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType == .decimal
    }

    private static func lowercased(_ word: ArraySlice<Unicode.Scalar>) -> String {
        guard word.allSatisfy(\.isASCII) else { return String(String.UnicodeScalarView(word)).lowercased() }
        return String(decoding: word.map { UInt8($0.value) | (($0.value >= 0x41 && $0.value <= 0x5A) ? 0x20 : 0) }, as: UTF8.self)
    }
}
