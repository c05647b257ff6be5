/// How results are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns fitted to the terminal, for people.
    case table
    /// One JSON array of objects.
    case json
    /// One JSON object per line, for jq and streaming.
    case ndjson
    /// RFC 4180, with a header row.
    case csv
}
