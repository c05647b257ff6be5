import ArchiveExtraction
import ArchiveGrouping
import ArchiveStore
import Foundation

/// The reading stage: a file's bytes become normalized articles with their content hash and
/// near-copy fingerprint, on any core, before the archive is asked anything.
extension IngestPipeline {
    /// An article read and normalized, with its identity, waiting for extraction.
    struct PreparedArticle: Sendable {
        let raw: RawArticle
        let normalized: NormalizedArticle
        let file: InputFile?
        let format: ArticleFormat
        let contentHash: String
        let fingerprint: [Int64]

        func bundle(_ facts: ArticleFacts) -> ArticleBundle {
            var bundle = BundleMapper.bundle(facts, raw: raw, file: file, format: format, contentHash: contentHash)
            bundle.article.fingerprint = fingerprint
            return bundle
        }

        /// The article's metadata, as a copy of another's text.
        var record: ArticleRecord {
            ArticleRecord(title: normalized.title, body: "", outlet: raw.outlet, author: normalized.author, url: raw.url,
                          path: file?.path, publishedAt: raw.published, format: format.rawValue, contentHash: contentHash)
        }
    }

    /// Every article of a file, read and normalized, or the reason each could not be; and the
    /// doubts about reading it.
    struct PreparedFile: Sendable {
        let articles: [Result<PreparedArticle, ReadError>]
        let warnings: [String]
    }

    static func prepared(bytes: [UInt8], format: ArticleFormat, file: InputFile?, path: String,
                                 normalizer: ArticleNormalizer) throws -> PreparedFile {
        var warnings: [String] = []
        let articles: [Result<PreparedArticle, ReadError>] = try format.readAll(bytes, path: path, warnings: &warnings).map { result in
            result.flatMap { raw in
                let normalized = normalizer.normalize(raw)
                guard normalized.body.contains(where: { $0.isLetter }) else {
                    return .failure(ReadError(.noText, path: path, "no article text left once boilerplate is removed"))
                }
                let hash = SHA256.hex(normalized.title + "\n\n" + normalized.body)
                return .success(PreparedArticle(raw: raw, normalized: normalized, file: file, format: format, contentHash: hash,
                                                fingerprint: TextFingerprint.bands(normalized.body)))
            }
        }
        return PreparedFile(articles: articles, warnings: warnings)
    }
}
