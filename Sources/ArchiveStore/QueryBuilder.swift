import ArchiveValues
import Foundation

/// Turns filters into one parameterized SELECT. Every value the user gives is a bound parameter;
/// only fixed SQL text is ever concatenated. Names match a canonical name, any alias, or a surname,
/// on the same folded key the store writes (`MatchKey`).
public struct QueryBuilder: Sendable {
    public var filter: QueryFilter
    public var target: QueryTarget
    public var limit: Int
    public var offset: Int
    /// Pass the full-text expression to FTS5 as written instead of escaping it.
    public var rawText: Bool
    /// The engine the query is written for (set by `QueryRunner` to its archive's).
    public var dialect: SQLDialect = .sqlite

    /// Separates the items of list columns inside one SQL value (ASCII record separator).
    public static let listSeparator = "\u{1E}"
    public static let listSeparatorCharacter: Character = "\u{1E}"
    /// Columns whose values are lists.
    public static let listColumns: Set<String> = ["participants", "articles", "aliases", "roles"]

    public init(filter: QueryFilter, target: QueryTarget, limit: Int = 50, offset: Int = 0, rawText: Bool = false) {
        self.filter = filter
        self.target = target
        self.limit = limit
        self.offset = offset
        self.rawText = rawText
    }

    public func build() throws -> BuiltQuery {
        var conditions = Conditions()
        let select: String
        var pagedInside = false
        switch target {
        case .events:
            try eventConditions(&conditions)
            let participants = dialect.list("name", from: """
                SELECT p.name AS name FROM event_people AS ep JOIN people AS p ON p.id = ep.person_id
                WHERE ep.event_id = e.id AND ep.role = 'participant'
                """, orderedBy: "name", separator: separator)
            let articles = dialect.list("line", from: """
                SELECT a.title || coalesce(' (' || a.outlet || ')', '') AS line, a.published_at AS published_at, a.id AS id
                FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id WHERE ae.event_id = e.id
                """, orderedBy: "published_at NULLS FIRST, id", separator: separator)
            select = """
                SELECT e.id AS id, e.occurred_on AS date, e.title AS title, coalesce(e.place, pl.name) AS place,
                    \(participants) AS participants,
                    \(articles) AS articles,
                    (SELECT count(*) FROM article_events AS ae WHERE ae.event_id = e.id) AS article_count
                FROM (SELECT e.id FROM events AS e
                    \(conditions.whereClause)
                    ORDER BY e.occurred_on DESC NULLS LAST, e.id DESC
                    LIMIT ? OFFSET ?) AS page
                JOIN events AS e ON e.id = page.id
                LEFT JOIN places AS pl ON pl.id = e.place_id
                ORDER BY e.occurred_on DESC NULLS LAST, e.id DESC
                """
            // The page is chosen first, so the list columns are computed for its rows alone.
            pagedInside = true
        case .articles:
            // Other outlets' copies of an article (wire stories) are listed too, each under its own
            // outlet, with copy_of naming the stored article whose text they share. Each arm of the
            // union gets the conditions itself, so both are answered from indexes.
            var shared = self
            shared.filter.outlet = nil
            var copies = Conditions()
            try shared.articleConditions(&conditions, articleID: "a.id", includeText: true)
            try shared.articleConditions(&copies, articleID: "c.article_id", includeText: true)
            if let outlet = filter.outlet {
                conditions.add(dialect.equalsIgnoringCase("a.outlet"), [.text(outlet)])
                copies.add(dialect.equalsIgnoringCase("c.outlet"), [.text(outlet)])
            }
            select = """
                SELECT id, published_at, title, outlet, author, path, url, event_id, copy_of FROM (
                SELECT a.id AS id, a.published_at AS published_at, a.title AS title, a.outlet AS outlet,
                    a.author AS author, a.path AS path, a.url AS url,
                    (SELECT min(ae.event_id) FROM article_events AS ae WHERE ae.article_id = a.id) AS event_id,
                    NULL AS copy_of, a.id AS sort_article
                FROM source_articles AS a
                \(conditions.whereClause)
                UNION ALL
                SELECT NULL, c.published_at, c.title, c.outlet, c.author, c.path, c.url,
                    (SELECT min(ae.event_id) FROM article_events AS ae WHERE ae.article_id = c.article_id),
                    c.article_id, c.article_id
                FROM article_copies AS c
                \(copies.whereClause)) AS listed
                ORDER BY published_at DESC NULLS LAST, sort_article DESC, copy_of NULLS FIRST
                """
            conditions.parameters += copies.parameters
        case .quotes:
            for name in filter.people {
                conditions.add("q.person_id IN (\(Self.personIDs))", Self.personParameters(name))
            }
            // A quote matches when any article carrying it does.
            var articleFilter = self
            articleFilter.filter.people = []
            var carried = Conditions()
            try articleFilter.articleConditions(&carried, articleID: "qa.article_id", includeText: false)
            if !carried.clauses.isEmpty {
                conditions.add("q.id IN (SELECT qa.quote_id FROM quote_articles AS qa \(carried.whereClause))", carried.parameters)
            }
            if let text = filter.text {
                conditions.add("q.id IN (\(dialect.quotesMatching))", [.text(try matchExpression(text))])
            }
            select = """
                SELECT q.id AS id, coalesce(p.name, q.speaker_as_written) AS speaker, q.text AS quote, q.cue AS cue,
                    a.id AS article_id, a.title AS article, a.outlet AS outlet, a.published_at AS published_at,
                    q.start_offset AS start, q.end_offset AS "end",
                    (SELECT count(*) FROM quote_articles AS qa WHERE qa.quote_id = q.id) AS article_count
                FROM quotes AS q
                JOIN source_articles AS a ON a.id = q.article_id
                LEFT JOIN people AS p ON p.id = q.person_id
                \(conditions.whereClause)
                ORDER BY a.published_at DESC NULLS LAST, a.id DESC, q.start_offset
                """
        case .people:
            select = try entityQuery(table: "people", aliasTable: "person_aliases", linkTable: "article_people",
                                     column: "person_id", extraColumns: "t.role AS role, ", conditions: &conditions,
                                     own: filter.people, ownIDs: Self.personIDs, ownParameters: Self.personParameters) {
                $0.filter.people = []
            }
        case .organizations:
            select = try entityQuery(table: "organizations", aliasTable: "organization_aliases", linkTable: "article_organizations",
                                     column: "organization_id", extraColumns: "", conditions: &conditions,
                                     own: filter.organizations, ownIDs: Self.organizationIDs,
                                     ownParameters: { Self.keyParameters($0, count: 2) }) { $0.filter.organizations = [] }
        case .places:
            var own: [String] = []
            if let place = filter.place { own = [place] }
            select = try entityQuery(table: "places", aliasTable: "place_aliases", linkTable: "article_places",
                                     column: "place_id", extraColumns: "", conditions: &conditions,
                                     own: own, ownIDs: Self.placeIDs, ownParameters: { Self.keyParameters($0, count: 2) }) {
                $0.filter.place = nil
            }
        }
        // NULL sorts below every value, so undated rows come last in these DESC orders.
        let page: [DatabaseValue] = [.integer(Int64(max(0, limit))), .integer(Int64(max(0, offset)))]
        return BuiltQuery(sql: pagedInside ? select : select + "\nLIMIT ? OFFSET ?", parameters: conditions.parameters + page)
    }

