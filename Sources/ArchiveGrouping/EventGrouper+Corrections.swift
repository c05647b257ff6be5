import ArchiveStore

/// Manual event corrections. Each is kept as constraints between articles (`event_corrections`)
/// that every later grouping honours — at ingest and in `regroup` — so a correction is part of
/// the stored set the events are a function of, never undone by the next article.
extension EventGrouper {
    /// A correction that cannot be made, in one sentence.
    public struct CorrectionError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Makes two events one for good: all their articles are kept together from now on (a user's
    /// "keep apart" between any two of them is dropped). The event that comes out keeps an id by
    /// the usual rule (`EventIdentity`); returns it.
    @discardableResult
    public func merge(event: Int64, with other: Int64, at time: String) throws -> Int64 {
        guard event != other else { throw CorrectionError(description: "event \(event) cannot be merged with itself") }
        let first = try articles(ofEvent: event), second = try articles(ofEvent: other)
        let members = try (first + second).sorted { try contentHash(of: $0) < contentHash(of: $1) }
        let inside = Set(members)
        for article in members {
            for (partner, together) in try store.corrections(of: article) where !together && inside.contains(partner) {
                try store.dropCorrection(article, partner)
            }
        }
        for (a, b) in zip(members, members.dropFirst()) { try store.correct(a, b, together: true, at: time) }
        try formEvents(touching: members)
        guard let merged = try store.events(of: [members[0]])[members[0]] else {
            throw CorrectionError(description: "events \(event) and \(other) could not be merged")
        }
        return merged
    }

    /// Takes an article out of its event for good: it is kept apart from every other article of
    /// the event from now on, and no longer kept together with any article (those it was kept
    /// together with stay together). Returns the event it left and the one it is in now.
    @discardableResult
    public func separate(article: Int64, from event: Int64, at time: String) throws -> (left: Int64, now: Int64?) {
        guard try store.events(of: [article])[article] == event else {
            throw CorrectionError(description: "article \(article) is not in event \(event)")
        }
        let others = try store.articles(of: event).filter { $0 != article }
        guard !others.isEmpty else { throw CorrectionError(description: "article \(article) is alone in event \(event) already") }
        // Whatever it was kept together with stays together without it.
        let kept = try keptTogether(with: article)
        for member in kept {
            for (partner, together) in try store.corrections(of: member) where together { try store.dropCorrection(member, partner) }
        }
        let rest = try kept.filter { $0 != article }.sorted { try contentHash(of: $0) < contentHash(of: $1) }
        for (a, b) in zip(rest, rest.dropFirst()) { try store.correct(a, b, together: true, at: time) }
        for other in others { try store.correct(article, other, together: false, at: time) }
        try formEvents(touching: [article] + others)
        return (event, try store.events(of: [article])[article])
    }

    private func articles(ofEvent event: Int64) throws -> [Int64] {
        let articles = try store.articles(of: event)
        guard !articles.isEmpty else { throw CorrectionError(description: "no event \(event) in \(store.database.path)") }
        return articles
    }

    /// The article and every article a user's corrections keep in one event with it.
    private func keptTogether(with article: Int64) throws -> Set<Int64> {
        var found: Set<Int64> = [article]
        var pending = [article]
        while let next = pending.popLast() {
            for (partner, together) in try store.corrections(of: next) where together && found.insert(partner).inserted {
                pending.append(partner)
            }
        }
        return found
    }
}
