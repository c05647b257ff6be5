import ArgumentParser
import Foundation

/// Ingest speed, memory and size on a large corpus, beside the floor: the `sqlite3` shell loading
/// the same titles and bodies into a table with a full-text index, and nothing else.
struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest",
                                                        abstract: "Articles/s, MB/s, peak memory and database size of archive ingest, against sqlite3 loading the same text.")

    @Option(help: "Folder of real articles to vary (e.g. ../shared/data/bbc/all/docs).")
    var source: String
    @Option(help: "Articles in the corpus.")
    var articles = 100_000
    @Option(help: "Working folder (emptied first).")
    var work = "/tmp/archive-bench-ingest"
    @Option(help: "The archive binary to measure.")
    var binary = ".build/release/archive"

    func run() throws {
        let manager = FileManager.default
        try? manager.removeItem(atPath: work)
        try manager.createDirectory(atPath: work + "/corpus", withIntermediateDirectories: true)
        let texts = try Self.sources(source)
        guard !texts.isEmpty else { throw BenchError("no .txt articles in \(source)") }

        // A news stream: distinct stories, follow-ups, wire copies, dates over ten years (NewsStream).
        var csv = ""
        var gold = ""
        var rawBytes = 0
        for (number, article) in NewsStream(sources: texts).articles(articles).enumerated() {
            gold += "{\"doc\": \"\(number).txt\", \"event\": \"s\(article.story)\"}\n"
            let folder = "\(work)/corpus/\(number / 1000)"
            if number % 1000 == 0 { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try (article.title + "\n" + article.body + "\n").write(toFile: "\(folder)/\(number).txt", atomically: false, encoding: .utf8)
            rawBytes += article.title.utf8.count + article.body.utf8.count
            csv += Self.csvField(article.title) + "," + Self.csvField(article.body) + "\n"
        }
        try csv.write(toFile: work + "/corpus.csv", atomically: false, encoding: .utf8)
        // The stories, as ../shared/eval/score.py reads gold: how well grouping finds them.
        try gold.write(toFile: work + "/gold.jsonl", atomically: false, encoding: .utf8)
        csv = ""

        let archive = try Self.measure(binary, ["ingest", "--quiet", work + "/corpus", "--db", work + "/archive.db"])
        try """
            CREATE TABLE source_articles (title TEXT, body TEXT);
            CREATE VIRTUAL TABLE source_articles_fts USING fts5 (title, body, content='source_articles', content_rowid='rowid');
            CREATE TRIGGER source_articles_ai AFTER INSERT ON source_articles BEGIN
                INSERT INTO source_articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
            END;
            .mode csv
            .import \(work)/corpus.csv source_articles
            """.write(toFile: work + "/floor.sql", atomically: false, encoding: .utf8)
        let floor = try Self.measure("/bin/sh", ["-c", "sqlite3 \(work)/floor.db < \(work)/floor.sql"])

        let megabytes = Double(rawBytes) / 1_048_576
        let archiveSize = Self.size(work + "/archive.db") + Self.size(work + "/archive.db-wal")
        print("corpus:          \(articles) articles, \(String(format: "%.1f", megabytes)) MB of text")
        print("archive ingest:  \(String(format: "%.1f", archive.seconds)) s, \(Int(Double(articles) / archive.seconds)) articles/s, "
              + "\(String(format: "%.1f", megabytes / archive.seconds)) MB/s, peak RSS \(archive.peakKB / 1024) MB")
        print("sqlite3 floor:   \(String(format: "%.1f", floor.seconds)) s, peak RSS \(floor.peakKB / 1024) MB")
        print("ratio:           archive time ÷ floor time = \(String(format: "%.1f", archive.seconds / floor.seconds))")
        print("events:          " + (try Self.eventSizes(work + "/archive.db")))
        print("database size:   \(String(format: "%.1f", Double(archiveSize) / Double(rawBytes)))× the raw text "
              + "(floor: \(String(format: "%.1f", Double(Self.size(work + "/floor.db")) / Double(rawBytes)))×)")
    }

    struct Source { let title: String; let sentences: [String] }

    /// The event-size distribution: how many events, the largest, the 99th percentile, and the
    /// share of events with one article.
    static func eventSizes(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, "SELECT count(*) FROM article_events GROUP BY event_id"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let sizes = output.split(separator: "\n").compactMap { Int($0) }.sorted()
        guard let largest = sizes.last else { return "none" }
        let p99 = sizes[min(sizes.count - 1, sizes.count * 99 / 100)]
        let singletons = Double(sizes.filter { $0 == 1 }.count) / Double(sizes.count)
        return "\(sizes.count) events, largest \(largest) articles, p99 \(p99), \(Int((singletons * 100).rounded()))% with one article"
    }

    static func sources(_ folder: String) throws -> [Source] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { name in
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return nil }
            let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            guard let title = lines.first else { return nil }
            let sentences = lines.dropFirst().joined(separator: " ").components(separatedBy: ". ").filter { !$0.isEmpty }
            return sentences.count >= 2 ? Source(title: title, sentences: sentences.map { $0.hasSuffix(".") ? $0 : $0 + "." }) : nil
        }
    }

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Wall time and peak resident memory of a child process (as GNU time reports it).
    static func measure(_ executable: String, _ arguments: [String]) throws -> (seconds: Double, peakKB: Int) {
        let report = NSTemporaryDirectory() + "archive-bench-time-\(getpid())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", report, executable] + arguments
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let peak = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) } ?? 0
        return (seconds, peak)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
