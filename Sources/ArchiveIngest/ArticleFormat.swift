import ArchiveExtraction

/// The kinds of file the ingest reads, chosen by extension.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text
    case markdown

    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }

    func read(_ bytes: [UInt8], path: String) throws -> RawArticle {
        let text = try TextDecoder.decode(bytes, path: path)
        switch self {
        case .text: return try PlainTextReader.read(text, path: path)
        case .markdown: return try MarkdownReader.read(text, path: path)
        }
    }
}
