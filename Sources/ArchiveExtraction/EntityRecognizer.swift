/// Finds the people, organizations and places an article names.
///
/// Capitalized spans are the candidates; each is classified by the shipped lists (known
/// organizations and places, organization suffixes, given names, titles) and by its context
/// (a title before it, a speech verb after it, "in" or "near" before it). Then the document is
/// made consistent: once "Steve Witkoff" is a person, "Witkoff" is that person too, and a name
/// classified once is classified the same everywhere. Lines in capitals (headlines, datelines)
/// only ever match names that are known or found elsewhere in the article.
struct EntityRecognizer: Sendable {
    let lexicon: Lexicon

    struct Result: Sendable {
        var entities: [Entity]
        /// Body mentions, each with its `entity` index set, in text order.
        var mentions: [Mention]
        /// Title mentions, with token ranges in the title.
        var titleMentions: [Mention]
    }

    private static let months = WordSet(CalendarWords.englishMonths.keys)
    static let weekdayNames = CalendarWords.weekdays.keys.sorted()
    static let weekdays = WordSet(weekdayNames)
    /// Lower-case words that may sit inside a name: "Bank of England", "Ludwig van Beethoven".
    private static let connectors: WordSet = [
        "of", "de", "del", "della", "di", "da", "van", "von", "der", "den", "du", "la", "le", "al", "bin", "ibn",
        "and", "&", "for", "on", "the", "y",
    ]
    /// Particles of people's names, which may come two together ("Leon van der Wath", "de la Cruz").
    private static let particles: WordSet = ["de", "del", "della", "di", "da", "van", "von", "der", "den", "du", "la",
                                                 "le", "al", "bin", "ibn", "dos", "das", "los", "las", "y"]
    /// Connectors that only an organization name may contain; elsewhere they separate two names.
    private static let organizationConnectors: WordSet = ["and", "&", "for", "on", "the"]
    private static let placePrepositions: WordSet = ["in", "near", "outside", "across", "throughout", "around", "into", "from"]
    /// Short words in capitals that are abbreviations but never organizations: time zones
    /// ("07.00 GMT"), which a rule for acronyms would otherwise take.
    private static let timeZones: WordSet = [
        "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST", "BST", "IST", "JST", "AEST", "AEDT",
        "HKT", "SGT", "MSK", "EET", "EEST", "WET", "WEST",
    ]
    private static let honorifics: WordSet = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Messrs", "Mme", "Mlle", "MR", "MRS", "MS", "DR"]

    /// Last words that make a name a competition ("U.S. Open", "Davis Cup"), which is neither a
    /// person, an organization nor a place.
    private static let eventWords: WordSet = [
        "Open", "Cup", "Masters", "Series", "Championship", "Championships", "Games", "Olympics", "Trophy",
        "Classic", "Prix", "Invitational", "Marathon", "Derby",
    ]
    /// Last words that make a name a venue or street: "Trent Bridge", "Grace Road", "Ellis Park".
    private static let venueWords: WordSet = [
        "Bridge", "Road", "Street", "Square", "Stadium", "Oval", "Avenue", "Arena", "Lane", "Boulevard", "Racecourse",
    ]

    /// Capitalized words that start sentences or sit before names without being names.
    private static let notNames: WordSet = [
        "i", "a", "an", "the", "this", "that", "these", "those", "he", "she", "it", "we", "they", "you", "his", "her",
        "its", "our", "their", "my", "your", "there", "here", "but", "and", "or", "so", "yet", "if", "when", "while",
        "after", "before", "since", "as", "at", "on", "in", "for", "with", "by", "from", "to", "of", "about", "under",
        "over", "earlier", "later", "meanwhile", "however", "also", "still", "even", "both", "all", "some", "many",
        "most", "more", "few", "several", "other", "another", "such", "no", "not", "what", "who", "whom", "whose",
        "which", "where", "why", "how", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "first", "second", "third", "last", "next", "new", "today", "yesterday", "tomorrow", "tonight", "mr", "mrs",
        "ms", "dr", "according", "despite", "although", "though", "because", "following", "during", "until",
        "previous", "former", "late", "early", "each", "every", "any", "only", "just", "then", "now", "once",
        "again", "further", "well", "instead", "yes", "oh", "please", "thank", "thanks", "dear", "hello", "sources",
        "source", "officials", "official", "talks", "statement", "report", "reports", "news", "breaking", "update",
        "live", "watch", "read", "see", "photo", "video", "image", "copyright", "editing", "reporting", "additional",
        "i'm", "i've", "i'd", "i'll",
        // Abbreviations that name no organization.
        "gmt", "utc", "est", "edt", "pst", "bst", "cet", "gdp", "gnp", "cpi", "vat", "ceo", "cfo", "tv", "am", "pm",
        "rbi", "era", "hiv", "aids", "dna", "ok", "id", "pc", "mp", "mps", "ps", "nb", "faq", "usd", "eur",
    ]

