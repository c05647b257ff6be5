import ArchiveExtraction
import ArchiveGrouping
import ArchiveStore
import Foundation

/// The writing stage: a chunk in one transaction, written again article by article in savepoints
/// when one of them fails, then grouped into events and indexed for search.
extension IngestPipeline {
    /// What one written chunk added to the report.
    struct FlushOutcome: Sendable {
        var added = 0
        var duplicates = 0
        var copies = 0
        var failures: [String] = []
        /// Stored articles that became copies of a text written in the chunk, and of which.
        var replaced: [Int64: Int64] = [:]
    }

    func merge(_ outcome: FlushOutcome, into report: inout IngestReport) {
        report.added += outcome.added
        report.duplicates += outcome.duplicates
        report.copies += outcome.copies
        for failure in outcome.failures { fail(failure, &report) }
    }

    /// Writes a chunk in one transaction. Articles written since the chunk was triaged (by the
    /// chunk before, or earlier in this one) were invisible to the triage, so copies of them and
    /// duplicates are looked for again, among those only.
    ///
    /// The chunk is first written whole, with no savepoint per article (FTS5 writes its index out
    /// at every savepoint); if an article fails, that transaction is rolled back and the chunk
    /// written again with each article in a savepoint, so that the failing one is left out alone.
    func flush(_ items: [Stored]) throws -> FlushOutcome {
        guard !items.isEmpty else { return FlushOutcome() }
        let recentFrom = unseenFrom ?? 0
        let firstNewID = try writer.nextArticleID()
        unseenFrom = firstNewID
        let outcome: FlushOutcome
        do {
            writer.isolatesArticles = false
            defer { writer.isolatesArticles = true }
            outcome = try writer.database.inTransaction { try write(items, recentFrom: recentFrom, failuresAreFatal: true) }
        } catch let error as DatabaseError where !error.isFatal {
            grouper.forget(from: firstNewID)
            outcome = try writer.database.inTransaction { try write(items, recentFrom: recentFrom, failuresAreFatal: false) }
        }
        replacedOriginals.merge(outcome.replaced) { _, new in new }
        return outcome
    }

    private func write(_ items: [Stored], recentFrom: Int64, failuresAreFatal: Bool) throws -> FlushOutcome {
        var outcome = FlushOutcome()
        var written: [Int64] = []
        try writer.deferTextIndexing()
        for item in items {
            switch item {
            case .copy(let original, let record):
                try writer.addCopy(of: storedOriginal(original, outcome.replaced), record, ingestedAt: ingestedAt)
                outcome.copies += 1
            case .new(let path, let bundle, let signature, let outranks):
                do {
                    var replacing: Int64?
                    // The triage saw neither what was written since nor, for one it outranks,
                    // whether that one has been replaced since.
                    if try writer.articleID(contentHash: bundle.article.contentHash) == nil,
                       let original = try Self.original(of: bundle.article.body, fingerprint: bundle.article.fingerprint,
                                                        in: writer, from: outranks == nil ? recentFrom : 0) {
                        if bundle.article.contentHash > original.contentHash {
                            var copy = bundle.article
                            copy.body = ""
                            try writer.addCopy(of: original.id, copy, ingestedAt: ingestedAt)
                            outcome.copies += 1
                            continue
                        }
                        replacing = original.id
                    }
                    switch try writer.isolated("replacing", { try store(bundle, signature, replacing: replacing) }) {
                    case .inserted(let id):
                        written.append(id)
                        if let replacing {
                            written.removeAll { $0 == replacing }
                            outcome.replaced[replacing] = id
                            outcome.copies += 1
                        } else {
                            outcome.added += 1
                        }
                    case .duplicate: outcome.duplicates += 1
                    }
                } catch let error as DatabaseError where !error.isFatal && !failuresAreFatal {
                    outcome.failures.append("\(PrintablePath.escaped(path)): could not be stored: \(error.message)")
                }
            }
        }
        try grouper.group(newArticles: written)
        try writer.indexDeferredText()
        return outcome
    }

    /// Stores an article; the stored near-copy it replaces, if any, becomes its copy.
    private func store(_ bundle: ArticleBundle, _ signature: ReportSignature?, replacing: Int64?) throws -> ArticleStorage.Outcome {
        let outcome = try storage.store(bundle, ingestedAt: ingestedAt)
        if case .inserted(let id) = outcome {
            if let signature { grouper.remember(signature, for: id) }
            if let replacing {
                try grouper.withdraw(replacing)
                try storage.demote(replacing, toCopyOf: id)
            }
        }
        return outcome
    }

    /// Where a stored article triaged as an original now is: itself, or the text that replaced it
    /// (in this chunk, or in one written while this one was read).
    private func storedOriginal(_ article: Int64, _ replacedHere: [Int64: Int64]) -> Int64 {
        var current = article
        while let next = replacedHere[current] ?? replacedOriginals[current] { current = next }
        return current
    }
}
