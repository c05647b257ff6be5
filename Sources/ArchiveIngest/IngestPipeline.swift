import ArchiveExtraction
import ArchiveGrouping
import ArchiveStore
import Foundation

/// Reads files, extracts, and stores, in batched transactions.
///
/// A file that cannot be read or stored is reported and skipped; nothing of it is left behind, and
/// the other files still go in. A failure of the database itself (disk full, read-only, locked for
/// too long) stops the ingest: batches already committed stay, the current one is rolled back.
public final class IngestPipeline {
    /// Files larger than this are refused rather than read into memory whole.
    public static let maximumFileSize = 64 << 20

    private let writer: ArchiveWriter
    private let extractor: Extractor
    private let extractors: ExtractorPool
    private let normalizer = ArticleNormalizer()
    private let batchSize: Int
    private let ingestedAt: String
    private let grouper: EventGrouper
    /// Whether articles stored by an older version have had their grouping terms recorded.
    private var olderArticlesIndexed = false
    /// The first article id the triage of the chunk being written could not see.
    private var unseenFrom: Int64?

    /// Called after each chunk is written with the files done, the files in all, and the
    /// articles read so far (stored, already stored, or copies).
    public var onProgress: ((_ done: Int, _ total: Int, _ articles: Int) -> Void)?
    /// Called with each failure line as it happens.
    public var onFailure: ((String) -> Void)?
    /// Called with each warning line (a file read in a guessed encoding) as it happens.
    public var onWarning: ((String) -> Void)?
    /// Told, on the thread doing it, which file a worker starts reading or extracting (and nil
    /// when it is done), so that a crash can be blamed on the file that caused it.
    public var fileInProgress: (@Sendable (_ worker: Int, _ path: String?) -> Void)?
    /// Files not to read at all (they crashed an earlier run); the caller reports them.
    public var excludedPaths: Set<String> = []
    /// Called after each chunk is committed, with the report so far.
    public var onCommitted: ((IngestReport) -> Void)?
    /// Asked before each chunk is read: once it answers true, the chunk being written is finished
    /// (committed whole), nothing more is read, and the report says the run was interrupted.
    public var shouldStop: () -> Bool = { false }