    func recognize(body: AnalyzedText, title: AnalyzedText) -> Result {
        var mentions = candidateMentions(in: body)
        let acronyms = acronymDefinitions(in: body, mentions: mentions)
        applyAcronyms(acronyms, to: &mentions)
        resolveDocumentLevel(&mentions, text: body)
        joinListsOfPeople(&mentions, text: body)
        if SportsReport.isSports(body: body, title: title, lexicon: lexicon) {
            reclassifyTeams(&mentions, text: body)
            addResultLineTeams(&mentions, text: body)
        }
        // A lone unknown word that nothing supports is dropped rather than guessed.
        mentions.removeAll { $0.kind == nil }
        mentions.append(contentsOf: capitalsMentions(in: body, known: mentions))
        mentions.sort { $0.start < $1.start }
        // A headline's capitals say nothing about names whatever its case: only names known from
        // the lists or the body count there.
        let titleMentions = capitalsMentions(in: title, known: mentions, all: true)
        return group(body: mentions, title: titleMentions)
    }

    // MARK: - Candidates

    private func isNameWord(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        let lower = token.lowercased
        if token.isCapitalized { return !Self.months.contains(lower) && !Self.weekdays.contains(lower) }
        // "al-Assad", "bin Salman" style particles glued to a capitalized name.
        guard let first = token.text.utf8.first, first == UInt8(ascii: "a") || first == UInt8(ascii: "e") else { return false }
        for prefix in ["al-", "el-", "ad-", "as-", "ash-", "ar-", "at-"] where lower.hasPrefix(prefix) {
            return token.text.unicodeScalars.dropFirst(prefix.count).first?.isUppercaseLetter ?? false
        }
        return false
    }

