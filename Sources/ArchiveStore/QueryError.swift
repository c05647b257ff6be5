/// A query that cannot run as asked. Its description is one line a person can act on.
public struct QueryError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable { case invalidDate, invalidSearch }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
