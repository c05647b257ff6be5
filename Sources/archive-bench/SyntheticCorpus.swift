import ArchiveStore
import Foundation

/// Made-up articles with a realistic shape: a pool of people who recur, outlets, places, dates over
/// ten years, quotes, and bodies of ordinary words, so that indexes meet realistic selectivity.
struct SyntheticCorpus {
    let given: [String]
    let surnames: [String]
    let places: [String]
    let outlets: [String]
    let words: [String]
    private let surnameIndex: [String: Int]

    init(generator: inout SplitMix) {
        given = ["Anna", "Tomas", "Maria", "John", "Olga", "Karl", "Lena", "Samuel", "Ruth", "Petra", "Jonas", "Ilse",
                 "David", "Claire", "Paul", "Marco", "Kirill", "Steve", "Jared", "Rustem", "Emma", "Lucas", "Sofia", "Omar"]
        var names: Set<String> = []
        let syllables = ["ko", "wal", "czyk", "ri", "bei", "ro", "no", "vak", "fis", "cher", "ber", "gen", "mar", "tin",
                         "sol", "lan", "der", "son", "ova", "enko", "ski", "ton", "ham", "well"]
        while names.count < 20_000 {
            let count = 2 + Int(generator.next() % 3)  // 24² + 24³ + 24⁴ names to draw from
            let name = (0..<count).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined()
            names.insert(name.prefix(1).uppercased() + name.dropFirst())
        }
        surnames = names.sorted()
        surnameIndex = Dictionary(uniqueKeysWithValues: surnames.enumerated().map { ($1, $0) })
        places = ["Geneva", "Lisbon", "Kyiv", "Miami", "Florida", "Berlin", "Moscow", "Paris", "Tokyo", "Nairobi",
                  "Lima", "Oslo", "Cairo", "Delhi", "Seoul", "Madrid", "Rome", "Vienna", "Warsaw", "Prague"]
        outlets = (1...60).map { "Outlet \($0)" }
        // A vocabulary of 20,000 made-up words used with Zipf frequencies, as words are in real text.
        var vocabulary: Set<String> = []
        let letters = Array("abcdefghiklmnoprstuvwy")
        while vocabulary.count < 20_000 {
            let length = 3 + Int(generator.next() % 7)
            vocabulary.insert(String((0..<length).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }))
        }
        words = vocabulary.sorted()
    }

    func person(_ generator: inout SplitMix) -> (String, String) {
        // A few people are in the news far more than others, as in real archives.
        let skewed = Int(Double(surnames.count) * pow(Double(generator.next() % 10_000) / 10_000, 3))
        let surname = surnames[min(skewed, surnames.count - 1)]
        return (given[surname.count % given.count] + " " + surname, surname)
    }

    func surname(_ generator: inout SplitMix) -> String { person(&generator).1 }
    /// A word of the body text, drawn with Zipf's law (the n-th word about 1/n as often as the first).
    func word(_ generator: inout SplitMix) -> String {
        let uniform = Double(generator.next() % 1_000_000 + 1) / 1_000_000
        return words[min(words.count - 1, Int(pow(Double(words.count), uniform)) - 1)]
    }

    /// A word someone might search for: one of the 2,000 most common, picked evenly.
    func searchWord(_ generator: inout SplitMix) -> String { words[Int(generator.next() % 2_000)] }

    /// Two people likely to appear together: neighbours in the pool.
    func colleagues(_ generator: inout SplitMix) -> (String, String) {
        let first = person(&generator).1
        let index = surnameIndex[first] ?? 0
        return (first, surnames[(index + 1) % surnames.count])
    }

    func month(_ generator: inout SplitMix) -> String {
        let year = 2016 + Int(generator.next() % 10)
        let month = 1 + Int(generator.next() % 12)
        return "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }

    func article(number: Int, generator: inout SplitMix) -> ArticleBundle {
        var people: [EntityRecord] = []
        var body = ""
        var cast: [String] = []
        if number % 3 == 1 {  // colleagues meet
            let pair = colleagues(&generator)
            cast = [pair.0, pair.1]
        }
        for _ in 0..<(2 + Int(generator.next() % 5)) { cast.append(person(&generator).1) }
        for surname in cast {
            let name = given[surname.count % given.count] + " " + surname
            if people.contains(where: { $0.name == name }) { continue }
            people.append(EntityRecord(name: name, aliases: [name, surname], mentionCount: 1 + Int(generator.next() % 4),
                                       firstOffset: body.unicodeScalars.count))
            body += name + " said the " + word(&generator) + " and " + word(&generator) + " would matter. "
        }
        for _ in 0..<60 { body += word(&generator) + " " }
        let place = places[Int(generator.next() % UInt64(places.count))]
        let date = month(&generator) + "-" + String(10 + Int(generator.next() % 18))
        let quoteStart = body.unicodeScalars.count
        let quoteText = "We will discuss the " + word(&generator) + " and the " + word(&generator) + " tomorrow"
        body += quoteText
        let speaker = people[0].name
        return ArticleBundle(
            article: ArticleRecord(title: "Report \(number) on \(word(&generator)) in \(place)", body: body,
                                   outlet: outlets[Int(generator.next() % UInt64(outlets.count))], path: "synthetic/\(number).txt",
                                   publishedAt: date, format: "text", contentHash: "synthetic-\(number)"),
            people: people,
            places: [EntityRecord(name: place, aliases: [place], mentionCount: 1, firstOffset: 0)],
            quotes: [QuoteRecord(text: quoteText, startOffset: quoteStart, endOffset: quoteStart + quoteText.unicodeScalars.count,
                                 speaker: speaker, speakerAsWritten: speaker, cue: "said")],
            event: EventRecord(title: "Report \(number)", occurredOn: date, datePrecision: "day", dateSource: "text", place: place,
                               summary: nil, participants: people.prefix(3).map(\.name), participatingOrganizations: []))
    }
}
