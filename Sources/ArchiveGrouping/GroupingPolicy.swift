import ArchiveExtraction

/// When two articles report one happening: the whole rule, in numbers.
///
/// 1. **Candidates.** Two articles are compared when they share one of their `indexTerms`
///    heaviest words and, when both give a day, the days are at most `maximumDays` apart. An
///    article without a day is compared on its words alone, with articles of any day.
/// 2. **Links.** A compared pair whose `similarity` reaches `linkThreshold` is linked.
/// 3. **Events.** Linked articles form connected groups; each group is split into events by
///    average-link clustering (`EventClustering`), on a score that adds to a pair's similarity the
///    share of nearest neighbours the two have in common: reports of one happening point at the
///    same other reports, reports of two look-alike happenings at different ones.
///
/// Every step depends on the pair or the group alone, so the events are a function of the stored
/// articles, never of the order they came in.
public enum GroupingPolicy {
    /// How many of an article's heaviest words file it for finding candidates.
    public static let indexTerms = 10
    /// Days further apart than this are different happenings. Generous: the day an article gives
    /// is the first its lead names, which a follow-up may take from an earlier step of the story.
    public static let maximumDays = 30
    /// The least similarity for a link (0.1 over-joins a dense stream of look-alike stories; 0.2 misses reports worded apart).
    public static let linkThreshold = 0.15
    /// The factor on a pair's similarity when both name years and none is the same.
    static let otherYearsFactor = 0.3
    /// How many of its most similar articles keep a link to an article (see `EventGrouper`).
    public static let strongestLinks = 40
    /// How many nearest neighbours each article's neighbourhood holds (itself besides).
    public static let neighbours = 5
    /// The least average score between two parts of a group for them to be one event.
    public static let joinThreshold = 0.20

    /// How alike two reports are: the cosine of their weighted words, nothing when the days they
    /// give are too far apart, and less when they name years and none in common (two earthquakes
    /// a year apart are two events).
    public static func similarity(_ a: ReportSignature, _ b: ReportSignature) -> Double {
        if let dayA = a.day, let dayB = b.day, abs(dayA.daysSinceEpoch - dayB.daysSinceEpoch) > maximumDays { return 0 }
        let words = a.vector.cosine(b.vector)
        if !a.years.isEmpty, !b.years.isEmpty, a.years.isDisjoint(with: b.years) { return words * otherYearsFactor }
        return words
    }

    /// The days whose articles a report with `day` is compared with, as ISO text: nil for all.
    public static func dayWindow(_ day: CivilDate?) -> ClosedRange<String>? {
        guard let day else { return nil }
        return CivilDate(daysSinceEpoch: day.daysSinceEpoch - maximumDays).iso...CivilDate(daysSinceEpoch: day.daysSinceEpoch + maximumDays).iso
    }
}
