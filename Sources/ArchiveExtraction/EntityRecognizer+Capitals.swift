import ArchiveValues

/// Lines written in capitals (headlines, datelines): only names already known are taken from them.
extension EntityRecognizer {
    /// Names in lines written in capitals: only those already known (from the lists or the
    /// article's mixed-case text), matched longest first.
    func capitalsMentions(in text: AnalyzedText, known: [Mention], all: Bool = false) -> [Mention] {
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
}
