import ArgumentParser

/// Benchmarks, run in a release build: `swift run -c release archive-bench extraction DIR`.
/// Every figure is reported beside a baseline measured in the same run, on the same machine.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-bench",
        abstract: "Measure extraction speed against a same-run baseline.",
        subcommands: [ExtractionBench.self, ScaleBench.self, QueryBench.self, IngestBench.self])
}
