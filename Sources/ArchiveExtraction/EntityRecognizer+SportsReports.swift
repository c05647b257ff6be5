import ArchiveValues

/// Sports reports: clubs named after cities, results and standings lines, competitors listed with their countries.
extension EntityRecognizer {
    /// In a sports report, a city, county or unknown name standing alone is a club; a country stays
    /// a place (its national team is named after it), and so does anything "in" or "at" somewhere.
    func reclassifyTeams(_ mentions: inout [Mention], text: AnalyzedText) {
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

    /// "Jansher Khan (Pakistan) beat Mark Cairns (England)": in results, a name with a country in
    /// brackets after it is a competitor.
    func isFollowedByBracketedCountry(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
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
    func joinListsOfPeople(_ mentions: inout [Mention], text: AnalyzedText) {
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

    func isOrdinal(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber }
        return !digits.isEmpty && ["st", "nd", "rd", "th"].contains(String(text.dropFirst(digits.count)).prefix(2).lowercased())
    }

    /// Results and standings ("Greenock Morton 1 Falkirk 0", "Reading 4 1 1 2 5 10 4"): a name
    /// followed straight by a number, in a short line of numbers, is a team, whatever its words.
    func addResultLineTeams(_ mentions: inout [Mention], text: AnalyzedText) {
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
    func isTwoTeamResult(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
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
}
