/// What one report of a quote would show, ranked so that the quote row is the best report
/// whatever order the reports arrived in. Text is compared by its UTF-8 bytes, as SQLite compares
/// it, never by a locale.
enum QuoteReport {
    /// The words: the longest form, then the first in byte order ("We’ll" or "We'll"), then the
    /// article with the lower content hash (the same words in two articles).
    struct Form {
        let text: String
        let articleHash: String

        func precedes(_ other: Form) -> Bool {
            let length = text.unicodeScalars.count, otherLength = other.text.unicodeScalars.count
            if length != otherLength { return length > otherLength }
            if text != other.text { return text.utf8.lexicographicallyPrecedes(other.text.utf8) }
            return articleHash.utf8.lexicographicallyPrecedes(other.articleHash.utf8)
        }
    }

    /// Who said it: a report that names a speaker before one that does not, then the speaker as
    /// written, the cue and the person's name, each first in byte order.
    struct Speaker {
        let asWritten: String?
        let cue: String?
        /// The person's name; nil when the report names no one.
        let name: String?

        func precedes(_ other: Speaker) -> Bool {
            if (name != nil) != (other.name != nil) { return name != nil }
            for (mine, theirs) in [(asWritten, other.asWritten), (cue, other.cue), (name, other.name)] where mine != theirs {
                guard let mine else { return false }
                guard let theirs else { return true }
                return mine.utf8.lexicographicallyPrecedes(theirs.utf8)
            }
            return false
        }
    }
}
