@testable import ArchiveExtraction
import ArchiveTestSupport
import Testing

/// Random and mutated inputs: every one gets an answer, and every offset points at its text.
@Suite struct FuzzTests {
    static let seeds = [
        "Special envoy Anna Kowalczyk met Tomas Ribeiro in Geneva on Saturday, December 20.",
        "“We made progress,” Kowalczyk said. “Nobody expected it,” he added.\n\n“A second paragraph.",
        "The Nordic Development Fund (NDF) lent money. By Lena Hoffmann\n12 Articles\nBias Distribution",
        "LONDON 1996-08-30\n\nLeicestershire beat Somerset by 39 runs. Dec. 19, 2025, and June 2024.",
        "Mr. U.S. E.U. \"'’‘«»„ — – ― al-Assad Jean-Claude O'Gorman's 3-1 4 for 38 yesterday last month",
    ]
    /// Pieces mutations insert: the characters the rules care about.
    static let pieces = ["“", "”", "\"", "'", "’", "\n", "\n\n", " ", ".", ",", "(", ")", "-", "—", "Mr.", "said",
                         "A", "Z", "é", "\u{0}", "\u{FEFF}", "\u{301}", "👍🏽", "\r\n", "December", "Friday", "2025",
                         "“X", "In", "of", "the", ":", "―", "RDIF", "Kowalczyk"]

    func check(_ text: String, title: String) {
        let facts = Extractor(today: (2026, 1, 1)).extract(RawArticle(title: title, body: text))
        let body = Array(facts.article.body.unicodeScalars)
        for quote in facts.quotes {
            #expect(quote.start >= 0 && quote.start <= quote.end && quote.end <= body.count)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: body[quote.start..<quote.end])
            #expect(String(slice) == quote.text)
        }
        for entity in facts.people + facts.organizations + facts.places {
            #expect(!entity.name.isEmpty && entity.mentionCount > 0)
            if let offset = entity.firstOffset { #expect(offset >= 0 && offset < body.count) }
        }
    }

    @Test func randomBytesAndMutationsNeverBreakTheEngine() {
        var random = SplitMix(state: 20251220)
        let rounds = 100_000
        for round in 0..<rounds {
            var text: String
            if round % 4 == 0 {
                // Random bytes, read as UTF-8 with repairs, as a reader would pass them on.
                let length = Int(random.next() % 120)
                let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                var scalars = Array(Self.seeds[Int(random.next() % UInt64(Self.seeds.count))].unicodeScalars)
                for _ in 0..<(1 + random.next() % 6) {
                    let position = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
                    switch random.next() % 3 {
                    case 0: scalars.insert(contentsOf: Self.pieces[Int(random.next() % UInt64(Self.pieces.count))].unicodeScalars, at: position)
                    case 1: if position < scalars.count { scalars.removeSubrange(position..<min(scalars.count, position + Int(random.next() % 8))) }
                    default: if position < scalars.count { scalars[position] = Unicode.Scalar(UInt8(truncatingIfNeeded: random.next() % 128)) }
                    }
                }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                text = String(view)
            }
            check(text, title: round % 7 == 0 ? text : "Title")
        }
    }
}
