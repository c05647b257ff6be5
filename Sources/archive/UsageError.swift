import ArchiveQuery
import ArchiveStore
import ArgumentParser
import Foundation

/// A mistake in the arguments: one line naming the argument, and exit status 64 (EX_USAGE), as
/// for any argument the parser itself refuses.
enum UsageError {
    /// Prints the line and returns the exit to throw.
    static func fail(_ message: String) -> ExitCode {
        Terminal.printError("Error: " + message)
        return ExitCode(64)
    }

    /// Runs `body`; a query that cannot run as asked (a date that does not exist, a search with no
    /// words or bad FTS5 syntax) is the caller's mistake, reported as a usage error.
    static func whenInvalid<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as QueryError {
            throw fail(error.message)
        }
    }
}
