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

    public func write(_ bundle: ArticleBundle, ingestedAt: String) throws -> Outcome {
        try write(bundle, ingestedAt: ingestedAt) { _ in nil }
    }

    /// Writes an article; once it and its people, organizations and places are stored, `eventToJoin`
    /// is given its id and names the stored event it reports, if any. The article joins that
    /// event (lending it a date or place it lacks) or, when there is none, starts its own.
    public func write(_ bundle: ArticleBundle, ingestedAt: String, eventToJoin: (Int64) throws -> Int64?) throws -> Outcome {
        if let existing = try articleID(contentHash: bundle.article.contentHash) {
            return .duplicate(articleID: existing)
        }
        try forgetRememberedRowsIfOthersWrote()
        do {
            return try writeNew(bundle, ingestedAt: ingestedAt, eventToJoin: eventToJoin)
        } catch {
            // Whatever was written of it is rolled back (here, or with the caller's transaction).
            remembered.forget()
            throw error
        }
    }

    private func writeNew(_ bundle: ArticleBundle, ingestedAt: String, eventToJoin: (Int64) throws -> Int64?) throws -> Outcome {
        try isolated("article") {
            let articleID = try insertArticle(bundle.article, ingestedAt: ingestedAt)
            if let day = bundle.event?.occurredOn {
                try database.run("INSERT INTO article_days (article_id, occurred_on) VALUES (?, ?)", articleID, day)
            }
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
                remembered.recentByPerson.add(articleID, to: id)
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
                let eventID: Int64
                let joined = try eventToJoin(articleID)
                if let joined {
                    try join(joined, event, placeIDs: placeIDs, seenAt: ingestedAt)
                    eventID = joined
                } else {
                    eventID = try insertEvent(event, placeIDs: placeIDs, seenAt: ingestedAt)
                }
                remembered.events.add(article: articleID, event: eventID, day: event.occurredOn, isNew: eventID != joined)
                try database.run("INSERT OR IGNORE INTO article_events (article_id, event_id) VALUES (?, ?)", articleID, eventID)
                try linkToEvent(eventID, personIDs, participants: Set(event.participants), table: "event_people", column: "person_id")
                try linkToEvent(eventID, organizationIDs, participants: Set(event.participatingOrganizations),
                                table: "event_organizations", column: "organization_id")
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

    /// Links an article's people or organizations to its event; taking part outranks being mentioned.
    private func linkToEvent(_ eventID: Int64, _ ids: [String: Int64], participants: Set<String>, table: String, column: String) throws {
        for (name, id) in ids {
            try database.run("""
                INSERT INTO \(table) (event_id, \(column), role) VALUES (?, ?, ?)
                ON CONFLICT (event_id, \(column)) DO UPDATE SET
                    role = CASE WHEN excluded.role = 'participant' THEN 'participant' ELSE role END
                """, eventID, id, participants.contains(name) ? "participant" : "mentioned")
        }
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

    private func insertEvent(_ event: EventRecord, placeIDs: [String: Int64], seenAt: String) throws -> Int64 {
        let placeID = placeID(of: event, placeIDs: placeIDs)
        try database.run("""
            INSERT INTO events (title, occurred_on, date_precision, date_source, place_id, place, summary, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, event.title, event.occurredOn, event.datePrecision, event.dateSource, placeID, event.place,
            event.summary, seenAt, seenAt)
        return database.lastInsertedRowID
    }

    /// Adds an article's event to a stored one that reports the same happening: the stored event
    /// keeps its title, and takes the article's date and place only where it has none.
    private func join(_ target: Int64, _ event: EventRecord, placeIDs: [String: Int64], seenAt: String) throws {
        // Only when something changes: rewriting a row (and its index entries) with the same values costs as much.
        try database.run("""
            UPDATE events SET
                occurred_on = coalesce(occurred_on, ?1), date_precision = coalesce(date_precision, ?2),
                date_source = coalesce(date_source, ?3), place_id = coalesce(place_id, ?4), place = coalesce(place, ?5)
            WHERE id = ?6 AND (occurred_on IS NULL AND ?1 IS NOT NULL OR date_precision IS NULL AND ?2 IS NOT NULL
                OR date_source IS NULL AND ?3 IS NOT NULL OR place_id IS NULL AND ?4 IS NOT NULL OR place IS NULL AND ?5 IS NOT NULL)
            """, event.occurredOn, event.datePrecision, event.dateSource, placeID(of: event, placeIDs: placeIDs), event.place, target)
        try database.run("""
            UPDATE events SET first_seen = min(first_seen, ?1), last_seen = max(last_seen, ?1)
            WHERE id = ?2 AND (first_seen > ?1 OR last_seen < ?1)
            """, seenAt, target)
    }
}
