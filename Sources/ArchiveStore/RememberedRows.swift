/// What a writer remembers of the rows it has read and written, so that it need not ask SQLite
/// again: the aliases already stored, and whether any manual merge exists.
///
/// Everything here describes committed or pending rows of this writer's connection. It is dropped
/// whole when that stops being true: after a rollback (the caller says so) or when another
/// connection has written to the file (`PRAGMA data_version` moves).
final class RememberedRows {
    /// Aliases known to be stored, by alias table.
    private var aliases: Set<Alias> = []
    /// Whether the `merges` table has any row; nil until asked.
    var hasMerges: Bool?
    /// `PRAGMA data_version` when last checked.
    var dataVersion: Int64?
    private static let aliasCapacity = 500_000

    struct Alias: Hashable {
        let table: String
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
    }
}
