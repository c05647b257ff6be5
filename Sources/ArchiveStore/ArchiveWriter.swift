import Foundation

/// Writes articles and what was extracted from them, linking every fact to canonical rows.
///
/// Every statement is prepared once per connection and reused. `write` must run inside a
/// transaction (the ingest batches many articles in one). With `isolatesArticles`, each article is
/// written inside a savepoint, so a failure leaves nothing of that article behind and the rest of
/// the batch intact.
public final class ArchiveWriter {
    public let database: Database
    /// Whether each article is written in a savepoint of its own. Savepoints are not free: FTS5
    /// writes its pending index data out at each one, so a batch written without them (and, should
    /// an article fail, rolled back and written again with them) is much faster.
    public var isolatesArticles = true
    /// Rows read and written before, kept so as not to ask SQLite again (see `forgetRememberedRows`).
    let remembered = RememberedRows()

    public enum Outcome: Sendable, Equatable {
        case inserted(articleID: Int64)
        /// The same text was already stored, under this id; nothing was written.
        case duplicate(articleID: Int64)
    }

    public init(database: Database) {
        self.database = database
    }

    /// The id of the stored article with this content hash, if any: lets the ingest skip extraction.
    public func articleID(contentHash: String) throws -> Int64? {
        try database.integer("""
            SELECT id FROM source_articles WHERE content_hash = ?
            UNION ALL SELECT article_id FROM article_copies WHERE content_hash = ?
            """, contentHash, contentHash)
    }

    /// Writes an article with its people, organizations, places, quotes and its report of what
    /// happened. Which event it belongs to is decided afterwards, by grouping.
    public func write(_ bundle: ArticleBundle, ingestedAt: String) throws -> Outcome {
        if let existing = try articleID(contentHash: bundle.article.contentHash) {
            return .duplicate(articleID: existing)
        }
        try forgetRememberedRowsIfOthersWrote()
        do {
            return try writeNew(bundle, ingestedAt: ingestedAt)
        } catch {
            // Whatever was written of it is rolled back (here, or with the caller's transaction).
            remembered.forget()
            throw error
        }
    }

