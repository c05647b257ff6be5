@testable import ArchiveIngest
import ArchiveExtraction
import ArchiveTestSupport
import Foundation
import Testing

/// Every web page, text and JSON file of the evaluation corpus (beside the repository, in
/// `../shared/data`, where CI has it) and the seeds, mutated the ways real files go wrong —
/// truncated, bytes flipped, tags unbalanced, the encoding lied about, NULs, megabyte lines, deep
/// nesting, other scripts, dates in other languages — and read, normalized and extracted as the
/// ingest does. Each case must end in articles whose facts point inside their text, or in one
/// line naming the file; none may crash the process or take more than linear time.
@Suite struct CorpusFuzzTests {
    static let corpus = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/data").path
    static let hasCorpus = FileManager.default.fileExists(atPath: corpus)

    @Test func seedsMutatedEveryWay() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Repository.path("seeds")).sorted()
            .map { Repository.path("seeds/" + $0) }
        let run = FuzzRun(seed: 20251220, megabyteCases: 4)
        for path in seeds {
            try run.fuzz(file: path, casesPerFile: 200)
        }
        #expect(run.cases >= 400)
        run.expectNoSlowCase()
    }

    @Test(.enabled(if: hasCorpus, "skipped: ../shared/data is not beside the repository (CI has it)"))
    func evaluationCorpusMutated() throws {
        let run = FuzzRun(seed: 1996_08_30, megabyteCases: 4)
        let enumerator = FileManager.default.enumerator(atPath: Self.corpus)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if ArticleFormat(pathExtension: (relative as NSString).pathExtension) != nil { files.append(relative) }
        }
        files.sort()
        // Every page, JSON and Markdown file; every 20th text (5,000 texts are alike in kind).
        let chosen = files.enumerated().filter { index, name in !name.hasSuffix(".txt") || index % 20 == 0 }.map(\.element)
        for relative in chosen {
            try run.fuzz(file: Self.corpus + "/" + relative, casesPerFile: relative.hasSuffix(".html") ? 5 : 8)
        }
        print("fuzz: \(run.cases) cases from \(chosen.count) corpus files, \(run.failures) refused with a reason, "
              + "slowest \(run.slowestMicrosecondsPerKB) µs/KB")
        #expect(run.cases >= 2500)
        run.expectNoSlowCase()
    }

    /// A 5 MB text without a line break is read in time linear in its size (a quarter of it takes
    /// about a quarter of the time), and its headline is its first sentence, not the whole text.
    @Test func aFiveMegabyteLineIsReadInLinearTime() throws {
        let sentence = "Officials met in Geneva on Saturday, December 20, and “we made progress,” said Anna Kowalczyk. "
        let whole = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
        let quarter = String(whole.prefix(whole.count / 4))
        func seconds(_ text: String) throws -> Double {
            let started = Date()
            let facts = try FuzzRun.readAndExtract(Array(text.utf8), format: .text, path: "one-line.txt")
            #expect(facts.count == 1)
            #expect(facts.first.map { $0.article.title.count < 120 } == true, "the headline is the first sentence")
            return Date().timeIntervalSince(started)
        }
        let small = try seconds(quarter), large = try seconds(whole)
        // Linear: about 4×; quadratic would be about 16×.
        #expect(large / small < 8, "4× the text took \(large / small)× the time (\(small) s, \(large) s)")
    }
}

/// One seeded run of mutations, counting what it did.
final class FuzzRun {
    private var random: SplitMix
    private(set) var cases = 0
    private(set) var failures = 0
    private(set) var slowestMicrosecondsPerKB = 0
    private var slowCases: [String] = []
    /// How many more megabyte-line cases this run makes (each costs seconds in a debug build).
    private var megabyteCases: Int

    init(seed: UInt64, megabyteCases: Int) {
        random = SplitMix(state: seed)
        self.megabyteCases = megabyteCases
    }

