/// Reads an article's main event from its headline and lead: what (the headline), when (the first
/// date the lead gives), where (the first place the headline or lead puts it "in"), and who took
/// part (those the lead names doing something, not those named only as owners of something else).
struct EventBuilder: Sendable {
    /// How many paragraphs count as the lead.
    static let leadParagraphs = 3
    private static let participationWords: Set<String> = [
        "meet", "meets", "met", "meeting", "talks", "talk", "negotiate", "negotiated", "negotiating", "negotiations",
        "visit", "visits", "visited", "led", "lead", "leads", "join", "joins", "joined", "attend", "attends", "attended",
        "sign", "signs", "signed", "travel", "travels", "traveled", "travelled", "arrive", "arrives", "arrived", "hold",
        "holds", "held", "discuss", "discusses", "discussed", "summit", "including", "envoys", "delegation",
        "announced", "won", "beat", "beats", "defeated", "killed", "arrested", "elected", "resigned", "said",
    ]

    func build(title: AnalyzedText, body: AnalyzedText, mentions: [Mention], titleMentions: [Mention], entities: [Entity],
               dates: [DateResolver.Found], published: ResolvedDate?) -> ArticleEvent {
        let leadDates = dates.filter { $0.paragraph < Self.leadParagraphs }
        let date = leadDates.first { $0.date.precision == .day }?.date ?? leadDates.first?.date ?? published

        let participants = participantNames(body: body, mentions: mentions, entities: entities)
        let place = eventPlace(title: title, body: body, mentions: mentions, titleMentions: titleMentions)
        let summary = body.sentences.first.map { body.text($0.tokens) }
        return ArticleEvent(title: Self.eventTitle(title.buffer.text(0..<title.buffer.count)), date: date, place: place,
                            participants: participants, summary: summary)
    }

    /// Framing that says how the story is told, not what happened.
    private static let framings = [
        "what we know so far about ", "what we know about ", "live updates: ", "live updates - ", "live: ", "breaking: ",
        "breaking news: ", "analysis: ", "opinion: ", "explainer: ", "factbox: ", "watch: ", "exclusive: ", "update: ",
        "in pictures: ", "timeline: ", "q&a: ",
    ]

    /// The headline without its framing: "What we know so far about today’s US–Russia talks on
    /// Ukraine" → "Today’s US–Russia talks on Ukraine".
    static func eventTitle(_ headline: String) -> String {
        var title = headline
        var changed = true
        while changed {
            changed = false
            for framing in framings where title.lowercased().hasPrefix(framing) && title.count > framing.count + 10 {
                title = String(title.dropFirst(framing.count))
                changed = true
            }
        }
        // "UPDATE 2-Talks resume": a wire service's revision marker.
        if title.hasPrefix("UPDATE "), let dash = title.firstIndex(of: "-"), title.distance(from: title.startIndex, to: dash) <= 10 {
            title = String(title[title.index(after: dash)...])
        }
        guard let first = title.first else { return headline }
        return first.uppercased() + title.dropFirst()
    }

    private func participantNames(body: AnalyzedText, mentions: [Mention], entities: [Entity]) -> [String] {
        var names: [String] = []
        for mention in mentions where !mention.possessive {
            guard let entity = mention.entity, entities[entity].kind != .place else { continue }
            // "per Reuters", "told Reuters", "according to officials": sources, not participants.
            let before = mention.tokens.lowerBound > 0 ? body.tokens[mention.tokens.lowerBound - 1].lowercased : ""
            if ["per", "to", "told", "via", "by"].contains(before) { continue }
            let sentence = body.sentences[body.sentenceOfToken[mention.tokens.lowerBound]]
            guard sentence.paragraph < Self.leadParagraphs + 2 else { continue }
            let acts = sentence.tokens.contains { Self.participationWords.contains(body.tokens[$0].lowercased) }
            if acts, !names.contains(entities[entity].name) { names.append(entities[entity].name) }
        }
        return names
    }

    /// "in Florida" in the headline or lead, made more specific by "in West Palm Beach, Florida".
    private func eventPlace(title: AnalyzedText, body: AnalyzedText, mentions: [Mention], titleMentions: [Mention]) -> String? {
        func placed(_ list: [Mention], _ text: AnalyzedText, lead: Bool) -> [(name: String, next: String?)] {
            var result: [(String, String?)] = []
            for (index, mention) in list.enumerated() where mention.kind == .place {
                if lead, text.sentences[text.sentenceOfToken[mention.tokens.lowerBound]].paragraph >= Self.leadParagraphs { continue }
                let before = mention.tokens.lowerBound > 0 ? text.tokens[mention.tokens.lowerBound - 1].lowercased : ""
                guard ["in", "at", "near", "to"].contains(before) else { continue }
                var next: String?
                if index + 1 < list.count, list[index + 1].kind == .place, mention.tokens.upperBound < text.tokens.count,
                   text.tokens[mention.tokens.upperBound].text == ",", list[index + 1].tokens.lowerBound == mention.tokens.upperBound + 1 {
                    next = list[index + 1].surface
                }
                result.append((mention.surface, next))
            }
            return result
        }
        let fromTitle = placed(titleMentions, title, lead: false)
        let fromLead = placed(mentions, body, lead: true)
        guard let chosen = (fromTitle.first ?? fromLead.first) else { return nil }
        if let next = chosen.next { return chosen.name + ", " + next }
        // A lead that names a more specific place in the chosen one: "West Palm Beach, Florida".
        if let specific = fromLead.first(where: { $0.next == chosen.name }) { return specific.name + ", " + chosen.name }
        return chosen.name
    }
}
