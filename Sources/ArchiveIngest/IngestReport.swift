/// What an ingest did, for the summary line and the exit status.
public struct IngestReport: Sendable, Equatable {
    /// Articles stored for the first time.
    public var added = 0
    /// Articles already in the archive (same text), left as they were.
    public var duplicates = 0
    /// Near-copies of stored articles (a wire story run by another outlet): kept as copies.
    public var copies = 0
    /// One line per file, or article within a file, that could not be ingested, naming the file.
    public var failures: [String] = []
    /// One line per file that went in with a doubt (read in a guessed encoding), naming the file.
    public var warnings: [String] = []
    public var skippedHidden = 0
    public var skippedUnknown = 0
    /// Folders not entered again: a link that leads back to a folder already read.
    public var skippedLinks = 0
    /// Whether the run stopped early when asked to (Ctrl-C, SIGTERM): what was committed is kept.
    public var interrupted = false

    public init() {}

    public var failed: Int { failures.count }

    /// Whether the run came across anything to read at all: an article, a file that failed, or a
    /// file already stored.
    public var foundAnything: Bool { added + duplicates + copies + failed > 0 }

    /// "2 articles added, 0 already stored, 1 could not be read (see the errors above); skipped 3
    /// hidden and 1 of unknown kind". A file of several articles can fail in part.
    public var summary: String {
        var text = "\(added) \(added == 1 ? "article" : "articles") added, \(duplicates) already stored"
        if copies > 0 { text += ", \(copies) kept as \(copies == 1 ? "a copy" : "copies") of stored articles (wire stories)" }
        if failed > 0 { text += ", \(failed) could not be read (see the errors above)" }
        if !warnings.isEmpty { text += ", \(warnings.count) read with \(warnings.count == 1 ? "a warning" : "warnings")" }
        if let skipped { text += "; skipped " + skipped }
        return text
    }

    /// "3 hidden and 1 of unknown kind", nil when nothing was skipped.
    public var skipped: String? {
        var parts: [String] = []
        if skippedHidden > 0 { parts.append("\(skippedHidden) hidden") }
        if skippedUnknown > 0 { parts.append("\(skippedUnknown) of unknown kind") }
        if skippedLinks > 0 { parts.append("\(skippedLinks) \(skippedLinks == 1 ? "link" : "links") back to folders or files already read") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }
}