    /// Reads the file, then `casesPerFile` mutations of it in every format it can be carried in.
    func fuzz(file path: String, casesPerFile: Int) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard let format = ArticleFormat(pathExtension: (path as NSString).pathExtension) else { return }
        let name = (path as NSString).lastPathComponent
        check(bytes, format: format, name: name)
        for index in 0..<casesPerFile {
            let (carried, carrier) = index % 3 == 0 ? Self.carried(bytes, from: format, as: pick(of: 4)) : (bytes, format)
            var mutation = Mutation.allCases[index % Mutation.allCases.count]
            if mutation == .megabyteLine {
                if megabyteCases > 0 { megabyteCases -= 1 } else { mutation = .spliced }
            }
            check(mutation.apply(to: carried, format: carrier, random: &random), format: carrier, name: "\(name) (\(mutation))")
        }
    }

    func expectNoSlowCase() {
        #expect(slowCases.isEmpty, "slow cases: \(slowCases.prefix(5).joined(separator: "; "))")
    }

    private func check(_ bytes: [UInt8], format: ArticleFormat, name: String) {
        cases += 1
        // FUZZ_TRACE=1 names each case before it runs: the last name printed is the one that crashed.
        if ProcessInfo.processInfo.environment["FUZZ_TRACE"] != nil { FileHandle.standardError.write(Data("fuzz case: \(name)\n".utf8)) }
        let started = Date()
        do {
            for facts in try Self.readAndExtract(bytes, format: format, path: name) { Self.expectSound(facts, name: name) }
        } catch let error as ReadError {
            failures += 1
            #expect(error.description.hasPrefix(name) && !error.description.contains("\n"), "\(error.description)")
        } catch {
            Issue.record("\(name): an error that names no file: \(error)")
        }
        let seconds = Date().timeIntervalSince(started)
        let perKB = Int(seconds * 1_000_000 / Double(max(bytes.count, 1024) / 1024))
        slowestMicrosecondsPerKB = max(slowestMicrosecondsPerKB, perKB)
        if ProcessInfo.processInfo.environment["FUZZ_TRACE"] != nil { FileHandle.standardError.write(Data("fuzz time: \(seconds) \(bytes.count) \(name)\n".utf8)) }
        // A debug build reads and extracts about 100 KB a second; ten times slower than that on
        // any case (plus start-up) means work that grows faster than the input.
        if seconds > 1 + Double(bytes.count) / 10_000 { slowCases.append("\(name): \(bytes.count) bytes in \(seconds) s") }
    }

    static let extractor = Extractor(today: (2026, 1, 1))
    static let normalizer = ArticleNormalizer()

    /// What the ingest does with a file's bytes before storing: read, normalize, extract.
    static func readAndExtract(_ bytes: [UInt8], format: ArticleFormat, path: String) throws -> [ArticleFacts] {
        var facts: [ArticleFacts] = []
        for result in try format.readAll(bytes, path: path) {
            guard case .success(let raw) = result else { continue }
            facts.append(extractor.extract(normalizer.normalize(raw), metadata: raw))
        }
        return facts
    }

    /// Every fact points inside the text it came from.
    static func expectSound(_ facts: ArticleFacts, name: String) {
        let body = Array(facts.article.body.unicodeScalars)
        for quote in facts.quotes {
            guard quote.start >= 0, quote.start <= quote.end, quote.end <= body.count else {
                Issue.record("\(name): quote offsets \(quote.start)..<\(quote.end) outside a body of \(body.count)")
                continue
            }
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: body[quote.start..<quote.end])
            #expect(String(slice) == quote.text, "\(name): a quote's offsets do not give its text")
        }
        for entity in facts.people + facts.organizations + facts.places {
            #expect(!entity.name.isEmpty && entity.mentionCount > 0, "\(name): empty entity")
            if let offset = entity.firstOffset { #expect(offset >= 0 && offset < body.count, "\(name): \(entity.name) at \(offset)") }
        }
    }

    private func pick(of count: Int) -> Int { Int(random.next() % UInt64(count)) }

    /// The file's text carried in another format, as a news API, a feed or a notes folder would.
    static func carried(_ bytes: [UInt8], from format: ArticleFormat, as choice: Int) -> ([UInt8], ArticleFormat) {
        guard format == .text || format == .markdown else { return (bytes, format) }
        let text = String(decoding: bytes, as: UTF8.self)
        let title = String(text.prefix { $0 != "\n" }), body = String(text.drop { $0 != "\n" })
        func json(_ value: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [value], options: [])) ?? Data("[\"\"]".utf8)
            return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
        }
        func xml(_ value: String) -> String {
            value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        switch choice {
        case 0:
            return (Array("{\"articles\": [{\"title\": \(json(title)), \"content\": \(json(body)), \"publishedAt\": \"2025-12-20T08:00:00Z\"}]}".utf8), .json)
        case 1:
            return (Array("{\"title\": \(json(title)), \"text\": \(json(body))}\n{\"title\": \"Second\", \"text\": \(json(body))}\n".utf8), .jsonl)
        case 2:
            return (Array("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><item><title>\(xml(title))</title>\
                <pubDate>Sat, 20 Dec 2025 08:00:00 GMT</pubDate><description>\(xml(body))</description></item></channel></rss>
                """.utf8), .feed)
        default:
            return (Array("""
                <html><head><title>\(xml(title))</title><meta property="article:published_time" content="2025-12-20"></head>\
                <body><article><h1>\(xml(title))</h1>\(xml(body).split(separator: "\n").map { "<p>\($0)</p>" }.joined())</article></body></html>
                """.utf8), .html)
        }
    }
}

/// The ways a real file goes wrong.
enum Mutation: CaseIterable {
    case truncated, bytesFlipped, tagsUnbalanced, encodingLiedAbout, nulBytes, megabyteLine, deepNesting, otherScripts,
         foreignDates, spliced

    func apply(to bytes: [UInt8], format: ArticleFormat, random: inout SplitMix) -> [UInt8] {
        func position(_ count: Int) -> Int { count == 0 ? 0 : Int(random.next() % UInt64(count + 1)) }
        var bytes = bytes
        switch self {
        case .truncated:
            bytes = Array(bytes.prefix(position(bytes.count)))
        case .bytesFlipped:
            for _ in 0..<(1 + random.next() % 40) where !bytes.isEmpty {
                bytes[min(position(bytes.count), bytes.count - 1)] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
            }
        case .tagsUnbalanced:
            let pieces = ["<div>", "</div>", "<table><tr><td>", "</p></p></article>", "<", ">", "<!--", "<script>", "]]>",
                          "<![CDATA[", "</body></html>", "<p", "&#", "&amp", "&#x110000;", "&#0;", "\"", "{", "}", "[", "]", ","]
            for _ in 0..<(1 + random.next() % 30) {
                bytes.insert(contentsOf: Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8), at: position(bytes.count))
            }
        case .encodingLiedAbout:
            switch random.next() % 4 {
            case 0: bytes = [0xFF, 0xFE] + bytes  // a UTF-16 byte-order mark on UTF-8
            case 1: bytes = Array("<meta charset=\"utf-16\"><?xml version=\"1.0\" encoding=\"EBCDIC-US\"?>".utf8) + bytes
            case 2: bytes = bytes.map { $0 >= 0x80 ? $0 & 0xBF : $0 }  // UTF-8 with its lead bytes spoiled
            default: bytes = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            }
        case .nulBytes:
            for _ in 0..<(1 + random.next() % 10) { bytes.insert(0, at: position(bytes.count)) }
        case .megabyteLine:
            let line = bytes.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            bytes = []
            while bytes.count < 1 << 20, !line.isEmpty { bytes += line }
        case .deepNesting:
            let depth = 20_000
            let (open, close): (String, String) = switch format {
            case .html, .feed: ("<div><span>", "</span></div>")
            case .json, .jsonl: ("[{\"a\":", "}]")
            default: ("((“«", "»”))")
            }
            let at = position(bytes.count)
            bytes.insert(contentsOf: Array(String(repeating: open, count: depth).utf8) + Array(String(repeating: close, count: depth).utf8),
                         at: at)
        case .otherScripts:
            let pieces = ["北京市政府周六宣布", "Путин заявил в субботу", "قال الرئيس يوم السبت", "प्रधानमंत्री ने कहा",
                          "\u{202E}evil\u{202C}", "e\u{301}\u{301}\u{301}", "👩‍👩‍👧‍👦🇺🇦", "\u{FEFF}", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Ⅻ"]
            for _ in 0..<(1 + random.next() % 20) {
                bytes.insert(contentsOf: Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8), at: position(bytes.count))
            }
        case .foreignDates:
            let pieces = ["20. Dezember 2025 möglichen", "le 20 décembre 2025", "2025年12月20日", "20 декабря 2025 г.",
                          "<time datetime=\"möglichen 2025\">", "<meta property=\"article:published_time\" content=\"Sa, 20 Dez 2025\">",
                          "\"datePublished\": \"20/12/2025 möglichen\"", "Sat, 99 Dec 2025 99:99:99 XYZ", "31.02.2025",
                          "1e309", "-99999999999999999999", "0000-00-00T00:00:00Z"]
            for _ in 0..<(1 + random.next() % 10) {
                bytes.insert(contentsOf: Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8), at: position(bytes.count))
            }
        case .spliced:
            // Part of the file repeated inside itself: a page saved twice into one file.
            let from = position(bytes.count), to = min(bytes.count, from + position(bytes.count - from))
            bytes.insert(contentsOf: bytes[from..<to], at: position(bytes.count))
        }
        return bytes
    }
}
