import ArchiveExtraction
import ArgumentParser
import Foundation

/// Extraction time on one ever larger paragraph: linear time means the seconds per megabyte stay flat.
struct ScaleBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scale",
                                                    abstract: "Seconds per MB on single paragraphs of 1 to 10 MB.")

    @Option(help: "Sizes to try, in MB.")
    var sizes: [Int] = [1, 2, 5, 10]

    func run() {
        let extractor = Extractor(today: (2026, 1, 1))
        var generator = SplitMix(seed: 7)
        for size in sizes {
            let text = Self.paragraph(bytes: size << 20, generator: &generator)
            let start = Date()
            let facts = extractor.extract(RawArticle(title: "Scale", body: text))
            let seconds = Date().timeIntervalSince(start)
            print("\(size) MB: \(String(format: "%.2f", seconds)) s, \(String(format: "%.2f", seconds / Double(size))) s/MB, "
                  + "\(facts.people.count) people, \(facts.quotes.count) quotes")
        }
    }

    /// One paragraph with no line break: sentences of names, places, quotes, dates and filler.
    static func paragraph(bytes: Int, generator: inout SplitMix) -> String {
        let pieces = [
            "Envoy Anna Kowalczyk met Tomas Ribeiro in Geneva on Friday, March 14, 2025.",
            "“We made progress on every point,” Kowalczyk said.", "He said “it is done” and left.",
            "The Nordic Development Fund (NDF) lent money to Lisbon.", "Officials described the mood as calm.",
            "“An unclosed quote runs on", "Mr. Smith, the chairman, told reporters on Tuesday that",
            "U.S. and E.U. delegates met at 3 p.m.", "Shares fell 4.5 percent to 1,234 points.",
        ]
        var text = ""
        text.reserveCapacity(bytes + 200)
        while text.utf8.count < bytes {
            text += pieces[Int(generator.next() % UInt64(pieces.count))] + " "
        }
        return text
    }
}

/// A small deterministic random number generator (SplitMix64), so runs are repeatable.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
