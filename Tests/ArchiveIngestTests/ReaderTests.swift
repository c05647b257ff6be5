@testable import ArchiveIngest
import ArchiveExtraction
import ArchiveTestSupport
import Testing

@Suite struct ReaderTests {
    @Test func plainTextTitleIsTheFirstNonEmptyLine() throws {
        let article = try ArticleFormat.text.read(Array("\n\n  Talks resume  \nBody line one.\r\nBody line two.\n".utf8), path: "a.txt")
        #expect(article.title == "Talks resume")
        #expect(article.body.contains("Body line one."))
    }

    @Test func markdownFrontMatterAndMarkup() throws {
        let text = """
            ---
            title: "Talks resume in Geneva"
            outlet: Example Wire
            author: Lena Hoffmann
            published: 2025-12-19
            url: https://example.org/talks
            ---
            # Ignored heading because the front matter has a title

            Delegates **met** in [Geneva](https://example.org/geneva) on Friday. ![photo](x.jpg)
            """
        let article = try ArticleFormat.markdown.read(Array(text.utf8), path: "a.md")
        #expect(article.title == "Talks resume in Geneva")
        #expect(article.outlet == "Example Wire")
        #expect(article.author == "Lena Hoffmann")
        #expect(article.published == "2025-12-19")
        #expect(article.url == "https://example.org/talks")
        #expect(article.body.contains("Delegates met in Geneva on Friday."))
        #expect(!article.body.contains("photo"))
    }

    @Test func markdownWithoutFrontMatterTakesTheFirstHeading() throws {
        let article = try ArticleFormat.markdown.read(Array("# Strike ends\n\nWorkers returned on Monday.".utf8), path: "b.md")
        #expect(article.title == "Strike ends")
        #expect(article.body == "\nWorkers returned on Monday.")
    }

    static let badInputs: [([UInt8], ReadError.Code)] = {
        let damaged: [UInt8] = Array("Title\nCafé in Genève, then ".utf8) + [0xE9, 0x20, 0x6F, 0x6B]
        let controls: [UInt8] = Array("Title\nA\u{1}B ".utf8) + [0xE9, 0x02, 0x03]
        let undefined: [UInt8] = Array("Title\nUndefined ".utf8) + [0x81, 0xE9]
        return [
            ([], .empty),
            (Array("   \n\n".utf8), .empty),
            ([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], .binary),
            (damaged, .invalidEncoding),
            (controls, .binary),
            (undefined, .invalidEncoding),
            (Array("\u{7}\n12 34\n".utf8), .noText),
        ]
    }()

    @Test(arguments: badInputs)
    func badInputIsRefusedWithAReason(bytes: [UInt8], code: ReadError.Code) {
        let error = #expect(throws: ReadError.self) { _ = try ArticleFormat.text.read(bytes, path: "bad.txt") }
        #expect(error?.code == code)
        #expect(error?.description.hasPrefix("bad.txt: ") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func aOneLineBriefIsItsOwnText() throws {
        let article = try ArticleFormat.text.read(Array("Mayor Olga Petrenko reopened the harbour.\n".utf8), path: "brief.txt")
        #expect(article.title == "Mayor Olga Petrenko reopened the harbour.")
        #expect(article.body == article.title)
    }

    @Test func newsAPIJSONWithSynonymsWrappersAndHTML() throws {
        let json = """
            {"status": "ok", "articles": [
              {"source": {"name": "Example Wire"}, "author": "Lena Hoffmann", "title": "Harbour reopens",
               "url": "https://example.org/a", "publishedAt": "2025-12-19T08:00:00Z",
               "content": "<p>Mayor Olga Petrenko reopened the harbour.</p><p>&ldquo;It took three years,&rdquo; she said.</p>"},
              {"source": "Daily Ledger", "headline": "Vote delayed", "articleBody": "Senator Paul Avery asked for time.",
               "date": "Thu, 18 Dec 2025 10:00:00 GMT", "authors": [{"name": "A. Writer"}, "B. Writer"]},
              {"title": "Nothing to read", "url": "https://example.org/c"}
            ]}
            """
        let results = try ArticleFormat.json.readAll(Array(json.utf8), path: "news.json")
        #expect(results.count == 3)
        let first = try results[0].get()
        #expect(first.outlet == "Example Wire")
        #expect(first.published == "2025-12-19T08:00:00Z")
        #expect(first.body.contains("“It took three years,” she said."))
        #expect(!first.body.contains("<p>"))
        let second = try results[1].get()
        #expect(second.title == "Vote delayed")
        #expect(second.outlet == "Daily Ledger")
        #expect(second.author == "A. Writer, B. Writer")
        #expect(second.published == "2025-12-18T10:00:00Z")
        guard case .failure(let error) = results[2] else { Issue.record("an object with no text was read"); return }
        #expect(error.description.hasPrefix("news.json: item 3: no article text"))
    }

