import ArchiveStore
import ArgumentParser
import Foundation

extension EntityCorrections.Kind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "org": self = .organization
        default: self.init(rawValue: argument)
        }
    }
}

extension Archive {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge two people, organizations or places that are one; later ingests respect it.",
            discussion: "archive merge person \"Vitkoff\" \"Steve Witkoff\"   (FROM is folded into INTO)")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "person, org (organization) or place.")
        var kind: EntityCorrections.Kind
        @Argument(help: "The one to merge away.")
        var from: String
        @Argument(help: "The one to keep.")
        var into: String

        func run() throws {
            let archive = try database.open(.readWrite)
            let formatter = ISO8601DateFormatter()
            try EntityCorrections(database: archive).merge(kind, from: from, into: into, at: formatter.string(from: Date()))
            Terminal.printError("merged \(kind.rawValue) \"\(from)\" into \"\(into)\"; undo with: archive unmerge \(kind.rawValue) \"\(from)\"")
        }
    }
}
