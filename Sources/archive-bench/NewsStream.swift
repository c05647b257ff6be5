import Foundation

/// A made-up news stream with the shape of a real one, built from real articles' sentences: many
/// distinct stories, most told once or twice and a few many times over days; dates spread over ten
/// years; follow-ups days later; and a few per cent of wire copies that outlets run almost verbatim.
///
/// Each story takes its sentences from one source article and its own people, place and date; a
/// source is reused only by stories more than a hundred days apart, with other people, as the same
/// kind of happening recurs (two storms, two strikes), which grouping must keep apart.
struct NewsStream {
    let sources: [IngestBench.Source]
    let people: [String]
    let places: [String]

    init(sources: [IngestBench.Source]) {
        self.sources = sources
        var generator = SplitMix(seed: 11)
        let given = ["Anna", "Tomas", "Maria", "John", "Olga", "Karl", "Lena", "Samuel", "Ruth", "Petra", "Jonas", "Ilse",
                     "David", "Claire", "Paul", "Marco", "Emma", "Lucas", "Sofia", "Omar", "Nadia", "Pieter", "Aiko", "Rafael"]
        let syllables = ["ko", "wal", "czyk", "ri", "bei", "ro", "no", "vak", "fis", "cher", "ber", "gen", "mar", "tin",
                         "sol", "lan", "der", "son", "ova", "enko", "ski", "ton", "ham", "well"]
        var names: Set<String> = []
        while names.count < 5_000 {
            let surname = (0..<(2 + Int(generator.next() % 2))).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined()
            names.insert(given[Int(generator.next() % UInt64(given.count))] + " " + surname.prefix(1).uppercased() + surname.dropFirst())
        }
        people = names.sorted()
        places = ["Geneva", "Lisbon", "Kyiv", "Miami", "Berlin", "Paris", "Tokyo", "Nairobi", "Lima", "Oslo", "Cairo", "Delhi",
                  "Seoul", "Madrid", "Rome", "Vienna", "Warsaw", "Prague", "Dublin", "Manila", "Quito", "Accra", "Hanoi", "Perth"]
    }

    /// How many articles story `story` has: one or two for most, up to forty for a few (Zipf-like).
    static func size(of story: Int, generator: inout SplitMix) -> Int {
        let uniform = Double(generator.next() % 1_000_000 + 1) / 1_000_000
        return min(40, Int(1 / pow(uniform, 0.7)))
    }

    struct Article { let title: String; let body: String; let story: Int }

    /// The first `count` articles of the stream, in publication order within a story and the
    /// stories interleaved as they would arrive.
    func articles(_ count: Int) -> [Article] {
        var generator = SplitMix(seed: 5)
        var result: [Article] = []
        var story = 0
        let firstDay = 16_436  // 2015-01-01
        while result.count < count {
            let source = sources[story % sources.count]
            // Stories from one source are at least a hundred days apart; the ten years hold them all.
            let day = firstDay + (story / sources.count) * 200 + Int(generator.next() % 90)
            let cast = (0..<3).map { _ in people[Int(generator.next() % UInt64(people.count))] }
            let place = places[Int(generator.next() % UInt64(places.count))]
            var previous: Article?
            for report in 0..<Self.size(of: story, generator: &generator) where result.count < count {
                // Every thirtieth report is another outlet's near-verbatim copy of the one before.
                if let previous, generator.next() % 30 == 0 {
                    result.append(Article(title: previous.title, body: previous.body.replacingOccurrences(of: " said", with: " says"),
                                          story: story))
                    continue
                }
                let offset = report == 0 ? 0 : Int(generator.next() % 4) + (generator.next() % 10 == 0 ? 10 : 0)
                let date = Date(timeIntervalSince1970: Double(day + offset) * 86_400)
                // A source told again (a later, other story) mixes in half of a second source, so that
                // it is no near-copy of the first telling, as a real later story is not.
                var sentences = source.sentences
                if story >= sources.count {
                    let other = sources[(story * 7 + story / sources.count) % sources.count].sentences
                    sentences = Array(sentences.prefix(sentences.count / 2 + 1)) + Array(other.suffix(other.count / 2))
                }
                sentences.shuffle(using: &generator)
                let lead = "\(place), \(Self.dateline(date)) – \(sentences[0]) \(cast[0]) and \(cast[1]) were there."
                let rest = sentences.dropFirst().prefix(6 + Int(generator.next() % 6)).joined(separator: " ")
                let quote = "“\(sentences.last ?? "")” \(cast[2]) said."
                let title = report == 0 ? source.title : ["Update: ", "Follow-up: ", "", "Latest: "][report % 4] + source.title + " in \(place)"
                let article = Article(title: title, body: lead + "\n\n" + rest + "\n\n" + quote, story: story)
                result.append(article)
                previous = article
            }
            story += 1
        }
        return result
    }

    private static func dateline(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(months[((parts.month ?? 1) - 1) % 12]) \(parts.day ?? 1), \(parts.year ?? 2015)"
    }
}
