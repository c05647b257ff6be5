import ArchiveExtraction
import Foundation

/// Reads one file (or standard input's bytes) into articles, with one-line errors naming the source.
public enum ArticleFileReader {
    public static func read(_ file: InputFile) throws -> RawArticle {
        try file.format.read(IngestPipeline.readBytes(file.path), path: file.path)
    }

    /// Every article in a file: a JSON file may hold many, and one may fail while the others read.
    /// Doubts about the reading (a guessed encoding) go to `warnings`.
    public static func readAll(_ file: InputFile, warnings: inout [String]) throws -> [Result<RawArticle, ReadError>] {
        try file.format.readAll(IngestPipeline.readBytes(file.path), path: file.path, warnings: &warnings)
    }

    public static func readAll(bytes: [UInt8], format: ArticleFormat, name: String,
                               warnings: inout [String]) throws -> [Result<RawArticle, ReadError>] {
        guard bytes.count <= IngestPipeline.maximumFileSize else {
            throw ReadError(.tooLarge, path: name, "too large (the limit for one file is \(IngestPipeline.maximumFileSize >> 20) MB)")
        }
        return try format.readAll(bytes, path: name, warnings: &warnings)
    }
}
