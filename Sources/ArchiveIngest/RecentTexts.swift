import ArchiveStore

/// The articles stored since a chunk was triaged, which the triage could not see, as the chunk's
/// writer looks for near-copies among them: their fingerprint bands asked for once when the
/// chunk's transaction begins (under the write lock nothing else is stored meanwhile), then those
/// the chunk stores itself, kept as they are written. On a server this is one question per chunk
/// instead of one per article.
///
/// Answers as `ArchiveWriter.nearCopies(of:)` would over the same articles: those sharing at
/// least two bands, most shared first, then by id, at most five.
final class RecentTexts {
    private struct Band: Hashable {
        let band: Int
        let value: Int64
    }

    private let writer: ArchiveWriter
    private var articles: [Band: [Int64]] = [:]
    private var bands: [Int64: [Band]] = [:]
    /// Texts known without asking: those the chunk stored.
    private var texts: [Int64: ArchiveWriter.NearCopy] = [:]

    init(writer: ArchiveWriter, from firstID: Int64) throws {
        self.writer = writer
        for (article, band, value) in try writer.fingerprints(from: firstID) {
            add(article, Band(band: band, value: value))
        }
    }

    /// An article the chunk stored.
    func stored(_ id: Int64, fingerprint: [Int64], body: String, contentHash: String) {
        for (band, value) in fingerprint.enumerated() { add(id, Band(band: band, value: value)) }
        texts[id] = ArchiveWriter.NearCopy(id: id, body: body, contentHash: contentHash)
    }

    /// An article that is no longer stored as itself (it became a copy of a better text).
    func removed(_ id: Int64) {
        for band in bands.removeValue(forKey: id) ?? [] { articles[band]?.removeAll { $0 == id } }
        texts[id] = nil
    }

    func nearCopies(of fingerprint: [Int64], limit: Int = 5) throws -> [ArchiveWriter.NearCopy] {
        let ranked = sharing(fingerprint).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return try ranked.prefix(limit).compactMap { article, _ in try texts[article] ?? writer.nearCopy(article) }
    }

    /// Reads together the texts of every article stored since the triage that one of these
    /// fingerprints may be a near-copy of: after another writer's chunk they were hundreds of
    /// single reads, each a wait inside the write lock.
    func readAhead(_ fingerprints: [[Int64]]) throws {
        var wanted: Set<Int64> = []
        for fingerprint in fingerprints { wanted.formUnion(sharing(fingerprint).keys.filter { texts[$0] == nil }) }
        for text in try writer.nearCopies(wanted.sorted()) { texts[text.id] = text }
    }

    /// The articles sharing at least two bands with a fingerprint, with how many they share.
    private func sharing(_ fingerprint: [Int64]) -> [Int64: Int] {
        var shared: [Int64: Int] = [:]
        for (band, value) in fingerprint.enumerated() {
            for article in articles[Band(band: band, value: value)] ?? [] { shared[article, default: 0] += 1 }
        }
        return shared.filter { $0.value >= 2 }
    }

    private func add(_ article: Int64, _ band: Band) {
        articles[band, default: []].append(article)
        bands[article, default: []].append(band)
    }
}
