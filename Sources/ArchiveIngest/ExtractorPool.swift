import ArchiveExtraction
import Foundation

/// One extraction engine per worker thread, each made the first time its worker needs it.
///
/// Engines sharing word lists contend for the same reference counts (see
/// `Extractor.independentCopy`), so each worker gets its own, up to `limit` of them: beyond that
/// workers share round-robin, which bounds memory on machines with many cores.
final class ExtractorPool: @unchecked Sendable {
    private var engines: [Extractor?]
    private let lock = NSLock()

    init(_ first: Extractor, limit: Int = 8) {
        engines = [first] + Array(repeating: nil, count: max(0, limit - 1))
    }

    func extractor(forWorker worker: Int) -> Extractor {
        let slot = worker % engines.count
        lock.lock()
        if let engine = engines[slot] {
            lock.unlock()
            return engine
        }
        let template = engines[0]!
        lock.unlock()
        // Built outside the lock so that several workers build theirs at once.
        let engine = template.independentCopy()
        lock.lock()
        defer { lock.unlock() }
        if let existing = engines[slot] { return existing }
        engines[slot] = engine
        return engine
    }
}
