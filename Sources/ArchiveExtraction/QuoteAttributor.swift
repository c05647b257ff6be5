/// Decides who said each quote, trying in turn:
/// - a speech verb with a name on either side of it, after the quote ("…,” Umerov wrote) or before
///   it (Rubio said: “…”), "according to X", a pronoun resolved to the person its sentence or the
///   sentences before it open with (else the person last named);
/// - for a quote inside a sentence (Sanders called Trump a “…”), the sentence's subject: a name,
///   a pronoun, or the description the sentence opens with ("The Florida senator sought …");
/// - for a paragraph that is only a quote, a signature below it, or whoever speaks in the last
///   sentence of the paragraph before (or introduces it with a colon);
/// - a quote with no verb of its own continues the previous speaker.
/// What a cue cannot be is ruled out first: the one spoken to ("told CBS"), a name qualifying the
/// speaker ("Rubio spokesman Alex Conant"), a verb of the next sentence after a quote that ends its
/// own. When none of these holds the speaker stays unknown: never a guess.
struct QuoteAttributor: Sendable {
    let lexicon: Lexicon

    private static let pronouns: Set<String> = ["he", "she", "they"]
    /// How far from the quote a cue may stand, in tokens.
    private static let window = 20

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
            let body = text.buffer.text(span.start..<span.end)
            var attribution = transcriptLabel(first: first, after: after, context)
            // A quote that ends its own sentence ("… in the vagina.” Carly Fiorina said …) is not
            // attributed by the next sentence's verb; "…?” asked Sen. Mikulski" still is.
            if attribution == nil, let found = cueAfter(quoteEnd: after, paragraph: endParagraph, context),
               !(endsSentence(body) && startsSentence(after, context)) || closesSentence(verb: after + found.distance, context) {
                attribution = found
            }
            if attribution == nil { attribution = cueBefore(quoteStart: first, paragraph: paragraph, context) }
            if attribution?.speaker == nil, let subject = sentenceSubject(quoteStart: first, context) {
                attribution = subject.with(cue: attribution?.cue ?? "")
            }
            if attribution == nil { attribution = signatureBelow(quoteEnd: after, paragraph: endParagraph, context) }
            // A quote with no cue of its own continues the speaker of a quote just before it.
            let continued = previous.flatMap { $0.speaker != nil && paragraph - $0.paragraph <= 1 ? $0 : nil }
            if attribution == nil, continued == nil {
                attribution = speakerOfParagraphBefore(quoteStart: first, paragraph: paragraph, context)
            }
            if span.words < QuoteFinder.minimumWords {
                // A word or two in quotation marks is someone's speech only when a verb right beside it
                // or the subject of its sentence names the speaker ("Sanders called Trump a “liar”"), and
                // not when every word is capitalized: that is a title or a name ("The Apprentice").
                guard let attribution, attribution.speaker != nil, attribution.distance <= 4,
                      !isTitleCase(first: first, after: after, context) else { continue }
            }
            if let attribution {
                quotes.append(Quote(text: body, speaker: attribution.speaker, speakerAsWritten: attribution.written,
                                    cue: attribution.cue, start: span.start, end: span.end))
            } else if let previous = continued {
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
        /// Tokens between the quote and its cue verb.
        var distance: Int = 0
        /// Whether the speaker is a person the text names (not a group, a place or a description).
        var isPerson = false

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

    private func isTitleCase(first: Int, after: Int, _ context: Context) -> Bool {
        let words = context.text.tokens[first..<after].filter { $0.kind == .word }
        return !words.isEmpty && words.allSatisfy(\.isCapitalized)
    }

    /// The quote opens a paragraph and the one before ends with a colon.
    private func afterColon(_ quoteStart: Int, _ context: Context) -> Bool {
        quoteStart > 0 && quoteStart < context.text.tokens.count && context.text.tokens[quoteStart - 1].text == ":"
            && paragraph(of: quoteStart - 1, context) != paragraph(of: quoteStart, context)
    }

    /// "“…” CBS News reported.": the verb ends its short sentence, so the quote before is its object.
    private func closesSentence(verb: Int, _ context: Context) -> Bool {
        let tokens = context.text.tokens
        guard verb < tokens.count, isSpeechVerb(verb, tokens) else { return false }
        var next = verb + 1
        while next < tokens.count, tokens[next].kind == .word, isAdverbOrAuxiliary(tokens[next].lowercased) { next += 1 }
        return next >= tokens.count || [".", ",", ";"].contains(tokens[next].text)
    }

    private func endsSentence(_ body: String) -> Bool {
        body.hasSuffix(".") && !body.hasSuffix("..")
    }

    private func startsSentence(_ token: Int, _ context: Context) -> Bool {
        guard token < context.text.tokens.count else { return true }
        return context.text.tokens[token].isCapitalized
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
            // "“…,” and Brenner answered that …": a new clause, whose verb is not this quote's.
            if index - quoteEnd <= 1, Self.conjunctions.contains(word) { return nil }
            if tokens[index].kind == .punctuation, word == "." || word == "?" || word == "!", index > quoteEnd,
               !isAbbreviationPeriod(index, tokens) { return nil }
            if word == "according", index + 1 < tokens.count, tokens[index + 1].lowercased == "to" {
                return speaker(after: index + 2, cue: "according to", context)
            }
            if word == "per", index == quoteEnd || index == quoteEnd + 1 {
                return speaker(after: index + 1, cue: "per", context)
            }
            // A signature after a dash: "“…” ― Pamela Padilla".
            if index == quoteEnd, Self.dashes.contains(tokens[index].text),
               index + 1 < tokens.count, let mention = context.mentionAt[index + 1] {
                return attribution(for: mention, context)?.with(cue: "signed")
            }
            if isSpeechVerb(index, tokens) {
                // "… as “fantastic,” telling reporters in Scotland": a participle hangs from the
                // clause before the quote, whose subject sentenceSubject finds; after it comes who
                // was spoken to.
                if word.hasSuffix("ing"), index == quoteEnd || tokens[index - 1].text == "," {
                    var result = Attribution(speaker: nil, written: nil, cue: tokens[index].text)
                    result.distance = index - quoteEnd
                    return result
                }
                var found = speaker(endingBefore: index, notBefore: quoteEnd, context)?.with(cue: tokens[index].text)
                if found == nil, let after = speaker(after: index + 1, cue: tokens[index].text, context), after.written != nil { found = after }
                // "“…” Braynard is quoted as saying": the subject of the words between quote and verb.
                if found?.speaker == nil, let subject = subject(from: quoteEnd, before: index, context), subject.speaker != nil {
                    found = subject.with(cue: tokens[index].text)
                }
                var result = found ?? Attribution(speaker: nil, written: nil, cue: tokens[index].text)
                result.distance = index - quoteEnd
                return result
            }
            index += 1
        }
        return nil
    }

