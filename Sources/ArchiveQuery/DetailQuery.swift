import ArchiveGrouping
import ArchiveStore

/// `archive show`: everything the archive holds about one event, person or article, as a few
/// titled tables.
public struct DetailQuery {
    public enum Subject: String, Sendable, CaseIterable {
        case event, person, article
    }

    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
    }

    public func sections(_ subject: Subject, _ key: String) throws -> [(String, ResultTable)] {
        switch subject {
        case .event: return try event(try id(key, what: "event"))
        case .article: return try article(try id(key, what: "article"))
        case .person: return try person(try personID(key))
        }
    }

    private func id(_ key: String, what: String) throws -> Int64 {
        guard let id = Int64(key) else { throw NotFound(description: "\(what) ids are numbers; \"\(key)\" is not one") }
        return id
    }

    private var queries: DetailQueries { DetailQueries(dialect: database.dialect) }

    private func table(_ query: BuiltQuery) throws -> ResultTable {
        try QueryRunner(database: database).run(query)
    }

    private func event(_ id: Int64) throws -> [(String, ResultTable)] {
        let summary = try table(queries.event(id))
        guard !summary.rows.isEmpty else { throw NotFound(description: "no event \(id) in \(database.path)") }
        return [
            ("Event", summary),
            ("Taking part", try table(queries.eventParticipants(id))),
            ("Articles", try table(queries.eventArticles(id))),
            ("Why these articles are one event", try explanation(of: id)),
            ("Quotes", try table(queries.eventQuotes(id))),
        ]
    }

    /// For each article of the event: its average similarity to the others (an unlinked pair counts
    /// 0, as when the event was formed), how many of them it is linked to, and the words it shares.
    private func explanation(of event: Int64) throws -> ResultTable {
        let query = queries.eventLinks(event, length: ReportSignature.leadLength)
        let rows = try database.rows(query.sql, query.parameters)
        let articles = rows.compactMap { row in
            row.int(0).map { EventExplanation.Article(id: $0, title: row.string(1) ?? "", body: row.string(2) ?? "") }
        }
        let shared = EventExplanation.sharedWords(articles)
        let others = Double(max(rows.count - 1, 1))
        return ResultTable(columns: ["article_id", "similarity", "linked_to", "shared_words", "by_hand"], rows: rows.compactMap { row in
            guard let id = row.int(0) else { return nil }
            let similarity = rows.count > 1 ? ((row.double(3) ?? 0) / others * 1000).rounded() / 1000 : nil
            // Manual corrections (`archive merge event`, `unmerge event`) override the similarities.
            var byHand: [String] = []
            if (row.double(5) ?? 0) > 0 { byHand.append("merged") }
            if let apart = row.int(6), apart > 0 { byHand.append("kept apart from \(apart)") }
            return [.integer(id), similarity.map { .real($0) } ?? .null, .integer(row.int(4) ?? 0), .list(shared[id] ?? []),
                    byHand.isEmpty ? .null : .text(byHand.joined(separator: "; "))]
        })
    }

    /// The person a name denotes, as `archive merge` finds them: the same look-up, one place.
    private func personID(_ name: String) throws -> Int64 {
        try EntityCorrections(database: database).id(.person, named: name)
    }

    private func person(_ id: Int64) throws -> [(String, ResultTable)] {
        [
            ("Person", try table(queries.person(id))),
            ("Events", try table(queries.personEvents(id))),
            ("Quotes", try table(queries.personQuotes(id))),
            ("Most often named with", try table(queries.personCompany(id))),
        ]
    }

    private func article(_ id: Int64) throws -> [(String, ResultTable)] {
        let summary = try table(queries.article(id))
        guard !summary.rows.isEmpty else { throw NotFound(description: "no article \(id) in \(database.path)") }
        return [
            ("Article", summary),
            ("Also run by", try table(queries.articleCopies(id))),
            ("Named", try table(queries.articleNames(id))),
            ("Quotes", try table(queries.articleQuotes(id))),
        ]
    }
}
