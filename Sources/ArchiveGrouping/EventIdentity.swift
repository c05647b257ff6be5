/// Which stored event each newly formed one continues: the rule that keeps event ids stable.
///
/// A new event keeps the id of a stored event when it holds more than half of that event's
/// articles. When it holds the majority of several (they were merged), it keeps the id of the one
/// it holds most articles of, ties to the lowest id. Every other new event gets a new id, and a
/// stored event whose id no new one keeps is deleted.
enum EventIdentity {
    /// `clusters`: the new events, as article lists. `current`: the stored event of each article
    /// that has one. `sizes`: how many articles each stored event has in all.
    static func assign(_ clusters: [[Int64]], current: [Int64: Int64], sizes: [Int64: Int]) -> [(id: Int64?, articles: [Int64])] {
        clusters.map { articles in
            var held: [Int64: Int] = [:]
            for article in articles { if let event = current[article] { held[event, default: 0] += 1 } }
            let kept = held.filter { event, count in 2 * count > sizes[event, default: .max] }
                .min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return (kept?.key, articles)
        }
    }
}
