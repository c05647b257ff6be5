/// Why a file could not be read as an article. Its description is one line naming the file.
public struct ReadError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        case unreadable, empty, binary, invalidEncoding, noText, tooLarge, malformed
    }

    public let code: Code
    public let path: String
    public let reason: String

    public init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(PrintablePath.escaped(path)): \(reason)" }
}

extension Result where Failure == ReadError {
    /// The value `body` reads, or the reason it could not.
    static func reading(_ body: () throws(ReadError) -> Success) -> Self {
        do {
            return .success(try body())
        } catch {
            return .failure(error)
        }
    }
}
