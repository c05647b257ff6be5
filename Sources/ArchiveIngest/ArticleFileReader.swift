import ArchiveExtraction
import Foundation

/// Reads one file (or standard input's bytes) into articles, with one-line errors naming the source.
public enum ArticleFileReader {
    /// Files larger than this are refused rather than read into memory whole.
    public static let maximumFileSize = 64 << 20

    /// A file's bytes, or a one-line error naming it: too large, or unreadable.
    static func bytes(ofFile path: String) throws -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? NSNumber, size.intValue > maximumFileSize {
            throw ReadError(.tooLarge, path: path,
                            "too large (\(size.intValue >> 20) MB; the limit for one article is \(maximumFileSize >> 20) MB)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(.unreadable, path: path, "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw ReadError(.unreadable, path: path, "cannot be read: \(error.localizedDescription)")
        }
    }

    public static func read(_ file: InputFile) throws -> RawArticle {
        try file.format.read(bytes(ofFile: file.path), path: file.path)
    }

    /// Every article in a file: a JSON file may hold many, and one may fail while the others read.
    /// Doubts about the reading (a guessed encoding) go to `warnings`.
    public static func readAll(_ file: InputFile, warnings: inout [String]) throws -> [Result<RawArticle, ReadError>] {
        try file.format.readAll(bytes(ofFile: file.path), path: file.path, warnings: &warnings)
    }

    public static func readAll(bytes: [UInt8], format: ArticleFormat, name: String,
                               warnings: inout [String]) throws -> [Result<RawArticle, ReadError>] {
        guard bytes.count <= maximumFileSize else {
            throw ReadError(.tooLarge, path: name, "too large (the limit for one file is \(maximumFileSize >> 20) MB)")
        }
        return try format.readAll(bytes, path: name, warnings: &warnings)
    }
}
