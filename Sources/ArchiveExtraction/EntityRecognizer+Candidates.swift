/// Candidate mentions: capitalized spans, split into titles and names, with roles written before them.
extension EntityRecognizer {
    func isNameWord(_ token: Token) -> Bool {
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

    func candidateMentions(in text: AnalyzedText) -> [Mention] {
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
                    } else if token.kind == .word, lexicon.nameParticles.contains(token.text), end + 2 < sentence.tokens.upperBound,
                              lexicon.nameParticles.contains(tokens[end + 1].text), isNameWord(tokens[end + 2]) {
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
    func knownNameEnd(from start: Int, after end: Int, in sentence: Range<Int>, _ text: AnalyzedText) -> Int? {
        let tokens = text.tokens
        guard tokens[end].text == "'s" || tokens[end].text == "in" else { return nil }
        let limit = min(sentence.upperBound, start + lexicon.longestName + 3)
        guard limit > end + 1 else { return nil }
        for stop in stride(from: limit, through: end + 2, by: -1) where tokens[stop - 1].isCapitalized {
            if lexicon.organizations[NameKey.make(text.text(start..<stop))] != nil { return stop }
        }
        return nil
    }

    func isAfterOpeningQuote(_ index: Int, _ tokens: [Token]) -> Bool {
        guard index > 0 else { return true }
        let previous = tokens[index - 1].text
        return previous == "\u{201C}" || previous == "\"" || previous == "(" || previous == "-" || previous == "\u{2014}"
    }

    /// True when the tokens from `start` (two or more of them) spell a listed place or organization.
    func beginsKnownName(_ start: Int, _ end: Int, _ text: AnalyzedText) -> Bool {
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

    func isEverydayWord(_ token: Token, midCapitals: Set<String>, next: Token? = nil) -> Bool {
        let lower = token.lowercased
        // "I. Salisbury": a letter with a period is an initial, not the pronoun.
        if token.text.count == 1 { return (lower == "a" || lower == "i") && next?.text != "." }
        if lexicon.notNames.contains(lower) { return true }
        if lexicon.givenNames.contains(token.text) || lexicon.places[NameKey.make(token.text)] != nil
            || lexicon.organizations[NameKey.make(token.text)] != nil {
            return false
        }
        return lexicon.isCommonWord(lower) && !midCapitals.contains(token.text)
    }

    /// Words the article capitalizes away from a sentence start: evidence that they are names.
    func capitalizedMidSentence(_ text: AnalyzedText) -> Set<String> {
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
    func split(span: Range<Int>, in text: AnalyzedText) -> [Mention] {
        let tokens = text.tokens
        var span = span
        // "Mr McConnell", "Dr. Etzioni": a courtesy title is neither part of the name nor a role, and
        // left on it would make "Mr McConnell" a second person beside "Jack McConnell".
        if span.count >= 2, lexicon.honorifics.contains(tokens[span.lowerBound].text) {
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
            // An abbreviated title whose period lies past the span ("Army Gen." before "Zarek
            // Holloway") is never a surname.
            if let titleEnd = titleMatch(at: index, limit: span.upperBound, tokens: tokens),
               titleEnd != span.upperBound || isPlaceOrNothing(partStart..<index, text) {
                // What qualifies an abbreviated title ("Navy" in "spokesman Navy Capt. Brann
                // Tolliver") is no one the role before it names.
                if partStart < index {
                    result.append(contentsOf: splitJoined(partStart..<index, in: text, role: titleEnd > span.upperBound ? nil : role))
                }
                // A title closing the span after a place ("US Secretary of State") names no one itself;
                // after a name it is a surname ("Charlie King") and stays.
                if titleEnd >= span.upperBound { return result }
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

    func isPlaceOrNothing(_ range: Range<Int>, _ text: AnalyzedText) -> Bool {
        range.isEmpty || lexicon.places[NameKey.make(text.text(range))] != nil || lexicon.demonyms[text.text(range).lowercased()] != nil
    }

    func splitJoined(_ span: Range<Int>, in text: AnalyzedText, role: String?) -> [Mention] {
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

    func looksLikeOrganization(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
        span.contains { lexicon.organizationSuffixes.contains(tokens[$0].text) }
    }

    /// The end of the longest title starting at `index`, if one does.
    func titleMatch(at index: Int, limit: Int, tokens: [Token]) -> Int? {
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
    /// Rustem Umerov", "envoy, Kirill Dmitriev"; or abbreviated, whose period ended the name's
    /// capitalized span before it began: "Sen. Zarek Holloway", "retired Lt. Gen. Zarek Holloway".
    func roleBefore(_ index: Int, in text: AnalyzedText) -> String? {
        let tokens = text.tokens
        var end = index
        if end > 0, tokens[end - 1].text == "," { end -= 1 }
        // The words before the name, nearest first, an abbreviation with its period as one ("gen.").
        var words: [(word: String, start: Int)] = []
        var cursor = end - 1
        while cursor >= 0, words.count < 4 {
            if tokens[cursor].text == ".", cursor > 0, tokens[cursor - 1].kind == .word, tokens[cursor - 1].end == tokens[cursor].start,
               lexicon.abbreviations.contains(tokens[cursor - 1].lowercased) {
                words.append((tokens[cursor - 1].lowercased + ".", cursor - 1))
                cursor -= 2
            } else if tokens[cursor].kind == .word {
                words.append((tokens[cursor].lowercased, cursor))
                cursor -= 1
            } else {
                break
            }
        }
        guard let last = words.first, lexicon.titleLastWords.contains(last.word) else { return nil }
        var best: String?
        for count in 1...words.count where lexicon.titles.contains(words[..<count].reversed().map(\.word).joined(separator: " ")) {
            best = text.text(words[count - 1].start..<end)
        }
        return best
    }

    func makeMention(_ span: Range<Int>, in text: AnalyzedText, role: String?) -> Mention {
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
}
