/// The shipped word lists (wordlists/*.txt, embedded at build time), parsed once per process.
///
/// Lists are facts about language and the world — given names, titles, places — never names taken
/// from the documents the engine is measured on. Sources and licenses: wordlists/README.md.
struct Lexicon: Sendable {
    static let shared = Lexicon()

    /// Lower-case dictionary words: a capitalized one at a sentence start is probably not a name.
    let commonWords: Set<String>
    let givenNames: Set<String>
    /// Family names: a capitalized pair ending in one is probably a person.
    let surnames: Set<String>
    /// Family names that come first in a full name ("Wang Donghai").
    let surnamesFirst: WordSet
    /// Lower-case titles and roles, single- and multi-word.
    let titles: WordSet
    let titleFirstWords: WordSet
    /// The last word of every title: a word before a name that is none of these starts no title.
    let titleLastWords: WordSet
    let abbreviations: WordSet
    let speechVerbs: WordSet
    let organizationSuffixes: WordSet
    /// Match key → canonical name, for every name and alias of a known organization.
    let organizations: [String: String]
    /// Match key → canonical name, for every known place and variant.
    let places: [String: String]
    /// Match keys of places under their main names (not the many foreign exonyms): only these
    /// make a word a place when it merely begins a longer name ("Bristol Rovers").
    let primaryPlaces: Set<String>
    /// Lower-case demonym → the place it points to.
    let demonyms: [String: String]
    /// Match keys of countries and nations: in a sports report these stay places.
    let countries: Set<String>
    /// Match keys of US states.
    let usStates: Set<String>
    /// Lower-case words that mark a sports report.
    let sportsWords: WordSet
    /// Keys of teams' nicknames ("orioles", "red sox"): organizations in sports reports only.
    let teamNicknames: Set<String>
    let boilerplate: BoilerplateRules
    /// Words grouping leaves out of an article's term vector.
    let functionWords: WordSet
    /// Particles of people's names ("van", "de la").
    let nameParticles: WordSet
    /// Courtesy titles before a name ("Mr", "Dr").
    let honorifics: WordSet
    /// Last words that make a name a competition ("Open", "Cup").
    let competitionWords: WordSet
    /// Last words that make a name a venue or street ("Bridge", "Road").
    let venueWords: WordSet
    /// Time zones in capitals ("GMT"), never organizations.
    let timeZones: WordSet
    /// Lower-case forms of capitalized words that are not names ("however", "officials", "gdp").
    let notNames: WordSet
    /// The most words any organization or place name in the lists has.
    let longestName: Int

    init() {
        let files = WordListData.files
        func lines(_ name: String) -> [Substring] {
            guard let text = files[name] else { preconditionFailure("word list \(name) is not embedded") }
            return Self.listLines(text)
        }
        commonWords = Set(lines("common-words.txt").map(String.init))
        functionWords = WordSet(lines("function-words.txt").map(String.init) + EntityRecognizer.weekdayNames)
        nameParticles = WordSet(lines("name-particles.txt").map(String.init))
        honorifics = WordSet(lines("honorifics.txt").map(String.init))
        competitionWords = WordSet(lines("competition-words.txt").map(String.init))
        venueWords = WordSet(lines("venue-words.txt").map(String.init))
        timeZones = WordSet(lines("time-zones.txt").map(String.init))
        notNames = WordSet(lines("not-names.txt").map(String.init))
        givenNames = Set((lines("given-names.txt") + lines("given-names-international.txt")).map(String.init))
        let titleList = lines("titles.txt").map { $0.lowercased() }
        titles = WordSet(titleList)
        surnamesFirst = WordSet(lines("surnames-first.txt").map(String.init))
        surnames = Set(lines("surnames.txt").map(String.init))
        titleFirstWords = WordSet(titleList.compactMap { $0.split(separator: " ").first.map(String.init) })
        titleLastWords = WordSet(titleList.compactMap { $0.split(separator: " ").last.map(String.init) })
        abbreviations = WordSet(lines("abbreviations.txt").map { $0.lowercased() })
        speechVerbs = WordSet(lines("speech-verbs.txt").map { $0.lowercased() })
        organizationSuffixes = WordSet(lines("org-suffixes.txt").map(String.init))
        var longest = 1
        /// Reads "Canonical|Variant|…" lines into key → canonical name.
        func variants(_ file: String, into map: inout [String: String]) {
            for line in lines(file) {
                let names = Self.fields(line)
                for name in names {
                    map[NameKey.make(name)] = names[0]
                    longest = max(longest, Self.wordCount(name))
                }
            }
        }
        var organizations: [String: String] = [:]
        variants("organizations.txt", into: &organizations)
        var nicknames: Set<String> = []
        for line in lines("sports-teams.txt") {
            let names = Self.fields(line)
            guard let full = names.first else { continue }
            organizations[NameKey.make(full)] = full
            longest = max(longest, Self.wordCount(full))
            for nickname in names.dropFirst() { nicknames.insert(NameKey.make(nickname)) }
        }
        var places: [String: String] = [:]
        for line in lines("places-geonames.txt") {
            places[NameKey.make(line)] = String(line)
            longest = max(longest, Self.wordCount(line))
        }
        for line in lines("regions.txt") {
            let names = Self.fields(line)
            for name in names where places[NameKey.make(name)] == nil {
                places[NameKey.make(name)] = names[0]
                longest = max(longest, Self.wordCount(name))
            }
        }
        let primary = Set(places.keys)
        for line in lines("places-exonyms.txt") {
            let names = Self.fields(line)
            guard names.count == 2, places[NameKey.make(names[1])] == nil else { continue }
            places[NameKey.make(names[1])] = names[0]
            longest = max(longest, Self.wordCount(names[1]))
        }
        variants("place-variants.txt", into: &places)
        var demonyms: [String: String] = [:]
        for line in lines("demonyms.txt") {
            // "Catholic|" names a faith, not a place: still no one's name.
            let parts = Self.fields(line, keepingEmpty: true)
            if parts.count == 2 { demonyms[parts[0].lowercased()] = parts[1] }
        }
        countries = Set((lines("countries-geonames.txt") + lines("nations-extra.txt")).map { NameKey.make($0) })
        sportsWords = WordSet(lines("sports-words.txt").map { $0.lowercased() })
        usStates = Set(lines("us-states-geonames.txt").map { NameKey.make($0) })
        self.organizations = organizations
        self.teamNicknames = nicknames
        self.places = places
        self.primaryPlaces = primary.union(lines("place-variants.txt").flatMap { $0.split(separator: "|").map { NameKey.make($0) } })
        self.demonyms = demonyms
        self.longestName = longest
        boilerplate = BoilerplateRules(lines("boilerplate.txt").map(String.init))
    }

