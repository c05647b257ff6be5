/// What the ingest knows of the rows already stored, so as not to ask the archive again: the
/// spellings recorded for each person, organization and place, whether any manual merge exists,
/// and the rows the names of the chunk being written may denote.
///
/// Everything here describes committed or pending rows of the ingest's connection. It is dropped
/// whole when that stops being true: after a rollback, after rows were deleted (their ids may be
/// given again), or when another connection has written to the file.
final class KnownRows {
    /// Spellings known to be stored, by kind and entity.
    private var aliases: Set<Alias> = []
    /// What a chunk being written asked of its names' rows at once (`ArticleStorage.prepare`).
    var entities: StoredEntities?
    /// Whether the `merges` table has any row; nil until asked.
    var hasMerges: Bool?
    /// The archive's data version when last checked (see `ArchiveWriter.dataVersion`).
    var dataVersion: Int64?
    private static let aliasCapacity = 500_000

    struct Alias: Hashable {
        let kind: String
        let id: Int64
        let alias: String
    }

    /// True the first time an alias is seen (it must be written), false once it is known stored.
    func isNew(_ alias: Alias) -> Bool {
        if aliases.count >= Self.aliasCapacity { aliases.removeAll(keepingCapacity: true) }
        return aliases.insert(alias).inserted
    }

    func forget() {
        aliases.removeAll(keepingCapacity: true)
        hasMerges = nil
        entities = nil
    }
}
