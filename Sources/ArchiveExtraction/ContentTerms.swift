/// The words that say what an article is about, weighted without any corpus statistics (so that
/// comparing two articles never depends on what else is in the archive): names and rare words
/// count more than everyday words, and function words not at all.
public enum ContentTerms {
    /// The unit-length term vector of a headline and lead.
    public static func vector(_ text: String) -> TermVector {
        let lexicon = Lexicon.shared
        let tokens = Tokenizer.tokens(TextBuffer(text))
        var counts: [String: Double] = [:]
        for token in tokens where token.kind == .word && token.text.count >= 3 {
            let lower = token.lowercased
            if functionWords.contains(lower) || EntityRecognizer.weekdays.contains(lower) { continue }
            let weight: Double
            if !lexicon.isCommonWord(lower) { weight = token.isCapitalized ? 3 : 2 } else { weight = 1 }
            counts[lower, default: 0] = max(counts[lower] ?? 0, weight) + (counts[lower] == nil ? 0 : 0.5)
        }
        return TermVector(counts)
    }

    static let functionWords: Set<String> = [
        "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "this", "these", "those",
        "from", "but", "not", "its", "his", "her", "their", "they", "them", "she", "him", "who", "whom", "which",
        "what", "when", "where", "while", "will", "would", "could", "should", "can", "may", "might", "must", "been",
        "being", "said", "says", "say", "also", "than", "then", "there", "here", "about", "after", "before", "over",
        "under", "into", "onto", "out", "off", "all", "any", "some", "more", "most", "other", "such", "only", "own",
        "same", "very", "just", "now", "one", "two", "three", "first", "last", "new", "year", "years", "told",
        "our", "you", "your", "how", "why", "did", "does", "doing", "per", "via", "according", "since", "during",
        "against", "between", "through", "because", "until", "again", "further", "once", "both", "each", "few",
        "nor", "too", "yet", "today", "yesterday", "week", "month", "time", "people", "reuters", "news",
    ]
}
