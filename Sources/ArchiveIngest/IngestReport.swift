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

    public init() {}

    public var failed: Int { failures.count }

    /// "2 articles added, 0 already stored, 1 could not be read (see the errors above); skipped 3
    /// hidden and 1 of unknown kind". A file of several articles can fail in part.
    public var summary: String {
        var text = "\(added) \(added == 1 ? "article" : "articles") added, \(duplicates) already stored"
        if copies > 0 { text += ", \(copies) kept as \(copies == 1 ? "a copy" : "copies") of stored articles (wire stories)" }
        if failed > 0 { text += ", \(failed) could not be read (see the errors above)" }
        if !warnings.isEmpty { text += ", \(warnings.count) read with \(warnings.count == 1 ? "a warning" : "warnings")" }
        var skipped: [String] = []
        if skippedHidden > 0 { skipped.append("\(skippedHidden) hidden") }
        if skippedUnknown > 0 { skipped.append("\(skippedUnknown) of unknown kind") }
        if !skipped.isEmpty { text += "; skipped " + skipped.joined(separator: " and ") }
        return text
    }
}
