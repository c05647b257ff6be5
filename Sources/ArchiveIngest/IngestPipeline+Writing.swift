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
    ///
    /// `triagedBelow`: the first article id the triage of these items could not see (stored since,
    /// by this ingest or by another writing to the same archive at once). `order`: the items'
    /// `writingOrder`, worked out before, outside the write lock.
    func flush(_ items: [Stored], order: [Int], triagedBelow recentFrom: Int64) throws -> FlushOutcome {
        guard !items.isEmpty else { return FlushOutcome() }
        let firstNewID = try writer.nextArticleID()
        let outcome: FlushOutcome
        do {
            writer.isolatesArticles = false
            defer { writer.isolatesArticles = true }
            outcome = try writer.database.inTransaction { try write(items, order: order, recentFrom: recentFrom, failuresAreFatal: true) }
        } catch let error as DatabaseError where !error.isFatal {
            grouper.forget(from: firstNewID)
            storage.forgetKnownRows()
            outcome = try writer.database.inTransaction { try write(items, order: order, recentFrom: recentFrom, failuresAreFatal: false) }
        }
        replacedOriginals.merge(outcome.replaced) { _, new in new }
        try refreshStatisticsAsTheArchiveGrows(from: firstNewID - 1)
        return outcome
    }

    /// Has the engine look at the tables again each time the archive has doubled since this ingest
    /// last did (or began): a server plans a statement for the archive it sees, and a plan made on
    /// a few rows (read the whole table) is kept as the table grows. A large archive is left to
    /// the server's own upkeep.
    private func refreshStatisticsAsTheArchiveGrows(from before: Int64) throws {
        let stored = try writer.nextArticleID() - 1
        let last = statisticsTakenAt ?? before
        guard stored >= 2 * max(last, 250) else {
            if statisticsTakenAt == nil { statisticsTakenAt = before }
            return
        }
        try writer.refreshStatistics()
        statisticsTakenAt = stored
    }

    private func write(_ items: [Stored], order: [Int], recentFrom: Int64, failuresAreFatal: Bool) throws -> FlushOutcome {
        var outcome = FlushOutcome()
        var written: [Int64] = []
        // The texts stored when the chunk's transaction began, and those it stores: under the
        // write lock no one else stores any meanwhile.
        var storedTexts = try writer.storedContentHashes(items.compactMap {
            if case .new(_, let bundle, _, _) = $0 { bundle.article.contentHash } else { nil }
        })
        let recent = try RecentTexts(writer: writer, from: recentFrom)
        try writer.deferTextIndexing()
        func bundles(from position: Int) -> [ArticleBundle] {
            order[position...].compactMap { if case .new(_, let bundle, _, _) = items[$0] { bundle } else { nil } }
        }
        // What grouping remembers of the archive is as stale as the names' rows.
        if try storage.prepare(for: bundles(from: 0)) { try grouper.forgetWhatOthersChanged() }
        try recent.readAhead(bundles(from: 0).map(\.article.fingerprint))
        defer { storage.finishChunk() }
        for (position, index) in order.enumerated() {
            let item = items[index]
            switch item {
            case .copy(let original, let record):
                try writer.addCopy(of: storedOriginal(original, outcome.replaced), record, ingestedAt: ingestedAt)
                storedTexts.insert(record.contentHash)
                outcome.copies += 1
            case .new(let path, let bundle, let signature, let outranks):
                do {
                    let hash = bundle.article.contentHash
                    guard !storedTexts.contains(hash) else {
                        outcome.duplicates += 1
                        continue
                    }
                    var replacing: Int64?
                    // The triage saw neither what was written since nor, for one it outranks,
                    // whether that one has been replaced since.
                    let fingerprint = bundle.article.fingerprint
                    if let original = try Self.original(of: bundle.article.body, among: {
                        // One it outranks may have been replaced by any text since: look among all.
                        try outranks == nil ? recent.nearCopies(of: fingerprint) : writer.nearCopies(of: fingerprint)
                    }) {
                        if !Self.ranksFirst(hash: hash, over: original) {
                            var copy = bundle.article
                            copy.body = ""
                            try writer.addCopy(of: original.id, copy, ingestedAt: ingestedAt)
                            storedTexts.insert(hash)
                            outcome.copies += 1
                            continue
                        }
                        replacing = original.id
                    }
                    let stored = try writer.isolated("replacing", { try store(bundle, signature, replacing: replacing) })
                    storedTexts.insert(hash)
                    switch stored {
                    case .inserted(let id):
                        written.append(id)
                        recent.stored(id, fingerprint: fingerprint, body: bundle.article.body, contentHash: hash)
                        if let replacing {
                            // Replacing deleted rows, and what was asked of them with them: ask again for the rest.
                            try storage.prepare(for: bundles(from: position + 1))
                            recent.removed(replacing)
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
        if let replacing { try storage.forgetSpellings(of: replacing) }
        let outcome = try storage.store(bundle, ingestedAt: ingestedAt, isNew: true)
        if case .inserted(let id) = outcome {
            if let signature { grouper.remember(signature, contentHash: bundle.article.contentHash, for: id) }
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

    /// The order to write a chunk in: near-copies within it (and near-copies of those) go
    /// together, best-ranked (`ranksFirst`) first, so that the others find it stored and become
    /// its copies, rather than each being stored and replaced in turn. Otherwise the chunk's order.
    static func writingOrder(_ items: [Stored]) -> [Int] {
        var bands: [Int: [Int64: [Int]]] = [:]  // band → value → items
        var parent = Array(items.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        var shingles: [Int: ShingleSet] = [:]
        for (index, item) in items.enumerated() {
            guard case .new(_, let bundle, _, _) = item, mayBeACopy(bundle.article.body) else { continue }
            var shared: [Int: Int] = [:]
            for (band, value) in bundle.article.fingerprint.enumerated() {
                for other in bands[band]?[value] ?? [] { shared[other, default: 0] += 1 }
                bands[band, default: [:]][value, default: []].append(index)
            }
            // Two bands in common, as `ArchiveWriter.nearCopies` asks of stored ones.
            for (other, count) in shared.sorted(by: { $0.key < $1.key }) where count >= 2 && root(other) != root(index) {
                guard case .new(_, let earlier, _, _) = items[other] else { continue }
                let mine = shingles[index] ?? ShingleSet(bundle.article.body)
                shingles[index] = mine
                if TextFingerprint.resemblance(mine, earlier.article.body) >= copyResemblance { parent[root(index)] = root(other) }
            }
        }
        guard !shingles.isEmpty else { return Array(items.indices) }
        func rank(_ index: Int) -> String {
            guard case .new(_, let bundle, _, _) = items[index] else { return "" }
            return bundle.article.contentHash
        }
        // Each group's items go where its first item was, best-ranked first: each then finds
        // only better-ranked near-copies stored, and none is stored only to be replaced.
        var members: [Int: [Int]] = [:]
        for index in items.indices { members[root(index), default: []].append(index) }
        var position: [Int: (Int, Int)] = [:]
        for group in members.values {
            for (order, index) in group.sorted(by: { (rank($0), $0) < (rank($1), $1) }).enumerated() {
                position[index] = (group[0], order)
            }
        }
        return items.indices.sorted { a, b in
            let (x, y) = (position[a] ?? (a, 0), position[b] ?? (b, 0))
            return x < y
        }
    }
}
