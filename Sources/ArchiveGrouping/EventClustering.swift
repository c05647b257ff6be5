/// Splits a block of linked articles into events, by average-link agglomerative clustering on
/// the pairs' scores (`GroupingPolicy.score`).
///
/// The result depends only on the articles' content keys and the scores among them: articles are
/// ordered by key, never by row id or arrival, and every tie is broken by keys, so the same block
/// gives the same events on every machine and in every ingest order.
///
/// Manual corrections are constraints: pairs kept `together` are joined before anything else
/// (in key order, skipping a join that would put a pair kept `apart` in one event), and no join
/// ever puts a pair kept `apart` in one event.
public struct EventClustering {
    /// The articles of the block, each with a key unique to its content (its SHA-256).
    public let keys: [Int64: String]
    /// Scored pairs; each pair once or in both directions.
    public let scores: [(Int64, Int64, Double)]
    /// Pairs a user said are one event, and pairs a user said are not.
    public let together: [(Int64, Int64)]
    public let apart: [(Int64, Int64)]

    public init(keys: [Int64: String], scores: [(Int64, Int64, Double)], together: [(Int64, Int64)] = [], apart: [(Int64, Int64)] = []) {
        self.keys = keys
        self.scores = scores
        self.together = together
        self.apart = apart
    }

    /// From the links of articles that have no others than these: each pair scored by its
    /// similarity and the neighbourhoods these links give.
    public init(keys: [Int64: String], links: [(Int64, Int64, Double)], together: [(Int64, Int64)] = [], apart: [(Int64, Int64)] = []) {
        var linked: [Int64: [(other: Int64, similarity: Double)]] = [:]
        for (a, b, similarity) in links where a != b {
            linked[a, default: []].append((b, similarity))
            linked[b, default: []].append((a, similarity))
        }
        let key = { (article: Int64) in keys[article, default: ""] }
        var neighbourhoods: [Int64: [Int64]] = [:]
        for (article, others) in linked { neighbourhoods[article] = GroupingPolicy.neighbourhood(of: article, links: others, key: key) }
        let scored = links.filter { $0.0 != $0.1 }.map { a, b, similarity in
            (a, b, GroupingPolicy.score(similarity: similarity, neighbourhoods[a, default: [a]], neighbourhoods[b, default: [b]]))
        }
        self.init(keys: keys, scores: scored, together: together, apart: apart)
    }

    /// The events, each a list of article ids in key order, listed by their first article's key.
    public func events() -> [[Int64]] {
        let articles = keys.keys.sorted { keys[$0, default: ""] < keys[$1, default: ""] }
        let index = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($0.element, $0.offset) })
        var sums: [[Int: Double]] = Array(repeating: [:], count: articles.count)
        for (a, b, value) in scores {
            guard let i = index[a], let j = index[b], i != j else { continue }
            sums[i][j] = value
            sums[j][i] = value
        }
        var clustering = AverageLink(count: articles.count, scores: sums, threshold: GroupingPolicy.joinThreshold)
        for (a, b) in apart {
            if let i = index[a], let j = index[b], i != j { clustering.keepApart(i, j) }
        }
        let joins = together.compactMap { a, b -> (Int, Int)? in
            guard let i = index[a], let j = index[b], i != j else { return nil }
            return (min(i, j), max(i, j))
        }
        for (i, j) in joins.sorted(by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }) { clustering.keepTogether(i, j) }
        var clusters = clustering.clusters()
        clusters.sort { $0[0] < $1[0] }
        return clusters.map { $0.map { articles[$0] } }
    }
}

/// Average-link agglomerative clustering over a sparse score graph (a missing pair scores 0):
/// repeatedly joins the two clusters with the highest average score between their members, while
/// it reaches the threshold. Ties go to the pair whose lowest members are lowest.
struct AverageLink {
    private var sums: [[Int: Double]]
    private var members: [[Int]]
    /// Each cluster's lowest member: its name, which no other cluster shares.
    private var lowest: [Int]
    private var versions: [Int]
    private var alive: [Bool]
    /// The cluster each article is in.
    private var owner: [Int]
    /// Each cluster's articles that must never join it (kept apart from one of its members).
    private var forbidden: [Set<Int>]
    private var queue = MaxHeap<Candidate>()
    let threshold: Double

