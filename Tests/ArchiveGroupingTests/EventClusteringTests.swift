import Testing
@testable import ArchiveGrouping

struct EventClusteringTests {
    /// Two tight groups joined by one weak link stay two events, and the result is the same
    /// whatever ids the articles carry: only their content keys order them.
    @Test func aWeakBridgeDoesNotJoinTwoTightGroups() {
        func events(ids: [Int64]) -> [[String]] {
            let names = ["a1", "a2", "a3", "b1", "b2", "b3"]
            let keys = Dictionary(uniqueKeysWithValues: zip(ids, names))
            let id = Dictionary(uniqueKeysWithValues: zip(names, ids))
            let pairs: [(String, String, Double)] = [
                ("a1", "a2", 0.6), ("a1", "a3", 0.5), ("a2", "a3", 0.55),
                ("b1", "b2", 0.6), ("b1", "b3", 0.5), ("b2", "b3", 0.55),
                ("a3", "b1", 0.15),
            ]
            let links = pairs.map { (id[$0.0]!, id[$0.1]!, $0.2) }
            return EventClustering(keys: keys, links: links).events().map { $0.map { keys[$0]! }.sorted() }.sorted { $0[0] < $1[0] }
        }
        #expect(events(ids: [1, 2, 3, 4, 5, 6]) == [["a1", "a2", "a3"], ["b1", "b2", "b3"]])
        #expect(events(ids: [6, 5, 4, 3, 2, 1]) == events(ids: [1, 2, 3, 4, 5, 6]))
        #expect(events(ids: [40, 7, 13, 2, 99, 5]) == events(ids: [1, 2, 3, 4, 5, 6]))
    }

    /// Corrections override similarity: articles kept together are one event though unlinked,
    /// articles kept apart are two however alike, and where they contradict (a with b, b with c,
    /// but a apart from c) "apart" wins, the same way whatever the ids.
    @Test func correctionsOverrideSimilarity() {
        let keys: [Int64: String] = [1: "a", 2: "b", 3: "c", 4: "d"]
        let linked = [(Int64(1), Int64(2), 0.9), (2, 3, 0.9), (1, 3, 0.9)]
        #expect(EventClustering(keys: keys, links: linked).events() == [[1, 2, 3], [4]])
        #expect(EventClustering(keys: keys, links: linked, together: [(4, 1)]).events() == [[1, 2, 3, 4]])
        #expect(EventClustering(keys: keys, links: linked, apart: [(3, 1)]).events().allSatisfy { !($0.contains(1) && $0.contains(3)) })
        let contradicting = EventClustering(keys: keys, links: [], together: [(1, 2), (2, 3)], apart: [(1, 3)]).events()
        #expect(contradicting == [[1, 2], [3], [4]])
        let renamed = EventClustering(keys: [7: "a", 5: "b", 9: "c", 2: "d"], links: [], together: [(9, 5), (5, 7)], apart: [(9, 7)]).events()
        #expect(renamed == [[7, 5], [9], [2]])
    }

    @Test func anArticleWithoutLinksIsAnEventOfItsOwn() {
        let events = EventClustering(keys: [1: "x", 2: "y"], links: []).events()
        #expect(events == [[1], [2]])
    }

    /// An event keeps its id when the new one holds more than half of its articles; a split-off
    /// part gets a new id.
    @Test func anEventKeepsItsIdWhenItKeepsMostOfItsArticles() {
        let current: [Int64: Int64] = [1: 10, 2: 10, 3: 10, 4: 20]
        let assigned = EventIdentity.assign([[1, 2, 4], [3]], current: current, sizes: [10: 3, 20: 1])
        #expect(assigned.map(\.id) == [10, nil])
        // Two events of equal share merged: the one more of its articles came from wins, then the lower id.
        let merged = EventIdentity.assign([[1, 2, 3, 4]], current: current, sizes: [10: 3, 20: 1])
        #expect(merged.map(\.id) == [10])
    }

    /// Dates, years and words: what makes two reports alike.
    @Test func reportsOfOneHappeningAreAlikeAndOthersAreNot() {
        let quake = ReportSignature(title: "Earthquake of magnitude 6.1 strikes Aceh",
                                    body: "A 6.1 earthquake struck Aceh province in Indonesia on Tuesday, 2 July 2013, killing 22 people.",
                                    day: "2013-07-02")
        let sameQuake = ReportSignature(title: "Aceh earthquake kills 22",
                                        body: "At least 22 people died when a 6.1 earthquake hit Aceh, Indonesia, in July 2013.",
                                        day: "2013-07-03")
        let otherQuake = ReportSignature(title: "Earthquake strikes Aceh",
                                         body: "An earthquake struck Aceh province in Indonesia in 2004, killing thousands.",
                                         day: "2004-12-26")
        #expect(GroupingPolicy.similarity(quake, sameQuake) >= GroupingPolicy.linkThreshold)
        #expect(GroupingPolicy.similarity(quake, otherQuake) == 0)
        #expect(quake.years == [2013])
    }
}
