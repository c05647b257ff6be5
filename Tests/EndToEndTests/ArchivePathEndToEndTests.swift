import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// A mistyped `--db` gets an error and no new archive; a read-only archive in a read-only folder
/// can still be queried, and never shows a raw SQLite message.
@Suite struct ArchivePathEndToEndTests {
    let folder = TemporaryDirectory()

    @Test(arguments: [
        ["check"], ["rebuild-fts"], ["merge", "person", "A", "B"], ["unmerge", "person", "A"], ["query", "--person", "Witkoff"],
        ["search", "talks"], ["show", "event", "1"], ["stats"],
    ])
    func aMissingArchiveIsAnErrorAndNothingIsCreated(command: [String]) throws {
        let db = folder.path("mistyped.db")
        let result = try CommandResult.run(command + ["--db", db])
        #expect(result.status != 0)
        #expect(result.standardError.contains("no archive at \(db)"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: db), "\(command[0]) created an archive")
    }

    /// Copies the seeds' archive into a folder, then makes both read-only for the user who queries.
    func readOnlyArchive(leavingLog: Bool) throws -> String {
        let db = folder.path("ro/archive.db")
        try FileManager.default.createDirectory(atPath: folder.path("ro"), withIntermediateDirectories: true)
        #expect(try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db]).status == 0)
        if leavingLog {
            // A writer that stopped without checkpointing leaves its -wal and -shm behind.
            let database = try Database(path: db)
            try database.execute("PRAGMA wal_autocheckpoint = 0")
            try database.run("UPDATE source_articles SET outlet = 'Late Edition' WHERE id = 1")
            let copy = folder.path("copy")
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm"] { try FileManager.default.copyItem(atPath: db + suffix, toPath: copy + "/a" + suffix) }
            withExtendedLifetime(database) {}
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: db + suffix)
                try FileManager.default.copyItem(atPath: copy + "/a" + suffix, toPath: db + suffix)
            }
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path("ro")) { chmod(folder.path("ro/" + file), 0o444) }
        chmod(folder.path("ro"), 0o555)
        return db
    }

    var reader: String? { getuid() == 0 ? "nobody" : nil }

    @Test func aReadOnlyArchiveInAReadOnlyFolderCanBeQueried() throws {
        chmod(folder.path, 0o755)
        let db = try readOnlyArchive(leavingLog: false)
        for command in [["query", "--person", "Witkoff"], ["search", "Florida"], ["stats"], ["show", "person", "Rubio"]] {
            let result = try CommandResult.run(command + ["--db", db], user: reader)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            #expect(!result.standardError.contains("SQLite"))
        }
        let query = try CommandResult.run(["query", "--person", "Witkoff", "--format", "ndjson", "--db", db], user: reader)
        #expect(query.standardOutput.contains("Steve Witkoff"))
    }

    @Test func leftoverLogFilesAreReadToo() throws {
        chmod(folder.path, 0o755)
        let db = try readOnlyArchive(leavingLog: true)
        let result = try CommandResult.run(["query", "--show", "articles", "--format", "csv", "--db", db], user: reader)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Late Edition"), "the commit in the -wal file must be seen")
    }

    @Test func aLogWithoutItsSharedMemoryFileGetsASentence() throws {
        chmod(folder.path, 0o755)
        let db = try readOnlyArchive(leavingLog: true)
        chmod(folder.path("ro"), 0o755)
        try FileManager.default.removeItem(atPath: db + "-shm")
        chmod(folder.path("ro"), 0o555)
        let result = try CommandResult.run(["query", "--db", db], user: reader)
        #expect(result.status != 0)
        #expect(result.standardError.contains("its folder is read-only"), "\(result.standardError)")
        #expect(!result.standardError.contains("SQLite error"))
    }
}
