import Foundation

/// Prints a result table as text in one of the output formats.
public struct ResultFormatter: Sendable {
    public var format: OutputFormat
    /// Width to fit a table into; nil when not printing to a terminal (then nothing is cut).
    public var width: Int?

    public init(format: OutputFormat, width: Int? = nil) {
        self.format = format
        self.width = width
    }

    public func render(_ table: ResultTable) -> String {
        switch format {
        case .table: return renderTable(table)
        case .json:
            if table.rows.isEmpty { return "[]\n" }
            return "[\n" + table.rows.map { "  " + JSONWriter.object(table.columns, $0) }.joined(separator: ",\n") + "\n]\n"
        case .ndjson: return table.rows.map { JSONWriter.object(table.columns, $0) + "\n" }.joined()
        case .csv:
            let header = table.columns.map(csvField).joined(separator: ",")
            let lines = table.rows.map { $0.map { csvField($0.plain) }.joined(separator: ",") }
            return ([header] + lines).joined(separator: "\r\n") + "\r\n"
        }
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func renderTable(_ table: ResultTable) -> String {
        if table.rows.isEmpty { return "(no results)\n" }
        let cells = table.rows.map { $0.map { $0.plain.replacingOccurrences(of: "\n", with: " ") } }
        var widths = table.columns.indices.map { column in
            max(table.columns[column].count, cells.map { $0[column].count }.max() ?? 0)
        }
        if let width {
            // Shrink the widest columns first until the row fits, keeping every column at least 6 wide.
            let separators = 2 * (widths.count - 1)
            while widths.reduce(0, +) + separators > width {
                guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 else { break }
                widths[widest] -= 1
            }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                let fitted = value.count > widths[index] ? String(value.prefix(max(0, widths[index] - 1))) + "…" : value
                return index == values.count - 1 ? fitted : fitted.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var output = line(table.columns) + "\n"
        output += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cells { output += line(row) + "\n" }
        return output
    }
}
