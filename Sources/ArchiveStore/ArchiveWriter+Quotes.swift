import ArchiveValues

extension ArchiveWriter {
    /// Writes an article's quotes. A quote already carried by another article (or earlier in this
    /// one) becomes one more report of it, and the quote row shows the best of its reports by two
    /// total orders (`QuoteReport`), so it is the same whichever report came first: the text and
    /// where it stands from the longest form, the speaker from the reports that name one.
    func store(_ quotes: [QuoteRecord], articleID: Int64, articleHash: String, personIDs: [String: Int64]) throws {
        guard !quotes.isEmpty else { return }
        let keys = quotes.map { MatchKey.quote($0.text) }
        var stored = try storedQuotes(keys: Set(keys.filter { !$0.isEmpty }))
        defer { if preparedQuotes != nil { for (key, quote) in stored { preparedQuotes?[key] = .some(quote) } } }
        var reports: [[DatabaseValueConvertible?]] = []
        for (quote, key) in zip(quotes, keys) {
            let personID = quote.speaker.flatMap { personIDs[$0] }
            let form = QuoteReport.Form(text: quote.text, articleHash: articleHash)
            let speaker = QuoteReport.Speaker(asWritten: quote.speakerAsWritten, cue: quote.cue, name: personID != nil ? quote.speaker : nil)
            let quoteID: Int64
            if !key.isEmpty, let existing = stored[key] {
                quoteID = existing.id
                if form.precedes(existing.form) {
                    try database.update("quotes", id: quoteID, set: ["text", "article_id", "start_offset", "end_offset"],
                                        to: [quote.text, articleID, quote.startOffset, quote.endOffset])
                    stored[key]?.form = form
                }
                if speaker.precedes(existing.speaker) {
                    try database.update("quotes", id: quoteID, set: ["person_id", "speaker_as_written", "cue"],
                                        to: [personID, quote.speakerAsWritten, quote.cue])
                    stored[key]?.speaker = speaker
                }
            } else {
                quoteID = try database.insertNew(
                    into: "quotes", ["article_id", "person_id", "speaker_as_written", "cue", "text", "start_offset", "end_offset", "match_key"],
                    articleID, personID, quote.speakerAsWritten, quote.cue, quote.text, quote.startOffset, quote.endOffset, key)
                if !key.isEmpty { stored[key] = StoredQuote(id: quoteID, form: form, speaker: speaker) }
            }
            reports.append([quoteID, articleID, quote.startOffset, quote.endOffset])
        }
        try database.insert(into: "quote_articles", ["quote_id", "article_id", "start_offset", "end_offset"], rows: reports,
                            ending: "ON CONFLICT DO NOTHING")
    }

    /// Asks at once for the stored quotes a chunk's quotes may repeat, so that storing its
    /// articles one by one waits for no answer. Must run in the chunk's transaction; what was
    /// asked is kept up to date by `store` until `forgetPreparedQuotes`.
    public func prepareQuotes(_ quotes: [QuoteRecord]) throws {
        preparedQuotes = [:]
        _ = try storedQuotes(keys: Set(quotes.map { MatchKey.quote($0.text) }.filter { !$0.isEmpty }))
    }

    public func forgetPreparedQuotes() {
        preparedQuotes = nil
    }

    /// The quote stored under each of these match keys (the first, should there be several), with
    /// the report it shows: from what was prepared, else read.
    private func storedQuotes(keys: Set<String>) throws -> [String: StoredQuote] {
        var found: [String: StoredQuote] = [:]
        var unasked: [String] = []
        for key in keys {
            if let prepared = preparedQuotes?[key] { found[key] = prepared } else { unasked.append(key) }
        }
        guard !unasked.isEmpty else { return found }
        let listed = database.isIn("q.match_key", unasked.sorted())
        var read: [String: StoredQuote] = [:]
        for row in try database.rows("""
            SELECT q.match_key, q.id, q.text, a.content_hash, q.speaker_as_written, q.cue, p.name
            FROM quotes AS q JOIN source_articles AS a ON a.id = q.article_id LEFT JOIN people AS p ON p.id = q.person_id
            WHERE \(listed.sql) ORDER BY q.id DESC
            """, listed.values) {
            guard let key = row.string(0), let id = row.int(1) else { continue }
            let form = QuoteReport.Form(text: row.string(2) ?? "", articleHash: row.string(3) ?? "")
            let speaker = QuoteReport.Speaker(asWritten: row.string(4), cue: row.string(5), name: row.string(6))
            read[key] = StoredQuote(id: id, form: form, speaker: speaker)
        }
        if preparedQuotes != nil { for key in unasked { preparedQuotes?[key] = .some(read[key]) } }
        return found.merging(read) { $1 }
    }
}

/// A stored quote and the report it shows.
struct StoredQuote {
    let id: Int64
    var form: QuoteReport.Form
    var speaker: QuoteReport.Speaker
}
