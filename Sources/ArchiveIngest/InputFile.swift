/// A file the ingest will read, as the user named it (or found inside a folder they named).
public struct InputFile: Sendable, Equatable {
    public let path: String
    public let format: ArticleFormat

    public init(path: String, format: ArticleFormat) {
        self.path = path
        self.format = format
    }
}
