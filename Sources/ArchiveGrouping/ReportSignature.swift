import Foundation
import ArchiveExtraction

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
        var scalars = text(title: title, body: body).unicodeScalars[...]
        while let first = scalars.first {
            if first.properties.isAlphabetic {
                let word = scalars.prefix { $0.properties.isAlphabetic }
                scalars = scalars.dropFirst(word.count)
                let lower = String(String.UnicodeScalarView(word)).lowercased()
                let startsSentence = sentenceStart
                sentenceStart = false
                guard lower.count >= 3, !statistics.isFunctionWord(lower) else { previous = nil; continue }
                let isName = !startsSentence && first.properties.isUppercase
                counts[lower, default: 0] += isName ? 3 : 1
                if let previous { counts[previous + " " + lower, default: 0] += 0.5 }
                previous = lower
            } else if first.properties.numericType == .decimal {
                let number = scalars.prefix { $0.properties.numericType == .decimal || $0 == "." || $0 == "," }
                var digits = String(String.UnicodeScalarView(number))
                while let last = digits.last, last == "." || last == "," { digits.removeLast() }
                scalars = scalars.dropFirst(max(digits.unicodeScalars.count, 1))
                sentenceStart = false
                previous = nil
                if digits.unicodeScalars.count >= 2 { counts["#" + digits, default: 0] += 1 }
                if digits.unicodeScalars.count == 4, let year = Int(digits), (1950...2039).contains(year) { years.insert(year) }
            } else {
                scalars = scalars.dropFirst()
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
}
