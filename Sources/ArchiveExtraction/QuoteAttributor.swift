/// Decides who said each quote: a speech verb with a name on either side of it, after the quote
/// ("…,” Umerov wrote) or before it (Rubio said: “…”), "according to X", a pronoun resolved to the
/// person last named, and a quote with no verb of its own continuing the previous speaker. When none
/// of these holds the speaker stays unknown: never a guess.
struct QuoteAttributor: Sendable {
    let lexicon: Lexicon

    private static let pronouns: Set<String> = ["he", "she", "they"]
    /// How far from the quote a cue may stand, in tokens.
    private static let window = 12

    func attribute(_ spans: [QuoteFinder.Span], in text: AnalyzedText, mentions: [Mention], entities: [Entity]) -> [Quote] {
        let tokens = text.tokens
        var mentionAt = [Int?](repeating: nil, count: tokens.count)
        for (index, mention) in mentions.enumerated() {
            for token in mention.tokens { mentionAt[token] = index }
        }
        var insideQuote = [Bool](repeating: false, count: tokens.count)
        var quoteTokens: [(first: Int, after: Int)] = []
        for span in spans {
            let first = firstToken(startingAtOrAfter: span.outerStart, tokens)
            let after = firstToken(startingAtOrAfter: span.outerEnd, tokens)
            for index in first..<after { insideQuote[index] = true }
            quoteTokens.append((first, after))
        }
        let context = Context(text: text, mentions: mentions, entities: entities, mentionAt: mentionAt, insideQuote: insideQuote)

        var quotes: [Quote] = []
        var previous: (speaker: String?, written: String?, paragraph: Int)?
        for (number, span) in spans.enumerated() {
            let (first, after) = quoteTokens[number]
            let paragraph = first < tokens.count ? text.sentences[text.sentenceOfToken[first]].paragraph : Int.max
            let endParagraph = after > 0 && after - 1 < tokens.count ? text.sentences[text.sentenceOfToken[after - 1]].paragraph : paragraph
            var attribution = cueAfter(quoteEnd: after, paragraph: endParagraph, context)
            if attribution == nil { attribution = cueBefore(quoteStart: first, paragraph: paragraph, context) }
            let body = text.buffer.text(span.start..<span.end)
            if let attribution {
                quotes.append(Quote(text: body, speaker: attribution.speaker, speakerAsWritten: attribution.written,
                                    cue: attribution.cue, start: span.start, end: span.end))
            } else if let previous, previous.speaker != nil, paragraph - previous.paragraph <= 1 {
                quotes.append(Quote(text: body, speaker: previous.speaker, speakerAsWritten: previous.written, cue: nil,
                                    start: span.start, end: span.end))
            } else {
                quotes.append(Quote(text: body, speaker: nil, speakerAsWritten: nil, cue: nil, start: span.start, end: span.end))
            }
            previous = (quotes[quotes.count - 1].speaker, quotes[quotes.count - 1].speakerAsWritten, endParagraph)
        }
        return quotes
    }

    private struct Context {
        let text: AnalyzedText
        let mentions: [Mention]
        let entities: [Entity]
        let mentionAt: [Int?]
        let insideQuote: [Bool]
    }

    private struct Attribution {
        var speaker: String?
        var written: String?
        var cue: String

        func with(cue: String) -> Attribution {
            var copy = self
            copy.cue = cue
            return copy
        }
    }

    private func firstToken(startingAtOrAfter offset: Int, _ tokens: [Token]) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func paragraph(of token: Int, _ context: Context) -> Int {
        context.text.sentences[context.text.sentenceOfToken[token]].paragraph
    }

    /// "…,” Umerov wrote", "…,” said Rubio", "…,” he said", "…,” according to officials".
    private func cueAfter(quoteEnd: Int, paragraph: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        var index = quoteEnd
        let limit = min(tokens.count, quoteEnd + Self.window)
        while index < limit {
            if context.insideQuote[index] || self.paragraph(of: index, context) != paragraph { return nil }
            let word = tokens[index].lowercased
            if tokens[index].kind == .punctuation, word == "." || word == "?" || word == "!", index > quoteEnd { return nil }
            if word == "according", index + 1 < tokens.count, tokens[index + 1].lowercased == "to" {
                return speaker(after: index + 2, cue: "according to", context)
            }
            if isSpeechVerb(index, tokens) {
                if let found = speaker(endingBefore: index, notBefore: quoteEnd, context) { return found.with(cue: tokens[index].text) }
                if let found = speaker(after: index + 1, cue: tokens[index].text, context), found.written != nil { return found }
                return Attribution(speaker: nil, written: nil, cue: tokens[index].text)
            }
            index += 1
        }
        return nil
    }

