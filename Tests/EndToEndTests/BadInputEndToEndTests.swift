import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Bad files get one clear line each; the rest still goes in; what is stored is never harmed.
@Suite struct BadInputEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    @Test func badFilesAreNamedOthersGoInAndStatusIsOne() throws {
        folder.write("in/good.txt", "Harbour reopens\nMayor Olga Petrenko reopened the harbour in Odesa on Monday.")
        let empty = folder.write("in/empty.txt", "")
        let binary = folder.write("in/binary.txt", bytes: [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10])
        let invalid = folder.write("in/invalid.txt", bytes: Array("Title\nCafé, then a bad byte: ".utf8) + [0xC3, 0x28] + Array(" here".utf8))
        let legacy = folder.write("in/legacy.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" reopens\nOwner Ren".utf8) + [0xE9, 0x65]
                                  + Array(" Martin reopened the caf".utf8) + [0xE9] + Array(" in Lyon.".utf8))
        let result = try CommandResult.run(["ingest", folder.path("in"), "--db", db])
        #expect(result.status == 1)
        let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 3)
        for path in [empty, binary, invalid] {
            #expect(errors.filter { $0.contains(path) }.count == 1, "no single line names \(path)")
        }
        let warnings = result.standardError.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(warnings == ["warning: \(legacy): not UTF-8 (byte 0xE9 at offset 3); read as Windows-1252"])
        #expect(result.standardError.contains("2 articles added, 0 already stored, 3 could not be read (see the errors above), 1 read with a warning"))
        let database = try Database(path: db, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 2)
        #expect(try database.scalar("SELECT title FROM source_articles WHERE path = ?", legacy) == .text("Café reopens"))
    }

    @Test func aFailedRunLeavesWhatWasStoredIntact() throws {
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        folder.write("more/bad.txt", bytes: [0x00, 0x00])
        let result = try CommandResult.run(["ingest", folder.path("more"), "--db", db])
        #expect(result.status == 1)
        let database = try Database(path: db, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 2)
        #expect(try database.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    @Test func aFullDiskStopsTheIngestWithOneLineAndKeepsWhatWasStored() throws {
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        // Articles of made-up words, none a copy of another, far more than the limit lets in.
        let words = (0..<400).map { "word\(String($0, radix: 36))" }
        var state: UInt64 = 7
        func next() -> Int { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return Int(state >> 33) }
        for number in 0..<300 {
            let body = (0..<400).map { _ in words[next() % words.count] }.joined(separator: " ")
            folder.write("many/\(number).txt", "Report \(number)\n\(body).")
        }
        let result = try CommandResult.run(["ingest", folder.path("many"), "--db", db], fileSizeLimitKB: 1200)
        #expect(result.status == 1)
        let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("cannot write to \(db)") == true)
        #expect(errors.first?.contains("file size limit") == true)
        let check = try CommandResult.run(["check", "--db", db])
        #expect(check.status == 0, "\(check.standardError)")
        let database = try Database(path: db, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM source_articles WHERE path LIKE '%seeds%'") == 2)
        #expect(try database.integer("SELECT count(*) FROM source_articles") ?? 0 < 302)
    }

    @Test func aFileThatIsNotAnArchiveIsRefusedAndUntouched() throws {
        let path = folder.write("notes.db", "shopping list: bread, milk\n")
        let result = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(path) is not an archive database"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "shopping list: bread, milk\n")
    }

    @Test func queryWithoutAnArchiveSaysHowToMakeOne() throws {
        let result = try CommandResult.run(["query", "--person", "Witkoff", "--db", db])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no archive at \(db)"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aReadOnlyArchiveIsRefusedWithAClearLine() throws {
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        folder.write("new/one.txt", "Harbour reopens\nMayor Olga Petrenko reopened the harbour in Odesa on Monday.")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        chmod(db, 0o444)
        chmod(folder.path, 0o777)
        chmod(folder.path("new"), 0o755)
        chmod(folder.path("new/one.txt"), 0o644)
        defer { chmod(db, 0o644) }
        // Root writes through file permissions, so as root the binary runs as an ordinary account.
        let result = try CommandResult.run(["ingest", folder.path("new"), "--db", db], user: getuid() == 0 ? "nobody" : nil)
        #expect(result.status == 1)
        #expect(result.standardError == "Error: cannot write to \(db): the file or its folder is read-only\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func standardInputIsIngested() throws {
        let result = try CommandResult.run(["ingest", "-", "--db", db],
                                           input: Array("Piped headline\nThe council of Lviv met on Tuesday.".utf8))
        #expect(result.status == 0)
        #expect(result.standardError.contains("1 article added"))
    }

    @Test func standardInputIsReadAsWhatItHolds() throws {
        let page = "<!DOCTYPE html><html><head><title>Harbour reopens in Odesa</title></head><body><article><p>"
            + String(repeating: "Mayor Olga Petrenko reopened the harbour in Odesa on Friday, after three years. ", count: 3)
            + "</p></article></body></html>"
        let lines = """
            {"title": "Vote delayed", "body": "Senator Paul Avery asked for more time on Monday."}
            {"title": "Bridge opens", "body": "The bridge in Lviv opened to traffic on Tuesday."}
            """
        #expect(try CommandResult.run(["ingest", "-", "--db", db], input: Array(page.utf8)).status == 0)
        #expect(try CommandResult.run(["ingest", "-", "--db", db], input: Array(lines.utf8)).status == 0)
        let forced = try CommandResult.run(["ingest", "-", "--format", "text", "--db", db], input: Array("{\"not\": \"json\"} is a headline\nBody text in Lviv.".utf8))
        #expect(forced.status == 0)
        let database = try Database(path: db, mode: .readOnly)
        let titles = try database.rows("SELECT title FROM source_articles ORDER BY id").compactMap { $0.string(0) }
        #expect(titles == ["Harbour reopens in Odesa", "Vote delayed", "Bridge opens", "{\"not\": \"json\"} is a headline"])
        let wrong = try CommandResult.run(["extract", "-", "--format", "pdf"], input: Array("x".utf8))
        #expect(wrong.status == 64 && wrong.standardError.contains("The value 'pdf' is invalid for '--format <format>'"))
    }

    @Test func malformedSearchSaysWhatToDo() throws {
        _ = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", db])
        let raw = try CommandResult.run(["search", "--raw", "\"unbalanced AND", "--db", db])
        #expect(raw.status == 64)
        #expect(raw.standardError.split(separator: "\n").count == 1)
        #expect(raw.standardError.contains("drop --raw"))
        let escaped = try CommandResult.run(["search", "\"unbalanced AND", "--db", db])
        #expect(escaped.status == 0)
        let found = try CommandResult.run(["search", "security guarantees", "--db", db])
        #expect(found.standardOutput.contains("[security] [guarantees]") || found.standardOutput.contains("[security guarantees]"))
    }
}
