import ArchiveExtraction
import Foundation

/// Reads one file (or standard input's bytes) into an article, with one-line errors naming the source.
public enum ArticleFileReader {
    public static func read(_ file: InputFile) throws -> RawArticle {
        try file.format.read(IngestPipeline.readBytes(file.path), path: file.path)
    }

    public static func read(bytes: [UInt8], format: ArticleFormat, name: String) throws -> RawArticle {
        guard bytes.count <= IngestPipeline.maximumFileSize else {
            throw ReadError(.tooLarge, path: name, "too large (the limit for one article is \(IngestPipeline.maximumFileSize >> 20) MB)")
        }
        return try format.read(bytes, path: name)
    }
}
