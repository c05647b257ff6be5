/// Ids for the rows a writing transaction adds, handed out by the writer rather than by the
/// engine, so that an insert has no answer to wait for: on PostgreSQL it is sent with the
/// statements around it (pipeline mode) instead of costing a round trip each, as `RETURNING id`
/// did. Each table continues after its largest id — the id SQLite itself would give — so both
/// engines number rows alike.
///
/// Only a writer holding the archive's write lock (a writing transaction, to its end) may keep
/// counting from what it read: no one else adds rows meanwhile. A rolled-back savepoint takes its
/// rows with it, so the counts are read again after one.
struct NewRowIDs {
    private var next: [String: Int64] = [:]
    /// Tables given ids in the open transaction: PostgreSQL's own counter (the identity sequence)
    /// must continue after them when it commits.
    private(set) var tables: Set<String> = []

    /// The id for a new row of `table`; `largest` reads the table's largest id when it is not
    /// counted yet (or no longer may be: `keepsCounting` false outside a writing transaction).
    mutating func id(in table: String, keepsCounting: Bool, largest: () throws -> Int64) throws -> Int64 {
        let id = try next[table] ?? (largest() + 1)
        tables.insert(table)
        if keepsCounting { next[table] = id + 1 }
        return id
    }

    /// After a rollback to a savepoint: the rows it removed may have held the largest ids.
    mutating func recount() {
        next.removeAll()
    }

    /// At the end of a transaction.
    mutating func reset() {
        next.removeAll()
        tables.removeAll()
    }
}
