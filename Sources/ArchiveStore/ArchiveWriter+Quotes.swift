import ArchiveValues

extension ArchiveWriter {
    /// Writes an article's quotes. A quote already carried by another article (or earlier in this
    /// one) becomes one more report of it: the longest form is kept, and a speaker is added when
    /// the first report had none.
    func store(_ quotes: [QuoteRecord], articleID: Int64, personIDs: [String: Int64]) throws {
        guard !quotes.isEmpty else { return }
        let keys = quotes.map { MatchKey.quote($0.text) }
        // The stored quotes with these keys, asked for once; `length` counts code points, as SQL's length() does.
        var stored = try storedQuotes(keys: Set(keys.filter { !$0.isEmpty }))
        var reports: [[DatabaseValueConvertible?]] = []
        for (quote, key) in zip(quotes, keys) {
            let personID = quote.speaker.flatMap { personIDs[$0] }
            let length = quote.text.unicodeScalars.count
            let quoteID: Int64
            if !key.isEmpty, let existing = stored[key] {
                quoteID = existing.id
                if length > existing.length {
                    try database.run("UPDATE quotes SET text = ?, article_id = ?, start_offset = ?, end_offset = ? WHERE id = ?",
                                     quote.text, articleID, quote.startOffset, quote.endOffset, quoteID)
                    stored[key] = (quoteID, length)
                }
                if let personID {
                    try database.run("""
                        UPDATE quotes SET person_id = ?, speaker_as_written = coalesce(speaker_as_written, ?), cue = coalesce(cue, ?)
                        WHERE id = ? AND person_id IS NULL
                        """, personID, quote.speakerAsWritten, quote.cue, quoteID)
                }
            } else {
                quoteID = try database.insert("""
                    INSERT INTO quotes (article_id, person_id, speaker_as_written, cue, text, start_offset, end_offset, match_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """, articleID, personID, quote.speakerAsWritten, quote.cue, quote.text, quote.startOffset, quote.endOffset, key)
                if !key.isEmpty { stored[key] = (quoteID, length) }
            }
            reports.append([quoteID, articleID, quote.startOffset, quote.endOffset])
        }
        try database.insert(into: "quote_articles", ["quote_id", "article_id", "start_offset", "end_offset"], rows: reports,
                            ending: "ON CONFLICT DO NOTHING")
    }

    /// The quote stored under each of these match keys (the first, should there be several) and its length.
    private func storedQuotes(keys: Set<String>) throws -> [String: (id: Int64, length: Int)] {
        var found: [String: (id: Int64, length: Int)] = [:]
        guard !keys.isEmpty else { return found }
        let listed = database.isIn("match_key", keys.sorted())
        for row in try database.rows("SELECT match_key, id, length(text) FROM quotes WHERE \(listed.sql) ORDER BY id DESC", listed.values) {
            if let key = row.string(0), let id = row.int(1) { found[key] = (id, Int(row.int(2) ?? 0)) }
        }
        return found
    }
}
