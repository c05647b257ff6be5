import ArchiveQuery
import ArgumentParser

/// `--format` for the commands that print results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .table
}
