/// The three kinds of named thing the archive keeps, each with its table, its aliases and its
/// links to articles.
public enum EntityTable: String, Sendable, CaseIterable {
    case person, organization, place

    var table: String {
        switch self { case .person: "people"; case .organization: "organizations"; case .place: "places" }
    }
    var aliasTable: String {
        switch self { case .person: "person_aliases"; case .organization: "organization_aliases"; case .place: "place_aliases" }
    }
    var column: String {
        switch self { case .person: "person_id"; case .organization: "organization_id"; case .place: "place_id" }
    }
    var linkTable: String {
        switch self { case .person: "article_people"; case .organization: "article_organizations"; case .place: "article_places" }
    }

    /// Every table whose rows a merge of this kind can change, parents first, with the column
    /// that names the entity.
    var touchedTables: [(table: String, column: String)] {
        var tables = [(table, "id"), (aliasTable, column), (linkTable, column)]
        switch self {
        case .person: tables += [("event_people", column), ("quotes", column)]
        case .organization: tables += [("event_organizations", column)]
        case .place: tables += [("events", column), ("article_reports", column)]
        }
        return tables + [("merges", "into_id")]
    }
}
