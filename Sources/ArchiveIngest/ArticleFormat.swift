import ArchiveExtraction
import Foundation

/// The kinds of file the ingest reads, chosen by extension.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    /// One article object, an array, or a wrapper such as {"articles": […]}.
    case json
    /// One article object per line.
    case jsonl
    /// A saved web page.
    case html
    /// An RSS 2.0 or Atom feed: one article per item.
    case feed

    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "html", "htm", "xhtml": self = .html
        case "rss", "atom", "xml": self = .feed
        default: return nil
        }
    }

    /// The kind of text the bytes hold, judged from how they begin (for standard input, which has
    /// no file name): markup is a page or a feed, a brace or bracket JSON (one object a line:
    /// JSON Lines), a `---` line front matter, anything else plain text.
    public init(sniffing bytes: [UInt8]) {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        let start = content.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let head = String(decoding: start.prefix(2048), as: UTF8.self).lowercased()
        if head.hasPrefix("<") {
            self = head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") ? .feed : .html
        } else if head.hasPrefix("[") {
            self = .json
        } else if head.hasPrefix("{") {
            let lines = String(decoding: start.prefix(65_536), as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            self = lines.count > 1 && lines.allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") } ? .jsonl : .json
        } else if head.hasPrefix("---") {
            self = .markdown
        } else {
            self = .text
        }
    }

    /// Every article in the bytes. An error that spoils the whole file is thrown; an error in one
    /// article of several (a bad line of JSON Lines) is returned in its place.
    func readAll(_ bytes: [UInt8], path: String) throws -> [Result<RawArticle, ReadError>] {
        var warnings: [String] = []
        return try readAll(bytes, path: path, warnings: &warnings)
    }

    /// Every article in the bytes, and what was doubtful about reading them (a guessed encoding)
    /// added to `warnings`, one line each naming the file.
    func readAll(_ bytes: [UInt8], path: String, warnings: inout [String]) throws -> [Result<RawArticle, ReadError>] {
        switch self {
        case .html, .feed:
            // libxml2 reads the document's own charset; only emptiness is checked here.
            guard bytes.contains(where: { $0 > 0x20 }) else { throw ReadError(.empty, path: path, "the file is empty") }
            if self == .feed { return try FeedReader.read(bytes, path: path) }
            return [.reading { () throws(ReadError) in try HTMLArticleReader.read(bytes, path: path) }]
        case .text:
            let text = try TextDecoder.decode(bytes, path: path, warnings: &warnings)
            return [.reading { () throws(ReadError) in try PlainTextReader.read(text, path: path) }]
        case .markdown:
            let text = try TextDecoder.decode(bytes, path: path, warnings: &warnings)
            return [.reading { () throws(ReadError) in try MarkdownReader.read(text, path: path) }]
        case .json:
            return try JSONArticleReader.read(json: TextDecoder.decode(bytes, path: path, warnings: &warnings), path: path)
        case .jsonl:
            return JSONArticleReader.read(jsonLines: try TextDecoder.decode(bytes, path: path, warnings: &warnings), path: path)
        }
    }

    /// The one article in the bytes (the first, for formats that hold several).
    func read(_ bytes: [UInt8], path: String) throws -> RawArticle {
        guard let first = try readAll(bytes, path: path).first else { throw ReadError(.noText, path: path, "no articles") }
        return try first.get()
    }
}