    /// The period of "Mr.", "Sen." or an initial: it ends no sentence, so "…," Mr. Obama said still
    /// reaches its verb.
    private func isAbbreviationPeriod(_ index: Int, _ tokens: [Token]) -> Bool {
        guard tokens[index].text == ".", index > 0, tokens[index - 1].kind == .word else { return false }
        if SentenceSplitter.isAbbreviation(before: index, tokens, lexicon.abbreviations) { return true }
        // "(D-N.Y.)": an initial inside a state's abbreviation.
        let word = tokens[index - 1].text
        if let last = word.last, last.isUppercase, word.count == 1 || word.dropLast().last == "-" { return true }
        // "(D-Wis.)," or "Wis., the caucus whip": what follows shows the sentence goes on.
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return next.text == ")" || next.text == "," || next.kind == .word && next.text.first?.isLowercase == true
    }

    /// "Rubio said: “…”", "Umerov wrote that “…”", "According to Dmitriev, “…”".
    private func cueBefore(quoteStart: Int, paragraph: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        var index = quoteStart - 1
        let limit = max(0, quoteStart - Self.window)
        // "Stated Stone:" closing the paragraph before introduces the quote that opens this one.
        let paragraph = afterColon(quoteStart, context) ? paragraph - 1 : paragraph
        while index >= limit {
            if context.insideQuote[index] || self.paragraph(of: index, context) != paragraph { return nil }
            let word = tokens[index].lowercased
            if tokens[index].kind == .punctuation, word == "." || word == "?" || word == "!",
               !isAbbreviationPeriod(index, tokens) { return nil }
            if word == "according", index + 1 < tokens.count, tokens[index + 1].lowercased == "to" {
                return speaker(after: index + 2, cue: "according to", context)
            }
            if isSpeechVerb(index, tokens) {
                // "…, saying that “…”", "…, calling him a “…”": the speaker is the subject of the clause
                // the participle hangs from, which sentenceSubject finds.
                let participle = word.hasSuffix("ing") && index > 0 && tokens[index - 1].text == ","
                var found = participle ? nil
                    : speaker(endingBefore: index, notBefore: max(0, index - Self.window), context)?.with(cue: tokens[index].text)
                // "…,” Lewandowski added, saying it should be “…”": the participle goes on from a verb
                // of saying just before it, whose speaker is the participle's.
                if participle, index >= 2, isSpeechVerb(index - 2, tokens), !context.insideQuote[index - 2] {
                    found = speaker(endingBefore: index - 2, notBefore: max(0, index - Self.window), context)?.with(cue: tokens[index].text)
                }
                // Before a quote, the name after "told", "called" or "asked" is who was spoken to.
                if found == nil, !participle, !Self.addresseeVerbs.contains(word),
                   let after = speaker(after: index + 1, cue: tokens[index].text, standingAlone: true, context),
                   after.written != nil { found = after }
                var result = found ?? Attribution(speaker: nil, written: nil, cue: tokens[index].text)
                result.distance = quoteStart - 1 - index
                return result
            }
            index -= 1
        }
        return nil
    }

