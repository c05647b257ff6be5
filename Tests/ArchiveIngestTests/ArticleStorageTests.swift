import ArchiveIngest
import ArchiveValues
import ArchiveStore
import ArchiveTestSupport
import Testing

/// Storing an extracted article: its rows, and who its names are.
@Suite struct ArticleStorageTests {
    let database: Database
    let writer: ArticleStorage

    init() throws {
        database = try ArchiveSchema.open(":memory:", mode: .readWrite)
        writer = ArticleStorage(writer: ArchiveWriter(database: database))
    }

    func bundle(hash: String = "h1", body: String = "Envoy Kirill Dmitriev met Steve Witkoff in Miami. “We had good talks,” Witkoff said.") -> ArticleBundle {
        ArticleBundle(
            article: ArticleRecord(title: "Talks in Miami", body: body, outlet: "Wire", format: "text", contentHash: hash),
            people: [
                EntityRecord(name: "Kirill Dmitriev", aliases: ["Kirill Dmitriev"], mentionCount: 1, firstOffset: 6, role: "envoy"),
                EntityRecord(name: "Steve Witkoff", aliases: ["Steve Witkoff", "Witkoff"], mentionCount: 2, firstOffset: 26),
            ],
            places: [EntityRecord(name: "Miami", aliases: ["Miami"], mentionCount: 1, firstOffset: 43)],
            quotes: [QuoteRecord(text: "We had good talks,", startOffset: 51, endOffset: 69, speaker: "Steve Witkoff",
                                 speakerAsWritten: "Witkoff", cue: "said")],
            event: EventRecord(title: "Talks in Miami", occurredOn: "2025-12-20", datePrecision: "day", dateSource: "text",
                               place: "Miami", summary: nil, participants: ["Kirill Dmitriev", "Steve Witkoff"],
                               participatingOrganizations: []))
    }

    @Test func writesAnArticleWithEveryLink() throws {
        let outcome = try database.inTransaction { try writer.store(bundle(), ingestedAt: "2025-12-21T00:00:00Z") }
        guard case .inserted(let id) = outcome else { Issue.record("not inserted"); return }
        #expect(try database.integer("SELECT count(*) FROM article_people WHERE article_id = ?", id) == 2)
        // The article's own report; which event it joins is grouping's to decide (ArchiveGrouping).
        #expect(try database.integer("SELECT count(*) FROM article_people WHERE takes_part = 1") == 2)
        #expect(try database.scalar("SELECT place FROM article_reports WHERE article_id = ?", id) == .text("Miami"))
        #expect(try database.integer("SELECT count(*) FROM events") == 0)
        #expect(try database.scalar("SELECT speaker FROM quote_list") == .text("Steve Witkoff"))
        #expect(try database.scalar("SELECT role FROM people WHERE name = 'Kirill Dmitriev'") == .text("envoy"))
        #expect(try database.integer("SELECT count(*) FROM person_aliases WHERE alias = 'Witkoff'") == 1)
    }

    @Test func quoteOffsetsPointAtTheQuotedText() throws {
        _ = try database.inTransaction { try writer.store(bundle(), ingestedAt: "now") }
        let text = try database.scalar("""
            SELECT substr(a.body, q.start_offset + 1, q.end_offset - q.start_offset) FROM quotes AS q
            JOIN source_articles AS a ON a.id = q.article_id
            """)
        #expect(text == .text("We had good talks,"))
    }

    @Test func sameContentIsStoredOnce() throws {
        _ = try database.inTransaction { try writer.store(bundle(), ingestedAt: "now") }
        let second = try database.inTransaction { try writer.store(bundle(), ingestedAt: "later") }
        #expect(second == .duplicate(articleID: 1))
        #expect(try database.integer("SELECT count(*) FROM source_articles") == 1)
        #expect(try database.integer("SELECT count(*) FROM quotes") == 1)
    }

    @Test func aSpellingOfAFullNameJoinsItAndALoneSurnameIsNotGuessed() throws {
        _ = try database.inTransaction { try writer.store(bundle(), ingestedAt: "now") }
        var other = bundle(hash: "h2", body: "Steve Vitkoff returned to Washington.")
        other.people = [EntityRecord(name: "Steve Vitkoff", aliases: ["Steve Vitkoff"], mentionCount: 1, firstOffset: 0)]
        other.quotes = []
        other.event = nil
        _ = try database.inTransaction { try writer.store(other, ingestedAt: "now") }
        // Across articles a lone surname may be any of the people of that name the archive will
        // hold: it is a row of its own, found by `--person Witkoff` beside Steve Witkoff.
        var lone = other
        lone.article.contentHash = "h3"
        lone.people = [EntityRecord(name: "Witkoff", aliases: ["Witkoff"], mentionCount: 1, firstOffset: 0)]
        _ = try database.inTransaction { try writer.store(lone, ingestedAt: "now") }
        #expect(try database.integer("SELECT count(*) FROM people") == 3)
        // One row for both spellings, named by the one that sorts first.
        #expect(try database.integer("SELECT count(*) FROM article_people AS ap JOIN people AS p ON p.id = ap.person_id WHERE p.name = 'Steve Vitkoff'") == 2)
        #expect(try database.integer("SELECT count(*) FROM people WHERE surname_key = (SELECT surname_key FROM people WHERE name = 'Witkoff')") == 2)
    }

