import ArchiveExtraction
import ArchiveGrouping
import ArchiveStore
import Foundation

/// The triage stage: each article read is already stored, another outlet's copy of a stored
/// article, or new and to be extracted.
extension IngestPipeline {
    /// An article's fate as far as the archive stood when its chunk was read: a near-copy of a
    /// stored article, or new and to be extracted.
    enum Triaged: Sendable {
        case copy(of: Int64, ArticleRecord)
        case new(path: String, PreparedArticle)

        func extracted(by extractor: Extractor) -> Stored {
            switch self {
            case .copy(let original, let record): return .copy(of: original, record)
            case .new(let path, let article):
                let bundle = article.bundle(extractor.extract(article.normalized, metadata: article.raw))
                // Worked out here, on every core, rather than by the one thread that writes.
                let signature = bundle.event.map { ReportSignature(title: bundle.article.title, body: bundle.article.body, day: $0.occurredOn) }
                return .new(path: path, bundle, signature)
            }
        }
    }

    /// What the writer stores: a copy's metadata, or an article with what was extracted from it
    /// and what grouping compares (nil when it reports no happening).
    enum Stored: Sendable {
        case copy(of: Int64, ArticleRecord)
        case new(path: String, ArticleBundle, ReportSignature?)
    }

    /// Reports the failures and the articles already stored; sorts out copies and new articles.
    func triage(_ articles: [Result<PreparedArticle, ReadError>], path: String, lookup: ArchiveWriter,
                        into triaged: inout [Triaged], report: inout IngestReport) throws {
        for article in articles {
            switch article {
            case .failure(let error): fail(error.description, &report)
            case .success(let article):
                if try lookup.articleID(contentHash: article.contentHash) != nil {
                    report.duplicates += 1
                } else if let original = try Self.original(of: article.normalized.body, fingerprint: article.fingerprint,
                                                           in: lookup) {
                    triaged.append(.copy(of: original, article.record))
                } else {
                    triaged.append(.new(path: path, article))
                }
            }
        }
    }

    /// The stored article this text is a near-copy of (a fingerprint band shared, and most of their
    /// three-word shingles in common), if any; only articles from `firstID` on when given.
    static func original(of body: String, fingerprint: [Int64], in lookup: ArchiveWriter,
                                 from firstID: Int64 = 0) throws -> Int64? {
        guard body.utf8.count >= 300 else { return nil }  // short texts are too alike by chance
        let candidates = try lookup.nearCopies(of: fingerprint, from: firstID)
        guard !candidates.isEmpty else { return nil }
        let shingles = TextFingerprint.shingleSet(body)
        return candidates.first { TextFingerprint.resemblance(shingles, $0.body) >= 0.7 }?.id
    }
}
