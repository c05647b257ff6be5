import ArchiveIngest
import ArgumentParser

/// `--format` for the commands that read articles: what standard input holds.
struct InputFormatOptions: ParsableArguments {
    @Option(help: "The kind of file on standard input: text, markdown, json, jsonl, html or feed (default: judged from its first bytes).")
    var format: ArticleFormat?

    /// The kind of text on standard input: as given, or judged from its first bytes.
    func kind(of bytes: [UInt8]) -> ArticleFormat { format ?? ArticleFormat(sniffing: bytes) }
}
