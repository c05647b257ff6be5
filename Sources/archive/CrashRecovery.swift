import ArchiveIngest
import CCrashGuard
import Foundation

/// One bad file costs that file, never the run: should reading or extracting a file crash the
/// process (a trap in a parser, a stack overflow), the crash guard names the file, adds it to a
/// skip list and starts the same command again; this picks the run up from there. Articles
/// committed before the crash are found already stored, and the counts carry over.
struct CrashRecovery {
    /// Where the run's skip list lives, handed to each restart through the environment.
    static let environmentKey = "ARCHIVE_INGEST_RECOVERY"
    /// Restarts allowed in one run: past this, a crash ends it (something crashes on every file).
    static let mostRestarts = 100

    /// The skip list the crash guard appends to.
    let skipList: String
    /// Files that crashed earlier starts of this run.
    let crashed: [String]
    /// What earlier starts had committed: articles added, already stored, kept as copies.
    let earlier: (added: Int, duplicates: Int, copies: Int)

    private var countsFile: String { skipList + ".counts" }

    /// Installs the crash guard; on a restart, reads what the earlier starts left.
    static func start() -> CrashRecovery {
        let environment = ProcessInfo.processInfo.environment
        let skipList: String
        if let existing = environment[environmentKey], !existing.isEmpty {
            skipList = existing
        } else {
            skipList = FileManager.default.temporaryDirectory
                .appendingPathComponent("archive-ingest-\(getpid())-\(UUID().uuidString)").path
            setenv(environmentKey, skipList, 1)
        }
        let crashed = ((try? String(contentsOfFile: skipList, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        let counts = ((try? String(contentsOfFile: skipList + ".counts", encoding: .utf8)) ?? "").split(separator: " ").compactMap { Int($0) }
        let recovery = CrashRecovery(skipList: skipList, crashed: crashed,
                                     earlier: counts.count == 3 ? (counts[0], counts[1], counts[2]) : (0, 0, 0))
        crash_guard_install(crashed.count < mostRestarts ? skipList : "", CommandLine.argc, CommandLine.unsafeArgv)
        return recovery
    }

    /// Tells the guard which file a worker thread is on.
    var hook: @Sendable (Int, String?) -> Void {
        // For tests: a path containing this text crashes the reading of it, as a bug in a parser would.
        let injected = ProcessInfo.processInfo.environment["ARCHIVE_TEST_CRASH_ON"].flatMap { $0.isEmpty ? nil : $0 }
        return { worker, path in
            guard let path else { return crash_guard_leave(Int32(truncatingIfNeeded: worker)) }
            path.withCString { crash_guard_enter(Int32(truncatingIfNeeded: worker), $0) }
            if let injected, path.contains(injected) { raise(SIGILL) }
        }
    }

    /// Keeps the counts of what is committed, for a restart to carry over.
    func record(_ report: IngestReport) {
        let text = "\(earlier.added + report.added) \(earlier.duplicates + report.duplicates) \(earlier.copies + report.copies)"
        try? text.write(toFile: countsFile, atomically: true, encoding: .utf8)
    }

    /// The whole run's report: this start's, with what earlier starts did and the files that
    /// crashed them (whose lines the guard has printed already). Articles the earlier starts
    /// added are found already stored by this one, and are not counted twice.
    func combined(_ report: IngestReport) -> IngestReport {
        guard !crashed.isEmpty else { return report }
        var whole = report
        whole.added += earlier.added
        whole.duplicates = max(0, report.duplicates - earlier.added) + earlier.duplicates
        whole.copies += earlier.copies
        whole.failures = crashed.map { "\(PrintablePath.escaped($0)): reading it crashed the program; skipped" } + report.failures
        return whole
    }

    /// Removes the run's files: it is over.
    func finish() {
        try? FileManager.default.removeItem(atPath: skipList)
        try? FileManager.default.removeItem(atPath: countsFile)
    }
}