    // MARK: - Conditions

    struct Conditions {
        var clauses: [String] = []
        var parameters: [DatabaseValue] = []

        mutating func add(_ clause: String, _ values: [DatabaseValue]) {
            clauses.append(clause)
            parameters.append(contentsOf: values)
        }

        var whereClause: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: "\n    AND ") }
    }

    static let personIDs = """
        SELECT id FROM people WHERE key = ? OR surname_key = ? \
        UNION SELECT person_id FROM person_aliases WHERE key = ?
        """
    static let organizationIDs = """
        SELECT id FROM organizations WHERE key = ? UNION SELECT organization_id FROM organization_aliases WHERE key = ?
        """
    static let placeIDs = """
        SELECT id FROM places WHERE key = ? UNION SELECT place_id FROM place_aliases WHERE key = ?
        """

    static func keyParameters(_ name: String, count: Int) -> [DatabaseValue] {
        Array(repeating: .text(MatchKey.make(name)), count: count)
    }

    /// Parameters for `personIDs`: the name's key, its folded surname when it is one word, the key.
    static func personParameters(_ name: String) -> [DatabaseValue] {
        let key = MatchKey.make(name)
        let surname = key.contains(" ") ? key : MatchKey.surname(key)
        return [.text(key), .text(surname), .text(key)]
    }

    /// The people and organizations asked for, each a condition that `id` is among the rows of
    /// `rows` ("event" or "article") that name them: `rows`_people, `rows`_organizations.
    private func nameConditions(_ conditions: inout Conditions, id: String, rows: String) {
        for name in filter.people {
            conditions.add("\(id) IN (SELECT \(rows)_id FROM \(rows)_people WHERE person_id IN (\(Self.personIDs)))",
                           Self.personParameters(name))
        }
        for name in filter.organizations {
            conditions.add("\(id) IN (SELECT \(rows)_id FROM \(rows)_organizations WHERE organization_id IN (\(Self.organizationIDs)))",
                           Self.keyParameters(name, count: 2))
        }
    }

    private func eventConditions(_ conditions: inout Conditions) throws {
        nameConditions(&conditions, id: "e.id", rows: "event")
        if let place = filter.place {
            conditions.add("""
                (e.place_id IN (\(Self.placeIDs)) OR e.id IN (SELECT ae.event_id FROM article_events AS ae
                    JOIN article_places AS ap ON ap.article_id = ae.article_id
                    WHERE ap.place_id IN (\(Self.placeIDs)) AND ap.first_offset IS NOT NULL AND ap.first_offset < 400))
                """, Self.keyParameters(place, count: 4))
        }
        let (from, to) = try dateBounds()
        if let from { conditions.add("e.occurred_on >= ?", [.text(from)]) }
        if let to { conditions.add("e.occurred_on < ?", [.text(to)]) }
        if let outlet = filter.outlet {
            conditions.add("""
                e.id IN (SELECT ae.event_id FROM article_events AS ae JOIN source_articles AS a ON a.id = ae.article_id
                    WHERE \(dialect.equalsIgnoringCase("a.outlet")))
                """, [.text(outlet)])
        }
        if let event = filter.event { conditions.add("e.id = ?", [.integer(event)]) }
        if let text = filter.text {
            conditions.add("""
                e.id IN (SELECT ae.event_id FROM article_events AS ae WHERE ae.article_id IN
                    (\(dialect.articlesMatching)))
                """, [.text(try matchExpression(text))])
        }
    }

    /// Conditions on an article id column, shared by every target that is reached through articles.
    private func articleConditions(_ conditions: inout Conditions, articleID: String, includeText: Bool) throws {
        nameConditions(&conditions, id: articleID, rows: "article")
        if let place = filter.place {
            conditions.add("\(articleID) IN (SELECT article_id FROM article_places WHERE place_id IN (\(Self.placeIDs)))",
                           Self.keyParameters(place, count: 2))
        }
        let (from, to) = try dateBounds()
        if from != nil || to != nil {
            var range = ""
            var values: [DatabaseValue] = []
            if let from { range += " AND e.occurred_on >= ?"; values.append(.text(from)) }
            if let to { range += " AND e.occurred_on < ?"; values.append(.text(to)) }
            let narrower = !filter.people.isEmpty || !filter.organizations.isEmpty || filter.place != nil || filter.outlet != nil
                || filter.event != nil || includeText && filter.text != nil
            if narrower {
                // Another filter picks few articles: each is checked for its events' dates, rather
                // than every article of a date range (most of a large archive) being gathered first.
                conditions.add("EXISTS (SELECT 1 FROM article_events AS ae JOIN events AS e ON e.id = ae.event_id "
                               + "WHERE ae.article_id = \(articleID)\(range))", values)
            } else {
                // Events first (CROSS JOIN fixes the order): the range is read from the events' date
                // index and their articles from article_events' event index.
                conditions.add("\(articleID) IN (SELECT ae.article_id FROM events AS e \(dialect.joinInOrder) article_events AS ae "
                               + "ON ae.event_id = e.id WHERE true\(range))", values)
            }
        }
        if let outlet = filter.outlet {
            conditions.add("\(articleID) IN (SELECT id FROM source_articles WHERE \(dialect.equalsIgnoringCase("outlet")))",
                           [.text(outlet)])
        }
        if let event = filter.event {
            conditions.add("\(articleID) IN (SELECT article_id FROM article_events WHERE event_id = ?)", [.integer(event)])
        }
        if includeText, let text = filter.text {
            conditions.add("\(articleID) IN (\(dialect.articlesMatching))", [.text(try matchExpression(text))])
        }
    }

    /// People, organizations or places: those named by their own filter, further limited to those
    /// the articles matching every other filter mention.
    private func entityQuery(table: String, aliasTable: String, linkTable: String, column: String, extraColumns: String,
                             conditions: inout Conditions, own: [String], ownIDs: String,
                             ownParameters: (String) -> [DatabaseValue],
                             removingOwn: (inout QueryBuilder) -> Void) throws -> String {
        for name in own {
            conditions.add("t.id IN (\(ownIDs))", ownParameters(name))
        }
        var others = self
        removingOwn(&others)
        var articleConditions = Conditions()
        try others.articleConditions(&articleConditions, articleID: "x.article_id", includeText: true)
        if !articleConditions.clauses.isEmpty {
            conditions.add("t.id IN (SELECT x.\(column) FROM \(linkTable) AS x \(articleConditions.whereClause))",
                           articleConditions.parameters)
        }
        let aliases = dialect.list("alias", from: """
            SELECT DISTINCT alias FROM \(aliasTable) WHERE \(column) = t.id AND alias <> t.name
            """, orderedBy: "alias", separator: separator)
        return """
            SELECT t.id AS id, t.name AS name, \(extraColumns)
                \(aliases) AS aliases,
                (SELECT count(*) FROM \(linkTable) AS l WHERE l.\(column) = t.id) AS articles,
                (SELECT coalesce(sum(mention_count), 0) FROM \(linkTable) AS l WHERE l.\(column) = t.id) AS mentions
            FROM \(table) AS t
            \(conditions.whereClause)
            ORDER BY mentions DESC, t.name
            """
    }

    private func matchExpression(_ text: String) throws -> String {
        try FullTextSearch.expression(text, raw: rawText, dialect: dialect, option: "--text ")
    }

    /// The list separator as SQL.
    private var separator: String { dialect.character(30) }

    /// Inclusive 'from' and exclusive upper bound for 'to', as comparable ISO prefixes.
    func dateBounds() throws -> (String?, String?) {
        let from = try filter.from.map { try Self.validDate($0, option: "--from") }
        let to = try filter.to.map { try Self.nextDate(after: Self.validDate($0, option: "--to")) }
        return (from, to)
    }

    public static func validDate(_ text: String, option: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = parts.map(\.count)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, [[4], [4, 2], [4, 2, 2]].contains(lengths), numbers.allSatisfy({ $0 >= 0 }),
              parts.count < 2 || (1...12).contains(numbers[1]),
              parts.count < 3 || (1...CivilDate.daysIn(month: numbers[1], year: numbers[0])).contains(numbers[2]) else {
            throw QueryError(.invalidDate, "\(option) \(text) is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return text
    }

    /// The first ISO prefix after every date within `text`: '2025' → '2026', '2025-12' → '2026-01', '2025-12-20' → '2025-12-21'.
    static func nextDate(after text: String) -> String {
        let numbers = text.split(separator: "-").compactMap { Int($0) }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        switch numbers.count {
        case 1: return pad(numbers[0] + 1, 4)
        case 2: return numbers[1] == 12 ? pad(numbers[0] + 1, 4) + "-01" : pad(numbers[0], 4) + "-" + pad(numbers[1] + 1, 2)
        default: return pad(numbers[0], 4) + "-" + pad(numbers[1], 2) + "-" + pad(numbers[2], 2) + "\u{10FFFF}"
        }
    }
}