    /// A transcript line that names its speaker in capitals: "PENCE: Well, the question is …".
    private func transcriptLabel(first: Int, after: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        var index = first
        while index < after, tokens[index].kind == .punctuation, tokens[index].text != ":" { index += 1 }
        let start = index
        while index < after, index - start < 3, tokens[index].isAllCaps { index += 1 }
        guard index > start, index < after, tokens[index].text == ":" else { return nil }
        let label = context.text.text(start..<index)
        return Attribution(speaker: label, written: label, cue: ":")
    }

    /// Words before a name that make it no subject: "In Iowa, …", "a study by Pew".
    private static let prepositions: Set<String> = ["in", "at", "on", "for", "with", "from", "by", "to", "of", "after",
                                                    "before", "during", "since", "under", "about", "against", "like",
                                                    "unlike", "over", "than", "into", "between", "among", "near"]

    /// Words that open a clause before the sentence's own: "When Wallace died in 1998, President
    /// Clinton released …".
    private static let subordinators: Set<String> = ["when", "while", "if", "although", "though", "because", "once",
                                                     "unless", "whether", "whereas"]

    /// The subject of the sentence a quote stands inside: "Bernie Sanders called Trump a “…”",
    /// "Trump insisted that he has “…”", "He tells the crowd he was the “…”". Only for a quote that
    /// does not open its sentence, and only a name or pronoun among the sentence's first words.
    private func sentenceSubject(quoteStart: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        guard quoteStart < tokens.count else { return nil }
        // After a colon ending the paragraph before, the sentence that introduces the quote is that one.
        let introducing = afterColon(quoteStart, context) ? quoteStart - 1 : quoteStart
        let sentence = context.text.sentences[context.text.sentenceOfToken[introducing]]
        return subject(from: sentence.tokens.lowerBound, before: introducing, context)
            ?? describedSubject(from: sentence.tokens.lowerBound, before: introducing, context)
    }

    /// A sentence that opens with a description rather than a name: "The Florida senator sought to
    /// calm his supporters, saying …", "The letter continues: …", "The two lawmakers, however,
    /// argue that “…”". The determiner and the words after it, up to the verb: a word in "-ed", a
    /// common irregular past, a speech verb, or a word in "-s" after a noun ("The ad targets").
    private func describedSubject(from start: Int, before end: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        guard start < end, tokens[start].isCapitalized, Self.determiners.contains(tokens[start].lowercased),
              !context.insideQuote[start] else { return nil }
        var index = start + 1
        while index < min(end, start + 5), tokens[index].kind == .word, !context.insideQuote[index] {
            let word = tokens[index].lowercased
            let lower = tokens[index].text.first?.isLowercase == true
            // "The former secretary of State": "of" before a capitalized word goes on with the title.
            if word == "of", index + 1 < end, tokens[index + 1].isCapitalized {
                index += 2
                continue
            }
            if lower, Self.clauseWords.contains(word) || Self.prepositions.contains(word) || Self.irregularPasts.contains(word)
                || lexicon.speechVerbs.contains(word) || isAdverbOrAuxiliary(word) || word.hasSuffix("ed")
                || word.hasSuffix("s") && !word.hasSuffix("ss") && !Self.determiners.contains(tokens[index - 1].lowercased)
                && tokens[index - 1].text.first?.isLowercase == true && index - 1 > start {
                break
            }
            index += 1
        }
        guard index > start + 1, index < end, tokens[index].kind == .word || tokens[index].text == "," else { return nil }
        let phrase = context.text.text(start..<index)
        return Attribution(speaker: phrase, written: phrase, cue: "")
    }

