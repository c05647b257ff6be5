import Foundation

/// What a run of the `archive` binary printed and how it exited.
public struct CommandResult: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String

    /// Runs another program (a wrapper around the binary, such as `script`).
    public static func runProgram(_ executable: String, _ arguments: [String]) throws -> CommandResult {
        try run(arguments, executable: executable)
    }

    /// Runs the built binary with arguments, optional standard input and extra environment.
    /// `user` runs it as another account (through runuser, when the tests run as root);
    /// `fileSizeLimitKB` under a file size limit (bash's `ulimit -f`), as a full disk would stop it.
    public static func run(_ arguments: [String], input: [UInt8]? = nil, environment: [String: String] = [:],
                           in folder: String? = nil, user: String? = nil, fileSizeLimitKB: Int? = nil,
                           executable: String? = nil) throws -> CommandResult {
        let process = Process()
        let scratch = TemporaryDirectory()
        if let user {
            // The build folder may sit where other accounts cannot reach (a clone in a private
            // temporary folder): run a copy from a folder everyone can read.
            let copy = scratch.path("archive")
            try FileManager.default.copyItem(atPath: Repository.binary, toPath: copy)
            chmod(copy, 0o755)
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", copy] + arguments
        } else if let executable {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else if let fileSizeLimitKB {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimitKB) && exec \"$0\" \"$@\"", Repository.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Repository.binary)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ARCHIVE_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        // Output goes to files, so a large output can never fill a pipe and stall the child.
        FileManager.default.createFile(atPath: scratch.path("out"), contents: nil)
        FileManager.default.createFile(atPath: scratch.path("err"), contents: nil)
        let output = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("out"))
        let error = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("err"))
        process.standardOutput = output
        process.standardError = error
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input))
            try inputPipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        try output.close()
        try error.close()
        let outData = try Data(contentsOf: scratch.url.appendingPathComponent("out"))
        let errData = try Data(contentsOf: scratch.url.appendingPathComponent("err"))
        return CommandResult(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                             standardError: String(decoding: errData, as: UTF8.self))
    }
}
