/// Distinct small articles (none a near-copy of another) for tests that need many: names, places
/// and a quote, then a run of ordinary words drawn at random with a fixed seed.
public enum SyntheticCorpus {
    /// Writes `count` articles as `under/N/M.txt` (a hundred to a folder).
    public static func write(count: Int, into folder: TemporaryDirectory, under: String) {
        let people = ["Anna Kowalczyk", "Tomas Ribeiro", "Olga Petrenko", "Karl Fischer", "Ruth Ellison", "Jonas Berg"]
        let places = ["Geneva", "Lisbon", "Odesa", "Vienna", "Oslo", "Madrid"]
        let words = ["budget", "harbour", "council", "bridge", "school", "tariff", "grain", "railway", "court", "vote",
                     "energy", "drought", "festival", "hospital", "strike", "loan", "border", "museum", "forest", "airport",
                     "river", "market", "police", "library", "election", "treaty", "ferry", "tunnel", "stadium", "clinic"]
        var seed: UInt64 = 7
        for number in 0..<count {
            let a = people[number % people.count], b = people[(number / 6) % people.count], place = places[number % places.count]
            var filler: [String] = []
            for _ in 0..<40 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                filler.append(words[Int(seed >> 33) % words.count])
            }
            folder.write("\(under)/\(number / 100)/\(number).txt", """
                Report \(number): \(a) meets \(b) in \(place)
                \(a) met \(b) in \(place) on Monday to discuss item \(number) of the agenda, officials said.
                “We agreed on item \(number) and on the next steps,” \(a) told reporters.
                The agenda listed \(filler.joined(separator: " ")).
                """)
        }
    }
}