    private func writeNew(_ bundle: ArticleBundle, ingestedAt: String) throws -> Outcome {
        try isolated("article") {
            let articleID = try insertArticle(bundle.article, ingestedAt: ingestedAt)
            var personIDs: [String: Int64] = [:]
            for person in bundle.people {
                let id = try personID(for: person)
                personIDs[person.name] = id
                try addAliases(person.aliases + [person.name], table: "person_aliases", column: "person_id", id: id)
                try database.run("""
                    INSERT INTO article_people (article_id, person_id, mention_count, first_offset, role)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (article_id, person_id) DO UPDATE SET
                        mention_count = mention_count + excluded.mention_count,
                        first_offset = coalesce(min(first_offset, excluded.first_offset), first_offset, excluded.first_offset),
                        role = coalesce(role, excluded.role)
                    """, articleID, id, person.mentionCount, person.firstOffset, person.role)
            }
            var organizationIDs: [String: Int64] = [:]
            for organization in bundle.organizations {
                let id = try entityID(for: organization, table: "organizations", aliasTable: "organization_aliases",
                                      column: "organization_id")
                organizationIDs[organization.name] = id
                try link(articleID, id, organization, table: "article_organizations", column: "organization_id")
            }
            var placeIDs: [String: Int64] = [:]
            for place in bundle.places {
                let id = try entityID(for: place, table: "places", aliasTable: "place_aliases", column: "place_id")
                for alias in place.aliases + [place.name] { placeIDs[alias] = id }
                try link(articleID, id, place, table: "article_places", column: "place_id")
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
            return .inserted(articleID: articleID)
        }
    }

    /// Makes the articles and quotes written from now on in this transaction wait for
    /// `indexDeferredText`, which indexes them all at once for full-text search: row by row, FTS5
    /// writes its index out at every statement. Inside a transaction only.
    public func deferTextIndexing() throws {
        try database.run("""
            INSERT INTO fts_deferred (articles_from, quotes_from)
            SELECT (SELECT coalesce(max(id), 0) + 1 FROM source_articles), (SELECT coalesce(max(id), 0) + 1 FROM quotes)
            """)
    }

    /// Indexes what was written since `deferTextIndexing`, and ends the deferral.
    public func indexDeferredText() throws {
        try database.run("""
            INSERT INTO source_articles_fts (rowid, title, body)
            SELECT id, title, body FROM source_articles WHERE id >= (SELECT articles_from FROM fts_deferred)
            """)
        try database.run("INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE id >= (SELECT quotes_from FROM fts_deferred)")
        try database.run("DELETE FROM fts_deferred")
    }

    /// `body` in a savepoint when articles are isolated, as it is otherwise.
    public func isolated<T>(_ name: String, _ body: () throws -> T) throws -> T {
        isolatesArticles ? try database.inSavepoint(name, body) : try body()
    }

    /// A quote already carried by another article becomes one more report of it: the longest
    /// form is kept, and a speaker is added when the first report had none.
    private func store(_ quote: QuoteRecord, articleID: Int64, personID: Int64?) throws {
        let key = MatchKey.quote(quote.text)
        let existing = key.isEmpty ? nil : try database.rows("SELECT id, length(text) FROM quotes WHERE match_key = ? LIMIT 1", [key]).first
        let quoteID: Int64
        if let existing, let id = existing.int(0) {
            quoteID = id
            if quote.text.count > Int(existing.int(1) ?? 0) {
                try database.run("UPDATE quotes SET text = ?, article_id = ?, start_offset = ?, end_offset = ? WHERE id = ?",
                                 quote.text, articleID, quote.startOffset, quote.endOffset, id)
            }
            if let personID {
                try database.run("""
                    UPDATE quotes SET person_id = ?, speaker_as_written = coalesce(speaker_as_written, ?), cue = coalesce(cue, ?)
                    WHERE id = ? AND person_id IS NULL
                    """, personID, quote.speakerAsWritten, quote.cue, id)
            }
        } else {
            try database.run("""
                INSERT INTO quotes (article_id, person_id, speaker_as_written, cue, text, start_offset, end_offset, match_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, articleID, personID, quote.speakerAsWritten, quote.cue, quote.text, quote.startOffset, quote.endOffset, key)
            quoteID = database.lastInsertedRowID
        }
        try database.run("""
            INSERT OR IGNORE INTO quote_articles (quote_id, article_id, start_offset, end_offset) VALUES (?, ?, ?, ?)
            """, quoteID, articleID, quote.startOffset, quote.endOffset)
    }

    private func insertArticle(_ article: ArticleRecord, ingestedAt: String) throws -> Int64 {
        try database.run("""
            INSERT INTO source_articles
                (title, body, outlet, author, url, path, published_at, format, language, content_hash, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, article.title, article.body, article.outlet, article.author, article.url, article.path,
            article.publishedAt, article.format, article.language, article.contentHash, ingestedAt)
        let id = database.lastInsertedRowID
        for (band, value) in article.fingerprint.enumerated() {
            try database.run("INSERT OR IGNORE INTO article_fingerprints (band, value, article_id) VALUES (?, ?, ?)", band, value, id)
        }
        return id
    }

    /// The id the next article written will get.
    public func nextArticleID() throws -> Int64 {
        try database.integer("SELECT coalesce(max(id), 0) + 1 FROM source_articles") ?? 1
    }

    /// Gives this connection a page cache of `megabytes`: lookups all over a large archive read
    /// its indexes again and again (SQLite's default is 2 MB).
    public func usePageCache(megabytes: Int) throws {
        try database.execute("PRAGMA cache_size = -\(megabytes * 1024)")
    }

    /// The stored articles (from id `firstID` on) that share the most fingerprint bands with these,
    /// at least two, most first, with their bodies for the caller to confirm.
    public func nearCopies(of fingerprint: [Int64], from firstID: Int64 = 0, limit: Int = 5) throws -> [(id: Int64, body: String)] {
        guard !fingerprint.isEmpty else { return [] }
        let lookups = fingerprint.indices.map { _ in
            "SELECT article_id FROM article_fingerprints WHERE band = ? AND value = ? AND article_id >= ?"
        }
        let values: [DatabaseValueConvertible?] = fingerprint.enumerated().flatMap {
            [$0.offset, $0.element, firstID] as [DatabaseValueConvertible?]
        }
        // Two bands in common, not one: a true near-copy shares about half of them, a text that
        // merely overlaps in part rarely two, and confirming each candidate costs a full comparison.
        let rows = try database.rows("""
            SELECT a.id, a.body FROM (
                SELECT article_id, count(*) AS shared FROM (\(lookups.joined(separator: " UNION ALL ")))
                GROUP BY article_id HAVING count(*) >= 2
                ORDER BY shared DESC, article_id LIMIT ?) AS c
            JOIN source_articles AS a ON a.id = c.article_id
            ORDER BY c.shared DESC, a.id
            """, values + [limit])
        return rows.compactMap { row in row.int(0).flatMap { id in row.string(1).map { (id, $0) } } }
    }

    /// Records another outlet's copy of a stored article: its metadata only, the text is the article's.
    public func addCopy(of articleID: Int64, _ copy: ArticleRecord, ingestedAt: String) throws {
        try database.run("""
            INSERT OR IGNORE INTO article_copies (article_id, title, outlet, author, url, path, published_at, content_hash, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, articleID, copy.title, copy.outlet, copy.author, copy.url, copy.path, copy.publishedAt, copy.contentHash, ingestedAt)
    }

    /// The canonical person for a name in an article. A full name is its own key; a spelling
    /// variant of a stored full name ("Kirill Dmitryev" for "Kirill Dmitriev") joins it; a lone
    /// surname ("Putin", "Vitkoff") joins the one stored person with that surname. When two stored
    /// people could match, the name is kept apart rather than merged wrongly.
    private func personID(for person: EntityRecord) throws -> Int64 {
        let key = MatchKey.make(person.name)
        let surname = MatchKey.surname(person.name)
        if let merged = try mergedID(kind: "person", table: "people", keys: [key] + person.aliases.map { MatchKey.make($0) }) {
            return merged
        }
        if let existing = try database.integer("SELECT id FROM people WHERE key = ?", key) {
            if let role = person.role {
                try database.run("UPDATE people SET role = ? WHERE id = ? AND role IS NULL", role, existing)
            }
            return existing
        }
        let given = key.split(separator: " ").dropLast().first.map(String.init)
        let candidates = try database.rows("SELECT id, key FROM people WHERE surname_key = ? LIMIT 3", [surname])
        let compatible = candidates.filter { row in
            guard let other = row.string(1) else { return false }
            let otherGiven = other.split(separator: " ").dropLast().first.map(String.init)
            // A lone surname fits anyone; two given names must agree, or one be the other's initial.
            guard let given, let otherGiven else { return true }
            return given == otherGiven || given.hasPrefix(otherGiven.prefix(1)) && (given.count == 1 || otherGiven.count == 1)
        }
        if compatible.count == 1, let id = compatible[0].int(0) {
            // A fuller name replaces a lone surname as the display name.
            if given != nil {
                try database.run("""
                    UPDATE people SET name = ?, key = ? WHERE id = ? AND instr(key, ' ') = 0
                    AND NOT EXISTS (SELECT 1 FROM people WHERE key = ?)
                    """, person.name, key, id, key)
            }
            return id
        }
        try database.run("INSERT INTO people (name, key, surname_key, role) VALUES (?, ?, ?, ?)",
                         person.name, key, surname, person.role)
        return database.lastInsertedRowID
    }

    /// The canonical organization or place: by its key, or by any alias already known ('RDIF', 'Kiev').
    private func entityID(for entity: EntityRecord, table: String, aliasTable: String, column: String) throws -> Int64 {
        let key = MatchKey.make(entity.name)
        let id: Int64
        if let merged = try mergedID(kind: table == "places" ? "place" : "organization", table: table,
                                     keys: [key] + entity.aliases.map { MatchKey.make($0) }) {
            id = merged
        } else if let existing = try database.integer("SELECT id FROM \(table) WHERE key = ?", key) {
            id = existing
        } else if let known = try entity.aliases.lazy.compactMap({
            try self.database.integer("SELECT \(column) FROM \(aliasTable) WHERE key = ? LIMIT 1", MatchKey.make($0))
        }).first {
            id = known
        } else {
            try database.run("INSERT INTO \(table) (name, key) VALUES (?, ?)", entity.name, key)
            id = database.lastInsertedRowID
        }
        try addAliases(entity.aliases + [entity.name], table: aliasTable, column: column, id: id)
        return id
    }

    /// The entity a name was merged into by hand (`archive merge`), if it was.
    private func mergedID(kind: String, table: String, keys: [String]) throws -> Int64? {
        if remembered.hasMerges == nil {
            remembered.hasMerges = try database.integer("SELECT EXISTS (SELECT 1 FROM merges)") == 1
        }
        guard remembered.hasMerges == true else { return nil }
        var seen: Set<String> = []
        for key in keys where seen.insert(key).inserted {
            if let id = try database.integer("""
                SELECT m.into_id FROM merges AS m WHERE m.kind = ? AND m.from_key = ?
                AND EXISTS (SELECT 1 FROM \(table) WHERE id = m.into_id)
                """, kind, key) {
                return id
            }
        }
        return nil
    }

    private func addAliases(_ aliases: [String], table: String, column: String, id: Int64) throws {
        // In the order given (the name first), not a Set's: two spellings with one key ("RSPCA",
        // "Rspca") keep the same one on every run.
        var seen: Set<String> = []
        for alias in aliases where seen.insert(alias).inserted && remembered.isNew(.init(table: table, id: id, alias: alias)) {
            try database.run("INSERT INTO \(table) (\(column), alias, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                             id, alias, MatchKey.make(alias))
        }
    }

    private func link(_ articleID: Int64, _ id: Int64, _ entity: EntityRecord, table: String, column: String) throws {
        try database.run("""
            INSERT INTO \(table) (article_id, \(column), mention_count, first_offset) VALUES (?, ?, ?, ?)
            ON CONFLICT (article_id, \(column)) DO UPDATE SET
                mention_count = mention_count + excluded.mention_count,
                first_offset = coalesce(min(first_offset, excluded.first_offset), first_offset, excluded.first_offset)
            """, articleID, id, entity.mentionCount, entity.firstOffset)
    }

    /// The event's place row: the first part of the written place that the article names as a place.
    private func placeID(of event: EventRecord, placeIDs: [String: Int64]) -> Int64? {
        event.place.flatMap { written in
            written.split(separator: ",").lazy.compactMap { placeIDs[$0.trimmingCharacters(in: .whitespaces)] }.first
        }
    }

    /// Drops every row the writer remembers. Call it after rolling back a transaction or
    /// savepoint it wrote in: the rows are gone, and their ids will be given again.
    public func forgetRememberedRows() {
        remembered.forget()
    }

    /// Another connection that wrote to the file (a second ingest between two of this one's
    /// batches, `archive merge`) may have changed what is remembered.
    func forgetRememberedRowsIfOthersWrote() throws {
        let version = try database.integer("PRAGMA data_version")
        if version != remembered.dataVersion {
            remembered.forget()
            remembered.dataVersion = version
        }
    }
}
