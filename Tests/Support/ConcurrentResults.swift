import Foundation

/// What each of several jobs run at once (`DispatchQueue.concurrentPerform`) returned, by job.
public final class ConcurrentResults: @unchecked Sendable {
    private var values: [Result<CommandResult, Error>?]
    private let lock = NSLock()

    public init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    public func set(_ index: Int, _ value: Result<CommandResult, Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    /// Every job's result; throws the first job's failure to run at all, or a missing result.
    public func all() throws -> [CommandResult] {
        lock.lock()
        defer { lock.unlock() }
        return try values.map { value in
            guard let value else { throw CocoaError(.featureUnsupported) }
            return try value.get()
        }
    }

    /// Two `archive ingest`s of these folders into one archive at once, and a reader asking
    /// `query --person Witkoff` up to `queries` times while they write (stopping at its first
    /// refusal): the two ingests' results, then the reader's last.
    public static func twoIngestsAndAReader(_ first: String, _ second: String, db: String, queries: Int) throws -> [CommandResult] {
        let results = ConcurrentResults(count: 3)
        DispatchQueue.concurrentPerform(iterations: 3) { job in
            switch job {
            case 0, 1: results.set(job, Result { try CommandResult.run(["ingest", job == 0 ? first : second, "--db", db]) })
            default:
                var last: Result<CommandResult, Error> = .failure(CocoaError(.featureUnsupported))
                for _ in 0..<queries {
                    last = Result { try CommandResult.run(["query", "--person", "Witkoff", "--db", db, "--format", "ndjson"]) }
                    guard case .success(let query) = last, query.status == 0, !query.standardError.contains("locked") else { break }
                }
                results.set(2, last)
            }
        }
        return try results.all()
    }
}
