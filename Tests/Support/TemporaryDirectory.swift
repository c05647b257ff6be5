import Foundation
import Testing

/// A fresh folder under the system's temporary directory, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-" + UUID().uuidString)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            // A test that cannot make its folder fails, with the reason; it does not crash the run.
            Issue.record("cannot create the test folder \(url.path): \(error)")
        }
    }

    deinit {
        // Folders made read-only by a test must be writable again to be removed.
        chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }

    public var path: String { url.path }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a file (creating folders on the way) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        } catch {
            Issue.record("cannot write the test file \(file.path): \(error)")
        }
        return file.path
    }
}
