import ArchiveGrouping
import ArchiveStore
import ArgumentParser
import Foundation

extension Archive {
    struct Unmerge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a merge, or take an article out of an event for good.",
            discussion: """
                archive unmerge person "Vitkoff"   the merged-away person gets its mentions, aliases and quotes back
                archive unmerge event 12 345       article 345 leaves event 12 and is never grouped with its articles again
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "person, org (organization), place or event.")
        var kind: CorrectionKind
        @Argument(help: "The name that was merged away (for events: the event id).")
        var name: String
        @Argument(help: "For events: the id of the article to take out.")
        var article: String?

        func run() throws {
            let archive = try database.open(.readWrite)
            switch kind {
            case .entity(let kind):
                guard article == nil else { throw UsageError.fail("unmerge \(kind.rawValue) takes one name, not two") }
                try EntityCorrections(database: archive).unmerge(kind, name: name)
                Terminal.printError("unmerged \(kind.rawValue) \"\(name)\"")
            case .event:
                let event = try CorrectionKind.id(name, of: "EVENT")
                guard let article else { throw UsageError.fail("unmerge event needs the article to take out: archive unmerge event \(event) ARTICLE") }
                let id = try CorrectionKind.id(article, of: "ARTICLE")
                let now = ISO8601DateFormatter().string(from: Date())
                let moved = try archive.inTransaction { try EventGrouper(database: archive).separate(article: id, from: event, at: now) }
                Terminal.printError("article \(id) left event \(moved.left)" + (moved.now.map { "; it is in event \($0) now" } ?? ""))
            }
        }
    }
}
