import ArchiveExtraction
import ArchiveGrouping
import ArchiveStore
import Foundation

/// The triage stage: each article read is already stored, another outlet's copy of a stored
/// article, or new and to be extracted.
///
/// Of two near-copies the archive keeps the one with the lower content hash, whichever came
/// first: a later text that ranks first is stored, and the stored one becomes its copy
/// (`ArchiveWriter.demote`), so that the archive is the same in any arrival order. Near-copies
/// that arrive in one chunk are written best first (`writingOrder`), so replacing is rare.
extension IngestPipeline {
    /// An article's fate as far as the archive stood when its chunk was read: a near-copy of a
    /// stored article, or new and to be extracted.
    enum Triaged: Sendable {
        case copy(of: Int64, PreparedArticle)
        /// `outranks`: a stored near-copy it is to replace, looked for again when it is written.
        case new(path: String, PreparedArticle, outranks: Int64?)

        func extracted(by extractor: Extractor) -> Stored {
            switch self {
            case .copy(let original, let article):
                // The date its own text gives, as if it had been stored and then replaced.
                var record = article.record
                record.publishedAt = extractor.publication(article.normalized, metadata: article.raw)
                return .copy(of: original, record)
            case .new(let path, let article, let outranks):
                let bundle = article.bundle(extractor.extract(article.normalized, metadata: article.raw))
                // Worked out here, on every core, rather than by the one thread that writes.
                let signature = bundle.event.map { ReportSignature(title: bundle.article.title, body: bundle.article.body, day: $0.occurredOn) }
                return .new(path: path, bundle, signature, outranks: outranks)
            }
        }
    }

    /// What the writer stores: a copy's metadata, or an article with what was extracted from it
    /// and what grouping compares (nil when it reports no happening).
    enum Stored: Sendable {
        case copy(of: Int64, ArticleRecord)
        case new(path: String, ArticleBundle, ReportSignature?, outranks: Int64?)
    }

    /// Reports the failures and the articles already stored; sorts out copies and new articles.
    /// `stored`: which of their content hashes `lookup` has (`storedHashes`), asked for once per chunk.
    func triage(_ articles: [Result<PreparedArticle, ReadError>], path: String, lookup: ArchiveWriter, stored: Set<String>,
                into triaged: inout [Triaged], report: inout IngestReport) throws {
        for article in articles {
            switch article {
            case .failure(let error): fail(error.description, &report)
            case .success(let article):
                if stored.contains(article.contentHash) {
                    report.duplicates += 1
                } else if let original = try Self.original(of: article.normalized.body,
                                                           among: { try lookup.nearCopies(of: article.fingerprint) }) {
                    if !Self.ranksFirst(hash: article.contentHash, over: original) {
                        triaged.append(.copy(of: original.id, article))
                    } else {
                        triaged.append(.new(path: path, article, outranks: original.id))
                    }
                } else {
                    triaged.append(.new(path: path, article, outranks: nil))
                }
            }
        }
    }

    /// Which of the articles read are stored already: one question for a chunk.
    static func storedHashes(of reads: [PreparedFile], lookup: ArchiveWriter) throws -> Set<String> {
        try lookup.storedContentHashes(reads.flatMap { $0.articles.compactMap { try? $0.get().contentHash } })
    }

    /// Whether a text is kept over a stored near-copy of it: the lower content hash. A function of
    /// the two texts alone, never of which came first. (Not the earlier publication: an article
    /// without a date in its metadata may take one from its text, which only extraction tells,
    /// and extracting every copy to learn it would cost more than the rare replacement.)
    static func ranksFirst(hash: String, over stored: ArchiveWriter.NearCopy) -> Bool {
        hash < stored.contentHash
    }

    /// Short texts are too alike by chance to be called copies.
    static func mayBeACopy(_ body: String) -> Bool { body.utf8.count >= 300 }

    /// The share of three-word shingles two texts have in common from which one is a copy of the
    /// other (besides the two fingerprint bands `ArchiveWriter.nearCopies` asks for).
    static let copyResemblance = 0.7

    /// The stored article this text is a near-copy of (two fingerprint bands shared, and most of
    /// their three-word shingles in common), if any, among the `candidates` that share bands with it.
    static func original(of body: String, among candidates: () throws -> [ArchiveWriter.NearCopy]) throws -> ArchiveWriter.NearCopy? {
        guard Self.mayBeACopy(body) else { return nil }
        let candidates = try candidates()
        guard !candidates.isEmpty else { return nil }
        let shingles = ShingleSet(body)
        // The most alike, ties to the lower content hash: not the first stored, which would
        // depend on arrival order when a text copies two stored ones.
        var best: (copy: ArchiveWriter.NearCopy, resemblance: Double)?
        for candidate in candidates {
            let resemblance = TextFingerprint.resemblance(shingles, candidate.body)
            guard resemblance >= Self.copyResemblance else { continue }
            if let current = best, current.resemblance > resemblance
                || current.resemblance == resemblance && current.copy.contentHash < candidate.contentHash { continue }
            best = (candidate, resemblance)
        }
        return best?.copy
    }
}