    public init(database: Database, today: Date = Date(), batchSize: Int = 256) {
        self.writer = ArchiveWriter(database: database)
        self.grouper = EventGrouper(database: database)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: today)
        self.extractor = Extractor(today: (parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1))
        self.extractors = ExtractorPool(extractor)
        self.batchSize = max(1, batchSize)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        self.ingestedAt = formatter.string(from: today)
    }

    /// Ingests files; read errors are counted in the report, database failures are thrown.
    ///
    /// Files go in chunks of `batchSize`, in two stages that overlap: while one thread writes a
    /// chunk in one transaction (and groups its articles into events), every core reads,
    /// normalizes and hashes the next chunk, the stored hashes are looked up through a second,
    /// read-only connection, and every core extracts the new articles. Memory stays bounded by
    /// two chunks, whatever the number of files, and results are written in file order, so runs
    /// are repeatable.
    public func ingest(_ files: [InputFile], report: inout IngestReport) throws {
        try ingest(files.lazy.map { FileCollector.Found.file($0) }, total: files.count, report: &report)
    }

    /// Ingests what a walk of the folders finds, as it finds it: the files, and the errors and
    /// skipped files along the way, which go into the report. `total` (the files the walk will
    /// find) is for progress only.
    public func ingest(_ found: some Sequence<FileCollector.Found>, total: Int, report: inout IngestReport) throws {
        let lookup = try lookupWriter()
        // Grouping looks up recent articles all over a large archive: a page cache of 32 MB
        // (SQLite's default is 2) keeps the indexes it reads in memory.
        try writer.usePageCache(megabytes: 32)
        var done = 0
        var walk = found.makeIterator()
        var writing: BackgroundWork<FlushOutcome>?
        defer { _ = try? writing?.wait() }
        func finishWriting() throws {
            guard let previous = writing else { return }
            writing = nil
            merge(try previous.wait(), into: &report)
            onCommitted?(report)
            onProgress?(done, total, report.added + report.duplicates + report.copies)
        }
        while true {
            if shouldStop() {
                report.interrupted = true
                break
            }
            var chunk: [InputFile] = []
            while chunk.count < batchSize, let next = walk.next() {
                switch next {
                case .file(let file): if !excludedPaths.contains(file.path) { chunk.append(file) }
                case .skippedHidden: report.skippedHidden += 1
                case .skippedUnknown: report.skippedUnknown += 1
                case .skippedLink: report.skippedLinks += 1
                case .error(let error): fail(error.description, &report)
                }
            }
            guard !chunk.isEmpty else { break }
            let normalizer = self.normalizer, inProgress = fileInProgress
            let prepared = Self.parallelMap(chunk) { file, worker in
                inProgress?(worker, file.path)
                defer { inProgress?(worker, nil) }
                return Result { try Self.prepared(bytes: Self.readBytes(file.path), format: file.format, file: file, path: file.path,
                                                  normalizer: normalizer) }
            }
            // One connection cannot serve two threads: without a second one, the write goes first.
            if lookup === writer { try finishWriting() }
            var triaged: [Triaged] = []
            for (file, result) in zip(chunk, prepared) {
                switch result {
                case .failure(let error as ReadError): fail(error.description, &report)
                case .failure(let error): fail("\(PrintablePath.escaped(file.path)): \(error)", &report)
                case .success(let read):
                    for warning in read.warnings { warn(warning, &report) }
                    try triage(read.articles, path: file.path, lookup: lookup, into: &triaged, report: &report)
                }
            }
            // A handful of articles is not worth building another engine's word lists for.
            let extractor = self.extractor, pool = triaged.count >= 16 ? extractors : nil
            let items = Self.parallelMap(triaged) { item, worker in
                if case .new(let path, _) = item { inProgress?(worker, path) }
                defer { inProgress?(worker, nil) }
                return item.extracted(by: pool?.extractor(forWorker: worker) ?? extractor)
            }
            try finishWriting()
            // Asked to stop while this chunk was read: it is not written (a re-run reads it again).
            if shouldStop() { continue }
            nonisolated(unsafe) let unsafeSelf = self
            writing = BackgroundWork { try unsafeSelf.flush(items) }
            done += chunk.count
        }
        try finishWriting()
    }

    /// The connection that looks up stored hashes and near-copies while the writer writes: a
    /// read-only one on the same file (WAL lets it read beside the writer), or the writer's own for
    /// an in-memory archive, whose chunks are then written one after another.
    private func lookupWriter() throws -> ArchiveWriter {
        guard writer.database.path != ":memory:", !writer.database.path.isEmpty else { return writer }
        let reader = ArchiveWriter(database: try Database(path: writer.database.path, mode: .readOnly))
        try reader.usePageCache(megabytes: 16)
        return reader
    }

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

    private static func prepared(bytes: [UInt8], format: ArticleFormat, file: InputFile?, path: String,
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
    private func triage(_ articles: [Result<PreparedArticle, ReadError>], path: String, lookup: ArchiveWriter,
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
    private static func original(of body: String, fingerprint: [Int64], in lookup: ArchiveWriter,
                                 from firstID: Int64 = 0) throws -> Int64? {
        guard body.utf8.count >= 300 else { return nil }  // short texts are too alike by chance
        let candidates = try lookup.nearCopies(of: fingerprint, from: firstID)
        guard !candidates.isEmpty else { return nil }
        let shingles = TextFingerprint.shingleSet(body)
        return candidates.first { TextFingerprint.resemblance(shingles, $0.body) >= 0.7 }?.id
    }

    /// `transform` applied to every element on every core, results in the input's order.
    static func parallelMap<T, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        parallelMap(items) { item, _ in transform(item) }
    }

    /// The same, telling `transform` which worker (0 up to the number of cores) runs it.
    static func parallelMap<T, U: Sendable>(_ items: [T], _ transform: @Sendable (T, Int) -> U) -> [U] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard items.count > 1, cores > 1 else { return items.map { transform($0, 0) } }
        let results = ResultSlots<U>(count: items.count)
        nonisolated(unsafe) let input = items
        DispatchQueue.concurrentPerform(iterations: cores) { worker in
            var index = worker
            while index < input.count {
                results.set(index, transform(input[index], worker))
                index += cores
            }
        }
        return results.values()
    }

    /// Ingests what standard input holds (one article, or several as JSON), named `name` in messages.
    public func ingest(bytes: [UInt8], format: ArticleFormat, name: String, report: inout IngestReport) throws {
        do {
            var triaged: [Triaged] = []
            let read = try Self.prepared(bytes: bytes, format: format, file: nil, path: name, normalizer: normalizer)
            for warning in read.warnings { warn(warning, &report) }
            try triage(read.articles, path: name, lookup: writer, into: &triaged, report: &report)
            merge(try flush(triaged.map { $0.extracted(by: extractor) }), into: &report)
        } catch let error as ReadError {
            fail(error.description, &report)
        }
    }

    /// What one written chunk added to the report.
    struct FlushOutcome: Sendable {
        var added = 0
        var duplicates = 0
        var copies = 0
        var failures: [String] = []
    }

    private func merge(_ outcome: FlushOutcome, into report: inout IngestReport) {
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
    private func flush(_ items: [Stored]) throws -> FlushOutcome {
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
        olderArticlesIndexed = true
        return outcome
    }

    private func write(_ items: [Stored], recentFrom: Int64, failuresAreFatal: Bool) throws -> FlushOutcome {
        var outcome = FlushOutcome()
        var written: [Int64] = []
        try writer.deferTextIndexing()
        for item in items {
            switch item {
            case .copy(let original, let record):
                try writer.addCopy(of: original, record, ingestedAt: ingestedAt)
                outcome.copies += 1
            case .new(let path, let bundle, let signature):
                do {
                    if try writer.articleID(contentHash: bundle.article.contentHash) == nil,
                       let original = try Self.original(of: bundle.article.body, fingerprint: bundle.article.fingerprint,
                                                        in: writer, from: recentFrom) {
                        var copy = bundle.article
                        copy.body = ""
                        try writer.addCopy(of: original, copy, ingestedAt: ingestedAt)
                        outcome.copies += 1
                        continue
                    }
                    switch try ArticleStorage(writer: writer).store(bundle, ingestedAt: ingestedAt) {
                    case .inserted(let id):
                        if let signature { grouper.remember(signature, for: id) }
                        written.append(id)
                        outcome.added += 1
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

    private func warn(_ message: String, _ report: inout IngestReport) {
        report.warnings.append(message)
        onWarning?(message)
    }

    private func fail(_ message: String, _ report: inout IngestReport) {
        report.failures.append(message)
        onFailure?(message)
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
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
}
