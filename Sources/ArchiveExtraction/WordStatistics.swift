import Foundation

/// How common words are in general news, as fixed numbers shipped with the program: grouping
/// weighs an article's words by them, so a word's weight never drifts as the archive grows.
///
/// The table (wordlists/document-frequencies.txt) counts the articles of a general news corpus
/// that use each word; a word it lacks is as rare as a word can be.
public struct WordStatistics: Sendable {
    public static let shared = WordStatistics()

    private let frequencies: [String: Int]
    private let articles: Int
    private let functionWords: WordSet

    init(lexicon: Lexicon = .shared) {
        var frequencies: [String: Int] = [:]
        var articles = 0
        for line in Lexicon.listLines(WordListData.files["document-frequencies.txt"] ?? "") {
            let fields = line.split(separator: " ")
            if fields.count == 1, let count = Int(fields[0]) {
                articles = count
            } else if fields.count == 2, let count = Int(fields[1]) {
                frequencies[String(fields[0])] = count
            }
        }
        self.frequencies = frequencies
        self.articles = max(articles, 1)
        self.functionWords = lexicon.functionWords
    }

    /// ln((N + 1) / (df + 1)) + 1 for a lower-case word: 1 for a word every article uses, about
    /// 8.7 for one the corpus never saw.
    public func weight(of lower: String) -> Double {
        Self.weight(frequency: frequencies[lower] ?? 0, articles: articles)
    }

    /// The weight of a word no article of the corpus uses.
    public var rarestWeight: Double { Self.weight(frequency: 0, articles: articles) }

    /// Words that say nothing of what an article is about ("the", "said", weekdays).
    public func isFunctionWord(_ lower: String) -> Bool {
        functionWords.contains(lower)
    }

    private static func weight(frequency: Int, articles: Int) -> Double {
        log(Double(articles + 1) / Double(frequency + 1)) + 1
    }
}
