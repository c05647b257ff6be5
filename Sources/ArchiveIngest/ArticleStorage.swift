import ArchiveStore
import ArchiveValues

/// Stores one extracted article: skips a text already stored, decides who its names are
/// (`EntityIdentity`), and has the writer write the rows, all in the article's own savepoint
/// when the writer isolates articles.
public struct ArticleStorage {
    public let writer: ArchiveWriter
    /// Rows known stored, kept across articles; dropped on any doubt.
    let known = KnownRows()

    public enum Outcome: Sendable, Equatable {
        case inserted(articleID: Int64)
        /// The same text was already stored, under this id; nothing was written.
        case duplicate(articleID: Int64)
    }

    public init(writer: ArchiveWriter) {
        self.writer = writer
    }

    /// Must run inside a transaction. `isNew`: the caller has made sure no article or copy with
    /// this text is stored (one question for a whole chunk instead of one per article).
    public func store(_ bundle: ArticleBundle, ingestedAt: String, isNew: Bool = false) throws -> Outcome {
        if !isNew, let existing = try writer.articleID(contentHash: bundle.article.contentHash) {
            return .duplicate(articleID: existing)
        }
        try checkDataVersion()
        do {
            return .inserted(articleID: try writer.isolated("article") {
                let entities = try EntityIdentity(writer: writer, known: known).entities(of: bundle)
                return try writer.insert(bundle, entities: entities, ingestedAt: ingestedAt)
            })
        } catch {
            // Whatever was written of it is rolled back (here, or with the caller's transaction).
            known.forget()
            throw error
        }
    }

    /// Asks at once what the names and quotes of a chunk's articles may need to know of the
    /// stored rows, so that storing them one by one waits for no answer (`StoredEntities`). Must
    /// run in the chunk's transaction, before its articles are stored; `finishChunk` after.
    /// True when another connection has written since this one last looked.
    @discardableResult
    public func prepare(for bundles: [ArticleBundle]) throws -> Bool {
        let othersWrote = try checkDataVersion()
        let entities = StoredEntities(writer: writer)
        try entities.load(keys: [
            .person: Set(bundles.flatMap { EntityIdentity.keys(of: $0.people) }),
            .organization: Set(bundles.flatMap { EntityIdentity.keys(of: $0.organizations) }),
            .place: Set(bundles.flatMap { EntityIdentity.keys(of: $0.places) }),
        ])
        try entities.load(surnames: bundles.reduce(into: Set<String>()) { $0.formUnion(try EntityIdentity.surnamesToAsk($1.people, entities)) })
        try entities.load(.organization, spellings: Set(bundles.flatMap { $0.organizations.flatMap(\.aliases).map(MatchKey.make) }))
        try entities.load(.place, spellings: Set(bundles.flatMap { $0.places.flatMap(\.aliases).map(MatchKey.make) }))
        known.entities = entities
        try writer.prepareQuotes(bundles.flatMap(\.quotes))
        return othersWrote
    }

    /// Drops what `prepare` asked: after the chunk, others may write.
    public func finishChunk() {
        known.entities = nil
        writer.forgetPreparedQuotes()
    }

    /// Forgets what is known of the stored rows: after a rollback.
    public func forgetKnownRows() {
        known.forget()
    }

    /// Forgets what is known when another connection wrote (a second ingest, `archive merge`);
    /// true then.
    @discardableResult
    private func checkDataVersion() throws -> Bool {
        let version = try writer.dataVersion()
        guard version != known.dataVersion else { return false }
        known.forget()
        known.dataVersion = version
        return true
    }

    /// Before a stored article's near-copy is stored in its place (see `ArchiveWriter.forgetSpellings`).
    public func forgetSpellings(of article: Int64) throws {
        try writer.forgetSpellings(of: article)
        known.forget()
    }

    /// Makes a stored article a copy of one just stored (see `ArchiveWriter.demote`).
    public func demote(_ article: Int64, toCopyOf original: Int64) throws {
        try writer.demote(article, toCopyOf: original)
        // Ids of the rows it deleted may be given again.
        known.forget()
    }
}