    /// Past forms that do not end in "-ed", the verbs a described subject most often has.
    private static let irregularPasts: Set<String> = [
        "began", "sought", "took", "made", "came", "went", "wrote", "gave", "thought", "found", "felt", "left", "kept",
        "held", "brought", "stood", "spoke", "ran", "met", "led", "won", "lost", "got", "put", "set", "saw", "knew",
        "became", "chose", "drew", "grew", "threw", "sent", "spent", "built", "struck", "fought", "taught", "told", "said",
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may", "might", "must", "should",
    ]

    /// The first name or pronoun in subject position among a sentence's first words.
    private func subject(from start: Int, before end: Int, _ context: Context) -> Attribution? {
        guard let index = subjectPosition(from: start, before: end, context) else { return nil }
        if let mention = context.mentionAt[index] {
            // "South Carolina Democratic Party Chairman Jaime Harrison told …": the person after the title.
            if context.mentions[mention].kind != .person,
               let person = person(after: context.mentions[mention].tokens.upperBound, context),
               context.mentions[person].tokens.lowerBound < end {
                return attribution(for: person, context)
            }
            return attribution(for: mention, context)
        }
        let tokens = context.text.tokens
        return Attribution(speaker: resolvePronoun(at: index, context), written: tokens[index].text, cue: "")
    }

    /// Where the first name or pronoun in subject position stands among a sentence's first words.
    private func subjectPosition(from start: Int, before end: Int, _ context: Context) -> Int? {
        let tokens = context.text.tokens
        var words = 0
        var index = start
        // "In response to the loss of life, Donald Trump issued …", "Speaking to supporters in South
        // Carolina, Cruz said …": an opening phrase is no subject.
        if index < end, Self.prepositions.contains(tokens[index].lowercased) || Self.subordinators.contains(tokens[index].lowercased)
            || tokens[index].lowercased.hasSuffix("ing") && context.mentionAt[index] == nil {
            var comma = index
            while comma < min(end, index + 15), tokens[comma].text != "," { comma += 1 }
            if comma < end, tokens[comma].text == "," { index = comma + 1 }
        }
        while index < end, words < 10 {
            defer { index += 1 }
            // "“By the way,” Trump told a rally, saying Clinton would “…”": quotes earlier in the
            // sentence are not its subject.
            if context.insideQuote[index] { continue }
            guard tokens[index].kind == .word else { continue }
            words += 1
            let previous = index > start ? tokens[index - 1].lowercased : ""
            if let mention = context.mentionAt[index] {
                // "WASHINGTON, June 10 (UPI) — Hillary Clinton told …": a name in brackets is an aside.
                if Self.prepositions.contains(previous) || previous == "(" || context.mentions[mention].kind == .place {
                    index = context.mentions[mention].tokens.upperBound - 1
                    continue
                }
                return index
            }
            if Self.pronouns.contains(tokens[index].lowercased) { return index }
        }
        return nil
    }

    /// A quote signed in a line of its own below it: "“…” ¶ - Bernie Sanders."
    private func signatureBelow(quoteEnd: Int, paragraph: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        guard quoteEnd + 1 < tokens.count, self.paragraph(of: quoteEnd, context) == paragraph + 1,
              Self.dashes.contains(tokens[quoteEnd].text),
              let mention = context.mentionAt[quoteEnd + 1] else { return nil }
        let end = context.mentions[mention].tokens.upperBound
        guard end >= tokens.count || self.paragraph(of: end, context) != paragraph + 1 || tokens[end].kind == .punctuation
                && (end + 1 >= tokens.count || self.paragraph(of: end + 1, context) != paragraph + 1) else { return nil }
        return attribution(for: mention, context)?.with(cue: "signed")
    }

    /// A paragraph that is only a quote, after a paragraph whose last sentence has someone speak:
    /// "Clinton responded by pointing a finger, saying the campaign was wrong. ¶ “…”".
    private func speakerOfParagraphBefore(quoteStart: Int, paragraph: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        guard quoteStart < tokens.count else { return nil }
        let number = context.text.sentenceOfToken[quoteStart]
        guard number > 0, context.text.sentences[number].tokens.lowerBound >= quoteStart - 1 else { return nil }
        let sentence = context.text.sentences[number - 1]
        // "Sam Lau, the party's spokesman, said in a statement. “…”": a sentence before it in the
        // same paragraph introduces a quote too, when it quotes nothing itself.
        guard sentence.paragraph == paragraph - 1
            || sentence.paragraph == paragraph && !sentence.tokens.contains(where: { context.insideQuote[$0] }) else { return nil }
        for index in sentence.tokens where !context.insideQuote[index] && isSpeechVerb(index, tokens) {
            if let found = speaker(endingBefore: index, notBefore: sentence.tokens.lowerBound, context), found.speaker != nil {
                return found.with(cue: tokens[index].text)
            }
            if let found = subject(from: sentence.tokens.lowerBound, before: index, context), found.speaker != nil {
                return found.with(cue: tokens[index].text)
            }
        }
        return nil
    }

