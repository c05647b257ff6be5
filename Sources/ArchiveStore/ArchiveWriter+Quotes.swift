import ArchiveValues

extension ArchiveWriter {
    /// A quote already carried by another article becomes one more report of it: the longest
    /// form is kept, and a speaker is added when the first report had none.
    func store(_ quote: QuoteRecord, articleID: Int64, personID: Int64?) throws {
        let key = MatchKey.quote(quote.text)
        let existing = key.isEmpty ? nil : try database.rows("SELECT id, length(text) FROM quotes WHERE match_key = ? LIMIT 1", [key]).first
        let quoteID: Int64
        if let existing, let id = existing.int(0) {
            quoteID = id
            if quote.text.count > Int(existing.int(1) ?? 0) {
                try database.run("UPDATE quotes SET text = ?, article_id = ?, start_offset = ?, end_offset = ? WHERE id = ?",
                                 quote.text, articleID, quote.startOffset, quote.endOffset, id)
            }
            if let personID {
                try database.run("""
                    UPDATE quotes SET person_id = ?, speaker_as_written = coalesce(speaker_as_written, ?), cue = coalesce(cue, ?)
                    WHERE id = ? AND person_id IS NULL
                    """, personID, quote.speakerAsWritten, quote.cue, id)
            }
        } else {
            quoteID = try database.insert("""
                INSERT INTO quotes (article_id, person_id, speaker_as_written, cue, text, start_offset, end_offset, match_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, articleID, personID, quote.speakerAsWritten, quote.cue, quote.text, quote.startOffset, quote.endOffset, key)
        }
        try database.run("""
            INSERT INTO quote_articles (quote_id, article_id, start_offset, end_offset) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
            """, quoteID, articleID, quote.startOffset, quote.endOffset)
    }
}
