/// One row of a link table (`article_people`, `article_organizations`, `article_places`): an
/// article's mentions of one stored entity, summed over every name of the article that turned out
/// to be it ("Steve Witkoff" and "Witkoff" may be two names of one person).
struct LinkRow {
    let id: Int64
    var mentions: Int
    /// The earliest first mention; nil when only the title names it.
    var firstOffset: Int?
    /// The first role any of the names has.
    var role: String?

    /// The rows for an article's names and the ids they were found to be, in the order of each
    /// id's first name.
    static func rows(_ records: [EntityRecord], _ ids: [Int64]) -> [LinkRow] {
        var rows: [LinkRow] = []
        var index: [Int64: Int] = [:]
        for (record, id) in zip(records, ids) {
            guard let at = index[id] else {
                index[id] = rows.count
                rows.append(LinkRow(id: id, mentions: record.mentionCount, firstOffset: record.firstOffset, role: record.role))
                continue
            }
            rows[at].mentions += record.mentionCount
            if let offset = record.firstOffset { rows[at].firstOffset = min(rows[at].firstOffset ?? offset, offset) }
            rows[at].role = rows[at].role ?? record.role
        }
        return rows
    }
}
