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
        @Option(help: "The kind of file on standard input: text or markdown.")
        var format: String = "text"

        func run() throws {
            let extractor = Extractor(today: Terminal.today)
            let collected = FileCollector().collect(paths.filter { $0 != "-" })
            var failed = !collected.errors.isEmpty
            for error in collected.errors { Terminal.printError("error: " + error.description) }
            var articles: [(String, Result<RawArticle, Error>)] = []
            if paths.contains("-") {
                let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                articles.append(("<stdin>", Result { try ArticleFileReader.read(bytes: bytes, format: ArticleFormat(rawValue: format) ?? .text, name: "<stdin>") }))
            }
            for file in collected.files {
                articles.append((file.path, Result { try ArticleFileReader.read(file) }))
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
