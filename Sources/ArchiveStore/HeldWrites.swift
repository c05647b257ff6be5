import Foundation

/// The writes a writing transaction on a server holds back to send together: the rows of its
/// inserts, one statement per table and column list however many articles gave them, and the
/// updates that may run after those (`Database.runAfterInserts`). A server pays a turn of its
/// executor, and of the client's library, per statement; held, a chunk of a thousand articles
/// costs some twenty inserts instead of some twenty thousand.
///
/// Rows come out parents first (`ArchiveSchema.tables`), so that every row finds the rows it
/// refers to; an insert only adds rows and reads none, so the order among tables is free.
struct HeldWrites {
    struct Shape: Hashable {
        let table: String
        let columns: [String]
        /// What follows the rows (`ON CONFLICT …`).
        let ending: String
    }

    private var shapes: [Shape] = []
    private var rows: [Shape: [[DatabaseValue]]] = [:]
    /// For an upsert (`DO UPDATE`), the conflict target's values of the rows held: one statement
    /// may not update a row twice, so a repeat must wait for the rows before it to be sent.
    private var targets: [Shape: Set<[DatabaseValue]>] = [:]
    private(set) var later: [(sql: String, values: [DatabaseValue])] = []
    /// Updates of rows by id, one statement per table and columns (`Database.update`).
    private var updates: [RowUpdate: [Int64: [DatabaseValue]]] = [:]
    private var updateShapes: [RowUpdate] = []
    private(set) var rowCount = 0
    /// The bytes of the text values held, near enough: what holding costs in memory.
    private(set) var textBytes = 0

    /// Updates of some columns of rows by id, under a condition on the row.
    struct RowUpdate: Hashable {
        let table: String
        let columns: [String]
        let condition: String?
        /// Of two updates of one row, the first counts (its condition makes the later change
        /// nothing), else the last.
        let firstWins: Bool
    }

    var isEmpty: Bool { rowCount == 0 && later.isEmpty && updates.isEmpty }

    mutating func hold(_ update: RowUpdate, id: Int64, _ values: [DatabaseValue]) {
        if updates[update] == nil { updateShapes.append(update) }
        if update.firstWins, updates[update]?[id] != nil { return }
        updates[update, default: [:]][id] = values
        rowCount += 1
        textBytes += Self.textBytes([values])
    }

    /// Holds rows. False, holding nothing, when one repeats the conflict target of a row held for
    /// the same upsert: send what is held first.
    mutating func hold(_ shape: Shape, _ new: [[DatabaseValue]]) -> Bool {
        if let target = Self.conflictTarget(of: shape) {
            let keys = new.map { row in target.map { row.indices.contains($0) ? row[$0] : .null } }
            if let held = targets[shape], keys.contains(where: held.contains) { return false }
            targets[shape, default: []].formUnion(keys)
        }
        if rows[shape] == nil { shapes.append(shape) }
        rows[shape, default: []].append(contentsOf: new)
        rowCount += new.count
        textBytes += Self.textBytes(new)
        return true
    }

    mutating func holdForLater(_ sql: String, _ values: [DatabaseValue]) {
        later.append((sql, values))
    }

    /// Everything held, emptied: inserts parents first (and in the order held within a table),
    /// then the updates of rows by id (each row's in id order, with `id` first), then the other
    /// updates in the order held.
    mutating func take() -> (inserts: [(shape: Shape, rows: [[DatabaseValue]])], updates: [(update: RowUpdate, rows: [[DatabaseValue]])],
                             later: [(sql: String, values: [DatabaseValue])]) {
        let rank = { (table: String) in ArchiveSchema.tables.firstIndex(of: table) ?? ArchiveSchema.tables.count }
        let ordered = shapes.enumerated().sorted { (rank($0.element.table), $0.offset) < (rank($1.element.table), $1.offset) }
        let byID = updateShapes.map { shape in
            (shape, (updates[shape] ?? [:]).sorted { $0.key < $1.key }.map { [DatabaseValue.integer($0.key)] + $0.value })
        }
        let taken = (ordered.map { ($0.element, rows[$0.element] ?? []) }, byID, later)
        discard()
        return taken
    }

    mutating func discard() {
        shapes.removeAll()
        rows.removeAll()
        targets.removeAll()
        later.removeAll()
        updates.removeAll()
        updateShapes.removeAll()
        textBytes = 0
        rowCount = 0
    }

    private static func textBytes(_ rows: [[DatabaseValue]]) -> Int {
        rows.reduce(0) { sum, row in
            row.reduce(sum) { sum, value in if case .text(let text) = value { sum + text.utf8.count } else { sum + 8 } }
        }
    }

    /// The positions, among the shape's columns, of an upsert's conflict target: the columns in
    /// `ON CONFLICT (…) DO UPDATE`. Nil for a plain insert or `DO NOTHING`, which any repeat may reach.
    private static func conflictTarget(of shape: Shape) -> [Int]? {
        guard shape.ending.contains("DO UPDATE"),
              let open = shape.ending.range(of: "ON CONFLICT ("),
              let close = shape.ending[open.upperBound...].firstIndex(of: ")") else { return nil }
        let names = shape.ending[open.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let positions = names.compactMap { shape.columns.firstIndex(of: $0) }
        // A target not among the columns: every row counts as a repeat, and nothing is held together.
        return positions.count == names.count ? positions : []
    }
}
