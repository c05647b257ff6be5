import ArchiveStore
import ArchiveTestSupport
import Foundation
import Testing

/// Folders as users really have them: links that loop, links to files already read, empty
/// folders, names with control characters, an archive path in a folder that does not exist.
@Suite struct FolderEndToEndTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("archive.db") }

    func link(_ target: String, at name: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder.path(name), withDestinationPath: target)
    }

    @Test func linkLoopsAreDetectedAndEachFileIsReadOnce() throws {
        for seed in try FileManager.default.contentsOfDirectory(atPath: Repository.path("seeds")) {
            try FileManager.default.copyItem(atPath: Repository.path("seeds/" + seed), toPath: folder.path("in/a/b/" + seed).creatingFolder())
        }
        let first = try FileManager.default.contentsOfDirectory(atPath: folder.path("in/a/b")).sorted()[0]
        try link("..", at: "in/a/b/up")                 // back to the parent
        try link("../../in", at: "in/a/b/top")          // back to the top
        try FileManager.default.createDirectory(atPath: folder.path("in/x"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path("in/y"), withIntermediateDirectories: true)
        try link("../y", at: "in/x/to-y")               // two folders linking to each other
        try link("../x", at: "in/y/to-x")
        try link("../a/b/" + first, at: "in/x/same.txt")  // a second name for a file read anyway
        folder.write("outside.txt", "Not named\nThis article sits beside the folder given, and must not be read.")
        try link("../..", at: "in/a/out")               // up past the folder given
        let result = try CommandResult.run(["ingest", folder.path("in"), "--db", db])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("2 articles added, 0 already stored; skipped"), "\(result.standardError)")
        #expect(result.standardError.contains("links back to folders or files already read"))
        #expect(try Database(path: db, mode: .readOnly).integer("SELECT count(*) FROM source_articles") == 2)
    }

    @Test func aLinkedFolderGivenByNameIsRead() throws {
        for seed in try FileManager.default.contentsOfDirectory(atPath: Repository.path("seeds")) {
            try FileManager.default.copyItem(atPath: Repository.path("seeds/" + seed), toPath: folder.path("real/" + seed).creatingFolder())
        }
        try link("real", at: "linked")
        let result = try CommandResult.run(["ingest", folder.path("linked"), "--db", db])
        #expect(result.status == 0)
        #expect(result.standardError.contains("2 articles added"))
    }

    @Test func anEmptyFolderSaysItFoundNoArticles() throws {
        try FileManager.default.createDirectory(atPath: folder.path("empty"), withIntermediateDirectories: true)
        folder.write("empty/.notes.txt", "hidden")
        folder.write("empty/scan.pdf", "not an article")
        let result = try CommandResult.run(["ingest", folder.path("empty"), "--db", db])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no articles found in \(folder.path("empty")) (skipped 1 hidden and 1 of unknown kind)"))
    }

    @Test func fileNamesCannotFakeAnErrorLine() throws {
        folder.write("in/bad\nerror: everything is fine.txt", bytes: [0, 1, 2])
        folder.write("in/good.txt", "Harbour reopens\nMayor Olga Petrenko reopened the harbour in Odesa on Monday.")
        let result = try CommandResult.run(["ingest", folder.path("in"), "--db", db])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("error:") } == ["error: \(folder.path("in"))/bad\\nerror: everything is fine.txt: binary data, not text (it contains NUL bytes)"])
        #expect(lines.count == 2)
    }

    @Test func anArchiveInAFolderThatDoesNotExistSaysSo() throws {
        let result = try CommandResult.run(["ingest", Repository.path("seeds"), "--db", folder.path("missing/archive.db")])
        #expect(result.status != 0)
        #expect(result.standardError.contains("the folder \(folder.path("missing")) does not exist"))
    }
}

private extension String {
    /// The path, once the folder it is in exists.
    func creatingFolder() -> String {
        try? FileManager.default.createDirectory(atPath: (self as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return self
    }
}
