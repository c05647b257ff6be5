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
}
