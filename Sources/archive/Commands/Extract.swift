import ArchiveExtraction
import ArchiveIngest
import ArgumentParser
import Foundation

extension Archive {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what would be extracted from articles, writing nothing.",
            discussion: "With --json, one object per article per line (the contract eval/score.py reads).")

        @Argument(help: ArgumentHelp("Files or folders to read ('-' for standard input).", valueName: "path"), completion: .file())
        var paths: [String]
        @Flag(help: "One JSON object per article per line.")
        var json = false
        @Flag(help: "Include the cleaned body text in the JSON.")
        var body = false
        @OptionGroup var input: InputFormatOptions

        func run() throws {
            let extractor = Extractor(today: Terminal.today)
            let collected = FileCollector().collect(paths.filter { $0 != "-" })
            var failed = !collected.errors.isEmpty
            for error in collected.errors { Terminal.printError("error: " + error.description) }
            var articles: [(String, Result<RawArticle, Error>)] = []
            func add(_ name: String, _ read: (inout [String]) throws -> [Result<RawArticle, ReadError>]) {
                var warnings: [String] = []
                do {
                    articles += try read(&warnings).map { (name, $0.mapError { $0 as Error }) }
                } catch {
                    articles.append((name, .failure(error)))
                }
                for warning in warnings { Terminal.printError("warning: " + warning) }
            }
            if paths.contains("-") {
                let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                add("<stdin>") {
                    try ArticleFileReader.readAll(bytes: bytes, format: input.kind(of: bytes),
                                                  name: "<stdin>", warnings: &$0)
                }
            }
            for file in collected.files {
                add(file.path) { try ArticleFileReader.readAll(file, warnings: &$0) }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            for (path, result) in articles {
                switch result {
                case .failure(let error):
                    Terminal.printError("error: \(error)")
                    failed = true
                case .success(let raw):
                    let facts = extractor.extract(raw)
                    let record = ExtractionRecord(doc: (path as NSString).lastPathComponent, facts: facts, published: raw.published, includeBody: body)
                    if json {
                        Terminal.write(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n")
                    } else {
                        Terminal.write(FactsSummary.render(path: path, facts: facts))
                    }
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