    @Test func aFailingArticleLeavesNothingBehindAndTheBatchGoesOn() throws {
        var broken = bundle(hash: "bad")
        broken.quotes = [QuoteRecord(text: "x", startOffset: 10, endOffset: 2, speaker: nil, speakerAsWritten: nil, cue: nil)]
        try database.inTransaction {
            #expect(throws: DatabaseError.self) { _ = try writer.store(broken, ingestedAt: "now") }
            _ = try writer.store(bundle(hash: "good"), ingestedAt: "now")
        }
        #expect(try database.rows("SELECT content_hash FROM source_articles").compactMap { $0.string(0) } == ["good"])
        #expect(try database.integer("SELECT count(*) FROM article_reports") == 1)
        #expect(try database.integer("SELECT count(*) FROM quotes") == 1)
    }

    @Test func oneQuotationCarriedByManyArticlesIsOneQuote() throws {
        var first = bundle(hash: "wire-1", body: "“We had good talks” said Witkoff.")
        first.article.publishedAt = "2025-12-21"
        first.quotes = [QuoteRecord(text: "We had good talks", startOffset: 1, endOffset: 18, speaker: nil, speakerAsWritten: nil, cue: nil)]
        var second = bundle(hash: "wire-2", body: "Witkoff: “We had good talks, and more to come.” Later: “We had good talks!”")
        second.article.publishedAt = "2025-12-20"
        second.quotes = [
            QuoteRecord(text: "We had GOOD talks!", startOffset: 56, endOffset: 74, speaker: "Steve Witkoff", speakerAsWritten: "Witkoff", cue: "said"),
            QuoteRecord(text: "We had good talks, and more to come.", startOffset: 10, endOffset: 46, speaker: nil, speakerAsWritten: nil, cue: nil),
        ]
        try database.inTransaction {
            _ = try writer.store(first, ingestedAt: "now")
            _ = try writer.store(second, ingestedAt: "now")
        }
        #expect(try database.integer("SELECT count(*) FROM quotes") == 2)
        let shared = try database.rows("SELECT speaker, published_at, article_count FROM quote_list WHERE quote LIKE 'We had good talks' OR quote LIKE 'We had GOOD talks!'")
        #expect(shared.count == 1)
        #expect(shared.first?.string(0) == "Steve Witkoff")   // the second report named the speaker
        #expect(shared.first?.string(1) == "2025-12-20")      // the earliest report
        #expect(shared.first?.int(2) == 2)
        #expect(try database.scalar("SELECT text FROM quotes WHERE match_key = '\(MatchKey.quote("we had good talks"))'") == .text("We had GOOD talks!"))
    }

    /// Two names of one article that turn out to be one person make one row of `article_people`
    /// (the writer sends one statement per table, so it sums them itself), and a quotation the
    /// article gives twice is one quote, in its longer form.
    @Test func namesThatAreOnePersonMakeOneRowAndARepeatedQuoteOneQuote() throws {
        let body = "Kirill Dmitryev, the envoy, spoke. Later Kirill Dmitriev said: “talks went well” He repeated: “Talks went WELL!”"
        var article = bundle(hash: "twice", body: body)
        article.people = [
            EntityRecord(name: "Kirill Dmitriev", aliases: ["Kirill Dmitriev"], mentionCount: 1, firstOffset: 41),
            EntityRecord(name: "Kirill Dmitryev", aliases: ["Kirill Dmitryev"], mentionCount: 2, firstOffset: 0, role: "envoy"),
        ]
        article.places = []
        article.quotes = [
            QuoteRecord(text: "talks went well", startOffset: 64, endOffset: 79, speaker: "Kirill Dmitriev", speakerAsWritten: "Kirill Dmitriev", cue: "said"),
            QuoteRecord(text: "Talks went WELL!", startOffset: 94, endOffset: 110, speaker: nil, speakerAsWritten: "He", cue: "repeated"),
        ]
        article.event?.participants = ["Kirill Dmitryev"]
        _ = try database.inTransaction { try writer.store(article, ingestedAt: "now") }
        #expect(try database.integer("SELECT count(*) FROM people") == 1)
        let row = try database.rows("SELECT mention_count, first_offset, role, takes_part FROM article_people", [])
        #expect(row.count == 1)
        #expect(row.first?.int(0) == 3)
        #expect(row.first?.int(1) == 0)
        #expect(row.first?.string(2) == "envoy")
        #expect(row.first?.int(3) == 1)
        let quotes = try database.rows("SELECT text, person_id IS NOT NULL, start_offset FROM quotes", [])
        #expect(quotes.count == 1)
        #expect(quotes.first?.string(0) == "Talks went WELL!")
        #expect(quotes.first?.int(1) == 1)
        #expect(quotes.first?.int(2) == 94)
        #expect(try database.integer("SELECT count(*) FROM quote_articles") == 1)
    }
}
