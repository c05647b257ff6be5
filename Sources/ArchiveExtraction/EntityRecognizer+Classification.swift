/// Whether a mention is a person, an organization or a place: the lists first, then its shape and its context.
extension EntityRecognizer {
    func classify(_ mention: inout Mention, in text: AnalyzedText) {
        let tokens = text.tokens
        let span = mention.tokens
        let key = NameKey.make(mention.surface)
        let words = span.filter { tokens[$0].kind == .word }.map { tokens[$0].text }
        let before = span.lowerBound > 0 ? tokens[span.lowerBound - 1].lowercased : ""
        let after = span.upperBound < tokens.count ? tokens[span.upperBound] : nil
        let afterWord = nextWord(after: span.upperBound, in: tokens)

        if lexicon.organizations[key] != nil {
            mention.kind = .organization
        } else if lexicon.places[key] != nil {
            mention.kind = mention.role != nil && words.count == 1 ? .person : .place
        } else if words == ["I"] {
            mention.kind = nil  // the pronoun, before a verb: "I called him"
        } else if words.count >= 2, let last = words.last, lexicon.competitionWords.contains(last) {
            mention.kind = nil  // "World Series", "German Open", "Davis Cup": a competition, no one's name
        } else if words.count >= 2, let last = words.last, lexicon.venueWords.contains(last) {
            mention.kind = .place  // "Trent Bridge", "Grace Road"
            mention.tentative = true
        } else if words.count == 1, Self.isJoinedByParticle(words[0]) {
            mention.kind = .person  // "Inzamam-ul-Haq", "Ata-ur-Rehman"
            mention.tentative = true
        } else if let last = words.last, isDemonym(last),
                  words.allSatisfy({ isDemonym($0) || lexicon.places[NameKey.make($0)] != nil }) {
            mention.kind = nil  // "Russian officials", "Bosnian Serb": a cue, not a mention
        } else if words.count >= 2, looksLikeOrganization(span, tokens) {
            mention.kind = .organization
        } else if mention.role != nil {
            mention.kind = .person
        } else if before.hasSuffix("-year-old"), words.count >= 2, words.allSatisfy({ $0.first?.isUppercase == true }) {
            mention.kind = .person  // "20-year-old Tiger Woods"
        } else if words.count >= 2, isGivenName(words[0]) && !namedAfterPlace(words, atEnd: false, shortest: 2) || isInitial(span, tokens)
                    || words.count <= 3 && lexicon.surnamesFirst.contains(words[0]) && words.dropFirst().allSatisfy({ isNameLike($0) }) {
            mention.kind = .person
        } else if isFollowedByRegion(span, tokens) {
            mention.kind = .place  // "San Jose, Calif.", "Aguas Zarcas, Costa Rica"
        } else if Self.placePrepositions.contains(before),
                  !(words.count == 1 && (tokens[span.lowerBound].isAllCaps || Self.hasInnerCapital(words[0]))) {
            // "in Lower Brookfield"; not "in GDP" or "in WorldCom", which name no place.
            mention.kind = .place
            mention.tentative = true
        } else if words.count >= 2, namedAfterPlace(words, atEnd: false), !isGivenName(words[0]) {
            // "Hong Kong Open", "Bristol Rovers", "China Daily": named after a place, so not a person, even before a speech verb.
            mention.kind = .organization
            mention.tentative = true
        } else if let afterWord, lexicon.speechVerbs.contains(afterWord.lowercased()), after?.text != "'s",
                  words.count > 1 || isNameLike(words[0]) {
            mention.kind = .person
            mention.tentative = words.count == 1
        } else if words.count == 1, tokens[span.lowerBound].isAllCaps, (2...6).contains(words[0].count),
                  !lexicon.timeZones.contains(words[0]), !lexicon.notNames.contains(words[0].lowercased()) {
            mention.kind = .organization
            mention.tentative = true
        } else if words.count == 1, Self.hasInnerCapital(words[0]), !isGivenName(words[0]) {
            mention.kind = .organization  // "WorldCom", "PayPal"
            mention.tentative = true
        } else if words.count >= 2, words.allSatisfy({ isNameLike($0) || lexicon.nameParticles.contains($0) }), isNameLike(words[0]) {
            mention.kind = .person  // "Aravinda de Silva" too
            mention.tentative = true
        } else if words.count == 1, words[0].count >= 3, !words[0].utf8.contains(UInt8(ascii: "-")), isGivenName(words[0]), !tokens[span.lowerBound].isAllCaps,
                  !lexicon.isCommonWord(words[0].lowercased()), !lexicon.primaryPlaces.contains(key),
                  !text.sentences.contains(where: { $0.tokens.lowerBound == span.lowerBound }) {
            // "said Mark", "Julie and her sister": a given name alone, inside a sentence.
            mention.kind = .person
            mention.tentative = true
        } else {
            mention.kind = nil
            mention.tentative = true
        }
    }

