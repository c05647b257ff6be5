/// A file the ingest will read, as the user named it (or found inside a folder they named).
public struct InputFile: Sendable, Equatable {
    public let path: String
    public let format: ArticleFormat
    /// Its size in bytes when the walk that found it saw it (nil: asked when needed).
    public let size: Int?

    public init(path: String, format: ArticleFormat, size: Int? = nil) {
        self.path = path
        self.format = format
        self.size = size
    }

    /// The size the walk saw, else the file's size now (0 when nothing is there: reading it says why).
    var bytes: Int { size ?? FileStatus(path)?.size ?? 0 }
}
