import ArchiveIngest
import ArchiveStore
import ArgumentParser
import Foundation

extension Archive {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles, extract people, places, quotes and events, and store them.",
            discussion: """
                Folders are read recursively; hidden files and unknown kinds are skipped. '-' reads standard input: one \
                article as text, Markdown or a web page, or several as JSON, JSON Lines or a feed (judged from the first \
                bytes; --format says which when they mislead). Ctrl-C stops after the batch being written: what is stored \
                stays, and running the same command again resumes.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("Files or folders to read ('-' for standard input: one article, or several as JSON, JSON Lines or a feed).", valueName: "path"),
                  completion: .file())
        var paths: [String]

        @OptionGroup var input: InputFormatOptions

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if paths.isEmpty { throw ValidationError("name at least one file or folder to ingest") }
        }

        func run() throws {
            // Past a file size limit (`ulimit -f`), let the write fail with an error SQLite reports
            // and rolls back, instead of the signal killing the process mid-write.
            signal(SIGXFSZ, SIG_IGN)
            let archive = try database.open(.readWrite, creating: true)
            let pipeline = IngestPipeline(database: archive)
            InterruptSignal.install()
            pipeline.shouldStop = { InterruptSignal.received != nil }
            let recovery = CrashRecovery.start()
            defer { recovery.finish() }
            pipeline.fileInProgress = recovery.hook
            pipeline.excludedPaths = Set(recovery.crashed)
            pipeline.onCommitted = { recovery.record($0) }
            pipeline.onFailure = { Terminal.printError("error: " + $0) }
            pipeline.onWarning = { Terminal.printError("warning: " + $0) }
            let showProgress = !quiet && Terminal.standardErrorIsTerminal
            if showProgress {
                let started = Date()
                pipeline.onProgress = { done, total, articles in
                    let seconds = max(Date().timeIntervalSince(started), 0.001)
                    let left = Int(Double(max(total - done, 0)) * seconds / Double(max(done, 1)))
                    let eta = left >= 60 ? "\(left / 60) min \(left % 60) s" : "\(left) s"
                    let line = "\r\(done)/\(total) files, \(Int(Double(articles) / seconds)) articles/s, about \(eta) left   "
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            var report = IngestReport()
            let folders = paths.filter { $0 != "-" }
            // Files are read as the walk finds them; counting them first is only for the progress line.
            let total = showProgress ? FileCollector().countFiles(folders) : 0
            do {
                if paths.contains("-") {
                    let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                    let kind = input.kind(of: bytes)
                    try pipeline.ingest(bytes: bytes, format: kind, name: "<stdin>", report: &report)
                }
                try pipeline.ingest(FileCollector().walk(folders), total: total, report: &report)
            } catch let error as DatabaseError {
                if showProgress { Terminal.clearProgressLine() }
                Terminal.printError("error: cannot write to \(database.shown): \(error.reasonForWriting); nothing stored was lost "
                                    + "(\(report.added) articles of this run had been added; the batch being written was rolled back)")
                throw ExitCode.failure
            }
            if showProgress { Terminal.clearProgressLine() }
            report = recovery.combined(report)
            if report.interrupted, let number = InterruptSignal.received {
                Terminal.printError("interrupted by \(InterruptSignal.name(number)): \(report.summary) (\(database.shown)); "
                                    + "every batch written is kept: run the same command again to resume (articles already stored are skipped)")
                throw ExitCode(128 + number)
            }
            if !report.foundAnything {
                Terminal.printError("error: no articles found in \(paths.map(Terminal.escaped).joined(separator: ", "))"
                                    + (report.skipped.map { " (skipped \($0))" } ?? "")
                                    + "; readable files end in .txt, .md, .json, .jsonl, .html, .rss, .atom or .xml")
                throw ExitCode.failure
            }
            if !quiet {
                Terminal.printError("\(report.summary) (\(database.shown))")
            }
            if report.failed > 0 { throw ExitCode.failure }
        }
    }
}
