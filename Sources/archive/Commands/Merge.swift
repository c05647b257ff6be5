import ArchiveGrouping
import ArchiveStore
import ArgumentParser
import Foundation

extension Archive {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge two people, organizations, places or events that are one; later ingests and regroups respect it.",
            discussion: """
                archive merge person "Vitkoff" "Steve Witkoff"   (FROM is folded into INTO)
                archive merge event 12 7                        (their articles stay one event from now on)
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "person, org (organization), place or event.")
        var kind: CorrectionKind
        @Argument(help: "The one to merge away (for events: an event id).")
        var from: String
        @Argument(help: "The one to keep (for events: an event id).")
        var into: String

        func run() throws {
            let archive = try database.open(.readWrite)
            let now = ISO8601DateFormatter().string(from: Date())
            switch kind {
            case .entity(let kind):
                try EntityCorrections(database: archive).merge(kind, from: from, into: into, at: now)
                Terminal.printError("merged \(kind.rawValue) \"\(from)\" into \"\(into)\"; undo with: archive unmerge \(kind.rawValue) \"\(from)\"")
            case .event:
                let (first, second) = (try CorrectionKind.id(from, of: "FROM"), try CorrectionKind.id(into, of: "INTO"))
                let merged = try archive.inTransaction { try EventGrouper(database: archive).merge(event: first, with: second, at: now) }
                Terminal.printError("merged events \(first) and \(second) into event \(merged); take an article out with: archive unmerge event \(merged) ARTICLE")
            }
        }
    }
}
