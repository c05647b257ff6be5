import ArchiveValues
import Foundation

/// Writes articles and what was extracted from them, linking every fact to the people,
/// organizations and places the ingest decided they are.
///
/// Every statement is prepared once per connection and reused. Writes must run inside a
/// transaction (the ingest batches many articles in one). With `isolatesArticles`, each article is
/// written inside a savepoint (`isolated`), so a failure leaves nothing of that article behind and
/// the rest of the batch intact.
///
/// The writer's other jobs live beside this file: the rows of entities (`EntityRows`), quotes
/// (`ArchiveWriter+Quotes`), near-copies (`ArchiveWriter+Copies`) and deferred full-text
/// indexing (`ArchiveWriter+FullText`).
public final class ArchiveWriter {
    public let database: Database
    /// Whether each article is written in a savepoint of its own. Savepoints are not free: FTS5
    /// writes its pending index data out at each one, so a batch written without them (and, should
    /// an article fail, rolled back and written again with them) is much faster.
    public var isolatesArticles = true
    /// The stored quote of each match key a chunk asked for (nil: none), kept up to date as it
    /// writes; nil outside a prepared chunk (`prepareQuotes`).
    var preparedQuotes: [String: StoredQuote?]?

    public init(database: Database) {
        self.database = database
    }

    /// Writes an article with its links to `entities` (the rows its people, organizations and
    /// places are, in the bundle's order), its quotes and its report of what happened. Which
    /// event it belongs to is decided afterwards, by grouping. Returns the article's id.
    public func insert(_ bundle: ArticleBundle, entities: ArticleEntities, ingestedAt: String) throws -> Int64 {
        let articleID = try insertArticle(bundle.article, ingestedAt: ingestedAt)
        let personIDs = Dictionary(zip(bundle.people.map(\.name), entities.people), uniquingKeysWith: { $1 })
        let organizationIDs = Dictionary(zip(bundle.organizations.map(\.name), entities.organizations), uniquingKeysWith: { $1 })
        var placeIDs: [String: Int64] = [:]
        for (place, id) in zip(bundle.places, entities.places) {
            for alias in place.aliases + [place.name] { placeIDs[alias] = id }
        }
        let event = bundle.event
        let takingPart = Set((event?.participants ?? []).compactMap { personIDs[$0] })
        let organizationsTakingPart = Set((event?.participatingOrganizations ?? []).compactMap { organizationIDs[$0] })
        // One statement per table for the whole article: on a server each statement costs a turn
        // of the executor, whatever its size.
        try database.insert(into: "article_people", ["article_id", "person_id", "mention_count", "first_offset", "role", "takes_part"],
                            rows: LinkRow.rows(bundle.people, entities.people).map {
                                [articleID, $0.id, $0.mentions, $0.firstOffset, $0.role, takingPart.contains($0.id) ? 1 : 0]
                            })
        try database.insert(into: "article_organizations", ["article_id", "organization_id", "mention_count", "first_offset", "takes_part"],
                            rows: LinkRow.rows(bundle.organizations, entities.organizations).map {
                                [articleID, $0.id, $0.mentions, $0.firstOffset, organizationsTakingPart.contains($0.id) ? 1 : 0]
                            })
        try database.insert(into: "article_places", ["article_id", "place_id", "mention_count", "first_offset"],
                            rows: LinkRow.rows(bundle.places, entities.places).map { [articleID, $0.id, $0.mentions, $0.firstOffset] })
        try store(bundle.quotes, articleID: articleID, articleHash: bundle.article.contentHash, personIDs: personIDs)
        if let event {
            try database.insert(into: "article_reports",
                                ["article_id", "title", "occurred_on", "date_precision", "date_source", "place_id", "place", "summary"],
                                rows: [[articleID, event.title, event.occurredOn, event.datePrecision, event.dateSource,
                                        placeID(of: event, placeIDs: placeIDs), event.place, event.summary]])
        }
        return articleID
    }

    /// `body` in a savepoint when articles are isolated, as it is otherwise.
    public func isolated<T>(_ name: String, _ body: () throws -> T) throws -> T {
        isolatesArticles ? try database.inSavepoint(name, body) : try body()
    }

    private func insertArticle(_ article: ArticleRecord, ingestedAt: String) throws -> Int64 {
        let id = try database.insertNew(
            into: "source_articles",
            ["title", "body", "outlet", "author", "url", "path", "published_at", "format", "language", "content_hash", "ingested_at"],
            article.title, article.body, article.outlet, article.author, article.url, article.path,
            article.publishedAt, article.format, article.language, article.contentHash, ingestedAt)
        try database.insert(into: "article_fingerprints", ["band", "value", "article_id"],
                            rows: article.fingerprint.enumerated().map { [$0.offset, $0.element, id] }, ending: "ON CONFLICT DO NOTHING")
        return id
    }

    /// The event's place row: the first part of the written place that the article names as a place.
    private func placeID(of event: EventRecord, placeIDs: [String: Int64]) -> Int64? {
        event.place.flatMap { written in
            written.split(separator: ",").lazy.compactMap { placeIDs[$0.trimmingCharacters(in: .whitespaces)] }.first
        }
    }

    /// The id the next article written will get.
    public func nextArticleID() throws -> Int64 {
        try database.integer("SELECT coalesce(max(id), 0) + 1 FROM source_articles") ?? 1
    }

    /// Gives this connection a page cache of `megabytes`: lookups all over a large archive read
    /// its indexes again and again (SQLite's default is 2 MB).
    public func usePageCache(megabytes: Int) throws {
        // A server keeps its own cache.
        guard database.dialect.engine == .sqlite else { return }
        try database.execute("PRAGMA cache_size = -\(megabytes * 1024)")
    }

    /// Keeps this connection's statement journals in memory. SQLite copies every page a statement
    /// changes into one, in case the statement fails half-way, and writes it to a temporary file
    /// past 64 KiB: on a 10,000-article ingest that was 1.05 million of its 1.24 million writes
    /// to disk. Each journal lives for one statement, so the memory comes back at once.
    public func keepStatementJournalsInMemory() throws {
        guard database.dialect.engine == .sqlite else { return }
        try database.execute("PRAGMA temp_store = MEMORY")
    }

    /// Has a server engine gather its statistics of every table again, outside any transaction.
    /// It plans a prepared statement for the tables as they are, and keeps the plan until then:
    /// a plan made when a table held a few rows reads the whole table, however large it grows.
    /// (SQLite plans each statement on its own schema and indexes.)
    public func refreshStatistics() throws {
        guard database.dialect.engine == .postgres else { return }
        try database.execute("ANALYZE")
    }

    /// A number that changes whenever another connection commits to the archive: what a caller
    /// knows of the rows may then be out of date.
    public func dataVersion() throws -> Int64? {
        try database.connection.dataVersion()
    }
}
