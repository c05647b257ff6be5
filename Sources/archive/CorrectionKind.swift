import ArchiveStore
import ArgumentParser

/// What `merge` and `unmerge` correct: an entity kind, or events.
enum CorrectionKind: ExpressibleByArgument {
    case entity(EntityCorrections.Kind)
    case event

    init?(argument: String) {
        switch argument {
        case "event": self = .event
        case "org": self = .entity(.organization)
        default:
            guard let kind = EntityCorrections.Kind(rawValue: argument) else { return nil }
            self = .entity(kind)
        }
    }

    static var allValueStrings: [String] { ["person", "org", "organization", "place", "event"] }

    /// An event or article id given as an argument, or a usage error naming it.
    static func id(_ text: String, of what: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else { throw UsageError.fail("\(what) must be an id (a whole number), not \"\(text)\"") }
        return id
    }
}
