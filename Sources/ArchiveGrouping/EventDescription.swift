import ArchiveStore

/// What an event says — title, date, place — chosen from its articles' own reports by their
/// content, never by which arrived first, so the same articles describe the same event.
///
/// - Title and summary: those of the most central article (the highest total similarity to the
///   others; ties to the lowest content hash).
/// - Date: the most precise kind any report gives (a day before a month before a year); of those,
///   the date most reports give; ties to the earliest.
/// - Place: the place most reports give; ties to the central article's, then the first by name.
enum EventDescription {
    /// `centrality`: each article's total similarity to the other articles of its event.
    static func row(id: Int64?, reports: [ArticleReport], centrality: [Int64: Double]) -> EventRow? {
        let reports = reports.sorted { $0.contentHash < $1.contentHash }
        // In content-hash order, and only a strictly more central one replaces: ties go to the lowest hash.
        var best: ArticleReport?
        for report in reports where best.map({ centrality[report.articleID, default: 0] > centrality[$0.articleID, default: 0] }) ?? true {
            best = report
        }
        guard let centre = best else { return nil }

        let precision: [String: Int] = ["day": 3, "month": 2, "year": 1]
        let dated = reports.filter { $0.occurredOn != nil }
        let finest = dated.map { precision[$0.datePrecision ?? "", default: 0] }.max()
        let candidates = dated.filter { precision[$0.datePrecision ?? "", default: 0] == finest }
        let date = mostCommon(candidates.compactMap(\.occurredOn), preferring: nil)
        let dateReport = date.flatMap { date in
            centre.occurredOn == date ? centre : reports.first { $0.occurredOn == date }
        }
        let place = mostCommon(reports.compactMap(\.place), preferring: centre.place)
        let placeReport = place.flatMap { place in centre.place == place ? centre : reports.first { $0.place == place } }
        return EventRow(id: id, title: centre.title, occurredOn: dateReport?.occurredOn, datePrecision: dateReport?.datePrecision,
                        dateSource: dateReport?.dateSource, placeID: placeReport?.placeID, place: place, summary: centre.summary,
                        firstSeen: reports.map(\.ingestedAt).min() ?? centre.ingestedAt,
                        lastSeen: reports.map(\.ingestedAt).max() ?? centre.ingestedAt,
                        articles: reports.map(\.articleID).sorted())
    }

    /// The value given most often; ties to `preferring` when it is among them, else the least.
    private static func mostCommon(_ values: [String], preferring: String?) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        guard let top = counts.values.max() else { return nil }
        let tied = counts.filter { $0.value == top }.keys
        if let preferring, tied.contains(preferring) { return preferring }
        return tied.min()
    }
}
