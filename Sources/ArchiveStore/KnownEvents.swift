/// Which event each recently seen article belongs to, and each such event's date, kept in memory
/// while one writer writes: grouping asks this of every candidate of every new article.
///
/// Kept in step with the writer's own changes (a new event, an article joining one, a merge);
/// dropped whole after a rollback or another connection's write, and past `capacity` entries.
final class KnownEvents {
    private var eventOfArticle: [Int64: Int64] = [:]
    /// An event's `occurred_on`; `.some(nil)` for an event known to have no date.
    private var dayOfEvent: [Int64: String?] = [:]
    let capacity: Int

    init(capacity: Int = 1_000_000) {
        self.capacity = capacity
    }

    /// The article's event and that event's day, from memory or from `load`.
    func event(of article: Int64, load: (Int64) throws -> (event: Int64, day: String?)?) rethrows -> (event: Int64, day: String?)? {
        if let event = eventOfArticle[article], let day = dayOfEvent[event] { return (event, day) }
        guard let found = try load(article) else { return nil }
        if eventOfArticle.count + dayOfEvent.count >= capacity { forget() }
        eventOfArticle[article] = found.event
        dayOfEvent[found.event] = .some(found.day)
        return found
    }

    /// A new article's place: a new event with its day, or a stored one it joined (which keeps a day it had).
    func add(article: Int64, event: Int64, day: String?, isNew: Bool) {
        eventOfArticle[article] = event
        if isNew {
            dayOfEvent[event] = .some(day)
        } else if let known = dayOfEvent[event], known == nil {
            dayOfEvent[event] = .some(day)
        }
    }

    /// `others` were merged into `target`: their articles now belong to it, and its day may have changed.
    func merged(_ others: [Int64], articles: [Int64], into target: Int64) {
        for article in articles { eventOfArticle[article] = target }
        for other in others { dayOfEvent[other] = nil }
        dayOfEvent[target] = nil
    }

    func forget() {
        eventOfArticle.removeAll(keepingCapacity: true)
        dayOfEvent.removeAll(keepingCapacity: true)
    }
}
