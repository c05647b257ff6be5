import ArchiveExtraction
import ArchiveValues

/// When two articles report one happening: the whole rule, in numbers.
///
/// 1. **Candidates.** Two articles are compared when they share one of their `indexTerms`
///    heaviest words and, when both give a day, the days are at most `maximumDays` apart. An
///    article without a day is compared on its words alone, with articles of any day.
/// 2. **Links.** A compared pair whose `similarity` reaches `linkThreshold` is linked.
/// 3. **Scores.** Each linked pair scores half its similarity plus half the share of nearest
///    neighbours the two have in common (`score`): reports of one happening point at the same
///    other reports, reports of two look-alike happenings at different ones.
/// 4. **Blocks.** Articles joined by pairs scoring at least `blockThreshold` form blocks (plus
///    any a user kept together); a new article re-forms only the blocks whose scores it changed.
/// 5. **Events.** Each block is split into events by average-link clustering
///    (`EventClustering`), joining parts while their average score reaches `joinThreshold`.
///
/// Every step depends on the pair, its two articles' links or the block alone, so the events are
/// a function of the stored articles, never of the order they came in.
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
    /// The least average score between two parts of a block for them to be one event.
    public static let joinThreshold = 0.20
    /// The least score that puts two articles in one block. Blocks bound the work an article
    /// costs: at the join threshold, weak links chain thousands of articles about look-alike
    /// stories into one block; at 0.3 the largest holds about a hundred, with the same events on
    /// ecbplus/dev and slightly better ones on the benchmark stream (README).
    public static let blockThreshold = 0.30

    /// How strongly two linked articles belong together: half their similarity, half the share of
    /// their neighbourhoods (see `neighbourhood`) they have in common.
    public static func score(similarity: Double, _ a: [Int64], _ b: [Int64]) -> Double {
        var (i, j, shared) = (0, 0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return 0.5 * similarity + 0.5 * Double(shared) / Double(neighbours + 1)
    }

    /// An article and its `neighbours` most similar linked articles (ties to the lower content
    /// key), in id order.
    public static func neighbourhood(of article: Int64, links: [(other: Int64, similarity: Double)], key: (Int64) throws -> String) rethrows -> [Int64] {
        (try strongest(links, count: neighbours, key: key).map(\.other) + [article]).sorted()
    }

    /// The `count` most similar of these links, ties to the lower content key. With fewer, all of
    /// them unranked; with at least `count`, the last is the weakest of those returned.
    static func strongest(_ links: [(other: Int64, similarity: Double)], count: Int,
                          key: (Int64) throws -> String) rethrows -> [(other: Int64, similarity: Double)] {
        guard links.count >= count, count > 0 else { return links }
        // Only the links as similar as the last place need their keys.
        let bar = links.map(\.similarity).sorted(by: >)[count - 1]
        let above = links.filter { $0.similarity > bar }
        let tied = try links.filter { $0.similarity == bar }.map { ($0, try key($0.other)) }.sorted { $0.1 < $1.1 }
        return above + tied.prefix(count - above.count).map(\.0)
    }

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
