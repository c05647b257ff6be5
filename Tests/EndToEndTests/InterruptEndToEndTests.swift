import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Ctrl-C or SIGTERM mid-ingest: the batch being written is finished, every committed batch kept,
/// the user told how many articles went in and that re-running resumes, and the exit status says
/// which signal stopped it.
@Suite struct InterruptEndToEndTests {
    let folder = TemporaryDirectory()

    @Test(arguments: [(SIGTERM, Int32(143), "SIGTERM"), (SIGINT, Int32(130), "Ctrl-C")])
    func aSignalFinishesTheBatchAndSaysHowToResume(signal: Int32, status: Int32, name: String) throws {
        let count = 4_500
        SyntheticCorpus.write(count: count, into: folder, under: "corpus")
        let db = folder.path("archive.db")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = ["ingest", folder.path("corpus"), "--db", db]
        let errorFile = folder.path("stderr")
        FileManager.default.createFile(atPath: errorFile, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait for the first committed batch, then interrupt.
        var stored: Int64 = 0
        for _ in 0..<600 where stored == 0 {
            usleep(50_000)
            stored = (try? Database(path: db, mode: .readOnly).integer("SELECT count(*) FROM source_articles")) ?? 0
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let message = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorFile)), as: UTF8.self)

        #expect(process.terminationStatus == status, "\(message)")
        #expect(message.contains("interrupted by \(name)"))
        #expect(message.contains("run the same command again to resume"))
        let after = try Database(path: db, mode: .readOnly).integer("SELECT count(*) FROM source_articles") ?? 0
        #expect(after > 0 && after < Int64(count), "the ingest finished before the signal; nothing was interrupted")
        #expect(message.contains("\(after) articles added"), "the message must say how many were stored: \(message)")
        #expect(try CommandResult.run(["check", "--db", db]).status == 0)

        let resumed = try CommandResult.run(["ingest", folder.path("corpus"), "--db", db])
        #expect(resumed.status == 0)
        #expect(resumed.standardError.contains("\(Int64(count) - after) articles added, \(after) already stored"))
    }
}
