@testable import ArchiveExtraction
import ArchiveTestSupport
import Foundation
import Testing

@Suite struct WordListTests {
    @Test func embeddedListsAreExactlyTheFilesInWordlists() throws {
        let folder = Repository.path("wordlists")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
        #expect(Set(files) == Set(WordListData.files.keys), "run scripts/embed-wordlists after editing wordlists/")
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(WordListData.files[file] == text.trimmingCharacters(in: .newlines), "\(file) differs: run scripts/embed-wordlists")
        }
    }

    @Test func everyListHasItsSourceInTheReadme() throws {
        let readme = try String(contentsOfFile: Repository.path("wordlists/README.md"), encoding: .utf8)
        for file in WordListData.files.keys {
            #expect(readme.contains(file), "wordlists/README.md does not describe \(file)")
        }
    }

    @Test func listsAreLoaded() {
        let lexicon = Lexicon.shared
        #expect(lexicon.givenNames.contains("Maria"))
        #expect(lexicon.places[NameKey.make("Kiev")] == "Kyiv")
        #expect(lexicon.organizations[NameKey.make("NATO")] != nil)
        #expect(lexicon.commonWords.contains("however"))
    }
}