    /// "Rubio said: “…”", "Umerov wrote that “…”", "According to Dmitriev, “…”".
    private func cueBefore(quoteStart: Int, paragraph: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        var index = quoteStart - 1
        let limit = max(0, quoteStart - Self.window)
        while index >= limit {
            if context.insideQuote[index] || self.paragraph(of: index, context) != paragraph { return nil }
            let word = tokens[index].lowercased
            if tokens[index].kind == .punctuation, word == "." || word == "?" || word == "!" { return nil }
            if word == "according", index + 1 < tokens.count, tokens[index + 1].lowercased == "to" {
                return speaker(after: index + 2, cue: "according to", context)
            }
            if isSpeechVerb(index, tokens) {
                if let found = speaker(endingBefore: index, notBefore: max(0, index - Self.window), context) {
                    return found.with(cue: tokens[index].text)
                }
                if let found = speaker(after: index + 1, cue: tokens[index].text, context), found.written != nil { return found }
                return Attribution(speaker: nil, written: nil, cue: tokens[index].text)
            }
            index -= 1
        }
        return nil
    }

    private func isSpeechVerb(_ index: Int, _ tokens: [Token]) -> Bool {
        tokens[index].kind == .word && lexicon.speechVerbs.contains(tokens[index].lowercased)
    }

    /// A name or pronoun just before the verb: "Umerov wrote", "he said", "Russia's envoy Kirill Dmitriev told".
    private func speaker(endingBefore verb: Int, notBefore limit: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        var index = verb - 1
        // Allow an adverb or a short aside between name and verb: "Rubio also said", "he later told".
        var skipped = 0
        while index >= limit, skipped <= 2 {
            if context.insideQuote[index] { return nil }
            if let mention = context.mentionAt[index] {
                return attribution(for: mention, context)
            }
            let word = tokens[index].lowercased
            if Self.pronouns.contains(word) {
                return Attribution(speaker: resolvePronoun(before: tokens[index].start, context), written: tokens[index].text, cue: "")
            }
            if tokens[index].kind == .punctuation && word != "," { return nil }
            skipped += 1
            index -= 1
        }
        return nil
    }

    /// A name just after the verb: "said Rubio", "said Russian envoy Kirill Dmitriev".
    private func speaker(after start: Int, cue: String, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        var index = start
        let limit = min(tokens.count, start + 6)
        while index < limit {
            if context.insideQuote[index] { break }
            if let mention = context.mentionAt[index] {
                return attribution(for: mention, context)?.with(cue: cue)
            }
            let word = tokens[index].lowercased
            if Self.pronouns.contains(word) {
                return Attribution(speaker: resolvePronoun(before: tokens[index].start, context), written: tokens[index].text, cue: cue)
            }
            if tokens[index].kind == .punctuation, word != "," { break }
            index += 1
        }
        return Attribution(speaker: nil, written: nil, cue: cue)
    }

    private func attribution(for mentionIndex: Int, _ context: Context) -> Attribution? {
        let mention = context.mentions[mentionIndex]
        guard let entity = mention.entity, mention.kind == .person || mention.kind == .organization else { return nil }
        return Attribution(speaker: context.entities[entity].name, written: mention.surface, cue: "")
    }

    /// The person named last before this point, outside quotes.
    private func resolvePronoun(before offset: Int, _ context: Context) -> String? {
        var best: Mention?
        for mention in context.mentions where mention.start < offset && mention.kind == .person {
            if context.insideQuote[mention.tokens.lowerBound] { continue }
            if best == nil || mention.start > best!.start { best = mention }
        }
        return best?.entity.map { context.entities[$0].name }
    }
}