    /// Speech verbs whose object is the one spoken to or about: "told CBS that “…”", "called him a “…”".
    private static let addresseeVerbs: Set<String> = [
        "told", "tells", "tell", "telling", "called", "calls", "call", "calling", "asked", "asks", "asking", "urged",
        "urges", "urging", "warned", "warns", "warning", "branded", "described", "describes", "describing", "dubbed",
        "labeled", "labelled", "termed", "scolded", "assured", "reminded", "accused", "accuses", "praised", "thanked",
    ]

    /// A capitalized verb only opens a sentence ("Said Stone: …"); inside one, "States" is a name.
    private func isSpeechVerb(_ index: Int, _ tokens: [Token]) -> Bool {
        guard tokens[index].kind == .word, lexicon.speechVerbs.contains(tokens[index].lowercased) else { return false }
        return !tokens[index].isCapitalized || index == 0 || tokens[index].startsParagraph
            || [".", "?", "!", "\n", ":"].contains(tokens[index - 1].text)
    }

    /// Words that open a noun phrase naming a speaker who is not a named entity ("the union", "one
    /// Democratic source on the panel").
    private static let determiners: Set<String> = ["the", "a", "an", "one", "two", "some", "many", "several", "another",
                                                   "his", "her", "their", "its", "this", "that", "these", "those"]
    /// Words a subject noun phrase never contains; meeting one ends the phrase.
    private static let clauseWords: Set<String> = ["and", "but", "or", "that", "which", "who", "whom", "when", "while",
                                                   "because", "if", "as", "than", "has", "have", "had", "was", "were",
                                                   "is", "are", "will", "would", "also", "later", "then", "repeatedly",
                                                   "not", "to", "it", "there", "what"]

    /// The speaker just before the verb: "Umerov wrote", "he said", "the union wrote", "Hillary Clinton,
    /// at a later press gaggle, said", "Rubio also told".
    private func speaker(endingBefore verb: Int, notBefore limit: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        var index = verb - 1
        // An adverb or auxiliary between subject and verb: "also said", "has repeatedly said".
        var skipped = 0
        while index >= limit, skipped < 3, tokens[index].kind == .word, context.mentionAt[index] == nil,
              !Self.pronouns.contains(tokens[index].lowercased), isAdverbOrAuxiliary(tokens[index].lowercased) {
            index -= 1
            skipped += 1
        }
        // "Pence, who called", "Sen. Chuck Schumer (D-N.Y.) said": the name stands before the clause or bracket.
        if index - 1 >= limit, tokens[index].lowercased == "who", tokens[index - 1].text == "," { index -= 2 }
        if index >= limit, tokens[index].text == ")", let named = nameBeforeBracket(index, limit, context) { index = named }
        // A parenthetical between commas: "Clinton, at a later press gaggle, said", "Clinton, during a
        // meeting in Columbus, Ohio, said" (a place between the commas is part of the aside).
        // "…, Rep. Duncan Hunter's chief of staff, Joe Kasper, told": a name set off by commas of its
        // own right before the verb is the speaker the description before it introduces.
        if index >= limit, tokens[index].text == ",", index - 1 >= limit, let mention = context.mentionAt[index - 1],
           context.mentions[mention].kind == .person, context.mentions[mention].tokens.lowerBound - 1 >= limit,
           tokens[context.mentions[mention].tokens.lowerBound - 1].text == "," {
            return attribution(for: mention, context)
        }
        if index >= limit, tokens[index].text == "," {
            var cursor = index - 1
            var speakerAt: Int?
            while cursor >= max(limit, index - 20), !context.insideQuote[cursor],
                  tokens[cursor].text != "." || isAbbreviationPeriod(cursor, tokens) {
                if tokens[cursor].text == ",", cursor > 0 {
                    var named = cursor - 1
                    if tokens[named].text == ")", let before = nameBeforeBracket(named, limit, context) { named = before }
                    if named >= limit, let mention = context.mentionAt[named], context.mentions[mention].kind != .place {
                        speakerAt = named
                        break
                    }
                }
                cursor -= 1
            }
            guard let speakerAt else { return nil }
            index = speakerAt
        }
        guard index >= limit, !context.insideQuote[index] else { return nil }
        if let mention = context.mentionAt[index] {
            return attribution(for: mention, context)
        }
        let word = tokens[index].lowercased
        if Self.pronouns.contains(word) {
            return Attribution(speaker: resolvePronoun(at: index, context), written: tokens[index].text, cue: "")
        }
        return nounPhrase(endingAt: index, notBefore: limit, context)
    }

