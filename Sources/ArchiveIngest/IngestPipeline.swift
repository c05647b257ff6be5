import ArchiveExtraction
import ArchiveGrouping
import ArchiveStore
import Foundation

/// Reads files, extracts, and stores, in batched transactions: this file schedules the stages,
/// which live beside it — reading (`+Reading`), copy triage (`+CopyTriage`), writing with its
/// retry (`+Writing`) and the spread over cores (`+ParallelMap`).
///
/// A file that cannot be read or stored is reported and skipped; nothing of it is left behind, and
/// the other files still go in. A failure of the database itself (disk full, read-only, locked for
/// too long) stops the ingest: batches already committed stay, the current one is rolled back.
public final class IngestPipeline {
    let writer: ArchiveWriter
    /// Stores extracted articles through `writer`, deciding who their names are.
    let storage: ArticleStorage
    let extractor: Extractor
    let extractors: ExtractorPool
    let normalizer = ArticleNormalizer()
    let batchSize: Int
    /// A chunk also ends once its files hold this many bytes: two chunks are in memory at once,
    /// and a file may hold up to `ArticleFileReader.maximumFileSize`.
    var chunkBytes = 64 << 20
    let ingestedAt: String
    let grouper: EventGrouper
    /// Stored articles this run made copies of a text with a lower content hash, and of which:
    /// a chunk triaged while another was written may name them as originals.
    var replacedOriginals: [Int64: Int64] = [:]
    /// How many articles the archive had when this ingest last had the engine refresh its statistics.
    var statisticsTakenAt: Int64?

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

    public init(database: Database, today: Date = Date(), batchSize: Int = 1024) {
        self.writer = ArchiveWriter(database: database)
        self.storage = ArticleStorage(writer: writer)
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
        try writer.keepStatementJournalsInMemory()
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
            var bytes = 0
            while chunk.count < batchSize, bytes < chunkBytes, let next = walk.next() {
                switch next {
                case .file(let file):
                    guard !excludedPaths.contains(file.path) else { continue }
                    chunk.append(file)
                    bytes += file.bytes
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
                return Result { try Self.prepared(bytes: ArticleFileReader.bytes(ofFile: file.path), format: file.format, file: file, path: file.path,
                                                  normalizer: normalizer) }
            }
            // One connection cannot serve two threads: without a second one, the write goes first.
            if lookup === writer { try finishWriting() }
            // Whatever is stored from here on, by this run's writes or another ingest's, the triage
            // does not see: the write looks again for copies among those.
            let triagedBelow = try lookup.nextArticleID()
            let stored = try Self.storedHashes(of: prepared.compactMap { try? $0.get() }, lookup: lookup)
            var triaged: [Triaged] = []
            for (file, result) in zip(chunk, prepared) {
                switch result {
                case .failure(let error as ReadError): fail(error.description, &report)
                case .failure(let error): fail("\(PrintablePath.escaped(file.path)): \(error)", &report)
                case .success(let read):
                    for warning in read.warnings { warn(warning, &report) }
                    try triage(read.articles, path: file.path, lookup: lookup, stored: stored, into: &triaged, report: &report)
                }
            }
            // A handful of articles is not worth building another engine's word lists for.
            let extractor = self.extractor, pool = triaged.count >= 16 ? extractors : nil
            let items = Self.parallelMap(triaged) { item, worker in
                if case .new(let path, _, _) = item { inProgress?(worker, path) }
                defer { inProgress?(worker, nil) }
                return item.extracted(by: pool?.extractor(forWorker: worker) ?? extractor)
            }
            // Near-copies compared here, while the chunk before is written, not under the write lock.
            let order = Self.writingOrder(items)
            try finishWriting()
            // Asked to stop while this chunk was read: it is not written (a re-run reads it again).
            if shouldStop() { continue }
            nonisolated(unsafe) let unsafeSelf = self
            writing = BackgroundWork { try unsafeSelf.flush(items, order: order, triagedBelow: triagedBelow) }
            done += chunk.count
        }
        try finishWriting()
    }

    /// The connection that looks up stored hashes and near-copies while the writer writes: a
    /// read-only one on the same archive (SQLite's WAL lets it read beside the writer), or the
    /// writer's own for an in-memory archive, whose chunks are then written one after another.
    private func lookupWriter() throws -> ArchiveWriter {
        guard let connection = try writer.database.connection.reader() else { return writer }
        let reader = ArchiveWriter(database: Database(connection: connection))
        // It only looks up hashes and fingerprints, one page or two each.
        try reader.usePageCache(megabytes: 8)
        return reader
    }

    /// Ingests what standard input holds (one article, or several as JSON), named `name` in messages.
    public func ingest(bytes: [UInt8], format: ArticleFormat, name: String, report: inout IngestReport) throws {
        do {
            var triaged: [Triaged] = []
            let read = try Self.prepared(bytes: bytes, format: format, file: nil, path: name, normalizer: normalizer)
            for warning in read.warnings { warn(warning, &report) }
            let triagedBelow = try writer.nextArticleID()
            try triage(read.articles, path: name, lookup: writer, stored: try Self.storedHashes(of: [read], lookup: writer),
                       into: &triaged, report: &report)
            let items = triaged.map { $0.extracted(by: extractor) }
            merge(try flush(items, order: Self.writingOrder(items), triagedBelow: triagedBelow), into: &report)
        } catch let error as ReadError {
            fail(error.description, &report)
        }
    }

    func warn(_ message: String, _ report: inout IngestReport) {
        report.warnings.append(message)
        onWarning?(message)
    }

    func fail(_ message: String, _ report: inout IngestReport) {
        report.failures.append(message)
        onFailure?(message)
    }
}
