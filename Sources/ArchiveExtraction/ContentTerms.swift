/// The words that say what an article is about, weighted without any corpus statistics (so that
/// comparing two articles never depends on what else is in the archive): names and rare words
/// count more than everyday words, and function words not at all.
public enum ContentTerms {
    /// The unit-length term vector of a headline and lead.
    public static func vector(_ text: String) -> TermVector {
        vector(text, lexicon: .shared)
    }

    /// The same, with the word lists of an extraction engine: each worker thread has its own, as
    /// threads sharing one set contend for its reference count.
    public static func vector(_ text: String, using extractor: Extractor) -> TermVector {
        vector(text, lexicon: extractor.lexicon)
    }

    static func vector(_ text: String, lexicon: Lexicon) -> TermVector {
        let buffer = TextBuffer(text)
        // Each distinct word is judged once (function word? everyday word?): a headline and lead
        // repeat their words, and judging one costs several look-ups.
        var words: [String: Word] = [:]
        words.reserveCapacity(buffer.count / 8)
        var bytes: [UInt8] = []
        Tokenizer.scan(buffer) { range, isWord, _ in
            guard isWord, range.count >= 3, !Tokenizer.isNumber(range, in: buffer) else { return }
            bytes.removeAll(keepingCapacity: true)
            buffer.appendLowercased(range, to: &bytes)
            let lower = String(decoding: bytes, as: UTF8.self)
            // Letters that combine into one character count as one, as a word's length is meant.
            if bytes.count != range.count, buffer.text(range).count < 3 { return }
            let isCapitalized = buffer[range.lowerBound].isUppercaseLetter
            if let index = words.index(forKey: lower) {
                words.values[index].count(isCapitalized: isCapitalized)
            } else {
                let isContent = !lexicon.functionWords.contains(lower)
                var word = Word(isContent: isContent, isCommon: isContent && lexicon.isCommonWord(lower))
                word.count(isCapitalized: isCapitalized)
                words[lower] = word
            }
        }
        return TermVector(words.compactMapValues { $0.isContent ? $0.weight : nil })
    }

    /// A word's weight so far: the heaviest of its uses, plus a half for each use after the first.
    private struct Word {
        /// False for function words and weekdays, which are counted but left out of the vector.
        let isContent: Bool
        let isCommon: Bool
        var weight = 0.0
        var uses = 0

        mutating func count(isCapitalized: Bool) {
            let use: Double = isCommon ? 1 : isCapitalized ? 3 : 2
            weight = uses == 0 ? use : max(weight, use) + 0.5
            uses += 1
        }
    }

    /// Words that say nothing of what an article is about (with the weekdays, in `Lexicon.functionWords`).
    static let functionWordList = [
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
