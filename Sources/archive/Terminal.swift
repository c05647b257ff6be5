import ArchiveIngest
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the program knows about where its output goes.
enum Terminal {
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    /// Colour and bold only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var usesColor: Bool {
        standardOutputIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Columns of the terminal on standard output, nil when it is not a terminal.
    static var width: Int? {
        guard standardOutputIsTerminal else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) { return columns }
        return 100
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Wipes the progress line, so that what follows starts on a clean line.
    static func clearProgressLine() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// A path as messages print it: one line, whatever characters its name holds.
    static func escaped(_ path: String) -> String { PrintablePath.escaped(path) }

    /// Today's date in UTC, for resolving dates that nothing else fixes.
    static var today: (year: Int, month: Int, day: Int) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return (parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }
}
