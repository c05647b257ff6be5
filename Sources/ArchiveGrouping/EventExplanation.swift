/// Why articles were grouped into one event, in words a reader can check: how alike each is to the
/// others, and the weightiest words and names it shares with them.
public enum EventExplanation {
    /// One article of an event, as the archive holds it.
    public struct Article: Sendable {
        public let id: Int64
        public let title: String
        public let body: String

        public init(id: Int64, title: String, body: String) {
            self.id = id
            self.title = title
            self.body = body
        }
    }

    /// For each article: the words of its signature that other articles of the event carry too,
    /// weightiest (its weight times how many others carry it) first, at most `limit`.
    public static func sharedWords(_ articles: [Article], limit: Int = 6) -> [Int64: [String]] {
        let kept: [Int64: [String: Double]] = Dictionary(uniqueKeysWithValues: articles.map { article in
            let weights = ReportSignature.weights(title: article.title, body: article.body).terms
            let top = weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(ReportSignature.keptTerms)
            return (article.id, Dictionary(uniqueKeysWithValues: top.map { ($0.key, $0.value) }))
        })
        var carriers: [String: Int] = [:]
        for terms in kept.values { for term in terms.keys { carriers[term, default: 0] += 1 } }
        return kept.mapValues { terms in
            terms.compactMap { term, weight -> (String, Double)? in
                let others = carriers[term, default: 1] - 1
                return others > 0 ? (term, weight * Double(others)) : nil
            }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(limit)
            .map { $0.0.hasPrefix("#") ? String($0.0.dropFirst()) : $0.0 }
        }
    }
}