    /// A comma and then a listed state or country: "Sparta, N.J.", "Skhirat, Morocco".
    func isFollowedByRegion(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
        let comma = span.upperBound
        guard comma + 1 < tokens.count, tokens[comma].text == ",", tokens[comma + 1].isCapitalized else { return false }
        for length in 1...3 where comma + length < tokens.count {
            var words = tokens[(comma + 1)...(comma + length)].map(\.text).joined(separator: " ")
            if comma + length + 1 < tokens.count, tokens[comma + length + 1].text == "." { words += "." }
            let key = NameKey.make(words)
            if let place = lexicon.places[key], lexicon.countries.contains(NameKey.make(place)) || key.hasSuffix(".") || isUSState(place) {
                return true
            }
        }
        return false
    }

    /// A nationality or group, singular or plural: "Serb", "Bosnian Serbs", "Iraqis".
    func isDemonym(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lexicon.demonyms[lower] != nil || lower.hasSuffix("s") && lexicon.demonyms[String(lower.dropLast())] != nil
    }

    func isUSState(_ place: String) -> Bool { lexicon.usStates.contains(NameKey.make(place)) }

    /// The word right after a span ("Umerov wrote"); a comma in between breaks the link, since
    /// "Telegram, adding" is no speaker and verb.
    func nextWord(after index: Int, in tokens: [Token]) -> String? {
        index < tokens.count && tokens[index].kind == .word ? tokens[index].text : nil
    }

    func isGivenName(_ word: String) -> Bool {
        if lexicon.givenNames.contains(word) { return true }
        // "Jean-Claude": either part will do.
        return word.utf8.contains(UInt8(ascii: "-")) && word.split(separator: "-").contains { lexicon.givenNames.contains(String($0)) }
    }

    func isInitial(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
        tokens[span.lowerBound].text.count == 1 && span.count > 2 && tokens[span.lowerBound + 1].text == "."
    }

    /// A word that could be part of a person's name: capitalized, not an everyday word.
    func isNameLike(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.isUppercaseLetter else { return word.count == 1 }
        if word.count == 1 { return true }
        let lower = word.lowercased()
        if lexicon.notNames.contains(lower) { return false }
        return !lexicon.isCommonWord(lower) || lexicon.givenNames.contains(word) || lexicon.surnames.contains(word)
    }

    /// "WorldCom", "PayPal": a capital inside a word, as brands have and places do not ("McAllen"
    /// and "MacArthur" excepted).
    static func hasInnerCapital(_ word: String) -> Bool {
        guard word.unicodeScalars.count > 3 else { return false }
        var previous: Unicode.Scalar = " "
        for (index, scalar) in word.unicodeScalars.enumerated() {
            defer { previous = scalar }
            guard index >= 2, scalar.isUppercaseLetter, previous.isLowercaseLetter else { continue }
            let isPrefix = index == 2 && ["Mc", "De", "La", "Le"].contains { word.hasPrefix($0) } || index == 3 && word.hasPrefix("Mac")
            if !isPrefix { return true }
        }
        return false
    }

    /// A name whose parts are joined by a lower-case particle: "Inzamam-ul-Haq", "Zia-ur-Rehman",
    /// "Salah-ud-Din".
    static func isJoinedByParticle(_ word: String) -> Bool {
        let parts = word.split(separator: "-")
        guard parts.count == 3, ["ul", "ur", "ud", "uz", "us", "un"].contains(parts[1]) else { return false }
        return parts[0].first?.isUppercase == true && parts[2].first?.isUppercase == true
    }

    /// Whether the first (or last) one to three words of a longer name are a major place:
    /// "Hong Kong Open", "Bristol Rovers", "Ajax Amsterdam".
    func namedAfterPlace(_ words: [String], atEnd: Bool, shortest: Int = 1) -> Bool {
        guard words.count > shortest else { return false }
        for length in shortest...min(3, words.count - 1) {
            let part = atEnd ? words.suffix(length).joined(separator: " ") : words.prefix(length).joined(separator: " ")
            if lexicon.primaryPlaces.contains(NameKey.make(part)) { return true }
        }
        return false
    }
}
