import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// A file whose reading crashes the process costs that file alone: it is named, the ingest starts
/// again without it, every other article goes in, the counts are the whole run's, and exit is 1.
/// (ARCHIVE_TEST_CRASH_ON makes the reading of a matching path crash, as a parser bug would.)
@Suite struct CrashIsolationEndToEndTests {
    let folder = TemporaryDirectory()

    @Test func aCrashingFileIsSkippedAndTheRestGoesIn() throws {
        let count = 700
        SyntheticCorpus.write(count: count, into: folder, under: "corpus")
        // In the third batch, after two were committed.
        try FileManager.default.moveItem(atPath: folder.path("corpus/5/555.txt"), toPath: folder.path("corpus/5/555-crashes.txt"))
        let db = folder.path("archive.db")
        let result = try CommandResult.run(["ingest", folder.path("corpus"), "--db", db], environment: ["ARCHIVE_TEST_CRASH_ON": "-crashes"])
        #expect(result.status == 1, "\(result.standardError)")
        let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors == ["error: \(folder.path("corpus/5/555-crashes.txt")): reading it crashed the program; it is skipped, and the ingest goes on without it"])
        #expect(result.standardError.contains("\(count - 1) articles added, 0 already stored, 1 could not be read"), "\(result.standardError)")
        #expect(try Database(path: db, mode: .readOnly).integer("SELECT count(*) FROM source_articles") == Int64(count - 1))
        #expect(try CommandResult.run(["check", "--db", db]).status == 0)
        // Other tests' ingests may be running: look for this run's skip list by what it holds.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { name in
            name.hasPrefix("archive-ingest-")
                && ((try? String(contentsOfFile: NSTemporaryDirectory() + "/" + name, encoding: .utf8)) ?? "").contains(folder.path)
        }
        #expect(leftovers.isEmpty, "the run's skip list is removed at its end: \(leftovers)")
    }
}