    private func candidateMentions(in text: AnalyzedText) -> [Mention] {
        let tokens = text.tokens
        let midCapitals = capitalizedMidSentence(text)
        var mentions: [Mention] = []
        for sentence in text.sentences where !text.isShouting(sentence) {
            let firstWord = text.firstWord(of: sentence)
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                guard isNameWord(tokens[index]) else { index += 1; continue }
                var end = index + 1
                while end < sentence.tokens.upperBound {
                    let token = tokens[end]
                    if isNameWord(token), tokens[end - 1].end < token.start || tokens[end - 1].kind == .word {
                        end += 1
                    } else if let known = knownNameEnd(from: index, after: end, in: sentence.tokens, text) {
                        end = known  // "Moody's Investors Service", "... Cooperation in Europe"
                    } else if token.kind == .word || token.text == "&", Self.connectors.contains(token.text),
                              end + 1 < sentence.tokens.upperBound, isNameWord(tokens[end + 1]) {
                        end += 2
                    } else if token.kind == .word, Self.particles.contains(token.text), end + 2 < sentence.tokens.upperBound,
                              Self.particles.contains(tokens[end + 1].text), isNameWord(tokens[end + 2]) {
                        end += 3  // "van der", "de la", "bin al"
                    } else if token.text == ".", tokens[end - 1].text.count == 1 && tokens[end - 1].isCapitalized
                                || ["St", "Mt", "Ft"].contains(tokens[end - 1].text),
                              end + 1 < sentence.tokens.upperBound, isNameWord(tokens[end + 1]) {
                        end += 2  // an initial or a saint: "P. Simmons", "George W. Bush", "St. Louis"
                    } else {
                        break
                    }
                }
                var start = index
                // "Fourth-placed Leicestershire": a hyphenated adjective is not part of the name.
                while start < end - 1, tokens[start].text.utf8.contains(UInt8(ascii: "-")),
                      tokens[start].text.split(separator: "-").dropFirst().contains(where: { $0.first?.isLowercase == true }) {
                    start += 1
                }
                // A capitalized everyday word opening a sentence is not a name unless the article
                // capitalizes it elsewhere too, or it begins a known name ("New Zealand", "White House").
                while start < end, start == firstWord || start == index && isAfterOpeningQuote(start, tokens),
                      !beginsKnownName(start, end, text),
                      isEverydayWord(tokens[start], midCapitals: midCapitals, next: start + 1 < tokens.count ? tokens[start + 1] : nil) {
                    start += 1
                    while start < end, !isNameWord(tokens[start]) { start += 1 }
                }
                if start < end {
                    mentions.append(contentsOf: split(span: start..<end, in: text))
                }
                index = end
            }
        }
        return mentions
    }

    /// Where a listed organization that runs on past a possessive or an "in" ends, if one does:
    /// capitals alone stop at those words.
    private func knownNameEnd(from start: Int, after end: Int, in sentence: Range<Int>, _ text: AnalyzedText) -> Int? {
        let tokens = text.tokens
        guard tokens[end].text == "'s" || tokens[end].text == "in" else { return nil }
        let limit = min(sentence.upperBound, start + lexicon.longestName + 3)
        guard limit > end + 1 else { return nil }
        for stop in stride(from: limit, through: end + 2, by: -1) where tokens[stop - 1].isCapitalized {
            if lexicon.organizations[NameKey.make(text.text(start..<stop))] != nil { return stop }
        }
        return nil
    }

    private func isAfterOpeningQuote(_ index: Int, _ tokens: [Token]) -> Bool {
        guard index > 0 else { return true }
        let previous = tokens[index - 1].text
        return previous == "\u{201C}" || previous == "\"" || previous == "(" || previous == "-" || previous == "\u{2014}"
    }

    /// True when the tokens from `start` (two or more of them) spell a listed place or organization.
    private func beginsKnownName(_ start: Int, _ end: Int, _ text: AnalyzedText) -> Bool {
        guard end - start >= 2 else { return false }
        for length in stride(from: min(end - start, lexicon.longestName), through: 2, by: -1) {
            let key = NameKey.make(text.text(start..<(start + length)))
            guard let known = lexicon.places[key] ?? lexicon.organizations[key] else { continue }
            // Keys drop a leading "the": "The UK" begins a known name only if the list writes it
            // with the article, as in "The Hague".
            if text.tokens[start].lowercased != "the" || known.hasPrefix("The ") { return true }
        }
        return false
    }

    private func isEverydayWord(_ token: Token, midCapitals: Set<String>, next: Token? = nil) -> Bool {
        let lower = token.lowercased
        // "I. Salisbury": a letter with a period is an initial, not the pronoun.
        if token.text.count == 1 { return (lower == "a" || lower == "i") && next?.text != "." }
        if Self.notNames.contains(lower) { return true }
        if lexicon.givenNames.contains(token.text) || lexicon.places[NameKey.make(token.text)] != nil
            || lexicon.organizations[NameKey.make(token.text)] != nil {
            return false
        }
        return lexicon.isCommonWord(lower) && !midCapitals.contains(token.text)
    }

    /// Words the article capitalizes away from a sentence start: evidence that they are names.
    private func capitalizedMidSentence(_ text: AnalyzedText) -> Set<String> {
        var result: Set<String> = []
        for sentence in text.sentences where !text.isShouting(sentence) {
            let first = text.firstWord(of: sentence)
            for index in sentence.tokens where index != first && text.tokens[index].isCapitalized {
                if index > 0, isAfterOpeningQuote(index, text.tokens) { continue }
                result.insert(text.tokens[index].text)
            }
        }
        return result
    }

    /// Splits a capitalized span into titles and names ("US President Donald Trump" → US | Donald
    /// Trump with role President), and at joining words when the whole is not an organization.
    private func split(span: Range<Int>, in text: AnalyzedText) -> [Mention] {
        let tokens = text.tokens
        var span = span
        // "Mr McConnell", "Dr. Etzioni": a courtesy title is neither part of the name nor a role, and
        // left on it would make "Mr McConnell" a second person beside "Jack McConnell".
        if span.count >= 2, Self.honorifics.contains(tokens[span.lowerBound].text) {
            var start = span.lowerBound + 1
            if tokens[start].text == ".", start + 1 < span.upperBound { start += 1 }
            if tokens[start].kind == .word { span = start..<span.upperBound }
        }
        let whole = text.text(span)
        if lexicon.organizations[NameKey.make(whole)] != nil || lexicon.places[NameKey.make(whole)] != nil {
            return [makeMention(span, in: text, role: nil)]
        }
        // "Irish Republican Army": a name ending in an organization word holds no titles.
        if span.count > 1, lexicon.organizationSuffixes.contains(tokens[span.upperBound - 1].text) {
            return splitJoined(span, in: text, role: nil)
        }
        var result: [Mention] = []
        var partStart = span.lowerBound
        var role: String? = roleBefore(span.lowerBound, in: text)
        var index = span.lowerBound
        while index < span.upperBound {
            if let titleEnd = titleMatch(at: index, limit: span.upperBound, tokens: tokens),
               titleEnd < span.upperBound || isPlaceOrNothing(partStart..<index, text) {
                if partStart < index { result.append(contentsOf: splitJoined(partStart..<index, in: text, role: role)) }
                // A title closing the span after a place ("US Secretary of State") names no one itself;
                // after a name it is a surname ("Charlie King") and stays.
                if titleEnd == span.upperBound { return result }
                role = text.text(index..<titleEnd)
                index = titleEnd
                while index < span.upperBound, !isNameWord(tokens[index]) { index += 1 }
                partStart = index
                continue
            }
            index += 1
        }
        if partStart < span.upperBound { result.append(contentsOf: splitJoined(partStart..<span.upperBound, in: text, role: role)) }
        return result
    }

    private func isPlaceOrNothing(_ range: Range<Int>, _ text: AnalyzedText) -> Bool {
        range.isEmpty || lexicon.places[NameKey.make(text.text(range))] != nil || lexicon.demonyms[text.text(range).lowercased()] != nil
    }

    private func splitJoined(_ span: Range<Int>, in text: AnalyzedText, role: String?) -> [Mention] {
        let tokens = text.tokens
        // "Australian Tom Moody", "American Oliver McCall": a nationality before a given name.
        if span.count >= 3, lexicon.demonyms[tokens[span.lowerBound].lowercased] != nil,
           isGivenName(tokens[span.lowerBound + 1].text)
            || span.count <= 4 && span.dropFirst().allSatisfy({ isNameLike(tokens[$0].text) })
                && lexicon.places[NameKey.make(text.text((span.lowerBound + 1)..<span.upperBound))] == nil
                && !looksLikeOrganization(span, tokens) {
            return splitJoined((span.lowerBound + 1)..<span.upperBound, in: text,
                               role: role ?? tokens[span.lowerBound].text)
        }
        let hasJoiner = span.contains { Self.organizationConnectors.contains(tokens[$0].text) || tokens[$0].text == "of" }
        // "Johnson Controls Inc and Lear Corp": two organizations, each complete before the "and".
        if let and = span.first(where: { index in
               (tokens[index].text == "and" || tokens[index].text == "&") && index > span.lowerBound && index + 1 < span.upperBound
                   && lexicon.organizationSuffixes.contains(tokens[index - 1].text)
                   && looksLikeOrganization((index + 1)..<span.upperBound, tokens)
           }) {
            return splitJoined(span.lowerBound..<and, in: text, role: role) + splitJoined((and + 1)..<span.upperBound, in: text, role: nil)
        }
        if !hasJoiner || looksLikeOrganization(span, tokens) {
            return [makeMention(span, in: text, role: role)]
        }
        var result: [Mention] = []
        var start = span.lowerBound
        for index in span where Self.organizationConnectors.contains(tokens[index].text) || tokens[index].text == "of" {
            if start < index { result.append(makeMention(start..<index, in: text, role: result.isEmpty ? role : nil)) }
            start = index + 1
        }
        if start < span.upperBound { result.append(makeMention(start..<span.upperBound, in: text, role: nil)) }
        return result
    }

    private func looksLikeOrganization(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
        span.contains { lexicon.organizationSuffixes.contains(tokens[$0].text) }
    }

    /// The end of the longest title starting at `index`, if one does.
    private func titleMatch(at index: Int, limit: Int, tokens: [Token]) -> Int? {
        var best: Int?
        var words: [String] = []
        var cursor = index
        while cursor < limit, words.count < 5 {
            let token = tokens[cursor]
            guard token.kind == .word else { break }
            var word = token.lowercased
            if cursor + 1 < tokens.count, tokens[cursor + 1].text == ".", tokens[cursor + 1].start == token.end,
               lexicon.abbreviations.contains(word) {
                word += "."
                cursor += 1
            }
            words.append(word)
            cursor += 1
            if lexicon.titles.contains(words.joined(separator: " ")) { best = cursor }
            if words.count == 1, !lexicon.titleFirstWords.contains(word) { break }
        }
        return best
    }

    /// A role written just before a name in lower case: "envoy Kirill Dmitriev", "chief negotiator
    /// Rustem Umerov", "envoy, Kirill Dmitriev".
    private func roleBefore(_ index: Int, in text: AnalyzedText) -> String? {
        let tokens = text.tokens
        var end = index
        if end > 0, tokens[end - 1].text == "," { end -= 1 }
        guard end > 0, lexicon.titleLastWords.contains(tokens[end - 1].lowercased) else { return nil }
        var best: String?
        var start = end - 1
        while start >= 0, end - start <= 4, tokens[start].kind == .word {
            let words = tokens[start..<end].map { $0.lowercased }
            if lexicon.titles.contains(words.joined(separator: " ")) { best = text.text(start..<end) }
            start -= 1
        }
        return best
    }

    private func makeMention(_ span: Range<Int>, in text: AnalyzedText, role: String?) -> Mention {
        let tokens = text.tokens
        var span = span
        // Trailing joiners never end a name.
        while span.count > 1, !isNameWord(tokens[span.upperBound - 1]) { span = span.lowerBound..<(span.upperBound - 1) }
        let surface = text.text(span)
        let possessive = span.upperBound < tokens.count && tokens[span.upperBound].text == "'s"
        var mention = Mention(tokens: span, start: tokens[span.lowerBound].start, end: tokens[span.upperBound - 1].end,
                              surface: surface, kind: nil, role: role, possessive: possessive, tentative: false)
        classify(&mention, in: text)
        return mention
    }

    // MARK: - Classification

    private func classify(_ mention: inout Mention, in text: AnalyzedText) {
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
        } else if words.count >= 2, let last = words.last, Self.eventWords.contains(last) {
            mention.kind = nil  // "World Series", "German Open", "Davis Cup": a competition, no one's name
        } else if words.count >= 2, let last = words.last, Self.venueWords.contains(last) {
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
                  !Self.timeZones.contains(words[0]), !Self.notNames.contains(words[0].lowercased()) {
            mention.kind = .organization
            mention.tentative = true
        } else if words.count == 1, Self.hasInnerCapital(words[0]), !isGivenName(words[0]) {
            mention.kind = .organization  // "WorldCom", "PayPal"
            mention.tentative = true
        } else if words.count >= 2, words.allSatisfy({ isNameLike($0) || Self.particles.contains($0) }), isNameLike(words[0]) {
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

    /// The word right after a span ("Umerov wrote"); a comma in between breaks the link, since
    /// "Telegram, adding" is no speaker and verb.
    /// A comma and then a listed state or country: "Sparta, N.J.", "Skhirat, Morocco".
    private func isFollowedByRegion(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
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
    private func isDemonym(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lexicon.demonyms[lower] != nil || lower.hasSuffix("s") && lexicon.demonyms[String(lower.dropLast())] != nil
    }

    private func isUSState(_ place: String) -> Bool { lexicon.usStates.contains(NameKey.make(place)) }

    private func nextWord(after index: Int, in tokens: [Token]) -> String? {
        index < tokens.count && tokens[index].kind == .word ? tokens[index].text : nil
    }

    private func isGivenName(_ word: String) -> Bool {
        if lexicon.givenNames.contains(word) { return true }
        // "Jean-Claude": either part will do.
        return word.utf8.contains(UInt8(ascii: "-")) && word.split(separator: "-").contains { lexicon.givenNames.contains(String($0)) }
    }

    private func isInitial(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
        tokens[span.lowerBound].text.count == 1 && span.count > 2 && tokens[span.lowerBound + 1].text == "."
    }

    /// A word that could be part of a person's name: capitalized, not an everyday word.
    private func isNameLike(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.isUppercaseLetter else { return word.count == 1 }
        if word.count == 1 { return true }
        let lower = word.lowercased()
        if Self.notNames.contains(lower) { return false }
        return !lexicon.isCommonWord(lower) || lexicon.givenNames.contains(word) || lexicon.surnames.contains(word)
    }

    // MARK: - Acronyms

    /// "Russian Direct Investment Fund (RDIF)": the acronym in brackets names the span before it.
    private func acronymDefinitions(in text: AnalyzedText, mentions: [Mention]) -> [String: Int] {
        var result: [String: Int] = [:]
        let tokens = text.tokens
        for (index, mention) in mentions.enumerated() where mention.tokens.count >= 2 {
            let next = mention.tokens.upperBound
            guard next + 2 < tokens.count, tokens[next].text == "(", tokens[next + 2].text == ")",
                  tokens[next + 1].isAllCaps else { continue }
            let acronym = tokens[next + 1].text
            let initials = String(mention.tokens.compactMap { tokens[$0].text.first }.filter { $0.isUppercase })
            if initials.hasPrefix(String(acronym.prefix(2))) || acronym.hasPrefix(String(initials.prefix(2))) {
                result[acronym] = index
            }
        }
        return result
    }

    private func applyAcronyms(_ acronyms: [String: Int], to mentions: inout [Mention]) {
        guard !acronyms.isEmpty else { return }
        for index in mentions.indices {
            guard let definition = acronyms[mentions[index].surface] else { continue }
            if mentions[definition].kind == nil || mentions[definition].kind == .person {
                mentions[definition].kind = .organization
            }
            mentions[index].kind = mentions[definition].kind
            mentions[index].tentative = false
            mentions[index].expands = mentions[definition].surface
        }
    }

    // MARK: - Document-level consistency

    private func resolveDocumentLevel(_ mentions: inout [Mention], text: AnalyzedText) {
        // Surnames of people named in full, and the kinds that firm evidence gave each name.
        var surnames: [String: Int] = [:]
        var firm: [String: EntityKind] = [:]
        for mention in mentions {
            let key = NameKey.make(mention.surface)
            if let kind = mention.kind, !mention.tentative { firm[key] = firm[key] ?? kind }
            if mention.kind == .person, mention.tokens.count >= 2, let last = mention.surface.split(separator: " ").last {
                surnames[NameKey.make(last), default: 0] += 1
                // "Wang Donghai" … "Wang's arrest": the family name comes first.
                if let first = mention.surface.split(separator: " ").first, lexicon.surnamesFirst.contains(String(first)) {
                    surnames[NameKey.make(first), default: 0] += 1
                }
            }
        }
        for index in mentions.indices {
            let key = NameKey.make(mentions[index].surface)
            // "Forbes" after "Steve Forbes": the family name wins over a listed company of that name.
            if mentions[index].tokens.count == 1, surnames[key] != nil,
               lexicon.places[key] == nil || mentions[index].kind != .place || mentions[index].tentative {
                mentions[index].kind = .person
                mentions[index].tentative = false
            } else if mentions[index].tentative, let kind = firm[key] {
                mentions[index].kind = kind
                mentions[index].tentative = false
            }
        }
        // A name classified only tentatively takes the most common kind given to it.
        var votes: [String: [EntityKind: Int]] = [:]
        for mention in mentions { if let kind = mention.kind { votes[NameKey.make(mention.surface), default: [:]][kind, default: 0] += 1 } }
        for index in mentions.indices where mentions[index].tentative {
            let key = NameKey.make(mentions[index].surface)
            if let best = votes[key]?.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key.rawValue > $1.key.rawValue }) {
                mentions[index].kind = best.key
            }
        }
    }

    /// In a sports report, a city, county or unknown name standing alone is a club; a country stays
    /// a place (its national team is named after it), and so does anything "in" or "at" somewhere.
    private func reclassifyTeams(_ mentions: inout [Mention], text: AnalyzedText) {
        let tokens = text.tokens
        for index in mentions.indices {
            let mention = mentions[index]
            let key = NameKey.make(mention.surface)
            // "the Orioles", "Red Sox": a team's nickname, in a sports report.
            if lexicon.teamNicknames.contains(key), mention.role == nil {
                mentions[index].kind = .organization
                mentions[index].tentative = false
                continue
            }
            let before = mention.tokens.lowerBound > 0 ? tokens[mention.tokens.lowerBound - 1].lowercased : ""
            // Cricket scorecards: "c Thorpe b Croft", "lbw b Mullally" name fielders and bowlers.
            if ["b", "c", "lbw", "st"].contains(before), mention.tokens.count == 1, mention.kind == nil || mention.tentative {
                mentions[index].kind = .person
                continue
            }
            // A squad list ("Irwin, McAteer, Harte, Houghton,"): family names between commas are players.
            let after = mention.tokens.upperBound < tokens.count ? tokens[mention.tokens.upperBound].text : ""
            if before == ",", after == "," || after == "." || after == "and", mention.tokens.count == 1,
               mention.kind == nil || mention.tentative, lexicon.surnames.contains(mention.surface),
               lexicon.primaryPlaces.contains(NameKey.make(mention.surface)) == false {
                mentions[index].kind = .person
                continue
            }
            if mention.kind == nil || mention.tentative && mention.kind != .place, mention.role == nil,
               mention.tokens.count >= 2, isFollowedByBracketedCountry(mention.tokens, tokens) {
                mentions[index].kind = .person
                continue
            }
            // "(Zorc 59th)", "(Smicer 90th)": a scorer and the minute of the goal.
            if before == "(", mention.tokens.upperBound < tokens.count, isOrdinal(tokens[mention.tokens.upperBound].text) {
                if mention.kind == nil || mention.tentative { mentions[index].kind = .person }
                continue
            }
            if ["in", "at", "near", "outside", "of"].contains(before) {
                // "at Headingley", "At Tunbridge Wells:": where the match is played.
                if before != "of", mention.kind == nil || mention.kind == .person && mention.tentative && mention.role == nil {
                    mentions[index].kind = .place
                }
                continue
            }
            let sentence = text.sentences[text.sentenceOfToken[mention.tokens.lowerBound]]
            // A dateline ("LONDON 1996-08-30") names where the report was filed.
            if sentence.tokens.count <= 4, sentence.tokens.contains(where: { CivilDate.parseISO(tokens[$0].text) != nil }) { continue }
            switch mention.kind {
            case .place?:
                if !lexicon.countries.contains(lexicon.places[key].map { NameKey.make($0) } ?? key) {
                    mentions[index].kind = .organization
                }
            case nil:
                let words = mention.surface.split(separator: " ")
                let named = words.map(String.init)
                // "Real Madrid", "Standard Liege": an everyday word and a city make a club.
                if namedAfterPlace(named, atEnd: true) || namedAfterPlace(named, atEnd: false) {
                    mentions[index].kind = .organization
                // "I", "A" of "Division A": a letter names no team.
                } else if mention.surface.count > 1, words.allSatisfy({ isNameLike(String($0)) }), lexicon.demonyms[mention.surface.lowercased()] == nil,
                   !(words.count == 1 && mention.surface.count <= 3 && tokens[mention.tokens.lowerBound].isAllCaps) {
                    mentions[index].kind = .organization
                }
            case .person? where mention.tentative && mention.role == nil:
                // "Bristol Rovers", "Borussia Dortmund": a club named after its town.
                let words = mention.surface.split(separator: " ").map(String.init)
                if namedAfterPlace(words, atEnd: false) || namedAfterPlace(words, atEnd: true) {
                    mentions[index].kind = .organization
                }
            default:
                break
            }
        }
    }

    /// Whether the first (or last) one to three words of a longer name are a major place:
    /// "Hong Kong Open", "Bristol Rovers", "Ajax Amsterdam".
    /// "WorldCom", "PayPal": a capital inside a word, as brands have and places do not ("McAllen"
    /// and "MacArthur" excepted).
    private static func hasInnerCapital(_ word: String) -> Bool {
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
    private static func isJoinedByParticle(_ word: String) -> Bool {
        let parts = word.split(separator: "-")
        guard parts.count == 3, ["ul", "ur", "ud", "uz", "us", "un"].contains(parts[1]) else { return false }
        return parts[0].first?.isUppercase == true && parts[2].first?.isUppercase == true
    }

    private func namedAfterPlace(_ words: [String], atEnd: Bool, shortest: Int = 1) -> Bool {
        guard words.count > shortest else { return false }
        for length in shortest...min(3, words.count - 1) {
            let part = atEnd ? words.suffix(length).joined(separator: " ") : words.prefix(length).joined(separator: " ")
            if lexicon.primaryPlaces.contains(NameKey.make(part)) { return true }
        }
        return false
    }

    /// "Jansher Khan (Pakistan) beat Mark Cairns (England)": in results, a name with a country in
    /// brackets after it is a competitor.
    private func isFollowedByBracketedCountry(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
        var index = span.upperBound
        guard index < tokens.count, tokens[index].text == "(" else { return false }
        index += 1
        let start = index
        while index < tokens.count, index - start < 4, tokens[index].kind == .word { index += 1 }
        // A club in a European cup has its country in brackets too, and then its score.
        guard index > start, index < tokens.count, tokens[index].text == ")",
              index + 1 >= tokens.count || tokens[index + 1].kind != .number else { return false }
        let words = tokens[span].filter { $0.kind == .word }.map(\.text)
        guard !namedAfterPlace(words, atEnd: false), !namedAfterPlace(words, atEnd: true) else { return false }
        let inside = tokens[start..<index].map(\.text).joined(separator: " ")
        let key = NameKey.make(inside)
        return lexicon.countries.contains(lexicon.places[key].map { NameKey.make($0) } ?? key)
            || lexicon.demonyms[inside.lowercased()] != nil
    }

    /// "Mike Hulbert, Brian Henninger, Tiger Woods, Steve Jurgenson": an unsure two- or three-word
    /// name listed between two people is a person too.
    private func joinListsOfPeople(_ mentions: inout [Mention], text: AnalyzedText) {
        let tokens = text.tokens
        func isFirmPerson(_ mention: Mention) -> Bool { mention.kind == .person && !mention.tentative }
        func separated(_ left: Mention, _ right: Mention) -> Bool {
            let gap = left.tokens.upperBound..<right.tokens.lowerBound
            return gap.count == 1 && tokens[gap.lowerBound].text == ","
                || gap.count == 2 && tokens[gap.lowerBound].text == "," && tokens[gap.lowerBound + 1].text == "and"
                || gap.count == 1 && tokens[gap.lowerBound].text == "and"
        }
        guard mentions.count >= 3 else { return }
        for index in 1..<(mentions.count - 1) {
            let mention = mentions[index]
            guard mention.kind == nil || mention.tentative && mention.kind != .place, mention.role == nil,
                  (2...3).contains(mention.tokens.count),
                  isFirmPerson(mentions[index - 1]), isFirmPerson(mentions[index + 1]),
                  separated(mentions[index - 1], mention), separated(mention, mentions[index + 1]) else { continue }
            mentions[index].kind = .person
            mentions[index].tentative = false
        }
    }

    private func isOrdinal(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber }
        return !digits.isEmpty && ["st", "nd", "rd", "th"].contains(String(text.dropFirst(digits.count)).prefix(2).lowercased())
    }

    /// Results and standings ("Greenock Morton 1 Falkirk 0", "Reading 4 1 1 2 5 10 4"): a name
    /// followed straight by a number, in a short line of numbers, is a team, whatever its words.
    private func addResultLineTeams(_ mentions: inout [Mention], text: AnalyzedText) {
        let tokens = text.tokens
        var byStart: [Int: Int] = [:]
        for (index, mention) in mentions.enumerated() { byStart[mention.tokens.lowerBound] = index }
        for sentence in text.sentences where sentence.tokens.count <= 24 {
            let numbers = sentence.tokens.filter { tokens[$0].kind == .number }.count
            // "Crystal Palace 3 Oldham 1": two names, each with one score, are two teams even when
            // one begins with a given name; so is a standings row ("Fortuna Sittard 3 2 1 0 6 3 7"):
            // a player's line in a scorecard carries four or five figures, a team's row six or more.
            guard numbers >= 2 else { continue }
            let isTwoTeams = isTwoTeamResult(sentence.tokens, tokens)
            guard isTwoTeams || numbers * 3 >= sentence.tokens.count else { continue }
            let isResult = isTwoTeams || numbers >= 6 && sentence.tokens.count - numbers <= 4

            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                guard tokens[index].kind == .word, tokens[index].isCapitalized else { index += 1; continue }
                var end = index + 1
                while end < sentence.tokens.upperBound, tokens[end].kind == .word,
                      tokens[end].isCapitalized || ["of", "and", "&"].contains(tokens[end].text) { end += 1 }
                // Players in scorecards carry an initial ("C. Lewis 80") or a given name ("Graham
                // Thorpe 3 5 0 159"); teams do not.
                let isInitial = !isResult && (end - index == 1 && tokens[index].text.count == 1
                    || end - index >= 2 && isGivenName(tokens[index].text)
                    || byStart[index].map { mentions[$0].kind == .person && !mentions[$0].tentative } == true)
                if end < sentence.tokens.upperBound, tokens[end].kind == .number, !isInitial,
                   !(index > sentence.tokens.lowerBound && tokens[index - 1].text == ".") {
                    let span = index..<end
                    let surface = text.text(span)
                    let mention = Mention(tokens: span, start: tokens[index].start, end: tokens[end - 1].end, surface: surface,
                                          kind: .organization, role: nil, possessive: false, tentative: false)
                    if let existing = byStart[index], mentions[existing].tokens == span {
                        mentions[existing].kind = .organization
                    } else if let existing = byStart[index], mentions[existing].tokens.upperBound < span.upperBound {
                        // "Sheffield" of "Sheffield Wednesday 2": the team's whole name.
                        mentions[existing] = mention
                    } else if byStart[index] == nil {
                        // "Pauli" of "St Pauli 4", "Rostock" of "Hansa Rostock 0" (the sentence's
                        // first word was dropped as an everyday word): the whole name replaces it.
                        if let inside = mentions.firstIndex(where: { span.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= span.upperBound }) {
                            mentions[inside] = mention
                            byStart[index] = inside
                        } else {
                            mentions.append(mention)
                        }
                    }
                }
                index = end
            }
        }
        mentions.sort { $0.start < $1.start }
    }

    /// Whether a line is one result: capitalized words and a score, twice ("Sheffield United 4
    /// Birmingham 4"), perhaps followed by bracketed scorers or notes.
    private func isTwoTeamResult(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        var index = range.lowerBound
        for team in 0..<2 {
            let nameStart = index
            while index < range.upperBound, tokens[index].kind == .word, tokens[index].isCapitalized { index += 1 }
            guard index > nameStart, index < range.upperBound, tokens[index].kind == .number else { return false }
            index += 1
            // "Deportivo Coruna 1 (Corentine Martins, 22nd minute) Real Madrid 1": the first
            // team's scorers in brackets before the second team.
            if team == 0, index < range.upperBound, tokens[index].text == "(",
               let close = tokens[index..<range.upperBound].firstIndex(where: { $0.text == ")" }) {
                index = close + 1
            }
        }
        return index == range.upperBound || tokens[index].text == "(" || tokens[index].text == "."
    }

    /// Names in lines written in capitals: only those already known (from the lists or the
    /// article's mixed-case text), matched longest first.
    private func capitalsMentions(in text: AnalyzedText, known: [Mention], all: Bool = false) -> [Mention] {
        var knownKinds: [String: (EntityKind, String)] = [:]
        for mention in known { if let kind = mention.kind { knownKinds[NameKey.make(mention.surface)] = (kind, mention.surface) } }
        var result: [Mention] = []
        let tokens = text.tokens
        for sentence in text.sentences where all || text.isShouting(sentence) {
            let isDateline = sentence.tokens.count <= 6 && sentence.tokens.contains { CivilDate.parseISO(tokens[$0].text) != nil }
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                guard tokens[index].kind == .word, tokens[index].isCapitalized else { index += 1; continue }
                var matched = false
                let longest = min(max(lexicon.longestName, 4), sentence.tokens.upperBound - index)
                for length in stride(from: longest, through: 1, by: -1) {
                    let span = index..<(index + length)
                    guard tokens[span.upperBound - 1].kind == .word else { continue }
                    let key = NameKey.make(text.text(span))
                    let kind: EntityKind?
                    // A dateline ("GENEVA 1996-08-22") names where the report was filed: a place.
                    if isDateline, lexicon.places[key] != nil || index == sentence.tokens.lowerBound
                        && (span.upperBound == sentence.tokens.upperBound - 1 || tokens[span.upperBound].text == ","
                            || CivilDate.parseISO(tokens[span.upperBound].text) != nil) {
                        kind = .place
                    }
                    else if let found = knownKinds[key] { kind = found.0 }
                    else if lexicon.organizations[key] != nil { kind = .organization }
                    else if lexicon.places[key] != nil { kind = .place }
                    else { kind = nil }
                    if let kind {
                        let possessive = span.upperBound < tokens.count && tokens[span.upperBound].text == "'s"
                        result.append(Mention(tokens: span, start: tokens[span.lowerBound].start, end: tokens[span.upperBound - 1].end,
                                              surface: text.text(span), kind: kind, role: nil, possessive: possessive, tentative: false))
                        index += length
                        matched = true
                        break
                    }
                }
                if !matched { index += 1 }
            }
        }
        return result
    }

    // MARK: - Grouping into entities

    private func group(body: [Mention], title: [Mention]) -> Result {
        var title = title
        var mentions = body
        var entities: [Entity] = []
        var byKey: [String: Int] = [:]
        var bySurname: [String: [Int]] = [:]
        var byGivenName: [String: [Int]] = [:]
        // Full names first, so that surnames and short forms can join them.
        let wordCounts = mentions.map { $0.tokens.count }
        let order = mentions.indices.sorted {
            wordCounts[$0] != wordCounts[$1] ? wordCounts[$0] > wordCounts[$1] : mentions[$0].start < mentions[$1].start
        }
        for index in order {
            guard let kind = mentions[index].kind else { continue }
            let key = groupKey(mentions[index].expands ?? mentions[index].surface, kind: kind)
            var target = byKey[key]
            if target == nil, kind == .person, mentions[index].tokens.count == 1 {
                let surname = NameKey.make(mentions[index].surface)
                if let candidates = bySurname[surname], candidates.count == 1 {
                    target = candidates[0]
                } else if bySurname[surname] == nil, let candidates = byGivenName[surname], candidates.count == 1 {
                    target = candidates[0]  // "Sir Joshua" after "Joshua Reynolds", when no one has it as a surname
                }
            }
            if target == nil {
                let new = entities.count
                target = new
                entities.append(Entity(kind: kind, name: displayName(mentions[index].surface), mentions: [],
                                       mentionCount: 0, firstOffset: nil))
                byKey[key] = new
                if kind == .person, let last = mentions[index].surface.split(separator: " ").last, mentions[index].tokens.count >= 2 {
                    bySurname[NameKey.make(last), default: []].append(new)
                    if let first = mentions[index].surface.split(separator: " ").first, isGivenName(String(first)) {
                        byGivenName[NameKey.make(first), default: []].append(new)
                    }
                }
            }
            mentions[index].entity = target
        }
        for index in mentions.indices {
            guard let target = mentions[index].entity else { continue }
            entities[target].mentionCount += 1
            entities[target].firstOffset = min(entities[target].firstOffset ?? Int.max, mentions[index].start)
            if entities[target].role == nil, let role = mentions[index].role { entities[target].role = role }
        }
        for index in mentions.indices.sorted(by: { mentions[$0].start < mentions[$1].start }) {
            guard let target = mentions[index].entity else { continue }
            if !entities[target].mentions.contains(mentions[index].surface) { entities[target].mentions.append(mentions[index].surface) }
        }
        for mention in title {
            guard let kind = mention.kind else { continue }
            let key = groupKey(mention.surface, kind: kind)
            var target = byKey[key]
            if target == nil, kind == .person, let candidates = bySurname[NameKey.make(mention.surface)], candidates.count == 1 {
                target = candidates[0]
            }
            if target == nil {
                target = entities.count
                entities.append(Entity(kind: kind, name: displayName(mention.surface), mentions: [],
                                       mentionCount: 0, firstOffset: nil))
                byKey[key] = target
            }
            entities[target!].mentionCount += 1
            if !entities[target!].mentions.contains(mention.surface) { entities[target!].mentions.append(mention.surface) }
            if let position = title.firstIndex(where: { $0.start == mention.start }) { title[position].entity = target }
        }
        return Result(entities: entities, mentions: mentions.filter { $0.entity != nil }, titleMentions: title)
    }

    /// The display name: the surface, in title case when it was written in capitals.
    private func displayName(_ surface: String) -> String {
        let letters = surface.unicodeScalars.filter { $0.isLetter }
        if letters.count > 4, letters.allSatisfy({ $0.isUppercaseLetter }) {
            return surface.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
        }
        return surface
    }

    /// What mentions are grouped on: for organizations and places the listed standard name, so
    /// "Russian Federation" and "Russia" are one place; for people the name itself.
    private func groupKey(_ surface: String, kind: EntityKind) -> String {
        let key = NameKey.make(surface)
        switch kind {
        case .place: return "place:" + (lexicon.places[key].map { NameKey.make($0) } ?? key)
        case .organization: return "organization:" + (lexicon.organizations[key].map { NameKey.make($0) } ?? key)
        case .person: return "person:" + key
        }
    }
}