    @Test func jsonLinesReportsTheBadLine() throws {
        let text = "{\"title\": \"One\", \"body\": \"Karl Fischer spoke.\"}\nnot json\n\n{\"headline\": \"Two\", \"text\": \"Ruth Ellison spoke.\", \"seendate\": \"20251220T101500Z\"}\n"
        let results = try ArticleFormat.jsonl.readAll(Array(text.utf8), path: "feed.jsonl")
        #expect(results.count == 3)
        #expect(try results[2].get().published == "2025-12-20T10:15:00Z")
        guard case .failure(let error) = results[1] else { Issue.record("a bad line was read"); return }
        #expect(error.description == "feed.jsonl: line 2: not a JSON object")
    }

    @Test func malformedJSONIsOneClearLine() {
        let error = #expect(throws: ReadError.self) { _ = try ArticleFormat.json.readAll(Array("{\"title\": ".utf8), path: "bad.json") }
        #expect(error?.code == .malformed)
        #expect(error?.description.hasPrefix("bad.json: not valid JSON") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func utf16WithAByteOrderMark() throws {
        let text = "Talks resume\r\nZelenskyy met Dmitriev in Genève.\r\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big] {
            let article = try ArticleFormat.text.read(bytes, path: "utf16.txt")
            #expect(article.title == "Talks resume")
            #expect(article.body.contains("Genève"))
        }
        let error = #expect(throws: ReadError.self) { _ = try ArticleFormat.text.read([0xFF, 0xFE, 0x41], path: "odd.txt") }
        #expect(error?.code == .invalidEncoding)
    }

    @Test func textThatIsNotUTF8IsReadAsWindows1252WithAWarning() throws {
        let bytes = Array("Caf".utf8) + [0xE9, 0x20] + Array("reopens\r\nOwner Ren".utf8) + [0xE9, 0x65]
            + Array(" Martin said ".utf8) + [0x93] + Array("we stay open".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x2E]
        var warnings: [String] = []
        let articles = try ArticleFormat.text.readAll(bytes, path: "legacy.txt", warnings: &warnings)
        let article = try #require(articles.first).get()
        #expect(article.title == "Café reopens")
        #expect(article.body.contains("Owner Renée Martin said “we stay open” – €5."))
        #expect(warnings == ["legacy.txt: not UTF-8 (byte 0xE9 at offset 3); read as Windows-1252"])
        var none: [String] = []
        _ = try ArticleFormat.text.readAll(Array("Café\nPlain UTF-8.".utf8), path: "utf8.txt", warnings: &none)
        #expect(none.isEmpty)
    }

    @Test func standardInputIsJudgedByItsFirstBytes() {
        let cases: [(String, ArticleFormat)] = [
            ("  <!DOCTYPE html><html><body><p>x</p></body></html>", .html),
            ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>", .feed),
            ("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", .feed),
            ("[{\"title\": \"a\"}]", .json),
            ("{\"articles\": [\n{\"title\": \"a\"}\n]}", .json),
            ("{\"title\": \"a\"}\n{\"title\": \"b\"}\n", .jsonl),
            ("---\ntitle: a\n---\nText", .markdown),
            ("Headline\nBody", .text),
        ]
        for (text, format) in cases {
            #expect(ArticleFormat(sniffing: Array(text.utf8)) == format, "\(text)")
        }
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let article = try ArticleFormat.text.read([0xEF, 0xBB, 0xBF] + Array("Title\nBody text here.".utf8), path: "bom.txt")
        #expect(article.title == "Title")
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func folderCollectionSkipsHiddenAndUnknownFiles() {
        let folder = TemporaryDirectory()
        folder.write("b.txt", "B\nbody")
        folder.write("sub/a.md", "# A\nbody")
        folder.write(".hidden.txt", "H\nbody")
        folder.write("notes.pdf", "%PDF")
        let result = FileCollector().collect([folder.path, folder.path("missing.txt")])
        #expect(result.files.map { $0.path.replacingOccurrences(of: folder.path + "/", with: "") } == ["b.txt", "sub/a.md"])
        #expect(result.skippedHidden == 1)
        #expect(result.skippedUnknown == 1)
        #expect(result.errors.map(\.code) == [.unreadable])
    }
}
