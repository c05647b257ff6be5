import ArchiveStore
import ArgumentParser

extension Archive {
    struct Unmerge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a merge: the merged-away entity gets its mentions, aliases and quotes back.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "person, org (organization) or place.")
        var kind: EntityCorrections.Kind
        @Argument(help: "The name that was merged away.")
        var name: String

        func run() throws {
            let archive = try database.open(.readWrite)
            try EntityCorrections(database: archive).unmerge(kind, name: name)
            Terminal.printError("unmerged \(kind.rawValue) \"\(name)\"")
        }
    }
}
