import ArchiveStore
import ArchiveTestSupport
import Testing

/// The articles grouping compares a new one with: those filed under its words and its people,
/// whoever wrote them and whatever was rolled back since they were last looked up.
@Suite struct GroupingCandidateTests {
    struct Failure: Error {}
    let folder = TemporaryDirectory()

    func bundle(_ hash: String, person: String = "Carla Mendes", date: String? = nil) -> ArticleBundle {
        ArticleBundle(
            article: ArticleRecord(title: "Harbour \(hash)", body: "\(person) spoke at the harbour.", format: "text", contentHash: hash),
            people: [EntityRecord(name: person, aliases: [person], mentionCount: 1, firstOffset: 0)],
            event: EventRecord(title: "Harbour \(hash)", occurredOn: date, datePrecision: date.map { $0.count == 10 ? "day" : $0.count == 7 ? "month" : "year" },
                               dateSource: date == nil ? nil : "text", place: nil, summary: nil, participants: [person],
                               participatingOrganizations: []))
    }

    /// Writes an article and files it under `terms`; its id.
    func store(_ bundle: ArticleBundle, terms: [String], with writer: ArchiveWriter) throws -> Int64 {
        try writer.database.inTransaction {
            guard case .inserted(let id) = try writer.write(bundle, ingestedAt: "now") else { throw Failure() }
            try writer.storeTerms(terms, article: id)
            return id
        }
    }

    func candidates(of article: Int64, terms: [String], day: String? = nil, with writer: ArchiveWriter) throws -> Set<Int64> {
        Set(try writer.candidateArticles(for: article, terms: terms, day: day).map(\.article))
    }

    @Test func anArticleAnotherConnectionWroteIsACandidate() throws {
        let path = folder.path("g.db")
        let first = ArchiveWriter(database: try ArchiveSchema.open(path, mode: .readWrite))
        let second = ArchiveWriter(database: try ArchiveSchema.open(path, mode: .readWrite))
        let a = try store(bundle("a"), terms: ["helga", "harbour"], with: first)
        let b = try store(bundle("b", person: "Jonas Berg"), terms: ["helga", "ferry"], with: first)
        #expect(try candidates(of: b, terms: ["helga", "ferry"], with: first) == [a])
        // The first writer has looked up "helga" and "ferry" already; the second files another article under them.
        let c = try store(bundle("c", person: "Jonas Berg"), terms: ["helga", "ferry"], with: second)
        let d = try store(bundle("d", person: "Jonas Berg"), terms: ["helga", "ferry"], with: first)
        #expect(try candidates(of: d, terms: ["helga", "ferry"], with: first) == [a, b, c])
    }

    @Test func anArticleRolledBackIsNoCandidate() throws {
        let writer = ArchiveWriter(database: try ArchiveSchema.open(folder.path("r.db"), mode: .readWrite))
        let a = try store(bundle("a"), terms: ["helga"], with: writer)
        _ = try candidates(of: a, terms: ["helga"], with: writer)
        // A batch that fails is rolled back whole; the pipeline then forgets what it remembered.
        _ = try? writer.database.inTransaction {
            _ = try writer.write(bundle("lost"), ingestedAt: "now")
            throw Failure()
        }
        writer.forgetRememberedRows()
        // The lost article's id goes to one about someone else, under another word.
        let b = try store(bundle("b", person: "Jonas Berg"), terms: ["ferry"], with: writer)
        let c = try store(bundle("c"), terms: ["helga"], with: writer)
        #expect(try candidates(of: c, terms: ["helga"], with: writer) == [a])
        #expect(b == 2 && c == 3)
    }

    @Test func onlyArticlesWithinTheDateWindowAreCandidates() throws {
        let writer = ArchiveWriter(database: try ArchiveSchema.open(folder.path("w.db"), mode: .readWrite))
        let near = try store(bundle("near", date: "2025-02-10"), terms: ["helga"], with: writer)
        _ = try store(bundle("far", date: "2025-03-10"), terms: ["helga"], with: writer)
        let undated = try store(bundle("undated"), terms: ["helga"], with: writer)
        // An event dated to the month or the year only is not ruled out by a window of days.
        let month = try store(bundle("month", date: "2025-01"), terms: ["helga"], with: writer)
        let new = try store(bundle("new", date: "2025-02-12"), terms: ["helga"], with: writer)
        #expect(try candidates(of: new, terms: ["helga"], day: "2025-02-12", with: writer) == [near, undated, month])
    }

    @Test func theArticlesSharingMostComeFirstAndEachKeyLooksAtItsNewestOnly() throws {
        let writer = ArchiveWriter(database: try ArchiveSchema.open(folder.path("n.db"), mode: .readWrite))
        var others: [Int64] = []
        for number in 0..<60 {
            others.append(try store(bundle("other\(number)", person: "Ana Number\(number)"), terms: ["helga"], with: writer))
        }
        let both = try store(bundle("both"), terms: ["helga", "lisbon"], with: writer)
        let new = try store(bundle("new", person: "Jonas Berg"), terms: ["helga", "lisbon"], with: writer)
        let firstFive = try writer.candidateArticles(for: new, terms: ["helga", "lisbon"], day: nil, limit: 5).map(\.article)
        // "both" shares two words and comes first; then the newest of those sharing one.
        #expect(firstFive == [both] + others.suffix(4).reversed())
        // Fifty per word: "both" and the newest 49 others; the older ones are not looked at.
        let all = try writer.candidateArticles(for: new, terms: ["helga", "lisbon"], day: nil, limit: 100).map(\.article)
        #expect(Set(all) == Set([both] + others.suffix(49)))
    }

    @Test func aMergedEventsDateCountsForAllItsArticles() throws {
        let writer = ArchiveWriter(database: try ArchiveSchema.open(folder.path("m.db"), mode: .readWrite))
        let undated = try store(bundle("undated"), terms: ["helga"], with: writer)
        let dated = try store(bundle("dated", date: "2025-02-10"), terms: ["helga"], with: writer)
        let probe = try store(bundle("probe", date: "2025-06-01"), terms: ["helga"], with: writer)
        // Looked at once while its event had no date.
        #expect(try candidates(of: probe, terms: ["helga"], day: "2025-06-01", with: writer) == [undated])
        func event(_ article: Int64) throws -> Int64 {
            try writer.database.integer("SELECT event_id FROM article_events WHERE article_id = ?", article)!
        }
        // The undated event takes the date of the one merged into it: February, far from June.
        try writer.database.inTransaction { try writer.mergeEvents([event(undated), event(dated)], into: event(undated)) }
        let late = try store(bundle("late", date: "2025-06-02"), terms: ["helga"], with: writer)
        #expect(try candidates(of: late, terms: ["helga"], day: "2025-06-02", with: writer) == [probe])
        // In a window around February both are found, with the one event they now share.
        let early = try store(bundle("early", date: "2025-02-11"), terms: ["helga"], with: writer)
        let found = try writer.candidateArticles(for: early, terms: ["helga"], day: "2025-02-11")
        #expect(Set(found.map(\.article)) == [undated, dated])
        #expect(Set(found.map(\.event)) == [try event(undated)])
    }
}
