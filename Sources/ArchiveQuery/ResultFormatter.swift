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

    /// Several titled tables (`stats`, `show`) as one document: a JSON object with a key per
    /// section, NDJSON lines that each name their section, titled text tables, or CSV blocks each
    /// after a line with its title.
    public func render(sections: [(title: String, table: ResultTable)]) -> String {
        switch format {
        case .json:
            let members = sections.map { section in
                "  " + JSONWriter.string(JSONWriter.key(section.title)) + ": "
                    + (section.table.rows.isEmpty ? "[]" : "[\n" + section.table.rows.map { "    " + JSONWriter.object(section.table.columns, $0) }
                        .joined(separator: ",\n") + "\n  ]")
            }
            return "{\n" + members.joined(separator: ",\n") + "\n}\n"
        case .ndjson:
            return sections.map { section in
                section.table.rows.map {
                    JSONWriter.object(["section"] + section.table.columns, [.text(JSONWriter.key(section.title))] + $0) + "\n"
                }.joined()
            }.joined()
        case .table:
            return sections.map { "\($0.title)\n" + render($0.table) }.joined(separator: "\n")
        case .csv:
            return sections.map { csvField($0.title) + "\r\n" + render($0.table) }.joined(separator: "\r\n")
        }
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func renderTable(_ table: ResultTable) -> String {
        if table.rows.isEmpty { return "(no results)\n" }
        let cells = table.rows.map { $0.map { $0.plain.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") } }
        var widths = table.columns.indices.map { column in
            max(DisplayWidth.of(table.columns[column]), cells.map { DisplayWidth.of($0[column]) }.max() ?? 0)
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
                let fitted = DisplayWidth.fitted(value, to: widths[index])
                return index == values.count - 1 ? fitted : DisplayWidth.padded(fitted, to: widths[index])
            }.joined(separator: "  ")
        }
        var output = line(table.columns) + "\n"
        output += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cells { output += line(row) + "\n" }
        return output
    }
}