    /// "(D-N.Y.)" after a name: the token before the bracket opens, when it is a name.
    private func nameBeforeBracket(_ close: Int, _ limit: Int, _ context: Context) -> Int? {
        let tokens = context.text.tokens
        var open = close - 1
        while open > max(limit, close - 8), tokens[open].text != "(", tokens[open].text != "," { open -= 1 }
        guard open > limit, tokens[open].text == "(", context.mentionAt[open - 1] != nil else { return nil }
        return open - 1
    }

    private func isAdverbOrAuxiliary(_ word: String) -> Bool {
        word.hasSuffix("ly") || Self.adverbs.contains(word) || CalendarWords.weekdays[word] != nil
    }

    private static let adverbs: Set<String> = ["also", "later", "then", "has", "have", "had", "once", "again", "previously",
                                               "still", "just", "further", "reportedly", "was", "is", "earlier", "today",
                                               "yesterday", "tonight", "recently", "now", "often"]

    /// "the union", "Demonstrators", "one Democratic source on the panel": a speaker the text names
    /// by description rather than by name.
    private func nounPhrase(endingAt end: Int, notBefore limit: Int, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        guard tokens[end].kind == .word, !Self.clauseWords.contains(tokens[end].lowercased),
              !lexicon.speechVerbs.contains(tokens[end].lowercased) else { return nil }
        var start = end
        while start - 1 >= limit, end - start < 5 {
            let previous = tokens[start - 1]
            guard previous.kind == .word || previous.text == "'s", !context.insideQuote[start - 1],
                  !Self.clauseWords.contains(previous.lowercased), !lexicon.speechVerbs.contains(previous.lowercased) else { break }
            start -= 1
            if Self.determiners.contains(previous.lowercased) { break }
        }
        // "the union", "Demonstrators": a phrase that opens like a noun phrase, not "he’d seen".
        guard Self.determiners.contains(tokens[start].lowercased) || tokens[start].isCapitalized,
              let after = phraseEnd(start, end + 1, tokens) else { return nil }
        let phrase = context.text.text(start..<after)
        return Attribution(speaker: phrase, written: phrase, cue: "")
    }

    /// Words that leave a phrase unfinished: prepositions, articles and possessives, clause words.
    /// ("Another" or "a voice over" are phrases of their own.)
    private static let danglingWords = prepositions.subtracting(["over"]).union(clauseWords)
        .union(["the", "a", "an", "his", "her", "their", "its"])

    /// The person a title a few words on names, in the same phrase: "ACLU executive director
    /// Anthony Romero", "Pennsylvania Gov. and DNC Chairman Ed Rendell". Not past a verb ("The
    /// State Department said the emails of Hillary Clinton …"), a clause word or punctuation other
    /// than a title's period.
    private func person(after start: Int, _ context: Context) -> Int? {
        let tokens = context.text.tokens
        var index = start
        var words = 0
        while index < tokens.count, words <= 5, !context.insideQuote[index] {
            if let mention = context.mentionAt[index] {
                if context.mentions[mention].kind == .person { return mention }
                index = context.mentions[mention].tokens.upperBound
                continue
            }
            let word = tokens[index].lowercased
            if tokens[index].kind == .punctuation, !isAbbreviationPeriod(index, tokens) { return nil }
            if tokens[index].text.first?.isLowercase == true,
               lexicon.speechVerbs.contains(word) || Self.clauseWordsButAnd.contains(word) || word.hasSuffix("ed") {
                return nil
            }
            words += 1
            index += 1
        }
        return nil
    }

    /// Clause words that end a title before its person ("Gov. and DNC Chairman Ed Rendell" goes on).
    private static let clauseWordsButAnd = clauseWords.subtracting(["and"])

