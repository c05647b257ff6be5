/// Words that carry no subject: grouping leaves them out of an article's signature.
public enum ContentTerms {
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
