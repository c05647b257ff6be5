import ArchiveTestSupport
import Foundation
import Testing

/// The README is the manual: every command the binary offers is described there.
@Suite struct DocumentationTests {
    @Test func everyCommandIsInTheReadme() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let help = try CommandResult.run(["--help"])
        let section = help.standardOutput.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        // A command line is indented by two spaces; its wrapped description by many more.
        let commands = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), line.dropFirst(2).first?.isLetter == true else { return nil }
            let word = String(line.dropFirst(2).prefix { !$0.isWhitespace })
            return word == "See" ? nil : word
        }
        #expect(commands.count >= 5)
        for command in commands {
            #expect(readme.contains("archive \(command)"), "README.md does not describe `archive \(command)`")
        }
    }

    @Test func readmeStartsWithTheTwoCommands() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let opening = readme.prefix(1200)
        #expect(opening.contains("swift run archive ingest seeds/ && swift run archive query --person Witkoff"))
        #expect(opening.contains("swift test"))
        let ci = try String(contentsOfFile: Repository.path(".ci/run"), encoding: .utf8)
        #expect(ci.split(separator: "\n").last == "swift test")
    }

    /// The transcripts under "What happens when things go wrong" are what the binary prints.
    @Test func theTroubleTranscriptIsRealOutput() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let folder = TemporaryDirectory()
        for seed in try FileManager.default.contentsOfDirectory(atPath: Repository.path("seeds")) {
            folder.write("in/" + seed, try String(contentsOfFile: Repository.path("seeds/" + seed), encoding: .utf8))
        }
        folder.write("in/empty.txt", "")
        folder.write("in/scan.txt", bytes: [0, 1, 2])
        folder.write("in/broken.json", "{\"title\": \"Broken")
        try FileManager.default.createSymbolicLink(atPath: folder.path("in/loop"), withDestinationPath: "..")
        try FileManager.default.createDirectory(atPath: folder.path("empty"), withIntermediateDirectories: true)
        for (arguments, status) in [(["ingest", "in/"], 1), (["ingest", "empty/"], 1), (["query", "--db", "typo.db"], 1),
                                    (["query", "--from", "2025-02-30"], 64)] as [([String], Int32)] {
            let result = try CommandResult.run(arguments, in: folder.path)
            #expect(result.status == status)
            let transcript = "$ archive \(arguments.joined(separator: " "))\n" + result.standardError + "(exit \(status))\n"
            #expect(readme.contains(transcript), "README.md does not show what `archive \(arguments.joined(separator: " "))` prints:\n\(transcript)")
        }
    }
}