    /// "Trump confidant": a name that a lower-case noun after it makes a qualifier.
    private func isFollowedByLowercaseWord(_ mention: Int, _ context: Context) -> Bool {
        let next = context.mentions[mention].tokens.upperBound
        let tokens = context.text.tokens
        return next < tokens.count && tokens[next].kind == .word && tokens[next].text.first?.isLowercase == true
    }

    /// Where a described speaker ends once the words it cannot end with are dropped ("President
    /// Obama on" is President Obama; "the" alone is no one).
    private func phraseEnd(_ start: Int, _ end: Int, _ tokens: [Token]) -> Int? {
        var end = end
        while end > start, Self.danglingWords.contains(tokens[end - 1].lowercased) { end -= 1 }
        return end > start ? end : nil
    }

    /// The speaker just after the verb: "said Rubio", "said Russian envoy Kirill Dmitriev",
    /// "said one Democratic source on the panel".
    /// `standingAlone`: the name must end its phrase ("said Rubio: “…”"), as a speaker placed after
    /// its verb does before a quote; "said the United States “…”" names what was spoken about.
    private func speaker(after start: Int, cue: String, standingAlone: Bool = false, _ context: Context) -> Attribution? {
        let tokens = context.text.tokens
        // "…, adding that it would take": a clause follows the verb, not its speaker.
        if start < tokens.count, Self.clauseOpeners.contains(tokens[start].lowercased) {
            return Attribution(speaker: nil, written: nil, cue: cue)
        }
        var index = start
        let limit = min(tokens.count, start + 8)
        while index < limit {
            if context.insideQuote[index] { break }
            // "said one former GOP leadership aide", "said one Trump confidant": a name inside a
            // described speaker qualifies them.
            if let mention = context.mentionAt[index], index > start, Self.determiners.contains(tokens[start].lowercased),
               tokens[start].text.first?.isLowercase == true,
               context.mentions[mention].kind != .person || isFollowedByLowercaseWord(mention, context) {
                index = context.mentions[mention].tokens.upperBound
                continue
            }
            if let mention = context.mentionAt[index] {
                let next = context.mentions[mention].tokens.upperBound
                if standingAlone, next < tokens.count, tokens[next].kind != .punctuation, !context.insideQuote[next] { return nil }
                // "said ACLU executive director Anthony Romero", "said former Pennsylvania Gov. Ed
                // Rendell": a place or organization before a title qualifies the person after it.
                if context.mentions[mention].kind != .person, let person = person(after: next, context) {
                    return attribution(for: person, context)?.with(cue: cue)
                }
                return attribution(for: mention, context)?.with(cue: cue)
            }
            let word = tokens[index].lowercased
            if Self.pronouns.contains(word) {
                return Attribution(speaker: resolvePronoun(at: index, context), written: tokens[index].text, cue: cue)
            }
            // "said Rev. Kyev Tatum": a title's period does not end the phrase.
            if tokens[index].kind == .punctuation, !isAbbreviationPeriod(index, tokens) { break }
            index += 1
        }
        // No name: a described speaker up to the next punctuation, if it opens like a noun phrase,
        // and not into a relative clause: "said a county official who asked not to be named" is
        // the official's.
        let relative = index > start + 1 ? (start + 1..<index).first(where: { Self.relativeWords.contains(tokens[$0].lowercased) }) : nil
        if start < tokens.count, Self.determiners.contains(tokens[start].lowercased) || tokens[start].isCapitalized,
           index > start + 1, index - start <= 8, !standingAlone || index < tokens.count && !context.insideQuote[index],
           let end = phraseEnd(start, relative ?? index, tokens) {
            let phrase = context.text.text(start..<end)
            return Attribution(speaker: phrase, written: phrase, cue: cue)
        }
        return Attribution(speaker: nil, written: nil, cue: cue)
    }

    /// What sets a signature off from the quote it signs.
    private static let dashes: Set<String> = ["\u{2015}", "\u{2014}", "\u{2013}", "-"]

    private static let conjunctions: Set<String> = ["and", "but", "while", "whereas"]

    private static let relativeWords: Set<String> = ["who", "whom", "whose", "which", "that"]

    private static let clauseOpeners: Set<String> = ["that", "how", "what", "whether", "if", "for", "to", "when", "why"]

