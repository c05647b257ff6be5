import Foundation

/// One piece of work run on a thread of its own, for the caller to wait for later.
///
/// The work may use objects that are not thread-safe (a database connection): the caller hands
/// them over and must not touch them again until `wait` returns.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    init(_ work: @escaping () throws -> Value) {
        nonisolated(unsafe) let work = work
        let thread = Thread { [self] in
            result = Result { try work() }
            finished.signal()
        }
        thread.stackSize = 8 << 20  // the extraction engine and SQLite recurse; the default is small
        thread.start()
    }

    /// The work's value, or its error, once it is done.
    func wait() throws -> Value {
        finished.wait()
        finished.signal()  // a second wait returns at once
        return try result!.get()
    }
}