    struct Candidate: Comparable {
        let average: Double
        /// The two clusters' names, lower first.
        let low: Int
        let high: Int
        let first: Int
        let second: Int
        let versions: (Int, Int)

        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.average != b.average { return a.average < b.average }
            if a.low != b.low { return a.low > b.low }
            return a.high > b.high
        }

        static func == (a: Candidate, b: Candidate) -> Bool {
            a.average == b.average && a.low == b.low && a.high == b.high
        }
    }

    init(count: Int, scores: [[Int: Double]], threshold: Double) {
        sums = scores
        members = (0..<count).map { [$0] }
        lowest = Array(0..<count)
        versions = Array(repeating: 0, count: count)
        alive = Array(repeating: true, count: count)
        owner = Array(0..<count)
        forbidden = Array(repeating: [], count: count)
        self.threshold = threshold
        for (a, others) in scores.enumerated() {
            for (b, score) in others where a < b { push(a, b, sum: score) }
        }
    }

    /// Never puts articles `a` and `b` in one cluster. Call before `keepTogether` and `clusters`.
    mutating func keepApart(_ a: Int, _ b: Int) {
        forbidden[a].insert(b)
        forbidden[b].insert(a)
    }

    /// Puts the clusters of articles `a` and `b` in one, whatever their score, unless that would
    /// join articles kept apart.
    mutating func keepTogether(_ a: Int, _ b: Int) {
        let (first, second) = (owner[a], owner[b])
        guard first != second, !conflict(first, second) else { return }
        join(first, second)
    }

    mutating func clusters() -> [[Int]] {
        while let best = queue.pop() {
            let (a, b) = (best.first, best.second)
            guard alive[a], alive[b], versions[a] == best.versions.0, versions[b] == best.versions.1, !conflict(a, b) else { continue }
            join(a, b)
        }
        return members.indices.filter { alive[$0] }.map { members[$0].sorted() }
    }

    /// Joins the smaller cluster into the larger (its slot survives) and scores the result anew.
    private mutating func join(_ first: Int, _ second: Int) {
        let (keep, gone) = sums[first].count >= sums[second].count ? (first, second) : (second, first)
        alive[gone] = false
        versions[keep] += 1
        for member in members[gone] { owner[member] = keep }
        members[keep] += members[gone]
        lowest[keep] = min(lowest[keep], lowest[gone])
        members[gone] = []
        if !forbidden[gone].isEmpty {
            forbidden[keep].formUnion(forbidden[gone])
            forbidden[gone] = []
        }
        var joined = sums[keep]
        joined[gone] = nil
        for (other, sum) in sums[gone] where other != keep {
            joined[other, default: 0] += sum
            sums[other][gone] = nil
            sums[other][keep] = joined[other]
        }
        sums[gone] = [:]
        sums[keep] = joined
        for (other, sum) in joined { push(keep, other, sum: sum) }
    }

    /// Whether joining the two clusters would put articles kept apart in one.
    private func conflict(_ a: Int, _ b: Int) -> Bool {
        !forbidden[a].isEmpty && members[b].contains { forbidden[a].contains($0) }
    }

    private mutating func push(_ a: Int, _ b: Int, sum: Double) {
        let average = sum / Double(members[a].count * members[b].count)
        guard average >= threshold else { return }
        let (lowA, lowB) = (lowest[a], lowest[b])
        queue.push(Candidate(average: average, low: min(lowA, lowB), high: max(lowA, lowB), first: a, second: b,
                             versions: (versions[a], versions[b])))
    }
}

/// A binary heap that pops its greatest element first.
struct MaxHeap<Element: Comparable> {
    private var items: [Element] = []

    mutating func push(_ item: Element) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[parent] < items[child] else { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            var largest = parent
            if left < items.count, items[largest] < items[left] { largest = left }
            if right < items.count, items[largest] < items[right] { largest = right }
            guard largest != parent else { break }
            items.swapAt(parent, largest)
            parent = largest
        }
        return top
    }
}