    private func attribution(for mentionIndex: Int, _ context: Context) -> Attribution? {
        let mention = context.mentions[mentionIndex]
        let tokens = context.text.tokens
        // "Rubio spokesman Alex Conant", "the Trump campaign", "Clinton aides": a name that qualifies
        // who spoke rather than being it.
        // "Hillary Clinton's aides" too: the possessive's mark is a token of its own.
        let possessive = mention.tokens.upperBound < tokens.count && tokens[mention.tokens.upperBound].text == "'s"
        let nouns = mention.tokens.upperBound + (possessive ? 1 : 0)
        // "Iowa State University's Dianne Bystrom agreed": the person the name qualifies.
        if possessive, nouns < tokens.count, let person = context.mentionAt[nouns], context.mentions[person].kind == .person,
           let entity = context.mentions[person].entity {
            return Attribution(speaker: context.entities[entity].name, written: context.mentions[person].surface, cue: "", isPerson: true)
        }
        var next = nouns
        while next < tokens.count, next - nouns < 3, tokens[next].kind == .word,
              tokens[next].text.first?.isLowercase == true, Self.groupNouns.contains(tokens[next].lowercased) {
            next += 1
        }
        if next > nouns {
            if next < tokens.count, let person = context.mentionAt[next], context.mentions[person].kind == .person,
               let entity = context.mentions[person].entity {
                return Attribution(speaker: context.entities[entity].name, written: context.mentions[person].surface, cue: "",
                                   isPerson: true)
            }
            var start = mention.tokens.lowerBound
            if start > 0, tokens[start - 1].lowercased == "the" { start -= 1 }
            let phrase = context.text.text(start..<next)
            return Attribution(speaker: phrase, written: phrase, cue: "")
        }
        // Places speak too, as governments do: "Russia insisted that …".
        guard let entity = mention.entity else { return nil }
        return Attribution(speaker: context.entities[entity].name, written: mention.surface, cue: "", isPerson: mention.kind == .person)
    }

    /// Nouns after a name that make the speaker someone of that name's side, not the name itself.
    private static let groupNouns: Set<String> = [
        "campaign", "spokesman", "spokeswoman", "spokesperson", "aide", "aides", "adviser", "advisers", "advisor",
        "advisors", "official", "officials", "administration", "team", "staff", "staffer", "lawyer", "lawyers",
        "attorney", "attorneys", "camp", "allies", "ally", "supporters", "supporter", "manager", "strategist",
        "chairman", "chairwoman", "chair", "director", "secretary", "press", "source", "sources", "statement",
        "spokespeople", "representatives", "representative", "backers", "critics", "opponents", "associates",
    ]

    /// Who "he", "she" or "they" at this token stands for. A pronoun that is a subject most often
    /// continues the subject before it ("Obama said after meeting Vladimir Putin. He didn't …" is
    /// Obama), so the person a sentence opens with is taken first: this sentence's, before the
    /// pronoun, then those of the sentences before it in this paragraph and the one before, past
    /// sentences that open with a pronoun too. Failing that, the person named last.
    private func resolvePronoun(at index: Int, _ context: Context) -> String? {
        let text = context.text
        let number = text.sentenceOfToken[index]
        let paragraph = text.sentences[number].paragraph
        var sentence = number
        var end = index
        while sentence >= 0, number - sentence <= Self.pronounReach, paragraph - text.sentences[sentence].paragraph <= 1 {
            if let position = subjectPosition(from: text.sentences[sentence].tokens.lowerBound, before: end, context),
               let mention = context.mentionAt[position], let person = person(named: mention, context) {
                return person
            }
            sentence -= 1
            if sentence >= 0 { end = text.sentences[sentence].tokens.upperBound }
        }
        return lastNamedPerson(before: text.tokens[index].start, context)
    }

    /// The person a subject names: "Tomas Varga", "Northfield University's Dianne Holt"; not
    /// "Kelly Marsh's campaign" or a place.
    private func person(named mention: Int, _ context: Context) -> String? {
        attribution(for: mention, context).flatMap { $0.isPerson ? $0.speaker : nil }
    }

    /// How many sentences back a pronoun's subject is looked for.
    private static let pronounReach = 3

    /// The person named last before this point, outside quotes.
    private func lastNamedPerson(before offset: Int, _ context: Context) -> String? {
        // Mentions are in text order: find the first at or after the offset, then walk back.
        var low = 0
        var high = context.mentions.count
        while low < high {
            let middle = (low + high) / 2
            if context.mentions[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= 0 {
            let mention = context.mentions[index]
            if mention.kind == .person, !context.insideQuote[mention.tokens.lowerBound] {
                return mention.entity.map { context.entities[$0].name }
            }
            index -= 1
        }
        return nil
    }
}
