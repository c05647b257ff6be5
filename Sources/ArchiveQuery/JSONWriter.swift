import ArchiveValues

/// Writes JSON by hand, so that keys keep the column order and output is byte-for-byte stable.
enum JSONWriter {
    static func object(_ columns: [String], _ cells: [ResultTable.Cell]) -> String {
        "{" + zip(columns, cells).map { string($0) + ": " + value($1) }.joined(separator: ", ") + "}"
    }

    /// "Most mentioned people" → "most_mentioned_people": a section title as a JSON key.
    static func key(_ title: String) -> String {
        title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
    }

    static func value(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .null: return "null"
        case .integer(let value): return String(value)
        // JSON has no infinities and no NaN; -0.0 prints as 0.
        case .real(let value): return value.isFinite ? (value == 0 ? "0" : String(value)) : "null"
        case .text(let text): return string(text)
        case .list(let values): return "[" + values.map(string).joined(separator: ", ") + "]"
        }
    }

    static func string(_ text: String) -> String {
        JSONText.string(text)
    }
}
