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

    static let months = WordSet(CalendarWords.englishMonths.keys)
    static let weekdayNames = CalendarWords.weekdays.keys.sorted()
    static let weekdays = WordSet(weekdayNames)
    /// Lower-case words that may sit inside a name: "Bank of England", "Ludwig van Beethoven".
    static let connectors: WordSet = [
        "of", "de", "del", "della", "di", "da", "van", "von", "der", "den", "du", "la", "le", "al", "bin", "ibn",
        "and", "&", "for", "on", "the", "y",
    ]
    /// Connectors that only an organization name may contain; elsewhere they separate two names.
    static let organizationConnectors: WordSet = ["and", "&", "for", "on", "the"]
    static let placePrepositions: WordSet = ["in", "near", "outside", "across", "throughout", "around", "into", "from"]

    /// The stages, each in a file of its own: candidates (`+Candidates`), classification
    /// (`+Classification`), acronyms, document consistency (`+Consistency`), sports reports
    /// (`+SportsReports`), lines in capitals (`+Capitals`), and grouping into entities (`+Entities`).
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
}