    /// A word list's lines (split on bytes by `ArticleNormalizer.lines`: splitting the 300,000 lines
    /// on Characters took most of the start-up time), spaces trimmed, `#` comments left out.
    static func listLines(_ text: String) -> [Substring] {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        return ArticleNormalizer.lines(text).compactMap { line in
            // Nearly every line needs no trimming.
            if let first = line.utf8.first, let last = line.utf8.last, !isSpace(first), !isSpace(last) {
                return first == UInt8(ascii: "#") ? nil : line
            }
            guard let first = line.utf8.firstIndex(where: { !isSpace($0) }),
                  let last = line.utf8.lastIndex(where: { !isSpace($0) }), line.utf8[first] != UInt8(ascii: "#") else { return nil }
            return line[first...last]
        }
    }

    /// The `|`-separated names of a list line, spaces trimmed, found on bytes.
    static func fields(_ line: Substring, keepingEmpty: Bool = false) -> [String] {
        var result: [String] = []
        var field: [UInt8] = []
        func finish() {
            while field.last == 0x20 || field.last == 0x09 { field.removeLast() }
            if keepingEmpty || !field.isEmpty { result.append(String(decoding: field, as: UTF8.self)) }
            field.removeAll(keepingCapacity: true)
        }
        for byte in line.utf8 {
            if byte == UInt8(ascii: "|") {
                finish()
            } else if !(field.isEmpty && (byte == 0x20 || byte == 0x09)) {
                field.append(byte)
            }
        }
        finish()
        return result
    }

    /// Words in a name from a list (single spaces between them).
    static func wordCount(_ name: some StringProtocol) -> Int {
        name.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    /// True for an everyday word, including a regular plural of one ("rovers", "wells") and a
    /// regular -ing or -ed form of a verb ("playing", "played", "making", "stopped"): the word
    /// list holds base forms only.
    func isCommonWord(_ lower: String) -> Bool {
        if commonWords.contains(lower) { return true }
        if lower.hasSuffix("s"), lower.count > 3 {
            if commonWords.contains(String(lower.dropLast())) { return true }
            if lower.hasSuffix("es"), commonWords.contains(String(lower.dropLast(2))) { return true }
            if lower.hasSuffix("ies"), commonWords.contains(lower.dropLast(3) + "y") { return true }
        }
        // "women", "chairmen"
        if lower.hasSuffix("men"), commonWords.contains(lower.dropLast(2) + "an") { return true }
        for suffix in ["ing", "ed"] where lower.hasSuffix(suffix) && lower.count >= suffix.count + 3 {
            let stem = String(lower.dropLast(suffix.count))
            if commonWords.contains(stem) || commonWords.contains(stem + "e") { return true }
            // "stopped", "running": a doubled last consonant.
            if let last = stem.last, stem.dropLast().last == last, commonWords.contains(String(stem.dropLast())) { return true }
        }
        return false
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}

extension String {
    var trimmingSpaces: String { String(self[...].trimmingSpaces) }
}
