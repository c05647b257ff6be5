import ArchiveExtraction
import ArchiveStore
import CSQLite
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
    private let normalizer = ArticleNormalizer()
    private let batchSize: Int
    private let ingestedAt: String
    private let grouper: EventGrouper

    /// Called after each file with (files done, files in all).
    public var onProgress: ((Int, Int) -> Void)?
    /// Called with each failure line as it happens.
    public var onFailure: ((String) -> Void)?

    public init(database: Database, today: Date = Date(), batchSize: Int = 256) {
        self.writer = ArchiveWriter(database: database)
        self.grouper = EventGrouper(writer: writer)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: today)
        self.extractor = Extractor(today: (parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1))
        self.batchSize = max(1, batchSize)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        self.ingestedAt = formatter.string(from: today)
    }

    /// Ingests files; read errors are counted in the report, database failures are thrown.
    ///
    /// Files go in chunks of `batchSize`: every core reads, normalizes and hashes its share of a
    /// chunk, the stored hashes are looked up, every core extracts the new articles, and this
    /// thread writes the chunk in one transaction. Memory stays bounded by the chunk, whatever the
    /// number of files, and results are written in file order, so runs are repeatable.
    public func ingest(_ files: [InputFile], report: inout IngestReport) throws {
        var done = 0
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let chunk = Array(files[start..<min(files.count, start + batchSize)])
            let normalizer = self.normalizer
            let prepared = Self.parallelMap(chunk) { file in
                Result { try Self.prepared(bytes: Self.readBytes(file.path), format: file.format, file: file, path: file.path,
                                           normalizer: normalizer) }
            }
            var work: [(path: String, article: PreparedArticle)] = []
            for (file, result) in zip(chunk, prepared) {
                switch result {
                case .failure(let error as ReadError): fail(error.description, &report)
                case .failure(let error): fail("\(file.path): \(error)", &report)
                case .success(let articles):
                    try sortOut(articles, path: file.path, into: &work, report: &report)
                }
            }
            let extractor = self.extractor
            let bundles = Self.parallelMap(work) { item in
                item.article.bundle(extractor.extract(item.article.normalized, metadata: item.article.raw))
            }
            var pending = Array(zip(work.map(\.path), bundles)).map { (path: $0.0, bundle: $0.1) }
            try flush(&pending, report: &report)
            done += chunk.count
            onProgress?(done, files.count)
        }
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

    /// Every article of a file, read and normalized, or the reason each could not be.
    private static func prepared(bytes: [UInt8], format: ArticleFormat, file: InputFile?, path: String,
                                 normalizer: ArticleNormalizer) throws -> [Result<PreparedArticle, ReadError>] {
        try format.readAll(bytes, path: path).map { result in
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
    }

    /// Reports the failures and the articles already stored; queues the rest for extraction.
    private func sortOut(_ articles: [Result<PreparedArticle, ReadError>], path: String,
                         into work: inout [(path: String, article: PreparedArticle)], report: inout IngestReport) throws {
        for article in articles {
            switch article {
            case .failure(let error): fail(error.description, &report)
            case .success(let article):
                if try writer.articleID(contentHash: article.contentHash) != nil {
                    report.duplicates += 1
                } else if let original = try original(of: article.normalized.body, fingerprint: article.fingerprint) {
                    try writer.database.inTransaction { try writer.addCopy(of: original, article.record, ingestedAt: ingestedAt) }
                    report.copies += 1
                } else {
                    work.append((path, article))
                }
            }
        }
    }

    /// The stored article this text is a near-copy of (a fingerprint band shared, and most of their
    /// three-word shingles in common), if any.
    private func original(of body: String, fingerprint: [Int64]) throws -> Int64? {
        guard body.utf8.count >= 300 else { return nil }  // short texts are too alike by chance
        return try writer.nearCopies(of: fingerprint).first { TextFingerprint.resemblance($0.body, body) >= 0.7 }?.id
    }

    /// `transform` applied to every element on every core, results in the input's order.
    static func parallelMap<T, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard items.count > 1, cores > 1 else { return items.map(transform) }
        let results = ResultSlots<U>(count: items.count)
        nonisolated(unsafe) let input = items
        DispatchQueue.concurrentPerform(iterations: cores) { worker in
            var index = worker
            while index < input.count {
                results.set(index, transform(input[index]))
                index += cores
            }
        }
        return results.values()
    }

    /// Ingests what standard input holds (one article, or several as JSON), named `name` in messages.
    public func ingest(bytes: [UInt8], format: ArticleFormat, name: String, report: inout IngestReport) throws {
        do {
            var work: [(path: String, article: PreparedArticle)] = []
            try sortOut(Self.prepared(bytes: bytes, format: format, file: nil, path: name, normalizer: normalizer),
                        path: name, into: &work, report: &report)
            var pending = work.map { (path: $0.path, bundle: $0.article.bundle(extractor.extract($0.article.normalized, metadata: $0.article.raw))) }
            try flush(&pending, report: &report)
        } catch let error as ReadError {
            fail(error.description, &report)
        }
    }

    private func flush(_ pending: inout [(path: String, bundle: ArticleBundle)], report: inout IngestReport) throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        var added = 0
        var duplicates = 0
        var copies = 0
        var failures: [String] = []
        try writer.database.inTransaction {
            for (path, bundle) in batch {
                do {
                    if try writer.articleID(contentHash: bundle.article.contentHash) == nil,
                       let original = try original(of: bundle.article.body, fingerprint: bundle.article.fingerprint) {
                        var copy = bundle.article
                        copy.body = ""
                        try writer.addCopy(of: original, copy, ingestedAt: ingestedAt)
                        copies += 1
                        continue
                    }
                    switch try writer.write(bundle, ingestedAt: ingestedAt) {
                    case .inserted(let id):
                        added += 1
                        try writer.database.inSavepoint("grouping") { try grouper.group(article: id) }
                    case .duplicate: duplicates += 1
                    }
                } catch let error as DatabaseError where !Self.isFatal(error) {
                    failures.append("\(path): could not be stored: \(error.message)")
                }
            }
        }
        report.added += added
        report.duplicates += duplicates
        report.copies += copies
        for failure in failures { fail(failure, &report) }
    }

    private func fail(_ message: String, _ report: inout IngestReport) {
        report.failures.append(message)
        onFailure?(message)
    }

    /// Errors of the database as a whole, after which no further write can succeed.
    static func isFatal(_ error: DatabaseError) -> Bool {
        [SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CORRUPT, SQLITE_NOTADB,
         SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_NOMEM].contains(error.primaryCode)
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
