@testable import ArchiveExtraction
import Testing

@Suite struct ShingleSetTests {
    /// The merge of sorted hashes gives the Jaccard overlap of the two texts' distinct shingles,
    /// whatever the repeats, case and punctuation.
    @Test func resemblanceIsTheJaccardOverlapOfDistinctShingles() {
        let text = "The council voted on Monday to close the old bridge. The council voted again on Tuesday."
        let other = "the council voted, on Monday, to close the OLD bridge for good"
        func reference(_ a: String, _ b: String) -> Double {
            let x = Set(TextFingerprint.shingles(a)), y = Set(TextFingerprint.shingles(b))
            return Double(x.intersection(y).count) / Double(x.union(y).count)
        }
        let measured = ShingleSet(text).resemblance(to: ShingleSet(other))
        #expect(measured == reference(text, other))
        #expect(measured > 0.3 && measured < 0.7)
        #expect(ShingleSet(text).count == Set(TextFingerprint.shingles(text)).count)
        #expect(ShingleSet(text).count < TextFingerprint.shingles(text).count)  // "the council voted" twice
        #expect(TextFingerprint.resemblance(ShingleSet(text), text) == 1)
    }

    @Test func textsWithoutShinglesResembleNothing() {
        #expect(ShingleSet("").resemblance(to: ShingleSet("")) == 0)
        #expect(ShingleSet("").resemblance(to: ShingleSet("one two three four")) == 0)
        #expect(ShingleSet("two words").resemblance(to: ShingleSet("two words")) == 1)
        #expect(ShingleSet("two words").resemblance(to: ShingleSet("other words")) == 0)
    }
}
