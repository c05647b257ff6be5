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

    public init(database: Database) {
        self.database = database
    }

    /// Writes an article with its links to `entities` (the rows its people, organizations and
    /// places are, in the bundle's order), its quotes and its report of what happened. Which
    /// event it belongs to is decided afterwards, by grouping. Returns the article's id.
    public func insert(_ bundle: ArticleBundle, entities: ArticleEntities, ingestedAt: String) throws -> Int64 {
        let articleID = try insertArticle(bundle.article, ingestedAt: ingestedAt)
        var personIDs: [String: Int64] = [:]
        for (person, id) in zip(bundle.people, entities.people) {
            personIDs[person.name] = id
            try database.run("""
                INSERT INTO article_people AS t (article_id, person_id, mention_count, first_offset, role)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (article_id, person_id) DO UPDATE SET
                    mention_count = t.mention_count + excluded.mention_count,
                    first_offset = coalesce(\(database.dialect.least("t.first_offset", "excluded.first_offset")), t.first_offset,
                                            excluded.first_offset),
                    role = coalesce(t.role, excluded.role)
                """, articleID, id, person.mentionCount, person.firstOffset, person.role)
        }
        var organizationIDs: [String: Int64] = [:]
        for (organization, id) in zip(bundle.organizations, entities.organizations) {
            organizationIDs[organization.name] = id
            try link(articleID, id, organization, .organization)
        }
        var placeIDs: [String: Int64] = [:]
        for (place, id) in zip(bundle.places, entities.places) {
            for alias in place.aliases + [place.name] { placeIDs[alias] = id }
            try link(articleID, id, place, .place)
        }
        for quote in bundle.quotes {
            try store(quote, articleID: articleID, personID: quote.speaker.flatMap { personIDs[$0] })
        }
        if let event = bundle.event {
            try database.run("""
                INSERT INTO article_reports (article_id, title, occurred_on, date_precision, date_source, place_id, place, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, articleID, event.title, event.occurredOn, event.datePrecision, event.dateSource,
                placeID(of: event, placeIDs: placeIDs), event.place, event.summary)
            for name in Set(event.participants) {
                guard let id = personIDs[name] else { continue }
                try database.run("UPDATE article_people SET takes_part = 1 WHERE article_id = ? AND person_id = ?", articleID, id)
            }
            for name in Set(event.participatingOrganizations) {
                guard let id = organizationIDs[name] else { continue }
                try database.run("UPDATE article_organizations SET takes_part = 1 WHERE article_id = ? AND organization_id = ?",
                                 articleID, id)
            }
        }
        return articleID
    }

    /// `body` in a savepoint when articles are isolated, as it is otherwise.
    public func isolated<T>(_ name: String, _ body: () throws -> T) throws -> T {
        isolatesArticles ? try database.inSavepoint(name, body) : try body()
    }

    private func insertArticle(_ article: ArticleRecord, ingestedAt: String) throws -> Int64 {
        let id = try database.insert("""
            INSERT INTO source_articles
                (title, body, outlet, author, url, path, published_at, format, language, content_hash, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, article.title, article.body, article.outlet, article.author, article.url, article.path,
            article.publishedAt, article.format, article.language, article.contentHash, ingestedAt)
        try database.insert(into: "article_fingerprints", ["band", "value", "article_id"],
                            rows: article.fingerprint.enumerated().map { [$0.offset, $0.element, id] }, ending: "ON CONFLICT DO NOTHING")
        return id
    }

    private func link(_ articleID: Int64, _ id: Int64, _ entity: EntityRecord, _ kind: EntityTable) throws {
        try database.run("""
            INSERT INTO \(kind.linkTable) AS t (article_id, \(kind.column), mention_count, first_offset) VALUES (?, ?, ?, ?)
            ON CONFLICT (article_id, \(kind.column)) DO UPDATE SET
                mention_count = t.mention_count + excluded.mention_count,
                first_offset = coalesce(\(database.dialect.least("t.first_offset", "excluded.first_offset")), t.first_offset,
                                        excluded.first_offset)
            """, articleID, id, entity.mentionCount, entity.firstOffset)
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

    /// A number that changes whenever another connection commits to the archive: what a caller
    /// knows of the rows may then be out of date.
    public func dataVersion() throws -> Int64? {
        try database.connection.dataVersion()
    }
}
