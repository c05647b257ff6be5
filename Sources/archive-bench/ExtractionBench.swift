import ArchiveExtraction
import ArchiveIngest
import ArgumentParser
import Foundation

/// Extraction words per second on a folder of articles, beside the floor of reading the same
/// texts and splitting them into words.
struct ExtractionBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extraction",
                                                    abstract: "Words per second of extraction, against splitting the same text into words.")

    @Argument(help: "A folder of .txt or .md articles (e.g. ../shared/data/bbc/all/docs).")
    var folder: String

    @Option(help: "Passes over the corpus; the best pass counts.")
    var passes = 3

    func run() throws {
        let files = FileCollector().collect([folder]).files
        let articles = files.flatMap { file in
            var warnings: [String] = []
            return (try? ArticleFileReader.readAll(file, warnings: &warnings)) ?? []
        }.compactMap { try? $0.get() }
        guard !articles.isEmpty else { throw ValidationError("no readable articles in \(folder)") }
        let words = articles.reduce(0) { $0 + Self.wordCount($1.title) + Self.wordCount($1.body) }
        let extractor = Extractor(today: (2026, 1, 1))
        _ = extractor.extract(articles[0])  // loads the word lists outside the timing

        var baseline = Double.infinity
        var extraction = Double.infinity
        var sink = 0
        for _ in 0..<max(1, passes) {
            var start = Date()
            for article in articles {
                sink &+= Self.wordCount(article.title) + Self.wordCount(article.body)
            }
            baseline = min(baseline, Date().timeIntervalSince(start))
            start = Date()
            for article in articles {
                let facts = extractor.extract(article)
                sink &+= facts.people.count + facts.quotes.count
            }
            extraction = min(extraction, Date().timeIntervalSince(start))
        }
        // The same work spread over every core, as the ingest does.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var parallel = Double.infinity
        // One engine per thread, as the ingest does (see `Extractor.independentCopy`).
        let extractors = (0..<cores).map { $0 == 0 ? extractor : extractor.independentCopy() }
        for _ in 0..<max(1, passes) {
            let start = Date()
            DispatchQueue.concurrentPerform(iterations: cores) { worker in
                var index = worker
                while index < articles.count {
                    _ = extractors[worker].extract(articles[index])
                    index += cores
                }
            }
            parallel = min(parallel, Date().timeIntervalSince(start))
        }
        let megabytes = Double(articles.reduce(0) { $0 + $1.body.utf8.count }) / 1_048_576
        print("articles:            \(articles.count) (\(String(format: "%.1f", megabytes)) MB, \(words) words)")
        print("baseline (split):    \(String(format: "%.3f", baseline)) s  \(Int(Double(words) / baseline)) words/s")
        print("extraction:          \(String(format: "%.3f", extraction)) s  \(Int(Double(words) / extraction)) words/s")
        print("extraction/baseline: \(String(format: "%.1f", extraction / baseline))× the time of splitting into words")
        print("extraction, \(cores) cores: \(String(format: "%.3f", parallel)) s  \(Int(Double(words) / parallel)) words/s")
        if sink == 42 { print("") }  // keeps the work from being optimized away
    }

    /// The baseline's work: walk the text once and count runs of letters and digits (ASCII answered
    /// without a Unicode table look-up, as a careful tokenizer would).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWord = value < 0x80
                ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A || value >= 0x30 && value <= 0x39
                : scalar.properties.isAlphabetic
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}
