import ArchiveValues
import ArchiveStore

/// A small archive written row by row, with no reading, extraction or grouping in between: a
/// query test built on it fails only for a query bug. Keys are made as the store makes them.
struct FixtureArchive {
    let database: Database

    init(path: String) throws {
        database = try ArchiveSchema.open(path, mode: .readWrite)
    }

    @discardableResult
    func article(_ title: String, body: String, outlet: String? = nil, published: String? = nil) throws -> Int64 {
        try database.insertNew(into: "source_articles", ["title", "body", "outlet", "published_at", "format", "content_hash", "ingested_at"],
                               title, body, outlet, published, "markdown", title + "\n\n" + body, "2026-01-01T00:00:00Z")
    }

    /// A person named in articles (`mentions`: article id → how often), with an alias per spelling.
    @discardableResult
    func person(_ name: String, aliases: [String] = [], role: String? = nil, mentions: [Int64: Int]) throws -> Int64 {
        let id = try database.insertNew(into: "people", ["name", "key", "surname_key", "role"],
                                        name, MatchKey.make(name), MatchKey.surname(name), role)
        try record(id, [name] + aliases, mentions, aliasTable: "person_aliases", linkTable: "article_people", column: "person_id")
        return id
    }

    @discardableResult
    func place(_ name: String, mentions: [Int64: Int]) throws -> Int64 {
        let id = try database.insertNew(into: "places", ["name", "key"], name, MatchKey.make(name))
        try record(id, [name], mentions, aliasTable: "place_aliases", linkTable: "article_places", column: "place_id")
        return id
    }

    /// Spellings of an entity, and the articles that name it how often.
    private func record(_ id: Int64, _ aliases: [String], _ mentions: [Int64: Int], aliasTable: String, linkTable: String,
                        column: String) throws {
        for alias in aliases {
            try database.run("INSERT INTO \(aliasTable) (\(column), alias, key) VALUES (?, ?, ?)", id, alias, MatchKey.make(alias))
        }
        for (article, count) in mentions.sorted(by: { $0.key < $1.key }) {
            try database.run("INSERT INTO \(linkTable) (article_id, \(column), mention_count, first_offset) VALUES (?, ?, ?, 0)",
                             article, id, count)
        }
    }

    /// An event of these articles, with these people taking part.
    @discardableResult
    func event(_ title: String, on day: String?, place: Int64?, articles: [Int64], people: [Int64]) throws -> Int64 {
        let id = try database.insertNew(into: "events", ["title", "occurred_on", "date_precision", "date_source", "place_id", "first_seen", "last_seen"],
                                        title, day, "day", "text", place, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
        for article in articles {
            try database.run("INSERT INTO article_events (article_id, event_id) VALUES (?, ?)", article, id)
        }
        for person in people {
            try database.run("INSERT INTO event_people (event_id, person_id, role) VALUES (?, ?, 'participant')", id, person)
        }
        return id
    }

    /// A quotation at `range` of the article's body (offsets in characters, as the store keeps them).
    func quote(_ text: String, in article: Int64, at range: Range<Int>, speaker: Int64?, cue: String = "said") throws {
        let id = try database.insertNew(into: "quotes", ["article_id", "person_id", "cue", "text", "start_offset", "end_offset", "match_key"],
                                        article, speaker, cue, text, range.lowerBound, range.upperBound, MatchKey.quote(text))
        try database.run("INSERT INTO quote_articles (quote_id, article_id, start_offset, end_offset) VALUES (?, ?, ?, ?)",
                         id, article, range.lowerBound, range.upperBound)
    }
}
