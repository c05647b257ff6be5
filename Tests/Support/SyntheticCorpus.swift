/// Distinct small articles (none a near-copy of another) for tests that need many: names, places
/// and a quote, then a run of made-up words drawn at random with a fixed seed. Like real news, they
/// are about different things: few share their people or their rarer words, so they form many
/// small events rather than one crowd.
public enum SyntheticCorpus {
    /// Writes `count` articles as `under/N/M.txt` (a hundred to a folder); `seed` and `label` make
    /// other articles than the default ones.
    public static func write(count: Int, into folder: TemporaryDirectory, under: String, seed start: UInt64 = 7,
                             label: String = "Report") {
        let given = ["Anna", "Tomas", "Olga", "Karl", "Ruth", "Jonas", "Maria", "Pieter", "Ilse", "Omar"]
        let family = ["Kowalczyk", "Ribeiro", "Petrenko", "Fischer", "Ellison", "Berg", "Novak", "Lindqvist", "Moreau", "Haddad",
                      "Okafor", "Tanaka", "Silva", "Dubois", "Rossi", "Weber", "Nowak", "Costa", "Larsen", "Kovac"]
        let people = given.flatMap { first in family.map { first + " " + $0 } }
        let places = ["Geneva", "Lisbon", "Odesa", "Vienna", "Oslo", "Madrid", "Porto", "Gdansk", "Tartu", "Split", "Bergen",
                      "Lyon", "Ghent", "Brno", "Turku", "Cork", "Graz", "Malmo", "Varna", "Bari"]
        let syllables = ["ka", "lo", "min", "tar", "ve", "sun", "dro", "pel", "ri", "gom", "tes", "bal", "nu", "quor", "fen", "zi"]
        let words = syllables.flatMap { a in syllables.flatMap { b in syllables.map { c in a + b + c } } }
        var seed = start
        for number in 0..<count {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let a = people[Int(seed >> 33) % people.count], b = people[(Int(seed >> 33) / 7 + number) % people.count]
            let place = places[(Int(seed >> 40) + number) % places.count]
            var filler: [String] = []
            for _ in 0..<40 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                filler.append(words[Int(seed >> 33) % words.count])
            }
            folder.write("\(under)/\(number / 100)/\(number).txt", """
                \(label) \(number): \(a) meets \(b) in \(place)
                \(a) met \(b) in \(place) on Monday to discuss item \(number) of the agenda, officials said.
                “We agreed on item \(number) and on the next steps,” \(a) told reporters.
                The agenda listed \(filler.joined(separator: " ")).
                """)
        }
    }
}
